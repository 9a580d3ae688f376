"""The words feedback is made of, written once for every checker.

Everything here must be safe on hostile learner objects: it never calls a
learner object's ``__repr__``/``__len__``/``__eq__`` without a guard, and never
prints a memory address (outputs are compared byte for byte by nbval).
"""

from __future__ import annotations

import decimal
import math
import numbers
import re
import types
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
import pandas as pd

#: How many labels or values a message lists before saying "and N more".
LIST_LIMIT = 3

_ADDRESS = re.compile(r"\s+at 0x[0-9a-fA-F]+")
#: Containers ``describe`` names by their size, with the word for them.
_CONTAINERS: tuple[tuple[type, str], ...] = (
    (list, "list"),
    (dict, "dict"),
    (set, "set"),
    (frozenset, "set"),
)


def plural(n: int, word: str, words: str | None = None) -> str:
    """``plural(1, "value") -> "1 value"``, ``plural(3, "value") -> "3 values"``."""
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


def safe_len(obj: Any) -> int | None:
    """``len(obj)``, or None when it has no length or its ``__len__`` misbehaves."""
    try:
        n = len(obj)
    except Exception:
        return None
    return n if isinstance(n, int) and n >= 0 else None


def safe_repr(obj: Any, limit: int = 40) -> str:
    """A short repr that never raises and never shows a memory address."""
    try:
        text = repr(obj)
    except Exception:
        return f"<{type(obj).__name__}>"
    if not isinstance(text, str):
        return f"<{type(obj).__name__}>"
    text = _ADDRESS.sub("", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def is_number(obj: Any) -> bool:
    """A real number (int, float, numpy number, Decimal, Fraction), not a bool."""
    return (
        isinstance(obj, numbers.Real | np.number | decimal.Decimal)
        and not isinstance(obj, bool | np.bool_)
        and not isinstance(obj, np.complexfloating)
    )


def fmt_number(x: Any, decimals: int | None = None, *, keep_zeros: bool = False) -> str:
    """A number as a reader expects it: ``12,345``, ``31.2``, ``0.1834``.

    ``decimals`` forces the precision (trailing zeros are dropped unless
    ``keep_zeros``, which lines up a table's column: ``25.0`` under ``40.2``),
    so two numbers that differ only far after the comma can be shown apart.
    """
    try:
        value = float(x)
    except Exception:
        return safe_repr(x)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "infinity" if value > 0 else "minus infinity"
    if decimals is None:
        if value.is_integer() and abs(value) < 1e15:
            return f"{int(value):,}"
        magnitude = abs(value)
        if magnitude >= 100:
            decimals = 1
        elif magnitude >= 1:
            decimals = 2
        elif magnitude >= 0.001:
            decimals = 4
        else:  # tiny: keep two significant digits
            decimals = min(12, 1 - math.floor(math.log10(magnitude)))
    if abs(value) >= 1e15:
        return f"{value:.3e}"
    text = f"{value:,.{decimals}f}"
    if "." in text and not keep_zeros:
        text = text.rstrip("0").rstrip(".")
    return text[1:] if text.startswith("-") and not text.strip("-0.") else text  # no "-0.0"


_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six")


def precision(decimals: int) -> str:
    """How precise an answer must be, as a prompt says it: ``"to one decimal"``.

    The one wording of a declared precision: prompts carry
    :func:`precision_sentence`, and messages about rounding use this phrase.
    """
    if decimals == 0:
        return "to the nearest whole number"
    count = _NUMBER_WORDS[decimals] if decimals < len(_NUMBER_WORDS) else str(decimals)
    return f"to {count} decimal{'s' if decimals > 1 else ''}"


def precision_sentence(decimals: int) -> str:
    """The sentence a numeric exercise's prompt ends with, e.g. "Precision: to one decimal…"."""
    return f"Precision: {precision(decimals)}, or more precise."


def fmt_label(label: Any) -> str:
    """A label as code: ``'forum'``, ``2024-03-01``, ``('blog', 'negative')``."""
    if isinstance(label, str):
        return safe_repr(label, limit=30)
    if isinstance(label, pd.Timestamp):
        try:
            if label == label.normalize():
                return label.strftime("%Y-%m-%d")
            return label.isoformat()
        except Exception:
            return safe_repr(label)
    if isinstance(label, tuple):
        return (
            "("
            + ", ".join(fmt_label(part) for part in label[:4])
            + (", …)" if len(label) > 4 else ")")
        )
    if isinstance(label, bool | np.bool_) or label is None:
        return str(bool(label)) if label is not None else "None"
    if is_number(label):
        return fmt_number(label)
    return safe_repr(label, limit=30)


def fmt_value(value: Any) -> str:
    """A cell value in a message: numbers formatted, text quoted, the rest abbreviated."""
    if value is None:
        return "None"
    if isinstance(value, bool | np.bool_):
        return str(bool(value))
    if is_number(value):
        return fmt_number(value)
    try:
        if value is pd.NA or value is pd.NaT:
            return "missing (NA)"
    except Exception:
        return safe_repr(value)
    return fmt_label(value)


def fmt_labels(labels: Iterable[Any], limit: int = LIST_LIMIT) -> str:
    """``'a', 'b', 'c' and 3 more``: a few labels, then how many were left out."""
    items = list(labels)
    shown = ", ".join(fmt_label(x) for x in items[:limit])
    rest = len(items) - limit
    return f"{shown} and {rest:,} more" if rest > 0 else shown


def sorted_labels(labels: Iterable[Any]) -> list[Any]:
    """Labels in a stable order for messages (by type name, then text), never raising."""
    items = list(labels)
    try:
        return sorted(items, key=lambda x: (type(x).__name__, str(x)))
    except Exception:
        return items


def article(noun: str) -> str:
    """``"a Series"``, ``"an int"``: the noun with its English article."""
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def describe(obj: Any) -> str:
    """What the learner gave, in words: ``a DataFrame (3 rows × 2 columns)``, ``None``…"""
    if obj is None:
        return "None"
    if isinstance(obj, bool | np.bool_):
        return f"{bool(obj)} (a yes/no value)"
    if isinstance(obj, pd.DataFrame):
        rows, cols = obj.shape
        return f"a DataFrame ({plural(rows, 'row')} × {plural(cols, 'column')})"
    if isinstance(obj, pd.Series):
        return f"a Series of {plural(len(obj), 'value')}"
    if isinstance(obj, pd.Index):
        return f"an Index of {plural(len(obj), 'label')}"
    if isinstance(obj, np.ndarray):
        return f"a numpy array of {plural(obj.size, 'value')}"
    if isinstance(obj, str):
        return f"the text {safe_repr(obj, 30)}"
    if isinstance(obj, bytes | bytearray):
        return "bytes"
    if is_number(obj):
        kind = "whole number" if isinstance(obj, numbers.Integral) else "number"
        return f"the {kind} {fmt_number(obj)}"
    if isinstance(obj, complex | np.complexfloating):
        return "a complex number"
    if isinstance(obj, types.GeneratorType | Iterator):
        return "a generator (a lazy sequence)"
    if isinstance(obj, types.MethodType | types.BuiltinMethodType):
        return f"the method `{getattr(obj, '__name__', '?')}` itself, not its result"
    if isinstance(obj, types.FunctionType | types.BuiltinFunctionType):
        return f"the function `{getattr(obj, '__name__', '?')}` itself, not its result"
    if isinstance(obj, type):
        return f"the type `{obj.__name__}`"
    if isinstance(obj, tuple):
        n = safe_len(obj) or 0
        if n <= 4:
            return f"the tuple ({', '.join(fmt_value(x) for x in obj)}{',' if n == 1 else ''})"
        return f"a tuple of {plural(n, 'item')}"
    for container, name in _CONTAINERS:
        if isinstance(obj, container):
            size = safe_len(obj)
            unit = "key" if container is dict else "item"
            return f"a {name} of {plural(size, unit)}" if size is not None else f"a {name}"
    return article(type(obj).__name__)


def code(text: str) -> str:
    """Mark text as code (rendered in ``<code>`` in HTML, backticks in plain text)."""
    return f"`{text}`"
