"""The course's Sphinx extension: editions, data dictionary, minutes, quiz, and more.

Besides the course's own directives, it makes the site light, accessible and usable
offline: the notebook kit to download (``notebook_kit``), icons without Font Awesome's
script (``icons``), fixes for MyST's HTML (``a11y``), a zip of the whole site
(``offline``), the theme's stylesheets trimmed to the rules the pages use
(``trim_css``), scripts that let a phone paint first (``page_speed``, which also holds
the stock-theme switch ``make bench`` compares with), the figures' PNGs re-encoded with
a palette (``shrink_png``), optional launch buttons (``launch``), and what a web server
or Pages host needs: the base URL, ``.nojekyll``, the 404 page's base (``publish``), and
what an LMS needs: a SCORM script in the learner's pages (``scorm``). It keeps builds
fast: notebooks run side by side before Sphinx reads them (``execution``), templates
stay compiled between builds (``template_cache``), and a rebuild redoes no zip, icon or
stylesheet whose inputs did not change.
The theme's templates are overridden in ``_templates/`` at the repository root.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from brakes.sphinxext import (
    a11y,
    agenda,
    answers,
    datadict,
    editions,
    execution,
    handouts,
    icons,
    launch,
    minutes,
    notebook_kit,
    offline,
    page_speed,
    publish,
    quiz,
    scorm,
    shrink_png,
    template_cache,
    trim_css,
)

STATIC = Path(__file__).parent / "static"


def _add_static(app: Sphinx) -> None:
    """Ship the extension's CSS and JS with every page, from the package itself."""
    app.config.html_static_path.append(str(STATIC))


def _default_favicon(app: Sphinx, config: Config) -> None:
    """A small local favicon, so browsers do not ask the server for a missing /favicon.ico."""
    if not config.html_favicon:
        config.html_favicon = str(STATIC / "favicon.svg")


def setup(app: Sphinx) -> dict[str, Any]:
    """Register every part of the extension."""
    app.connect("builder-inited", _add_static)
    app.connect("config-inited", _default_favicon)
    app.add_css_file("brakes.css")
    app.add_js_file("brakes-quiz.js", loading_method="defer")
    editions.setup(app)
    datadict.setup(app)
    minutes.setup(app)
    quiz.setup(app)
    answers.setup(app)
    agenda.setup(app)
    a11y.setup(app)
    icons.setup(app)
    page_speed.setup(app)
    launch.setup(app)
    notebook_kit.setup(app)
    execution.setup(app)
    template_cache.setup(app)
    trim_css.setup(app)
    shrink_png.setup(app)
    handouts.setup(app)
    offline.setup(app)
    publish.setup(app)
    scorm.setup(app)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
