"""Numbers compared the way a reader compares them: one precision rule, one set of slips.

:func:`number_key` is the one tolerance rule of the course: the canonical text
of a number written with the decimals its exercise asks for (the checker's
``decimals``, which the prompt states, "to one decimal"), whole numbers
exactly. A checker declaring no precision (a test's, an ad hoc one) compares
to :data:`SIGNIFICANT_DIGITS` significant digits instead; every course exercise
declares one. Two numbers match when their keys do (:func:`close`); the course
compares keys in clear, a workshop kit compares salted hashes of the same keys
(:mod:`brakes.exercises.checkers.target`). :func:`find_slip` recognises the
known numeric slips (percent for fraction and back, counts for shares and
back, rounding too far) as transformations of the answer matched against the
keys of the expected values or of their transforms; :func:`slip_message` words
them. No message says how far or in which direction a value is off: that
would hand over the expected value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

import numpy as np

from brakes.exercises.checkers.base import Diagnosis
from brakes.exercises.wording import code, fmt_number, plural, precision

if TYPE_CHECKING:
    from brakes.exercises.checkers.target import Values

#: Without a declared precision, a float answer passes when it matches the expected value
#: to this many significant digits.
SIGNIFICANT_DIGITS = 3
#: Relative float noise: a whole number this close to an integer is that integer, and a
#: number this close to zero is zero, so two correct ways of summing never disagree.
NOISE = 1e-9
#: Nudges tried on a learner's number, in halves of a unit of its first digit beyond the
#: precision: 62.45 (for 62.449) and 62.35 summed two ways still meet their rounded twin,
#: 62.47 does not meet 62.4.
NUDGES = (0.0, 0.5, -0.5)
#: The decimals a learner may have rounded to ("rounded too far").
ROUNDINGS = range(7)
#: The slips that are the right answer in another format: accepted, with a note.
ACCEPTED_SLIPS = frozenset({Diagnosis.AS_PERCENT, Diagnosis.AS_FRACTION})
#: Beyond this factor an exact multiple is more likely chance than a miscount.
MAX_RATIO = 50


def _floats(values: Any) -> np.ndarray:
    return np.atleast_1d(np.asarray(values, dtype=float))


def number_key(value: float, *, exact: bool, decimals: int | None = None) -> str:
    """The canonical text of a number: with ``decimals`` decimals, or (``exact``) the whole number.

    ``62.418`` to 1 decimal → ``62.4``, ``39353`` (exact) → ``39353``; without
    ``decimals``, 3 significant digits. NaN and infinities have their own keys;
    float noise around zero or a whole number is dropped.
    """
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    if abs(value) < NOISE:
        return "0"
    if exact:
        nearest = round(value)
        if abs(value - nearest) <= NOISE * max(abs(value), 1.0):
            return str(int(nearest))
        return repr(value)
    if decimals is not None:
        return decimal_key(value, decimals)
    return f"{value:.{SIGNIFICANT_DIGITS}g}"


def answer_keys(value: float, *, exact: bool, decimals: int | None = None) -> set[str]:
    """The keys a learner's number may match: its own, and (not ``exact``) its nudged ones.

    A number given with one digit more than the precision (62.45 for 62.449,
    to one decimal) may sit on a rounding step: moved by half a unit of that
    digit, it meets the expected key from either side. So every answer at the
    precision asked, or finer, passes.
    """
    if exact or not math.isfinite(value) or abs(value) < NOISE:
        return {number_key(value, exact=exact, decimals=decimals)}
    if decimals is not None:
        unit = 10.0 ** -(decimals + 1)
    else:
        unit = 10.0 ** (math.floor(math.log10(abs(value))) - SIGNIFICANT_DIGITS)
    return {number_key(value + nudge * unit, exact=False, decimals=decimals) for nudge in NUDGES}


def decimal_key(value: float, decimals: int) -> str:
    """A number written with ``decimals`` decimals: how a rounded answer is compared."""
    if not math.isfinite(value):
        return number_key(value, exact=True)
    text = f"{value:.{decimals}f}"
    return "0" if text.lstrip("-").strip("0.") == "" else text


def half_up_key(value: float, decimals: int) -> str:
    """:func:`decimal_key` with a half rounded up, as by hand: 12.25 → ``12.3`` (Python: 12.2)."""
    if not math.isfinite(value):
        return decimal_key(value, decimals)
    step = Decimal(1).scaleb(-decimals)
    rounded = Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP)
    return decimal_key(float(rounded), decimals)


def close(
    answer: Any, expected: Any, *, exact: bool = False, decimals: int | None = None
) -> np.ndarray:
    """Element-wise: does each answer match its expected value (see :func:`number_key`)?

    NaN matches NaN, an infinity the same infinity; ``exact`` is for counts.
    """
    a, e = np.broadcast_arrays(_floats(answer), _floats(expected))
    return np.array(
        [
            number_key(float(w), exact=exact, decimals=decimals)
            in answer_keys(float(g), exact=exact, decimals=decimals)
            for g, w in zip(a.ravel(), e.ravel(), strict=True)
        ],
        dtype=bool,
    ).reshape(a.shape)


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
    """A numeric slip that explains every difference; ``decimals`` for rounding.

    ``wanted`` is the precision the exercise asks for (None: significant digits).
    """

    diagnosis: Diagnosis
    decimals: int = 0
    wanted: int | None = None
    percent: bool = False  # the expected values are percentages (they add up to 100)
    proportion: bool = False  # the exercise asks for shares or percentages

    @property
    def accepted(self) -> bool:
        """The right answer in another format: percent for fraction, or back, for a proportion.

        A mean score or a time divided by 100 is a mistake, not another format.
        """
        return self.diagnosis in ACCEPTED_SLIPS and self.proportion


def find_slip(
    answer: Any, expected: Values, *, share: bool = False, percent: bool = False
) -> Slip | None:
    """The one slip that explains all the differences, if any.

    Each slip is a transformation of the answer (÷100, ×100, normalised by its
    total) matched against the expected keys, or against the keys of a
    transformed expected value (rounded to d decimals, normalised by its
    total). ``share`` says a single expected value is a share between 0 and 1,
    so a whole number for it is a count; ``percent`` that the values are
    percentages. Only for a share or a percentage is a value 100 times too big
    or too small another format. Counts are never rescaled.
    """
    proportion = share or percent
    a = _floats(answer)
    if a.size == 0 or a.size != expected.size or not np.all(np.isfinite(a)):
        return None

    def all_match(values: np.ndarray, transform: str = "") -> bool:
        return bool(np.all(expected.matches(values, transform)))

    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        if not expected.exact:
            if all_match(a / 100):
                return Slip(Diagnosis.AS_PERCENT, proportion=proportion)
            if all_match(a * 100):
                return Slip(Diagnosis.AS_FRACTION, proportion=proportion)
        total = float(a.sum())
        if np.all(is_whole(a)) and np.any(a > 1) and not expected.exact:
            if share and a.size == 1:
                return Slip(Diagnosis.COUNT_FOR_SHARE)
            if a.size > 1 and total > 0:
                if all_match(a / total):
                    return Slip(Diagnosis.COUNT_FOR_SHARE)
                if all_match(a / total * 100):
                    return Slip(Diagnosis.COUNT_FOR_SHARE, percent=True)
        shares = bool(np.isclose(total, 1.0) or np.isclose(total, 100.0))  # fractions or percent
        counts = expected.exact and a.size > 1 and shares
        if counts and not np.all(is_whole(a)) and all_match(a / total, "normalised"):
            return Slip(Diagnosis.SHARE_FOR_COUNT)
    decimals = decimals_shown(a, most=max(ROUNDINGS))
    if decimals is None or expected.exact:
        return None
    coarser = expected.decimals is None or decimals < expected.decimals
    if coarser and all_match(a, f"rounded:{decimals}"):
        return Slip(Diagnosis.ROUNDING, decimals=decimals, wanted=expected.decimals)
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
        if slip.wanted is None:
            return (
                f"{subject} {are} right when rounded to {places}, but that is too coarse to "
                f"check: keep at least {SIGNIFICANT_DIGITS} significant digits (or don't round)."
            )
        return (
            f"{subject} {are} right when rounded to {places}, but the exercise asks for "
            f"{'them' if many else 'it'} {precision(slip.wanted)}: keep more decimals "
            "(or don't round)."
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
