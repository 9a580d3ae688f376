"""From what a run left to one row per learner and exercise, and the class's view of each exercise.

**The verdict is the grader's.** Once a notebook's cells have run, the worker
reads each exercise's answer variable back from the kernel as plain data
(:mod:`brakes.trainer.grading.answers`); here the grader judges it with the course's
own check (:func:`~brakes.exercises.checking.verdict_for`) on the kit's tables
it loaded itself. A row's ``status`` is that re-check's (``correct``,
``incorrect``, ``not_attempted``, ``error``, ``recorded``); ``not_checked``
when there was no answer to judge (the variable was deleted or never
assigned, its cell raised, or it is no exercise of the course); the
notebook's own status (``timeout``, ``memory``…) when the answers could not
be read back because the notebook did not run to its end. A notebook with no
exercise still gets one row, so every submission appears in the report.

The exercises judged are those the notebook's cells declare, those of the
kit's notebook it was handed out as, and any it displayed a check of.

**What the learner saw** is kept beside it: ``shown`` is the status of the
last check record the notebook displayed, and ``flag`` says when it differs
from the re-check ("shown correct in the notebook, wrong on re-check"). Only
the learner's own displays count: records from a cell the kit handed out and
the learner left unchanged are ignored (the getting-started notebook shows a
wrong answer, ``q1.check(mentions.size)``, and two hints as part of the
lesson). The exercise cells, and every cell the learner wrote or changed,
count. With no handed-out notebook to compare with, every cell counts. Hints
and solutions shown are read from those displays too.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from brakes.exercises.checking import recorded_words, verdict_for
from brakes.exercises.model import Exercise, ExerciseKind, Load
from brakes.exercises.outcomes import Outcome, Status, outcomes_of
from brakes.exercises.registry import Registry, default_registry
from brakes.trainer.grading.answers import Opaque, read_answers
from brakes.trainer.grading.kit import GivenNotebook
from brakes.trainer.grading.result import ExerciseCell, Result
from brakes.trainer.grading.status import FAILED
from brakes.trainer.grading.submissions import Submission

#: The status of an exercise whose notebook ran but left no answer for the grader to judge.
NOT_CHECKED = "not_checked"
#: Row statuses that count as done: a right answer, or a prediction or reading written down.
SUCCESS = frozenset({Status.CORRECT.value, Status.RECORDED.value})
#: Row statuses of an exercise the learner gave an answer to.
ATTEMPTED = SUCCESS | {Status.INCORRECT.value, Status.ERROR.value}
#: How a status reads in a flag: "shown correct in the notebook, wrong on re-check".
FLAG_WORDS = {
    Status.CORRECT.value: "correct",
    Status.INCORRECT.value: "wrong",
    Status.NOT_ATTEMPTED.value: "not attempted",
    Status.ERROR.value: "an error",
    Status.RECORDED.value: "recorded",
    NOT_CHECKED: "no answer",
}


@dataclass(frozen=True)
class Row:
    """One learner's result on one exercise of one notebook (a line of report.csv)."""

    learner: str
    notebook: str
    exercise: str
    title: str
    kind: str
    status: str  # the grader's re-check
    feedback: str  # the re-check's message
    answer: str
    shown: str  # the status of the last check the notebook displayed ("" if none)
    flag: str  # how the re-check differs from what the notebook showed ("" if it does not)
    hints_used: int
    solution_seen: bool
    notebook_status: str
    runtime_s: float


@dataclass(frozen=True)
class Graded:
    """A submission, how its run went, and its rows."""

    submission: Submission
    run: Result
    rows: tuple[Row, ...]

    @property
    def failed(self) -> bool:
        """True when the notebook could not be run to its end."""
        return self.run.status in FAILED


def _course_exercises(registry: Registry) -> dict[str, Exercise]:
    return {exercise.id: exercise for exercise in registry.all_exercises()}


def answer_names(registry: Registry = default_registry) -> list[str]:
    """The variables a worker reads back from each kernel: every exercise's answer name."""
    return sorted({exercise.answer_name for exercise in registry.all_exercises()})


def flag(shown: str, status: str) -> str:
    """How the re-check differs from what the notebook showed; "" when it does not, or cannot.

    A notebook that showed no check, or whose answers could not be read back
    (``timeout``…), has nothing to compare.
    """
    if not shown or shown == status or status not in FLAG_WORDS:
        return ""
    return f"shown {FLAG_WORDS.get(shown, shown)} in the notebook, {FLAG_WORDS[status]} on re-check"


@dataclass(frozen=True)
class Answers:
    """The answer variables a run sent back, rebuilt; those that broke the format; and whether
    any came back at all (a notebook stopped before its end sent none)."""

    values: dict[str, Any]
    broken: dict[str, str]
    read: bool

    @classmethod
    def of(cls, run: Result) -> Answers:
        values, broken = read_answers(run.answers)
        return cls(values, broken, bool(run.answers))


def _judged(exercise: Exercise, value: Any, load: Load) -> tuple[str, str, str]:
    """Status, message and recorded words of the course's check on ``value``, on the kit's data."""
    verdict = verdict_for(exercise, value, load)
    message = verdict.message
    if isinstance(value, Opaque) and value.why:
        message += f" (The grader received `{exercise.answer_name}` {value.why}.)"
    words = recorded_words(value) if verdict.status is Status.RECORDED else ""
    return verdict.status.value, message, words


def _unjudged(
    exercise: Exercise | None, answers: Answers, run: Result, cell: int | None
) -> tuple[str, str]:
    """Status and feedback of an exercise with no answer to judge: why there is none."""
    if exercise is None:
        return NOT_CHECKED, "not an exercise of the course: there is nothing to re-check it against"
    name = exercise.answer_name
    if name in answers.broken:
        return (
            NOT_CHECKED,
            f"`{name}` came back from the kernel unreadable ({answers.broken[name]})",
        )
    if run.status in FAILED:
        return run.status.value, run.reason
    raised = [e for e in run.errors if e.cell == cell]
    if raised:
        error = raised[0]
        return NOT_CHECKED, f"its cell raised {error.ename}: {error.evalue}"
    if not answers.read:
        return NOT_CHECKED, f"the notebook's answers could not be read back: {run.reason}"
    return NOT_CHECKED, (
        f"`{name}` was not defined when the notebook ended (deleted, or never assigned), "
        "so there was no answer to re-check"
    )


def _reference(run: Result, given: Sequence[GivenNotebook]) -> GivenNotebook | None:
    """The handed-out notebook sharing the most exercises with this one (None if none does)."""
    ids = {entry.exercise for entry in run.exercise_cells}
    best = max(given, key=lambda g: len(ids.intersection(g.exercises)), default=None)
    return best if best is not None and ids.intersection(best.exercises) else None


def given_positions(run: Result, reference: GivenNotebook) -> set[int]:
    """The cells the learner left as handed out, exercise cells aside.

    Code cells are aligned in order with the reference's, so a learner's own
    ``q1.hint()`` typed above the lesson's identical one still counts as theirs.
    """
    positions = [code.cell for code in run.code_cells]
    keys = [code.key for code in run.code_cells]
    matcher = difflib.SequenceMatcher(None, keys, list(reference.codes), autojunk=False)
    matched = {
        positions[start + offset]
        for start, _, size in matcher.get_matching_blocks()
        for offset in range(size)
    }
    return matched - {entry.cell for entry in run.exercise_cells}


def learner_outputs(run: Result, reference: GivenNotebook | None) -> list[dict[str, Any]]:
    """The kept outputs of exercise cells and of cells the learner wrote or changed, in order."""
    handed_out = given_positions(run, reference) if reference is not None else set()
    return [
        output for cell in run.outputs if cell.cell not in handed_out for output in cell.outputs
    ]


def rows_for(
    submission: Submission,
    run: Result,
    given: Sequence[GivenNotebook] = (),
    registry: Registry = default_registry,
    *,
    load: Load,
) -> tuple[Row, ...]:
    """Every row of one submission, each exercise judged by the grader on ``load``'s tables."""
    known = _course_exercises(registry)
    reference = _reference(run, given)
    outcomes = {o.exercise: o for o in outcomes_of(learner_outputs(run, reference))}
    cells: dict[str, ExerciseCell] = {}
    for entry in run.exercise_cells:
        cells.setdefault(entry.exercise, entry)
    handed_out = reference.exercises if reference is not None else ()
    order = list(dict.fromkeys([*cells, *handed_out, *outcomes]))
    answers = Answers.of(run)

    def row(exercise: str, outcome: Outcome | None) -> Row:
        declared = known.get(exercise)
        cell = cells.get(exercise)
        marked = cell.kind if cell is not None else ""
        kind = declared.kind.value if declared else (marked or ExerciseKind.ANSWER.value)
        words = ""
        if declared is not None and declared.answer_name in answers.values:
            status, feedback, words = _judged(declared, answers.values[declared.answer_name], load)
        else:
            status, feedback = _unjudged(
                declared, answers, run, cell.cell if cell is not None else None
            )
        shown = outcome.status.value if outcome is not None and outcome.checks else ""
        return Row(
            learner=submission.learner,
            notebook=submission.notebook,
            exercise=exercise,
            title=declared.title if declared else "",
            kind=kind,
            status=status,
            feedback=feedback,
            answer=words,
            shown=shown,
            flag=flag(shown, status),
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
            shown="",
            flag="",
            hints_used=0,
            solution_seen=False,
            notebook_status=run.status.value,
            runtime_s=round(run.seconds, 1),
        ),
    )


def graded(
    submission: Submission,
    run: Result,
    given: Sequence[GivenNotebook] = (),
    registry: Registry = default_registry,
    *,
    load: Load,
) -> Graded:
    """A submission with its run and rows, judged on ``load``'s tables (the kit's)."""
    return Graded(submission, run, rows_for(submission, run, given, registry, load=load))


@dataclass(frozen=True)
class Standing:
    """One learner in the gradebook: exercises answered, done, and had, over all their notebooks.

    An exercise counts once per learner, at its best (a notebook handed in
    twice is not two exercises); predictions and readings count as done once
    written down, as in the rest of the report.
    """

    learner: str
    attempted: int
    correct: int
    total: int

    @property
    def percent(self) -> float | None:
        """Done out of had, in per cent to one decimal (None for a learner with no exercise)."""
        return round(100 * self.correct / self.total, 1) if self.total else None


def gradebook(results: Iterable[Graded], registry: Registry = default_registry) -> list[Standing]:
    """One standing per learner, by name; only the course's exercises count."""
    known = _course_exercises(registry)
    best: dict[str, dict[str, int]] = {}
    for result in results:
        learner = best.setdefault(result.submission.learner, {})
        for row in result.rows:
            if row.exercise in known:
                rank = 2 if row.status in SUCCESS else int(row.status in ATTEMPTED)
                learner[row.exercise] = max(rank, learner.get(row.exercise, 0))
    return [
        Standing(
            learner=name,
            attempted=sum(rank >= 1 for rank in ranks.values()),
            correct=sum(rank == 2 for rank in ranks.values()),
            total=len(ranks),
        )
        for name, ranks in sorted(best.items())
    ]


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
