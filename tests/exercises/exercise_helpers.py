"""Shared test material for the exercise engine: hand-made tables and a fake loader.

The tables have the columns and dtypes of ``brakes.data`` (small, fixed,
made here) so the engine is tested without depending on the data generator.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from brakes.errors import BrakesError
from brakes.exercises.model import Exercise

CHANNELS = ["facebook", "twitter", "instagram", "youtube", "tiktok", "forum", "blog", "review_site"]
PRODUCT_LINES = ["Tourbillon", "Perle", "Croustille", "Arôme", "Mijote"]
PLATFORMS = ["facebook", "instagram", "twitter", "linkedin"]
SENTIMENTS = pd.CategoricalDtype(["negative", "neutral", "positive"], ordered=True)


def _mentions(rng: np.random.Generator, n: int = 400) -> pd.DataFrame:
    channel_weights = np.array([8, 6, 5, 2, 1, 9, 7, 4], dtype=float)
    reach = rng.lognormal(5, 1.2, n).round()
    answered = rng.random(n) < 0.3
    return pd.DataFrame(
        {
            "mention_id": np.arange(1, n + 1),
            "published_at": pd.Timestamp("2024-01-01")
            + pd.to_timedelta(rng.integers(0, 540 * 24, n), unit="h"),
            "channel": pd.Categorical(
                rng.choice(CHANNELS, n, p=channel_weights / channel_weights.sum()),
                categories=CHANNELS,
            ),
            "author_type": rng.choice(["customer", "prospect", "journalist"], n),
            "product_line": pd.Categorical(
                rng.choice(PRODUCT_LINES, n, p=[0.35, 0.25, 0.2, 0.12, 0.08]),
                categories=PRODUCT_LINES,
            ),
            "topic": rng.choice(["delivery", "quality", "price", "service"], n),
            "sentiment": pd.Categorical(
                rng.choice(SENTIMENTS.categories, n, p=[0.27, 0.43, 0.30]), dtype=SENTIMENTS
            ),
            "reach_first_day": reach,
            "reach_7d": reach * rng.uniform(1.0, 4.0, n).round(2),
            "brand_answered": answered,
            "answer_delay_h": np.where(answered, rng.exponential(20, n).round(1), np.nan),
        }
    )


def _page_daily(rng: np.random.Generator, days: int = 60) -> pd.DataFrame:
    dates = pd.date_range("2024-01-01", periods=days, freq="D")
    frame = pd.DataFrame([(d, p) for d in dates for p in PLATFORMS], columns=["date", "platform"])
    n = len(frame)
    rate = frame["platform"].map(
        {"facebook": 2.5, "instagram": 0.3, "twitter": 0.2, "linkedin": 0.1}
    )
    frame["platform"] = pd.Categorical(frame["platform"], categories=PLATFORMS)
    frame["followers"] = rng.integers(1_000, 50_000, n)
    frame["posts"] = rng.poisson(rate.to_numpy())
    frame["impressions"] = rng.integers(0, 100_000, n)
    frame["reach"] = (frame["impressions"] * 0.6).astype("int64")
    frame["engagements"] = rng.integers(0, 2_000, n)
    frame["contest"] = False
    return frame


def _sales(rng: np.random.Generator, weeks: int = 20) -> pd.DataFrame:
    week = pd.date_range("2024-01-01", periods=weeks, freq="W-MON")
    frame = pd.DataFrame(
        [(w, p) for w in week for p in PRODUCT_LINES], columns=["week", "product_line"]
    )
    frame["product_line"] = pd.Categorical(frame["product_line"], categories=PRODUCT_LINES)
    frame["units"] = rng.integers(50, 500, len(frame))
    frame["revenue_eur"] = (frame["units"] * rng.uniform(30, 120, len(frame))).round(2)
    return frame


def fake_tables(seed: int = 7) -> dict[str, pd.DataFrame]:
    """Small hand-made tables shaped like the course data."""
    rng = np.random.default_rng(seed)
    return {"mentions": _mentions(rng), "page_daily": _page_daily(rng), "sales": _sales(rng)}


def make_load(tables: dict[str, pd.DataFrame]) -> Callable[[str], pd.DataFrame]:
    """A ``brakes.data.load`` stand-in over the given tables (copies, like a fresh load)."""

    def load(name: str) -> pd.DataFrame:
        if name not in tables:
            raise BrakesError(f"no table {name!r} in the fake data")
        return tables[name].copy()

    return load


def solution_answer(exercise: Exercise, load: Callable[[str], pd.DataFrame]) -> Any:
    """Run an exercise's solution code as the notebook would, and return its answer."""
    namespace: dict[str, Any] = {"pd": pd, "np": np, "load": load}
    namespace.update({table: load(table) for table in exercise.tables})
    exec(exercise.setup, namespace)  # what the notebook's set-up cell defines (no_voice…)
    exec(exercise.solution, namespace)
    return namespace[exercise.answer_name]


def cached(load: Callable[[str], pd.DataFrame]) -> Callable[[str], pd.DataFrame]:
    """A loader that reads each table once and hands out copies (for many checks in a row)."""
    store: dict[str, pd.DataFrame] = {}

    def cached_load(name: str) -> pd.DataFrame:
        if name not in store:
            store[name] = load(name)
        return store[name].copy()

    return cached_load


def _once(compute: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``compute(load)`` run once per ``load``, then handed out as a deep copy."""
    results: dict[int, tuple[Any, Any]] = {}

    def computed_once(load: Any) -> Any:
        if id(load) not in results:
            results[id(load)] = (load, compute(load))  # the load is kept, so its id stays its own
        return copy.deepcopy(results[id(load)][1])

    return computed_once


def computed_once(exercise: Exercise) -> Exercise:
    """``exercise`` whose expected value and known mistakes are computed once per data source.

    For properties that check thousands of answers on the same data: only the answer
    varies, so computing the same reference values for each one measures nothing more.
    """
    mistakes = tuple(replace(w, make=_once(w.make)) for w in exercise.wrong_answers)
    return replace(exercise, expected=_once(exercise.expected), wrong_answers=mistakes)
