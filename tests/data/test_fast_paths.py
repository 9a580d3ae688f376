"""The fast paths of generation give exactly what the plain versions give (the data's bytes).

Generation is vectorised for millions of rows (`make bench` measures it); each
fast function here is compared, value for value, with the plain code it
replaced, so a seed keeps its data to the byte.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from brakes.data import brand, generate, schema
from brakes.data.competitors import _mentions_by_month
from brakes.data.sampling import draw, draw_times, ids


def plain_draw(rng: np.random.Generator, probs: np.ndarray, group: np.ndarray) -> np.ndarray:
    """Category of each row: how many of its group's cumulative thresholds its draw exceeds."""
    cumulative = np.cumsum(probs, axis=1)
    cumulative /= cumulative[:, -1:]
    u = rng.random(len(group))
    codes = np.zeros(len(group), dtype=np.int64)
    for column in range(probs.shape[1] - 1):
        codes += u > cumulative[group, column]
    return codes


@given(
    seed=st.integers(0, 2**32),
    groups=st.integers(1, 6),
    categories=st.integers(1, 9),
    rows=st.integers(0, 400),
)
def test_draw_is_the_plain_cumulative_draw(seed: int, groups: int, categories: int, rows: int):
    setup = np.random.default_rng(seed)
    probs = setup.random((groups, categories)) + setup.integers(0, 2, (groups, categories))
    probs[:, 0] += 0.01  # no row of zeros
    group = setup.integers(0, groups, rows)
    fast = draw(np.random.default_rng(seed + 1), probs, group)
    plain = plain_draw(np.random.default_rng(seed + 1), probs, group)
    assert fast.dtype == np.int64
    np.testing.assert_array_equal(fast, plain)


def test_draw_without_groups_is_the_plain_draw_of_one_group() -> None:
    probs = np.array([0.2, 0.0, 0.5, 0.3])
    fast = draw(np.random.default_rng(3), probs, size=5000)
    plain = plain_draw(np.random.default_rng(3), probs[None, :], np.zeros(5000, dtype=np.int64))
    np.testing.assert_array_equal(fast, plain)


@given(prefix=st.sampled_from(["M", "C", "CA", "R"]), count=st.integers(1, 30_000))
def test_ids_are_the_plain_zero_padded_numbers(prefix: str, count: int) -> None:
    width = max(4, len(str(count)))
    plain = pd.Series([f"{prefix}{n:0{width}d}" for n in range(1, count + 1)]).astype("str")
    fast = pd.Series(ids(prefix, count)).astype("str")
    pd.testing.assert_series_equal(fast, plain)


def test_ids_come_in_pandas_text_type() -> None:
    assert pd.Series(ids("M", 3)).dtype == pd.Series(["M0001"]).astype("str").dtype


def plain_draw_times(
    rng: np.random.Generator, n: int, days: pd.DatetimeIndex, day_weights: np.ndarray, hours
) -> tuple[np.ndarray, np.ndarray]:
    day = rng.choice(len(days), size=n, p=day_weights / day_weights.sum())
    seconds = draw(rng, np.asarray(hours), size=n) * 3600 + rng.integers(0, 3600, n)
    order = np.lexsort((seconds, day))
    day, seconds = day[order], seconds[order]
    moments = days.values[day].astype("datetime64[s]") + seconds.astype("timedelta64[s]")
    return day, moments


@given(seed=st.integers(0, 2**32), n=st.integers(0, 3000))
def test_draw_times_is_the_plain_sort_by_day_then_second(seed: int, n: int) -> None:
    days = brand.DAYS
    weights = np.random.default_rng(seed).random(len(days)) + 0.1
    hours = np.random.default_rng(seed + 1).random(24) + 0.1
    fast = draw_times(np.random.default_rng(seed), n, days, weights, hours)
    plain = plain_draw_times(np.random.default_rng(seed), n, days, weights, hours)
    for got, expected in zip(fast, plain, strict=True):
        np.testing.assert_array_equal(got, expected)
        assert got.dtype == expected.dtype


def test_month_index_is_month_number_less_one() -> None:
    moments = pd.Series(
        pd.to_datetime(
            [
                "2025-01-01 00:00:00",
                "2025-01-31 23:59:59",
                "2025-02-01 00:00:00",
                "2026-06-30 23:59:59",
            ]
        )
    )
    np.testing.assert_array_equal(brand.month_index(moments), brand.month_number(moments) - 1)


def test_brand_mentions_by_month_are_the_plain_group_counts() -> None:
    mentions = generate(3, scale=0.2)["mentions"]
    social = mentions[mentions["channel"].isin(brand.SOCIAL_PLATFORMS)]
    plain = (
        social.assign(
            month=brand.MONTHS[brand.month_number(social["published_at"]) - 1],
            platform=social["channel"].astype("str"),
        )
        .groupby(["month", "platform"])
        .size()
    )
    fast = _mentions_by_month(mentions)
    assert fast.sum() == len(social)
    expected = plain.reindex(fast.index, fill_value=0).astype(np.int64)
    pd.testing.assert_series_equal(fast, expected, check_names=False)


def test_coerce_keeps_a_category_column_already_in_its_dtype() -> None:
    column = schema.MENTIONS.columns[2]  # channel
    typed = pd.Series(pd.Categorical(["forum", "blog"], categories=brand.CHANNELS))
    from_text = schema._to_category(pd.Series(["forum", "blog"]), column, "here")
    kept = schema._to_category(typed, column, "here")
    pd.testing.assert_series_equal(kept, from_text)
