"""The whole built site as one zip, for trainers whose room has no internet.

After each HTML build the edition zips itself into ``_downloads/`` (the
learner edition as ``releasing-the-brakes-site.zip``, the trainer edition as
``releasing-the-brakes-trainer-site.zip``); the page footer links to it
(``_templates/brakes-offline.html``). Unzipped, ``index.html`` opens from the
folder with no server and no network: every asset is local.

The zip cannot hold itself, so its pages leave out the footer's link to it
(:func:`offline_page`): a copy of the site has no dead link to its own zip.

A build that changed no file of the site (a rebuild with nothing edited) keeps
the zip it has: a digest of the files it would hold is kept next to Sphinx's
own state and compared first (:func:`build_zip`).
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

from brakes.digest import files_digest
from brakes.sphinxext.editions import edition

LOGGER = logging.getLogger(__name__)
FOLDER = "_downloads"
#: The folder name inside the zip, so unzipping never spills files around.
TOP = "releasing-the-brakes"
#: Files the theme copies but no page loads: its Font Awesome script and web fonts (the
#: icons are drawn by brakes.sphinxext.icons, which never asks for the fonts) and source
#: maps for browser developer tools. About half the zip's weight, left out of it.
UNUSED_FILES = ("_static/scripts/fontawesome.js",)
UNUSED_FOLDERS = ("_static/vendor/fontawesome/",)
UNUSED_SUFFIXES = (".map",)


#: The footer's paragraphs that offer files the zip leaves out: the site's zip itself
#: (``_templates/brakes-offline.html``) and the PDF handouts (``brakes-handouts.html``).
ZIP_LINK = re.compile(r'\s*<p class="brakes-(?:offline|handouts)">.*?</p>', re.DOTALL)
#: The PDF handouts (brakes.sphinxext.handouts) are printed from these pages and published
#: beside the zip (`make release`): in it they would triple its weight for the same text.
HANDOUTS = ".pdf"


def offline_page(html: str) -> str:
    """A page of the site as its zip holds it: without the links to that zip and the PDFs."""
    return ZIP_LINK.sub("", html)


def is_unused(relative: str) -> bool:
    """Whether a site file (a path relative to the site's root) is never loaded by a page."""
    return (
        relative in UNUSED_FILES
        or relative.startswith(UNUSED_FOLDERS)
        or relative.endswith(UNUSED_SUFFIXES)
    )


def zip_name(edition: str) -> str:
    """The zip's file name for an edition."""
    return f"{TOP}-site.zip" if edition == "learner" else f"{TOP}-{edition}-site.zip"


def site_files(site: Path, target: Path) -> Iterator[tuple[Path, str]]:
    """Each file the zip of ``site`` holds, with its path relative to the site, in a fixed order.

    Leaves out hidden files and folders (Sphinx's ``.doctrees`` and ``.buildinfo``),
    files no page loads (:func:`is_unused`), any zip of the site, ``target`` included,
    and the PDF handouts (:data:`HANDOUTS`).
    """
    skip = {target.resolve(), target.with_suffix(".part").resolve()}
    for folder, dirs, files in os.walk(site):
        # Not Sphinx's own state (.doctrees holds every edition's text, trainer notes too).
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(folder, name)
            relative = path.relative_to(site).as_posix()
            if name.startswith(".") or path.resolve() in skip or name.endswith("-site.zip"):
                continue
            if relative.startswith(f"{FOLDER}/") and name.endswith(HANDOUTS):
                continue
            if not is_unused(relative):
                yield path, relative


def write_zip(site: Path, target: Path) -> None:
    """Zip the pages and assets of ``site`` (:func:`site_files`) into ``target``, atomically."""
    partial = target.with_suffix(".part")
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path, relative in site_files(site, target):
            if relative.endswith(".html"):
                info = zipfile.ZipInfo.from_file(path, f"{TOP}/{relative}")
                page = offline_page(path.read_text(encoding="utf-8"))
                archive.writestr(info, page, zipfile.ZIP_DEFLATED, compresslevel=6)
            else:
                archive.write(path, f"{TOP}/{relative}")
    partial.replace(target)


def site_digest(site: Path, target: Path) -> str:
    """A SHA-256 over the names and bytes of the files the zip would hold."""
    return files_digest(site_files(site, target))


def build_zip(site: Path, target: Path, stamp: Path) -> bool:
    """Zip ``site`` into ``target`` unless it holds the same files as last time; False if kept.

    ``stamp`` keeps the digest of the zipped files, outside the published folder.
    """
    digest = site_digest(site, target)
    if target.is_file() and stamp.is_file() and stamp.read_text(encoding="utf-8") == digest:
        return False
    write_zip(site, target)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(digest, encoding="utf-8")
    return True


def _add_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    context["brakes_offline_zip"] = f"{FOLDER}/{zip_name(edition(app.tags))}"


def _zip_site(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name != "html":
        return
    target = Path(app.outdir, FOLDER, zip_name(edition(app.tags)))
    if build_zip(Path(app.outdir), target, Path(app.doctreedir, f"{target.name}.sha256")):
        LOGGER.info("offline zip written: %s/%s", FOLDER, target.name)


def setup(app: Sphinx) -> None:
    """Zip the site last, after every other build-finished step has written its files."""
    app.connect("html-page-context", _add_context)
    app.connect("build-finished", _zip_site, priority=900)
