"""The course's own notebook metadata (``metadata["brakes"]``), read and written here only.

A solution notebook marks its cells so every tool finds the exercises without
parsing code: an exercise's code cell holds ``{"brakes": {"exercise": "1.3"}}``
(plus ``"kind": "predict"`` or ``"interpret"``), its Markdown statement
``{"brakes": {"prompt": "1.3"}}``; the notebook itself may declare its minutes,
``{"brakes": {"minutes": {"teaching": 30, "exercises": 60}}}``. Authoring (the
learner copy, the consistency check), the site (minutes) and the grader (which
cell is which exercise) all read it through this module.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

#: The key of the course's metadata, in a cell's and in a notebook's metadata.
META = "brakes"


@dataclass(frozen=True)
class CellMeta:
    """What a cell's ``metadata["brakes"]`` says: the exercise it answers or states, its kind."""

    exercise: str | None = None  # a code cell that answers this exercise
    prompt: str | None = None  # a Markdown cell that states this exercise
    kind: str | None = None  # "predict" or "interpret" (None: computed and checked)

    def as_metadata(self) -> dict[str, str]:
        """The JSON a cell carries under :data:`META` (empty keys left out)."""
        fields = {"exercise": self.exercise, "prompt": self.prompt, "kind": self.kind}
        return {key: value for key, value in fields.items() if value is not None}


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def cell_meta(cell: Mapping[str, Any]) -> CellMeta:
    """The course's metadata of a notebook cell (all None when it has none, or a malformed one)."""
    meta = (cell.get("metadata") or {}).get(META)
    if not isinstance(meta, Mapping):
        return CellMeta()
    return CellMeta(_text(meta.get("exercise")), _text(meta.get("prompt")), _text(meta.get("kind")))


def exercise_cells(cells: list[Mapping[str, Any]]) -> list[tuple[int, CellMeta]]:
    """The position and metadata of every code cell that answers an exercise, in order."""
    found = []
    for position, cell in enumerate(cells):
        meta = cell_meta(cell)
        if cell.get("cell_type") == "code" and meta.exercise is not None:
            found.append((position, meta))
    return found


def notebook_minutes(metadata: Mapping[str, Any]) -> dict[str, Any]:
    """The minutes a notebook's metadata declares (Sphinx hands it over as JSON text), or {}."""
    meta = metadata.get(META)
    if isinstance(meta, str):
        try:
            meta = json.loads(meta)
        except ValueError:
            return {}
    minutes = meta.get("minutes", {}) if isinstance(meta, Mapping) else {}
    return dict(minutes) if isinstance(minutes, Mapping) else {}
