"""Sealing a workshop's answers: run by ``brakes workshop``, with the expected answers in hand.

Each exercise travels in the workshop file as its text, its checker and its
expected answer as a sealed :class:`~brakes.exercises.checkers.target.Target`
(the shape, and salted hashes of the keys the checker compares), with its known
mistakes sealed the same way. The learner's side, which rebuilds an exercise
from its seal and checks with the course's own code, is :mod:`brakes.exercises.sealed`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

import pandas as pd

from brakes.exercises.checkers.target import Salted, Target
from brakes.exercises.model import Exercise, ExerciseKind, WrongAnswer
from brakes.exercises.sealed import SEAL_VERSION, checker_spec
from brakes.exercises.wording import is_number


def seal(
    exercise: Exercise,
    expected: Any,
    mistakes: Iterable[tuple[WrongAnswer, Any]],
    salt: str,
) -> dict[str, Any]:
    """What a kit carries for ``exercise``: its text, checker, and sealed target.

    ``mistakes`` pairs each known mistake with its value on the kit's data;
    those with a sentence of their own travel as sealed targets with it (a
    sentence is written for every seed, so it holds no value).
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
    sealer = Salted(salt, exercise.id)
    target = exercise.checker.target(expected)
    if not isinstance(target, Target):
        raise ValueError(f"exercise {exercise.id}: its expected answer cannot be sealed")
    sealed["target"] = target.sealed(sealer).to_json()
    sealed["mistakes"] = []
    for mistake, value in mistakes:
        wrong_target = exercise.checker.target(value) if value is not None else None
        if mistake.feedback is None or not isinstance(wrong_target, Target):
            continue  # the checker's own message, which the sealed check gives too
        sealed["mistakes"].append(
            {
                "label": mistake.label,
                "feedback": mistake.feedback,
                "target": wrong_target.sealed(sealer).to_json(),
            }
        )
    return sealed


def clear_forms(value: Any) -> set[str]:
    """How a value's numbers could be written in clear (3 significant digits or more)."""
    if isinstance(value, pd.DataFrame):
        return set().union(set(), *(clear_forms(v) for v in value.to_numpy().ravel()))
    if isinstance(value, pd.Series):
        return set().union(set(), *(clear_forms(v) for v in value.tolist()))
    if not is_number(value) or not math.isfinite(float(value)):
        return set()
    number = float(value)
    if number.is_integer():
        return {str(int(number)), f"{int(number):,}"} if abs(number) >= 100 else set()
    texts = {f"{number:.3g}", f"{number:.4g}", repr(number), f"{number:.2f}", f"{number:,.2f}"}
    return {text for text in texts if len(re.sub(r"[^0-9]", "", text).lstrip("0")) >= 3}


def quotes(text: str, forms: set[str]) -> bool:
    """Whether ``text`` holds one of ``forms`` as a whole number (not inside a longer one)."""
    return any(re.search(rf"(?<![0-9.]){re.escape(form)}(?![0-9])", text) for form in forms)
