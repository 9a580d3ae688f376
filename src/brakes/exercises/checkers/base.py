"""What every checker shares: the verdict, its diagnosis, orders, and the base class."""

from __future__ import annotations

import types
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ParamSpec, TypeVar

from brakes.exercises.outcomes import Status
from brakes.exercises.wording import code, describe

T = TypeVar("T")
P = ParamSpec("P")


class Diagnosis(StrEnum):
    """What a checker recognised in an answer; tests tell specific messages from the fallback."""

    # accepted
    CORRECT = "correct"
    AS_PERCENT = "as_percent"  # right, given in percent where a fraction was asked
    AS_FRACTION = "as_fraction"  # right, given as a fraction where a percentage was asked
    RECORDED = "recorded"  # a prediction or a reflection, saved as written
    # not attempted
    NOT_ATTEMPTED = "not_attempted"
    NO_ANSWER = "no_answer"
    TOO_SHORT = "too_short"
    # the shape of the answer
    TYPE = "type"
    CONTAINER_HOLDS_ANSWER = "container_holds_answer"
    SERIES_FOR_LABEL = "series_for_label"
    TOTAL_FOR_SERIES = "total_for_series"
    DICT = "dict"
    INDEX_ONLY = "index_only"
    LOST_LABELS = "lost_labels"
    RESET_INDEX = "reset_index"
    SET_INDEX = "set_index"
    INDEX_COLUMN = "index_column"
    UNSTACKED = "unstacked"
    SWAPPED = "swapped"
    INDEX_LEVELS = "index_levels"
    COLUMNS = "columns"
    ROWS = "rows"
    EMPTY = "empty"
    LABELS = "labels"
    DUPLICATES = "duplicates"
    DTYPE = "dtype"
    ORDER = "order"
    COLUMN_ORDER = "column_order"  # the right columns in another order, read by position below
    # the value of a number
    NAN = "nan"
    INFINITE = "infinite"
    OVERFLOW = "overflow"
    NOT_INTEGER = "not_integer"
    COUNT_FOR_SHARE = "count_for_share"
    SHARE_FOR_COUNT = "share_for_count"
    ROUNDING = "rounding"
    MULTIPLE = "multiple"
    FRACTION_OF = "fraction_of"
    OFF_BY_ONE = "off_by_one"
    VALUE = "value"
    VALUES = "values"
    # labels and choices
    CASE = "case"
    NOT_A_CHOICE = "not_a_choice"
    OTHER_CHOICE = "other_choice"
    NOT_AN_OPTION = "not_an_option"
    EXPLAINED_OPTION = "explained_option"
    NOT_A_NUMBER = "not_a_number"
    # from checking.py
    KNOWN_MISTAKE = "known_mistake"  # the exercise's own sentence; Verdict.mistake names it
    EXPECTED_FAILED = "expected_failed"
    ANSWER_FAILED = "answer_failed"
    # nothing more precise can be said
    GENERIC = "generic"


@dataclass(frozen=True)
class Verdict:
    """The result of comparing an answer with the expected one.

    ``message`` is the learner-facing sentence without its status word (the
    rendering adds "Correct:" etc.); ``diagnosis`` names what was recognised;
    ``mistake`` is the label of the exercise's known mistake when
    ``diagnosis`` is :attr:`Diagnosis.KNOWN_MISTAKE`.
    """

    status: Status
    message: str
    diagnosis: Diagnosis = Diagnosis.GENERIC
    mistake: str = ""

    @property
    def correct(self) -> bool:
        """True when the answer was accepted."""
        return self.status is Status.CORRECT


def right(message: str, diagnosis: Diagnosis = Diagnosis.CORRECT) -> Verdict:
    """An accepted answer; ``message`` says what is right (after "Correct: ")."""
    return Verdict(Status.CORRECT, message, diagnosis)


def wrong(message: str, diagnosis: Diagnosis) -> Verdict:
    """A rejected answer, with what was recognised."""
    return Verdict(Status.INCORRECT, message, diagnosis)


class Order(StrEnum):
    """Whether the order of an answer's entries matters, and which one.

    ``ANY`` is the default everywhere: sort only when the exercise asks for it.
    """

    ANY = "any"  # order-insensitive: entries are matched by label
    DESCENDING = "descending"  # values sorted from largest to smallest
    ASCENDING = "ascending"  # values sorted from smallest to largest
    INDEX = "index"  # sorted by the index (e.g. chronological)
    EXPECTED = "expected"  # exactly the order of the expected answer


#: Advice when the answer is None.
NONE_ADVICE = (
    "Functions such as `print()` and in-place methods return None: "
    "assign the result of the computation itself."
)


class Checker:
    """A general way to compare an answer with the expected one.

    :meth:`compare` answers what every checker answers the same way (None,
    a method without its parentheses) and hands the rest to :meth:`_compare`,
    which subclasses implement. :attr:`expects` says what shape of answer they
    want, for type messages ("the answer is a Series indexed by channel").
    They may raise on hostile input: the caller turns that into an "error"
    verdict; ordinary odd input must get a message.
    """

    @property
    def expects(self) -> str:
        """What the answer should be, in words ("a single number")."""
        return "an answer"

    def compare(self, answer: Any, expected: Any) -> Verdict:
        """Compare ``answer`` with ``expected`` and say what differs.

        ``expected`` is the expected value, or a sealed
        :class:`~brakes.exercises.checkers.target.Target` (a workshop kit):
        either way the checker judges through :meth:`target`, so both give
        the same verdict.
        """
        if answer is None:
            return self.type_mismatch(answer, NONE_ADVICE)
        if is_callable_value(answer):
            return self.type_mismatch(answer, callable_advice(answer))
        return self._compare(answer, self.target(expected))

    def target(self, expected: Any) -> Any:
        """What answers are judged against: the expected value's shape and keys.

        Checkers that compare values return a
        :class:`~brakes.exercises.checkers.target.Target` (and pass a given one
        through); the recorded checkers compare nothing and keep ``expected``.
        """
        return expected

    def _compare(self, answer: Any, target: Any) -> Verdict:
        """The checker's own comparison, once None and methods are ruled out."""
        raise NotImplementedError

    def type_mismatch(self, answer: Any, advice: str = "") -> Verdict:
        """``You gave X; the answer is Y.`` plus optional advice."""
        text = f"You gave {describe(answer)}; the answer is {self.expects}."
        return wrong(f"{text} {advice}".strip(), Diagnosis.TYPE)


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


def attempt(diagnosis: Callable[P, T | None], *args: P.args, **kwargs: P.kwargs) -> T | None:
    """Run an optional diagnosis on ``args``; one that cannot even be computed does not apply.

    Diagnoses try transformations of the learner's object (``set_index``,
    ``stack``, ``pd.Series(dict)``…) that may fail on odd input; the main
    comparison then gives the message instead.
    """
    try:
        return diagnosis(*args, **kwargs)
    except Exception:
        return None
