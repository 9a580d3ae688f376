"""Property: each general checker handles any answer, and the property can fail.

An ordinary answer (a near miss, a wrong type, NaN, an empty or huge object, a
frame of the wrong shape…) must get a message about the answer: never an
ERROR status, which would only say the check itself broke. A hostile object
may get an ERROR, never a traceback. The last tests break a checker on
purpose and show that the property then goes red.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest
from exercise_helpers import make_load
from hostile_inputs import assert_handled, learner_answers, ordinary_answers
from hypothesis import given, settings
from hypothesis import strategies as st
from test_never_raises import EXAMPLE_COUNTS

from brakes.exercises.checkers import (
    Checker,
    Choice,
    FrameCheck,
    Number,
    Order,
    Prediction,
    Reflection,
    SeriesCheck,
    Text,
)
from brakes.exercises.model import Exercise

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

GENERAL: dict[str, tuple[Checker, Any]] = {
    "number": (Number(), 12345.678),
    "count": (Number(integer=True), 400),
    "share": (Number(share=True), 0.183),
    "text": (Text(what="channel", choices=("forum", "blog")), "forum"),
    "choice": (Choice(options={"a": "x", "b": "y"}, explanations={"a": "no"}), "b"),
    "series": (SeriesCheck(index="channel"), SERIES),
    "series-sorted": (SeriesCheck(index="channel", order=Order.DESCENDING), SERIES),
    "series-index-order": (SeriesCheck(index="channel", order=Order.INDEX), SERIES.sort_index()),
    "series-2-levels": (SeriesCheck(index="channel and sentiment"), TWO_LEVELS),
    "series-text": (SeriesCheck(index="n", order=Order.EXPECTED), pd.Series(["a", "b", "c"])),
    "frame": (FrameCheck(index="platform"), FRAME),
    "frame-plain": (FrameCheck(order=Order.DESCENDING, sort_by="posts"), FRAME.reset_index()),
    "prediction": (Prediction(options={"a": "x", "b": "y"}, numeric=True), None),
    "reflection": (Reflection(), None),
}


def as_exercise(name: str) -> Exercise:
    """A throw-away exercise around one general checker."""
    checker, expected = GENERAL[name]
    return Exercise(
        id="99.1",
        title=name,
        answer_name="answer",
        tables=(),
        expected=lambda load: expected,
        checker=checker,
        hints=("h",),
        solution="answer = 1\n",
        reveals="r",
    )


def check_property(name: str, answers: st.SearchStrategy[Any]) -> None:
    """Run the never-raises property for one general checker (raises AssertionError if broken)."""
    exercise = as_exercise(name)
    load = make_load({})

    @settings(report_multiple_bugs=False)
    @given(answer=answers)
    def run(answer: Any) -> None:
        EXAMPLE_COUNTS[f"checker {name}"] += 1
        assert_handled(exercise, answer, load)

    run()


@pytest.mark.parametrize("name", list(GENERAL))
def test_every_general_checker_never_raises(name: str) -> None:
    check_property(name, learner_answers(GENERAL[name][1]))


@pytest.mark.parametrize("name", list(GENERAL))
def test_the_expected_answer_itself_is_correct(name: str) -> None:
    """Sanity for the targets above: an unmodified expected value passes its checker."""
    checker, expected = GENERAL[name]
    if expected is not None:
        assert checker.compare(expected, expected).correct


def _broken(self: Checker, answer: Any, expected: Any) -> Any:
    raise RuntimeError("a bug in the checker")


@pytest.mark.parametrize(("name", "checker"), [("number", Number), ("series", SeriesCheck)])
def test_the_property_goes_red_when_a_checker_breaks(
    name: str, checker: type[Checker], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``checking`` turns the crash into an ERROR status: the property must still see it."""
    monkeypatch.setattr(checker, "_compare", _broken)
    with pytest.raises(AssertionError, match="Could not check"):
        check_property(name, ordinary_answers(GENERAL[name][1]))
