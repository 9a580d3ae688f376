"""The Series checker: one value per label, e.g. mentions per channel."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
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
    is_numeric,
    label_diff,
    order_diff,
    value_diff,
)
from brakes.exercises.checkers.target import Target
from brakes.exercises.wording import code, fmt_label, fmt_labels, is_number, safe_len


def index_names(index: pd.Index) -> list[str]:
    """The names of an index's levels, ``level 0`` etc. where unnamed."""
    return [str(n) if n is not None else f"level {i}" for i, n in enumerate(index.names)]


@dataclass(frozen=True)
class SeriesCheck(Checker):
    """A Series: the labels must match, the values too (to ``decimals``), in ``order``.

    ``index`` says in words what the labels are ("channel"), for messages like
    "the answer is a Series indexed by channel". ``order`` is ANY unless the
    exercise asks for a sort. ``percent`` says the values are percentages, so
    fractions pass with a note (a mean score divided by 100 does not). ``decimals``
    is the precision the prompt asks for (as for :class:`~brakes.exercises.checkers.Number`).
    ``read_by`` names a later cell that reads the values by position ("the chart
    below"), for the order message.
    """

    index: str = "label"
    order: Order = Order.ANY
    percent: bool = False
    read_by: str = ""
    decimals: int | None = None

    @property
    def expects(self) -> str:
        return f"a Series indexed by {self.index}"

    def target(self, expected: Any) -> Target | None:
        """The expected Series' labels and the keys of its values."""
        return Target.of(expected, decimals=self.decimals)

    def _compare(self, answer: Any, target: Target) -> Verdict:
        """Compare an answer with the expected Series."""
        if isinstance(answer, pd.DataFrame):
            return self._from_frame(answer, target)
        if not isinstance(answer, pd.Series):
            return self._not_series(answer, target)
        return self._series(answer, target)

    def _series(self, answer: pd.Series, target: Target) -> Verdict:
        """Labels, then values, then order."""
        expected = target.shape
        if answer.index.nlevels != expected.index.nlevels:
            given_levels = ", ".join(index_names(answer.index))
            return wrong(
                f"Your index has {answer.index.nlevels} level(s) ({given_levels}); the answer "
                f"is indexed by {self.index}"
                + (f" ({expected.index.nlevels} levels)." if expected.index.nlevels > 1 else "."),
                Diagnosis.INDEX_LEVELS,
            )
        if len(answer) == 0 and len(expected) > 0:
            return wrong(
                f"Your Series is empty; the answer has one value per {self.index} "
                f"({len(expected)} in all). Check your filter.",
                Diagnosis.EMPTY,
            )
        given_labels = list(answer.index)
        wanted_labels = list(expected.index)
        verdict = label_diff(given_labels, wanted_labels, per=self.index)
        if verdict is not None:
            return self._labels_swapped(answer, expected) or verdict
        aligned = answer.reindex(expected.index) if not expected.index.has_duplicates else answer
        values = value_diff(aligned, target.require_values(), expected.index, percent=self.percent)
        if values is not None and not values.correct:
            return values
        verdict = order_diff(answer, expected, self.order, read_by=self.read_by)
        if verdict is not None:
            return verdict
        matched = f"all {len(expected):,} values match, one per {self.index}"
        if values is None:
            return right(f"{matched}.")
        return right(f"{matched} — {values.message}.", values.diagnosis)

    def _labels_swapped(self, answer: pd.Series, expected: pd.Series) -> Verdict | None:
        """The values show up as labels: the learner grouped by the wrong column."""
        if not is_numeric(expected) or len(answer) == 0:
            return None
        wanted = {str(x) for x in expected.index}
        given_values = {str(x) for x in answer.to_numpy(dtype=object)[:10_000]}
        if wanted <= given_values:
            return wrong(
                f"Your values are {self.index} names: the {self.index}s should be the index. "
                f"Group by {self.index} (or use {code('.value_counts()')} on that column).",
                Diagnosis.SWAPPED,
            )
        return None

    def _matches(self, candidate: Any, target: Target) -> bool:
        """True when a transformed answer would be accepted."""
        return isinstance(candidate, pd.Series) and self._series(candidate, target).correct

    def _from_frame(self, answer: pd.DataFrame, target: Target) -> Verdict:
        """A DataFrame where a Series was expected: one column, reset_index, unstack."""
        return (
            attempt(lambda: self._one_column(answer, target))
            or attempt(lambda: self._reset_index(answer, target))
            or attempt(lambda: self._unstacked(answer, target))
            or self.type_mismatch(answer)
        )

    def _one_column(self, answer: pd.DataFrame, target: Target) -> Verdict | None:
        if answer.shape[1] != 1 or not self._matches(answer.iloc[:, 0], target):
            return None
        column = fmt_label(answer.columns[0])
        return self.type_mismatch(
            answer,
            f"Select the column with single brackets, {code(f'[{column}]')}, or use "
            f"{code('.squeeze()')}.",
        )

    def _reset_index(self, answer: pd.DataFrame, target: Target) -> Verdict | None:
        names = [n for n in target.shape.index.names if n is not None]
        columns = list(answer.columns)
        if not names or not all(n in columns for n in names):
            return None
        others = [c for c in columns if c not in names]
        if len(others) != 1 or not self._matches(answer.set_index(names)[others[0]], target):
            return None
        return index_kept_as_column(names, f"[{fmt_label(others[0])}]")

    def _unstacked(self, answer: pd.DataFrame, target: Target) -> Verdict | None:
        if target.shape.index.nlevels != 2 or answer.shape[1] < 2:
            return None
        if not self._matches(answer.stack().dropna(), target):
            return None
        return wrong(
            "The values are right, but spread out as a table; the answer is a Series with a "
            f"two-level index: drop {code('.unstack()')} (or use {code('.stack()')}).",
            Diagnosis.UNSTACKED,
        )

    def _not_series(self, answer: Any, target: Target) -> Verdict:
        """Anything else: a number, a dict, a list, the index alone…"""
        expected = target.shape
        if is_number(answer) and is_numeric(expected):
            return attempt(lambda: self._total(answer, target)) or self.type_mismatch(
                answer, f"It has one value per {self.index}."
            )
        if isinstance(answer, dict):
            return attempt(lambda: self._dict(answer, target)) or self.type_mismatch(
                answer, f"Build it with pandas, e.g. {code('.groupby(...)')}."
            )
        if isinstance(answer, pd.Index):
            return attempt(lambda: self._index_only(answer, expected)) or self.type_mismatch(answer)
        if isinstance(answer, list | tuple | np.ndarray):
            return attempt(lambda: self._lost_labels(answer, target)) or self.type_mismatch(
                answer, f"Keep pandas' result: each value labelled by {self.index}."
            )
        if isinstance(answer, str) and answer in {str(x) for x in expected.index}:
            return self.type_mismatch(
                answer,
                f"{fmt_label(answer)} is one {self.index}; the answer gives a value for every "
                f"{self.index} ({fmt_labels(list(expected.index))}).",
            )
        return self.type_mismatch(answer)

    def _total(self, answer: Any, target: Target) -> Verdict | None:
        value = float(answer)
        if not math.isfinite(value) or not target.require_values().matches([value], "total").all():
            return None
        return wrong(
            f"You gave one number, the total over all {self.index}s; the answer keeps one "
            f"value per {self.index}: group by {self.index} first.",
            Diagnosis.TOTAL_FOR_SERIES,
        )

    def _dict(self, answer: dict[Any, Any], target: Target) -> Verdict | None:
        if not self._matches(pd.Series(answer), target):
            return None
        return wrong(
            "The values are right, but in a dict; the answer is a pandas Series: wrap it "
            f"with {code('pd.Series(...)')}.",
            Diagnosis.DICT,
        )

    def _index_only(self, answer: pd.Index, expected: pd.Series) -> Verdict | None:
        if {str(x) for x in answer} != {str(x) for x in expected.index}:
            return None
        return wrong(
            "You gave only the labels (the index); the answer is the whole Series, with one "
            f"value per {self.index}.",
            Diagnosis.INDEX_ONLY,
        )

    def _lost_labels(self, answer: Any, target: Target) -> Verdict | None:
        expected = target.shape
        if safe_len(answer) != len(expected) or not is_numeric(expected):
            return None
        values = np.ravel(np.asarray(answer, dtype=object))
        if len(values) != len(expected):
            return None
        candidate = pd.Series(pd.to_numeric(pd.Series(values), errors="coerce").to_numpy())
        candidate.index = expected.index
        if not self._matches(candidate, target):
            return None
        return wrong(
            "The values are right, but they lost their labels: keep the result as a Series "
            f"(no {code('.tolist()')}, {code('.values')} or {code('list(...)')}), so each "
            f"value stays next to its {self.index}.",
            Diagnosis.LOST_LABELS,
        )
