"""Property: a check of a course exercise never raises, whatever the learner passes.

Runs over every registered exercise, on the published data, with the answers
of :mod:`hostile_inputs`: an ordinary answer, however odd, gets a message
(never an ERROR status); a hostile object may get an ERROR, never a traceback.
The general checkers have the same property in ``test_checkers_never_raise.py``,
with the proof that it goes red when a checker breaks. The number of examples
run is printed in the test summary.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from exercise_helpers import cached, computed_once
from hostile_inputs import assert_handled, learner_answers
from hypothesis import given, settings

from brakes.data import load as load_table
from brakes.exercises.model import Exercise
from brakes.exercises.registry import all_exercises

EXAMPLE_COUNTS: Counter[str] = Counter()
#: Hostile answers per exercise at most (the fast profile draws 25): 50 for each of the 83
#: exercises, 4,150 checks (each made twice) per `make test`, drawn afresh each run from the
#: same strategies for every exercise. 100 cost half a minute more of a 2-core run, 250 two;
#: the general checkers' own property (test_checkers_never_raise.py) keeps the profile's 250.
EXAMPLES = 50


@pytest.mark.parametrize("exercise", all_exercises(), ids=lambda e: e.id)
def test_every_exercise_never_raises(exercise: Exercise) -> None:
    load = cached(load_table)
    exercise = computed_once(exercise)  # only the answer varies from one example to the next
    expected = exercise.expected(load)

    @settings(max_examples=min(settings().max_examples, EXAMPLES))
    @given(answer=learner_answers(expected))
    def run(answer: Any) -> None:
        EXAMPLE_COUNTS[f"exercise {exercise.id}"] += 1
        assert_handled(exercise, answer, load)

    run()
