"""From what a run left to one row per learner and exercise, and the class's view of each exercise.

A row's ``status`` is the last check's (``correct``, ``incorrect``,
``not_attempted``, ``error``, ``recorded``); ``not_checked`` when the notebook
ran but no check of that exercise did (its cell raised, or the check line is
gone); and the notebook's own status (``timeout``, ``memory``…) when the
notebook could not run to the check. A notebook with no exercise still gets
one row, so every submission appears in the report.

Only the learner's own checks and hints count: records from a cell the kit
handed out and the learner left unchanged are ignored (the getting-started
notebook shows a wrong answer, ``q1.check(mentions.size)``, and two hints as
part of the lesson). The exercise cells, and every cell the learner wrote or
changed, count; the last check of an exercise wins. With no handed-out
notebook to compare with, every cell counts.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from brakes.exercises.model import Exercise, ExerciseKind
from brakes.exercises.outcomes import Outcome, Status, read_outcomes
from brakes.exercises.registry import Registry, default_registry
from brakes.grading.kit import GivenNotebook
from brakes.grading.runner import Run
from brakes.grading.status import FAILED
from brakes.grading.submissions import Submission

#: The status of an exercise whose notebook ran but whose check never did.
NOT_CHECKED = "not_checked"
#: Row statuses that count as done: a right answer, or a prediction or reading written down.
SUCCESS = frozenset({Status.CORRECT.value, Status.RECORDED.value})


@dataclass(frozen=True)
class Row:
    """One learner's result on one exercise of one notebook (a line of report.csv)."""

    learner: str
    notebook: str
    exercise: str
    title: str
    kind: str
    status: str
    feedback: str
    answer: str
    hints_used: int
    solution_seen: bool
    notebook_status: str
    runtime_s: float


@dataclass(frozen=True)
class Graded:
    """A submission, how its run went, and its rows."""

    submission: Submission
    run: Run
    rows: tuple[Row, ...]

    @property
    def failed(self) -> bool:
        """True when the notebook could not be run to its end."""
        return self.run.status in FAILED


def _course_exercises(registry: Registry) -> dict[str, Exercise]:
    return {exercise.id: exercise for exercise in registry.all_exercises()}


def _no_check(run: Run, cell: int | None) -> tuple[str, str]:
    """Status and feedback of an exercise no check reported on."""
    if run.status in FAILED:
        return run.status.value, run.reason
    raised = [e for e in run.errors if cell is not None and e.get("cell") == cell]
    if raised:
        error = raised[0]
        return NOT_CHECKED, f"its cell raised {error.get('ename')}: {error.get('evalue')}"
    return NOT_CHECKED, "no check of this exercise ran (was its check line removed?)"


def _reference(run: Run, given: Sequence[GivenNotebook]) -> GivenNotebook | None:
    """The handed-out notebook sharing the most exercises with this one (None if none does)."""
    ids = {entry["exercise"] for entry in run.exercise_cells}
    best = max(given, key=lambda g: len(g.exercises & ids), default=None)
    return best if best is not None and best.exercises & ids else None


def given_positions(run: Run, reference: GivenNotebook) -> set[int]:
    """The cells the learner left as handed out, exercise cells aside.

    Code cells are aligned in order with the reference's, so a learner's own
    ``q1.hint()`` typed above the lesson's identical one still counts as theirs.
    """
    positions = [position for position, _ in run.code_cells]
    keys = [key for _, key in run.code_cells]
    matcher = difflib.SequenceMatcher(None, keys, list(reference.codes), autojunk=False)
    matched = {
        positions[start + offset]
        for start, _, size in matcher.get_matching_blocks()
        for offset in range(size)
    }
    return matched - {entry["cell"] for entry in run.exercise_cells}


def learner_outputs(run: Run, given: Sequence[GivenNotebook]) -> list[dict[str, Any]]:
    """The kept outputs of exercise cells and of cells the learner wrote or changed."""
    reference = _reference(run, given)
    if reference is None:
        return list(run.outputs)
    handed_out = given_positions(run, reference)
    return [entry for entry in run.outputs if entry.get("cell") not in handed_out]


def rows_for(
    submission: Submission,
    run: Run,
    given: Sequence[GivenNotebook] = (),
    registry: Registry = default_registry,
) -> tuple[Row, ...]:
    """Every row of one submission: the exercises its cells declare, then any other it checked."""
    known = _course_exercises(registry)
    outputs: list[dict[str, Any]] = [
        {"cell_type": "code", "outputs": entry.get("outputs", [])}
        for entry in learner_outputs(run, given)
    ]
    outcomes = {o.exercise: o for o in read_outcomes({"cells": outputs})}
    cells = {}
    for entry in run.exercise_cells:
        cells.setdefault(entry["exercise"], entry)
    order = list(cells) + [e for e in outcomes if e not in cells]

    def row(exercise: str, outcome: Outcome | None) -> Row:
        declared = known.get(exercise)
        cell = cells.get(exercise, {})
        kind = declared.kind.value if declared else (cell.get("kind") or ExerciseKind.ANSWER.value)
        if outcome is not None and outcome.checks:
            status, feedback = outcome.status.value, outcome.feedback
        else:
            status, feedback = _no_check(run, cell.get("cell"))
        return Row(
            learner=submission.learner,
            notebook=submission.notebook,
            exercise=exercise,
            title=declared.title if declared else "",
            kind=kind,
            status=status,
            feedback=feedback,
            answer=outcome.answer if outcome else "",
            hints_used=outcome.hints_seen if outcome else 0,
            solution_seen=outcome.solution_seen if outcome else False,
            notebook_status=run.status.value,
            runtime_s=round(run.seconds, 1),
        )

    rows = tuple(row(exercise, outcomes.get(exercise)) for exercise in order)
    if rows:
        return rows
    return (
        Row(
            learner=submission.learner,
            notebook=submission.notebook,
            exercise="",
            title="",
            kind="",
            status=run.status.value,
            feedback=run.reason or "no exercise of the course in this notebook",
            answer="",
            hints_used=0,
            solution_seen=False,
            notebook_status=run.status.value,
            runtime_s=round(run.seconds, 1),
        ),
    )


def graded(
    submission: Submission,
    run: Run,
    given: Sequence[GivenNotebook] = (),
    registry: Registry = default_registry,
) -> Graded:
    """A submission with its run and rows."""
    return Graded(submission, run, rows_for(submission, run, given, registry))


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def message_shape(feedback: str) -> str:
    """A wrong-answer message with its numbers left out, so the same mistake counts once."""
    return _NUMBER.sub("…", feedback)


@dataclass
class ExerciseSummary:
    """How the class did on one exercise of the course."""

    exercise: Exercise
    learners: int = 0  # rows for this exercise (one per learner and notebook)
    succeeded: int = 0
    hints: int = 0  # hints shown, all learners together
    used_hints: int = 0  # learners who asked for at least one hint
    solutions: int = 0  # learners who displayed the solution
    wrong: Counter[str] = field(default_factory=Counter)  # message shapes of incorrect answers
    misses: Counter[str] = field(default_factory=Counter)  # statuses of those who did not succeed

    @property
    def rate(self) -> float:
        """The share of learners who succeeded, from 0 to 1 (0 when nobody had it)."""
        return self.succeeded / self.learners if self.learners else 0.0

    @property
    def missed(self) -> int:
        return self.learners - self.succeeded


def summarise(
    results: Iterable[Graded], registry: Registry = default_registry
) -> list[ExerciseSummary]:
    """One summary per course exercise that some submission holds, in course order."""
    known = _course_exercises(registry)
    summaries: dict[str, ExerciseSummary] = {}
    for result in results:
        for row in result.rows:
            if row.exercise not in known:
                continue
            entry = summaries.setdefault(row.exercise, ExerciseSummary(known[row.exercise]))
            entry.learners += 1
            entry.succeeded += row.status in SUCCESS
            entry.hints += row.hints_used
            entry.used_hints += row.hints_used > 0
            entry.solutions += row.solution_seen
            if row.status not in SUCCESS:
                entry.misses[row.status] += 1
            if row.status == Status.INCORRECT.value:
                entry.wrong[message_shape(row.feedback)] += 1
    return sorted(summaries.values(), key=lambda s: s.exercise.sort_key)


def most_missed(summaries: Sequence[ExerciseSummary], count: int = 5) -> list[ExerciseSummary]:
    """The exercises the most learners missed; among equals, wrong answers before blanks.

    Those are what a debrief is for: an exercise answered wrongly says more than
    one nobody reached.
    """
    missed = [s for s in summaries if s.missed]
    return sorted(
        missed, key=lambda s: (-s.missed, -sum(s.wrong.values()), s.rate, s.exercise.sort_key)
    )[:count]
