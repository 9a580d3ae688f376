"""The notebook kit: what a learner downloads to run the exercises without the repository.

One zip, ``releasing-the-brakes-notebooks.zip``, with a single top folder
holding the learner notebooks, the ``brakes`` wheel built from this checkout,
a ``requirements.txt`` that installs the wheel and Jupyter, and a README with
the set-up commands for Windows, macOS, Linux and a hub (``README.md`` next to this
module, with the steps of :mod:`.steps` written in; the course's set-up page shows
the same steps). The site publishes it in
``_downloads/``; a workshop kit reuses :func:`write_kit_files` with its own data.

Building the wheel takes a second or two, so :func:`build_kit` skips the work
when nothing it is made from has changed (:func:`inputs_digest`). The site's
build hands it its own versions of some files (the notebooks with their links
pointed at the site, or at the pages the kit then carries, and the README
naming the site's address, :func:`readme_text`).
"""

from __future__ import annotations

import hashlib
import re
import tempfile
import tomllib
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from brakes.config import COURSE
from brakes.digest import files_digest
from brakes.errors import BrakesError
from brakes.trainer.kit.steps import markdown as setup_steps
from brakes.trainer.kit.wheels import LEARNER, METADATA_FILES, build_wheel, wheel_name

__all__ = [
    "KIT_NAME",
    "README",
    "ZIP_NAME",
    "build_kit",
    "build_wheel",
    "inputs_digest",
    "jupyter_requirement",
    "notebooks",
    "readme_source",
    "readme_text",
    "requirements_text",
    "wheel_name",
    "write_kit_files",
]

#: The zip's file name, and the folder everything sits in once unzipped.
KIT_NAME = "releasing-the-brakes-notebooks"
ZIP_NAME = f"{KIT_NAME}.zip"
#: The kit's README, without its set-up steps (:func:`readme_source` writes them in).
README = Path(__file__).with_name("README.md")
#: Where each system's set-up steps go in the README (between these markers).
SETUP_STEPS = re.compile(
    r"(<!-- setup-commands-start -->\n).*?(\n<!-- setup-commands-end -->)", re.DOTALL
)
#: The README's paragraph that says where the course's website is (between these markers).
SITE_ADDRESS = re.compile(
    r"(<!-- site-address-start -->\n).*?(\n<!-- site-address-end -->)", re.DOTALL
)
#: The optional dependencies of pyproject.toml that name the JupyterLab the course supports.
LAB_EXTRA = "lab"


def jupyter_requirement(root: Path | None = None) -> str:
    """JupyterLab as the checkout at ``root`` asks for it (pyproject.toml's ``lab`` extra).

    The kit's requirements install that JupyterLab next to the wheel: one floor, written
    once, for the trainer's `make lab` and the learner's kit.
    """
    pyproject = (root or COURSE.root) / "pyproject.toml"
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    extra = project.get("optional-dependencies", {}).get(LAB_EXTRA, [])
    found = [line for line in extra if re.match(r"jupyterlab\b", line, re.IGNORECASE)]
    if len(found) != 1:
        raise BrakesError(
            f"{pyproject}'s {LAB_EXTRA!r} extra must name jupyterlab once (it names it "
            f"{len(found)} times): the notebook kit asks for that JupyterLab"
        )
    return found[0]


def requirements_text(wheel: str, root: Path | None = None) -> str:
    """``requirements.txt``: the wheel from the kit's folder, and Jupyter to open the notebooks."""
    return (
        "# Install with: python -m pip install -r requirements.txt\n"
        "# (run it in this folder: the course's package is the wheel next to this file)\n"
        f"./{wheel}\n"
        f"{jupyter_requirement(root)}\n"
    )


def readme_text(site_url: str, carries_pages: bool = True) -> str:
    """The kit's README, saying where the course's website is (at ``site_url``, or in the
    kit) and which version of the course made the kit.

    Without an address, the site's kit carries the pages its notebooks link to, in
    ``course/``; a workshop kit (``carries_pages`` False) carries none, and its
    trainer knows the address.
    """
    if site_url:
        where = f"The full course, with the chapters to read, is on its website: <{site_url}/>."
    elif carries_pages:
        where = (
            "The full course, with the chapters to read, is on the course's website. The "
            "pages the notebooks link to are in this folder too: open `course/setup.html` "
            "or the chapters' pages in `course/` in your web browser."
        )
    else:
        where = (
            "The full course, with the chapters to read, is on the course's website: ask "
            "your trainer for its address."
        )
    where += f" This kit holds version {COURSE.version} of the course."
    readme = readme_source()
    text, found = SITE_ADDRESS.subn(lambda m: m.group(1) + where + m.group(2), readme)
    if found != 1:
        raise BrakesError(
            f"{README} lost its site-address markers: put them back around the site's paragraph"
        )
    return text


def readme_source() -> str:
    """The kit's README with each system's set-up steps (:mod:`.steps`) written in."""
    readme = README.read_text(encoding="utf-8")
    steps = setup_steps().rstrip("\n")
    text, found = SETUP_STEPS.subn(lambda m: m.group(1) + steps + m.group(2), readme)
    if found != 1:
        raise BrakesError(
            f"{README} lost its setup-commands markers: put them back where the steps go"
        )
    return text


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


def inputs_digest(root: Path | None = None, adapted: Mapping[str, bytes] | None = None) -> str:
    """A SHA-256 over the names and bytes of everything the kit is made from.

    ``adapted`` (see :func:`build_kit`) counts too: a new site address changes the kit.
    """
    root = root or COURSE.root
    start = hashlib.sha256()
    for name, data in sorted((adapted or {}).items()):
        start.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return files_digest(
        ((path, path.relative_to(root).as_posix()) for path in _sources(root)),
        start.digest() if adapted else b"",
    )


def write_kit_files(
    archive: zipfile.ZipFile,
    top: str,
    wheel: Path,
    readme: bytes | None = None,
    root: Path | None = None,
) -> None:
    """Add the kit's set-up files (wheel, requirements, README) under ``top/`` in ``archive``."""
    archive.write(wheel, f"{top}/{wheel.name}")
    archive.writestr(f"{top}/requirements.txt", requirements_text(wheel.name, root))
    archive.writestr(f"{top}/README.md", readme_source() if readme is None else readme)


def build_kit(
    target: Path,
    stamp: Path,
    root: Path | None = None,
    adapted: Mapping[str, bytes] | None = None,
) -> bool:
    """Write the notebook kit's zip to ``target``; return False when it was already current.

    ``adapted`` maps a path in the kit's folder to the bytes it holds instead of
    the checkout's file (a notebook, ``README.md``), or besides them (a page the
    notebooks link to). The digest of its inputs is kept in ``stamp`` (outside the
    published folder): the zip is rebuilt only when the code, the metadata, a
    notebook or an adapted file changed.
    """
    root = root or COURSE.root
    adapted = dict(adapted or {})
    digest = inputs_digest(root, adapted)
    if target.is_file() and stamp.is_file() and stamp.read_text(encoding="utf-8") == digest:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    with tempfile.TemporaryDirectory(prefix="brakes-kit-") as scratch:
        wheel = build_wheel(root, Path(scratch), LEARNER)
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for notebook in notebooks(root / "exercises"):
                if notebook.name in adapted:
                    archive.writestr(f"{KIT_NAME}/{notebook.name}", adapted.pop(notebook.name))
                else:
                    archive.write(notebook, f"{KIT_NAME}/{notebook.name}")
            write_kit_files(archive, KIT_NAME, wheel, adapted.pop("README.md", None), root)
            for name, data in sorted(adapted.items()):
                archive.writestr(f"{KIT_NAME}/{name}", data)
    partial.replace(target)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(digest, encoding="utf-8")
    return True
