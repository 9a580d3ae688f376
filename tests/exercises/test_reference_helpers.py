"""The chapters' reference helpers: a crosstab that is pandas' own table, and a memory that never
hands back a result computed on other data."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from brakes.content import reference as _reference
from brakes.content.reference import crosstab, remembered
from brakes.exercises.model import Load

CATEGORIES = ["z", "b", "a", "c", "q"]
PAIRS = [("cat", "cat2"), ("week", "cat"), ("month", "text"), ("text", "int"), ("int", "flag")]


def frame(seed: int, size: int, ordered: bool, shuffled: bool) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    day = pd.to_datetime("2025-01-01") + pd.to_timedelta(rng.integers(0, 60, size), unit="D")
    table = pd.DataFrame(
        {
            "cat": pd.Categorical(rng.choice(CATEGORIES[:3], size), CATEGORIES, ordered=ordered),
            "cat2": pd.Categorical(rng.choice(CATEGORIES, size), CATEGORIES[::-1]),
            "text": rng.choice(np.array(["x", "y", "w", None], dtype=object), size),
            "int": rng.integers(0, 5, size),
            "flag": rng.random(size) < 0.3,
            "count": rng.integers(0, 100, size),
            "share": np.where(rng.random(size) < 0.2, np.nan, rng.random(size)),
            "month": day.to_period("M"),
            "week": day.to_period("W").start_time,
        }
    )
    if shuffled:
        table.index = rng.permutation(size) + 1000
    return table


@given(
    seed=st.integers(0, 2**32 - 1),
    size=st.integers(1, 200),
    ordered=st.booleans(),
    shuffled=st.booleans(),
    pair=st.sampled_from(PAIRS),
    values=st.sampled_from([None, "count", "share"]),
    normalize=st.sampled_from([False, True, "all", "index", "columns"]),
)
# A table whose first rows do not meet every column value: unstacking alone leaves them unsorted.
@example(
    seed=27,
    size=20,
    ordered=False,
    shuffled=False,
    pair=("text", "int"),
    values=None,
    normalize=False,
)
def test_crosstab_is_pandas_own_table(
    seed: int,
    size: int,
    ordered: bool,
    shuffled: bool,
    pair: tuple[str, str],
    values: str | None,
    normalize: bool | str,
) -> None:
    table = frame(seed, size, ordered, shuffled)
    a, b = table[pair[0]], table[pair[1]]
    summed = {} if values is None else {"values": table[values], "aggfunc": "sum"}
    expected = pd.crosstab(a, b, normalize=normalize, **summed)
    got = crosstab(a, b, values=None if values is None else table[values], normalize=normalize)
    pd.testing.assert_frame_equal(
        got, expected, check_exact=True, check_index_type=True, check_column_type=True
    )
    assert got.index.names == expected.index.names
    assert got.columns.names == expected.columns.names


@pytest.fixture(autouse=True)
def forget() -> None:
    _reference._last_tables.clear()


def test_a_remembered_function_runs_once_per_data_and_sees_every_edit() -> None:
    runs = []

    @remembered("t")
    def total(load: Load, column: str = "x") -> pd.Series:
        runs.append(column)
        return load("t")[column].cumsum()

    shared = pd.DataFrame({"x": [1, 2, 3], "y": [4, 5, 6]})
    load = lambda name: shared  # noqa: E731 (the same object each time, edited in place)
    assert total(load).tolist() == [1, 3, 6]
    assert total(load).tolist() == [1, 3, 6]
    assert runs == ["x"], "the same data: computed once"
    assert total(load, "y").tolist() == [4, 9, 15] and runs == ["x", "y"]

    shared.loc[0, "x"] = 10  # edited in place: the memory must not serve the old result
    assert total(load).tolist() == [10, 12, 15]
    other = pd.DataFrame({"x": [1, 2, 3], "y": [4, 5, 6]})  # another seed's table, say
    assert total(lambda name: other).tolist() == [1, 3, 6]
    assert runs == ["x", "y", "x", "x"]


def test_a_caller_cannot_change_what_is_remembered() -> None:
    @remembered("t")
    def doubled(load: Load) -> tuple[pd.Series, int]:
        return load("t")["x"] * 2, 1

    table = pd.DataFrame({"x": [1, 2]})
    first, _ = doubled(lambda name: table)
    first.iloc[0] = -99
    assert doubled(lambda name: table)[0].tolist() == [2, 4]


def test_reading_an_undeclared_table_is_an_error_naming_it() -> None:
    @remembered("t")
    def sneaky(load: Load) -> int:
        return len(load("other"))

    frames = {"t": pd.DataFrame({"x": [1]}), "other": pd.DataFrame({"x": [1]})}
    with pytest.raises(ValueError, match="reads table 'other'"):
        sneaky(frames.__getitem__)
