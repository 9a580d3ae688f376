"""Sealed answers: checking in a workshop kit that carries no answer in clear.

A workshop kit ships its learners neither the reference functions nor the
expected values. For each exercise it carries the exercise's text and checker,
and its expected answer as a sealed
:class:`~brakes.exercises.checkers.target.Target`: the shape (type, labels,
columns, dtypes: labels are data, not answers) and the salted SHA-256 of each
key the checker compares (the value's canonical text under the course's
precision rule, written with the decimals the exercise declares, and the keys
of the transformed values the slips need), with each number masked by the
salt so a wrong answer can be called too high or too low. The exercise's known
mistakes travel the same way, with their sentences.

A sealed exercise is checked by the very code of the course
(:func:`brakes.exercises.checking.verdict_for` and the exercise's checker): the
checker judges through the target, whose keys are compared as hashes instead
of in clear, so a sealed verdict and its message equal the course's.

Hashes keep a reader from *reading* an answer off the kit; they do not stop a
determined programmer from trying every value of a three-digit number against
them. That is the trade-off of checking offline. The sealing itself, done by
the trainer's ``brakes workshop`` with the answers in hand, is
:mod:`brakes.trainer.sealing`; this module is the learner's side (the format's
checker spec, and an exercise rebuilt from its seal).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import fields, is_dataclass
from typing import Any

from brakes.exercises import checkers as checker_classes
from brakes.exercises.checkers.base import Checker, Order
from brakes.exercises.checkers.target import Salted, Target
from brakes.exercises.model import Exercise, ExerciseKind, Load, WrongAnswer

#: The format version of a sealed exercise (3: keys written with the exercise's declared
#: decimals, and masked anchors for the direction of a wrong number).
SEAL_VERSION = 3
#: Shown by ``.solution()`` in a sealed kit.
SOLUTION_WITH_TRAINER = "In this workshop the solutions are with your trainer: ask them."


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


# --- a sealed exercise (run in the learner's kernel) -----------------------------------------


def sealed_exercise(spec: Mapping[str, Any], salt: str) -> Exercise:
    """An :class:`Exercise` whose expected answer and mistakes are sealed targets.

    No reference function, no solution: ``expected`` returns the sealed
    target, each known mistake's ``make`` its sealed target, and the course's
    checking does the rest.
    """
    checker = checker_from_spec(spec["checker"])
    kind = ExerciseKind(spec["kind"])
    sealer = Salted(salt, spec["id"])
    expected: Callable[[Any], Any] = _sealed_expected
    mistakes = []
    if "target" in spec:
        target = Target.from_json(spec["target"], sealer)
        expected = _always(target)
        for mistake in spec.get("mistakes", ()):
            wrong_target = Target.from_json(mistake["target"], sealer)
            mistakes.append(
                WrongAnswer(
                    mistake["label"],
                    _always(wrong_target),
                    mistake["feedback"],
                )
            )
    name = spec["answer_name"]
    return Exercise(
        id=spec["id"],
        title=spec["title"],
        answer_name=name,
        tables=tuple(spec["tables"]),
        checker=checker,
        hints=tuple(spec["hints"]),
        solution=f"{name} = ...\n",
        reveals=spec["reveals"],
        expected=expected,
        kind=kind,
        discussion=SOLUTION_WITH_TRAINER,
        wrong_answers=tuple(mistakes),
    )


def _always(target: Target) -> Callable[[Load], Target]:
    """A maker that gives the sealed target whatever the data: all a kit knows of a value."""

    def make(load: Load) -> Target:
        return target

    return make


def _sealed_expected(load: Callable[[str], Any]) -> None:
    """A predict or interpret cell has no expected answer, sealed or not."""
    return None
