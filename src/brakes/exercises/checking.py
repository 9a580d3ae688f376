"""Checking an answer end to end, with the promise that it never raises.

:func:`evaluate` computes the expected answer from the active data, runs the
exercise's checker, recognises the exercise's known mistakes, and turns any
unexpected failure into an "error" outcome with a kind sentence: a learner
never sees a traceback, whatever object they pass. An accepted answer is shown
back, read in the exercise's words (:mod:`~brakes.exercises.reading`).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import pandas as pd

from brakes.errors import BrakesError
from brakes.exercises.checkers.base import Checker, Diagnosis, Verdict, attempt
from brakes.exercises.checkers.target import Target, same
from brakes.exercises.model import MARKED_KINDS, Exercise, Load
from brakes.exercises.outcomes import Kind, Status
from brakes.exercises.reading import Reading, read
from brakes.exercises.render import LEADS, Feedback
from brakes.exercises.wording import describe, safe_repr

NOT_ATTEMPTED = "replace `...` with your code, then run the cell again."
#: What a learner notebook holds where the answer is a text, such as a letter:
#: ``my_guess = "..."``. Like ``...`` itself, it counts as not attempted.
TEXT_PLACEHOLDER = "..."
NOT_ATTEMPTED_TEXT = (
    "write your answer between the quotes, instead of `...`, then run the cell again."
)
#: How much of a learner's recorded words the record keeps (a reflection is a few sentences).
RECORDED_CHARS = 2000


class _NoAnswer:
    """Stands for the argument a learner forgot: ``q1.check()``."""

    def __repr__(self) -> str:
        return "NO_ANSWER"


#: The default of ``Question.check``: no answer was passed at all.
NO_ANSWER: Any = _NoAnswer()


def default_load(table: str) -> pd.DataFrame:
    """``brakes.data.load``: the table from the data source the notebook loaded last."""
    from brakes.data import load

    return load(table)


def _describe_safely(answer: Any) -> str:
    """``describe`` for the error message itself, which must not fail either."""
    try:
        return describe(answer)
    except Exception:
        return f"an object of type {type(answer).__name__}"


def verdict_for(exercise: Exercise, answer: Any, load: Load = default_load) -> Verdict:
    """The verdict on ``answer`` (never raises for any ``answer``)."""
    if answer is Ellipsis:
        return Verdict(Status.NOT_ATTEMPTED, NOT_ATTEMPTED, Diagnosis.NOT_ATTEMPTED)
    if type(answer) is str and answer.strip() == TEXT_PLACEHOLDER:  # type(): never raises
        return Verdict(Status.NOT_ATTEMPTED, NOT_ATTEMPTED_TEXT, Diagnosis.NOT_ATTEMPTED)
    if answer is NO_ANSWER:
        return Verdict(
            Status.NOT_ATTEMPTED,
            f"give your answer to check, e.g. `.check({exercise.answer_name})`.",
            Diagnosis.NO_ANSWER,
        )
    try:
        # A prediction or a reflection is recorded, never compared: its data's answer
        # (a predict cell's solution) is not computed, so recording one reveals nothing.
        expected = None if exercise.kind in MARKED_KINDS else exercise.expected(load)
    except BrakesError as error:
        return Verdict(
            Status.ERROR, f"the data could not be loaded: {error}", Diagnosis.EXPECTED_FAILED
        )
    except Exception as error:
        return Verdict(
            Status.ERROR,
            "the expected answer could not be computed from the data "
            f"({type(error).__name__}). Run the notebook again from the top "
            "(Kernel → Restart & Run All); if this persists, tell your trainer.",
            Diagnosis.EXPECTED_FAILED,
        )
    try:
        with warnings.catch_warnings():  # pandas' warnings about odd answers are noise here
            warnings.simplefilter("ignore")
            verdict = exercise.checker.compare(answer, expected)
            if verdict.status is Status.INCORRECT:
                verdict = _known_mistake(exercise, answer, load) or verdict
    except Exception as error:
        return Verdict(
            Status.ERROR,
            f"comparing your answer ({_describe_safely(answer)}) with the expected one failed "
            f"({type(error).__name__}). The answer should be {exercise.checker.expects}: "
            "build it with pandas as in the lesson, then check again.",
            Diagnosis.ANSWER_FAILED,
        )
    return verdict


def _known_mistake(exercise: Exercise, answer: Any, load: Load) -> Verdict | None:
    """The exercise's own sentence when the answer is one of its known mistakes.

    A mistake is recognised by :func:`~brakes.exercises.checkers.target.same`
    on its target (in a workshop kit, its sealed keys): the same rule both ways.
    """
    for mistake in exercise.wrong_answers:
        if mistake.feedback is None:
            continue
        target = attempt(_target_of, exercise.checker, mistake.make, load)
        if isinstance(target, Target) and attempt(same, answer, target):
            return Verdict(
                Status.INCORRECT, mistake.feedback, Diagnosis.KNOWN_MISTAKE, mistake.label
            )
    return None


def _target_of(checker: Checker, make: Callable[[Load], Any], load: Load) -> Target | None:
    """The checker's target for the value ``make`` builds from the data (a known mistake's)."""
    return checker.target(make(load))


def evaluate(exercise: Exercise, answer: Any, load: Load = default_load) -> Feedback:
    """Check ``answer`` and return the display (never raises for any ``answer``)."""
    verdict = verdict_for(exercise, answer, load)
    if verdict.status is Status.CORRECT:  # the learner's own value, read in the exercise's words
        shown = read(exercise.reveals, exercise.checker, answer, verdict)
    elif verdict.status is Status.RECORDED:
        shown = Reading(f"{verdict.message} {exercise.reveals}".strip())
    else:  # never a value here: the expected one would hand over the answer
        shown = Reading(verdict.message)
    return Feedback(
        exercise=exercise.id,
        title=exercise.title,
        kind=Kind.CHECK,
        lead=LEADS[verdict.status],
        body=shown.body,
        status=verdict.status,
        answer=recorded_words(answer) if verdict.status is Status.RECORDED else None,
        table=shown.table,
        after=shown.after,
    )


def recorded_words(answer: Any) -> str:
    """A recorded answer as the grader keeps it: the text as written (trimmed, capped)."""
    text = answer.strip() if isinstance(answer, str) else safe_repr(answer)
    return text if len(text) <= RECORDED_CHARS else text[: RECORDED_CHARS - 1] + "…"
