"""What hints and feedback suggest: found as a learner reads it, and revealing no answer.

The suggested code itself runs in the notebooks' kernel, where the learner is:
tests/kit/test_workshop.py runs every snippet (suggested_code.py) just before
its exercise's cell, in the one run of each notebook on the oldest supported versions.
"""

from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd
import pytest
from suggested_code import feedback_texts, snippets

from brakes.data import DEFAULT_SEED, SeedSource
from brakes.exercises.model import Exercise
from brakes.exercises.registry import all_exercises


def _copyable(value: float) -> list[str]:
    """How an expected number would read if a message printed it."""
    if not math.isfinite(value) or float(value).is_integer() or abs(value) < 1:
        return []
    return [f"{value:.1f}", f"{value:.2f}", f"{value:.3g}"]


def _expected_numbers(expected: Any) -> list[float]:
    if isinstance(expected, pd.DataFrame):
        return [float(v) for v in expected.select_dtypes("number").to_numpy().ravel()]
    if isinstance(expected, pd.Series) and pd.api.types.is_numeric_dtype(expected):
        return [float(v) for v in expected.to_numpy(dtype=float)]
    if isinstance(expected, int | float) and not isinstance(expected, bool):
        return [float(expected)]
    return []


@pytest.mark.parametrize("exercise", all_exercises(), ids=lambda e: e.id)
def test_feedback_on_known_mistakes_prints_no_expected_value(exercise: Exercise) -> None:
    load = SeedSource(DEFAULT_SEED).load
    expected = _expected_numbers(exercise.expected(load))
    leaks = [
        f"{where} prints {shown}: {text}"
        for where, text in feedback_texts(exercise, load)
        if where.startswith("feedback")
        for number in expected
        for shown in _copyable(number)
        if re.search(rf"(?<![\d.]){re.escape(shown)}(?![\d])", text)
    ]
    assert not leaks, "\n".join(leaks)


@pytest.mark.browser  # Chromium renders the displays
def test_snippets_are_found_in_hints_and_sentences() -> None:
    assert snippets("counts = pd.crosstab(a, b)\n# then divide") == [
        "counts = pd.crosstab(a, b)\n# then divide"
    ]
    assert snippets("Group by `answer_type` then `.mean()`; try `x.set_index('a', 'b')`.") == [
        "x.set_index('a', 'b')"
    ]
    assert snippets("Look back at the numbers.") == []
