"""Pages that paint early on a slow phone, and the switch back to the stock theme's pages.

A browser draws nothing until it has every stylesheet and every plain
``<script src>`` of the ``<head>``. Sphinx, the theme and its extensions put
eight scripts there (documentation options, doctools, highlighting, clipboard,
copy button, toggle button, the book theme's script, the design tabs); none is
needed to draw the page. Here each becomes ``defer``: fetched while the page is
parsed, run after it in the same order as before, before ``DOMContentLoaded``,
which is when they all start their work. An inline script stays where it is
and runs at once (those set variables the scripts read later), except one that
uses a name a deferred script defines (:data:`AFTER_DEFERRED`): it becomes an
inline module, which runs in its turn among the deferred scripts. Only the
course's pages (template ``page.html``): the search page's template adds Sphinx's
search scripts in plain ``<script>`` tags that call doctools.js at once, so it
keeps every script as it was.

``make bench`` measures the pages with Lighthouse against the same course on the
stock theme, built with ``-D brakes_stock_theme=1`` (:func:`stock_theme`): the
theme's own templates (``_templates/`` keeps only the footer items ``conf.py``
names, which are the course's own, not overrides), its Font Awesome script, full
stylesheets and blocking scripts. Every lightening step asks :func:`stock_theme`.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders.html._assets import _JavaScript
from sphinx.config import Config

#: One page of each type a learner opens, relative to the site's root: what ``make bench``
#: measures with Lighthouse and tests/browser/test_render_blocking.py checks.
PAGE_TYPES = {
    "landing": "index.html",
    "chapter": "course/control/index.html",
    "exercise": "exercises/01a-control-where-people-talk.html",
    "solution": "solutions/01a-control-where-people-talk.html",
    "glossary": "course/glossary.html",
}
#: Inline scripts that read a global one of the deferred scripts defines, by their start.
AFTER_DEFERRED = ("DOCUMENTATION_OPTIONS.",)
#: Where the stock build's templates go, inside Sphinx's doctree folder.
STOCK_TEMPLATES = "stock-templates"


def stock_theme(config: Config) -> bool:
    """Whether this build is the stock theme's, for comparison (``-D brakes_stock_theme=1``)."""
    return bool(config.brakes_stock_theme)


def deferred(script: _JavaScript | str) -> _JavaScript | str:
    """``script`` as it loads without holding up the first paint (see the module's docstring)."""
    if not isinstance(script, _JavaScript):
        return script
    attributes = script.attributes
    if script.filename:
        if {"defer", "async"} & attributes.keys() or attributes.get("type") == "module":
            return script
        return _JavaScript(script.filename, priority=script.priority, **attributes, defer="defer")
    if attributes.get("body", "").startswith(AFTER_DEFERRED) and "type" not in attributes:
        return _JavaScript("", priority=script.priority, **attributes, type="module")
    return script


def _defer_scripts(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if templatename == "page.html" and not stock_theme(app.config):
        context["script_files"] = [deferred(script) for script in context["script_files"]]


def _stock_templates(app: Sphinx, config: Config) -> None:
    """On the stock build, templates_path holds only the footer items conf.py names."""
    if not stock_theme(config):
        return
    target = Path(app.doctreedir, STOCK_TEMPLATES)
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    wanted = config.html_theme_options.get("footer_content_items", ())
    for folder in config.templates_path:
        for name in wanted:
            source = Path(app.confdir, folder, name)
            if source.is_file():
                shutil.copyfile(source, target / name)
    config.templates_path = [str(target)]


def setup(app: Sphinx) -> None:
    """The stock-theme switch, and every page's scripts deferred (after every other handler)."""
    app.add_config_value("brakes_stock_theme", False, "html", bool)
    app.connect("config-inited", _stock_templates)
    app.connect("html-page-context", _defer_scripts, priority=900)
