"""What a correct check shows: the learner's own value or table, read in the exercise's words.

A finding nobody sees was not discovered, so an accepted answer is shown back:
a number with the precision its exercise asks for, a Series or DataFrame as a
compact :class:`~brakes.exercises.render.Table`. An exercise's ``reveals`` says
what the value means; where it holds :data:`VALUE`, the value is read in that
sentence ("{value} % of mentions are…"), a table standing where the marker
is, after the sentence that introduces it. Without the marker, the checker's
message (and a table) comes first, then ``reveals``.

Only the learner's answer is ever shown, and only once accepted: a wrong answer
never gets a value from here, so nothing hands over the expected one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from brakes.exercises.checkers.base import Checker, Diagnosis, Verdict, attempt
from brakes.exercises.render import Table
from brakes.exercises.wording import describe, fmt_label, fmt_number, fmt_value, is_number

#: Where the learner's value goes in an exercise's ``reveals``.
VALUE = "{value}"
#: What stands for the value where no answer is at hand (the trainer's guide to exercises).
UNFILLED = "…"
#: A table with at most this many rows is shown whole; a longer one by its first and last rows.
WHOLE_ROWS = 20
#: How many rows are shown at each end of a longer table.
END_ROWS = 5
#: The longest label shown in a table cell, in characters.
LABEL_CHARS = 40


@dataclass(frozen=True)
class Reading:
    """A correct check's body: the sentence before the table, the table, the sentences after."""

    body: str
    table: Table | None = None
    after: str = ""


def unfilled(reveals: str) -> str:
    """``reveals`` with :data:`UNFILLED` for the value, for a page that has no learner's answer."""
    return reveals.replace(VALUE, UNFILLED)


def read(reveals: str, checker: Checker, answer: Any, verdict: Verdict) -> Reading:
    """The body of an accepted answer's feedback: its value, and what it means (never raises).

    The checker's own words ("all 8 values match…") give way to the reading,
    except where the answer was accepted in another format (a fraction for a
    percentage): that note is kept before it.
    """
    shown = attempt(_shown, checker, answer, verdict.diagnosis)
    before, marker, after = reveals.partition(VALUE)
    if not marker:  # the value (in the checker's words, or a table), then its meaning
        if isinstance(shown, Table):
            return Reading(verdict.message, shown, reveals)
        return Reading(_join(verdict.message, reveals))
    note = "" if verdict.diagnosis is Diagnosis.CORRECT else verdict.message
    if isinstance(shown, Table):
        return Reading(_join(note, before), shown, after.strip())
    value = shown if isinstance(shown, str) else _describe_safely(answer)
    return Reading(_join(note, f"{before}{value}{after}"))


def _join(*sentences: str) -> str:
    """Sentences one after the other, the empty ones left out."""
    return " ".join(s.strip() for s in sentences if s.strip())


def _describe_safely(answer: Any) -> str:
    """The answer in words when it cannot be shown as a value (a hostile object)."""
    return attempt(describe, answer) or f"an object of type {type(answer).__name__}"


def _shown(checker: Checker, answer: Any, diagnosis: Diagnosis) -> str | Table:
    """The learner's answer as shown: a formatted number, a table, or a value in words.

    Numbers take the precision the exercise asks for (the checker's ``decimals``);
    a number accepted in the other format is shown in the exercise's own (a
    fraction for a percentage: times 100), as the note before it says. A table
    accepted in the other format keeps its own numbers, unrounded.
    """
    decimals: int | None = getattr(checker, "decimals", None)
    if isinstance(answer, pd.Series | pd.DataFrame):
        exact = diagnosis is Diagnosis.CORRECT
        return table_of(answer, decimals if exact else None)
    if is_number(answer):
        scale = {Diagnosis.AS_FRACTION: 100.0, Diagnosis.AS_PERCENT: 0.01}.get(diagnosis, 1.0)
        if getattr(checker, "integer", False):
            return fmt_number(answer)
        return fmt_number(float(answer) * scale, decimals)
    return fmt_value(answer)


def table_of(answer: pd.Series | pd.DataFrame, decimals: int | None = None) -> Table:
    """A Series or DataFrame as a :class:`Table`: labels, then values with ``decimals``.

    At most :data:`WHOLE_ROWS` rows are shown whole; a longer table shows its
    first and last :data:`END_ROWS` rows (a weekly series: where it starts and ends).
    """
    frame = answer.to_frame(_column_name(answer.name)) if isinstance(answer, pd.Series) else answer
    total = len(frame)
    if total <= WHOLE_ROWS:
        positions = list(range(total))
        gap = None
    else:
        positions = [*range(END_ROWS), *range(total - END_ROWS, total)]
        gap = END_ROWS
    levels = frame.index.nlevels
    header = tuple("" if name is None else _label(name) for name in frame.index.names) + tuple(
        _label(column) for column in frame.columns
    )
    labels = [frame.index[position] for position in positions]
    values = [frame.iloc[position].tolist() for position in positions]
    # A column of whole numbers (followers, counts) shows none of the decimals asked for.
    places = [None if _whole(column) else decimals for column in zip(*values, strict=True)]
    rows = tuple(
        tuple(_label(part) for part in (label if levels > 1 else (label,)))
        + tuple(_cell(value, place) for value, place in zip(row, places, strict=True))
        for label, row in zip(labels, values, strict=True)
    )
    return Table(header=header, rows=rows, labels=levels, total=total, gap=gap)


def _whole(column: tuple[Any, ...]) -> bool:
    """Every value of a column is a whole number."""
    return all(is_number(v) and float(v).is_integer() for v in column)


def _column_name(name: Any) -> Any:
    """A Series' name as its column's header: ``value`` when it has none."""
    return "value" if name is None else name


def _label(label: Any) -> str:
    """A label as a table shows it: text as written (no quotes), dates as dates."""
    if isinstance(label, str):
        return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"
    if isinstance(label, pd.Period):  # a month: 2025-10
        return str(label)
    return fmt_label(label)


def _cell(value: Any, decimals: int | None) -> str:
    """A value as a table shows it: numbers with the exercise's precision."""
    if is_number(value):
        return fmt_number(value, decimals, keep_zeros=decimals is not None)
    if isinstance(value, str):
        return _label(value)
    return fmt_value(value)
