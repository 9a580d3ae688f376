"""Property: a check never raises, whatever the learner passes.

Runs over every registered exercise (on the published data) and over each
general checker, with the hostile inputs of :mod:`hostile_inputs`. The number of
examples run is printed in the test summary.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

import pandas as pd
import pytest
from exercise_helpers import cached, make_load
from hostile_inputs import learner_answers, materialise
from hypothesis import HealthCheck, given, settings

from brakes.data import load as load_table
from brakes.exercises.checkers import (
    Choice,
    Collection,
    FrameCheck,
    Number,
    Order,
    SeriesCheck,
    Text,
    Tolerance,
)
from brakes.exercises.checking import evaluate
from brakes.exercises.model import Exercise
from brakes.exercises.outcomes import Status
from brakes.exercises.registry import all_exercises

#: Examples run per exercise or checker (the summary reports the total).
EXAMPLES = 250
EXAMPLE_COUNTS: Counter[str] = Counter()

SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)


def assert_never_raises(
    exercise: Exercise, answer: Any, load: Callable[[str], pd.DataFrame]
) -> None:
    """Evaluate twice: no exception, a known status, text, HTML and JSON, same both times."""
    feedback = evaluate(exercise, answer, load)
    assert feedback.status in set(Status)
    assert isinstance(feedback.text, str) and feedback.text
    assert "Traceback" not in feedback.text and " at 0x" not in feedback.text
    json.dumps(feedback.record())
    feedback.html()
    feedback.plain()
    again = evaluate(exercise, answer, load)
    if feedback.status is not Status.ERROR:
        assert again.text == feedback.text


@pytest.mark.parametrize("exercise", all_exercises(), ids=lambda e: e.id)
def test_every_exercise_never_raises(exercise: Exercise) -> None:
    load = cached(load_table)
    expected = exercise.expected(load)

    @SETTINGS
    @given(answer=learner_answers(expected))
    def run(answer: Any) -> None:
        EXAMPLE_COUNTS[f"exercise {exercise.id}"] += 1
        assert_never_raises(exercise, materialise(answer), load)

    run()


SERIES = pd.Series(
    [40.0, 31.2, 9.0, 0.5], index=pd.Index(["facebook", "blog", "forum", "Arôme"], name="channel")
)
TWO_LEVELS = pd.Series(
    [1, 2, 3, 4],
    index=pd.MultiIndex.from_product([["a", "b"], ["neg", "pos"]], names=["channel", "sentiment"]),
)
FRAME = pd.DataFrame(
    {"posts": [150, 20, 12], "share": [0.8, 0.1, 0.1]},
    index=pd.Index(["facebook", "instagram", "twitter"], name="platform"),
)

GENERAL = {
    "number": (Number(), 12345.678),
    "count": (Number(integer=True), 400),
    "share": (Number(tol=Tolerance(abs=0.001), share=True), 0.183),
    "text": (Text(what="channel", choices=("forum", "blog")), "forum"),
    "choice": (Choice(options={"a": "x", "b": "y"}, explanations={"a": "no"}), "b"),
    "series": (SeriesCheck(index="channel", tol=Tolerance(rel=0.01)), SERIES),
    "series-sorted": (SeriesCheck(index="channel", order=Order.DESCENDING), SERIES),
    "series-index-order": (SeriesCheck(index="channel", order=Order.INDEX), SERIES.sort_index()),
    "series-2-levels": (SeriesCheck(index="channel and sentiment"), TWO_LEVELS),
    "series-text": (SeriesCheck(index="n", order=Order.EXPECTED), pd.Series(["a", "b", "c"])),
    "frame": (FrameCheck(index="platform", tol=Tolerance(abs=0.01)), FRAME),
    "frame-plain": (FrameCheck(order=Order.DESCENDING, sort_by="posts"), FRAME.reset_index()),
    "collection": (Collection(what="channel"), ["forum", "blog", "review_site"]),
    "collection-ordered": (Collection(what="channel", ordered=True), ["forum", "blog"]),
}


@pytest.mark.parametrize("name", list(GENERAL))
def test_every_general_checker_never_raises(name: str) -> None:
    checker, expected = GENERAL[name]
    exercise = Exercise(
        id="99.1",
        title=name,
        prompt="p",
        answer_name="answer",
        tables=(),
        expected=lambda load: expected,
        checker=checker,
        hints=("h",),
        solution="answer = 1\n",
        reveals="r",
    )

    @SETTINGS
    @given(answer=learner_answers(expected))
    def run(answer: Any) -> None:
        EXAMPLE_COUNTS[f"checker {name}"] += 1
        assert_never_raises(exercise, materialise(answer), make_load({}))

    run()


@pytest.mark.parametrize("name", list(GENERAL))
def test_the_expected_answer_itself_is_correct(name: str) -> None:
    """Sanity for the targets above: an unmodified expected value passes its checker."""
    checker, expected = GENERAL[name]
    assert checker.compare(expected, expected).correct
