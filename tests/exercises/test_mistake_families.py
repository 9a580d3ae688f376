"""The known-mistake families: each is shared, named once, and rejected with its exercise's words.

A family earns its place in ``brakes.content.mistakes`` by recurring, so every one is used by
two exercises or more; a chapter calls the family rather than writing its label
out again, so a grader can count mistakes by family; and each family's wrong
value, computed on the published data, is turned down by its exercise's check
with the exercise's own feedback (or a specific diagnosis where it has none).
The mechanical families' transforms are checked on hand-made values.
"""

from __future__ import annotations

import ast
import inspect
from collections import Counter
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from exercise_helpers import cached

from brakes.content import chapters
from brakes.content import mistakes as _mistakes
from brakes.content.mistakes import FAMILIES
from brakes.data import DEFAULT_SEED
from brakes.data import load as load_table
from brakes.exercises.checkers import Diagnosis
from brakes.exercises.checking import verdict_for
from brakes.exercises.model import Exercise, Load, WrongAnswer
from brakes.exercises.outcomes import Status
from brakes.exercises.registry import all_exercises

EXERCISES = all_exercises()
IN_FAMILIES = [(e, w) for e in EXERCISES for w in e.wrong_answers if w.label in FAMILIES]
CHAPTER_FILES = sorted(Path(chapters.__file__).parent.glob("ch*.py"))


def _no_data(table: str) -> pd.DataFrame:
    raise AssertionError(f"a transform on hand-made values must not load {table!r}")


def test_every_family_is_used_by_two_exercises_or_more() -> None:
    uses = Counter(label for e in EXERCISES for label in {w.label for w in e.wrong_answers})
    rare = {label: uses[label] for label in FAMILIES if uses[label] < 2}
    assert not rare, (
        f"families used by fewer than two exercises (keep them in their chapter): {rare}"
    )


def test_every_family_function_is_listed_by_its_label() -> None:
    """A family missing from FAMILIES would escape the count above."""
    functions = {
        function
        for name, function in inspect.getmembers(_mistakes, inspect.isfunction)
        if function.__module__ == _mistakes.__name__ and not name.startswith("_")
    }
    assert functions == set(FAMILIES.values())


@pytest.mark.parametrize("path", CHAPTER_FILES, ids=lambda p: p.stem)
def test_chapters_call_the_family_rather_than_writing_its_label(path: Path) -> None:
    by_hand = [
        f"line {node.lineno}: WrongAnswer({node.args[0].value!r}, ...)"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) == WrongAnswer.__name__
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and node.args[0].value in FAMILIES
    ]
    assert not by_hand, f"{path.name} writes a family's label by hand: {by_hand}"


@pytest.fixture(scope="module")
def published_load() -> Load:
    return cached(partial(load_table, seed=DEFAULT_SEED))


@pytest.mark.parametrize(
    ("exercise", "wrong"), IN_FAMILIES, ids=[f"{e.id}-{w.label}" for e, w in IN_FAMILIES]
)
def test_family_mistake_is_rejected_with_its_exercise_feedback(
    exercise: Exercise, wrong: WrongAnswer, published_load: Load
) -> None:
    verdict = verdict_for(exercise, wrong.make(published_load), published_load)
    assert verdict.status is Status.INCORRECT, verdict.message
    if wrong.feedback is None:
        assert verdict.diagnosis is not Diagnosis.GENERIC, verdict.message
    else:
        assert (verdict.message, verdict.mistake) == (wrong.feedback, wrong.label)


def _mix(load: Load, normalize: str = "index") -> str:
    return f"normalised by {normalize}"


FLAGGED = pd.DataFrame({"seen": [True, True, False, True], "group": ["a", "b", "b", "b"]})
MENTIONS = pd.DataFrame(
    {"sentiment": ["positive", "negative", "positive", "neutral"], "channel": ["x", "x", "y", "y"]}
)
SERIES = pd.Series({"a": 3.0, "b": 1.0, "c": 2.0})
FRAME = pd.DataFrame({"left": [1, 2], "right": [3, 4]})

#: (the family's WrongAnswer built on hand-made references, the wrong value it must make)
MECHANICAL: dict[str, tuple[WrongAnswer, Any]] = {
    "sorted": (
        _mistakes.sorted_the_wrong_way(lambda load: SERIES),
        pd.Series({"b": 1.0, "c": 2.0, "a": 3.0}),
    ),
    "subtracted": (_mistakes.subtracted_the_wrong_way(lambda load: SERIES), -SERIES),
    "normalised": (_mistakes.normalised_the_other_way(_mix), "normalised by columns"),
    "days": (_mistakes.days_for_weeks(lambda load: 3), 21),
    "other part": (_mistakes.the_other_part(lambda load: 30.0), 70.0),
    "other part of a column": (
        _mistakes.the_other_part(lambda load: FRAME, column="right"),
        pd.DataFrame({"left": [1, 2], "right": [97, 96]}),
    ),
    "swapped": (
        _mistakes.columns_swapped(lambda load: FRAME, "left", "right"),
        pd.DataFrame({"right": [1, 2], "left": [3, 4]}),
    ),
    "subset": (
        _mistakes.share_of_a_subset(lambda load: FLAGGED, "seen", "group"),
        pd.Series({"b": 200 / 3, "a": 100 / 3}, name="proportion").rename_axis("group"),
    ),
    "positives": (
        _mistakes.share_of_positives_only(lambda load: MENTIONS, lambda m: m["channel"]),
        pd.Series({"x": 50.0, "y": 50.0}, name="sentiment").rename_axis("channel"),
    ),
    "change in percent": (_mistakes.change_for_points(lambda load: (20.0, 30.0)), 50.0),
    "option text": (_mistakes.option_text({"a": "Wait.", "b": "Act."}, "b"), "Act."),
    "number": (_mistakes.number_for_letter("c"), 3),
}


@pytest.mark.parametrize(("wrong", "value"), MECHANICAL.values(), ids=MECHANICAL.keys())
def test_mechanical_family_makes_its_wrong_value(wrong: WrongAnswer, value: Any) -> None:
    made = wrong.make(_no_data)
    if isinstance(value, pd.Series):
        pd.testing.assert_series_equal(made, value)
    elif isinstance(value, pd.DataFrame):
        pd.testing.assert_frame_equal(made, value)
    else:
        assert made == value
    assert wrong.label in FAMILIES


def test_family_keeps_the_exercise_feedback_word_for_word() -> None:
    sentence = "Those are numbers of mentions: divide by the total, then multiply by 100."
    wrong = _mistakes.counts_for_shares(lambda load: 1, feedback=sentence)
    assert (wrong.label, wrong.feedback) == (_mistakes.COUNTS_FOR_SHARES, sentence)
