"""The answers' way out of the kernel (brakes.trainer.grading.answers): every answer the
course expects survives it and is judged as before; what it cannot carry still gets a type
message; and nothing a hostile kernel sends makes the grader raise. No kernel runs: encoding
is plain Python.
"""

from __future__ import annotations

import decimal
import fractions
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from brakes.config import COURSE
from brakes.data.source import SeedSource
from brakes.exercises.checking import verdict_for
from brakes.exercises.model import ExerciseKind
from brakes.exercises.outcomes import Status
from brakes.exercises.registry import all_exercises, get
from brakes.trainer.grading.answers import (
    MAX_DEPTH,
    Opaque,
    encode_answers,
    extraction_code,
    read_answers,
)

sys.path.insert(0, str(Path(__file__).parents[1] / "exercises"))
from exercise_helpers import solution_answer

CAP = 1_000_000


def through(value: Any, cap: int = CAP) -> Any:
    """``value`` sent as the kernel sends it, and rebuilt as the grader reads it."""
    payload = json.dumps(encode_answers({"x": value}, ["x"], cap))
    answers, broken = read_answers(payload)
    assert broken == {}
    return answers["x"]


def assert_same(rebuilt: Any, value: Any) -> None:
    """Equal, of the same type, with the same labels, names, dtypes and date frequency."""
    if isinstance(value, pd.Series):
        pd.testing.assert_series_equal(rebuilt, value, check_exact=True, check_index_type=True)
    elif isinstance(value, pd.DataFrame):
        pd.testing.assert_frame_equal(rebuilt, value, check_exact=True, check_column_type=True)
    elif isinstance(value, pd.Index):
        pd.testing.assert_index_equal(rebuilt, value, exact=True, check_exact=True)
    elif isinstance(value, np.ndarray):
        assert rebuilt.dtype == value.dtype and rebuilt.shape == value.shape
        np.testing.assert_array_equal(rebuilt, value)
    else:
        assert type(rebuilt) is type(value), (rebuilt, value)
        assert rebuilt == value or (rebuilt != rebuilt and value != value), (rebuilt, value)


def test_every_expected_answer_survives_and_is_judged_correct() -> None:
    """Seed 2026: each computed answer is rebuilt equal and judged correct; a prediction or a
    reading (no expected value) is the solution's, and is recorded."""
    load = SeedSource(COURSE.default_seed).load
    judged = 0
    for exercise in all_exercises():
        if exercise.kind in (ExerciseKind.PREDICT, ExerciseKind.INTERPRET):
            value, expected = solution_answer(exercise, load), Status.RECORDED
        else:
            value, expected = exercise.expected(load), Status.CORRECT
        rebuilt = through(value)
        assert_same(rebuilt, value)
        verdict = verdict_for(exercise, rebuilt, load)
        assert (exercise.id, verdict.status) == (exercise.id, expected), verdict.message
        judged += 1
    assert judged == len(all_exercises()) > 80


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        12_345_678_901_234_567_890,
        0.1,
        float("nan"),
        float("-inf"),
        "Mijotière <b>",
        [1, "a", None],
        (1, 2.5),
        {"forum": 3, ("blog", 1): [1.5]},
        {1, 2},
        np.int64(7),
        np.float32(0.25),
        np.bool_(True),
        decimal.Decimal("0.10"),
        fractions.Fraction(1, 3),
        pd.Timestamp("2024-03-01 12:00", tz="Europe/Paris"),
        pd.Period("2024-03", "M"),
        pd.Timedelta("3 days"),
        pd.NaT,
        np.array([[1.5, 2.0], [3.0, np.nan]]),
        pd.Series([1, None, 3], dtype="Int64", index=pd.Index(["a", "b", "c"], name="k")),
        pd.Series(["x", None], dtype="str", name="label"),
        pd.Series(
            [0.5, 0.25],
            index=pd.date_range("2024-01-01", periods=2, freq="W-MON", name="week"),
        ),
        pd.DataFrame(
            {("share", "a"): [0.1, 0.2], ("count", "b"): [3, 4]},
            index=pd.MultiIndex.from_tuples([("x", True), ("y", False)], names=["k", "flag"]),
        ),
        pd.DataFrame({"when": pd.to_datetime(["2024-01-01", None])}),
        pd.Index([3, 1, 2], name="n"),
        pd.RangeIndex(0, 10, 2),
        pd.CategoricalIndex(["b", "a"], categories=["b", "a", "c"], ordered=True, name="c"),
    ],
    ids=lambda value: type(value).__name__,
)
def test_values_of_every_tagged_kind_come_back_the_same(value: Any) -> None:
    assert_same(through(value), value)


def test_the_unfilled_placeholder_is_not_attempted() -> None:
    exercise = get("0.1")
    verdict = verdict_for(exercise, through(...), SeedSource(COURSE.default_seed).load)
    assert verdict.status is Status.NOT_ATTEMPTED


def test_what_the_format_cannot_carry_still_reads_as_what_it_was() -> None:
    def count_mentions() -> int:
        return 1

    class Tally:
        pass

    function, method, kind, generator, other = (
        through(value)
        for value in (
            count_mentions,
            pd.Series([1]).sum,
            Tally,
            (n for n in range(3)),
            Tally(),
        )
    )
    assert function.__name__ == "count_mentions" and callable(function)
    assert method.__name__ == "sum" and kind.__name__ == "Tally"
    assert list(generator) == [] and isinstance(other, Opaque) and type(other).__name__ == "Tally"
    message = verdict_for(get("0.1"), function, SeedSource(COURSE.default_seed).load).message
    assert "the function `count_mentions` itself, not its result" in message
    with pytest.raises(TypeError):
        function()


def test_too_big_or_too_deep_goes_as_what_it_was_with_the_reason() -> None:
    big = pd.DataFrame({"n": range(200_000)})
    rebuilt = through(big, cap=100_000)
    assert type(rebuilt).__name__ == "DataFrame" and rebuilt.why == "too big to re-check"
    deep: list[Any] = []
    for _ in range(MAX_DEPTH + 3):
        deep = [deep]
    inner = through(deep)
    while isinstance(inner, list):
        inner = inner[0]
    assert "nested more than" in inner.why
    # One big answer leaves the others their room: the cap holds for the notebook as a whole.
    payload = encode_answers({"a": big, "b": 3}, ["a", "b"], 100_000)
    assert payload["b"] == {"t": "int", "v": "3"} and len(json.dumps(payload)) <= 100_000


def test_a_learners_object_that_breaks_on_reading_is_opaque() -> None:
    class Hostile(pd.Series):  # a subclass: never read through its own methods
        def tolist(self) -> list[Any]:
            raise RuntimeError("boom")

    assert type(through(Hostile([1, 2]))).__name__ == "Hostile"
    assert "x" not in encode_answers({}, ["x"], CAP)  # a name the kernel lacks is left out


@pytest.mark.parametrize(
    "payload",
    [
        "",
        "not json",
        "[1, 2]",
        "[" * 100_000 + "]" * 100_000,
        json.dumps({"x": {"t": "int", "v": "9" * 5000}}),
        json.dumps({"x": {"t": "np", "dtype": "V8", "v": {"t": "int", "v": "1"}}}),
        json.dumps({"x": {"t": "index", "range": [0, 10**15, 1], "name": {"t": "none"}}}),
        json.dumps({"x": {"t": "dict", "items": [[{"t": "list", "items": []}, {"t": "none"}]]}}),
        json.dumps({"x": {"t": "series", "values": {"dtype": "float64", "values": []}}}),
        json.dumps({"x": {"t": "frame", "data": "nope"}}),
        json.dumps({"x": {"t": "pickle", "v": "gASV"}}),
        json.dumps({"x": {"t": "list", "items": [{"t": "str", "v": 3}]}}),
    ],
)
def test_a_forged_or_broken_payload_never_raises(payload: str) -> None:
    answers, broken = read_answers(payload)
    assert "x" not in answers
    assert set(broken) <= {"x"}


def test_the_extraction_is_one_call_of_this_module() -> None:
    code = extraction_code(["b", "a"], 1000)
    assert code == (
        "__import__('brakes.trainer.grading.answers', fromlist=['show_answers'])"
        ".show_answers(globals(), ['a', 'b'], 1000)"
    )
