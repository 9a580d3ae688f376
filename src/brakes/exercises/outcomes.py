"""Outcome records: what every check, hint and solution leaves in a notebook.

Each display carries a JSON record under the MIME type :data:`OUTCOME_MIME`
next to its text and HTML, so a grader can read results back from an executed
notebook with :func:`read_outcomes`, or from the outputs it kept with
:func:`outcomes_of`. Records hold no timestamps, ids or addresses: solution
notebooks are compared byte for byte by nbval.

A record is ``{"version": 1, "exercise": "0.2", "kind": "check", "status":
"incorrect", "feedback": "…"}``. ``kind`` is ``"check"``, ``"hint"`` or
``"solution"``; ``status`` is one of :class:`Status` for checks and ``null``
for hints and solutions (they say nothing about the answer); hint records add
``"hint": n`` (the number of the hint shown). A check that records a prediction
or a reflection (status ``"recorded"``) adds ``"answer"``: the learner's own
words as written, so a trainer can read them in the grading report.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

#: The MIME type of an outcome record in a notebook output.
OUTCOME_MIME = "application/vnd.brakes.check+json"
#: The record format version; bump it when a field changes meaning.
RECORD_VERSION = 1


class Status(StrEnum):
    """How a check ended."""

    CORRECT = "correct"
    INCORRECT = "incorrect"
    NOT_ATTEMPTED = "not_attempted"
    ERROR = "error"
    RECORDED = "recorded"  # a prediction or a reflection, saved as written (not judged)


class Kind(StrEnum):
    """What a display was: a check of an answer, a hint, or the solution."""

    CHECK = "check"
    HINT = "hint"
    SOLUTION = "solution"


def make_record(
    exercise: str,
    kind: Kind,
    feedback: str,
    status: Status | None = None,
    hint: int | None = None,
    answer: str | None = None,
) -> dict[str, Any]:
    """The JSON record of one display (see the module docstring for the fields)."""
    record: dict[str, Any] = {
        "version": RECORD_VERSION,
        "exercise": exercise,
        "kind": str(kind),
        "status": str(status) if status is not None else None,
        "feedback": feedback,
    }
    if hint is not None:
        record["hint"] = hint
    if answer is not None:
        record["answer"] = answer
    return record


@dataclass(frozen=True)
class Outcome:
    """The state of one exercise in an executed notebook.

    ``status`` and ``feedback`` come from the last check (``not_attempted`` and
    ``""`` when the exercise was never checked); ``hints_seen`` is the highest
    hint number shown, ``solution_seen`` whether the solution was displayed;
    ``answer`` the learner's words the last check recorded (predict and
    interpret cells; ``""`` otherwise).
    """

    exercise: str
    status: Status
    feedback: str = ""
    checks: int = 0
    hints_seen: int = 0
    solution_seen: bool = False
    answer: str = ""


def _records(outputs: Iterable[Any]) -> list[dict[str, Any]]:
    """Every well-formed outcome record among notebook outputs, in order."""
    found: list[dict[str, Any]] = []
    for output in outputs:
        data = output.get("data") if isinstance(output, dict) else None
        if not isinstance(data, dict) or OUTCOME_MIME not in data:
            continue
        record = data[OUTCOME_MIME]
        if isinstance(record, str):
            try:
                record = json.loads(record)
            except ValueError:
                continue
        if _well_formed(record):
            found.append(record)
    return found


def _well_formed(record: Any) -> bool:
    """A record we understand (a grader reads hostile notebooks: skip the rest)."""
    if not isinstance(record, dict) or record.get("version") != RECORD_VERSION:
        return False
    if not isinstance(record.get("exercise"), str) or not isinstance(record.get("feedback"), str):
        return False
    kind = record.get("kind", "check")
    if kind not in {k.value for k in Kind}:
        return False
    if kind == Kind.CHECK:
        return record.get("status") in {s.value for s in Status}
    return kind != Kind.HINT or isinstance(record.get("hint"), int)


def read_outcomes(notebook: Any) -> list[Outcome]:
    """Read the outcome of every exercise from an executed notebook.

    ``notebook`` is a path (str or Path) or an already-read notebook node.
    See :func:`outcomes_of` for how records add up.
    """
    if isinstance(notebook, str | Path):
        # Imported here, not at the top: this module is in every learner's kernel, and
        # nbformat's import (jsonschema and its format checkers) costs 1-3 s there.
        import nbformat

        notebook = nbformat.read(str(notebook), as_version=4)
    return outcomes_of(
        output
        for cell in notebook.get("cells", []) or []
        if isinstance(cell, dict) and cell.get("cell_type") == "code"
        for output in cell.get("outputs", []) or []
    )


def outcomes_of(outputs: Iterable[Any]) -> list[Outcome]:
    """The outcome of every exercise whose records are among ``outputs`` (Jupyter outputs).

    For each exercise the last check wins; exercises appear in the order they
    first show up. Malformed or foreign records are ignored. The grader calls
    this on the outputs its worker kept, without rebuilding a notebook.
    """
    state: dict[str, dict[str, Any]] = {}
    for record in _records(outputs):
        entry = state.setdefault(
            record["exercise"],
            {
                "status": Status.NOT_ATTEMPTED,
                "feedback": "",
                "answer": "",
                "checks": 0,
                "hints": 0,
                "sol": False,
            },
        )
        kind = record.get("kind", "check")
        if kind == Kind.CHECK:
            entry["status"] = Status(record["status"])
            entry["feedback"] = record["feedback"]
            answer = record.get("answer")
            entry["answer"] = answer if isinstance(answer, str) else ""
            entry["checks"] += 1
        elif kind == Kind.HINT:
            entry["hints"] = max(entry["hints"], record["hint"])
        else:
            entry["sol"] = True
    return [
        Outcome(
            exercise=exercise,
            status=entry["status"],
            feedback=entry["feedback"],
            checks=entry["checks"],
            hints_seen=entry["hints"],
            solution_seen=entry["sol"],
            answer=entry["answer"],
        )
        for exercise, entry in state.items()
    ]
