"""Comparing labelled data (Series, frame columns), shared by the checkers.

Three questions, asked in this order because each answer makes the next one
meaningful: are the labels the same (missing, unexpected, repeated)? are the
values the same (by :func:`~brakes.exercises.checkers.numeric.close`, and if
not, is it a known slip such as counts for shares)? is the order the one
asked for? Values are judged through the expected keys
(:class:`~brakes.exercises.checkers.target.Values`); messages name the labels
that differ, never the expected values nor how far or which way they are off.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from brakes.exercises.checkers.base import Diagnosis, Order, Verdict, right, wrong
from brakes.exercises.checkers.numeric import close, find_slip, format_note, slip_message
from brakes.exercises.checkers.target import Values
from brakes.exercises.wording import (
    LIST_LIMIT,
    code,
    fmt_label,
    fmt_labels,
    fmt_value,
    plural,
    sorted_labels,
)


def _spelling_advice(missing: list[Any], unexpected: list[Any]) -> str:
    """Why a label was not recognised: quotes around True/False or numbers, or the case."""
    texts = {x for x in unexpected if isinstance(x, str)}
    quoted = [m for m in missing if not isinstance(m, str) and str(m) in texts]
    if any(isinstance(m, bool | np.bool_) for m in quoted):
        return " Give True/False without quotes: the labels are yes/no values, not text."
    if quoted:
        return " Write these labels without quotes: in the data they are not text."
    folded_missing = {str(x).casefold() for x in missing}
    if {str(x).casefold() for x in unexpected} & folded_missing:
        return " Labels are case-sensitive: use the spelling found in the data."
    return ""


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
        advice = _spelling_advice(missing, unexpected)
        if advice:
            message += advice
        elif per and missing and not unexpected:
            message += f" The answer has one entry per {per}: did you filter some out?"
        elif per and unexpected and not missing:
            message += f" The answer has one entry per {per} and nothing else."
        elif per:
            message += f" The answer has one entry per {per}."
        return wrong(message, Diagnosis.LABELS)
    if repeated:
        first = repeated[0]
        others = (
            f" (and {plural(len(repeated) - 1, 'other label')} repeat)" if len(repeated) > 1 else ""
        )
        each = f"each {per}" if per else "each label"
        return wrong(
            f"{fmt_label(first)} appears {counts[first]} times{others}; "
            f"the answer has {each} once.",
            Diagnosis.DUPLICATES,
        )
    return None


def index_kept_as_column(names: list[Any], select: str = "") -> Verdict:
    """The learner's ``reset_index()`` turned the answer's index ``names`` into columns.

    The suggested ``.set_index(...)`` takes one name, or a list of several
    (``set_index("a", "b")`` raises); ``select`` is appended, e.g. ``["reach"]``.
    """
    keys = ", ".join(fmt_label(n) for n in names)
    argument = keys if len(names) == 1 else f"[{keys}]"
    return wrong(
        f"The values are right, but {keys} is a column here; in the answer it is the "
        f"index: drop {code('.reset_index()')} (or {code('as_index=False')}), or add "
        f"{code(f'.set_index({argument}){select}')}.",
        Diagnosis.RESET_INDEX,
    )


def as_floats(series: pd.Series) -> np.ndarray:
    """Values as floats, NaN where missing (booleans count as 0/1)."""
    return pd.to_numeric(series, errors="coerce").to_numpy(dtype=float, na_value=np.nan)


def is_numeric(series: pd.Series) -> bool:
    """Numbers (not booleans, not text) in a Series."""
    dtype = series.dtype
    return pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)


def value_diff(
    given: pd.Series,
    expected: Values,
    labels: pd.Index,
    *,
    where: str = "",
    percent: bool = False,
) -> Verdict | None:
    """Which values differ; None when all match.

    When ``percent`` says the expected values are percentages, values right as
    fractions (or back) give a correct verdict carrying the note to show.
    ``given`` must already be aligned on the expected ``labels`` (same labels,
    same order); ``where`` names the column being compared in a frame
    ("column 'reach'").
    """
    if expected.numeric:
        return _numeric_diff(given, expected, labels, where=where, percent=percent)
    mask = expected.matches(given.to_numpy(dtype=object))
    if mask.all():
        return None
    bad = np.flatnonzero(~mask)
    scope = f" in {where}" if where else ""
    return wrong(
        f"{plural(len(bad), 'value')} differ{_s(len(bad))}{scope}, at "
        f"{fmt_labels([labels[i] for i in bad])}.",
        Diagnosis.VALUES,
    )


def _s(n: int) -> str:
    """The verb ending: "1 value differs", "3 values differ"."""
    return "s" if n == 1 else ""


def _numeric_diff(
    given: pd.Series, expected: Values, labels: pd.Index, *, where: str, percent: bool
) -> Verdict | None:
    """The numeric branch of :func:`value_diff`."""
    a = as_floats(given)
    text_values = ~given.isna().to_numpy(dtype=bool) & np.isnan(a)
    if not pd.api.types.is_numeric_dtype(given.dtype):
        text_values |= np.array([isinstance(x, str | bytes) for x in given.to_numpy(dtype=object)])
    lead = f"In {where}, some" if where else "Some"
    if text_values.any():
        first = int(np.flatnonzero(text_values)[0])
        return wrong(
            f"{lead} of your values are not numbers (e.g. {fmt_value(given.iloc[first])} for "
            f"{fmt_label(labels[first])}); the answer holds numbers.",
            Diagnosis.DTYPE,
        )
    ok = expected.matches(a)
    if ok.all():
        return None
    slip = find_slip(a, expected, percent=percent)
    if slip is not None:
        note = format_note(slip, a, many=True) if slip.accepted else ""
        if note:
            return right(f"in {where}, {note}" if where else note, slip.diagnosis)
        subject = f"In {where}, your values" if where else "Your values"
        return wrong(slip_message(slip, subject, many=True), slip.diagnosis)
    bad = np.flatnonzero(~ok)
    ways = expected.directions(a)  # the direction only, never how far
    pieces = [
        f"{fmt_label(labels[i])}"
        + (" (missing: NaN)" if np.isnan(a[i]) else f" ({ways[i]})" if ways[i] else "")
        for i in bad[:LIST_LIMIT]
    ]
    more = f" and {len(bad) - LIST_LIMIT:,} more" if len(bad) > LIST_LIMIT else ""
    scope = f" in {where}" if where else ""
    count = (
        "All " + plural(len(bad), "value")
        if len(bad) == expected.size > 1
        else plural(len(bad), "value")
    )
    return wrong(
        f"{count} differ{_s(len(bad))}{scope}: {', '.join(pieces)}{more}. Check the rows you "
        "kept and the computation.",
        Diagnosis.VALUES,
    )


def _sorted(values: np.ndarray, descending: bool) -> bool:
    """Sorted, ties (values equal to the checking tolerance) in any order."""
    steps = np.diff(values)
    ties = close(values[1:], values[:-1]) if values.size > 1 else np.array([], dtype=bool)
    return bool(np.all(((steps <= 0) if descending else (steps >= 0)) | ties))


def order_diff(
    given: pd.Series, expected: pd.Series, order: Order, *, read_by: str = ""
) -> Verdict | None:
    """Whether ``given`` (right labels and values) is in the order asked for.

    ``read_by`` names a later cell that reads the answer by position ("the chart
    below"); the message then says so, since that is why the order matters.
    """
    verdict = _order_verdict(given, expected, order)
    if verdict is None or not read_by:
        return verdict
    return wrong(
        f"{verdict.message} {read_by[:1].upper()}{read_by[1:]} reads the rows in that order.",
        verdict.diagnosis,
    )


def _order_verdict(given: pd.Series, expected: pd.Series, order: Order) -> Verdict | None:
    """The order message of :func:`order_diff`, before naming who reads the order."""
    if order is Order.ANY:
        return None
    if order is Order.EXPECTED:
        if list(given.index) == list(expected.index):
            return None
        return wrong(
            "The values are right, but not in the order the exercise asks for.", Diagnosis.ORDER
        )
    if order is Order.INDEX:
        if given.index.is_monotonic_increasing:
            return None
        return wrong(
            "The values are right, but not in the order of the index: add "
            f"{code('.sort_index()')}.",
            Diagnosis.ORDER,
        )
    values = as_floats(given)
    descending, ascending = _sorted(values, True), _sorted(values, False)
    if order is Order.DESCENDING and not descending:
        if ascending:
            return wrong(
                "The values are right, but sorted from smallest to largest; the answer goes "
                f"from largest to smallest: use {code('.sort_values(ascending=False)')}.",
                Diagnosis.ORDER,
            )
        return wrong(
            "The values are right, but not sorted: the answer goes from largest to smallest "
            f"({code('.sort_values(ascending=False)')}).",
            Diagnosis.ORDER,
        )
    if order is Order.ASCENDING and not ascending:
        if descending:
            return wrong(
                "The values are right, but sorted from largest to smallest; the answer goes "
                f"from smallest to largest: use {code('.sort_values()')}.",
                Diagnosis.ORDER,
            )
        return wrong(
            "The values are right, but not sorted: the answer goes from smallest to largest "
            f"({code('.sort_values()')}).",
            Diagnosis.ORDER,
        )
    return None
