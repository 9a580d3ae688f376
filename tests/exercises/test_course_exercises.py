"""Every registered exercise: its solution passes, `...` is not attempted, wrong answers fail.

Each test runs twice: on the hand-made tables (when they hold the tables the
exercise uses) and on the real data of ``brakes.data`` (skipped while that
module is not importable).
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pytest
from exercise_helpers import cached, fake_tables, make_load, real_loader, solution_answer

from brakes.exercises.checkers import GENERIC
from brakes.exercises.checking import evaluate, verdict_for
from brakes.exercises.model import Exercise, WrongAnswer
from brakes.exercises.outcomes import Status
from brakes.exercises.registry import all_exercises

Load = Callable[[str], pd.DataFrame]
EXERCISES = all_exercises()
WRONG = [(e, w) for e in EXERCISES for w in e.wrong_answers]


@pytest.fixture(scope="module")
def real_load() -> Load:
    load = real_loader()
    if load is None:
        pytest.skip("brakes.data.load is not available yet")
    return cached(load)


@pytest.fixture(scope="module")
def fake() -> Load:
    return make_load(fake_tables())


@pytest.fixture(params=["fake", "real"])
def source(request: pytest.FixtureRequest) -> str:
    return request.param


def data_for(exercise: Exercise, source: str, request: pytest.FixtureRequest) -> Load:
    """The loader for this run, skipping when it cannot serve the exercise."""
    if source == "real":
        return request.getfixturevalue("real_load")
    if not set(exercise.tables) <= set(fake_tables()):
        pytest.skip(f"the hand-made tables lack {exercise.tables}")
    return request.getfixturevalue("fake")


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_reference_solution_passes(
    exercise: Exercise, source: str, request: pytest.FixtureRequest
) -> None:
    load = data_for(exercise, source, request)
    feedback = evaluate(exercise, solution_answer(exercise, load), load)
    assert feedback.status is Status.CORRECT, feedback.text
    assert feedback.text.startswith("Correct: ")
    assert feedback.text.endswith(exercise.reveals)


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_placeholder_is_not_attempted(
    exercise: Exercise, source: str, request: pytest.FixtureRequest
) -> None:
    load = data_for(exercise, source, request)
    assert evaluate(exercise, ..., load).status is Status.NOT_ATTEMPTED


@pytest.mark.parametrize(("exercise", "wrong"), WRONG, ids=[f"{e.id}-{w.label}" for e, w in WRONG])
def test_wrong_answer_fails_with_a_specific_message(
    exercise: Exercise, wrong: WrongAnswer, source: str, request: pytest.FixtureRequest
) -> None:
    load = data_for(exercise, source, request)
    verdict = verdict_for(exercise, wrong.make(load), load)
    assert verdict.status is Status.INCORRECT, verdict.message
    assert verdict.diagnosis != GENERIC, verdict.message
    if wrong.feedback is not None:
        assert verdict.message == wrong.feedback


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_exercise_is_complete(exercise: Exercise) -> None:
    """Three hint layers, two or more wrong answers (one left to the general checker)."""
    assert len(exercise.hints) >= 3
    assert len(exercise.wrong_answers) >= 2
    assert any(w.feedback is None for w in exercise.wrong_answers)
    assert exercise.reveals.strip() and exercise.prompt.strip()
    assert f"`{exercise.answer_name}`" in exercise.prompt
