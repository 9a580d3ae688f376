"""The DataFrame checker: columns, rows, values, order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from brakes.exercises.checkers.base import (
    Checker,
    Diagnosis,
    Order,
    Verdict,
    attempt,
    right,
    wrong,
)
from brakes.exercises.checkers.labelled import (
    index_kept_as_column,
    label_diff,
    order_diff,
    value_diff,
)
from brakes.exercises.checkers.target import Target
from brakes.exercises.wording import code, fmt_label, plural

#: Column names that ``reset_index()`` adds for an unnamed index.
_RESET_NAMES = ("index", "level_0")
#: Diagnoses after which a reshaped answer (index as column, or back) is worth trying.
_LAYOUT = frozenset({Diagnosis.COLUMNS, Diagnosis.LABELS, Diagnosis.INDEX_LEVELS})


@dataclass(frozen=True)
class FrameCheck(Checker):
    """A DataFrame: the same columns (in any order), the same rows, the same values.

    ``index`` says in words what a row is ("platform"); ``None`` means the
    row labels do not matter (a plain 0, 1, 2… index), and rows are then
    matched whatever their order. ``order`` applies to the rows (ANY unless
    the exercise asks for a sort); ``sort_by`` names the column the rows must
    be sorted by (with ``order`` DESCENDING/ASCENDING); ``percent`` names the
    columns that hold percentages (given as fractions they pass with a note). Values are compared
    column by column, as in :func:`~brakes.exercises.checkers.labelled.value_diff`.
    ``ordered_columns`` says the columns must come in the expected order: a later cell
    reads them by position (a slope chart draws its first column as "before"), so a
    swapped table would tell the opposite story. ``read_by`` names that cell ("the
    chart below") in the order messages. ``decimals`` is the precision the prompt
    asks for, for every number column (see :class:`~brakes.exercises.checkers.Number`).
    """

    index: str | None = None
    order: Order = Order.ANY
    sort_by: str | None = None
    percent: tuple[str, ...] = ()
    ordered_columns: bool = False
    read_by: str = ""
    decimals: int | None = None

    @property
    def expects(self) -> str:
        return f"a DataFrame with one row per {self.index}" if self.index else "a DataFrame"

    def target(self, expected: Any) -> Target | None:
        """The expected frame's labels and the keys of each column.

        Without an index the rows are matched whatever their order: they are
        put in one order (by their values) here, and the answer's likewise.
        """
        if isinstance(expected, pd.DataFrame) and self.index is None:
            expected = self._by_values(expected)
        return Target.of(expected, decimals=self.decimals)

    def _by_values(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Rows numbered 0, 1, 2…, sorted by every column unless the exact order matters."""
        rows = frame.reset_index(drop=True)
        if self.order is Order.EXPECTED:
            return rows
        columns = list(frame.columns)
        ordered = attempt(lambda: rows.sort_values(columns, kind="stable").reset_index(drop=True))
        return rows if ordered is None else ordered

    def _compare(self, answer: Any, target: Target) -> Verdict:
        """Compare an answer with the expected DataFrame."""
        if isinstance(answer, pd.Series):
            return attempt(lambda: self._series_given(answer, target)) or self.type_mismatch(answer)
        if not isinstance(answer, pd.DataFrame):
            return self.type_mismatch(answer)
        verdict = self._frame(answer, target)
        if verdict.correct or verdict.diagnosis not in _LAYOUT:
            return verdict
        return (
            attempt(lambda: self._index_as_column(answer, target))
            or attempt(lambda: self._column_as_index(answer, target))
            or attempt(lambda: self._extra_index_column(answer, target))
            or verdict
        )

    def _matches(self, candidate: Any, target: Target) -> bool:
        return isinstance(candidate, pd.DataFrame) and self._frame(candidate, target).correct

    def _series_given(self, answer: pd.Series, target: Target) -> Verdict | None:
        expected = target.shape
        if expected.shape[1] != 1:
            return None
        column = expected.columns[0]
        if not self._matches(answer.to_frame(column), target):
            return None
        return self.type_mismatch(
            answer,
            f"Keep it a table with {code(f'[[{fmt_label(column)}]]')} (double brackets) "
            f"or {code('.to_frame()')}.",
        )

    def _index_as_column(self, answer: pd.DataFrame, target: Target) -> Verdict | None:
        """The learner called reset_index(): the expected index is one of their columns."""
        names = [n for n in target.shape.index.names if n is not None]
        if not names or not all(n in answer.columns for n in names):
            return None
        if not self._matches(answer.set_index(names), target):
            return None
        return index_kept_as_column(names)

    def _column_as_index(self, answer: pd.DataFrame, target: Target) -> Verdict | None:
        """The expected frame has the key as a column; the learner kept it as the index."""
        names = [n for n in answer.index.names if n is not None]
        if not names or not all(n in target.shape.columns for n in names):
            return None
        if not self._matches(answer.reset_index(), target):
            return None
        keys = ", ".join(fmt_label(n) for n in names)
        return wrong(
            f"The values are right, but {keys} is the index here; in the answer it is a "
            f"column: add {code('.reset_index()')}.",
            Diagnosis.SET_INDEX,
        )

    def _extra_index_column(self, answer: pd.DataFrame, target: Target) -> Verdict | None:
        """A leftover 'index' column from reset_index() on an unnamed index."""
        columns = target.shape.columns
        extra = [c for c in _RESET_NAMES if c in answer.columns and c not in columns]
        if not extra or not self._matches(answer.drop(columns=extra), target):
            return None
        return wrong(
            f"The values are right, but there is an extra column {fmt_label(extra[0])} "
            f"left by {code('.reset_index()')}: use {code('.reset_index(drop=True)')}.",
            Diagnosis.INDEX_COLUMN,
        )

    def _frame(self, answer: pd.DataFrame, target: Target) -> Verdict:
        """Columns, then rows, then values column by column, then row order."""
        expected = target.shape
        if answer.columns.nlevels != expected.columns.nlevels:
            return wrong(
                f"Your columns have {answer.columns.nlevels} levels; the answer's have "
                f"{expected.columns.nlevels}. Flatten or select the columns you need.",
                Diagnosis.COLUMNS,
            )
        verdict = label_diff(list(answer.columns), list(expected.columns), noun="columns")
        if verdict is not None:
            return wrong(verdict.message, Diagnosis.COLUMNS)
        if len(answer) == 0 and len(expected) > 0:
            return wrong(
                f"Your DataFrame has no rows; the answer has {plural(len(expected), 'row')}. "
                "Check your filter.",
                Diagnosis.EMPTY,
            )
        if self.index is None:
            if len(answer) != len(expected):
                return wrong(
                    f"Your DataFrame has {plural(len(answer), 'row')}; the answer has "
                    f"{len(expected):,}.",
                    Diagnosis.ROWS,
                )
            given = self._by_values(answer[list(expected.columns)])
        else:
            if answer.index.nlevels != expected.index.nlevels:
                return wrong(
                    f"Your index has {answer.index.nlevels} level(s); the answer has one row "
                    f"per {self.index} ({expected.index.nlevels} level(s)).",
                    Diagnosis.INDEX_LEVELS,
                )
            verdict = label_diff(list(answer.index), list(expected.index), per=self.index)
            if verdict is not None:
                return verdict
            given = answer.reindex(expected.index)
        notes = []
        for column in expected.columns:
            verdict = value_diff(
                given[column],
                target.column(column),
                expected.index,
                where=f"column {fmt_label(column)}",
                percent=column in self.percent,
            )
            if verdict is not None and not verdict.correct:
                return verdict
            if verdict is not None:
                notes.append(verdict)
        verdict = self._column_order(answer, expected) or self._order(answer, expected)
        if verdict is not None:
            return verdict
        matched = (
            f"all {plural(len(expected), 'row')} and {plural(expected.shape[1], 'column')} match"
        )
        if not notes:
            return right(f"{matched}.")
        return right(f"{matched} — {'; '.join(n.message for n in notes)}.", notes[0].diagnosis)

    def _column_order(self, answer: pd.DataFrame, expected: pd.DataFrame) -> Verdict | None:
        """The columns in another order, where a later cell reads them by position."""
        wanted = list(expected.columns)
        if not self.ordered_columns or list(answer.columns) == wanted:
            return None
        reader = f" — {self.read_by} reads them in that order" if self.read_by else ""
        if len(wanted) == 2:
            first, second = (fmt_label(c) for c in wanted)
            return wrong(
                f"The values are right, but the columns are in the other order: put {first} "
                f"first, then {second}{reader}.",
                Diagnosis.COLUMN_ORDER,
            )
        names = ", ".join(fmt_label(c) for c in wanted)
        return wrong(
            f"The values are right, but the columns are not in the order asked: put them as "
            f"{names}{reader} (select them in that order with {code(f'[[{names}]]')}).",
            Diagnosis.COLUMN_ORDER,
        )

    def _order(self, answer: pd.DataFrame, expected: pd.DataFrame) -> Verdict | None:
        """Row order: by a column's values, by the index, or as expected."""
        if self.sort_by is not None and self.order in {Order.DESCENDING, Order.ASCENDING}:
            descending = self.order is Order.DESCENDING
            column = answer[self.sort_by].reset_index(drop=True)
            ranked = column.sort_values(ascending=not descending, kind="stable").index
            if list(ranked) == list(range(len(column))):
                return None
            way = "from largest to smallest" if descending else "from smallest to largest"
            call = f".sort_values({fmt_label(self.sort_by)}, ascending={not descending})"
            return wrong(
                f"The rows are right, but not sorted by {fmt_label(self.sort_by)} {way}: "
                f"use {code(call)}.",
                Diagnosis.ORDER,
            )
        if self.order in {Order.INDEX, Order.EXPECTED} and self.index is not None:
            first = expected.columns[0]
            return order_diff(answer[first], expected[first], self.order, read_by=self.read_by)
        return None
