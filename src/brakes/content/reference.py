"""What the chapters' reference functions share to answer fast: a quicker crosstab, and memory.

Every check computes the expected answer, then the known mistakes, from the
data: that time is what a learner waits for after running a cell.
:func:`crosstab` builds ``pd.crosstab``'s very table in a fraction of its
time; :func:`remembered` keeps what a reference function computed from some
tables until those tables change, for the mistakes that redo the expected
answer's work. The notebooks' solutions still use ``pd.crosstab``: it is the
one to learn.

It sits beside ``chapters/``, not in it: the registry imports the chapters only.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import pandas as pd

from brakes.exercises.model import Load

_NORMALIZERS = {
    "all": lambda table: table / table.sum(axis=1).sum(axis=0),
    "columns": lambda table: table / table.sum(),
    "index": lambda table: table.div(table.sum(axis=1), axis=0),
}


def crosstab(
    index: pd.Series,
    columns: pd.Series,
    values: pd.Series | None = None,
    normalize: bool | str = False,
) -> pd.DataFrame:
    """``pd.crosstab(index, columns[, values, aggfunc="sum"], normalize=normalize)``, faster.

    The same frame (labels, order, dtypes, values): ``pd.crosstab`` goes through
    ``pivot_table``, about 10 ms even on a small table, where counting with
    ``groupby`` takes about 1. ``index``, ``columns`` and ``values`` are named
    columns of one table. A pair never seen counts 0, or is NaN when ``values``
    are summed, as with pandas.
    """
    keys = [index, columns]
    if values is None:
        grouped = index.groupby(keys, observed=True).size().unstack(fill_value=0)
    else:
        grouped = values.groupby(keys, observed=True).sum().unstack()
    table = grouped.sort_index(axis=1)  # unstack may leave the columns unsorted; pandas sorts
    if normalize is not False:
        table = _NORMALIZERS["all" if normalize is True else normalize](table).fillna(0)
    return table


Result = TypeVar("Result")

#: The last version of each table a remembered function read: one copy shared by all of them.
_last_tables: dict[str, pd.DataFrame] = {}
_lock = threading.Lock()


def _known(name: str, table: pd.DataFrame) -> pd.DataFrame:
    """The copy of table ``name`` already kept if equal to ``table``, else a new copy, kept.

    Kept copies are never handed out (functions read copies of them), so two of
    them hold the same data exactly when they are the same object.
    """
    with _lock:
        kept = _last_tables.get(name)
        if kept is None or not _same(table, kept):
            kept = _last_tables[name] = table.copy()
        return kept


@dataclass(frozen=True)
class _Memory:
    """The tables a function last read, and its results on them, by the options it was given."""

    tables: dict[str, pd.DataFrame]
    results: dict[Hashable, Any] = field(default_factory=dict)

    def holds(self, tables: dict[str, pd.DataFrame]) -> bool:
        return all(self.tables[name] is table for name, table in tables.items())


def remembered(
    *names: str,
) -> Callable[[Callable[..., Result]], Callable[..., Result]]:
    """Remember what ``function(load, *options)`` computed until the tables ``names`` change.

    Several known mistakes redo the expected answer's work (2.22's "days, not
    weeks" is the expected answer times 7), so one check would compute it
    again for each. The function may read only the tables ``names``; its
    results are kept, by options, for the last tables it read, and given again
    (as copies) while ``load`` returns equal tables. Tables are compared by
    value, never by identity: another seed, data folder or edited table
    computes afresh.
    """

    def decorate(function: Callable[..., Result]) -> Callable[..., Result]:
        last: list[_Memory] = []  # at most one: the tables last read

        def read(tables: dict[str, pd.DataFrame]) -> Load:
            def load(name: str) -> pd.DataFrame:
                if name not in tables:
                    raise ValueError(
                        f"{function.__qualname__} reads table {name!r}: "
                        f"add it to its @remembered({', '.join(map(repr, names))})"
                    )
                return tables[name].copy()

            return load

        @functools.wraps(function)
        def remembering(load: Load, *args: Hashable, **kwargs: Hashable) -> Result:
            tables = {name: _known(name, load(name)) for name in names}
            with _lock:
                if not (last and last[0].holds(tables)):
                    last[:] = [_Memory(tables)]
                memory = last[0]
            options = (args, tuple(sorted(kwargs.items())))
            if options not in memory.results:
                memory.results[options] = function(read(tables), *args, **kwargs)
            return _copy(memory.results[options])

        return remembering

    return decorate


def _same(table: pd.DataFrame, other: pd.DataFrame) -> bool:
    """Equal labels, dtypes and values (missing values equal), labels of the same dtype too."""
    return (
        table.equals(other)
        and table.index.dtype == other.index.dtype
        and table.columns.dtype == other.columns.dtype
    )


def _copy(value: Any) -> Any:
    """A copy the caller may change without changing what is remembered."""
    if isinstance(value, pd.Series | pd.DataFrame):
        return value.copy()
    if isinstance(value, tuple):
        return tuple(_copy(item) for item in value)
    return value
