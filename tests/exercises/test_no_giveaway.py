"""No feedback on a wrong answer holds a factor or a distance to the expected value.

"About 7.7 times the expected value" or "a relative difference of about 25 %"
let a learner compute the answer from their own (issue 18). For every numeric
exercise, answers scaled or shifted away from the expected one are rejected
with a message that names neither the expected number, nor the factor, nor the
gap.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
import pytest
from test_precision import MEASURED

from brakes.data import load as load_table
from brakes.exercises.checking import verdict_for
from brakes.exercises.model import Exercise
from brakes.exercises.wording import fmt_number

FACTORS = (0.5, 0.8, 1.25, 2.0, 7.7)
SHIFTS = (-3.0, 1.7)
#: Words that say how far or how many times: none may appear in a rejection.
GIVEAWAYS = re.compile(r"times the expected|relative difference|\bpercent off\b|\boff by\b", re.I)


def _scaled(value: Any, change: Any) -> Any:
    if isinstance(value, pd.DataFrame):
        floats = value.select_dtypes("float").columns
        return value.assign(**{c: change(value[c]) for c in floats})
    return change(value)


def _numbers(value: Any) -> list[float]:
    if isinstance(value, pd.DataFrame):
        return value.select_dtypes("float").to_numpy(dtype=float).ravel().tolist()
    if isinstance(value, pd.Series):
        return value.to_numpy(dtype=float, na_value=np.nan).tolist()
    return [float(value)]


@pytest.mark.parametrize("exercise", MEASURED, ids=lambda e: e.id)
def test_a_wrong_number_s_message_gives_neither_factor_nor_distance(exercise: Exercise) -> None:
    expected = exercise.expected(load_table)
    decimals = exercise.checker.decimals  # type: ignore[attr-defined]
    # Numbers with a decimal point, so counts of values or labels such as 3 are not caught.
    shown = {fmt_number(v, decimals) for v in _numbers(expected) if np.isfinite(v)}
    for change, factor, gap in [(lambda v, f=f: v * f, str(f), None) for f in FACTORS] + [
        (lambda v, d=d: v + d, None, fmt_number(abs(d))) for d in SHIFTS
    ]:
        answer = _scaled(expected, change)
        verdict = verdict_for(exercise, answer, load_table)
        if verdict.correct:
            continue
        # The learner's own numbers may be echoed back; nothing else numeric may be.
        message = verdict.message
        for own in {fmt_number(v) for v in _numbers(answer) if np.isfinite(v)}:
            message = message.replace(own, "")
        assert not GIVEAWAYS.search(message), verdict.message
        for number in {factor, gap, *shown} - {None}:
            if "." in str(number):
                assert str(number) not in message, f"{exercise.id}: {number} in {verdict.message!r}"
