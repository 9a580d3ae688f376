"""What an answer is judged against: the expected answer's shape and the keys of its values.

A checker never compares a learner's number with the expected number itself:
it compares their *keys* (:func:`~brakes.exercises.checkers.numeric.number_key`,
the canonical text of a number under the course's precision rule). A
:class:`Target` holds the expected answer's shape (its type, labels, columns,
dtypes) and, per Series or column, the keys of its values and of the few
transformed expected values the slips need (rounded to d decimals, normalised
by the total, the total). Keys pass through a :data:`Sealer`: in the course it
is the identity (keys in clear); in a workshop kit it is a salted hash
(:mod:`brakes.exercises.sealed`). Either way the checker code that judges and
words a verdict is the same, so a sealed verdict equals the course's.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

import numpy as np
import pandas as pd

from brakes.exercises.checkers.numeric import (
    ROUNDINGS,
    answer_keys,
    decimal_key,
    half_up_key,
    number_key,
)
from brakes.exercises.wording import is_number

#: The derived keys of expected values rounded half up (12.25 → 12.3), where the own key
#: rounds a half as Python and pandas do (12.25 → 12.2): a learner may do either.
TIE = "tie"


class Sealer(Protocol):
    """How a key is stored: ``slot`` says where it sits (column, transform, position)."""

    def __call__(self, slot: str, key: str) -> str: ...


def clear(slot: str, key: str) -> str:
    """The course's sealer: keys stay in clear."""
    return key


@dataclass(frozen=True)
class Salted:
    """A workshop kit's sealer: a salted SHA-256 of the key, its slot and the exercise."""

    salt: str
    exercise_id: str

    def __call__(self, slot: str, key: str) -> str:
        text = "\x1f".join((self.salt, self.exercise_id, slot, key))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class Kind(StrEnum):
    """How the values of a Series, a column or a single answer are keyed."""

    COUNT = "count"  # whole numbers (integer dtype, or a checker declaring a count): exact
    NUMBER = "number"  # other numbers: to the course's precision
    LABEL = "label"  # text, yes/no, dates: as written
    FOLDED = "folded"  # text where case does not matter


def label_text(value: Any) -> str:
    """A label or non-numeric value as text: tuples joined, timestamps as dates, NA as one word."""
    if isinstance(value, tuple):
        return " | ".join(label_text(part) for part in value)
    if isinstance(value, pd.Timestamp | np.datetime64):
        stamp = pd.Timestamp(value)
        if pd.isna(stamp):
            return "<missing>"
        return stamp.strftime("%Y-%m-%d" if stamp == stamp.normalize() else "%Y-%m-%d %H:%M:%S")
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return "<missing>"
    return str(value)


def _as_float(value: Any) -> float:
    if not is_number(value):
        return math.nan
    try:
        return float(value)
    except (TypeError, ValueError, OverflowError, ArithmeticError):
        return math.nan


def keys_of(value: Any, kind: Kind, decimals: int | None = None) -> set[str]:
    """The keys a learner's value may match under ``kind`` (numbers get the nudged ones)."""
    if kind in (Kind.COUNT, Kind.NUMBER):
        if not is_number(value) and not _missing(value):
            return set()
        return answer_keys(_as_float(value), exact=kind is Kind.COUNT, decimals=decimals)
    if is_number(value) and not isinstance(value, bool | np.bool_):
        return set()  # a number where text was expected is never the same label
    text = label_text(value)
    return {text.casefold() if kind is Kind.FOLDED else text}


def _missing(value: Any) -> bool:
    try:
        return bool(pd.api.types.is_scalar(value) and pd.isna(value))
    except (TypeError, ValueError):
        return False


def _own_key(value: Any, kind: Kind, decimals: int | None = None) -> str:
    """The one key of an expected value."""
    if kind in (Kind.COUNT, Kind.NUMBER):
        return number_key(_as_float(value), exact=kind is Kind.COUNT, decimals=decimals)
    text = label_text(value)
    return text.casefold() if kind is Kind.FOLDED else text


@dataclass(frozen=True)
class Values:
    """The expected values of one Series, column or single answer, as stored keys.

    ``keys`` holds one stored key per value, in the expected order; ``derived``
    the stored keys of transformed expected values, by transform name
    (``rounded:2``, ``normalised``, ``total``, ``folded``, :data:`TIE`). ``where`` is part
    of every slot, so equal values in two columns do not hash alike. ``decimals`` is the
    precision the exercise asks for (see :func:`~brakes.exercises.checkers.numeric.number_key`).
    ``anchors`` hold each expected number so that a wrong one can be called too high
    or too low (:meth:`directions`), never how far: in clear in the course, masked
    with the kit's salt in a workshop file (read only by code, like the hashes).
    """

    kind: Kind
    keys: tuple[str, ...]
    derived: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    where: str = ""
    sealer: Sealer = clear
    decimals: int | None = None
    anchors: tuple[str, ...] = ()

    @classmethod
    def of(
        cls, values: Iterable[Any], kind: Kind, where: str = "", decimals: int | None = None
    ) -> Values:
        """The keys of ``values`` and of their transforms, in clear."""
        items = list(values)
        keys = [_own_key(v, kind, decimals) for v in items]
        derived: dict[str, tuple[str, ...]] = {}
        if kind in (Kind.COUNT, Kind.NUMBER):
            floats = np.array([_as_float(v) for v in items], dtype=float)
            derived.update(_transforms(floats, kind, decimals))
        elif kind is Kind.LABEL:
            derived["folded"] = tuple(key.casefold() for key in keys)
        anchors = (
            tuple(repr(_as_float(v)) for v in items) if kind in (Kind.COUNT, Kind.NUMBER) else ()
        )
        return cls(kind, tuple(keys), derived, where, decimals=decimals, anchors=anchors)

    def sealed(self, sealer: Sealer) -> Values:
        """The same values with every key passed through ``sealer`` (a kit's salted hash)."""
        derived = {
            name: tuple(sealer(_slot(self.where, name, i), key) for i, key in enumerate(keys))
            for name, keys in self.derived.items()
        }
        keys = tuple(sealer(_slot(self.where, "", i), key) for i, key in enumerate(self.keys))
        anchors = tuple(
            _mask(sealer, _slot(self.where, ANCHOR, i), text) for i, text in enumerate(self.anchors)
        )
        return Values(self.kind, keys, derived, self.where, sealer, self.decimals, anchors)

    def directions(self, answers: Any) -> list[str]:
        """Element-wise: "too high", "too low" or "" (unknown) for each answer number."""
        items = [_as_float(a) for a in np.ravel(np.asarray(answers, dtype=object))]
        if not self.anchors or len(self.anchors) not in (1, len(items)):
            return [""] * len(items)
        found = []
        for i, answer in enumerate(items):
            position = 0 if len(self.anchors) == 1 else i
            slot = _slot(self.where, ANCHOR, position)
            expected = float(_unmask(self.sealer, slot, self.anchors[position]))
            if not (math.isfinite(answer) and math.isfinite(expected)) or answer == expected:
                found.append("")
            else:
                found.append("too high" if answer > expected else "too low")
        return found

    @property
    def exact(self) -> bool:
        """Whole numbers: compared exactly, never rescaled."""
        return self.kind is Kind.COUNT

    @property
    def numeric(self) -> bool:
        """Numbers (not labels)."""
        return self.kind in (Kind.COUNT, Kind.NUMBER)

    @property
    def size(self) -> int:
        """How many values."""
        return len(self.keys)

    def matches(self, answers: Any, transform: str = "") -> np.ndarray:
        """Element-wise: does each answer match its expected value (or its ``transform``)?

        A single expected value is matched by every answer (the answer may be
        a container searched for it). Answers of a transform are keyed as
        numbers, or (``rounded:d``) written with d decimals.
        """
        stored = self.keys if not transform else self.derived.get(transform, ())
        items = list(np.ravel(np.asarray(answers, dtype=object)))
        if not stored or (len(stored) != 1 and len(stored) != len(items)):
            return np.zeros(len(items), dtype=bool)
        found = []
        # An expected value on a half (12.25 to one decimal) may be rounded either way.
        ties = self.derived.get(TIE, ()) if not transform else ()
        for i, answer in enumerate(items):
            position = 0 if len(stored) == 1 else i
            slot = _slot(self.where, transform, position)
            keys = self._answer_keys(answer, transform)
            hit = any(self.sealer(slot, key) == stored[position] for key in keys)
            if not hit and ties:
                tie_slot = _slot(self.where, TIE, position)
                hit = any(self.sealer(tie_slot, key) == ties[position] for key in keys)
            found.append(hit)
        return np.array(found, dtype=bool)

    def _answer_keys(self, answer: Any, transform: str) -> set[str]:
        if transform.startswith("rounded:"):
            return {decimal_key(_as_float(answer), int(transform.split(":")[1]))}
        if transform == "normalised":
            return answer_keys(_as_float(answer), exact=False)
        if transform == "total":
            return answer_keys(_as_float(answer), exact=False, decimals=self.decimals)
        if transform == "folded":
            return {key.casefold() for key in keys_of(answer, self.kind)}
        return keys_of(answer, self.kind, self.decimals)

    def to_json(self) -> dict[str, Any]:
        """The stored keys as plain data (a kit's workshop file)."""
        return {
            "kind": str(self.kind),
            "keys": list(self.keys),
            "derived": dict(self.derived),
            "decimals": self.decimals,
            "anchors": list(self.anchors),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any], where: str, sealer: Sealer) -> Values:
        """Values a :meth:`to_json` describes, matched through ``sealer``."""
        derived = {name: tuple(keys) for name, keys in data["derived"].items()}
        kind, keys = Kind(data["kind"]), tuple(data["keys"])
        anchors = tuple(data.get("anchors", ()))
        return cls(kind, keys, derived, where, sealer, data.get("decimals"), anchors)


def _slot(where: str, transform: str, position: int) -> str:
    return f"{where}\x1f{transform}\x1f{position}"


#: The slot name of an anchor's mask.
ANCHOR = "anchor"
#: The length of a masked anchor (a float's repr has at most 24 characters).
ANCHOR_BYTES = 32


def _pad(sealer: Sealer, slot: str, size: int) -> bytes:
    """``size`` bytes drawn from the sealer's keyed hashes of ``slot``."""
    pad = b""
    block = 0
    while len(pad) < size:
        pad += hashlib.sha256(sealer(slot, f"pad{block}").encode("utf-8")).digest()
        block += 1
    return pad[:size]


def _mask(sealer: Sealer, slot: str, text: str) -> str:
    """An anchor as stored: in clear for the course's sealer, else XOR-ed with a keyed pad."""
    if sealer is clear:
        return text
    # One length for every anchor, so its size says nothing and its hex reads as a hash.
    data = text.encode("utf-8").ljust(ANCHOR_BYTES)
    return bytes(a ^ b for a, b in zip(data, _pad(sealer, slot, len(data)), strict=True)).hex()


def _unmask(sealer: Sealer, slot: str, stored: str) -> str:
    """The anchor :func:`_mask` stored."""
    if sealer is clear:
        return stored
    data = bytes.fromhex(stored)
    pad = _pad(sealer, slot, len(data))
    return bytes(a ^ b for a, b in zip(data, pad, strict=True)).decode().rstrip()


def _transforms(
    values: np.ndarray, kind: Kind, decimals: int | None = None
) -> dict[str, tuple[str, ...]]:
    """Keys of the expected values as the numeric slips transform them.

    Rounded to d decimals (a learner rounding too far), normalised by the
    total (shares given for counts), the total (one number for a Series), and
    rounded half up (:data:`TIE`).
    """
    found: dict[str, tuple[str, ...]] = {}
    finite = bool(values.size) and bool(np.all(np.isfinite(values)))
    if kind is Kind.NUMBER:
        # A learner rounding more than the precision asked for (any rounding, without one);
        # np.round once per array: a check computes these often.
        for places in ROUNDINGS if decimals is None else range(decimals):
            rounded = np.round(values, places).tolist()
            found[f"rounded:{places}"] = tuple(decimal_key(v, places) for v in rounded)
    if finite and values.size > 1:
        total = float(values.sum())
        found["total"] = (number_key(total, exact=False, decimals=decimals),)
        if kind is Kind.COUNT and total > 0:
            found["normalised"] = tuple(number_key(v / total, exact=False) for v in values)
    if kind is Kind.NUMBER and decimals is not None:
        found[TIE] = tuple(half_up_key(v, decimals) for v in values.tolist())
    return found


def kind_of(series: pd.Series, exact: bool = False) -> Kind:
    """How a Series' values are keyed: its dtype says whole numbers, numbers or labels."""
    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype) or not pd.api.types.is_numeric_dtype(dtype):
        return Kind.LABEL
    if exact or pd.api.types.is_integer_dtype(dtype):
        return Kind.COUNT
    return Kind.NUMBER


@dataclass(frozen=True)
class Target:
    """The expected answer as a checker sees it: its shape, and the keys of its values.

    ``shape`` is the expected answer itself in the course, and in a kit a
    stand-in with the same type, labels, columns and dtypes whose values mean
    nothing: checkers read labels and dtypes from it, never values. ``values``
    are the keys of a single answer or a Series; ``columns`` those of a frame.
    """

    shape: Any
    values: Values | None = None
    columns: Mapping[str, Values] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        expected: Any,
        *,
        exact: bool = False,
        kind: Kind | None = None,
        decimals: int | None = None,
    ) -> Target | None:
        """The target of an expected value; None for a value no check compares (a tuple…).

        ``exact`` is the checker's declaration that the values are counts;
        otherwise the dtype says so (an integer Series, an int). ``decimals`` is
        the precision the exercise asks for, for every number of the answer.
        """
        if isinstance(expected, Target):
            return expected
        if isinstance(expected, pd.Series):
            kind = kind or kind_of(expected, exact)
            return cls(expected, Values.of(expected.tolist(), kind, decimals=decimals))
        if isinstance(expected, pd.DataFrame):
            if not expected.columns.is_unique:
                return None
            columns = {
                str(c): Values.of(
                    expected[c].tolist(), kind_of(expected[c], exact), str(c), decimals
                )
                for c in expected.columns
            }
            return cls(expected, columns=columns)
        if is_number(expected):
            whole = exact or isinstance(expected, int | np.integer)
            number_kind = kind or (Kind.COUNT if whole else Kind.NUMBER)
            return cls(expected, Values.of([expected], number_kind, decimals=decimals))
        if isinstance(expected, str | bool | np.bool_):
            return cls(expected, Values.of([expected], kind or Kind.LABEL))
        return None

    def sealed(self, sealer: Sealer) -> Target:
        """The same target with every key passed through ``sealer``."""
        values = self.values.sealed(sealer) if self.values else None
        columns = {name: v.sealed(sealer) for name, v in self.columns.items()}
        return Target(self.shape, values, columns)

    def require_values(self) -> Values:
        """``values``, which the target of a single answer or a Series always has.

        Only a frame's target has none (its columns have theirs): a checker of
        single values or Series that meets one was given the wrong target.
        """
        if self.values is None:
            raise TypeError(f"a target of {type(self.shape).__name__} has no values of its own")
        return self.values

    def column(self, name: Any) -> Values:
        """The keys of one column of a frame."""
        return self.columns[str(name)]

    def to_json(self) -> dict[str, Any]:
        """The target as plain data: shape (labels, dtypes) and stored keys, no value in clear."""
        shape = self.shape
        if isinstance(shape, pd.Series):
            return {
                "type": "series",
                "index": index_spec(shape.index),
                "name": None if shape.name is None else str(shape.name),
                "values": self.values.to_json() if self.values else None,
            }
        if isinstance(shape, pd.DataFrame):
            return {
                "type": "frame",
                "index": index_spec(shape.index),
                "columns": [str(c) for c in shape.columns],
                "values": {name: values.to_json() for name, values in self.columns.items()},
            }
        kind = "number" if is_number(shape) else "text"
        return {"type": kind, "values": self.values.to_json() if self.values else None}

    @classmethod
    def from_json(cls, data: Mapping[str, Any], sealer: Sealer) -> Target:
        """The target a :meth:`to_json` describes; its shape is a stand-in."""
        kind = data["type"]
        if kind == "frame":
            index = rebuild_index(data["index"])
            columns = {
                name: Values.from_json(data["values"][name], name, sealer)
                for name in data["columns"]
            }
            frame = pd.DataFrame(
                {name: _placeholder(values.kind, len(index)) for name, values in columns.items()},
                index=index,
            )
            return cls(frame, columns=columns)
        values = Values.from_json(data["values"], "", sealer)
        if kind == "series":
            index = rebuild_index(data["index"])
            placeholder = _placeholder(values.kind, len(index))
            return cls(pd.Series(placeholder, index=index, name=data["name"]), values)
        stand_in = {Kind.COUNT: 0, Kind.NUMBER: 0.0}.get(values.kind, "")
        return cls(stand_in, values)


def _placeholder(kind: Kind, size: int) -> np.ndarray:
    """Values that stand for the expected ones in a stand-in: only their dtype means something."""
    if kind is Kind.COUNT:
        return np.zeros(size, dtype="int64")
    if kind is Kind.NUMBER:
        return np.zeros(size, dtype="float64")
    return np.array([""] * size, dtype=object)


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, pd.Timestamp | pd.Period):
        return label_text(value)
    return value if isinstance(value, int | float | str | bool) else label_text(value)


def index_spec(index: pd.Index) -> dict[str, Any]:
    """An index as data: its labels (plain JSON values), names, and date or period kind."""
    kind = None
    if isinstance(index, pd.DatetimeIndex):
        kind = "datetime"
    elif isinstance(index, pd.PeriodIndex):
        kind = f"period:{index.freqstr}"
    spec = {
        "labels": [
            [_plain(part) for part in label] if isinstance(label, tuple) else _plain(label)
            for label in index
        ],
        "names": [None if name is None else str(name) for name in index.names],
        "kind": kind,
    }
    rebuilt = rebuild_index(spec)
    if [label_text(x) for x in rebuilt] != [label_text(x) for x in index]:
        raise ValueError(f"an index of {type(index).__name__} cannot be sealed: labels change")
    return spec


def rebuild_index(spec: Mapping[str, Any]) -> pd.Index:
    """The index an :func:`index_spec` describes."""
    labels = spec["labels"]
    names = spec["names"]
    if len(names) > 1:
        return pd.MultiIndex.from_tuples([tuple(label) for label in labels], names=names)
    kind = spec.get("kind") or ""
    if kind == "datetime":
        return pd.DatetimeIndex(pd.to_datetime(labels), name=names[0])
    if kind.startswith("period:"):
        return pd.PeriodIndex(labels, freq=kind.split(":", 1)[1], name=names[0])
    return pd.Index(labels, name=names[0])


def same(answer: Any, target: Target) -> bool:
    """Whether ``answer`` is the value ``target`` holds: same type, labels and keys.

    How a known mistake is recognised, in the course and in a kit alike; the
    order of labels does not matter.
    """
    shape = target.shape
    if isinstance(shape, pd.Series):
        return (
            isinstance(answer, pd.Series)
            and target.values is not None
            and _aligned(answer.index, shape.index) is not None
            and bool(np.all(target.values.matches(_take(answer, shape.index))))
        )
    if isinstance(shape, pd.DataFrame):
        if not isinstance(answer, pd.DataFrame) or not answer.columns.is_unique:
            return False
        if sorted(map(str, answer.columns)) != sorted(target.columns):
            return False
        if _aligned(answer.index, shape.index) is None:
            return False
        by_name = {str(c): c for c in answer.columns}
        return all(
            bool(np.all(values.matches(_take(answer[by_name[name]], shape.index))))
            for name, values in target.columns.items()
        )
    if target.values is None or isinstance(answer, pd.Series | pd.DataFrame):
        return False
    if is_number(shape) != is_number(answer):
        return False
    return bool(target.values.matches([answer])[0])


def _aligned(given: pd.Index, wanted: pd.Index) -> list[int] | None:
    """Positions of ``wanted``'s labels in ``given`` (by label text), or None if they differ."""
    texts = [label_text(x) for x in given]
    if len(set(texts)) != len(texts) or len(texts) != len(wanted):
        return None
    where = {text: i for i, text in enumerate(texts)}
    try:
        return [where[label_text(x)] for x in wanted]
    except KeyError:  # a label of ``wanted`` that ``given`` lacks
        return None


def _take(series: pd.Series, wanted: pd.Index) -> list[Any]:
    positions = _aligned(series.index, wanted) or []
    values = series.tolist()
    return [values[i] for i in positions]
