"""Number, Text and Choice checkers: messages a learner actually reads."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from brakes.exercises.checkers import Choice, Number, Text, Tolerance
from brakes.exercises.outcomes import Status

COUNT = Number(integer=True)
SHARE = Number(tol=Tolerance(abs=0.0005), share=True)


def test_count_correct() -> None:
    verdict = COUNT.compare(12345, 12345)
    assert verdict.status is Status.CORRECT
    assert verdict.message == "12,345."


@pytest.mark.parametrize("answer", [np.int64(12345), 12345.0, np.float32(12345)])
def test_count_accepts_numeric_types(answer: object) -> None:
    assert COUNT.compare(answer, 12345).correct


def test_share_within_tolerance() -> None:
    assert SHARE.compare(0.1834, 0.18312).correct
    assert SHARE.compare(0.1834, 0.18312).message == "0.1834 (within ±0.0005)."


def test_percentage_for_fraction() -> None:
    verdict = SHARE.compare(18.312, 0.18312)
    assert verdict.diagnosis == "percent"
    assert verdict.message.startswith("You gave 18.31, which looks like a percentage")


def test_fraction_for_percentage() -> None:
    assert Number(tol=Tolerance(abs=0.05)).compare(0.18312, 18.312).diagnosis == "fraction"


def test_count_for_share() -> None:
    verdict = SHARE.compare(1234, 0.18312)
    assert verdict.diagnosis == "count_for_share"
    assert "looks like a count" in verdict.message


def test_rounded_scalar() -> None:
    verdict = SHARE.compare(0.18, 0.18312)
    assert verdict.message == (
        "You gave 0.18, which is right when rounded to 2 decimals; don't round: "
        "the check needs the unrounded value (within ±0.0005)."
    )


def test_plain_wrong_value_says_by_how_much() -> None:
    verdict = COUNT.compare(12000, 12345)
    assert verdict.message == "You gave 12,000, which is 345 too low, 2.8%; expected 12,345."
    assert verdict.diagnosis == "value"


def test_multiple_of_expected() -> None:
    verdict = COUNT.compare(12345 * 11, 12345)
    assert verdict.diagnosis == "multiple"
    assert "exactly 11 times the expected value" in verdict.message


def test_off_by_one() -> None:
    assert COUNT.compare(12346, 12345).message == "You gave 12,346: one too many."


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
    verdict = COUNT.compare(pd.Series([12345]), 12345)
    assert "`.item()`" in verdict.message


def test_shape_tuple() -> None:
    verdict = COUNT.compare((12345, 11), 12345)
    assert "take it with `[0]`" in verdict.message


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
    assert COUNT.compare(float("nan"), 3).diagnosis == "nan"
    assert COUNT.compare(pd.NA, 3).diagnosis == "nan"
    assert "True (a yes/no value)" in COUNT.compare(True, 3).message


def test_huge_numbers() -> None:
    assert COUNT.compare(10**400, 3).diagnosis == "overflow"
    assert COUNT.compare(float("inf"), 3).diagnosis == "infinite"


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
    verdict = Text(case_sensitive=True).compare("Forum", "forum")
    assert verdict.diagnosis == "case"


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
    assert check.compare("z", "b").diagnosis == "not_an_option"
    assert "letter as text" in check.compare(2, "b").message
