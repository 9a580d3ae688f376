"""The one tolerance rule and the shared numeric slips, on single values and arrays alike."""

from __future__ import annotations

import numpy as np
import pytest

from brakes.exercises.checkers import Diagnosis
from brakes.exercises.checkers.numeric import close, decimals_shown, find_slip, how_far


@pytest.mark.parametrize(
    ("answer", "expected", "ok"),
    [
        (62.4, 62.42, True),
        (0.125, 0.12534, True),
        (62.3, 62.42, False),
        (0.124, 0.12534, False),
        (1230.0, 1234.5, True),
        (1.0000000001, 1.0, True),  # float noise
        (0.0, 0.0, True),
        (np.nan, np.nan, True),
        (np.inf, np.inf, True),
        (np.inf, 1e308, False),
    ],
)
def test_three_significant_digits(answer: float, expected: float, ok: bool) -> None:
    assert bool(close(answer, expected)[0]) is ok


def test_close_is_vectorised_and_exact_for_counts() -> None:
    assert close([62.4, 0.125], [62.42, 0.12534]).tolist() == [True, True]
    assert close([12340.0], [12345.0]).tolist() == [True]
    assert close([12340.0], [12345.0], exact=True).tolist() == [False]


def test_decimals_shown() -> None:
    assert decimals_shown(0.3) == 1
    assert decimals_shown([40.0, 31.25]) == 2
    assert decimals_shown(62) == 0


def test_one_slip_rule_for_one_value_and_many() -> None:
    slip = find_slip(18.3, 0.183, share=True)
    assert slip is not None and slip.accepted and slip.diagnosis is Diagnosis.AS_PERCENT
    slip = find_slip(18.3, 0.183)
    assert slip is not None and not slip.accepted and slip.diagnosis is Diagnosis.AS_PERCENT
    slip = find_slip([18.3, 81.7], [0.183, 0.817])
    assert slip is not None and slip.diagnosis is Diagnosis.AS_PERCENT
    assert find_slip(18.3, 0.183, exact=True) is None
    slip = find_slip(0.3, 0.3049)
    assert slip is not None and slip.diagnosis is Diagnosis.ROUNDING and slip.decimals == 1


@pytest.mark.parametrize(
    ("value", "expected", "words"),
    [
        (104.0, 100.0, "too high (a relative difference of about 4 %)"),
        (99.0, 100.0, "a little too low (a relative difference under 3 %)"),
        (201.0, 100.0, "too high: about twice the expected value"),
        (26.0, 100.0, "too low: about a quarter of the expected value"),
        (1.0, 0.0, "too high"),
        (5.4e307, 0.3, "too high: more than a thousand times the expected value"),
        (1e-300, 3.0, "too low: less than a thousandth of the expected value"),
    ],
)
def test_how_far_in_words(value: float, expected: float, words: str) -> None:
    assert how_far(value, expected) == words
