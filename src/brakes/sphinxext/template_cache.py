"""The theme's Jinja templates compiled once, not on every build.

Sphinx compiles every HTML template it renders (the theme's layout, its
sidebars, ours in ``_templates/``) to Python code on each build, about a
quarter of a second even when no page changed. Jinja can keep the compiled
code in a bytecode cache, which it checks against each template's source, so
an edited template is compiled again. The cache lives with Sphinx's own state
(the doctree folder), outside the published site.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from sphinx.application import Sphinx

#: The cache's folder, inside Sphinx's doctree folder.
FOLDER = "jinja-bytecode"


def _cache_templates(app: Sphinx) -> None:
    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if environment is None or environment.bytecode_cache is not None:
        return  # not a template builder, or someone set a cache already
    folder = Path(app.doctreedir, FOLDER)
    folder.mkdir(parents=True, exist_ok=True)
    environment.bytecode_cache = FileSystemBytecodeCache(str(folder))


def setup(app: Sphinx) -> None:
    """Give the builder's template environment a bytecode cache once the builder exists."""
    app.connect("builder-inited", _cache_templates)
