"""Checkers for single values: a number, a text label, a multiple-choice letter."""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from brakes.exercises.checkers.base import (
    Checker,
    Diagnosis,
    Verdict,
    attempt,
    right,
    wrong,
)
from brakes.exercises.checkers.numeric import (
    MAX_RATIO,
    SIGNIFICANT_DIGITS,
    find_slip,
    format_note,
    slip_message,
)
from brakes.exercises.checkers.target import Kind, Target, Values
from brakes.exercises.wording import (
    code,
    describe,
    fmt_label,
    fmt_labels,
    fmt_number,
    is_number,
    precision,
    safe_len,
    safe_repr,
)

#: How many entries of a collection are scanned when looking for the answer inside it.
_SCAN_LIMIT = 100_000


def _find_in(container: Any, expected: Values) -> str | None:
    """Where the expected number sits in a Series/array/list/tuple answer, as advice text."""
    if isinstance(container, pd.Series):
        values = pd.to_numeric(container.iloc[:_SCAN_LIMIT], errors="coerce")
        hits = np.flatnonzero(expected.matches(values.to_numpy(dtype=float, na_value=np.nan)))
        if hits.size:
            return f"select it with {code(f'[{fmt_label(values.index[hits[0]])}]')}"
        return None
    if isinstance(container, np.ndarray | list | tuple | pd.Index):
        items = np.ravel(np.asarray(container, dtype=object))[:_SCAN_LIMIT]
        values = np.array([_as_float(x) for x in items], dtype=float)
        hits = np.flatnonzero(expected.matches(values)) if values.size else np.array([], int)
        if hits.size:
            return f"take it with {code(f'[{hits[0]}]')}"
    return None


def _as_float(value: Any) -> float:
    """A number in a container as a float; NaN for anything else."""
    if not is_number(value):
        return math.nan
    try:
        return float(value)
    except (ValueError, OverflowError, ArithmeticError):
        return math.nan


@dataclass(frozen=True)
class Number(Checker):
    """A single number: a count (``integer=True``), a share (``share=True``), a percentage
    (``percent=True``, percentage points too) or any number.

    Counts, and any whole-number expected value, must match exactly; other
    numbers with the ``decimals`` the prompt asks for ("to one decimal"), every
    answer at that precision or finer passing
    (:func:`~brakes.exercises.checkers.numeric.number_key`).
    For a share or a percentage, a percentage for a fraction (or back) passes
    with a note; for any other number it is 100 times off. Diagnoses: a
    count for a share, too much rounding, an exact multiple, off by one, a
    container holding the right number, text that looks like a number.
    """

    integer: bool = False
    share: bool = False
    percent: bool = False
    decimals: int | None = None

    @property
    def expects(self) -> str:
        if self.share:
            return "a single number: a share between 0 and 1"
        if self.integer:
            return "a single whole number"
        return "a single number"

    def target(self, expected: Any) -> Target | None:
        """The expected number's keys; a declared count is compared exactly."""
        return Target.of(expected, exact=self.integer, decimals=self.decimals)

    def _compare(self, answer: Any, target: Target) -> Verdict:
        """Compare a scalar answer with the expected number."""
        expected = target.require_values()
        rejected = self._check_type(answer, expected)
        if rejected is not None:
            return rejected
        try:
            value = float(answer)
        except OverflowError:
            return wrong("Your number is too large to be right.", Diagnosis.OVERFLOW)
        except (TypeError, ValueError):
            return self.type_mismatch(answer)
        return self._check_value(value, expected)

    def _check_type(self, answer: Any, expected: Values) -> Verdict | None:
        """A verdict when the answer is not a plain number; None when it is."""
        if isinstance(answer, bool | np.bool_):
            return self.type_mismatch(
                answer, "A comparison gives True/False; count or average it to get a number."
            )
        if is_number(answer):
            return None
        if isinstance(answer, str):
            try:
                float(answer.replace(",", "").strip())
            except ValueError:
                return self.type_mismatch(answer)
            return self.type_mismatch(answer, "Give the number itself, without quotes.")
        if isinstance(answer, pd.Series | pd.DataFrame | np.ndarray | list | tuple | pd.Index):
            return self._container(answer, expected)
        if isinstance(answer, complex | np.complexfloating):
            return self.type_mismatch(answer)
        if attempt(lambda: pd.api.types.is_scalar(answer) and bool(pd.isna(answer))):
            return wrong(
                "Your answer is a missing value (NA). A mean or a sum of an empty "
                "selection often gives this: check your filter.",
                Diagnosis.NAN,
            )
        return self.type_mismatch(answer)

    def _container(self, answer: Any, expected: Values) -> Verdict:
        """A Series, frame, array, list or tuple where one number was expected."""
        size = answer.size if hasattr(answer, "size") and not callable(answer.size) else None
        if size is None:
            size = safe_len(answer)
        if size == 1:
            take = ".item()" if isinstance(answer, pd.Series | pd.DataFrame | np.ndarray) else "[0]"
            return self.type_mismatch(
                answer,
                f"Take the single number out of it, e.g. with {code(take)}.",
            )
        where = attempt(lambda: _find_in(answer, expected))
        if where is not None:
            return wrong(
                f"You gave {describe(answer)} that contains the right number; "
                f"the answer is that number alone: {where}.",
                Diagnosis.CONTAINER_HOLDS_ANSWER,
            )
        if isinstance(answer, pd.Series | pd.DataFrame):
            return self.type_mismatch(
                answer,
                f"Reduce it to one number, e.g. with {code('len(...)')}, {code('.sum()')} "
                f"or {code('.mean()')}.",
            )
        return self.type_mismatch(answer)

    def _check_value(self, value: float, expected: Values) -> Verdict:
        """Compare a float with the expected keys and name the likely mistake, never its size."""
        shown = fmt_number(value)
        if math.isnan(value):
            return wrong(
                "Your answer is NaN (not a number). A mean of an empty selection or of a "
                "column with missing values gives this: check your filter.",
                Diagnosis.NAN,
            )
        if expected.matches([value])[0]:
            return right(f"{shown}.")
        if math.isinf(value):
            return wrong("Your answer is infinite: did you divide by zero?", Diagnosis.INFINITE)
        if self.integer and not value.is_integer() and expected.matches([round(value)])[0]:
            return wrong(
                f"You gave {shown}; the answer is a whole number: count rather than average.",
                Diagnosis.NOT_INTEGER,
            )
        slip = find_slip(value, expected, share=self.share, percent=self.percent)
        if slip is not None and slip.accepted:
            return right(f"{shown} — {format_note(slip, value, many=False)}.", slip.diagnosis)
        if slip is not None:
            return wrong(
                f"You gave {shown}. {slip_message(slip, 'Your value', many=False)}",
                slip.diagnosis,
            )
        verdict = _miscount(value, expected) if expected.exact else None
        if verdict is not None:
            return verdict
        # The direction only: how far, or how many times, would hand over the answer.
        way = expected.directions([value])[0]
        if expected.exact:
            what = f"{way}: not the expected whole number" if way else "not the expected count"
            return wrong(
                f"You gave {shown}, which is {what}. Check which rows you kept and what you "
                "counted.",
                Diagnosis.VALUE,
            )
        to = (
            precision(expected.decimals)
            if expected.decimals is not None
            else f"to {SIGNIFICANT_DIGITS} significant digits"
        )
        return wrong(
            f"You gave {shown}, which is {way or 'not the expected value'} ({to}). Check which "
            "rows you kept and what you computed on them.",
            Diagnosis.VALUE,
        )


def _miscount(value: float, expected: Values) -> Verdict | None:
    """Whole numbers: a multiple or a part of the expected count, or one off."""
    shown = fmt_number(value)
    if value != 0 and value.is_integer() and abs(value) < 2**53:
        factors = range(2, MAX_RATIO + 1)
        if any(value % k == 0 and expected.matches([value // k])[0] for k in factors):
            return wrong(
                f"You gave {shown}, an exact multiple of the expected count: did you count "
                "something else (cells rather than rows, or several columns)?",
                Diagnosis.MULTIPLE,
            )
        if any(expected.matches([value * k])[0] for k in factors):
            return wrong(
                f"You gave {shown}, an exact fraction of the expected count: did you count "
                "only part of the data?",
                Diagnosis.FRACTION_OF,
            )
    if expected.matches([value - 1, value + 1]).any():
        return wrong(
            f"You gave {shown}: very close, but one off. Check the edges of your filter "
            f"({code('>')} or {code('>=')}) and whether a row is counted twice.",
            Diagnosis.OFF_BY_ONE,
        )
    return None


def _normalise_text(text: str) -> str:
    """Collapse spaces before comparing labels."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Text(Checker):
    """A single label, e.g. the channel with the most mentions.

    ``choices`` lists the valid labels (from the data), so a label that is not
    one of them gets a precise message. Comparison ignores surrounding spaces
    and, unless ``case_sensitive``, case.
    """

    what: str = "label"
    choices: tuple[str, ...] = ()
    case_sensitive: bool = False

    @property
    def expects(self) -> str:
        return f"a single {self.what} as text"

    @property
    def _kind(self) -> Kind:
        return Kind.LABEL if self.case_sensitive else Kind.FOLDED

    def target(self, expected: Any) -> Target | None:
        """The expected label's key (spaces collapsed; case folded unless it matters)."""
        if isinstance(expected, Target):
            return expected
        return Target.of(_normalise_text(str(expected)), kind=self._kind)

    def _compare(self, answer: Any, target: Target) -> Verdict:
        """Compare a text answer with the expected label."""
        expected = target.require_values()
        if isinstance(answer, pd.Series):
            return self._series(answer, expected)
        if isinstance(answer, pd.Index | list | tuple | np.ndarray):
            size = safe_len(answer)
            if size == 1:
                return self.type_mismatch(answer, f"Take the single label out: {code('[0]')}.")
            return self.type_mismatch(answer)
        if not isinstance(answer, str):
            return self.type_mismatch(answer)
        given = _normalise_text(answer)
        if expected.matches([given])[0]:
            return right(f"{fmt_label(given)}.")
        if self.case_sensitive and expected.matches([given], "folded")[0]:
            return wrong(
                f"You gave {fmt_label(answer)}; mind the upper and lower case: write the label "
                "as it is written in the data.",
                Diagnosis.CASE,
            )
        known = {_normalise_text(c) for c in self.choices}
        if not self.case_sensitive:
            known = {c.casefold() for c in known}
            given = given.casefold()
        if self.choices and given not in known:
            return wrong(
                f"{fmt_label(answer)} is not a {self.what} in the data; "
                f"the {self.what}s are {fmt_labels(self.choices, limit=8)}.",
                Diagnosis.NOT_A_CHOICE,
            )
        return wrong(
            f"{fmt_label(answer)} is a {self.what} in the data, but not the one asked for.",
            Diagnosis.OTHER_CHOICE,
        )

    def _series(self, answer: pd.Series, expected: Values) -> Verdict:
        """A Series where one label was expected: point at ``idxmax`` and friends."""
        labels = [_normalise_text(str(x)) for x in answer.index[:_SCAN_LIMIT]]
        if labels and expected.matches(labels).any():
            return wrong(
                f"You gave {describe(answer)}; the answer is a single {self.what}, and "
                "it is among your labels: pick it out with "
                f"{code('.idxmax()')} or {code('.idxmin()')} "
                f"(or {code('.index[0]')} after sorting).",
                Diagnosis.SERIES_FOR_LABEL,
            )
        if len(answer) == 1:
            return self.type_mismatch(answer, f"Take the single value out: {code('.iloc[0]')}.")
        return self.type_mismatch(answer)


_LETTER = re.compile(r"^\(?\s*([A-Za-z])\s*[).:]?\s*$")


def choice_letter(answer: str) -> str | None:
    """The option letter a text names, lower case: ``"b"``, ``"(B)"``, ``"b)"``, ``"b:"``.

    The one grammar for letters, used by the multiple-choice and prediction checkers.
    """
    match = _LETTER.match(answer.strip())
    return match.group(1).lower() if match else None


@dataclass(frozen=True)
class Choice(Checker):
    """A multiple-choice interpretation question: the answer is a letter, e.g. ``"b"``.

    ``options`` maps each letter to its statement, in the order the learner
    reads them; ``explanations`` may say why a wrong option is wrong (shown when
    it is picked). The expected letter comes from the exercise's reference
    function, so it may depend on the data. Chapters build both mappings from
    options named by meaning (:class:`~brakes.choices.Options`), which
    assigns the letters after the shuffle.
    """

    options: Mapping[str, str] = field(default_factory=dict)
    explanations: Mapping[str, str] = field(default_factory=dict)

    @property
    def expects(self) -> str:
        return f"one letter among {', '.join(repr(k) for k in self.options)}"

    def target(self, expected: Any) -> Target | None:
        """The right letter's key, lower case."""
        if isinstance(expected, Target):
            return expected
        return Target.of(str(expected).lower())

    def _compare(self, answer: Any, target: Target) -> Verdict:
        """Compare the chosen letter with the expected one."""
        if isinstance(answer, numbers.Integral) and not isinstance(answer, bool):
            return self.type_mismatch(answer, f"Give the letter as text, e.g. {code(repr('a'))}.")
        if not isinstance(answer, str):
            return self.type_mismatch(answer)
        letter = choice_letter(answer)
        if letter is None or letter not in {k.lower() for k in self.options}:
            return wrong(
                f"{safe_repr(answer)} is not one of the options; answer with one letter among "
                f"{', '.join(repr(k) for k in self.options)}.",
                Diagnosis.NOT_AN_OPTION,
            )
        statement = {k.lower(): v for k, v in self.options.items()}[letter]
        if target.require_values().matches([letter])[0]:
            return right(f"{letter}) {statement}")
        why = {k.lower(): v for k, v in self.explanations.items()}.get(letter)
        if why:
            return wrong(f"{letter}) is not it: {why}", Diagnosis.EXPLAINED_OPTION)
        return wrong(
            f"{letter}) is not the best answer. Look at the numbers again and compare "
            "them with each option.",
            Diagnosis.GENERIC,
        )
