"""The course's Sphinx extension: editions, the data dictionary and the self-check quiz."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from brakes.sphinxext import datadict, editions, quiz

STATIC = Path(__file__).parent / "static"


def _add_static(app: Sphinx) -> None:
    """Ship the extension's CSS and JS with every page, from the package itself."""
    app.config.html_static_path.append(str(STATIC))


def setup(app: Sphinx) -> dict[str, Any]:
    """Register every part of the extension."""
    app.connect("builder-inited", _add_static)
    app.add_css_file("brakes.css")
    app.add_js_file("brakes-quiz.js", loading_method="defer")
    editions.setup(app)
    datadict.setup(app)
    quiz.setup(app)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
