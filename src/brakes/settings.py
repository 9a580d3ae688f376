"""The course's settings: declared once, resolved once, printable with ``brakes config``.

Every setting a user can change is a :class:`Declared` entry of
:data:`DECLARED`, with its environment variable, its key in a workshop file
and its default. Where two places give a value, the first of these wins:

1. the **command line** (a ``brakes`` option, or ``sphinx-build -D`` for the site);
2. the **environment** (``BRAKES_SEED=7``, ``BRAKES_DATA_DIR=…``);
3. the **workshop file** (``brakes-workshop.json``) in the notebook's own folder;
4. the **default**.

A learner's kernel resolves them once, from the folder the kernel started in
(Jupyter starts a kernel in its notebook's folder, on a laptop and on a hub),
so a later ``%cd`` in the notebook does not change which data the checks
compare against. ``brakes config`` prints each value and where it came from.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from brakes.errors import BrakesError

#: A workshop kit's settings file, found next to the notebooks.
WORKSHOP_FILE = "brakes-workshop.json"
#: The workshop file's format version this package reads.
WORKSHOP_VERSION = 1
#: The published data's seed.
PUBLISHED_SEED = 2026

COMMAND_LINE = "command line"
ENVIRONMENT = "environment"
WORKSHOP = "workshop file"
DEFAULT = "default"
#: The order in which sources are asked; the first that gives a value wins.
PRECEDENCE = (COMMAND_LINE, ENVIRONMENT, WORKSHOP, DEFAULT)


def _seed(text: Any) -> int:
    if isinstance(text, bool) or not (
        isinstance(text, int) or (isinstance(text, str) and text.strip().isdigit())
    ):
        raise ValueError(f"must be a whole number of 0 or more such as {PUBLISHED_SEED}")
    value = int(text)
    if value < 0:
        raise ValueError(f"must be a whole number of 0 or more such as {PUBLISHED_SEED}")
    return value


def _text(text: Any) -> str:
    if not isinstance(text, str):
        raise ValueError("must be text")
    return text.strip()


def _site_url(text: Any) -> str:
    url = _text(text).rstrip("/")
    if url and not url.startswith(("https://", "http://")):
        raise ValueError(
            "must be the site's http(s):// address, such as https://course.example.com"
        )
    return url


@dataclass(frozen=True)
class Declared:
    """One setting: its name, how each source spells it, its default and what it means."""

    name: str
    help: str
    parse: Callable[[Any], Any]
    env: str | None = None
    workshop_key: str | None = None
    default: Any = None


DECLARED: tuple[Declared, ...] = (
    Declared(
        "seed",
        "the seed of the generated data the notebooks load and the checks compare against",
        _seed,
        env="BRAKES_SEED",
        workshop_key="seed",
        default=PUBLISHED_SEED,
    ),
    Declared(
        "data_dir",
        "a folder of tables (written by `brakes data` or a workshop kit) read instead of a seed",
        _text,
        env="BRAKES_DATA_DIR",
        workshop_key="data",
    ),
    Declared(
        "repository_url",
        "the course's Git repository, for the site's launch buttons (Binder, Colab, a hub)",
        _text,
        env="BRAKES_REPOSITORY_URL",
        default="",
    ),
    Declared(
        "launch_url",
        "a hub URL with {path} for the notebook, for the site's launch button",
        _text,
        env="BRAKES_LAUNCH_URL",
        default="",
    ),
    Declared(
        "site_url",
        "the course website's public address, for the notebook kit's links and set-up message",
        _site_url,
        env="BRAKES_SITE_URL",
        default="",
    ),
    Declared(
        "contact",
        "who readers write to about the site's privacy and accessibility (e-mail or web page)",
        _text,
        env="BRAKES_CONTACT",
        default="",
    ),
)
_BY_NAME = {entry.name: entry for entry in DECLARED}


def declared(name: str) -> Declared:
    """The declaration of the setting called ``name``."""
    return _BY_NAME[name]


@dataclass(frozen=True)
class Value:
    """A setting's effective value and where it came from (one of :data:`PRECEDENCE`)."""

    value: Any
    origin: str
    detail: str = ""  # the variable or file it came from

    @property
    def where(self) -> str:
        """The origin in words: ``environment (BRAKES_SEED)``."""
        return f"{self.origin} ({self.detail})" if self.detail else self.origin


@dataclass(frozen=True)
class Settings:
    """Every setting's effective value, resolved once, with the workshop file it read."""

    folder: Path
    values: Mapping[str, Value]
    workshop_file: Path | None = None
    workshop: Mapping[str, Any] | None = None

    def __getitem__(self, name: str) -> Any:
        return self.values[name].value

    @property
    def seed(self) -> int:
        """The data's seed (meaningless when :attr:`data_dir` is set)."""
        return int(self["seed"])

    @property
    def data_dir(self) -> Path | None:
        """The folder of tables to read, absolute, or None for generated data."""
        value = self.values["data_dir"]
        if not value.value:
            return None
        if value.origin == WORKSHOP and self.workshop_file:
            return workshop_data_folder(self.workshop_file, value.value)
        return (self.folder / Path(value.value).expanduser()).resolve()

    def lines(self) -> list[str]:
        """What ``brakes config`` prints: one line per setting, then the precedence."""
        width = max(len(d.name) for d in DECLARED)
        out = [f"{'folder':<{width}}  {self.folder}  (where settings were resolved)"]
        for entry in DECLARED:
            value = self.values[entry.name]
            shown = "(none)" if value.value in (None, "") else value.value
            if entry.name == "data_dir" and self.data_dir is not None:
                shown = self.data_dir
            if entry.name == "seed" and self.data_dir is not None:
                shown = f"{shown} (not used: data_dir is set)"
            out.append(f"{entry.name:<{width}}  {shown}  from {value.where}")
        if self.workshop_file is not None:
            out.append(f"{'workshop':<{width}}  {self.workshop_file}")
        out.append("precedence: " + " > ".join(PRECEDENCE))
        return out


def workshop_data_folder(path: Path, named: str | None = None) -> Path:
    """The data folder the workshop file at ``path`` names, relative to the file (``data``
    when it names none); ``named`` is that name when the caller has read it already."""
    named = named if named is not None else read_workshop(path).get("data", "data")
    return (path.parent / Path(named).expanduser()).resolve()


def read_workshop(path: Path) -> dict[str, Any]:
    """The settings of a workshop file, or a BrakesError saying what to do."""
    try:
        settings = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BrakesError(
            f"{path} cannot be read ({error}); unzip the workshop kit again, or ask your trainer."
        ) from None
    if not isinstance(settings, dict) or settings.get("version") != WORKSHOP_VERSION:
        raise BrakesError(
            f"{path} is not a workshop file this version of brakes reads; install the wheel "
            "that came with the kit (python -m pip install -r requirements.txt)."
        )
    return settings


def _parsed(entry: Declared, raw: Any, where: str) -> Any:
    try:
        return entry.parse(raw)
    except ValueError as error:
        raise BrakesError(
            f"{entry.name} from {where} {error}, got {raw!r}; fix it or unset it."
        ) from None


def _here() -> Path:
    """The current folder; where it was deleted under the process, the one the shell named."""
    try:
        return Path.cwd()
    except FileNotFoundError:
        return Path(os.environ.get("PWD") or "/")


def resolve(
    command_line: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
    folder: Path | None = None,
) -> Settings:
    """Every setting from the four sources, in :data:`PRECEDENCE` order.

    A data folder and a seed are one choice (where the data come from): the
    source that names either decides both, so ``BRAKES_SEED=7`` beside a
    workshop file reads seed 7, not the kit's folder.
    """
    given = {k: v for k, v in (command_line or {}).items() if v is not None}
    environ = os.environ if environ is None else environ
    folder = (folder or _here()).resolve()
    unknown = set(given) - set(_BY_NAME)
    if unknown:
        raise ValueError(f"no such setting: {', '.join(sorted(unknown))}")
    workshop_file = folder / WORKSHOP_FILE
    workshop = read_workshop(workshop_file) if workshop_file.is_file() else None

    def found(entry: Declared) -> Value | None:
        if entry.name in given:
            return Value(_parsed(entry, given[entry.name], COMMAND_LINE), COMMAND_LINE)
        if entry.env and environ.get(entry.env, "").strip():
            raw = environ[entry.env]
            return Value(_parsed(entry, raw, entry.env), ENVIRONMENT, entry.env)
        if workshop is not None and entry.workshop_key in workshop:
            raw = workshop[entry.workshop_key]
            return Value(_parsed(entry, raw, str(workshop_file)), WORKSHOP, str(workshop_file))
        return None

    values: dict[str, Value] = {}
    for entry in DECLARED:
        values[entry.name] = found(entry) or Value(entry.default, DEFAULT)
    seed, data_dir = values["seed"], values["data_dir"]
    if PRECEDENCE.index(seed.origin) < PRECEDENCE.index(data_dir.origin):
        values["data_dir"] = Value(None, seed.origin, seed.detail)
    return Settings(folder, values, workshop_file if workshop else None, workshop)


class _Current:
    settings: Settings | None = None


def current() -> Settings:
    """This process's settings, resolved the first time they are asked for and kept.

    In a notebook that is the kernel's starting folder: a later ``%cd`` changes nothing.
    """
    if _Current.settings is None:
        _Current.settings = resolve()
    return _Current.settings


def forget() -> None:
    """Resolve again at the next :func:`current` (tests, and a trainer changing a variable)."""
    _Current.settings = None
