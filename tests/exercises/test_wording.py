"""The shared phrases: numbers, labels, descriptions of what a learner gave."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from brakes.exercises.wording import (
    describe,
    fmt_labels,
    fmt_number,
    safe_repr,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (12345, "12,345"),
        (12345.0, "12,345"),
        (31.2, "31.2"),
        (0.18312, "0.1831"),
        (1234.56, "1,234.6"),
        (0.00003, "0.00003"),
        (float("nan"), "NaN"),
        (-0.0, "0"),
        (np.int64(7), "7"),
    ],
)
def test_fmt_number(value: float, text: str) -> None:
    assert fmt_number(value) == text


def test_fmt_number_with_decimals() -> None:
    assert fmt_number(62.41812, 3) == "62.418"
    assert fmt_number(0.5, 3) == "0.5"


def test_fmt_labels_abbreviates() -> None:
    assert fmt_labels(["a", "b", "c", "d", "e", "f"]) == "'a', 'b', 'c' and 3 more"
    assert fmt_labels([pd.Timestamp("2024-03-01"), ("blog", 1)]) == "2024-03-01, ('blog', 1)"


def test_describe() -> None:
    assert describe(pd.DataFrame({"a": [1, 2]})) == "a DataFrame (2 rows × 1 column)"
    assert describe(pd.Series([1.0])) == "a Series of 1 value"
    assert describe(None) == "None"
    assert describe((1, 2)) == "the tuple (1, 2)"
    assert describe([1, 2, 3]) == "a list of 3 items"
    assert describe(x for x in []) == "a generator (a lazy sequence)"
    assert describe(object()) == "an object"


def test_safe_repr_never_raises_nor_shows_addresses() -> None:
    class Hostile:
        def __repr__(self) -> str:
            raise RuntimeError("no")

    assert safe_repr(Hostile()) == "<Hostile>"
    assert "0x" not in safe_repr(object())
    assert len(safe_repr("x" * 1000)) == 40
