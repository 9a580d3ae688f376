"""The notebook kit: what a learner downloads to run the exercises without the repository.

One zip, ``releasing-the-brakes-notebooks.zip``, with a single top folder
holding the learner notebooks, the ``brakes`` wheel built from this checkout,
a ``requirements.txt`` that installs the wheel and Jupyter, and a README with
the set-up commands for Windows, macOS and Linux (``README.md`` next to this
module, also shown on the course's set-up page). The site publishes it in
``_downloads/``; a workshop kit reuses :func:`write_kit_files` with its own data.

Building the wheel takes a second or two, so :func:`build_kit` skips the work
when nothing it is made from has changed (:func:`inputs_digest`).
"""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

from brakes.config import COURSE
from brakes.digest import files_digest
from brakes.errors import BrakesError
from brakes.trainer.kit.wheels import LEARNER, METADATA_FILES, build_wheel, wheel_name

__all__ = [
    "KIT_NAME",
    "README",
    "ZIP_NAME",
    "build_kit",
    "build_wheel",
    "inputs_digest",
    "notebooks",
    "requirements_text",
    "wheel_name",
    "write_kit_files",
]

#: The zip's file name, and the folder everything sits in once unzipped.
KIT_NAME = "releasing-the-brakes-notebooks"
ZIP_NAME = f"{KIT_NAME}.zip"
#: The set-up instructions shipped in the kit (and included by course/setup.md).
README = Path(__file__).with_name("README.md")
#: Jupyter itself: the kit's requirements install it next to the wheel.
JUPYTER_REQUIREMENT = "jupyterlab>=4,<5"


def requirements_text(wheel: str) -> str:
    """``requirements.txt``: the wheel from the kit's folder, and Jupyter to open the notebooks."""
    return (
        "# Install with: python -m pip install -r requirements.txt\n"
        "# (run it in this folder: the course's package is the wheel next to this file)\n"
        f"./{wheel}\n"
        f"{JUPYTER_REQUIREMENT}\n"
    )


def notebooks(folder: Path | None = None) -> list[Path]:
    """The learner notebooks the kit ships, in course order."""
    folder = folder or COURSE.exercises_dir
    found = sorted(folder.glob("*.ipynb"))
    if not found:
        raise BrakesError(f"no learner notebook in {folder}; run 'brakes exercises' first")
    return found


def _sources(root: Path) -> Iterable[Path]:
    """Every file the kit is made from: the wheel's sources, the notebooks, the kit's README."""
    names = ("pyproject.toml", *METADATA_FILES)
    yield from (root / name for name in names if (root / name).is_file())
    yield from sorted(p for p in (root / "src" / "brakes").rglob("*") if _is_source(p))
    yield from notebooks(root / "exercises")


def _is_source(path: Path) -> bool:
    return path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"


def inputs_digest(root: Path | None = None) -> str:
    """A SHA-256 over the names and bytes of everything the kit is made from."""
    root = root or COURSE.root
    return files_digest((path, path.relative_to(root).as_posix()) for path in _sources(root))


def write_kit_files(archive: zipfile.ZipFile, top: str, wheel: Path) -> None:
    """Add the kit's set-up files (wheel, requirements, README) under ``top/`` in ``archive``."""
    archive.write(wheel, f"{top}/{wheel.name}")
    archive.writestr(f"{top}/requirements.txt", requirements_text(wheel.name))
    archive.write(README, f"{top}/README.md")


def build_kit(target: Path, stamp: Path, root: Path | None = None) -> bool:
    """Write the notebook kit's zip to ``target``; return False when it was already current.

    The digest of its inputs is kept in ``stamp`` (outside the published folder):
    the zip is rebuilt only when the code, the metadata or a notebook changed.
    """
    root = root or COURSE.root
    digest = inputs_digest(root)
    if target.is_file() and stamp.is_file() and stamp.read_text(encoding="utf-8") == digest:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    with tempfile.TemporaryDirectory(prefix="brakes-kit-") as scratch:
        wheel = build_wheel(root, Path(scratch), LEARNER)
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for notebook in notebooks(root / "exercises"):
                archive.write(notebook, f"{KIT_NAME}/{notebook.name}")
            write_kit_files(archive, KIT_NAME, wheel)
    partial.replace(target)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(digest, encoding="utf-8")
    return True
