"""The DataFrame checker."""

from __future__ import annotations

import pandas as pd
import pytest

from brakes.exercises.checkers import Diagnosis, FrameCheck, Order


@pytest.fixture
def per_platform() -> pd.DataFrame:
    index = pd.Index(["facebook", "instagram", "twitter"], name="platform")
    return pd.DataFrame({"posts": [150, 20, 12], "reach": [1200.5, 300.25, 99.0]}, index=index)


CHECK = FrameCheck(index="platform")


def test_correct_frame(per_platform: pd.DataFrame) -> None:
    shuffled = per_platform.iloc[[2, 0, 1]][["reach", "posts"]]
    verdict = CHECK.compare(shuffled, per_platform)
    assert verdict.correct
    assert verdict.message == "all 3 rows and 2 columns match."


def test_extra_index_column_from_reset_index(per_platform: pd.DataFrame) -> None:
    verdict = CHECK.compare(per_platform.reset_index(), per_platform)
    assert verdict.diagnosis is Diagnosis.RESET_INDEX
    assert "'platform' is a column here" in verdict.message


def test_key_kept_as_index(per_platform: pd.DataFrame) -> None:
    expected = per_platform.reset_index()
    verdict = FrameCheck().compare(per_platform, expected)
    assert verdict.diagnosis is Diagnosis.SET_INDEX
    assert "add `.reset_index()`" in verdict.message


def test_leftover_index_column() -> None:
    expected = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
    verdict = FrameCheck().compare(expected.reset_index(), expected)
    assert verdict.diagnosis is Diagnosis.INDEX_COLUMN
    assert "`.reset_index(drop=True)`" in verdict.message


def test_missing_columns(per_platform: pd.DataFrame) -> None:
    verdict = CHECK.compare(per_platform.rename(columns={"reach": "Reach"}), per_platform)
    assert verdict.message.startswith("Missing columns: 'reach'; unexpected columns: 'Reach'.")


def test_wrong_values_name_row_and_column(per_platform: pd.DataFrame) -> None:
    wrong = per_platform.copy()
    wrong.loc["twitter", "reach"] = 9.0
    verdict = CHECK.compare(wrong, per_platform)
    assert verdict.message == (
        "1 value differs in column 'reach': 'twitter' (too low). Check the rows you kept and the "
        "computation."
    )


def test_series_for_one_column_frame(per_platform: pd.DataFrame) -> None:
    expected = per_platform[["posts"]]
    verdict = CHECK.compare(per_platform["posts"], expected)
    assert "`[['posts']]`" in verdict.message


def test_sorted_rows() -> None:
    expected = pd.DataFrame({"name": ["a", "b", "c"], "n": [9, 5, 1]})
    check = FrameCheck(order=Order.DESCENDING, sort_by="n")
    assert check.compare(expected, expected).correct
    verdict = check.compare(expected.iloc[::-1], expected)
    assert verdict.diagnosis is Diagnosis.ORDER
    assert "not sorted by 'n' from largest to smallest" in verdict.message


def test_rows_in_any_order_without_index() -> None:
    expected = pd.DataFrame({"name": ["a", "b", "c"], "n": [9, 5, 1]})
    assert FrameCheck().compare(expected.iloc[[1, 2, 0]], expected).correct


def test_a_column_in_percent_passes_with_a_note(per_platform: pd.DataFrame) -> None:
    expected = per_platform.assign(share=[0.8, 0.12, 0.08])
    in_percent = FrameCheck(index="platform", percent=("share",))
    verdict = in_percent.compare(expected.assign(share=expected["share"] * 100), expected)
    assert verdict.correct
    assert verdict.diagnosis is Diagnosis.AS_PERCENT
    assert verdict.message == (
        "all 3 rows and 3 columns match — in column 'share', given in percent; as fractions "
        "between 0 and 1, divide them by 100."
    )


def test_counts_in_a_frame_stay_exact(per_platform: pd.DataFrame) -> None:
    verdict = CHECK.compare(per_platform.assign(posts=[150, 20, 13]), per_platform)
    assert verdict.diagnosis is Diagnosis.VALUES
    assert "differs in column 'posts': 'twitter' (too high)." in verdict.message


def test_a_column_that_is_not_a_percentage_is_100_times_off(per_platform: pd.DataFrame) -> None:
    expected = per_platform.assign(share=[0.8, 0.12, 0.08])
    verdict = CHECK.compare(expected.assign(share=expected["share"] * 100), expected)
    assert not verdict.correct
    assert "100 times too big" in verdict.message
