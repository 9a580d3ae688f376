"""The learners' wheels, built from the packages their audience needs and nothing else.

The checkout's ``pyproject.toml`` describes the whole project (the trainer's
tools, the Sphinx extension, authoring). A learner's wheel is built instead
from a staged tree that holds only the packages named in :data:`LEARNER` (or
:data:`WORKSHOP`, which leaves out the course's content and so every reference
answer), and a ``pyproject.toml`` written from the checkout's own: the same
name, version, base dependencies and ``brakes`` command, the listed packages
by name, and the ``brakes.content`` entry point only when the content is in.
Nothing is deleted from a copy: a package that is not listed is never staged.

Both wheels also install JupyterLab's settings for the kits (:data:`LAB_SETTINGS`):
news and update checks off, as `make lab` has them, in the environment the learner
installs the wheel into.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Sequence
from pathlib import Path

from brakes import __version__
from brakes.errors import BrakesError

#: The learner's engine, the brand's data and the plot helpers (modules of ``brakes``).
ENGINE = ("brakes", "brakes.data", "brakes.exercises", "brakes.exercises.checkers")
#: The course's content: the chapters' exercises with their reference answers.
CONTENT = ("brakes.content", "brakes.content.chapters")
#: The notebook kit's wheel: the engine and the course's content.
LEARNER = (*ENGINE, *CONTENT)
#: A workshop kit's wheel: the engine only; its exercises travel sealed in the workshop file.
WORKSHOP = ENGINE
#: Files other than modules a package ships (relative to the package's folder).
PACKAGE_DATA = {"brakes.data": ("names/*.txt",)}
#: Files of the checkout the metadata names (the README as long description, the licences).
METADATA_FILES = ("README.md", "LICENSE", "LICENSE-CONTENT.md")
#: JupyterLab's settings in a kit's environment: it fetches no news and checks for no update
#: (requests to jupyter.org and PyPI). JupyterLab 4 reads each ``overrides.d/*.json`` of its
#: application settings folder (``{sys.prefix}/share/jupyter/lab/settings``) as the defaults
#: of its settings, before that folder's ``overrides.json``, so an administrator's file and
#: a learner's own choice in Settings still win. (JupyterLab reads no settings from the
#: folder it starts in: the kit's folder cannot carry them.)
LAB_SETTINGS = Path(__file__).with_name("lab-settings.json")
#: Where the wheel installs :data:`LAB_SETTINGS` (as ``brakes.json``), relative to ``sys.prefix``.
LAB_SETTINGS_DIR = "share/jupyter/lab/settings/overrides.d"
#: The file's name there: one per package, so that it replaces no other package's.
LAB_SETTINGS_NAME = "brakes.json"


def wheel_name(version: str = __version__) -> str:
    """The file name of the course package's wheel."""
    return f"brakes-{version}-py3-none-any.whl"


def _toml(value: object) -> str:
    """A string or a list of strings in TOML (JSON's escapes are TOML's for these)."""
    return json.dumps(value, ensure_ascii=False)


def labelled_version(label: str = "") -> str:
    """The course's version, with ``label`` as its local part (``0.1.0+seed4711``) when given.

    A workshop wheel holds other contents than the public wheel of the same version; a
    local label gives it a version of its own, so pip replaces either with the other.
    """
    return f"{__version__}+{label}" if label else __version__


def staged_pyproject(project: dict, packages: Sequence[str], version: str = __version__) -> str:
    """The ``pyproject.toml`` of a wheel holding ``packages`` only, from the checkout's project."""
    lines = [
        "[build-system]",
        'requires = ["setuptools>=80"]',
        'build-backend = "setuptools.build_meta"',
        "",
        "[project]",
        f"name = {_toml(project['name'])}",
        f"version = {_toml(version)}",
        f"description = {_toml(project['description'])}",
        'readme = "README.md"',
        f"requires-python = {_toml(project['requires-python'])}",
        f"license = {_toml(project['license'])}",
        f"dependencies = {_toml(project['dependencies'])}",
        "",
        "[project.scripts]",
        *(f"{name} = {_toml(target)}" for name, target in project["scripts"].items()),
    ]
    content = project.get("entry-points", {}).get("brakes.content", {})
    if set(CONTENT) <= set(packages) and content:
        lines += ["", '[project.entry-points."brakes.content"]']
        lines += [f"{name} = {_toml(target)}" for name, target in content.items()]
    lines += [
        "",
        "[tool.setuptools]",
        f"packages = {_toml(list(packages))}",
        'package-dir = {"" = "src"}',
    ]
    data = {name: list(globs) for name, globs in PACKAGE_DATA.items() if name in packages}
    if data:
        lines += ["", "[tool.setuptools.package-data]"]
        lines += [f"{_toml(name)} = {_toml(globs)}" for name, globs in data.items()]
    lines += ["", "[tool.setuptools.data-files]"]
    lines += [f"{_toml(LAB_SETTINGS_DIR)} = {_toml([LAB_SETTINGS_NAME])}"]
    return "\n".join(lines) + "\n"


def stage(root: Path, packages: Sequence[str], staged: Path) -> None:
    """Copy into ``staged`` the modules and data of ``packages`` (each folder's own files only)."""
    for package in packages:
        source = root / "src" / Path(*package.split("."))
        target = staged / "src" / Path(*package.split("."))
        target.mkdir(parents=True, exist_ok=True)
        for module in sorted(source.glob("*.py")):
            shutil.copy2(module, target / module.name)
        for pattern in PACKAGE_DATA.get(package, ()):
            for path in sorted(source.glob(pattern)):
                (target / path.relative_to(source)).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target / path.relative_to(source))


def build_wheel(
    root: Path, out_dir: Path, packages: Sequence[str] = LEARNER, label: str = ""
) -> Path:
    """Build the ``brakes`` wheel of ``packages`` from the checkout at ``root`` into ``out_dir``.

    ``label`` is the local part of its version (:func:`labelled_version`). Built from a
    staged tree, so the checkout gets no ``build/`` folder, and with the running
    environment's setuptools (no download), so it works offline.
    """
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    version = labelled_version(label)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="brakes-wheel-") as scratch:
        staged = Path(scratch, "brakes")
        stage(root, packages, staged)
        for name in METADATA_FILES:
            if (root / name).is_file():
                shutil.copy2(root / name, staged / name)
        shutil.copy2(LAB_SETTINGS, staged / LAB_SETTINGS_NAME)
        (staged / "pyproject.toml").write_text(
            staged_pyproject(project, packages, version), encoding="utf-8"
        )
        command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps"]
        command += ["--no-build-isolation", "--wheel-dir", str(out_dir), str(staged)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    wheel = out_dir / wheel_name(version)
    if done.returncode != 0 or not wheel.is_file():
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise BrakesError(f"could not build the brakes wheel from {root}: {last}")
    return wheel
