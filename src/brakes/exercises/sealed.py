"""Sealed answers: checks for a workshop kit that carries no answer in clear.

A workshop kit ships its learners neither the reference functions nor the
expected values. For each exercise it carries what feedback needs: the
expected answer's *shape* (type, index labels, columns, whether values are
whole numbers) and salted SHA-256 hashes of its values rounded to the
checking tolerance (three significant digits; whole numbers exactly), plus
hashes of the exercise's known mistakes with the message each gets, and for
a multiple choice the verdict of every option.

A sealed check runs in two steps. **Shape**: the exercise's own checker
compares the answer with a stand-in that has the expected shape and the
learner's own values, so every message about type, labels, columns, order or
missing rows is the checker's usual one. **Values**: the answer's rounded
values are hashed and compared with the sealed hashes; a mismatch names the
labels whose values differ (labels are data, not answers), recognises a
percentage given for a fraction (or back) and the known mistakes, and says
nothing about the direction of the difference (that would leak the answer).

Hashes of rounded values keep a reader from *reading* an answer off the kit;
they do not stop a determined programmer from trying every value of a
three-digit number against them. That is the trade-off of checking offline.
"""

from __future__ import annotations

import hashlib
import json
import math
import numbers
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

import numpy as np
import pandas as pd

from brakes.exercises import checkers as checker_classes
from brakes.exercises.checkers.base import Checker, Diagnosis, Order, Verdict, right, wrong
from brakes.exercises.model import Exercise, ExerciseKind
from brakes.exercises.outcomes import Status
from brakes.exercises.wording import fmt_labels

#: The format version of a sealed exercise.
SEAL_VERSION = 1
#: Relative nudges tried on a learner's number before hashing, so that a value on
#: the edge of a rounding step still finds its rounded twin.
_NUDGES = (0.0, 4e-4, -4e-4)
#: Shown by ``.solution()`` in a sealed kit.
SOLUTION_WITH_TRAINER = "In this workshop the solutions are with your trainer: ask them."


# --- canonical forms ------------------------------------------------------------------------


def _label(value: Any) -> str:
    """A label as text: tuples (MultiIndex rows) joined, timestamps as dates."""
    if isinstance(value, tuple):
        return " | ".join(_label(part) for part in value)
    if isinstance(value, pd.Period):
        return str(value)
    if isinstance(value, pd.Timestamp | np.datetime64):
        stamp = pd.Timestamp(value)
        return stamp.strftime("%Y-%m-%d" if stamp == stamp.normalize() else "%Y-%m-%d %H:%M:%S")
    if isinstance(value, np.generic):
        value = value.item()
    return str(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Number | np.number) and not isinstance(value, bool | np.bool_)


def value_keys(value: Any, whole: bool) -> tuple[str | None, set[str]]:
    """How a value hashes: its own text, and the texts a learner's value may match.

    Whole numbers are exact; other numbers are written to 3 significant digits,
    and a learner's number is also tried nudged by a hair, so that a value on
    the edge of a rounding step still meets its rounded twin.
    """
    if isinstance(value, bool | np.bool_):
        text = str(bool(value))
        return text, {text}
    if _is_number(value):
        number = float(value)
        if not math.isfinite(number):
            return None, set()
        if whole:
            text = str(int(number)) if number.is_integer() else None
            return text, ({text} if text else set())
        return f"{number:.3g}", {f"{number * (1 + nudge):.3g}" for nudge in _NUDGES}
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "<missing>", {"<missing>"}
    text = " ".join(value.split()).casefold() if isinstance(value, str) else _label(value)
    return text, {text}


def _digest(salt: str, *parts: str) -> str:
    return hashlib.sha256("\x1f".join((salt, *parts)).encode("utf-8")).hexdigest()[:32]


def _keystream(size: int, *parts: str) -> bytes:
    stream = b""
    counter = 0
    while len(stream) < size:
        stream += hashlib.sha256("\x1f".join((*parts, str(counter))).encode("utf-8")).digest()
        counter += 1
    return stream[:size]


def _lock(text: str, salt: str, exercise_id: str, key: str) -> str:
    """``text`` readable only by whoever gives option ``key`` (so the right option's
    "correct" verdict cannot be read off the file)."""
    data = text.encode("utf-8")
    mask = _keystream(len(data), salt, exercise_id, "lock", key)
    return bytes(a ^ b for a, b in zip(data, mask, strict=True)).hex()


def _unlock(locked: str, salt: str, exercise_id: str, key: str) -> str:
    data = bytes.fromhex(locked)
    mask = _keystream(len(data), salt, exercise_id, "lock", key)
    return bytes(a ^ b for a, b in zip(data, mask, strict=True)).decode("utf-8")


def _whole(values: Iterable[Any]) -> bool:
    """Whether every number among ``values`` is whole (counts are checked exactly)."""
    found = [v for v in values if _is_number(v)]
    return bool(found) and all(float(v).is_integer() for v in found if math.isfinite(float(v)))


# --- sealing (run by the kit builder, with the expected answer in hand) ---------------------


def _index_spec(index: pd.Index) -> dict[str, Any]:
    """An index as data: its labels (plain JSON values), names, and date or period kind."""
    kind = None
    if isinstance(index, pd.DatetimeIndex):
        kind = "datetime"
    elif isinstance(index, pd.PeriodIndex):
        kind = f"period:{index.freqstr}"
    return {
        "labels": [
            [_plain(part) for part in label] if isinstance(label, tuple) else _plain(label)
            for label in index
        ],
        "names": [None if name is None else str(name) for name in index.names],
        "kind": kind,
    }


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, pd.Timestamp | pd.Period):
        return _label(value)
    return value if isinstance(value, int | float | str | bool) else _label(value)


def _shape_of(expected: Any) -> dict[str, Any]:
    """What the stand-in needs: the type, labels, columns, and whether values are whole."""
    if isinstance(expected, pd.Series):
        return {
            "type": "series",
            "index": _index_spec(expected.index),
            "name": None if expected.name is None else str(expected.name),
            "whole": _whole(expected.tolist()),
        }
    if isinstance(expected, pd.DataFrame):
        return {
            "type": "frame",
            "index": _index_spec(expected.index),
            "columns": [str(c) for c in expected.columns],
            "whole": {str(c): _whole(expected[c].tolist()) for c in expected.columns},
        }
    if _is_number(expected):
        return {"type": "number", "whole": _whole([expected])}
    return {"type": "text"}


Cells = dict[str, tuple[str | None, set[str]]]


def _cells(value: Any, shape: Mapping[str, Any]) -> Cells:
    """Each cell of ``value`` (in the expected shape's terms) and the texts it may hash as."""
    kind = shape["type"]
    if kind == "series":
        if not isinstance(value, pd.Series):
            return {}
        whole = shape["whole"]
        return {_label(k): value_keys(v, whole) for k, v in value.items()}
    if kind == "frame":
        if not isinstance(value, pd.DataFrame):
            return {}
        found = {}
        for column in value.columns:
            whole = shape["whole"].get(str(column), False)
            for row, cell in value[column].items():
                found[f"{_label(row)} / {column}"] = value_keys(cell, whole)
        return found
    whole = bool(shape.get("whole"))
    return {"": value_keys(value, whole)}


def _hash_cells(salt: str, exercise_id: str, cells: Cells) -> dict[str, str]:
    """One hash per cell of a sealed value, from each cell's own text."""
    return {
        where: _digest(salt, exercise_id, where, primary)
        for where, (primary, _) in cells.items()
        if primary is not None
    }


def clear_forms(value: Any) -> set[str]:
    """How a value's numbers could be written in clear (3 significant digits or more)."""
    if isinstance(value, pd.DataFrame):
        return set().union(set(), *(clear_forms(v) for v in value.to_numpy().ravel()))
    if isinstance(value, pd.Series):
        return set().union(set(), *(clear_forms(v) for v in value.tolist()))
    if not _is_number(value) or not math.isfinite(float(value)):
        return set()
    number = float(value)
    if number.is_integer():
        return {str(int(number)), f"{int(number):,}"} if abs(number) >= 100 else set()
    texts = {f"{number:.3g}", f"{number:.4g}", repr(number), f"{number:.2f}", f"{number:,.2f}"}
    return {text for text in texts if len(re.sub(r"[^0-9]", "", text).lstrip("0")) >= 3}


def quotes(text: str, forms: set[str]) -> bool:
    """Whether ``text`` holds one of ``forms`` as a whole number (not inside a longer one)."""
    return any(re.search(rf"(?<![0-9.]){re.escape(form)}(?![0-9])", text) for form in forms)


def fingerprint(value: Any) -> str | None:
    """A whole answer as one text, whatever its shape: how a known mistake is recognised."""
    if isinstance(value, pd.Series):
        whole = _whole(value.tolist())
        items = sorted(f"{_label(k)}={value_keys(v, whole)[0]}" for k, v in value.items())
        return "series:" + ";".join(items)
    if isinstance(value, pd.DataFrame):
        items = []
        for column in value.columns:
            whole = _whole(value[column].tolist())
            items += [
                f"{_label(row)}/{column}={value_keys(cell, whole)[0]}"
                for row, cell in value[column].items()
            ]
        return "frame:" + ";".join(sorted(items))
    if _is_number(value) or isinstance(value, str | bool | np.bool_):
        whole = _is_number(value) and _whole([value])
        return f"{type(value).__name__}:{value_keys(value, whole)[0]}"
    if isinstance(value, list | tuple) and len(value) <= 1000:
        parts = [fingerprint(item) for item in value]
        return None if None in parts else f"{type(value).__name__}:" + ";".join(parts)
    return None


def seal(
    exercise: Exercise,
    expected: Any,
    wrong_values: Iterable[tuple[Any, Verdict]],
    salt: str,
) -> dict[str, Any]:
    """What a kit carries for ``exercise``: its text, checker, expected shape and hashes.

    ``wrong_values`` pairs each known mistake's value with the verdict the
    clear check gives it; their hashes and messages travel so the sealed
    check says the same. A message never holds the expected value (the
    course's rule), so messages may travel in clear.
    """
    sealed: dict[str, Any] = {
        "version": SEAL_VERSION,
        "id": exercise.id,
        "title": exercise.title,
        "answer_name": exercise.answer_name,
        "kind": str(exercise.kind),
        "tables": list(exercise.tables),
        "hints": list(exercise.hints),
        "reveals": exercise.reveals,
        "checker": checker_spec(exercise.checker),
    }
    if exercise.kind in (ExerciseKind.PREDICT, ExerciseKind.INTERPRET):
        return sealed
    checker = exercise.checker
    options = _options(checker)
    if options:
        sealed["options"] = {}
        for option in options:
            key = _option_key(checker, option)
            verdict = json.dumps(_verdict_json(checker.compare(option, expected)))
            digest = _digest(salt, exercise.id, "option", key)
            sealed["options"][digest] = _lock(verdict, salt, exercise.id, key)
        return sealed
    shape = _shape_of(expected)
    cells = _hash_cells(salt, exercise.id, _cells(expected, shape))
    sealed["shape"] = shape
    sealed["cells"] = cells
    mistakes = {}
    forms = clear_forms(expected)
    for value, verdict in wrong_values:
        printed = fingerprint(value)
        if printed is None or verdict.correct or verdict.status is not Status.INCORRECT:
            continue
        if quotes(verdict.message, forms):
            continue  # it quotes the answer (a tuple holding it...): the general message will do
        mistakes[_digest(salt, exercise.id, "mistake", printed)] = _verdict_json(verdict)
    sealed["mistakes"] = mistakes
    return sealed


def _verdict_json(verdict: Verdict) -> dict[str, Any]:
    return {
        "status": str(verdict.status),
        "message": verdict.message,
        "diagnosis": str(verdict.diagnosis),
    }


def _verdict_from_json(stored: Mapping[str, Any]) -> Verdict:
    return Verdict(Status(stored["status"]), stored["message"], Diagnosis(stored["diagnosis"]))


def checker_spec(checker: Checker) -> dict[str, Any]:
    """A checker as data: its class name and constructor fields."""
    if not is_dataclass(checker):
        raise TypeError(f"{type(checker).__name__} cannot be sealed: it is not a dataclass")
    params = {}
    for field in fields(checker):
        value = getattr(checker, field.name)
        if isinstance(value, Order):
            value = str(value)
        elif isinstance(value, Mapping):
            value = dict(value)
        elif isinstance(value, tuple):
            value = list(value)
        params[field.name] = value
    return {"class": type(checker).__name__, "params": params}


def checker_from_spec(spec: Mapping[str, Any]) -> Checker:
    """The checker a :func:`checker_spec` describes."""
    cls = getattr(checker_classes, spec["class"])
    params = dict(spec["params"])
    for name, value in params.items():
        if name == "order" and value is not None:
            params[name] = Order(value)
        elif isinstance(value, list):
            params[name] = tuple(value)
    return cls(**params)


# --- checking against a seal (run in the learner's kernel) ----------------------------------


def _rebuild_index(spec: Mapping[str, Any]) -> pd.Index:
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


def _aligned(values: pd.Series, index: pd.Index, whole: bool) -> pd.Series:
    """``values`` on ``index`` by label text; a label the learner lacks gets 0."""
    by_text = {_label(k): v for k, v in values.items()} if values is not None else {}
    found = [by_text.get(_label(k), 0) for k in index]
    series = pd.Series(found, index=index, dtype=object)
    numeric = pd.to_numeric(series, errors="coerce")
    if numeric.notna().sum() == series.notna().sum():
        series = numeric
        if whole and (series.dropna() % 1 == 0).all() and series.notna().all():
            series = series.astype("int64")
    return series


def stand_in(shape: Mapping[str, Any], answer: Any) -> Any:
    """The expected shape filled with the learner's own values, for the shape checks."""
    kind = shape["type"]
    if kind == "series":
        index = _rebuild_index(shape["index"])
        values = answer if isinstance(answer, pd.Series) else None
        return _aligned(values, index, shape["whole"]).rename(shape["name"])
    if kind == "frame":
        index = _rebuild_index(shape["index"])
        frame = pd.DataFrame(index=index)
        given = answer if isinstance(answer, pd.DataFrame) else None
        for column in shape["columns"]:
            source = given[column] if given is not None and column in given.columns else None
            frame[column] = _aligned(source, index, shape["whole"][column]).to_numpy()
        return frame
    if kind == "number":
        if _is_number(answer):
            return int(answer) if shape["whole"] and float(answer).is_integer() else answer
        return 0
    return answer if isinstance(answer, str) else ""


@dataclass(frozen=True)
class Sealed:
    """The sealed expected answer of one exercise, as a kit carries it."""

    exercise_id: str
    salt: str
    spec: Mapping[str, Any]

    def verdict(self, checker: Checker, answer: Any) -> Verdict:
        """The verdict on ``answer``: the checker's for its shape, the hashes' for its values."""
        if "options" in self.spec:  # a multiple choice, or a label among known labels
            return self._choice(checker, answer)
        shape = self.spec["shape"]
        first = checker.compare(answer, stand_in(shape, answer))
        if first.correct and self._all_match(answer, shape):
            return first
        printed = fingerprint(answer)
        if printed is not None:
            digest = _digest(self.salt, self.exercise_id, "mistake", printed)
            stored = self.spec.get("mistakes", {}).get(digest)
            if stored is not None:
                return _verdict_from_json(stored)
        if not first.correct:
            return first
        given = self._hashes(answer, shape)
        differing = [w for w, digest in self.spec["cells"].items() if digest not in given[w]]
        return self._slip(checker, answer, shape) or self._differs(differing, shape)

    def _hashes(self, answer: Any, shape: Mapping[str, Any]) -> dict[str, set[str]]:
        found = _cells(answer, shape)
        hashes = {}
        for where in self.spec["cells"]:
            keys = found.get(where, (None, set()))[1]
            hashes[where] = {_digest(self.salt, self.exercise_id, where, key) for key in keys}
        return hashes

    def _slip(self, checker: Checker, answer: Any, shape: Mapping[str, Any]) -> Verdict | None:
        """A percentage given for a fraction (or back): fine where the question allows it."""
        for factor, unit in ((0.01, "a percentage"), (100.0, "a fraction")):
            scaled = _scaled(answer, factor, checker)
            if scaled is None or not self._all_match(scaled, shape):
                continue
            if _declares_proportion(checker):
                return right(
                    f"right, given as {unit}; both are fine here.",
                    Diagnosis.AS_PERCENT if factor < 1 else Diagnosis.AS_FRACTION,
                )
            return wrong(
                f"Your values are 100 times {'too large' if factor < 1 else 'too small'}: "
                "check whether you multiplied or divided by 100 where the question does not.",
                Diagnosis.MULTIPLE,
            )
        return None

    def _all_match(self, answer: Any, shape: Mapping[str, Any]) -> bool:
        given = self._hashes(answer, shape)
        return all(digest in given[where] for where, digest in self.spec["cells"].items())

    def _differs(self, differing: list[str], shape: Mapping[str, Any]) -> Verdict:
        if shape["type"] in ("number", "text"):
            return wrong(
                "That is not the value the data give. Check which rows you kept and what "
                "you computed on them; `.hint()` helps.",
                Diagnosis.VALUE,
            )
        total = len(self.spec["cells"])
        return wrong(
            f"The labels are right, but {len(differing)} of the {total} values differ: "
            f"{fmt_labels(differing, limit=6)}. Check the rows you kept and the computation.",
            Diagnosis.VALUES,
        )

    def _choice(self, checker: Checker, answer: Any) -> Verdict:
        key = _option_key(checker, answer)
        if key:
            digest = _digest(self.salt, self.exercise_id, "option", key)
            locked = self.spec["options"].get(digest)
            if locked is not None:
                stored = json.loads(_unlock(locked, self.salt, self.exercise_id, key))
                return _verdict_from_json(stored)
        # Not an option: the checker's own message, against a letter no option has.
        return checker.compare(answer, "\x00")


def _options(checker: Checker) -> tuple[str, ...]:
    """The finite answers of a multiple choice (letters) or of a label among known labels."""
    if isinstance(checker, checker_classes.Choice):
        return tuple(checker.options)
    if isinstance(checker, checker_classes.Text):
        return tuple(checker.choices)
    return ()


def _option_key(checker: Checker, answer: Any) -> str | None:
    """How an answer names an option: a letter ("b", "(B)", "b)"), or a label as written."""
    if not isinstance(answer, str):
        return None
    if isinstance(checker, checker_classes.Text):
        text = " ".join(answer.split())
        return text if checker.case_sensitive else text.casefold()
    letter = answer.strip().strip("()").rstrip(".):").strip().lower()
    return letter if len(letter) == 1 and letter.isalpha() else None


def _declares_proportion(checker: Checker) -> bool:
    """Whether the exercise accepts a fraction for a percentage (or back), as its checker says."""
    return bool(getattr(checker, "percent", False) or getattr(checker, "share", False))


def _scaled(answer: Any, factor: float, checker: Checker) -> Any:
    """The answer times ``factor``: a number, a numeric Series, or a frame's percent columns."""
    try:
        if _is_number(answer):
            return float(answer) * factor
        if isinstance(answer, pd.Series) and pd.api.types.is_numeric_dtype(answer):
            return answer * factor
        if isinstance(answer, pd.DataFrame):
            scaled = answer.copy()
            for column in getattr(checker, "percent", ()) or ():
                if column in scaled.columns:
                    scaled[column] = scaled[column] * factor
            return scaled
    except (TypeError, ValueError):
        return None
    return None


def sealed_exercise(spec: Mapping[str, Any], salt: str) -> Exercise:
    """An :class:`Exercise` checked against its seal; no reference function, no solution."""
    checker = checker_from_spec(spec["checker"])
    kind = ExerciseKind(spec["kind"])
    if kind in (ExerciseKind.PREDICT, ExerciseKind.INTERPRET):
        inner = checker
    else:
        inner = SealedChecker(checker, Sealed(spec["id"], salt, spec))
    name = spec["answer_name"]
    return Exercise(
        id=spec["id"],
        title=spec["title"],
        answer_name=name,
        tables=tuple(spec["tables"]),
        checker=inner,
        hints=tuple(spec["hints"]),
        solution=f"{name} = ...\n",
        reveals=spec["reveals"],
        expected=_sealed_expected,
        kind=kind,
        discussion=SOLUTION_WITH_TRAINER,
    )


def _sealed_expected(load: Callable[[str], Any]) -> None:
    """A sealed exercise has no reference function: its checker holds the seal."""
    return None


@dataclass(frozen=True)
class SealedChecker(Checker):
    """The exercise's own checker for the shape, its seal for the values."""

    inner: Checker
    sealed: Sealed

    @property
    def expects(self) -> str:  # type: ignore[override]
        return self.inner.expects

    def compare(self, answer: Any, expected: Any) -> Verdict:
        if answer is None or isinstance(self.inner, checker_classes.Reflection):
            return self.inner.compare(answer, expected)
        return self.sealed.verdict(self.inner, answer)
