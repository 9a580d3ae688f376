"""Every registered exercise: its solution passes, `...` is not attempted, wrong answers fail.

Each test runs on the published data (the default seed) and on a workshop's
data (another seed): expected answers come from the data the notebook loaded,
so a kit made with a fresh seed must be checked just as well.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pandas as pd
import pytest
from exercise_helpers import cached, solution_answer

from brakes.data import DEFAULT_SEED
from brakes.data import load as load_table
from brakes.exercises.checkers import Diagnosis
from brakes.exercises.checking import evaluate, verdict_for
from brakes.exercises.model import Exercise, ExerciseKind, WrongAnswer
from brakes.exercises.outcomes import Status
from brakes.exercises.reading import VALUE
from brakes.exercises.registry import all_exercises

Load = Callable[[str], pd.DataFrame]
EXERCISES = all_exercises()
WRONG = [(e, w) for e in EXERCISES for w in e.wrong_answers]
WORKSHOP_SEED = 7


@pytest.fixture(scope="module", params=[DEFAULT_SEED, WORKSHOP_SEED], ids=lambda s: f"seed{s}")
def seeded_load(request: pytest.FixtureRequest) -> Load:
    return cached(partial(load_table, seed=request.param))


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_reference_solution_passes(exercise: Exercise, seeded_load: Load) -> None:
    feedback = evaluate(exercise, solution_answer(exercise, seeded_load), seeded_load)
    judged = exercise.kind in (ExerciseKind.ANSWER, ExerciseKind.DECIDE)
    assert feedback.status is (Status.CORRECT if judged else Status.RECORDED), feedback.text
    assert feedback.text.startswith("Correct: " if judged else "Noted: ")
    reveals = exercise.reveals
    meaning = reveals.partition(VALUE)[2] if VALUE in reveals else reveals
    assert feedback.text.endswith(meaning.strip())


def test_placeholder_is_not_attempted() -> None:
    """`...` is answered before anything exercise-specific: one test covers them all."""

    def no_data(table: str) -> pd.DataFrame:
        raise AssertionError(f"a placeholder must not load {table!r}")

    assert {evaluate(e, ..., no_data).status for e in EXERCISES} == {Status.NOT_ATTEMPTED}


@pytest.mark.parametrize(("exercise", "wrong"), WRONG, ids=[f"{e.id}-{w.label}" for e, w in WRONG])
def test_wrong_answer_fails_with_a_specific_message(
    exercise: Exercise, wrong: WrongAnswer, seeded_load: Load
) -> None:
    verdict = verdict_for(exercise, wrong.make(seeded_load), seeded_load)
    assert verdict.status is Status.INCORRECT, verdict.message
    assert verdict.diagnosis is not Diagnosis.GENERIC, verdict.message
    if wrong.feedback is not None:
        assert verdict.message == wrong.feedback


JUDGED = [e for e in EXERCISES if e.kind in (ExerciseKind.ANSWER, ExerciseKind.DECIDE)]


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_exercise_has_layered_hints(exercise: Exercise) -> None:
    assert len(exercise.hints) >= 3


@pytest.mark.parametrize("exercise", JUDGED, ids=lambda e: e.id)
def test_judged_exercise_is_complete(exercise: Exercise) -> None:
    """Two or more plausible wrong answers, each proven to be rejected, and a reveal."""
    assert len(exercise.wrong_answers) >= 2
    assert exercise.reveals.strip()


def test_every_story_notebook_asks_to_predict_and_to_interpret() -> None:
    kinds = {(e.chapter, e.kind) for e in EXERCISES}
    assert (1, ExerciseKind.PREDICT) in kinds and (1, ExerciseKind.INTERPRET) in kinds
