"""MyST-NB's view of the check records that every exercise output carries.

A check's output holds HTML, plain text and a machine-readable record
(``application/vnd.brakes.check+json``) for graders. On the site the HTML is
shown; this plugin tells MyST-NB the record is known and renders to nothing,
instead of warning about an unknown MIME type. It is registered through the
``myst_nb.mime_renderers`` entry point in pyproject.toml.
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from myst_nb.core.render import MimeData, NbElementRenderer

from brakes.exercises.outcomes import OUTCOME_MIME


class CheckRecordRenderer:
    """Render the grader's record as nothing; never pick it over the HTML."""

    mime_priority_overrides: ClassVar[list[tuple[str, str, int | None]]] = [
        ("*", OUTCOME_MIME, None)
    ]

    @staticmethod
    def handle_mime(
        renderer: NbElementRenderer, data: MimeData, inline: bool
    ) -> list[nodes.Element] | None:
        """Claim the record's MIME type; leave every other type to MyST-NB."""
        return [] if data.mime_type == OUTCOME_MIME else None
