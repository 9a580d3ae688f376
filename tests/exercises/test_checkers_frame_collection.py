"""DataFrame and collection checkers."""

from __future__ import annotations

import pandas as pd
import pytest

from brakes.exercises.checkers import Collection, FrameCheck, Order, Tolerance


@pytest.fixture
def per_platform() -> pd.DataFrame:
    index = pd.Index(["facebook", "instagram", "twitter"], name="platform")
    return pd.DataFrame({"posts": [150, 20, 12], "reach": [1200.5, 300.25, 99.0]}, index=index)


CHECK = FrameCheck(index="platform", tol=Tolerance(abs=0.01))


def test_correct_frame(per_platform: pd.DataFrame) -> None:
    shuffled = per_platform.iloc[[2, 0, 1]][["reach", "posts"]]
    verdict = CHECK.compare(shuffled, per_platform)
    assert verdict.correct
    assert verdict.message == "all 3 rows and 2 columns match."


def test_extra_index_column_from_reset_index(per_platform: pd.DataFrame) -> None:
    verdict = CHECK.compare(per_platform.reset_index(), per_platform)
    assert verdict.diagnosis == "reset_index"
    assert "'platform' is a column here" in verdict.message


def test_key_kept_as_index(per_platform: pd.DataFrame) -> None:
    expected = per_platform.reset_index()
    verdict = FrameCheck().compare(per_platform, expected)
    assert verdict.diagnosis == "set_index"
    assert "add `.reset_index()`" in verdict.message


def test_leftover_index_column() -> None:
    expected = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
    verdict = FrameCheck().compare(expected.reset_index(), expected)
    assert verdict.diagnosis == "index_column"
    assert "`.reset_index(drop=True)`" in verdict.message


def test_missing_columns(per_platform: pd.DataFrame) -> None:
    verdict = CHECK.compare(per_platform.rename(columns={"reach": "Reach"}), per_platform)
    assert verdict.message.startswith("Missing columns: 'reach'; unexpected columns: 'Reach'.")


def test_wrong_values_name_row_and_column(per_platform: pd.DataFrame) -> None:
    wrong = per_platform.copy()
    wrong.loc["twitter", "reach"] = 9.0
    verdict = CHECK.compare(wrong, per_platform)
    assert verdict.message == (
        "1 value differs beyond ±0.01 in column 'reach': 'twitter' is 9, expected 99."
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
    assert verdict.diagnosis == "order"
    assert "not sorted by 'n' from largest to smallest" in verdict.message


def test_rows_in_any_order_without_index() -> None:
    expected = pd.DataFrame({"name": ["a", "b", "c"], "n": [9, 5, 1]})
    assert FrameCheck().compare(expected.iloc[[1, 2, 0]], expected).correct


CHANNELS = Collection(what="channel")


def test_collection_correct_in_any_order() -> None:
    assert CHANNELS.compare({"blog", "forum"}, ["forum", "blog"]).correct
    assert CHANNELS.compare(pd.Index(["blog", "forum"]), ["forum", "blog"]).correct


def test_collection_missing_and_unexpected() -> None:
    verdict = CHANNELS.compare(["forum", "Blog"], ["forum", "blog"])
    assert verdict.message.startswith("Missing: 'blog'; unexpected: 'Blog'.")


def test_collection_from_value_counts() -> None:
    counts = pd.Series([5, 3], index=["forum", "blog"])
    assert CHANNELS.compare(counts, ["forum", "blog"]).diagnosis == "index_not_values"


def test_collection_duplicates_and_text() -> None:
    assert "`.unique()`" in CHANNELS.compare(["forum", "forum"], ["forum"]).message
    assert "Put the names in a list" in CHANNELS.compare("forum", ["forum"]).message


def test_collection_ordered() -> None:
    check = Collection(what="channel", ordered=True)
    assert check.compare(["blog", "forum"], ["forum", "blog"]).diagnosis == "order"
    assert "A set has no order" in check.compare({"forum"}, ["forum"]).message


def test_collection_never_consumes_a_generator() -> None:
    items = (x for x in ["forum"])
    assert "list(...)" in CHANNELS.compare(items, ["forum"]).message
    assert next(items) == "forum"


def test_collection_huge_range_is_not_read() -> None:
    assert CHANNELS.compare(range(10**12), ["forum"]).diagnosis == "size"
