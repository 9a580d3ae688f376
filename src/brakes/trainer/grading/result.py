"""What running one submission left: one type from the worker to the report.

The worker (:mod:`brakes.trainer.grading.worker`) makes a :class:`Result` and
sends it as one JSON line (:meth:`Result.to_json`); the runner reads it back
(:meth:`Result.from_json`, which names what was wrong with a garbled line
rather than raising), adds its wall-clock seconds and whether the kernel ran
sandboxed, and :mod:`brakes.trainer.grading.results` reads it to make the
report's rows. Nothing else holds a run's outcome.

Only what grading reads is kept: which cells are exercises (as the course's
metadata marks them, :mod:`brakes.notebook_meta`), a fingerprint of every
code cell (to tell the learner's cells from those the kit gave), the check
records each cell displayed, the first cells' errors, and the answer
variables as the kernel sent them (:mod:`brakes.trainer.grading.answers`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any, TypeVar

from brakes.notebook_meta import exercise_cells as marked_exercise_cells
from brakes.trainer.grading.status import RunStatus

#: How many characters of an exercise id are kept (a notebook's metadata is the learner's).
EXERCISE_CHARS = 40

T = TypeVar("T")


def short(text: Any, limit: int) -> str:
    """``text`` as a string of at most ``limit`` characters (cut with an ellipsis)."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class ExerciseCell:
    """A code cell the course's metadata marks as an exercise's answer."""

    cell: int  # its position in the notebook
    exercise: str
    kind: str  # "predict", "interpret" or "" (computed and checked)


@dataclass(frozen=True)
class CodeCell:
    """A code cell's position and the fingerprint of its code (:func:`source_key`)."""

    cell: int
    key: str


@dataclass(frozen=True)
class CellOutputs:
    """The check records one cell displayed, as Jupyter outputs (only those are kept)."""

    cell: int
    outputs: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class CellError:
    """The name and the start of the message of the error a cell raised."""

    cell: int
    ename: str
    evalue: str


@dataclass(frozen=True)
class Result:
    """How running one submission went, and what grading needs of it.

    ``status`` and ``reason`` say how the run ended (the reason also notes
    output that was dropped); ``answers`` is the answer variables' JSON as the
    kernel sent it, judged by the grader. The worker fills all but the last
    two fields; the runner adds ``seconds`` (wall clock, copy and kernel
    included) and ``isolated`` (the kernel ran in the sandbox).
    """

    status: RunStatus
    reason: str = ""
    exercise_cells: tuple[ExerciseCell, ...] = ()
    code_cells: tuple[CodeCell, ...] = ()
    outputs: tuple[CellOutputs, ...] = ()
    errors: tuple[CellError, ...] = ()
    answers: str = ""
    seconds: float = 0.0
    isolated: bool = False

    def to_json(self) -> str:
        """One line of JSON (no newline inside), for the worker's answer on its stdout."""
        return json.dumps(asdict(self), default=str, ensure_ascii=True)

    @classmethod
    def from_json(cls, line: str | bytes) -> Result | Garbled:
        """The result a line holds, or :class:`Garbled` saying what is wrong with it.

        Never raises: a worker that died half-way through its answer, or wrote
        something else, is a line like any other here.
        """
        try:
            data = json.loads(line)
        except (ValueError, RecursionError) as error:  # JSON's and UTF-8's errors are ValueErrors
            return Garbled(f"not JSON ({short(error, 120)})" if line.strip() else "an empty line")
        try:
            return _result(data)
        except _Wrong as error:
            return Garbled(str(error))


@dataclass(frozen=True)
class Garbled:
    """A line that holds no :class:`Result`, and what is wrong with it."""

    why: str


# ---------------------------------------------------------------------------
# Reading a notebook's cells into the result's terms (the worker, and the kit's notebooks)
# ---------------------------------------------------------------------------


def source_key(source: str) -> str:
    """A short fingerprint of a cell's code, to recognise the cells a kit's notebook gave."""
    return hashlib.sha256(source.strip().encode("utf-8", "replace")).hexdigest()[:20]


def _cells(cells: Sequence[Any]) -> list[Mapping[str, Any]]:
    """The cells with anything malformed (not a mapping, or its metadata not one) left blank.

    An invalid notebook still names its exercises in its report rows, so its
    cells are read, whatever the learner's file holds.
    """
    return [
        cell
        if isinstance(cell, Mapping) and isinstance(cell.get("metadata") or {}, Mapping)
        else {}
        for cell in cells
    ]


def exercise_cells(cells: Sequence[Any]) -> tuple[ExerciseCell, ...]:
    """The cells the course marks as exercises: position, exercise id (cut short) and kind."""
    found = []
    for position, meta in marked_exercise_cells(_cells(cells)):
        exercise = (meta.exercise or "").strip()
        if exercise:
            found.append(ExerciseCell(position, short(exercise, EXERCISE_CHARS), meta.kind or ""))
    return tuple(found)


def code_cells(cells: Sequence[Any]) -> tuple[CodeCell, ...]:
    """Each code cell's position and fingerprint, in order."""
    return tuple(
        CodeCell(position, source_key(str(cell.get("source", ""))))
        for position, cell in enumerate(_cells(cells))
        if cell.get("cell_type") == "code"
    )


# ---------------------------------------------------------------------------
# Reading a result back from its JSON
# ---------------------------------------------------------------------------


class _Wrong(ValueError):
    """A field of a result's JSON that is missing or of the wrong type (says which)."""


def _field(data: Any, name: str, kind: type | tuple[type, ...], where: str) -> Any:
    """``data[name]``, checked to be of ``kind`` (a bool is no number here)."""
    if not isinstance(data, dict):
        raise _Wrong(f"{where} is not an object")
    if name not in data:
        raise _Wrong(f"{where} has no {name!r}")
    value = data[name]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise _Wrong(f"{where}.{name} is not of the expected type")
    return value


def _items(data: Any, name: str, build: Callable[[Any, str], T]) -> tuple[T, ...]:
    values = _field(data, name, list, "the result")
    return tuple(build(value, f"{name}[{index}]") for index, value in enumerate(values))


def _exercise_cell(data: Any, where: str) -> ExerciseCell:
    return ExerciseCell(
        _field(data, "cell", int, where),
        _field(data, "exercise", str, where),
        _field(data, "kind", str, where),
    )


def _code_cell(data: Any, where: str) -> CodeCell:
    return CodeCell(_field(data, "cell", int, where), _field(data, "key", str, where))


def _cell_outputs(data: Any, where: str) -> CellOutputs:
    outputs = _field(data, "outputs", list, where)
    if not all(isinstance(output, dict) for output in outputs):
        raise _Wrong(f"{where}.outputs holds something other than outputs")
    return CellOutputs(_field(data, "cell", int, where), tuple(outputs))


def _cell_error(data: Any, where: str) -> CellError:
    return CellError(
        _field(data, "cell", int, where),
        _field(data, "ename", str, where),
        _field(data, "evalue", str, where),
    )


def _result(data: Any) -> Result:
    status = _field(data, "status", str, "the result")
    if status not in {s.value for s in RunStatus}:
        raise _Wrong(f"the result's status {short(status, 30)!r} is not one of the run statuses")
    return Result(
        status=RunStatus(status),
        reason=_field(data, "reason", str, "the result"),
        exercise_cells=_items(data, "exercise_cells", _exercise_cell),
        code_cells=_items(data, "code_cells", _code_cell),
        outputs=_items(data, "outputs", _cell_outputs),
        errors=_items(data, "errors", _cell_error),
        answers=_field(data, "answers", str, "the result"),
        seconds=float(_field(data, "seconds", (int, float), "the result")),
        isolated=_field(data, "isolated", bool, "the result"),
    )
