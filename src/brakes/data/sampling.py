"""Small vectorised helpers shared by the table generators."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd


def draw(
    rng: np.random.Generator,
    probs: np.ndarray,
    group: np.ndarray | None = None,
    size: int | None = None,
) -> np.ndarray:
    """Draw one category index per row, with probabilities that depend on the row's group.

    ``probs`` is a (groups, categories) array of weights, one row per group;
    ``group`` gives each row's group. Without ``group``, ``probs`` is one row of
    weights and ``size`` rows are drawn. Memory stays linear in the number of rows.
    """
    table = np.atleast_2d(np.asarray(probs, dtype=float))
    if group is None:
        group = np.zeros(size if size is not None else 1, dtype=np.int64)
    cumulative = np.cumsum(table, axis=1)
    cumulative /= cumulative[:, -1:]
    u = rng.random(len(group))
    codes = np.zeros(len(group), dtype=np.int64)
    for column in range(table.shape[1] - 1):
        codes += u > cumulative[group, column]
    return codes


def weights(mapping: Mapping[str, float], order: Sequence[str]) -> np.ndarray:
    """The values of ``mapping`` as an array, in the order of ``order``."""
    return np.array([mapping[key] for key in order], dtype=float)


def rows(base: int, scale: float) -> int:
    """Number of rows for a table whose size at scale 1 is ``base``: at least one."""
    return max(1, round(base * scale))


def ids(prefix: str, count: int) -> np.ndarray:
    """Identifiers ``prefix`` + zero-padded number, from 1, wide enough for ``count``."""
    width = max(4, len(str(count)))
    return np.char.add(prefix, np.char.zfill(np.arange(1, count + 1).astype(str), width))


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
    order = np.lexsort((seconds, day))
    day, seconds = day[order], seconds[order]
    moments = days.values[day].astype("datetime64[s]") + seconds.astype("timedelta64[s]")
    return day, moments
