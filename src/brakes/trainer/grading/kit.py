"""What a room's notebooks are graded against: a workshop kit's tables and notebooks.

KIT may be any of these (the first that fits wins):

* what ``brakes workshop --out KIT`` wrote, or its participants' folder: the
  workshop file (``brakes-workshop.json``) names the data folder, and the
  notebooks sit beside it;
* a folder with the tables in ``data/`` (as ``brakes data --out KIT/data``
  writes them) and the notebooks in ``notebooks/`` or beside ``data/``;
* a folder of tables itself.

The notebooks as handed out tell the learner's cells from those the kit gave,
and which exercises a notebook holds (see :mod:`brakes.trainer.grading.results`);
with none in the kit, the course's ``exercises/`` folder is used when it is
there. The workshop file's sealed answers never judge: the grader judges
each answer with the course's own check on the kit's tables. They are what a
graded notebook's own checks show, as in the room (:func:`kernel_workshop`).
The workshop file records which course version made the kit
(:func:`version_warning`).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat

from brakes.config import COURSE
from brakes.data import schema
from brakes.data.io import FORMATS
from brakes.data.source import FolderSource
from brakes.errors import BrakesError
from brakes.exercises.registry import all_exercises
from brakes.settings import WORKSHOP_FILE, WORKSHOP_VERSION, read_workshop, workshop_data_folder
from brakes.trainer.grading.result import code_cells, exercise_cells
from brakes.trainer.workshop import BUILD_KEYS, UNKNOWN_COMMIT, sealed_on

#: Where a kit keeps its tables, relative to the kit's folder, when no workshop file says.
KIT_DATA = "data"
#: Where a kit may keep the learner notebooks it hands out (else beside its data folder).
KIT_NOTEBOOKS = "notebooks"
_WHAT_A_KIT_IS = (
    "give the folder `brakes workshop` wrote, or a folder of tables `brakes data` wrote"
)


@dataclass(frozen=True)
class Kit:
    """The tables to grade against (absolute), the notebooks as handed out, if any, the
    course version and commit that made the kit, if its workshop file records them, and that
    workshop file, if it has one."""

    data: Path
    notebooks: Path | None
    course: dict[str, str] | None = None
    workshop_file: Path | None = None


def recorded_build(settings: Path) -> dict[str, str] | None:
    """The ``course`` a workshop file records (``version``, ``commit``), or None (an older kit)."""
    course = read_workshop(settings).get("course")
    if isinstance(course, dict) and all(isinstance(course.get(k), str) for k in BUILD_KEYS):
        return {key: course[key] for key in BUILD_KEYS}
    return None


def version_warning(kit: dict[str, str] | None, grader: dict[str, str]) -> str:
    """A line for the trainer when the kit was made by another course version than the grader.

    Versions differ, or both commits are known and differ: the checks may not
    give the verdicts the learners saw in the room. Nothing when the kit
    records no version (it was made before kits did).
    """
    if kit is None:
        return ""
    commits = {kit["commit"], grader["commit"]} - {UNKNOWN_COMMIT}
    if kit["version"] == grader["version"] and len(commits) < 2:
        return ""
    return (
        f"WARNING: this grader is brakes {_build_words(grader)}, but the kit was made by brakes "
        f"{_build_words(kit)}: its checks may give other verdicts than the learners saw. "
        "Grade with the version that made the kit to be sure."
    )


def _build_words(build: dict[str, str]) -> str:
    commit = build["commit"]
    return build["version"] + (f" (commit {commit[:12]})" if commit != UNKNOWN_COMMIT else "")


def missing_tables(folder: Path) -> list[str]:
    """The course's tables that ``folder`` holds no file for (none missing: a data folder)."""
    return [
        name
        for name in schema.TABLES
        if not any((folder / f"{name}.{fmt}").is_file() for fmt in FORMATS)
    ]


def _holds_notebooks(folder: Path) -> bool:
    return folder.is_dir() and any(folder.glob("*.ipynb"))


def _workshop_file(kit: Path) -> Path | None:
    """The kit's workshop file: in KIT, or one or two folders down (``participants/<kit>/``)."""
    found = [
        path
        for pattern in (
            WORKSHOP_FILE,
            f"*/{WORKSHOP_FILE}",
            f"*/*/{WORKSHOP_FILE}",
        )
        for path in sorted(kit.glob(pattern))
        if path.is_file()
    ]
    if len({path.parent for path in found}) > 1:
        names = ", ".join(str(path.parent) for path in found)
        raise BrakesError(f"{kit} holds several workshop kits ({names}); give one of them")
    return found[0] if found else None


def _tables(folder: Path, kit: Path) -> Path:
    """``folder`` if it holds every table, else the error that lists what is missing."""
    missing = missing_tables(folder)
    if missing:
        raise BrakesError(
            f"{kit} is not a workshop kit: {folder} lacks the tables {', '.join(missing)}; "
            + _WHAT_A_KIT_IS
        )
    return folder.resolve()


def locate(kit: Path) -> Kit:
    """Find the tables and the handed-out notebooks of ``kit`` (see the module docstring)."""
    kit = Path(kit).expanduser()
    if not kit.is_dir():
        raise BrakesError(f"the kit {kit} is not a folder; {_WHAT_A_KIT_IS}")
    settings = _workshop_file(kit)
    if settings is not None:
        return Kit(
            _tables(workshop_data_folder(settings), kit),
            settings.parent.resolve(),
            recorded_build(settings),
            settings.resolve(),
        )
    if (kit / KIT_DATA).is_dir():
        data = _tables(kit / KIT_DATA, kit)
        for folder in (kit / KIT_NOTEBOOKS, kit):
            if _holds_notebooks(folder):
                return Kit(data, folder.resolve())
        return Kit(data, None)
    return Kit(_tables(kit, kit), None)


def table_files(folder: Path) -> list[Path]:
    """The files of the course's tables in a data folder (what a scratch copy needs)."""
    return [
        folder / f"{name}.{fmt}"
        for name in schema.TABLES
        for fmt in FORMATS
        if (folder / f"{name}.{fmt}").is_file()
    ]


def kernel_workshop(kit: Kit) -> dict[str, Any]:
    """The settings of the workshop file a graded notebook finds beside it, but its ``data``.

    The kernel cannot import the course's content (:mod:`.sandbox`), so the
    notebook's own ``exercise("1.3")`` checks, hints and solutions come from
    sealed exercises, and show what the learner saw in the room: the kit's own
    file when it has one (the seals its learners checked against), else every
    exercise sealed here on the kit's tables, with a fresh salt. Made once per
    grading run; the runner points ``data`` at each notebook's copy of the tables.
    """
    if kit.workshop_file is not None:
        return read_workshop(kit.workshop_file)
    salt = secrets.token_hex(16)
    return {
        "version": WORKSHOP_VERSION,
        "salt": salt,
        "exercises": sealed_on(all_exercises(), FolderSource(kit.data).load, salt),
    }


@dataclass(frozen=True)
class GivenNotebook:
    """A notebook as handed out: its exercise ids, and the fingerprints of its code cells."""

    name: str
    exercises: tuple[str, ...]  # in the notebook's order
    codes: tuple[str, ...]  # source_key() of each code cell, in order


def given_notebook(path: Path) -> GivenNotebook:
    """Read one handed-out notebook (the kit's own file: if unreadable, the trainer fixes it)."""
    try:
        nb = nbformat.read(path, as_version=4)
    except (OSError, ValueError) as error:
        raise BrakesError(f"cannot read the kit's notebook {path} ({error})") from None
    return GivenNotebook(
        name=path.name,
        exercises=tuple(dict.fromkeys(entry.exercise for entry in exercise_cells(nb.cells))),
        codes=tuple(code.key for code in code_cells(nb.cells)),
    )


def given_notebooks(kit: Kit) -> tuple[GivenNotebook, ...]:
    """The kit's learner notebooks, else the course's ``exercises/`` (none if neither exists)."""
    folder = kit.notebooks or COURSE.exercises_dir
    if not folder.is_dir():
        return ()
    return tuple(given_notebook(path) for path in sorted(folder.glob("*.ipynb")))
