"""Each exercise's expected result on some data, as a trainer reads it.

Shared by the trainer edition's ``{expected-answers}`` tables and the answer
sheet ``brakes workshop`` writes beside a kit (for the trainer only).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from brakes.exercises.checkers import Choice, Prediction
from brakes.exercises.model import Exercise, ExerciseKind, Load

#: Rows of a long table shown before "and N more".
ROWS_SHOWN = 10
#: What an answer sheet says for a predict or interpret cell.
RECORDED = "(recorded, not judged)"


def describe_expected(value: Any) -> str:
    """An expected answer as a trainer reads it: numbers rounded, tables row by row."""
    if isinstance(value, pd.DataFrame):
        return describe_expected(value.stack()) if not value.empty else "(empty)"
    if isinstance(value, pd.Series):
        parts = [
            f"{_label(label)}: {describe_expected(item)}"
            for label, item in value.head(ROWS_SHOWN).items()
        ]
        more = f"; and {len(value) - ROWS_SHOWN} more" if len(value) > ROWS_SHOWN else ""
        return "; ".join(parts) + more
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return f"{value:,.2f}" if not float(value).is_integer() else f"{int(value):,}"
    return str(value)


def _label(label: Any) -> str:
    return " / ".join(map(str, label)) if isinstance(label, tuple) else str(label)


def expected_text(exercise: Exercise, load: Load) -> str:
    """One exercise's expected result on the data ``load`` reads, in words."""
    if exercise.kind is ExerciseKind.INTERPRET:
        return RECORDED
    if exercise.kind is ExerciseKind.PREDICT:
        # What this seed's data say, for the debrief: a workshop seed may say another
        # option than the published data the solution pages show.
        return f"{RECORDED}; these data say {_option_text(exercise, exercise.expected(load))}"
    return _option_text(exercise, exercise.expected(load))


def _option_text(exercise: Exercise, value: Any) -> str:
    """``value`` in words; a letter among the checker's options followed by its statement."""
    text = describe_expected(value)
    checker = exercise.checker
    if (
        isinstance(checker, Choice | Prediction)
        and isinstance(checker.options, Mapping)
        and checker.options
    ):
        statement = {str(k).lower(): v for k, v in checker.options.items()}
        text = f"{text}) {statement.get(str(value).lower(), '')}".strip()
    return text


def answer_rows(exercises: Iterable[Exercise], load: Load) -> list[list[str]]:
    """``[id, title, expected]`` for each exercise."""
    return [[e.id, e.title, expected_text(e, load)] for e in exercises]
