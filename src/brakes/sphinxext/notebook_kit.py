"""The notebook kit on the site: the zip itself, a role to link it, and a note on notebook pages.

Every HTML build writes ``_downloads/releasing-the-brakes-notebooks.zip``
(see :mod:`brakes.trainer.kit`; rebuilt only when the package or a notebook changed).
Pages link it with the ``{notebook-kit}`` role, whose text is the link's
text; every notebook page gets a short note at its top pointing to the kit
and to the set-up page.

The kit leaves the site, so its notebooks' links to the site's pages are
pointed where it can follow them (:func:`adapted_files`). With the site's
public address, ``brakes_site_url`` (``-D brakes_site_url=https://…`` or
``BRAKES_SITE_URL``, in :mod:`brakes.settings`' precedence), they go to the
pages on that site, and the kit's README and the notebooks' first cell name
it. Without one, the kit carries the pages they link to and the set-up page,
as self-contained HTML files (:mod:`.kit_pages`), and the links go there.

The set-up page shows each system's steps with the ``setup-steps`` directive, from
the same table as the kit's README (:mod:`brakes.trainer.kit.steps`).
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

import nbformat
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from brakes.config import COURSE
from brakes.errors import BrakesError
from brakes.sphinxext.kit_pages import page_html
from brakes.sphinxext.launch import config_setting
from brakes.trainer.kit import ZIP_NAME, build_kit, notebooks, readme_text
from brakes.trainer.kit.adapt import (
    NOTEBOOKS,
    SETUP_PAGE,
    dumps,
    linked_page,
    readdress_guard,
    retarget_links,
)
from brakes.trainer.kit.steps import markdown as setup_steps

LOGGER = logging.getLogger(__name__)
FOLDER = "_downloads"


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


class SetupSteps(SphinxDirective):
    """``{setup-steps}``: each system's set-up steps, as the kit's README has them.

    Written as Markdown by :func:`brakes.trainer.kit.steps.markdown` and parsed here
    like the page's own text: each system under a ``###`` heading, so the directive
    sits in a ``##`` section.
    """

    def run(self) -> list[nodes.Node]:
        return self.parse_text_to_nodes(setup_steps(), allow_section_headings=True)


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


def adapted_files(app: Sphinx, site_url: str) -> dict[str, bytes]:
    """The kit's notebooks and README as this site hands them out, and the pages it carries.

    A link to another of the kit's notebooks stays as it is; a link to another
    page of the site goes to that page on ``site_url``, or, without an address,
    to the copy the kit carries (at the page's path on the site).
    """
    kit_notebooks = {path.stem: path for path in notebooks(COURSE.exercises_dir)}
    in_kit = {f"{NOTEBOOKS}/{stem}" for stem in kit_notebooks}
    carried = {SETUP_PAGE}

    def target(link: str) -> str:
        page = linked_page(link, app.env.found_docs)
        if page is None or page.docname in in_kit:
            return link
        carried.add(page.docname)
        uri = page.address(app.builder.get_target_uri)
        return f"{site_url}/{uri}" if site_url else uri

    files: dict[str, bytes] = {}
    for path in kit_notebooks.values():
        notebook = retarget_links(nbformat.read(path, as_version=4), target)
        if site_url:
            readdress_guard(notebook, f"{site_url}/{app.builder.get_target_uri(SETUP_PAGE)}")
        files[path.name] = dumps(notebook).encode("utf-8")
    files["README.md"] = readme_text(site_url).encode("utf-8")
    if site_url:
        return files
    carried &= set(app.env.found_docs)
    pages = {app.builder.get_target_uri(docname) for docname in carried}
    notebook_pages = {
        app.builder.get_target_uri(f"{NOTEBOOKS}/{stem}"): path.name
        for stem, path in kit_notebooks.items()
    }
    for docname in sorted(carried):
        files[app.builder.get_target_uri(docname)] = page_html(app, docname, pages, notebook_pages)
    return files


def _write_kit(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    stamp = Path(app.doctreedir) / "notebook-kit.sha256"
    adapted = adapted_files(app, app.config.brakes_site_url)
    if build_kit(Path(app.outdir, FOLDER, ZIP_NAME), stamp, adapted=adapted):
        LOGGER.info("notebook kit written: %s/%s", FOLDER, ZIP_NAME)


def _resolve_site_url(app: Sphinx, config: Config) -> None:
    """``brakes_site_url`` from -D or conf.py, else ``BRAKES_SITE_URL``, checked once."""
    try:
        config.brakes_site_url = config_setting(config, "site_url")
    except BrakesError as error:
        raise ConfigError(str(error)) from None


def setup(app: Sphinx) -> None:
    """Write the kit before the offline zip of the site (priority 900) so that zip holds it."""
    app.add_config_value("brakes_site_url", "", "html", types=frozenset({str}))
    app.add_role("notebook-kit", _kit_role)
    app.add_directive("setup-steps", SetupSteps)
    app.connect("config-inited", _resolve_site_url)
    app.connect("doctree-resolved", _note_on_notebook_pages)
    app.connect("build-finished", _write_kit, priority=500)
