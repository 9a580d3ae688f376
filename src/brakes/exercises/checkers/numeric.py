"""Numbers compared the way a reader compares them: one tolerance, one set of slips.

Every checker compares numbers here, vectorised: a single value is an array
of one. :func:`close` is the one tolerance rule of the course; :func:`find_slip`
recognises the known numeric slips (percent for fraction and back, counts for
shares and back, rounding too far) for single values and labelled data alike;
:func:`slip_message` and :func:`how_far` word them without handing over the
expected value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from brakes.exercises.checkers.base import Diagnosis
from brakes.exercises.wording import code, fmt_number, plural

#: A float answer passes when it matches the expected value to this many significant digits.
SIGNIFICANT_DIGITS = 3
#: Relative float noise always allowed, so two correct ways of summing never disagree.
NOISE = 1e-9
#: The slips that are the right answer in another format: accepted, with a note.
ACCEPTED_SLIPS = frozenset({Diagnosis.AS_PERCENT, Diagnosis.AS_FRACTION})


def _floats(values: Any) -> np.ndarray:
    return np.atleast_1d(np.asarray(values, dtype=float))


def slack(expected: Any, *, exact: bool = False) -> np.ndarray:
    """How far an answer may be from each expected value.

    Half a unit of the third significant digit (62.42 allows 62.37 to 62.47,
    0.12534 allows 0.12484 to 0.12584), plus float noise; only the noise when
    ``exact`` (counts, whole numbers).
    """
    e = np.abs(_floats(expected))
    noise = NOISE * np.maximum(np.nan_to_num(e, posinf=0.0), 1.0)
    if exact:
        return noise
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        digit = np.floor(np.log10(np.where((e > 0) & np.isfinite(e), e, 1.0)))
        reader = np.where(e > 0, 0.5 * 10.0 ** (digit - (SIGNIFICANT_DIGITS - 1)), 0.0)
    return reader + noise


def close(answer: Any, expected: Any, *, exact: bool = False) -> np.ndarray:
    """Element-wise: does each answer match its expected value (see :func:`slack`)?

    NaN matches NaN, an infinity the same infinity; ``exact`` is for counts.
    """
    a, e = _floats(answer), _floats(expected)
    with np.errstate(invalid="ignore", over="ignore"):
        near = np.abs(a - e) <= slack(e, exact=exact)
    same_inf = np.isinf(a) & np.isinf(e) & (a == e)
    return near | same_inf | (np.isnan(a) & np.isnan(e))


def is_whole(values: Any) -> np.ndarray:
    """Element-wise: a finite whole number."""
    v = _floats(values)
    with np.errstate(invalid="ignore"):
        return np.isfinite(v) & (np.mod(np.where(np.isfinite(v), v, 0.0), 1) == 0)


def decimals_shown(values: Any, most: int = 12) -> int | None:
    """The decimals needed to write every value (``0.3`` → 1, ``62`` → 0), None beyond ``most``."""
    v = _floats(values)
    v = v[np.isfinite(v)]
    for d in range(most + 1):
        with np.errstate(invalid="ignore", over="ignore"):
            if np.all(np.abs(np.round(v, d) - v) <= 1e-12 * np.maximum(np.abs(v), 1.0)):
                return d
    return None


@dataclass(frozen=True)
class Slip:
    """A numeric slip that explains every difference; ``decimals`` for rounding."""

    diagnosis: Diagnosis
    decimals: int = 0
    percent: bool = False  # the expected values are percentages (they add up to 100)
    proportion: bool = False  # the exercise asks for shares or percentages

    @property
    def accepted(self) -> bool:
        """The right answer in another format: percent for fraction, or back, for a proportion.

        A mean score or a time divided by 100 is a mistake, not another format.
        """
        return self.diagnosis in ACCEPTED_SLIPS and self.proportion


def find_slip(
    answer: Any,
    expected: Any,
    *,
    exact: bool = False,
    share: bool = False,
    percent: bool = False,
) -> Slip | None:
    """The one slip that explains all the differences, if any.

    ``exact`` marks counts (never rescaled); ``share`` says a single expected
    value is a share between 0 and 1, so a whole number for it is a count;
    ``percent`` says the expected values are percentages. Only for a share or
    a percentage is a value 100 times too big or too small another format.
    """
    proportion = share or percent
    a, e = _floats(answer), _floats(expected)
    if a.size == 0 or a.shape != e.shape or not np.all(np.isfinite(a) & np.isfinite(e)):
        return None
    if not exact and np.any(e != 0):
        with np.errstate(over="ignore"):
            if np.all(close(a / 100, e)):
                return Slip(Diagnosis.AS_PERCENT, proportion=proportion)
            if np.all(close(a * 100, e)):
                return Slip(Diagnosis.AS_FRACTION, proportion=proportion)
    total_a, total_e = float(a.sum()), float(e.sum())
    percent = abs(total_e - 100) < 1e-6
    if np.all(is_whole(a)) and np.any(a > 1) and np.all(e >= 0):
        if share and np.all(e <= 1):
            return Slip(Diagnosis.COUNT_FOR_SHARE)
        sums_up = abs(total_e - 1) < 1e-6 or percent
        if a.size > 1 and total_a > 0 and sums_up and np.all(close(a / total_a * total_e, e)):
            return Slip(Diagnosis.COUNT_FOR_SHARE, percent=percent)
    if (
        a.size > 1
        and np.all(is_whole(e))
        and not np.all(is_whole(a))
        and total_a > 0
        and np.all(close(a / total_a * total_e, e))
    ):
        return Slip(Diagnosis.SHARE_FOR_COUNT)
    decimals = decimals_shown(a, most=6)
    if decimals is not None and np.all(close(a, np.round(e, decimals), exact=True)):
        return Slip(Diagnosis.ROUNDING, decimals=decimals)
    return None


def slip_message(slip: Slip, subject: str, *, many: bool) -> str:
    """The sentence for a rejected slip; ``subject`` is "Your value(s)" or "In …, your values"."""
    are = "are" if many else "is"
    if slip.diagnosis is Diagnosis.COUNT_FOR_SHARE:
        if not many:
            return (
                f"{subject} looks like a count; a share is that count divided by the total, "
                "a number between 0 and 1."
            )
        whole = "times 100, so they add up to 100" if slip.percent else "so they add up to 1"
        return (
            f"{subject} are counts; the answer is shares (each count divided by the total, "
            f"{whole}): try {code('normalize=True')} or divide by the total."
        )
    if slip.diagnosis is Diagnosis.SHARE_FOR_COUNT:
        return (
            f"{subject} are shares of the total; the answer is counts: drop "
            f"{code('normalize=True')} or don't divide by the total."
        )
    if slip.diagnosis is Diagnosis.ROUNDING:
        places = "whole numbers" if slip.decimals == 0 else plural(slip.decimals, "decimal")
        if not many and slip.decimals == 0:
            places = "a whole number"
        return (
            f"{subject} {are} right when rounded to {places}, but that is too coarse to "
            f"check: keep at least {SIGNIFICANT_DIGITS} significant digits (or don't round)."
        )
    if slip.diagnosis is Diagnosis.AS_PERCENT:
        return (
            f"{subject} {are} 100 times too big: this is not a percentage, so don't "
            "multiply by 100."
        )
    if slip.diagnosis is Diagnosis.AS_FRACTION:
        return f"{subject} {are} 100 times too small: don't divide by 100."
    raise ValueError(f"no message for an accepted slip: {slip.diagnosis}")


def format_note(slip: Slip, answer: Any, *, many: bool) -> str:
    """The note on an answer accepted in another format, from the learner's own numbers."""
    if slip.diagnosis is Diagnosis.AS_PERCENT:
        if many:
            return "given in percent; as fractions between 0 and 1, divide them by 100"
        return f"given in percent; as a fraction between 0 and 1 that is {fmt_number(answer / 100)}"
    if many:
        return "given as fractions; in percent, multiply them by 100"
    return f"given as a fraction; in percent that is {fmt_number(answer * 100)}"


def _times(ratio: float) -> str:
    """``2.03`` → "twice", ``3.4`` → "3.4 times", ``37`` → "40 times"."""
    words = {2: "twice", 3: "three times", 4: "four times", 10: "ten times"}
    nearest = round(ratio)
    if nearest in words and abs(ratio - nearest) < 0.1 * nearest:
        return words[nearest]
    shown = round(ratio, 1) if ratio < 10 else float(f"{ratio:.1g}")
    return f"{fmt_number(shown)} times"


def _part(ratio: float) -> str:
    """``0.5`` → "half", ``0.26`` → "a quarter", ``0.07`` → "7 %"."""
    words = {2: "half", 3: "a third", 4: "a quarter", 5: "a fifth", 10: "a tenth"}
    inverse = 1 / ratio
    nearest = round(inverse)
    if nearest in words and abs(inverse - nearest) < 0.1 * nearest:
        return words[nearest]
    return f"{fmt_number(float(f'{ratio * 100:.1g}'))} %"


def how_far(value: float, expected: float) -> str:
    """Direction and size of a gap in words, never the expected value itself.

    ``"too high (a relative difference of about 4 %)"``, ``"about twice the
    expected value"``, ``"a little too low"``. The relative difference is
    named as such, so it does not read as a unit when the values are percentages.
    """
    high = value > expected
    direction = "too high" if high else "too low"
    if expected == 0 or not math.isfinite(value) or not math.isfinite(expected):
        return direction
    ratio = value / expected
    if ratio < 0:
        return f"{direction}, on the other side of zero: check the sign"
    if ratio == 0:
        return "zero, and the expected value is not"
    if ratio >= 1000:
        return f"{direction}: more than a thousand times the expected value"
    if ratio <= 0.001:
        return f"{direction}: less than a thousandth of the expected value"
    if ratio >= 1.75:
        return f"{direction}: about {_times(ratio)} the expected value"
    if ratio <= 0.57:
        return f"{direction}: about {_part(ratio)} of the expected value"
    relative = abs(ratio - 1) * 100
    if relative < 3:
        return f"a little {direction} (a relative difference under 3 %)"
    rounded = round(relative) if relative < 10 else 5 * round(relative / 5)
    return f"{direction} (a relative difference of about {rounded} %)"
