"""The notebook kit on the site: the zip itself, a role to link it, and a note on notebook pages.

Every HTML build writes ``_downloads/releasing-the-brakes-notebooks.zip``
(see :mod:`brakes.trainer.kit`; rebuilt only when the package or a notebook changed).
Pages link it with the ``{notebook-kit}`` role, whose text is the link's
text; every notebook page gets a short note at its top pointing to the kit
and to the set-up page.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from brakes.trainer.kit import ZIP_NAME, build_kit

LOGGER = logging.getLogger(__name__)
FOLDER = "_downloads"
#: The course page that explains the set-up, step by step.
SETUP_PAGE = "course/setup"


def kit_uri(docname: str) -> str:
    """The kit's address relative to the HTML page of ``docname``."""
    return posixpath.relpath(f"{FOLDER}/{ZIP_NAME}", posixpath.dirname(docname) or ".")


def _kit_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Any,
    options: dict | None = None,
    content: list | None = None,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    docname = inliner.document.settings.env.docname
    link = nodes.reference(rawtext, text or "notebook kit", refuri=kit_uri(docname))
    link["classes"].append("brakes-kit-link")
    return [link], []


def _note_on_notebook_pages(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """At the top of each notebook page: how to run it on one's own computer."""
    if app.builder.format != "html" or Path(app.env.doc2path(docname)).suffix != ".ipynb":
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        return
    setup = app.builder.get_relative_uri(docname, SETUP_PAGE)
    note = nodes.note(classes=["brakes-kit-note"])
    paragraph = nodes.paragraph()
    paragraph += nodes.Text("To run this notebook on your own computer, download the ")
    paragraph += nodes.reference("", "notebook kit", refuri=kit_uri(docname))
    paragraph += nodes.Text(" (all the exercise notebooks and the course's package) and follow ")
    paragraph += nodes.reference("", "the set-up page", refuri=setup)
    paragraph += nodes.Text(".")
    note += paragraph
    title = next(iter(section.findall(nodes.title)), None)
    section.insert(section.index(title) + 1 if title is not None else 0, note)


def _write_kit(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    stamp = Path(app.doctreedir) / "notebook-kit.sha256"
    if build_kit(Path(app.outdir, FOLDER, ZIP_NAME), stamp):
        LOGGER.info("notebook kit written: %s/%s", FOLDER, ZIP_NAME)


def setup(app: Sphinx) -> None:
    """Write the kit before the offline zip of the site (priority 900) so that zip holds it."""
    app.add_role("notebook-kit", _kit_role)
    app.connect("doctree-resolved", _note_on_notebook_pages)
    app.connect("build-finished", _write_kit, priority=500)
