"""Small vectorised helpers shared by the table generators.

Weights are written as mappings keyed by category name, never as bare tuples
whose order a comment explains: :func:`weights` and :func:`weight_table` turn
them into arrays in the order of the categories, and refuse a mapping that
misses a category or names one that does not exist.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

SECONDS_PER_DAY = 86_400


def draw(
    rng: np.random.Generator,
    probs: np.ndarray,
    group: np.ndarray | None = None,
    size: int | None = None,
    categories: Sequence[str] | None = None,
) -> np.ndarray:
    """Draw one category index per row, with probabilities that depend on the row's group.

    ``probs`` is a (groups, categories) array of weights, one row per group;
    ``group`` gives each row's group. Without ``group``, ``probs`` is one row of
    weights and ``size`` rows are drawn. With ``categories``, ``probs`` must have
    one column per category. Memory stays linear in the number of rows.
    """
    table = np.atleast_2d(np.asarray(probs, dtype=float))
    if categories is not None and table.shape[1] != len(categories):
        raise ValueError(
            f"probability table has {table.shape[1]} columns but there are "
            f"{len(categories)} categories ({', '.join(categories)})"
        )
    if (table < 0).any() or not np.isfinite(table).all() or (table.sum(axis=1) <= 0).any():
        raise ValueError("probability table needs finite, non-negative weights in every row")
    if group is None:
        group = np.zeros(size if size is not None else 1, dtype=np.int64)
    group = np.asarray(group)
    if len(group) and (group.min() < 0 or group.max() >= table.shape[0]):
        bad = group[(group < 0) | (group >= table.shape[0])][0]
        raise ValueError(
            f"group index {bad} is out of range: the probability table has "
            f"{table.shape[0]} rows (groups 0 to {table.shape[0] - 1})"
        )
    cumulative = np.cumsum(table, axis=1)
    cumulative /= cumulative[:, -1:]
    u = rng.random(len(group))
    # A row's category is how many cumulative thresholds of its group lie below its draw.
    # Counted in one byte per row while there are few categories, which is several times
    # faster on millions of rows; one group compares with a scalar, with no look-up.
    counter = np.dtype(np.uint8) if table.shape[1] <= np.iinfo(np.uint8).max else np.dtype(np.int64)
    codes = np.zeros(len(group), dtype=counter)
    for column in range(table.shape[1] - 1):
        thresholds = cumulative[:, column]
        codes += u > (thresholds[0] if len(thresholds) == 1 else thresholds.take(group))
    return codes.astype(np.int64)


def weights(mapping: Mapping[str, float], order: Sequence[str]) -> np.ndarray:
    """The values of ``mapping`` as an array, in the order of ``order``.

    ``mapping`` must name every category of ``order`` and nothing else, so a
    category added to the brand (or a typo) fails here rather than shifting
    every weight after it.
    """
    _check_keys(mapping, order)
    return np.array([mapping[key] for key in order], dtype=float)


def weight_table(
    mapping: Mapping[str, Mapping[str, float]], groups: Sequence[str], categories: Sequence[str]
) -> np.ndarray:
    """A (groups, categories) array from a mapping of mappings, both checked as in :func:`weights`.

    ``mapping[group][category]`` is the weight of ``category`` for rows of ``group``.
    """
    _check_keys(mapping, groups)
    return np.array([weights(mapping[group], categories) for group in groups], dtype=float)


def _check_keys(mapping: Mapping[str, object], order: Sequence[str]) -> None:
    missing = [key for key in order if key not in mapping]
    unknown = [key for key in mapping if key not in order]
    if missing or unknown:
        problems = []
        if missing:
            problems.append(f"missing {', '.join(map(repr, missing))}")
        if unknown:
            problems.append(f"unknown {', '.join(map(repr, unknown))}")
        raise ValueError(
            f"weights must name exactly the categories {', '.join(order)}: {'; '.join(problems)}"
        )


def rows(base: int, scale: float) -> int:
    """Number of rows for a table whose size at scale 1 is ``base``: at least one."""
    return max(1, round(base * scale))


def ids(prefix: str, count: int) -> np.ndarray | pd.api.extensions.ExtensionArray:
    """Identifiers ``prefix`` + zero-padded number, from 1, wide enough for ``count``.

    Returned in pandas' own text type, so a table of millions of rows gets its
    identifiers without a conversion: Arrow-backed text where pandas uses it
    (pandas 3 with pyarrow), a NumPy array of ``str`` otherwise.
    """
    chars = _id_chars(prefix, count)
    text = pd.api.types.pandas_dtype("str")
    if isinstance(text, pd.StringDtype) and text.storage == "pyarrow":
        import pyarrow as pa

        width = chars.shape[1]
        offsets = np.arange(0, (count + 1) * width, width, dtype=np.int64)
        buffers = [None, pa.py_buffer(offsets), pa.py_buffer(chars)]
        return pd.array(pa.Array.from_buffers(pa.large_string(), count, buffers), dtype=text)
    return chars.view(f"S{chars.shape[1]}").ravel().astype(str)


def _id_chars(prefix: str, count: int) -> np.ndarray:
    """The identifiers as a (count, characters) array of ASCII codes, one row each."""
    head = np.frombuffer(prefix.encode("ascii"), dtype=np.uint8)
    width = max(4, len(str(count)))
    chars = np.empty((count, len(head) + width), dtype=np.uint8)
    chars[:, : len(head)] = head
    numbers = np.arange(1, count + 1, dtype=np.int64)
    for column in range(chars.shape[1] - 1, len(head) - 1, -1):  # last digit first
        numbers, digit = np.divmod(numbers, 10)
        chars[:, column] = digit + ord("0")
    return chars


def draw_times(
    rng: np.random.Generator,
    n: int,
    days: pd.DatetimeIndex,
    day_weights: np.ndarray,
    hour_weights: Sequence[float],
) -> tuple[np.ndarray, np.ndarray]:
    """Draw ``n`` moments, oldest first: the index of each one's day, and its timestamp.

    Days are drawn with ``day_weights``, hours with ``hour_weights`` (24
    values), the second inside the hour uniformly.
    """
    day = rng.choice(len(days), size=n, p=day_weights / day_weights.sum())
    seconds = draw(rng, np.asarray(hour_weights), size=n) * 3600 + rng.integers(0, 3600, n)
    # Oldest first: one sort of "seconds since the first day" orders by day, then time.
    since_start = np.sort(day * SECONDS_PER_DAY + seconds)
    day = since_start // SECONDS_PER_DAY
    starts = days.values.astype("datetime64[s]")
    moments = starts[day] + (since_start % SECONDS_PER_DAY).astype("timedelta64[s]")
    return day, moments
