"""The learner's answers, carried out of a kernel as plain data for the grader to judge itself.

When a submission's cells have run, the worker asks its kernel for each
exercise's answer variable (:func:`extraction_code`, which calls
:func:`show_answers` there). The kernel answers with JSON in a small tagged
format, never pickle: the grader rebuilds values (:func:`read_answers`) and
judges them with its own checks, so nothing the learner's kernel computes is
a verdict. Whatever the kernel sends is data: a forged answer is no more than
an answer the learner could have assigned.

Each value is an object with a tag ``t``:

* ``none``, ``ellipsis`` (the unfilled ``...``), ``bool`` (``v``), ``int``
  and ``float`` (``v`` as text: exact, and NaN or infinity survive),
  ``str`` (``v``), ``decimal`` and ``fraction`` (``v`` as text);
* ``np``: a numpy scalar, ``dtype`` (booleans, integers, floats) and ``v``;
* ``list``, ``tuple``, ``set`` (``items``), ``dict`` (``items``: key–value pairs);
* ``timestamp`` (``v`` ISO text, ``unit``, ``tz``), ``nat``, ``na``,
  ``period`` (``ordinal``, ``freq``), ``timedelta`` (``v`` in nanoseconds);
* ``ndarray`` (``shape`` and an *array*), ``series`` (``name``, ``index``,
  ``values``), ``frame`` (``index``, ``columns``, ``data``: one array per
  column), ``index`` (``name`` and an array, or ``range``: ``start``,
  ``stop``, ``step``; ``multi``: ``names`` and one array per level;
  ``freq`` for dates);
* ``opaque``: what the format does not carry (``type``, ``kind``, ``name``,
  ``why``); the grader stands in an object of that type's name, so the
  checkers still answer with what it is ("a function", "a DataFrame").

An *array* is ``{"dtype": …, "values": [tagged values…]}``, plus
``categories`` (an array) and ``ordered`` for a categorical. A value larger
than the room left under the cap, or nested deeper than :data:`MAX_DEPTH`,
goes as ``opaque`` with the reason.

This module is imported in the learner's kernel: at the top it imports only
the standard library, and it reads pandas and numpy from ``sys.modules``
there (an answer can only be a pandas object if pandas is loaded).
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
import types
from collections.abc import Iterable, Sequence
from typing import Any

#: The MIME type of the one display the extraction sends back.
ANSWERS_MIME = "application/vnd.brakes.answers+json"
#: Containers nested deeper than this are not carried.
MAX_DEPTH = 8
#: The longest range index rebuilt (a range is three numbers in the format, but not in memory).
MAX_RANGE = 1_000_000
#: Bytes kept aside per answer for its ``opaque`` stand-in (names are cut to 60 characters).
OPAQUE_BYTES = 300
#: Bytes an element costs at least in the format: a container longer than the room / this is
#: refused before it is walked.
ELEMENT_BYTES = 8

Tagged = dict[str, Any]


class TooBig(Exception):
    """The value does not fit in what is left of the cap."""


class _Budget:
    """Bytes still allowed, roughly counted as values are encoded."""

    def __init__(self, cap: int) -> None:
        self.left = cap

    def take(self, size: int) -> None:
        self.left -= size
        if self.left < 0:
            raise TooBig


# ---------------------------------------------------------------------------
# In the kernel: encoding
# ---------------------------------------------------------------------------


def _type_name(value: Any) -> str:
    """The name of the value's type, read from the type (never the value's own attributes)."""
    name = type.__getattribute__(type(value), "__name__")
    return name if isinstance(name, str) else "object"


def _opaque(value: Any, why: str = "") -> Tagged:
    """What the format does not carry: its type's name, and for callables their own name."""
    tagged: Tagged = {"t": "opaque", "type": _type_name(value)[:60], "why": why}
    if isinstance(value, types.FunctionType | types.BuiltinFunctionType | types.MethodType):
        kind = "method" if isinstance(value, types.MethodType) else "function"
        name = getattr(value, "__name__", "")
        tagged.update(kind=kind, name=name[:60] if isinstance(name, str) else "")
    elif isinstance(value, type):
        name = type.__getattribute__(value, "__name__")
        tagged.update(kind="type", name=name[:60] if isinstance(name, str) else "")
    elif isinstance(value, types.GeneratorType):
        tagged["kind"] = "generator"
    return tagged


def _sized(length: int, budget: _Budget) -> None:
    """Refuse a container before walking it when its elements cannot fit."""
    budget.take(length * ELEMENT_BYTES)


def encode(value: Any, budget: _Budget, depth: int = 0) -> Tagged:
    """``value`` in the tagged format; raises :class:`TooBig` when it does not fit."""
    if depth > MAX_DEPTH:
        return _opaque(value, f"nested more than {MAX_DEPTH} levels deep")
    kind = type(value)
    budget.take(16)
    if value is None:
        return {"t": "none"}
    if value is Ellipsis:
        return {"t": "ellipsis"}
    if kind is bool:
        return {"t": "bool", "v": value}
    if kind is int:
        text = str(value)  # a number too long for text raises ValueError: opaque
        budget.take(len(text))
        return {"t": "int", "v": text}
    if kind is float:
        return {"t": "float", "v": repr(value)}
    if kind is str:
        budget.take(len(value) + 2)
        return {"t": "str", "v": value}
    if kind in (list, tuple, set, frozenset):
        _sized(len(value), budget)
        name = "list" if kind is list else "tuple" if kind is tuple else "set"
        return {"t": name, "items": [encode(item, budget, depth + 1) for item in value]}
    if kind is dict:
        _sized(2 * len(value), budget)
        pairs = [
            [encode(k, budget, depth + 1), encode(v, budget, depth + 1)] for k, v in value.items()
        ]
        return {"t": "dict", "items": pairs}
    tagged = _encode_library(value, budget, depth)
    return tagged if tagged is not None else _opaque(value)


def _encode_library(value: Any, budget: _Budget, depth: int) -> Tagged | None:
    """Numbers of the standard library, numpy and pandas values; None for anything else."""
    kind = type(value)
    module = type.__getattribute__(kind, "__module__")
    if module in ("decimal", "_decimal", "fractions") and _type_name(value) in (
        "Decimal",
        "Fraction",
    ):
        return {"t": _type_name(value).lower(), "v": str(value)}
    np = sys.modules.get("numpy")
    if np is not None and module == "numpy":
        if kind is np.ndarray:
            _sized(value.size, budget)
            return {
                "t": "ndarray",
                "shape": list(value.shape),
                "values": _encode_array(value.ravel(), value.dtype, budget, depth),
            }
        if isinstance(value, np.bool_ | np.integer | np.floating):
            return {"t": "np", "dtype": value.dtype.name, "v": encode(value.item(), budget)}
    pd = sys.modules.get("pandas")
    if pd is None or not module.startswith("pandas"):
        return None
    if kind is pd.Series:
        _sized(len(value), budget)
        return {
            "t": "series",
            "name": encode(value.name, budget, depth + 1),
            "index": _encode_index(value.index, budget, depth),
            "values": _encode_array(value.array, value.dtype, budget, depth),
        }
    if kind is pd.DataFrame:
        _sized(value.size, budget)
        return {
            "t": "frame",
            "index": _encode_index(value.index, budget, depth),
            "columns": _encode_index(value.columns, budget, depth),
            "data": [
                _encode_array(value.iloc[:, i].array, value.dtypes.iloc[i], budget, depth)
                for i in range(value.shape[1])
            ],
        }
    indexes = (pd.Index, pd.RangeIndex, pd.MultiIndex, pd.CategoricalIndex)
    if kind in (*indexes, pd.DatetimeIndex, pd.PeriodIndex, pd.TimedeltaIndex):
        return _encode_index(value, budget, depth)
    return _encode_pandas_scalar(value, pd)


def _encode_pandas_scalar(value: Any, pd: Any) -> Tagged | None:
    """A timestamp, period, time span or missing marker of pandas; None for anything else."""
    kind = type(value)
    if value is pd.NaT:
        return {"t": "nat"}
    if value is pd.NA:
        return {"t": "na"}
    if kind is pd.Timestamp:
        return {
            "t": "timestamp",
            "v": value.isoformat(),
            "unit": value.unit,
            "tz": str(value.tz) if value.tz is not None else None,
        }
    if kind is pd.Period:
        return {"t": "period", "ordinal": value.ordinal, "freq": value.freqstr}
    if kind is pd.Timedelta:
        return {"t": "timedelta", "v": str(value.value)}
    return None


def _encode_array(values: Any, dtype: Any, budget: _Budget, depth: int) -> Tagged:
    """An array's dtype and its values, one tagged value each (a categorical's categories too)."""
    _sized(len(values), budget)
    tagged: Tagged = {
        "dtype": str(dtype),
        "values": [encode(item, budget, depth + 1) for item in values.tolist()],
    }
    categories = getattr(dtype, "categories", None)
    if str(dtype) == "category" and categories is not None:
        tagged["categories"] = _encode_array(categories.array, categories.dtype, budget, depth)
        tagged["ordered"] = bool(dtype.ordered)
    return tagged


def _encode_index(index: Any, budget: _Budget, depth: int) -> Tagged:
    """An index with its name(s): a range as its bounds, a multi-index level by level."""
    pd = sys.modules["pandas"]
    if type(index) is pd.RangeIndex:
        return {
            "t": "index",
            "range": [index.start, index.stop, index.step],
            "name": encode(index.name, budget, depth + 1),
        }
    if type(index) is pd.MultiIndex:
        return {
            "t": "index",
            "names": [encode(name, budget, depth + 1) for name in index.names],
            "multi": [
                _encode_array(level.array, level.dtype, budget, depth)
                for level in (index.get_level_values(i) for i in range(index.nlevels))
            ],
        }
    tagged = {
        "t": "index",
        "name": encode(index.name, budget, depth + 1),
        "values": _encode_array(index.array, index.dtype, budget, depth),
    }
    freq = getattr(index, "freqstr", None) if type(index) is pd.DatetimeIndex else None
    if isinstance(freq, str):
        tagged["freq"] = freq
    return tagged


def encode_answers(namespace: dict[str, Any], names: Iterable[str], cap: int) -> dict[str, Tagged]:
    """The tagged value of each name the namespace holds, all within ``cap`` bytes of JSON.

    A value that does not fit in what is left, or that cannot be read at all,
    goes as ``opaque`` with the reason (room for those is kept aside from the
    start); a name the namespace lacks is left out.
    """
    names = [name for name in names if name in namespace]
    budget = _Budget(cap - OPAQUE_BYTES * len(names))
    answers: dict[str, Tagged] = {}
    for name in names:
        value = namespace[name]
        try:
            tagged = encode(value, _Budget(budget.left))
            size = len(json.dumps(tagged))
            if size > budget.left:
                raise TooBig
            budget.left -= size
        except TooBig:
            tagged = _opaque(value, "too big to re-check")
        except (Exception, RecursionError) as error:  # the learner's object broke as it was read
            tagged = _opaque(value, f"could not be read ({type(error).__name__})")
        answers[name] = tagged
    return answers


def show_answers(namespace: dict[str, Any], names: Sequence[str], cap: int) -> None:
    """Display the answers as one JSON record: what the worker reads back (run in the kernel)."""
    from IPython.display import display

    payload = json.dumps(encode_answers(namespace, names, cap))
    display({ANSWERS_MIME: payload}, raw=True)


def extraction_code(names: Sequence[str], cap: int) -> str:
    """The code the worker runs in the kernel once the notebook's cells are done."""
    module = "brakes.trainer.grading.answers"
    return (
        f"__import__({module!r}, fromlist=['show_answers'])"
        f".show_answers(globals(), {sorted(names)!r}, {int(cap)})"
    )


# ---------------------------------------------------------------------------
# In the grader: decoding
# ---------------------------------------------------------------------------


class Opaque:
    """Stands for an object the format does not carry; its class bears the original type's name."""

    why: str = ""

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"


class Unreadable(ValueError):
    """A tagged value that breaks the format (a forged or truncated payload)."""


_NAME = re.compile(r"[^0-9A-Za-z_]")
_NUMPY_KINDS = {"b", "i", "u", "f"}


def _safe_name(text: Any, default: str) -> str:
    name = _NAME.sub("_", text)[:60] if isinstance(text, str) else ""
    return name if name.isidentifier() else default


def _stand_in_function(name: str) -> Any:
    def stand_in(*args: Any, **kwargs: Any) -> Any:
        raise TypeError("a stand-in for the learner's function: it cannot be called")

    stand_in.__name__ = stand_in.__qualname__ = name
    return stand_in


def _stand_in(tagged: Tagged) -> Any:
    """An object of the original type's name (a callable, a type or a generator when it was one)."""
    kind, name = tagged.get("kind"), _safe_name(tagged.get("name"), "unknown")
    if kind == "function":
        return _stand_in_function(name)
    if kind == "method":
        return types.MethodType(_stand_in_function(name), Opaque())
    if kind == "type":
        return type(name, (), {})
    if kind == "generator":
        nothing: tuple[Any, ...] = ()
        return (item for item in nothing)
    stand_in = type(_safe_name(tagged.get("type"), "object"), (Opaque,), {})()
    why = tagged.get("why")
    stand_in.why = why if isinstance(why, str) else ""
    return stand_in


def decode(tagged: Any, depth: int = 0) -> Any:
    """The value a tagged object stands for; raises :class:`Unreadable` for anything malformed."""
    if not isinstance(tagged, dict) or depth > 3 * MAX_DEPTH:
        raise Unreadable("not a tagged value")
    tag = tagged.get("t")
    simple = {"none": None, "ellipsis": Ellipsis}
    if tag in simple:
        return simple[tag]
    value = tagged.get("v")
    if tag == "bool" and isinstance(value, bool):
        return value
    if tag == "int" and isinstance(value, str):
        return int(value)
    if tag == "float" and isinstance(value, str):
        return float(value)
    if tag == "str" and isinstance(value, str):
        return value
    if tag in ("list", "tuple", "set", "dict"):
        items = tagged.get("items")
        if not isinstance(items, list):
            raise Unreadable(f"a {tag} without items")
        if tag == "dict":
            return {decode(k, depth + 1): decode(v, depth + 1) for k, v in _pairs(items)}
        decoded = [decode(item, depth + 1) for item in items]
        return {"list": list, "tuple": tuple, "set": set}[tag](decoded)
    if tag == "opaque":
        return _stand_in(tagged)
    return _decode_library(tagged, depth)


def _pairs(items: list[Any]) -> list[tuple[Any, Any]]:
    if not all(isinstance(pair, list) and len(pair) == 2 for pair in items):
        raise Unreadable("a dict whose items are not pairs")
    return [(key, value) for key, value in items]


def _decode_library(tagged: Tagged, depth: int) -> Any:
    """Numbers of the standard library, numpy and pandas values."""
    import decimal
    import fractions

    import numpy as np
    import pandas as pd

    tag, value = tagged.get("t"), tagged.get("v")
    if tag == "decimal" and isinstance(value, str):
        return decimal.Decimal(value)
    if tag == "fraction" and isinstance(value, str):
        return fractions.Fraction(value)
    if tag == "np":
        dtype = np.dtype(str(tagged.get("dtype")))
        if dtype.kind not in _NUMPY_KINDS:
            raise Unreadable(f"a numpy scalar of dtype {dtype}")
        return dtype.type(decode(value, depth + 1))
    if tag in ("nat", "na"):
        return pd.NaT if tag == "nat" else pd.NA
    if tag == "timestamp" and isinstance(value, str):
        stamp = pd.Timestamp(value).as_unit(str(tagged.get("unit")))
        zone = tagged.get("tz")
        return stamp.tz_convert(zone) if isinstance(zone, str) else stamp
    if tag == "period":
        return pd.Period(ordinal=int(tagged["ordinal"]), freq=str(tagged["freq"]))
    if tag == "timedelta" and isinstance(value, str):
        return pd.Timedelta(int(value))
    if tag == "ndarray":
        shape = tagged.get("shape")
        if not isinstance(shape, list) or not all(isinstance(n, int) for n in shape):
            raise Unreadable("an array without a shape")
        return np.asarray(_decode_array(tagged.get("values"), depth)).reshape(shape)
    if tag == "index":
        return _decode_index(tagged, depth)
    if tag == "series":
        return pd.Series(
            _decode_array(tagged.get("values"), depth),
            index=_decode_index(tagged.get("index"), depth),
            name=decode(tagged.get("name"), depth + 1),
        )
    if tag == "frame":
        columns = tagged.get("data")
        if not isinstance(columns, list):
            raise Unreadable("a frame without columns")
        arrays = [_decode_array(column, depth) for column in columns]
        frame = pd.DataFrame(
            dict(enumerate(arrays)), index=_decode_index(tagged.get("index"), depth)
        )
        frame.columns = _decode_index(tagged.get("columns"), depth)
        return frame
    raise Unreadable(f"an unknown tag {str(tag)[:20]!r}")


def _decode_array(tagged: Any, depth: int) -> Any:
    """A pandas array (or a numpy array of objects) from its dtype and values."""
    import numpy as np
    import pandas as pd

    if not isinstance(tagged, dict) or not isinstance(tagged.get("values"), list):
        raise Unreadable("an array without values")
    values = [decode(item, depth + 1) for item in tagged["values"]]
    dtype = str(tagged.get("dtype"))
    if "categories" in tagged:
        categories = _decode_array(tagged["categories"], depth)
        return pd.Categorical(values, categories=categories, ordered=bool(tagged.get("ordered")))
    if dtype == "object":
        array = np.empty(len(values), dtype=object)
        array[:] = values
        return array
    return pd.array(values, dtype=dtype)


def _decode_index(tagged: Any, depth: int) -> Any:
    """An index: a range, a multi-index from its levels, or labels of a dtype (dates keep freq)."""
    import pandas as pd

    if not isinstance(tagged, dict) or tagged.get("t") != "index":
        raise Unreadable("not an index")
    if "range" in tagged:
        start, stop, step = (int(n) for n in tagged["range"])
        if len(range(start, stop, step)) > MAX_RANGE:
            raise Unreadable("a range index longer than any answer")
        return pd.RangeIndex(start, stop, step, name=decode(tagged.get("name"), depth + 1))
    if "multi" in tagged:
        names = [decode(name, depth + 1) for name in tagged.get("names", [])]
        levels = [_decode_array(level, depth) for level in tagged["multi"]]
        return pd.MultiIndex.from_arrays(levels, names=names)
    index = pd.Index(
        _decode_array(tagged.get("values"), depth), name=decode(tagged.get("name"), depth + 1)
    )
    freq = tagged.get("freq")
    if isinstance(freq, str) and isinstance(index, pd.DatetimeIndex):
        with contextlib.suppress(ValueError):  # the dates do not follow it: keep them without
            index = pd.DatetimeIndex(index, freq=freq)
    return index


def read_answers(payload: str) -> tuple[dict[str, Any], dict[str, str]]:
    """The answers a kernel sent, rebuilt, by variable name; and why any could not be.

    Never raises: a payload that is not the format gives no answers, and a
    value that breaks it is left out with the reason (the row then says so).
    """
    if not payload:
        return {}, {}
    try:
        tagged = json.loads(payload)
    except (ValueError, RecursionError):
        return {}, {}
    if not isinstance(tagged, dict):
        return {}, {}
    answers: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for name, value in tagged.items():
        try:
            answers[name] = decode(value)
        except (Exception, RecursionError) as error:  # a forged or broken value: this one only
            problems[name] = f"{type(error).__name__}: {str(error)[:120]}"
    return answers, problems
