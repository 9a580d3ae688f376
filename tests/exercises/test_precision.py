"""Precision as a learner counts it: the prompt says how precise, and that precision passes.

Every exercise whose answer holds numbers that are not whole declares its
precision (the checker's ``decimals``); its prompt in the solution notebook
ends with :func:`~brakes.exercises.wording.precision_sentence` of that very
declaration, so the two cannot disagree; and the reference answer rounded to
that many decimals, or more, is accepted. The sealed check of a workshop kit
applies the same rule (``test_sealed_agreement`` holds their verdicts equal).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import nbformat
import pandas as pd
import pytest
from exercise_helpers import solution_answer

from brakes.data import load as load_table
from brakes.exercises.checkers.target import Kind, Target
from brakes.exercises.checking import verdict_for
from brakes.exercises.model import Exercise, ExerciseKind
from brakes.exercises.outcomes import Status
from brakes.exercises.registry import all_exercises
from brakes.exercises.wording import precision_sentence
from brakes.notebook_meta import cell_meta

SOLUTIONS = Path(__file__).resolve().parents[2] / "solutions"
ANSWERS = [e for e in all_exercises() if e.kind is ExerciseKind.ANSWER]


def _prompts() -> dict[str, str]:
    found = {}
    for path in sorted(SOLUTIONS.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            prompt = cell_meta(cell).prompt
            if prompt is not None:
                found[prompt] = cell.source
    return found


PROMPTS = _prompts()


def _measured(exercise: Exercise) -> bool:
    """Its answer holds numbers that are not counts: it needs a precision."""
    target = exercise.checker.target(exercise.expected(load_table))
    if not isinstance(target, Target):
        return False
    values = [target.values] if target.values else list(target.columns.values())
    return any(v.kind is Kind.NUMBER for v in values)


MEASURED = [e for e in ANSWERS if _measured(e)]


def _rounded(value: Any, decimals: int, half_up: bool) -> Any:
    """Every float of ``value`` rounded as a learner would: by pandas, or by hand (half up)."""

    def one(x: float) -> float:
        if pd.isna(x):
            return x
        if not half_up:
            return round(float(x), decimals)
        step = Decimal(1).scaleb(-decimals)
        return float(Decimal(repr(float(x))).quantize(step, rounding=ROUND_HALF_UP))

    if isinstance(value, pd.DataFrame):
        floats = value.select_dtypes("float").columns
        return value.assign(**{c: value[c].map(one) for c in floats})
    if isinstance(value, pd.Series) and pd.api.types.is_float_dtype(value):
        return value.map(one)
    if isinstance(value, float):
        return one(value)
    return value


def test_the_measured_exercises_are_found() -> None:
    assert len(MEASURED) > 40


@pytest.mark.parametrize("exercise", MEASURED, ids=lambda e: e.id)
def test_a_numeric_exercise_declares_its_precision_and_its_prompt_states_it(
    exercise: Exercise,
) -> None:
    decimals = getattr(exercise.checker, "decimals", None)
    assert decimals is not None, f"{exercise.id}: declare decimals=… on its checker"
    assert precision_sentence(decimals) in PROMPTS[exercise.id], (
        f"{exercise.id}: its prompt should end with {precision_sentence(decimals)!r}"
    )


@pytest.mark.parametrize("exercise", MEASURED, ids=lambda e: e.id)
@pytest.mark.parametrize("finer", [0, 1, 2])
@pytest.mark.parametrize("half_up", [False, True], ids=["pandas", "by hand"])
def test_an_answer_rounded_to_the_precision_or_finer_passes(
    exercise: Exercise, finer: int, half_up: bool
) -> None:
    decimals = exercise.checker.decimals + finer  # type: ignore[attr-defined]
    answer = _rounded(solution_answer(exercise, load_table), decimals, half_up)
    verdict = verdict_for(exercise, answer, load_table)
    assert verdict.status is Status.CORRECT, verdict.message
