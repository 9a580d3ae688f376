"""The collection checker: a list or set of labels, e.g. the channels where the brand is silent."""

from __future__ import annotations

import types
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from brakes.exercises.checkers.base import (
    NONE_ADVICE,
    Checker,
    Verdict,
    callable_advice,
    is_callable_value,
    right,
    wrong,
)
from brakes.exercises.checkers.labelled import label_diff
from brakes.exercises.wording import code, describe, fmt_label, fmt_labels, plural, safe_len

#: Beyond this many items (relative to the expected size) an answer is not even read.
_SIZE_FACTOR, _SIZE_SLACK = 10, 1_000


@dataclass(frozen=True)
class Collection(Checker):
    """Several labels: a list, tuple, set, Index or array of them.

    ``what`` names one item ("channel"); ``ordered`` says whether the order
    matters (then the answer must be a list, tuple, Index or array in the
    expected order).
    """

    what: str = "label"
    ordered: bool = False

    @property
    def expects(self) -> str:  # type: ignore[override]
        kind = "an ordered list" if self.ordered else "a list (or set)"
        return f"{kind} of {self.what}s"

    def compare(self, answer: Any, expected: Any) -> Verdict:
        """Compare a collection of labels with the expected one."""
        wanted = list(expected)
        items = self._items(answer, wanted)
        if isinstance(items, Verdict):
            return items
        unhashable = next((x for x in items if not _hashable(x)), None)
        if unhashable is not None:
            return wrong(
                f"Your {self.what}s include {describe(unhashable)}; the answer is a flat "
                f"list of {self.what} names.",
                "nested",
            )
        verdict = label_diff(items, wanted, per=self.what)
        if verdict is not None:
            if verdict.diagnosis == "duplicates":
                return wrong(
                    verdict.message.rstrip(".") + f": list each {self.what} once "
                    f"(e.g. with {code('.unique()')}).",
                    "duplicates",
                )
            return verdict
        if self.ordered and items != wanted:
            return wrong(
                f"The {self.what}s are right, but in a different order: the answer starts "
                f"with {fmt_labels(wanted)}.",
                "order",
            )
        return right(f"all {plural(len(wanted), self.what)}.")

    def _items(self, answer: Any, wanted: list[Any]) -> list[Any] | Verdict:
        """The answer's items as a list, or a verdict when it is not a collection."""
        if answer is None:
            return self.type_mismatch(answer, NONE_ADVICE)
        if is_callable_value(answer):
            return self.type_mismatch(answer, callable_advice(answer))
        if isinstance(answer, str):
            example = f"[{fmt_label(answer)}, …]"
            return self.type_mismatch(answer, f"Put the names in a list: {code(example)}.")
        if isinstance(answer, types.GeneratorType | Iterator):
            return self.type_mismatch(answer, f"Turn it into a list with {code('list(...)')}.")
        if isinstance(answer, pd.DataFrame):
            return self.type_mismatch(answer, "Select the column or the index that holds them.")
        if isinstance(answer, set | frozenset) and self.ordered:
            return self.type_mismatch(answer, "A set has no order: use a sorted list.")
        size = safe_len(answer)
        if size is not None and size > _SIZE_FACTOR * len(wanted) + _SIZE_SLACK:
            return wrong(
                f"You gave {describe(answer)}; the answer has only "
                f"{plural(len(wanted), self.what)}.",
                "size",
            )
        if isinstance(answer, pd.Series):
            return self._from_series(answer, wanted)
        if isinstance(answer, dict):
            return list(answer)
        if isinstance(answer, np.ndarray):
            return list(np.ravel(answer)) if answer.ndim <= 1 else self.type_mismatch(answer)
        if isinstance(answer, list | tuple | set | frozenset | pd.Index):
            items = list(answer)
            if isinstance(answer, set | frozenset):
                items = sorted(items, key=lambda x: (type(x).__name__, str(x)))
            return items
        return self.type_mismatch(answer)

    def _from_series(self, answer: pd.Series, wanted: list[Any]) -> list[Any] | Verdict:
        """A Series: its values, unless the names are in its index (value_counts…)."""
        values = list(answer.to_numpy(dtype=object))
        index = list(answer.index)
        wanted_set = {str(x) for x in wanted}
        in_index = wanted_set <= {str(x) for x in index}
        in_values = wanted_set <= {str(x) for x in values if _hashable(x)}
        if in_index and not in_values:
            return wrong(
                f"The {self.what}s are in the index of your Series, not in its values: "
                f"use {code('.index.tolist()')} (after filtering the rows you want).",
                "index_not_values",
            )
        return values


def _hashable(x: Any) -> bool:
    """True when ``x`` can go in a set (some learner objects cannot)."""
    try:
        hash(x)
    except Exception:
        return False
    return True
