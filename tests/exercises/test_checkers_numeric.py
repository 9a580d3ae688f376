"""The one tolerance rule (a key per number) and the numeric slips, for one value and many."""

from __future__ import annotations

import numpy as np
import pytest

from brakes.exercises.checkers import Diagnosis, Number
from brakes.exercises.checkers.numeric import close, decimals_shown, find_slip, number_key
from brakes.exercises.checkers.target import Kind, Salted, Target, Values


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


# --- a declared precision: the prompt's "to one decimal" -----------------------------------

ONE_DECIMAL = Number(percent=True, decimals=1)


@pytest.mark.parametrize("answer", [62.9, 62.86, 62.863, 62.8625, 62.85, 62.87])
def test_an_answer_at_the_precision_asked_or_finer_passes(answer: float) -> None:
    assert ONE_DECIMAL.compare(answer, 62.8625).correct


@pytest.mark.parametrize("answer", [62.8, 63.01, 62.7, 62.96])
def test_an_answer_off_at_the_precision_asked_fails(answer: float) -> None:
    assert not ONE_DECIMAL.compare(answer, 62.8625).correct


def test_rounding_further_than_asked_says_the_precision_asked() -> None:
    verdict = ONE_DECIMAL.compare(63, 62.8625)
    assert verdict.diagnosis is Diagnosis.ROUNDING
    assert "rounded to a whole number, but the exercise asks for it to one decimal" in (
        verdict.message
    )


def test_a_share_to_two_decimals_takes_a_two_decimal_answer() -> None:
    """0.4 asked a share and called 0.30 "rounded to 1 decimal" (issue 18)."""
    assert Number(share=True, decimals=2).compare(0.30, 0.3032).correct


def test_a_sealed_target_keeps_the_precision() -> None:
    target = Target.of(62.8625, decimals=1)
    assert target is not None
    sealed = target.sealed(Salted("salt", "1.3"))
    rebuilt = Target.from_json(sealed.to_json(), Salted("salt", "1.3"))
    assert ONE_DECIMAL.compare(62.9, rebuilt).correct
    assert not ONE_DECIMAL.compare(62.8, rebuilt).correct


def test_a_sealed_target_says_the_direction_without_the_value_in_clear() -> None:
    sealed = Target.of(62.8625, decimals=1).sealed(Salted("salt", "1.3"))  # type: ignore[union-attr]
    assert "62.8" not in str(sealed.to_json())
    rebuilt = Target.from_json(sealed.to_json(), Salted("salt", "1.3"))
    assert "which is too high (to one decimal)" in ONE_DECIMAL.compare(70.0, rebuilt).message
    assert "which is too low (to one decimal)" in ONE_DECIMAL.compare(50.0, rebuilt).message
