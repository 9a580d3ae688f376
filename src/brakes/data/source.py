"""Where tables come from: a :class:`DataSource` (a seed, or a folder of files) you pass around.

Code that checks against some data takes the source explicitly
(``exercise("1.3", source=SeedSource(7))``, ``source.load("mentions")``), so a
grader can check many notebooks on many seeds in one process. For the
learner's one-liners there is also a *default source*: ``load("mentions")``
reads from it and ``exercise("1.3").check(...)`` checks against it. It comes
from the course's settings (:mod:`brakes.settings`: the environment's
``BRAKES_DATA_DIR`` or ``BRAKES_SEED``, else a workshop kit's data named by
``brakes-workshop.json`` in the kernel's starting folder, else the published
seed) until :func:`use` names another one; nothing else ever changes it.
``load("mentions", seed=7)`` reads seed 7 once and leaves the default alone.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from brakes import settings
from brakes.data import schema
from brakes.data.generator import DEFAULT_SEED, check_scale, check_seed, generate
from brakes.data.io import read_table, table_file
from brakes.errors import BrakesError

CACHED_SEEDS = 4
"""How many (seed, scale) sets of generated tables stay in memory."""

_generated: OrderedDict[tuple[int, float], dict[str, pd.DataFrame]] = OrderedDict()
_read: dict[tuple[Path, str], tuple[tuple[int, int], pd.DataFrame]] = {}


class DataSource:
    """Somewhere the brand's tables can be loaded from, by name."""

    def load(self, name: str) -> pd.DataFrame:
        """One table as a typed frame; a copy, so changing it never changes the next call."""
        schema.table(name)
        return self._frame(name).copy()

    def _frame(self, name: str) -> pd.DataFrame:
        raise NotImplementedError


@dataclass(frozen=True)
class SeedSource(DataSource):
    """Tables generated from a seed (optionally at a scale), cached in memory."""

    seed: int = DEFAULT_SEED
    scale: float = 1.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "seed", check_seed(self.seed))
        object.__setattr__(self, "scale", check_scale(self.scale))

    def _frame(self, name: str) -> pd.DataFrame:
        key = (self.seed, self.scale)
        if key in _generated:
            _generated.move_to_end(key)
        else:
            while len(_generated) >= CACHED_SEEDS:
                _generated.popitem(last=False)
            _generated[key] = generate(self.seed, self.scale)
        return _generated[key][name]

    def __str__(self) -> str:
        return f"seed {self.seed}" + (f", scale {self.scale:g}" if self.scale != 1.0 else "")


@dataclass(frozen=True)
class FolderSource(DataSource):
    """Tables read from the files of a folder (``brakes data`` or a workshop kit wrote them)."""

    path: Path

    def __post_init__(self) -> None:
        path = Path(self.path).expanduser().resolve()
        if not path.is_dir():
            raise BrakesError(
                f"data folder {path} does not exist; give the folder of a workshop kit."
            )
        object.__setattr__(self, "path", path)

    def _frame(self, name: str) -> pd.DataFrame:
        """Read a table once, and again only when its file changes."""
        file = table_file(self.path, name)
        stat = file.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        cached = _read.get((self.path, name))
        if cached is None or cached[0] != stamp:
            cached = (stamp, read_table(self.path, name))
            _read[(self.path, name)] = cached
        return cached[1]

    def __str__(self) -> str:
        return f"folder {self.path}"


def source(
    seed: int | None = None, data_dir: str | Path | None = None, scale: float = 1.0
) -> DataSource:
    """The source for a seed (optionally at a scale) or a folder; with neither, the environment's.

    The settings' source is ``BRAKES_DATA_DIR`` (a folder), else
    ``BRAKES_SEED``, else a workshop file's data, else the published seed.
    """
    if seed is not None and data_dir is not None:
        raise BrakesError("give either a seed or a data_dir, not both.")
    if data_dir is not None:
        if scale != 1.0:
            raise BrakesError(
                "scale only applies to generated data, not to a folder of tables; "
                "give a seed instead."
            )
        return FolderSource(Path(data_dir))
    if seed is not None:
        return SeedSource(seed, scale)
    return _from_environment(scale)


def _from_environment(scale: float = 1.0) -> DataSource:
    """The source :mod:`brakes.settings` names: a data folder, else a seed (see its precedence)."""
    chosen = settings.current()
    if chosen.data_dir is not None:
        return source(data_dir=chosen.data_dir, scale=scale)
    return SeedSource(chosen.seed, scale)


class _Default:
    """The process's default source: the environment's until :func:`use` names another."""

    chosen: DataSource | None = None


def default_source() -> DataSource:
    """The source that ``load(name)`` and a check with no ``source=`` use."""
    return _Default.chosen or _from_environment()


def use(
    seed: int | None = None, data_dir: str | Path | None = None, scale: float = 1.0
) -> DataSource | None:
    """Make a seed or a folder the default source (a workshop notebook's first line); return it.

    With neither, go back to what the settings say (resolved again when next needed).
    """
    if seed is None and data_dir is None:
        _Default.chosen = None
        settings.forget()
        return None
    _Default.chosen = source(seed=seed, data_dir=data_dir, scale=scale)
    return _Default.chosen


def active_source() -> str:
    """The default source in words: ``"seed 2026"`` or ``"folder /path"``."""
    return str(default_source())


def load(
    name: str,
    seed: int | None = None,
    scale: float | None = None,
    data_dir: str | Path | None = None,
) -> pd.DataFrame:
    """One table as a typed frame: from the default source, or from the seed or folder given.

    Giving ``seed``, ``scale`` or ``data_dir`` reads from that source this
    once; it does not change the default (call :func:`use` for that).
    """
    schema.table(name)
    if seed is None and scale is None and data_dir is None:
        return default_source().load(name)
    if seed is None and data_dir is None:
        current = default_source()
        if not isinstance(current, SeedSource):
            raise BrakesError(
                f"scale only applies to generated data, but the default source is {current}; "
                "pass seed= as well."
            )
        seed = current.seed
    return source(seed=seed, data_dir=data_dir, scale=1.0 if scale is None else scale).load(name)
