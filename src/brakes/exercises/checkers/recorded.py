"""Checkers for cells that are recorded, not judged: a prediction and a reflection.

A predict cell asks what the learner expects before they compute it; an
interpret cell asks what a result means, in their own words. Anything filled
in is accepted as written (status :attr:`Status.RECORDED`, shown as "Noted:")
and echoed back briefly; only an empty or placeholder answer is sent back.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from brakes.exercises.checkers.base import Checker, Diagnosis, Verdict, wrong
from brakes.exercises.checkers.scalar import choice_letter
from brakes.exercises.outcomes import Status
from brakes.exercises.wording import code, fmt_number, is_number, safe_repr

#: Text a notebook puts where the learner's words go, or that says nothing.
_PLACEHOLDERS = frozenset(
    {"", "todo", "tbd", "xxx", "your answer", "your answer here", "write here", "answer here"}
)
#: Advice for an empty reflection.
WRITE_SENTENCES = "write one or two sentences in your own words."


def recorded(message: str) -> Verdict:
    """A prediction or reflection saved as written."""
    return Verdict(Status.RECORDED, message, Diagnosis.RECORDED)


def not_attempted(message: str, diagnosis: Diagnosis = Diagnosis.NOT_ATTEMPTED) -> Verdict:
    """Nothing was filled in yet (the cell still holds its placeholder)."""
    return Verdict(Status.NOT_ATTEMPTED, message, diagnosis)


def _finite(value: Any) -> float | None:
    """``value`` as a finite float, or None (text that is no number, NaN, 10**5000…)."""
    try:
        number = float(value)
    except (ValueError, OverflowError, ArithmeticError):
        return None
    return number if math.isfinite(number) else None


def _is_placeholder(text: str) -> bool:
    """Empty, only dots or dashes, or the usual "your answer here"."""
    words = " ".join(re.sub(r"[^\w\s']", " ", text.casefold()).split())
    return words in _PLACEHOLDERS


@dataclass(frozen=True)
class Prediction(Checker):
    """A predict cell: a letter among ``options``, or (``numeric=True``) any finite number.

    Nothing is compared with the data: the learner writes down what they
    expect, and the notebook's reveal compares it with what they find.
    """

    options: Mapping[str, str] | Sequence[str] = field(default_factory=tuple)
    numeric: bool = False

    @property
    def letters(self) -> list[str]:
        """The option letters, lower case."""
        return [str(k).lower() for k in self.options]

    @property
    def expects(self) -> str:
        choices = ", ".join(repr(k) for k in self.letters)
        if self.numeric and choices:
            return f"one letter among {choices}, or a number"
        return "a number" if self.numeric else f"one letter among {choices}"

    def _compare(self, answer: Any, expected: Any) -> Verdict:
        """Record a filled-in prediction."""
        if isinstance(answer, str):
            return self._text(answer)
        if self.numeric and is_number(answer):
            value = _finite(answer)
            if value is not None:
                return recorded(f"you expect {fmt_number(value)}. Keep it in mind as you go on.")
            return wrong("Write a finite number, e.g. `30`.", Diagnosis.NOT_A_NUMBER)
        if self.letters and isinstance(answer, int) and not isinstance(answer, bool):
            return self.type_mismatch(answer, f"Give the letter as text, e.g. {code(repr('a'))}.")
        return self.type_mismatch(answer)

    def _text(self, answer: str) -> Verdict:
        if _is_placeholder(answer):
            return not_attempted("write down what you expect, then run the cell again.")
        letter = choice_letter(answer)
        if letter is not None and letter in self.letters:
            return recorded(f"you expect {letter}). Keep it in mind as you go on.")
        if self.numeric:
            value = _finite(answer.replace(",", "").replace("%", "").strip())
            if value is not None:
                return recorded(f"you expect {fmt_number(value)}. Keep it in mind as you go on.")
        return wrong(
            f"{safe_repr(answer)} is not something this cell can record: answer with "
            f"{self.expects}.",
            Diagnosis.NOT_AN_OPTION,
        )


@dataclass(frozen=True)
class Reflection(Checker):
    """An interpret cell: any text of at least ``min_words`` words is recorded as written."""

    min_words: int = 3

    expects = "one or two sentences of text, in quotes"

    def _compare(self, answer: Any, expected: Any) -> Verdict:
        """Record a reflection of a few words."""
        if not isinstance(answer, str):
            return self.type_mismatch(answer)
        if _is_placeholder(answer):
            return not_attempted(WRITE_SENTENCES)
        words = len(re.findall(r"\w+", answer))
        if words < self.min_words:
            return not_attempted(
                f"a few words more: {WRITE_SENTENCES}", diagnosis=Diagnosis.TOO_SHORT
            )
        return recorded(f"your reading is saved in this notebook ({words} words).")
