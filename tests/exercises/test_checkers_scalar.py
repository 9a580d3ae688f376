"""Number, Text and Choice checkers: messages a learner actually reads."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from brakes.exercises.checkers import Choice, Diagnosis, Number, Text
from brakes.exercises.outcomes import Status

COUNT = Number(integer=True)
SHARE = Number(share=True)
ANY = Number()


def test_count_correct() -> None:
    verdict = COUNT.compare(12345, 12345)
    assert verdict.status is Status.CORRECT
    assert verdict.diagnosis is Diagnosis.CORRECT
    assert verdict.message == "12,345."


@pytest.mark.parametrize("answer", [np.int64(12345), 12345.0, np.float32(12345)])
def test_count_accepts_numeric_types(answer: object) -> None:
    assert COUNT.compare(answer, 12345).correct


@pytest.mark.parametrize(
    ("answer", "expected"), [(62.4, 62.42), (0.125, 0.12534), (0.183, 0.18312)]
)
def test_three_significant_digits_pass(answer: float, expected: float) -> None:
    assert ANY.compare(answer, expected).correct


def test_a_rounded_answer_is_accepted_in_its_own_words() -> None:
    """The message for a right answer repeats the learner's number, never the exact value."""
    assert ANY.compare(62.4, 62.418).message == "62.4."
    assert ANY.compare(62.418, 62.418).message == "62.42."


def test_a_wrong_count_says_so_without_its_size() -> None:
    verdict = COUNT.compare(12000, 12345)
    assert verdict.diagnosis is Diagnosis.VALUE
    assert verdict.message.startswith(
        "You gave 12,000, which is too low: not the expected whole number."
    )


@pytest.mark.parametrize(
    ("answer", "expected", "places"),
    [(0.18, 0.18312, "2 decimals"), (0.3, 0.3012, "1 decimal"), (62.0, 62.418, "a whole number")],
)
def test_rounding_counts_the_decimals_given(answer: float, expected: float, places: str) -> None:
    verdict = SHARE.compare(answer, expected) if expected < 1 else ANY.compare(answer, expected)
    assert verdict.diagnosis is Diagnosis.ROUNDING
    assert f"rounded to {places}, but that is too coarse" in verdict.message


@pytest.mark.parametrize(
    ("answer", "expected"),
    [(12000, 12345.0), (30.0, 25.61), (25.7, 25.61), (51.0, 25.61), (8.6, 25.61), (-25.6, 25.61)],
)
def test_a_wrong_value_says_its_direction_but_not_its_size(answer: float, expected: float) -> None:
    """Which way, but not how far nor how many times (issue 18): a distance gives the answer."""
    verdict = ANY.compare(answer, expected)
    assert verdict.diagnosis is Diagnosis.VALUE
    way = "too high" if answer > expected else "too low"
    assert f"which is {way} (to 3 significant digits)" in verdict.message
    for word in ("times", "relative", "%", "the sign", str(expected)):
        assert word not in verdict.message, word


def test_off_by_one_does_not_give_the_count_away() -> None:
    verdict = COUNT.compare(12346, 12345)
    assert verdict.diagnosis is Diagnosis.OFF_BY_ONE
    assert verdict.message.startswith("You gave 12,346: very close, but one off.")
    assert COUNT.compare(12344, 12345).message == verdict.message.replace("12,346", "12,344")
    assert "12,345" not in verdict.message


def test_series_containing_the_answer() -> None:
    shares = pd.Series([0.3, 0.18312, 0.5], index=["positive", "negative", "neutral"])
    verdict = SHARE.compare(shares, 0.18312)
    assert verdict.message == (
        "You gave a Series of 3 values that contains the right number; "
        "the answer is that number alone: select it with `['negative']`."
    )


def test_series_where_scalar_expected() -> None:
    verdict = COUNT.compare(pd.Series([1, 2, 3]), 12345)
    assert verdict.message.startswith(
        "You gave a Series of 3 values; the answer is a single whole number."
    )


def test_one_value_series() -> None:
    assert "`.item()`" in COUNT.compare(pd.Series([12345]), 12345).message


def test_shape_tuple() -> None:
    assert "take it with `[0]`" in COUNT.compare((12345, 11), 12345).message


def test_text_that_looks_like_a_number() -> None:
    verdict = COUNT.compare("12345", 12345)
    assert verdict.message == (
        "You gave the text '12345'; the answer is a single whole number. "
        "Give the number itself, without quotes."
    )


def test_method_without_parentheses() -> None:
    verdict = SHARE.compare(pd.Series([1.0]).mean, 0.2)
    assert verdict.message.startswith("You gave the method `mean` itself, not its result")
    assert "`.mean()`" in verdict.message


def test_none_and_nan_and_bool() -> None:
    assert "return None" in COUNT.compare(None, 3).message
    assert COUNT.compare(float("nan"), 3).diagnosis is Diagnosis.NAN
    assert COUNT.compare(pd.NA, 3).diagnosis is Diagnosis.NAN
    assert "True (a yes/no value)" in COUNT.compare(True, 3).message


def test_huge_numbers() -> None:
    assert COUNT.compare(10**400, 3).diagnosis is Diagnosis.OVERFLOW
    assert COUNT.compare(10**400, 3).message == "Your number is too large to be right."
    assert COUNT.compare(float("inf"), 3).diagnosis is Diagnosis.INFINITE


def test_text_checker() -> None:
    check = Text(what="channel", choices=("forum", "blog", "facebook"))
    assert check.compare(" Forum ", "forum").correct
    verdict = check.compare("forums", "forum")
    assert verdict.message.startswith("'forums' is not a channel in the data; the channels are")
    assert check.compare("blog", "forum").message == (
        "'blog' is a channel in the data, but not the one asked for."
    )
    counts = pd.Series([3, 2], index=["forum", "blog"])
    assert "`.idxmax()`" in check.compare(counts, "forum").message


def test_case_sensitive_text() -> None:
    assert Text(case_sensitive=True).compare("Forum", "forum").diagnosis is Diagnosis.CASE


def test_choice_checker() -> None:
    check = Choice(
        options={"a": "Sales fell first", "b": "Sentiment fell first"},
        explanations={"a": "sales stayed flat for months while sentiment slid."},
    )
    assert check.compare("B", "b").message == "b) Sentiment fell first"
    assert check.compare("(b)", "b").correct
    assert check.compare("a", "b").message == (
        "a) is not it: sales stayed flat for months while sentiment slid."
    )
    assert check.compare("z", "b").diagnosis is Diagnosis.NOT_AN_OPTION
    assert "letter as text" in check.compare(2, "b").message


def test_a_mean_divided_by_100_is_not_another_format() -> None:
    """Only a share or a percentage may come in the other format; a mean score may not."""
    verdict = ANY.compare(0.0375, 3.75)
    assert not verdict.correct
    assert (
        verdict.message
        == "You gave 0.0375. Your value is 100 times too small: don't divide by 100."
    )
