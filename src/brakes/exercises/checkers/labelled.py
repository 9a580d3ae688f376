"""Comparing labelled data (Series, frame columns, collections), shared by the checkers.

Three questions, asked in this order because each answer makes the next one
meaningful: are the labels the same (missing, unexpected, repeated)? are the
values the same (within tolerance, and if not, is it a known slip such as a
percentage for a fraction)? is the order the one asked for?
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from brakes.exercises.checkers.base import Order, Tolerance, Verdict, wrong
from brakes.exercises.wording import (
    LIST_LIMIT,
    code,
    fmt_label,
    fmt_labels,
    fmt_pair,
    fmt_value,
    plural,
    sorted_labels,
)

LabelText = Callable[[Any], str]


def label_diff(
    given: Sequence[Any],
    expected: Sequence[Any],
    *,
    noun: str = "",
    per: str = "",
) -> Verdict | None:
    """Missing, unexpected or repeated labels, or None when both hold the same labels.

    ``noun`` qualifies the lists ("columns" gives "Missing columns: …"); ``per``
    names what each label stands for ("channel") in the closing advice.
    """
    counts = Counter(given)
    repeated = [label for label, n in counts.items() if n > 1]
    expected_set = set(expected)
    missing = [x for x in expected if x not in counts]
    unexpected = sorted_labels(x for x in counts if x not in expected_set)
    suffix = f" {noun}" if noun else ""
    if missing or unexpected:
        parts = []
        if missing:
            parts.append(f"Missing{suffix}: {fmt_labels(missing)}")
        if unexpected:
            lead = "unexpected" if missing else "Unexpected"
            parts.append(f"{lead}{suffix}: {fmt_labels(unexpected)}")
        message = "; ".join(parts) + "."
        folded_missing = {str(x).casefold() for x in missing}
        if unexpected and {str(x).casefold() for x in unexpected} & folded_missing:
            message += " Labels are case-sensitive: use the spelling found in the data."
        elif per and missing and not unexpected:
            message += f" The answer has one entry per {per}: did you filter some out?"
        elif per and unexpected and not missing:
            message += f" The answer has one entry per {per} and nothing else."
        elif per:
            message += f" The answer has one entry per {per}."
        return wrong(message, "labels")
    if repeated:
        first = repeated[0]
        return wrong(
            f"{fmt_label(first)} appears {counts[first]} times"
            + (
                f" (and {plural(len(repeated) - 1, 'other label')} repeat)"
                if len(repeated) > 1
                else ""
            )
            + (
                f"; the answer has each {per} once." if per else "; the answer has each label once."
            ),
            "duplicates",
        )
    return None


def as_floats(series: pd.Series) -> np.ndarray:
    """Values as floats, NaN where missing (booleans count as 0/1)."""
    return pd.to_numeric(series, errors="coerce").to_numpy(dtype=float, na_value=np.nan)


def _within(a: np.ndarray, e: np.ndarray, tol: Tolerance) -> np.ndarray:
    """Element-wise :meth:`Tolerance.allows`."""
    with np.errstate(invalid="ignore", over="ignore"):
        slack = np.maximum.reduce(
            [np.full_like(e, tol.abs), tol.rel * np.abs(e), 1e-9 * np.maximum(np.abs(e), 1.0)]
        )
        close = np.abs(a - e) <= slack
        same_inf = np.isinf(a) & np.isinf(e) & (a == e)
    return close | same_inf | (np.isnan(a) & np.isnan(e))


def is_numeric(series: pd.Series) -> bool:
    """Numbers (not booleans, not text) in a Series."""
    dtype = series.dtype
    return pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)


def numeric_slip(a: np.ndarray, e: np.ndarray, tol: Tolerance, where: str = "") -> Verdict | None:
    """A known slip that explains every difference: percent, counts for shares, rounding."""
    if not np.all(np.isfinite(a)) or not np.all(np.isfinite(e)) or a.size == 0:
        return None
    lead = f"In {where}, your" if where else "Your"
    if np.any(e != 0) and np.all(_within(a / 100, e, tol)):
        return wrong(
            f"{lead} values are 100 times too big: they look like percentages, and the "
            "answer uses fractions between 0 and 1. Don't multiply by 100.",
            "percent",
        )
    if np.any(e != 0) and np.all(_within(a * 100, e, tol)):
        return wrong(
            f"{lead} values are 100 times too small: the answer uses percentages. Multiply by 100.",
            "fraction",
        )
    total_a, total_e = float(a.sum()), float(e.sum())
    if abs(total_e - 1) < 1e-6 and total_a > 0 and np.all(_within(a / total_a, e, tol)):
        return wrong(
            f"{lead} values are counts; the answer is shares (each count divided by the "
            f"total, so they add up to 1): try {code('normalize=True')} or divide by the total.",
            "count_for_share",
        )
    if (
        abs(total_a - 1) < 1e-6
        and np.all(np.equal(np.mod(e, 1), 0))
        and np.all(_within(a * total_e, e, tol))
    ):
        return wrong(
            f"{lead} values are shares (they add up to 1); the answer is counts: drop "
            f"{code('normalize=True')} or don't divide by the total.",
            "share_for_count",
        )
    for d in range(7):
        rounded = np.round(e, d)
        if np.all(np.isclose(a, rounded, rtol=0, atol=1e-12)):
            if np.all(_within(rounded, e, tol)):
                break
            places = "whole numbers" if d == 0 else plural(d, "decimal")
            tol_text = tol.describe()
            return wrong(
                f"{lead} values are right when rounded to {places}; don't round: the check "
                f"needs the unrounded values{f' (within {tol_text})' if tol_text else ''}.",
                "rounding",
            )
    return None


def value_diff(
    given: pd.Series,
    expected: pd.Series,
    tol: Tolerance,
    *,
    where: str = "",
    label_text: LabelText = fmt_label,
) -> Verdict | None:
    """Which values differ and by how much, or None when all match.

    ``given`` must already be aligned on ``expected`` (same labels, same order).
    ``where`` names the column being compared in a frame ("column 'reach'").
    """
    if is_numeric(expected):
        return _numeric_diff(given, expected, tol, where=where, label_text=label_text)
    same = []
    for g, e in zip(given.to_numpy(dtype=object), expected.to_numpy(dtype=object), strict=True):
        both_missing = bool(pd.isna(g)) and bool(pd.isna(e)) if _scalar(g) and _scalar(e) else False
        same.append(both_missing or _equal(g, e))
    mask = np.array(same, dtype=bool)
    if mask.all():
        return None
    bad = np.flatnonzero(~mask)
    shown = "; ".join(
        f"{label_text(expected.index[i])} is {fmt_value(given.iloc[i])}, "
        f"expected {fmt_value(expected.iloc[i])}"
        for i in bad[:LIST_LIMIT]
    )
    more = f"; and {len(bad) - LIST_LIMIT:,} more" if len(bad) > LIST_LIMIT else ""
    scope = f" in {where}" if where else ""
    return wrong(
        f"{plural(len(bad), 'value')} differ{_s(len(bad))}{scope}: {shown}{more}.", "values"
    )


def _scalar(x: Any) -> bool:
    return pd.api.types.is_scalar(x)


def _equal(a: Any, b: Any) -> bool:
    """``a == b`` reduced to one bool (arrays or odd objects count as different)."""
    result = a == b
    return isinstance(result, bool | np.bool_) and bool(result)


def _s(n: int) -> str:
    """The verb ending: "1 value differs", "3 values differ"."""
    return "s" if n == 1 else ""


def _numeric_diff(
    given: pd.Series,
    expected: pd.Series,
    tol: Tolerance,
    *,
    where: str,
    label_text: LabelText,
) -> Verdict | None:
    """The numeric branch of :func:`value_diff`."""
    e = as_floats(expected)
    a = as_floats(given)
    text_values = ~given.isna().to_numpy(dtype=bool) & np.isnan(a)
    if not pd.api.types.is_numeric_dtype(given.dtype):
        text_values |= np.array([isinstance(x, str | bytes) for x in given.to_numpy(dtype=object)])
    lead = f"In {where}, some" if where else "Some"
    if text_values.any():
        first = int(np.flatnonzero(text_values)[0])
        return wrong(
            f"{lead} of your values are not numbers (e.g. {fmt_value(given.iloc[first])} for "
            f"{label_text(expected.index[first])}); the answer holds numbers.",
            "dtype",
        )
    ok = _within(a, e, tol)
    if ok.all():
        return None
    slip = numeric_slip(a, e, tol, where)
    if slip is not None:
        return slip
    bad = np.flatnonzero(~ok)
    pieces = []
    for i in bad[:LIST_LIMIT]:
        label = label_text(expected.index[i])
        if np.isnan(a[i]):
            pieces.append(f"{label} is missing (NaN), expected {fmt_pair(e[i], e[i])[1]}")
        else:
            shown, wanted = fmt_pair(a[i], e[i])
            pieces.append(f"{label} is {shown}, expected {wanted}")
    more = f"; and {len(bad) - LIST_LIMIT:,} more" if len(bad) > LIST_LIMIT else ""
    tol_text = tol.describe()
    beyond = f" beyond {tol_text}" if tol_text else ""
    scope = f" in {where}" if where else ""
    count = (
        "All " + plural(len(bad), "value") if len(bad) == len(e) > 1 else plural(len(bad), "value")
    )
    return wrong(
        f"{count} differ{_s(len(bad))}{beyond}{scope}: {'; '.join(pieces)}{more}.", "values"
    )


def order_diff(
    given: pd.Series, expected: pd.Series, order: Order, tol: Tolerance
) -> Verdict | None:
    """Whether ``given`` (right labels and values) is in the order asked for."""
    if order is Order.ANY:
        return None
    if order is Order.EXPECTED:
        if list(given.index) == list(expected.index):
            return None
        return wrong(
            "The values are right, but in a different order: the answer starts with "
            f"{fmt_labels(list(expected.index))}.",
            "order",
        )
    if order is Order.INDEX:
        if given.index.is_monotonic_increasing:
            return None
        return wrong(
            "The values are right, but not in the order of the index: add "
            f"{code('.sort_index()')}.",
            "order",
        )
    values = as_floats(given)
    steps = np.diff(values)
    slack = max(tol.abs, 1e-9)
    descending = bool(np.all(steps <= slack))
    ascending = bool(np.all(steps >= -slack))
    if order is Order.DESCENDING and not descending:
        if ascending:
            return wrong(
                "The values are right, but sorted from smallest to largest; the answer goes "
                f"from largest to smallest: use {code('.sort_values(ascending=False)')}.",
                "order",
            )
        return wrong(
            "The values are right, but not sorted: the answer goes from largest to smallest "
            f"({code('.sort_values(ascending=False)')}).",
            "order",
        )
    if order is Order.ASCENDING and not ascending:
        if descending:
            return wrong(
                "The values are right, but sorted from largest to smallest; the answer goes "
                f"from smallest to largest: use {code('.sort_values()')}.",
                "order",
            )
        return wrong(
            "The values are right, but not sorted: the answer goes from smallest to largest "
            f"({code('.sort_values()')}).",
            "order",
        )
    return None
