"""The minutes a page declares: shown under its title, and read back for a trainer's agenda.

A Markdown page declares them in its front matter::

    ---
    teaching: 30
    exercises: 60
    ---

and a notebook in its metadata: ``{"brakes": {"minutes": {"teaching": 30, "exercises": 60}}}``.
Either key may be left out. In both editions such a page shows, under its
title, "Time: about 30 min reading, 60 min exercises" (:meth:`Minutes.line`).
:func:`declared_minutes` gives every page's minutes from a build environment,
so a schedule can be computed from them rather than typed again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from brakes.notebook_meta import notebook_minutes

logger = logging.getLogger(__name__)

#: The keys a page may declare, and how the line names each for a reader.
KINDS = {"teaching": "reading", "exercises": "exercises"}
#: The class of the line's paragraph (styled in brakes.css).
CSS_CLASS = "brakes-minutes"


class MinutesError(ValueError):
    """A page declares minutes that are not whole numbers."""


@dataclass(frozen=True)
class Minutes:
    """A page's declared minutes of teaching (reading, for a learner alone) and exercises."""

    teaching: int = 0
    exercises: int = 0

    @property
    def total(self) -> int:
        """Teaching and exercises together."""
        return self.teaching + self.exercises

    def line(self) -> str:
        """What the page shows: ``Time: about 30 min reading, 60 min exercises``."""
        shown = [
            f"{getattr(self, k)} min {label}" for k, label in KINDS.items() if getattr(self, k)
        ]
        return "Time: about " + ", ".join(shown)


def page_minutes(metadata: Mapping[str, Any]) -> Minutes | None:
    """The minutes in one page's metadata (``env.metadata[docname]``), or None if it declares none.

    Front matter keys arrive as text; a notebook's ``brakes`` metadata as JSON text.
    """
    declared: Any = {key: metadata[key] for key in KINDS if key in metadata}
    if not declared:
        declared = notebook_minutes(metadata)
    if not isinstance(declared, dict) or not declared:
        return None
    unknown = set(declared) - set(KINDS)
    if unknown:
        raise MinutesError(
            f"unknown minutes {', '.join(sorted(unknown))}: declare only {' and '.join(KINDS)}"
        )
    values = {}
    for key, value in declared.items():
        try:
            values[key] = int(str(value).strip())
        except ValueError:
            raise MinutesError(
                f"{key}: {value!r} is not a whole number of minutes (write e.g. '{key}: 30')"
            ) from None
        if values[key] < 0:
            raise MinutesError(f"{key}: {value!r} minutes cannot be negative")
    minutes = Minutes(**values)
    return minutes if minutes.total else None


def declared_minutes(env: BuildEnvironment) -> dict[str, Minutes]:
    """Every page's declared minutes, by docname (sorted).

    Pages that declare none are left out. Reads ``env.metadata`` only, so it
    works on a fresh build's environment as on one read back from ``.doctrees``.
    """
    found = {}
    for docname in sorted(env.found_docs):
        minutes = page_minutes(env.metadata.get(docname, {}))
        if minutes is not None:
            found[docname] = minutes
    return found


def _show(app: Sphinx, doctree: nodes.document) -> None:
    """Put the page's minutes line right under its title."""
    docname = app.env.docname
    try:
        minutes = page_minutes(app.env.metadata.get(docname, {}))
    except MinutesError as error:
        logger.warning(f"minutes: {error}", location=docname, type="brakes", subtype="minutes")
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    if minutes is None or section is None:
        return
    title = section.first_child_matching_class(nodes.title)
    line = nodes.paragraph("", minutes.line(), classes=[CSS_CLASS])
    section.insert(0 if title is None else title + 1, line)


def setup(app: Sphinx) -> None:
    """Show minutes once Sphinx has collected each page's metadata (priority 600, after it)."""
    app.connect("doctree-read", _show, priority=600)
