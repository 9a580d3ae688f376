"""What every checker shares: the verdict, tolerances, orders, and the base class."""

from __future__ import annotations

import math
import types
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from brakes.exercises.outcomes import Status
from brakes.exercises.wording import code, describe, fmt_number

T = TypeVar("T")

#: The diagnosis of a wrong answer about which nothing more precise can be said.
GENERIC = "generic"


@dataclass(frozen=True)
class Verdict:
    """The result of comparing an answer with the expected one.

    ``message`` is the learner-facing sentence without its status word (the
    rendering adds "Correct:" etc.); ``diagnosis`` is a short machine code
    naming what was recognised (``"type"``, ``"index"``, ``"percent"``…), so
    tests can tell a specific message from the generic fallback.
    """

    status: Status
    message: str
    diagnosis: str = ""

    @property
    def correct(self) -> bool:
        """True when the answer was accepted."""
        return self.status is Status.CORRECT


def right(message: str) -> Verdict:
    """An accepted answer; ``message`` says what is right (after "Correct: ")."""
    return Verdict(Status.CORRECT, message, "correct")


def wrong(message: str, diagnosis: str) -> Verdict:
    """A rejected answer, with the code of what was recognised."""
    return Verdict(Status.INCORRECT, message, diagnosis)


@dataclass(frozen=True)
class Tolerance:
    """How far a number may be from the expected one: ``abs`` or ``rel`` (a fraction).

    A value passes when ``|answer - expected| <= max(abs, rel × |expected|)``.
    A tiny relative slack (1e-9) is always allowed, so that two correct ways
    of summing floats never disagree.
    """

    abs: float = 0.0
    rel: float = 0.0

    def allows(self, answer: float, expected: float) -> bool:
        """True when ``answer`` is close enough to ``expected``."""
        if math.isnan(answer) or math.isnan(expected):
            return math.isnan(answer) and math.isnan(expected)
        if math.isinf(answer) or math.isinf(expected):
            return answer == expected
        slack = max(self.abs, self.rel * abs(expected), 1e-9 * max(abs(expected), 1.0))
        return abs(answer - expected) <= slack

    def describe(self) -> str:
        """``±0.01``, ``±0.1%``, ``±0.01 or ±0.1%``; empty when exact."""
        parts = []
        if self.abs:
            parts.append(f"±{fmt_number(self.abs, 8)}")
        if self.rel:
            parts.append(f"±{fmt_number(self.rel * 100, 8)}%")
        return " or ".join(parts)


class Order(StrEnum):
    """Whether the order of an answer's entries matters, and which one."""

    ANY = "any"  # order-insensitive: entries are matched by label
    DESCENDING = "descending"  # values sorted from largest to smallest
    ASCENDING = "ascending"  # values sorted from smallest to largest
    INDEX = "index"  # sorted by the index (e.g. chronological)
    EXPECTED = "expected"  # exactly the order of the expected answer


class Checker:
    """A general way to compare an answer with the expected one.

    Subclasses implement :meth:`compare` and say in :attr:`expects` what shape
    of answer they want (used in type messages: "the answer is a Series
    indexed by channel"). They may raise on hostile input: the caller turns
    any exception into an "error" verdict.
    """

    #: What the answer should be, in words ("a single number").
    expects: str = "an answer"

    def compare(self, answer: Any, expected: Any) -> Verdict:
        """Compare ``answer`` with ``expected`` and say what differs."""
        raise NotImplementedError

    def type_mismatch(self, answer: Any, advice: str = "") -> Verdict:
        """``You gave X; the answer is Y.`` plus optional advice."""
        text = f"You gave {describe(answer)}; the answer is {self.expects}."
        return wrong(f"{text} {advice}".strip(), "type")


def rounding_decimals(answer: float, expected: float, tol: Tolerance) -> int | None:
    """The number of decimals ``answer`` was rounded to, if rounding explains the gap."""
    for d in range(7):
        if math.isclose(answer, round(expected, d), rel_tol=1e-12, abs_tol=1e-12):
            return None if tol.allows(round(expected, d), expected) else d
    return None


#: Advice when the answer is None.
NONE_ADVICE = (
    "Functions such as `print()` and in-place methods return None: "
    "assign the result of the computation itself."
)


def is_callable_value(answer: Any) -> bool:
    """A function or method object (learners often forget the parentheses)."""
    return isinstance(
        answer,
        types.MethodType
        | types.FunctionType
        | types.BuiltinFunctionType
        | types.BuiltinMethodType
        | types.MethodWrapperType,
    )


def callable_advice(answer: Any) -> str:
    """Advice for a method or function given instead of its result."""
    name = getattr(answer, "__name__", None)
    if not isinstance(name, str) or not name.isidentifier():
        return "Add the parentheses to call it."
    owner = getattr(answer, "__self__", None)
    bound = owner is not None and not isinstance(owner, types.ModuleType)
    call = f".{name}()" if bound else f"{name}(...)"
    return f"Add the parentheses to call it: {code(call)}."


def attempt(diagnosis: Callable[[], T | None]) -> T | None:
    """Run an optional diagnosis; one that cannot even be computed does not apply.

    Diagnoses try transformations of the learner's object (``set_index``,
    ``stack``, ``pd.Series(dict)``…) that may fail on odd input; the main
    comparison then gives the message instead.
    """
    try:
        return diagnosis()
    except Exception:
        return None
