"""The whole built site as one zip, for trainers whose room has no internet.

After each HTML build the edition zips itself into ``_downloads/`` (the
learner edition as ``releasing-the-brakes-site.zip``, the trainer edition as
``releasing-the-brakes-trainer-site.zip``); the page footer links to it
(``_templates/brakes-offline.html``). Unzipped, ``index.html`` opens from the
folder with no server and no network: every asset is local.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from brakes.sphinxext.editions import edition

FOLDER = "_downloads"
#: The folder name inside the zip, so unzipping never spills files around.
TOP = "releasing-the-brakes"
#: Files the theme copies but no page loads: its Font Awesome script (replaced by
#: brakes.sphinxext.icons) and source maps for browser developer tools. About half
#: the zip's weight, left out of it.
UNUSED_FILES = ("_static/scripts/fontawesome.js",)
UNUSED_SUFFIXES = (".map",)


def is_unused(relative: str) -> bool:
    """Whether a site file (a path relative to the site's root) is never loaded by a page."""
    return relative in UNUSED_FILES or relative.endswith(UNUSED_SUFFIXES)


def zip_name(edition: str) -> str:
    """The zip's file name for an edition."""
    return f"{TOP}-site.zip" if edition == "learner" else f"{TOP}-{edition}-site.zip"


def write_zip(site: Path, target: Path) -> None:
    """Zip the pages and assets of ``site`` into ``target``, atomically.

    Leaves out hidden files and folders (Sphinx's ``.doctrees`` and ``.buildinfo``),
    files no page loads (:func:`is_unused`) and any earlier zip of the site.
    """
    partial = target.with_suffix(".part")
    target.parent.mkdir(parents=True, exist_ok=True)
    skip = {target.resolve(), partial.resolve()}
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for folder, dirs, files in os.walk(site):
            # Not Sphinx's own state (.doctrees holds every edition's text, trainer notes too).
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                path = Path(folder, name)
                relative = path.relative_to(site).as_posix()
                if name.startswith(".") or path.resolve() in skip or name.endswith("-site.zip"):
                    continue
                if is_unused(relative):
                    continue
                archive.write(path, f"{TOP}/{relative}")
    partial.replace(target)


def _add_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    context["brakes_offline_zip"] = f"{FOLDER}/{zip_name(edition(app.tags))}"


def _zip_site(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name != "html":
        return
    write_zip(Path(app.outdir), Path(app.outdir, FOLDER, zip_name(edition(app.tags))))


def setup(app: Sphinx) -> None:
    """Zip the site last, after every other build-finished step has written its files."""
    app.connect("html-page-context", _add_context)
    app.connect("build-finished", _zip_site, priority=900)
