"""Checks that protect the story: an answer a later cell reads by position keeps its order.

1.10's chart draws its first column as "before": with the two columns swapped,
unanswered complaints would seem to fade. Such answers must be rejected, with
a message that says what to reorder and why.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pandas as pd
import pytest

from brakes.data import DEFAULT_SEED
from brakes.data import load as load_table
from brakes.exercises.checkers import Diagnosis, FrameCheck, Order, SeriesCheck
from brakes.exercises.checking import verdict_for
from brakes.exercises.outcomes import Status
from brakes.exercises.registry import all_exercises, get

Load = Callable[[str], pd.DataFrame]
#: Exercises whose answer a later cell reads by position: they name that cell.
READ_BY_POSITION = [e for e in all_exercises() if getattr(e.checker, "read_by", "")]


@pytest.fixture(scope="module")
def course_load() -> Load:
    return partial(load_table, seed=DEFAULT_SEED)


def test_1_10_with_its_columns_swapped_is_rejected_and_says_so(course_load: Load) -> None:
    exercise = get("1.10")
    expected = exercise.expected(course_load)
    verdict = verdict_for(exercise, expected[["reach_7d", "reach_first_day"]], course_load)
    assert verdict.status is Status.INCORRECT
    assert verdict.diagnosis is Diagnosis.COLUMN_ORDER
    assert "other order: put 'reach_first_day' first, then 'reach_7d'" in verdict.message
    assert "the chart below reads them in that order" in verdict.message


def test_the_exercises_read_by_position_are_known() -> None:
    """A chart or a later exercise reads these by position (see the solution notebooks)."""
    assert {e.id for e in READ_BY_POSITION} == {"1.10", "3.6", "3.10"}


@pytest.mark.parametrize("exercise", READ_BY_POSITION, ids=lambda e: e.id)
def test_an_answer_read_by_position_in_another_order_is_rejected(
    exercise: object, course_load: Load
) -> None:
    checker = exercise.checker  # type: ignore[attr-defined]
    expected = exercise.expected(course_load)  # type: ignore[attr-defined]
    if isinstance(checker, FrameCheck) and checker.ordered_columns:
        reordered = expected[list(expected.columns)[::-1]]
    else:
        assert checker.order in (Order.INDEX, Order.EXPECTED)
        reordered = expected.iloc[::-1]
    verdict = verdict_for(exercise, reordered, course_load)  # type: ignore[arg-type]
    assert verdict.status is Status.INCORRECT
    assert checker.read_by[1:] in verdict.message


def test_ordered_columns_name_the_order_for_more_than_two() -> None:
    checker = FrameCheck(index="k", ordered_columns=True, read_by="the chart below")
    expected = pd.DataFrame({"a": [1.5], "b": [2.5], "c": [3.5]}, index=pd.Index(["x"], name="k"))
    verdict = checker.compare(expected[["c", "a", "b"]], expected)
    assert verdict.diagnosis is Diagnosis.COLUMN_ORDER
    assert "put them as 'a', 'b', 'c' — the chart below reads them in that order" in (
        verdict.message
    )
    assert checker.compare(expected, expected).correct


def test_columns_in_any_order_pass_where_no_cell_reads_them_by_position() -> None:
    checker = FrameCheck(index="k")
    expected = pd.DataFrame({"a": [1.5], "b": [2.5]}, index=pd.Index(["x"], name="k"))
    assert checker.compare(expected[["b", "a"]], expected).correct


def test_a_series_read_by_position_says_who_reads_it() -> None:
    checker = SeriesCheck(index="score", order=Order.INDEX, read_by="the chart below")
    expected = pd.Series([1.5, 2.5, 3.5], index=pd.Index([1, 2, 3], name="score"))
    verdict = checker.compare(expected.iloc[::-1], expected)
    assert verdict.diagnosis is Diagnosis.ORDER
    assert verdict.message.endswith("The chart below reads the rows in that order.")
