"""The site's pages the notebook kit carries when no site address is set, one HTML file each.

A kit without the site's address cannot link its notebooks to the site, so it
holds the pages they link to (the data dictionary, the chapters' pages, the
set-up page). Each is the page's own doctree, in the learner edition whatever
edition is built, written by the site's HTML translator with a small inline
stylesheet and no other file: it opens from the kit's folder with no server
and no network. It keeps the site's layout (``course/control/index.html``), so
links between carried pages stay as they are; a link to one of the kit's
notebooks points at the notebook file; images are inlined; any other link
(a page or a download the kit does not hold) keeps its text, unlinked.
"""

from __future__ import annotations

import base64
import html
import mimetypes
import posixpath
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.util.nodes import process_only_nodes
from sphinx.util.osutil import relative_uri
from sphinx.util.tags import Tags

from brakes.config import COURSE

STATIC = Path(__file__).parent / "static"
#: What a carried page needs besides the course's own stylesheet: readable text, tables.
BASE_CSS = """
body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0 auto;
       max-width: 48rem; padding: 1rem; color: #1f2328; }
.brakes-kit-page-note { border-bottom: 1px solid #d0d7de; color: #57606a; font-size: 0.9rem;
       padding-bottom: 0.5rem; }
table { border-collapse: collapse; } th, td { border: 1px solid #d0d7de; padding: 0.25rem 0.5rem; }
pre { background: #f6f8fa; overflow-x: auto; padding: 0.5rem; }
.admonition { border-left: 4px solid #0969da; background: #f6f8fa; margin: 1rem 0;
       padding: 0.25rem 1rem; }
.admonition-title { font-weight: bold; }
img { max-width: 100%; height: auto; }
a.headerlink { visibility: hidden; margin-left: 0.3em; text-decoration: none; }
:hover > a.headerlink { visibility: visible; }
"""
PAGE = """<!DOCTYPE html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{css}</style>
<script defer>{script}</script>
</head>
<body>
<p class="brakes-kit-page-note">{note}</p>
<main>
{body}
</main>
</body>
</html>
"""
NOTE = (
    "A page of the course's website, kept in the notebook kit so that the notebooks' "
    "links open with no network. The notebooks are in the kit's folder."
)


def learner_tags(tags: Tags) -> Tags:
    """The build's tags without the trainer's: a kit carries the learner edition's text."""
    return Tags([tag for tag in tags if tag != COURSE.trainer_tag])


def _unlink(node: nodes.Element) -> None:
    """Keep a link's text, drop the link."""
    node.replace_self(nodes.inline("", "", *node.children))


def _inline_image(node: nodes.image, srcdir: Path) -> None:
    """Put an image's bytes into its ``src``, so the page needs no image file."""
    source = Path(node["uri"])
    source = source if source.is_absolute() else srcdir / source
    kind = mimetypes.guess_type(source.name)[0]
    if kind and source.is_file():
        data = base64.b64encode(source.read_bytes()).decode("ascii")
        node["uri"] = f"data:{kind};base64,{data}"


def _retarget(
    doctree: nodes.document, page: str, carried: set[str], notebooks: Mapping[str, str]
) -> None:
    """Point the links of the carried page at ``page`` (its path) at what the kit holds."""
    folder = posixpath.dirname(page)
    for download in list(doctree.findall(addnodes.download_reference)):
        _unlink(download)
    for node in list(doctree.findall(nodes.reference)):
        parts = urlsplit(node.get("refuri", ""))
        if "refuri" not in node or parts.scheme or parts.netloc or not parts.path:
            continue  # a link on the same page, or to another website
        path = posixpath.normpath(posixpath.join(folder, parts.path))
        anchor = f"#{parts.fragment}" if parts.fragment else ""
        if path in notebooks:
            node["refuri"] = posixpath.relpath(notebooks[path], folder or ".") + anchor
        elif path not in carried:
            _unlink(node)


def page_html(app: Sphinx, docname: str, carried: set[str], notebooks: Mapping[str, str]) -> bytes:
    """The carried page of ``docname``, as one self-contained HTML file.

    ``carried`` holds the site paths of every carried page (``course/setup.html``);
    ``notebooks`` maps a kit notebook's page on the site to its file in the kit.
    """
    builder = app.builder
    assert isinstance(builder, StandaloneHTMLBuilder)
    env = app.env
    tags = learner_tags(app.tags)
    doctree = env.get_doctree(docname)
    process_only_nodes(doctree, tags)
    doctree = env.get_and_resolve_doctree(docname, builder, tags=tags, doctree=doctree)
    page = builder.get_target_uri(docname)
    _retarget(doctree, page, carried, notebooks)
    for image in doctree.findall(nodes.image):
        _inline_image(image, Path(app.srcdir))
    # What StandaloneHTMLBuilder.write_doc sets before it translates a page.
    doctree.settings = builder.docsettings
    builder.secnumbers = env.toc_secnumbers.get(docname, {})
    builder.fignumbers = env.toc_fignumbers.get(docname, {})
    builder.imgpath = relative_uri(page, "_images")
    builder.dlpath = relative_uri(page, "_downloads")
    builder.current_docname = docname
    visitor = builder.create_translator(doctree, builder)
    doctree.walkabout(visitor)
    title = env.titles[docname].astext() if docname in env.titles else docname
    css = BASE_CSS + (STATIC / "brakes.css").read_text(encoding="utf-8")
    return PAGE.format(
        language=app.config.language or "en",
        title=html.escape(f"{title} – {app.config.project}"),
        css=css,
        script=(STATIC / "brakes-quiz.js").read_text(encoding="utf-8"),
        note=NOTE,
        body="".join(visitor.fragment),  # type: ignore[attr-defined]
    ).encode("utf-8")
