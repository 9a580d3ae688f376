"""The sealed check and the course's check give the same verdict, word for word.

A learner in a workshop is judged by the sealed check (the kit carries no
answer in clear); the course's site and ``brakes grade`` judge by the checkers
on the expected value. On a seed that is not the published one, for every
judged exercise and a grid of answers around its right answer, both must give
the same status, diagnosis and message.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd
import pytest

from brakes.data.source import SeedSource
from brakes.exercises.checkers.base import Verdict, attempt
from brakes.exercises.checking import verdict_for
from brakes.exercises.model import Exercise, ExerciseKind, Load
from brakes.exercises.registry import all_exercises
from brakes.exercises.sealed import sealed_exercise
from brakes.trainer.workshop import sealed_exercises

#: Not the published seed: the property must hold for any kit.
SEED = 2027
SALT = "0123456789abcdef0123456789abcdef"
#: Fractions of the tolerance's half-width: inside the edge, just inside, just outside, beyond.
EDGE_STEPS = (0.5, 0.99, 1.01, 1.5, 3.0)
#: The tolerance's half-width, in halves of a unit of the last decimal asked for (or, for a
#: checker declaring none, of the third significant digit): half a unit of that digit, and
#: half a unit of the next one (a learner's nudge).
EDGE = 1.1


@dataclasses.dataclass(frozen=True)
class Case:
    """One exercise, its two checks (course and sealed), its expected value and mistakes."""

    course: Exercise
    locked: Exercise
    expected: Any
    mistakes: tuple[Any, ...]


@pytest.fixture(scope="module")
def load() -> Load:
    return SeedSource(SEED).load


@pytest.fixture(scope="module")
def cases(load: Load) -> list[Case]:
    """Every judged exercise, its answer computed once, sealed as `brakes workshop` does."""
    judged = [e for e in all_exercises() if e.kind in (ExerciseKind.ANSWER, ExerciseKind.DECIDE)]
    specs = sealed_exercises(judged, SEED, SALT)
    found = []
    for exercise in judged:
        expected = exercise.expected(load)
        values = [attempt(lambda m=m: m.make(load)) for m in exercise.wrong_answers]
        # The same exercise, with its expected answer and mistakes computed once (speed only).
        course = dataclasses.replace(
            exercise,
            expected=lambda _load, value=expected: value,
            wrong_answers=tuple(
                dataclasses.replace(m, make=lambda _load, value=v: value)
                for m, v in zip(exercise.wrong_answers, values, strict=True)
            ),
        )
        locked = sealed_exercise(specs[exercise.id], SALT)
        found.append(Case(course, locked, expected, tuple(v for v in values if v is not None)))
    return found


def _map(value: Any, change: Any) -> Any:
    """``change`` applied to each number of ``value`` (a number, a Series, a frame)."""
    if isinstance(value, pd.DataFrame):
        return value.apply(lambda column: _map(column, change))
    if isinstance(value, pd.Series):
        if not pd.api.types.is_numeric_dtype(value) or pd.api.types.is_bool_dtype(value):
            return value
        floats = value.to_numpy(dtype=float, na_value=np.nan)
        return pd.Series(change(floats), index=value.index, name=value.name)
    return float(change(np.float64(value)))


def _half_width(values: np.ndarray, decimals: int | None) -> np.ndarray:
    """Relative half a unit of the last decimal asked for (or the third significant digit)."""
    a = np.abs(values)
    with np.errstate(divide="ignore", invalid="ignore"):
        if decimals is None:
            digit = np.floor(np.log10(np.where(a > 0, a, 1.0))) - 2
        else:
            digit = np.full_like(a, -float(decimals))
        return np.where(a > 0, 0.5 * 10.0**digit / np.where(a > 0, a, 1.0), 0.0)


def answers(case: Case) -> Iterator[tuple[str, Any]]:
    """The grid: right, rounded, around the tolerance's edge, ×100, ÷100, mistakes, wrong type."""
    expected = case.expected
    yield "right", expected
    if isinstance(expected, str):
        for letter in "abcd":
            for form in (letter, f"({letter.upper()})", f"{letter}).", f"{letter})", f" {letter}:"):
                yield f"option {form!r}", form
        yield "a number", 2
        return
    for decimals in range(5):
        yield f"rounded to {decimals}", _map(expected, lambda v, d=decimals: np.round(v, d))
    decimals = getattr(case.course.checker, "decimals", None)
    for step in EDGE_STEPS:
        for sign in (1, -1):
            yield (
                f"x(1{'+' if sign > 0 else '-'}{step} tolerance)",
                _map(
                    expected,
                    lambda v, s=step * sign: v * (1 + s * EDGE * _half_width(v, decimals)),
                ),
            )
    yield "x100", _map(expected, lambda v: v * 100)
    yield "/100", _map(expected, lambda v: v / 100)
    for number, mistake in enumerate(case.mistakes):
        yield f"mistake {number}", mistake
    if isinstance(expected, pd.DataFrame):
        yield "a Series for a frame", expected.iloc[:, 0]
    elif isinstance(expected, pd.Series):
        yield "a list for a Series", expected.tolist()
    else:
        yield "a string for a number", str(expected)


def _same(course: Verdict, sealed: Verdict) -> bool:
    return (course.status, course.diagnosis, course.message) == (
        sealed.status,
        sealed.diagnosis,
        sealed.message,
    )


def test_the_sealed_verdict_and_its_message_equal_the_course_s(
    cases: list[Case], load: Load
) -> None:
    compared = 0
    differ = []
    statuses = 0
    for case in cases:
        for name, answer in answers(case):
            course = verdict_for(case.course, answer, load)
            sealed = verdict_for(case.locked, answer, load)
            compared += 1
            statuses += course.status is not sealed.status
            if not _same(course, sealed):
                differ.append(
                    f"{case.course.id} {name}:\n  course [{course.status}/{course.diagnosis}] "
                    f"{course.message}\n  sealed [{sealed.status}/{sealed.diagnosis}] "
                    f"{sealed.message}"
                )
    print(
        f"\nsealed agreement on seed {SEED}: {len(cases)} exercises, {compared} verdicts, "
        f"{len(differ)} disagreements ({statuses} in status alone)"
    )
    print("\n".join(differ[:40]))
    assert len(cases) > 50 and compared > 20 * len(cases)
    assert not differ, f"{len(differ)} of {compared} verdicts differ; first:\n" + "\n".join(
        differ[:10]
    )


def test_the_grid_crosses_the_tolerance_s_edge(cases: list[Case], load: Load) -> None:
    """The grid is not blind: near answers are both accepted and rejected by the course."""
    outcomes: dict[str, set[bool]] = {}
    for case in cases:
        for name, answer in answers(case):
            if name.startswith("x(1"):
                step = float(name[4:].split()[0])
                accepted = verdict_for(case.course, answer, load).correct
                outcomes.setdefault("inside" if step < 1 else "outside", set()).add(accepted)
    assert True in outcomes["inside"] and False in outcomes["outside"], outcomes
