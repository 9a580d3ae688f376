"""A predict cell's solution says what the data say, not a letter picked by hand.

Each predict cell declares ``data_says``, the option (or number) the data
support, computed by the chapter's reference functions. The solution shows
what it computes on the published data; on a workshop's data it still names
one of the options.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pandas as pd
import pytest
from exercise_helpers import cached, solution_answer

from brakes.data import DEFAULT_SEED
from brakes.data import load as load_table
from brakes.exercises.checkers import Prediction
from brakes.exercises.model import Exercise, ExerciseKind
from brakes.exercises.registry import all_exercises, get

Load = Callable[[str], pd.DataFrame]
PREDICTIONS = [e for e in all_exercises() if e.kind is ExerciseKind.PREDICT]


@pytest.fixture(scope="module")
def published() -> Load:
    return cached(partial(load_table, seed=DEFAULT_SEED))


@pytest.mark.parametrize("exercise", PREDICTIONS, ids=lambda e: e.id)
def test_a_prediction_s_solution_is_what_the_data_say(exercise: Exercise, published: Load) -> None:
    assert solution_answer(exercise, published) == exercise.expected(published)


@pytest.mark.parametrize("exercise", PREDICTIONS, ids=lambda e: e.id)
def test_what_the_data_say_is_an_option_on_any_data(exercise: Exercise) -> None:
    said = exercise.expected(cached(partial(load_table, seed=7)))
    checker = exercise.checker
    assert isinstance(checker, Prediction)
    if checker.letters:
        assert said in checker.letters
    else:
        assert isinstance(said, int)


def test_1_13_s_solution_names_the_answer_the_next_exercise_finds_least_satisfying(
    published: Load,
) -> None:
    means = get("1.14").expected(published)
    least = means[["redirect_form", "none", "private_message"]].idxmin()
    named = {"redirect_form": "web form", "none": "No answer", "private_message": "private message"}
    prediction = get("1.13").checker
    assert isinstance(prediction, Prediction)
    assert named[least] in prediction.options[solution_answer(get("1.13"), published)]
