"""The one tolerance rule (a key per number) and the numeric slips, for one value and many."""

from __future__ import annotations

import numpy as np
import pytest

from brakes.exercises.checkers import Diagnosis
from brakes.exercises.checkers.numeric import close, decimals_shown, find_slip, number_key
from brakes.exercises.checkers.target import Kind, Values


@pytest.mark.parametrize(
    ("answer", "expected", "ok"),
    [
        (62.4, 62.42, True),
        (0.125, 0.12534, True),
        (62.3, 62.42, False),
        (0.124, 0.12534, False),
        (1230.0, 1234.5, True),
        (18.358, 18.34, False),  # keys 18.4 and 18.3: the old half-unit rule let it pass
        (62.47, 62.35, False),
        (62.35000000001, 62.35, True),  # on a rounding step: the nudged key meets its twin
        (62.45, 62.449, True),  # one digit more than the precision, on the step
        (1.0000000001, 1.0, True),  # float noise
        (0.0, 0.0, True),
        (np.nan, np.nan, True),
        (np.inf, np.inf, True),
        (np.inf, 1e308, False),
    ],
)
def test_three_significant_digits(answer: float, expected: float, ok: bool) -> None:
    assert bool(close(answer, expected)[0]) is ok


def test_the_key_is_the_rule() -> None:
    assert number_key(62.418, exact=False) == "62.4"
    assert number_key(39353.0, exact=True) == "39353"
    assert number_key(4.0, exact=False) == "4"
    assert number_key(-1e-12, exact=False) == "0"
    assert number_key(float("nan"), exact=True) == "nan"


def test_close_is_vectorised_and_exact_for_counts() -> None:
    assert close([62.4, 0.125], [62.42, 0.12534]).tolist() == [True, True]
    assert close([12340.0], [12345.0]).tolist() == [True]
    assert close([12340.0], [12345.0], exact=True).tolist() == [False]


def test_decimals_shown() -> None:
    assert decimals_shown(0.3) == 1
    assert decimals_shown([40.0, 31.25]) == 2
    assert decimals_shown(62) == 0


def _values(expected: list[float], kind: Kind = Kind.NUMBER) -> Values:
    return Values.of(expected, kind)


def test_one_slip_rule_for_one_value_and_many() -> None:
    slip = find_slip(18.3, _values([0.183]), share=True)
    assert slip is not None and slip.accepted and slip.diagnosis is Diagnosis.AS_PERCENT
    slip = find_slip(18.3, _values([0.183]))
    assert slip is not None and not slip.accepted and slip.diagnosis is Diagnosis.AS_PERCENT
    slip = find_slip([18.3, 81.7], _values([0.183, 0.817]))
    assert slip is not None and slip.diagnosis is Diagnosis.AS_PERCENT
    assert find_slip(18.3, _values([0.183], Kind.COUNT)) is None
    slip = find_slip(0.3, _values([0.3049]))
    assert slip is not None and slip.diagnosis is Diagnosis.ROUNDING and slip.decimals == 1
    slip = find_slip([3, 7], _values([0.3, 0.7]))
    assert slip is not None and slip.diagnosis is Diagnosis.COUNT_FOR_SHARE
    slip = find_slip([0.3, 0.7], _values([30, 70], Kind.COUNT))
    assert slip is not None and slip.diagnosis is Diagnosis.SHARE_FOR_COUNT
