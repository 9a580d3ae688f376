"""Hypothesis strategies for everything a learner might pass to ``check``.

Plain values of every type, nested containers, numpy arrays, pandas objects
(empty, MultiIndex, categorical, mixed types), lazy and infinite iterables,
callables, objects whose dunder methods raise, huge objects, and, above all,
near misses derived from the expected answer (scaled, rounded, relabelled,
reshaped…), which drive the checkers down their deepest branches.

Ordinary answers (:func:`ordinary_answers`) must never end in an ERROR
status; hostile objects (raising dunders, endless iterators) may, but must
never raise (:func:`assert_handled`).
"""

from __future__ import annotations

import datetime as dt
import decimal
import fractions
import itertools
import json
import math
import numbers
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from hypothesis.extra import pandas as hpd

from brakes.exercises.checking import evaluate
from brakes.exercises.model import Exercise, Load
from brakes.exercises.outcomes import Status


class Boom(Exception):
    """What hostile objects raise."""


def _boom(*args: Any, **kwargs: Any) -> Any:
    raise Boom("hostile")


class EqRaises:
    __eq__ = _boom
    __ne__ = _boom
    __lt__ = _boom
    __gt__ = _boom
    __hash__ = _boom


class LenRaises:
    __len__ = _boom
    __iter__ = _boom
    __getitem__ = _boom
    __contains__ = _boom


class ReprRaises:
    __repr__ = _boom
    __str__ = _boom
    __format__ = _boom


class BoolRaises:
    __bool__ = _boom


class NegativeLen:
    def __len__(self) -> int:
        return -1


class HugeLen:
    def __len__(self) -> int:
        return 2**70


class ArrayRaises:
    __array__ = _boom
    __len__ = lambda self: 3  # noqa: E731
    __getitem__ = _boom


class GetattrRaises:
    def __getattribute__(self, name: str) -> Any:
        raise Boom(name)


class ClassRaises:
    @property  # type: ignore[misc]
    def __class__(self) -> type:
        raise Boom("class")


class FakeReal:
    """Claims to be a real number; every conversion raises."""

    __float__ = _boom
    __int__ = _boom
    __index__ = _boom
    __round__ = _boom
    __abs__ = _boom
    __eq__ = _boom
    __hash__ = _boom
    __lt__ = _boom


numbers.Real.register(FakeReal)


class EvilFloat(float):
    __eq__ = _boom
    __hash__ = _boom
    __repr__ = _boom


class EvilStr(str):
    __eq__ = _boom
    __hash__ = _boom
    strip = _boom
    split = _boom


class EvilInt(int):
    __float__ = _boom
    __eq__ = _boom
    __hash__ = _boom


class EvilSeries(pd.Series):
    """A Series subclass whose comparisons and reindexing raise."""

    __eq__ = _boom
    reindex = _boom

    @property
    def _constructor(self) -> type:
        return EvilSeries


class EvilFrame(pd.DataFrame):
    set_index = _boom
    reset_index = _boom
    stack = _boom


def _method() -> Callable[[], Any]:
    return pd.Series([1.0, 2.0]).mean


#: Objects built to break things (raising dunders, endless iterators): may give ERROR.
HOSTILE_FACTORIES: list[Callable[[], Any]] = [
    EqRaises,
    LenRaises,
    ReprRaises,
    BoolRaises,
    NegativeLen,
    HugeLen,
    ArrayRaises,
    GetattrRaises,
    ClassRaises,
    FakeReal,
    lambda: EvilFloat(0.5),
    lambda: EvilStr("forum"),
    lambda: EvilInt(3),
    lambda: EvilSeries([1.0, 2.0], index=["a", "b"]),
    lambda: EvilFrame({"a": [1, 2]}),
    lambda: itertools.count(),
]

#: Odd but ordinary things a learner may pass: each must get a message, never ERROR.
ODD_FACTORIES: list[Callable[[], Any]] = [
    lambda: (x for x in range(3)),
    lambda: iter([1, 2, 3]),
    lambda: map(str, range(3)),
    lambda: range(10**12),
    lambda: np.zeros(2_000_000),
    lambda: pd.Series(np.arange(300_000)),
    lambda: "x" * 1_000_000,
    lambda: 10**5000,
    lambda: [[[[[]]]]],
    lambda: {"a": {"b": [1, {2, 3}]}},
    _method,
    lambda: len,
    lambda: print,
    lambda: pd.DataFrame,
    lambda: np,
    lambda: Ellipsis.__class__,
    lambda: NotImplemented,
    lambda: object(),
    lambda: type("Weird", (), {})(),
    lambda: pd.NA,
    lambda: pd.NaT,
    lambda: np.datetime64("NaT"),
    lambda: pd.Timestamp("2024-01-01"),
    lambda: pd.Interval(0, 1),
    lambda: pd.Categorical(["a", "b"]),
    lambda: pd.Index([1, "a", None, 2.5]),
    lambda: pd.MultiIndex.from_product([["a", "b"], [1, 2]]),
    lambda: pd.DataFrame(),
    lambda: pd.Series(dtype=float),
    lambda: pd.DataFrame(index=[1, 2]),
    lambda: pd.DataFrame(np.ones((2, 2)), columns=pd.MultiIndex.from_tuples([("a", 1), ("a", 2)])),
    lambda: pd.DataFrame([[1, 2]], columns=["a", "a"]),
    lambda: pd.Series([1, "a", None, 2.5, [1], {"k": 1}]),
    lambda: pd.Series([1, 2], index=[np.nan, np.nan]),
    lambda: pd.Series([[1], [2]]),
    lambda: pd.Series([1, 2], index=pd.Index([(1,), ("a", 2)], tupleize_cols=False)),
    lambda: pd.Series([1 + 2j, 3j]),
    lambda: pd.Series(pd.array([1, None], dtype="Int64")),
    lambda: pd.Series(["a", None], dtype="string"),
    lambda: pd.Series(pd.to_timedelta([1, 2], unit="h")),
    lambda: np.array([[1, 2], [3, 4]]),
    lambda: np.array(["a", 1, None], dtype=object),
    lambda: np.array([], dtype=float),
    lambda: np.float16(1.5),
    lambda: np.bool_(True),
    lambda: np.complex128(1 + 1j),
    lambda: decimal.Decimal("sNaN"),
    lambda: decimal.Decimal("1e999999"),
    lambda: fractions.Fraction(1, 3),
    lambda: dt.timedelta(days=1),
    lambda: b"bytes",
    lambda: bytearray(b"x"),
    lambda: memoryview(b"x"),
    lambda: frozenset({1, "a"}),
    lambda: slice(1, 2),
]


class Deferred:
    """An object made only inside the test (Hypothesis itself must not touch it)."""

    def __init__(self, make: Callable[[], Any], hostile: bool) -> None:
        self.make = make
        self.hostile = hostile

    def __repr__(self) -> str:
        kind = "Hostile" if self.hostile else "Odd"
        return f"{kind}({getattr(self.make, '__name__', 'factory')})"


def materialise(answer: Any) -> Any:
    """The object a drawn answer stands for."""
    return answer.make() if isinstance(answer, Deferred) else answer


def is_hostile(answer: Any) -> bool:
    """A drawn answer built to break things: it may get an ERROR status (never a traceback)."""
    return isinstance(answer, Deferred) and answer.hostile


hostile_objects = st.sampled_from(HOSTILE_FACTORIES).map(lambda make: Deferred(make, True))
odd_objects = st.sampled_from(ODD_FACTORIES).map(lambda make: Deferred(make, False))

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([2**63, -(2**63) - 1, 10**400, -(10**400)]),
    st.floats(),
    st.text(max_size=30),
    st.binary(max_size=10),
    st.complex_numbers(),
    st.decimals(),
    st.fractions(),
    st.datetimes(),
    st.dates(),
    st.sampled_from([math.nan, math.inf, -math.inf, -0.0, pd.NA, pd.NaT, Ellipsis]),
    hnp.from_dtype(np.dtype("int64")),
    hnp.from_dtype(np.dtype("float32")),
    hnp.from_dtype(np.dtype("bool")),
)

hashables = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=10))

containers = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=6),
        st.tuples(children, children),
        st.dictionaries(hashables, children, max_size=5),
        st.sets(hashables, max_size=5),
        st.frozensets(hashables, max_size=5),
    ),
    max_leaves=12,
)

numpy_arrays = st.one_of(
    hnp.arrays(
        st.sampled_from([np.int64, np.float64, np.bool_, np.dtype("U5"), np.complex64]),
        hnp.array_shapes(min_dims=0, max_dims=2, max_side=5),
    ),
    hnp.arrays(np.float64, st.integers(0, 10), elements=st.floats(allow_nan=True)),
)

labels = st.one_of(
    st.sampled_from(["facebook", "forum", "blog", "Forum", "Perle", "Arôme", "twitter", ""]),
    st.text(max_size=8),
    st.integers(-5, 5),
)

pandas_objects = st.one_of(
    hpd.series(dtype=float, index=hpd.indexes(elements=labels, max_size=8)),
    hpd.series(dtype=int, index=hpd.indexes(dtype=int, max_size=8)),
    hpd.series(elements=st.text(max_size=5), dtype=object, index=hpd.range_indexes(max_size=6)),
    hpd.series(dtype=bool, index=hpd.range_indexes(max_size=6)),
    st.lists(labels, max_size=4, unique=True).flatmap(
        lambda names: hpd.data_frames(
            columns=hpd.columns(names, dtype=float), index=hpd.range_indexes(max_size=6)
        )
    ),
    hpd.data_frames(
        columns=[
            hpd.column("channel", elements=labels),
            hpd.column("count", dtype=int),
        ],
        index=hpd.range_indexes(max_size=6),
    ),
    st.builds(
        lambda values, names: pd.Series(
            values,
            index=pd.MultiIndex.from_tuples(
                [(names[i % len(names)], i) for i in range(len(values))],
                names=["channel", "n"],
            ),
        ),
        st.lists(st.floats(allow_nan=True), max_size=6),
        st.lists(labels, min_size=1, max_size=3),
    ),
    st.builds(
        lambda values: pd.Series(pd.Categorical(values)),
        st.lists(st.sampled_from(["negative", "neutral", "positive"]), max_size=6),
    ),
)


def _series_mutations(expected: pd.Series) -> list[Callable[[pd.Series], Any]]:
    return [
        lambda s: s,
        lambda s: s * 100,
        lambda s: s / 100,
        lambda s: s / s.sum() if s.sum() else s,
        lambda s: s.round(0),
        lambda s: s.round(1),
        lambda s: s + 1,
        lambda s: s.sort_values(),
        lambda s: s.sort_values(ascending=False),
        lambda s: s.sort_index(ascending=False),
        lambda s: s.iloc[::-1],
        lambda s: s.iloc[1:],
        lambda s: pd.concat([s, s.iloc[:1]]),
        lambda s: s.rename(index=lambda x: str(x).upper()),
        lambda s: s.rename(index=str),
        lambda s: s.reset_index(),
        lambda s: s.reset_index(drop=True),
        lambda s: s.to_frame(),
        lambda s: s.to_frame().T,
        lambda s: s.astype(str),
        lambda s: s.astype(object),
        lambda s: s.tolist(),
        lambda s: s.to_numpy(),
        lambda s: s.to_dict(),
        lambda s: s.index,
        lambda s: s.sum(),
        lambda s: s.mean(),
        lambda s: s.where(s > s.median()),
        lambda s: s.iloc[:0],
        lambda s: pd.Series(s.to_numpy(), index=pd.MultiIndex.from_arrays([s.index, s.index])),
        lambda s: s.set_axis(pd.CategoricalIndex(s.index)),
        lambda s: pd.Series(s.index.to_numpy(), index=s.to_numpy()),
        lambda s: s.to_frame().assign(extra=1),
        lambda s: s.reset_index().reset_index(),
        lambda s: s.to_frame().reset_index().set_index(s.to_frame().reset_index().columns[0]),
    ]


def _scalar_mutations() -> list[Callable[[Any], Any]]:
    return [
        lambda x: x,
        lambda x: x * 100,
        lambda x: x / 100,
        lambda x: x + 1,
        lambda x: x - 1,
        lambda x: round(x, 2),
        lambda x: round(x),
        lambda x: str(x),
        lambda x: [x],
        lambda x: (x, 5),
        lambda x: pd.Series([x]),
        lambda x: pd.Series([0.1, x], index=["other", "negative"]),
        lambda x: np.array([x]),
        lambda x: -x,
        lambda x: x * 7,
        lambda x: float("nan"),
        lambda x: int(x),
    ]


def _frame_mutations() -> list[Callable[[pd.DataFrame], Any]]:
    return [
        lambda f: f,
        lambda f: f.reset_index(),
        lambda f: f.reset_index(drop=True),
        lambda f: f.iloc[::-1],
        lambda f: f * 100 if all(pd.api.types.is_numeric_dtype(t) for t in f.dtypes) else f,
        lambda f: f.rename(columns=str.upper),
        lambda f: f.iloc[:, :1],
        lambda f: f.iloc[:, 0],
        lambda f: f.T,
        lambda f: f.iloc[1:],
        lambda f: f.astype(str),
        lambda f: f.stack(),
    ]


def near_misses(expected: Any) -> st.SearchStrategy[Any]:
    """Answers derived from the expected one: right, nearly right, or right but reshaped."""
    if isinstance(expected, pd.Series):
        mutations: list[Callable[[Any], Any]] = _series_mutations(expected)
    elif isinstance(expected, pd.DataFrame):
        mutations = _frame_mutations()
    elif isinstance(expected, numbers.Real) and not isinstance(expected, bool):
        mutations = _scalar_mutations()
    else:
        mutations = [lambda x: x, lambda x: str(x).upper(), lambda x: [x], lambda x: None]

    def apply(indexes: list[int]) -> Any:
        value = expected.copy() if hasattr(expected, "copy") else expected
        for i in indexes:
            try:
                value = mutations[i](value)
            except Exception:  # a mutation that does not apply to this value: keep the last
                break
        return value

    return st.lists(st.integers(0, len(mutations) - 1), min_size=1, max_size=3).map(apply)


def ordinary_answers(expected: Any) -> st.SearchStrategy[Any]:
    """What a learner may really pass: near misses and odd values, never built to break."""
    return st.one_of(
        near_misses(expected),
        near_misses(expected),
        odd_objects,
        scalars,
        containers,
        numpy_arrays,
        pandas_objects,
    )


def learner_answers(expected: Any) -> st.SearchStrategy[Any]:
    """Everything at once: ordinary answers, and hostile objects now and then."""
    return st.one_of(ordinary_answers(expected), hostile_objects)


def assert_handled(exercise: Exercise, drawn: Any, load: Load) -> None:
    """The property: evaluating never raises and gives text, HTML and JSON, the same twice.

    Only a hostile object may end in an ERROR status; an ordinary answer,
    however odd, gets a message about the answer.
    """
    answer = materialise(drawn)
    feedback = evaluate(exercise, answer, load)
    assert feedback.status in set(Status)
    if not is_hostile(drawn):
        assert feedback.status is not Status.ERROR, f"{drawn!r}: {feedback.text}"
    assert isinstance(feedback.text, str) and feedback.text
    assert "Traceback" not in feedback.text and " at 0x" not in feedback.text
    json.dumps(feedback.record())
    feedback.html()
    feedback.plain()
    again = evaluate(exercise, answer, load)
    if feedback.status is not Status.ERROR:
        assert again.text == feedback.text
