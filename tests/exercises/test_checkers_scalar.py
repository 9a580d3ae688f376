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


def test_a_rounded_answer_is_told_the_exact_value() -> None:
    assert ANY.compare(62.4, 62.418).message == "62.4 — the exact value is 62.418."
    assert ANY.compare(62.418, 62.418).message == "62.42."


def test_counts_stay_exact() -> None:
    assert not COUNT.compare(12340, 12345).correct
    assert not ANY.compare(12340, 12345).correct  # a whole-number expected value is a count


def test_percentage_for_fraction_passes_with_a_note() -> None:
    verdict = SHARE.compare(18.312, 0.18312)
    assert verdict.correct
    assert verdict.diagnosis is Diagnosis.AS_PERCENT
    assert verdict.message == (
        "18.31 — given in percent; as a fraction between 0 and 1 that is 0.1831."
    )


def test_fraction_for_percentage_passes_with_a_note() -> None:
    verdict = Number(percent=True).compare(0.2561, 25.61)
    assert verdict.correct
    assert verdict.diagnosis is Diagnosis.AS_FRACTION
    assert verdict.message == "0.2561 — given as a fraction; in percent that is 25.61."


def test_a_count_is_never_read_as_a_percentage() -> None:
    assert COUNT.compare(4, 400).diagnosis is not Diagnosis.AS_FRACTION


def test_count_for_share() -> None:
    verdict = SHARE.compare(1234, 0.18312)
    assert verdict.diagnosis is Diagnosis.COUNT_FOR_SHARE
    assert "looks like a count" in verdict.message


@pytest.mark.parametrize(
    ("answer", "expected", "places"),
    [(0.18, 0.18312, "2 decimals"), (0.3, 0.3012, "1 decimal"), (62.0, 62.418, "a whole number")],
)
def test_rounding_counts_the_decimals_given(answer: float, expected: float, places: str) -> None:
    verdict = SHARE.compare(answer, expected) if expected < 1 else ANY.compare(answer, expected)
    assert verdict.diagnosis is Diagnosis.ROUNDING
    assert f"rounded to {places}, but that is too coarse" in verdict.message


@pytest.mark.parametrize(
    ("answer", "expected", "words"),
    [
        (12000, 12345, "a little too low (a relative difference under 3 %)"),
        (30.0, 25.61, "too high (a relative difference of about 15 %)"),
        (51.0, 25.61, "too high: about twice the expected value"),
        (8.6, 25.61, "too low: about a third of the expected value"),
        (-25.6, 25.61, "too low, on the other side of zero: check the sign"),
    ],
)
def test_a_wrong_value_says_direction_and_size_not_the_answer(
    answer: float, expected: float, words: str
) -> None:
    verdict = ANY.compare(answer, expected)
    assert verdict.diagnosis is Diagnosis.VALUE
    assert words in verdict.message
    assert str(expected) not in verdict.message
    assert "expected " + str(expected) not in verdict.message


def test_multiple_of_expected_without_the_factor() -> None:
    verdict = COUNT.compare(12345 * 11, 12345)
    assert verdict.diagnosis is Diagnosis.MULTIPLE
    assert "an exact multiple of the expected count" in verdict.message
    assert "11" not in verdict.message.replace("135,795", "")


def test_off_by_one_does_not_give_the_count_away() -> None:
    verdict = COUNT.compare(12346, 12345)
    assert verdict.diagnosis is Diagnosis.OFF_BY_ONE
    assert verdict.message.startswith("You gave 12,346: very close, but a little too many.")
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
