"""The Series checker: type, labels, values, order, and the known slips."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from brakes.exercises.checkers import Diagnosis, Order, SeriesCheck
from brakes.exercises.outcomes import Status


@pytest.fixture
def per_channel() -> pd.Series:
    index = pd.Index(["facebook", "blog", "forum", "review_site", "tiktok"], name="channel")
    return pd.Series([40.0, 31.2, 9.0, 7.5, 2.0], index=index, name="reach")


TOL = SeriesCheck(index="channel")


def test_correct_in_any_order(per_channel: pd.Series) -> None:
    verdict = TOL.compare(per_channel.sort_index(), per_channel)
    assert verdict.status is Status.CORRECT
    assert verdict.message == "all 5 values match, one per channel."


def test_dataframe_with_one_column(per_channel: pd.Series) -> None:
    verdict = TOL.compare(per_channel.to_frame(), per_channel)
    assert verdict.message.startswith(
        "You gave a DataFrame (5 rows × 1 column); the answer is a Series indexed by channel."
    )
    assert "`['reach']`" in verdict.message


def test_reset_index_is_recognised(per_channel: pd.Series) -> None:
    verdict = TOL.compare(per_channel.reset_index(), per_channel)
    assert verdict.diagnosis is Diagnosis.RESET_INDEX
    assert "'channel' is a column here; in the answer it is the index" in verdict.message


def test_missing_and_unexpected_labels(per_channel: pd.Series) -> None:
    renamed = per_channel.rename({"forum": "Forum"})
    verdict = TOL.compare(renamed, per_channel)
    assert verdict.message.startswith("Missing: 'forum'; unexpected: 'Forum'.")
    assert "case-sensitive" in verdict.message


def test_many_missing_labels_are_abbreviated() -> None:
    expected = pd.Series(range(8), index=list("abcdefgh"), dtype=float)
    verdict = TOL.compare(expected.iloc[:2], expected)
    assert verdict.message.startswith("Missing: 'c', 'd', 'e' and 3 more.")


def test_values_that_differ_are_named_not_how_far(per_channel: pd.Series) -> None:
    wrong = per_channel.copy()
    wrong["blog"] = 12.5
    wrong["forum"] = 10
    wrong["tiktok"] = 2.004  # the same to 3 significant digits
    verdict = TOL.compare(wrong, per_channel)
    assert verdict.message == (
        "2 values differ: 'blog' (too low), 'forum' (too high). Check the rows you kept and the "
        "computation."
    )


def test_many_values_differ(per_channel: pd.Series) -> None:
    verdict = TOL.compare(per_channel + np.array([1, 2, 3, 4, 5]), per_channel)
    assert verdict.message.startswith("All 5 values differ: 'facebook' (too high), ")
    assert " and 2 more. Check the rows" in verdict.message


def test_messages_never_show_the_expected_values(per_channel: pd.Series) -> None:
    wrong = per_channel * np.array([1.5, 0.9, 1.02, 3, 0.1])
    message = TOL.compare(wrong, per_channel).message
    for value in ["40", "31.2", "9", "7.5"]:
        assert f" {value}" not in message and f"{value}," not in message


def test_three_significant_digits_pass(per_channel: pd.Series) -> None:
    expected = pd.Series([62.418, 0.12534, 1234.5], index=["a", "b", "c"])
    assert TOL.compare(pd.Series([62.4, 0.125, 1230.0], index=["a", "b", "c"]), expected).correct


def test_integer_series_stay_exact() -> None:
    counts = pd.Series([1234, 567], index=["a", "b"])
    assert not TOL.compare(counts + np.array([1, 0]), counts).correct


def test_percentages_for_fractions_pass_with_a_note() -> None:
    expected = pd.Series([0.2, 0.5, 0.3], index=["a", "b", "c"])
    verdict = SeriesCheck(index="channel", percent=True).compare(expected * 100, expected)
    assert verdict.correct
    assert verdict.diagnosis is Diagnosis.AS_PERCENT
    assert verdict.message == (
        "all 3 values match, one per channel — given in percent; as fractions between 0 and 1, "
        "divide them by 100."
    )


def test_fractions_for_percentages_pass_with_a_note() -> None:
    expected = pd.Series([20.0, 50.0, 30.0], index=["a", "b", "c"])
    verdict = SeriesCheck(index="channel", percent=True).compare(expected / 100, expected)
    assert verdict.diagnosis is Diagnosis.AS_FRACTION
    assert verdict.message.endswith("given as fractions; in percent, multiply them by 100.")


def test_counts_for_shares() -> None:
    counts = pd.Series([2, 5, 3], index=["a", "b", "c"])
    verdict = TOL.compare(counts, counts / 10)
    assert verdict.diagnosis is Diagnosis.COUNT_FOR_SHARE
    assert "normalize=True" in verdict.message
    verdict = TOL.compare(counts, counts * 10.0)  # percentages: each count / total × 100
    assert verdict.diagnosis is Diagnosis.COUNT_FOR_SHARE
    assert "add up to 100" in verdict.message


def test_shares_for_counts() -> None:
    counts = pd.Series([2, 5, 3], index=["a", "b", "c"])
    verdict = SeriesCheck(index="channel").compare(counts / 10, counts)
    assert verdict.diagnosis is Diagnosis.SHARE_FOR_COUNT


def test_rounded_values_count_the_decimals_given() -> None:
    expected = pd.Series([1.2345, 2.3456], index=["a", "b"])
    verdict = TOL.compare(expected.round(1), expected)
    assert verdict.diagnosis is Diagnosis.ROUNDING
    assert "rounded to 1 decimal," in verdict.message
    expected = pd.Series([0.3049, 0.4049], index=["a", "b"])
    verdict = TOL.compare(expected.round(2), expected)  # 0.30 and 0.40 are 0.3 and 0.4
    assert "rounded to 1 decimal," in verdict.message


def test_bool_labels_given_as_text() -> None:
    expected = pd.Series([2.5, 1.5], index=pd.Index([False, True], name="brand_answered"))
    verdict = TOL.compare(expected.rename(index=str), expected)
    assert verdict.diagnosis is Diagnosis.LABELS
    assert "Give True/False without quotes" in verdict.message
    assert "case-sensitive" not in verdict.message


def test_unsorted_when_order_matters(per_channel: pd.Series) -> None:
    check = SeriesCheck(index="channel", order=Order.DESCENDING)
    verdict = check.compare(per_channel.sort_values(), per_channel)
    assert verdict.diagnosis is Diagnosis.ORDER
    assert "sorted from smallest to largest" in verdict.message
    shuffled = per_channel.iloc[[1, 0, 3, 2, 4]]
    assert "not sorted" in check.compare(shuffled, per_channel).message


def test_ties_in_any_order_are_sorted() -> None:
    expected = pd.Series([5, 3, 3, 1], index=list("abcd"))
    check = SeriesCheck(index="x", order=Order.DESCENDING)
    assert check.compare(expected.iloc[[0, 2, 1, 3]], expected).correct


def test_index_order() -> None:
    expected = pd.Series(
        [1, 2, 3], index=pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-03"])
    )
    check = SeriesCheck(index="day", order=Order.INDEX)
    verdict = check.compare(expected.iloc[::-1], expected)
    assert "`.sort_index()`" in verdict.message


def test_scalar_for_series_total(per_channel: pd.Series) -> None:
    verdict = TOL.compare(per_channel.sum(), per_channel)
    assert verdict.diagnosis is Diagnosis.TOTAL_FOR_SERIES
    assert "group by channel first" in verdict.message


def test_list_lost_its_labels(per_channel: pd.Series) -> None:
    verdict = TOL.compare(per_channel.tolist(), per_channel)
    assert verdict.diagnosis is Diagnosis.LOST_LABELS


def test_dict_with_right_values(per_channel: pd.Series) -> None:
    verdict = TOL.compare(per_channel.to_dict(), per_channel)
    assert verdict.diagnosis is Diagnosis.DICT


def test_multiindex_for_flat(per_channel: pd.Series) -> None:
    two_levels = per_channel.copy()
    two_levels.index = pd.MultiIndex.from_arrays(
        [per_channel.index, ["x"] * 5], names=["channel", "sentiment"]
    )
    verdict = TOL.compare(two_levels, per_channel)
    assert verdict.message.startswith("Your index has 2 level(s) (channel, sentiment)")


def test_unstacked_for_two_level_series() -> None:
    index = pd.MultiIndex.from_product([["a", "b"], ["neg", "pos"]], names=["channel", "sentiment"])
    expected = pd.Series([1, 2, 3, 4], index=index)
    verdict = SeriesCheck(index="channel and sentiment").compare(expected.unstack(), expected)
    assert verdict.diagnosis is Diagnosis.UNSTACKED


def test_duplicated_labels(per_channel: pd.Series) -> None:
    doubled = pd.concat([per_channel, per_channel.iloc[:1]])
    verdict = TOL.compare(doubled, per_channel)
    assert verdict.message.startswith("'facebook' appears 2 times")


def test_text_values_for_numbers(per_channel: pd.Series) -> None:
    verdict = TOL.compare(per_channel.astype(str), per_channel)
    assert verdict.diagnosis is Diagnosis.DTYPE


def test_nan_is_named(per_channel: pd.Series) -> None:
    wrong = per_channel.copy()
    wrong["blog"] = np.nan
    assert "'blog' (missing: NaN)." in TOL.compare(wrong, per_channel).message


def test_categorical_index_matches_plain_labels(per_channel: pd.Series) -> None:
    categorical = per_channel.copy()
    categorical.index = pd.CategoricalIndex(per_channel.index, name="channel")
    assert TOL.compare(categorical, per_channel).correct


def test_the_answer_is_not_modified(per_channel: pd.Series) -> None:
    answer = per_channel.sample(frac=1, random_state=1)
    before = answer.copy()
    TOL.compare(answer, per_channel)
    pd.testing.assert_series_equal(answer, before)


def test_swapped_index_and_values() -> None:
    expected = pd.Series([3, 2], index=pd.Index(["blog", "forum"], name="channel"))
    swapped = pd.Series(["blog", "forum"], index=[3, 2])
    assert TOL.compare(swapped, expected).diagnosis is Diagnosis.SWAPPED


def test_mean_scores_divided_by_100_are_rejected() -> None:
    expected = pd.Series([3.75, 1.99, 2.28], index=["a", "b", "c"])
    verdict = TOL.compare(expected / 100, expected)
    assert not verdict.correct
    assert verdict.message == "Your values are 100 times too small: don't divide by 100."
