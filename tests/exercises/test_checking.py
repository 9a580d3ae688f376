"""End-to-end evaluation: not attempted, errors instead of tracebacks, known mistakes."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pytest

from brakes.errors import BrakesError
from brakes.exercises.checkers import Diagnosis, Number, Prediction, Reflection, SeriesCheck
from brakes.exercises.checking import evaluate, verdict_for
from brakes.exercises.model import Exercise, WrongAnswer
from brakes.exercises.outcomes import Status

Load = Callable[[str], pd.DataFrame]


def make_exercise(**changes: object) -> Exercise:
    fields: dict[str, object] = {
        "id": "9.1",
        "title": "Mentions per channel",
        "answer_name": "per_channel",
        "tables": ("mentions",),
        "expected": lambda load: load("mentions")["channel"].value_counts(),
        "checker": SeriesCheck(index="channel"),
        "hints": ("one", "two", "three"),
        "solution": 'per_channel = mentions["channel"].value_counts()\n',
        "reveals": "Most talk happens elsewhere.",
        "wrong_answers": (
            WrongAnswer(
                "row count per channel of another table",
                lambda load: load("mentions")["channel"].value_counts() * 2,
                feedback="You counted every mention twice.",
            ),
        ),
    }
    fields.update(changes)
    return Exercise(**fields)  # type: ignore[arg-type]


def test_correct_shows_the_story(fake_load: Load) -> None:
    answer = fake_load("mentions")["channel"].value_counts()
    feedback = evaluate(make_exercise(), answer, fake_load)
    assert feedback.status is Status.CORRECT
    assert feedback.text.startswith("Correct: all 8 values match, one per channel.")
    assert feedback.text.endswith("Most talk happens elsewhere.")


def test_placeholder_is_not_attempted(fake_load: Load) -> None:
    feedback = evaluate(make_exercise(), ..., fake_load)
    assert feedback.status is Status.NOT_ATTEMPTED
    assert feedback.text == (
        "Not attempted yet: replace `...` with your code, then run the cell again."
    )


def test_wrong_type(fake_load: Load) -> None:
    answer = fake_load("mentions")[["channel"]]
    feedback = evaluate(make_exercise(), answer, fake_load)
    assert feedback.text.startswith(
        "Not quite. You gave a DataFrame (400 rows × 1 column); "
        "the answer is a Series indexed by channel."
    )


def test_known_mistake_gets_its_own_sentence(fake_load: Load) -> None:
    answer = fake_load("mentions")["channel"].value_counts() * 2
    feedback = evaluate(make_exercise(), answer, fake_load)
    assert feedback.text == "Not quite. You counted every mention twice."
    verdict = verdict_for(make_exercise(), answer, fake_load)
    assert verdict.diagnosis is Diagnosis.KNOWN_MISTAKE
    assert verdict.mistake == "row count per channel of another table"


def test_data_error_is_an_error_status(fake_load: Load) -> None:
    exercise = make_exercise(expected=lambda load: load("nonexistent"))
    feedback = evaluate(exercise, 3, fake_load)
    assert feedback.status is Status.ERROR
    assert feedback.text == (
        "Could not check: the data could not be loaded: no table 'nonexistent' in the fake data"
    )


def test_broken_reference_is_an_error_status(fake_load: Load) -> None:
    exercise = make_exercise(expected=lambda load: load("mentions")["no such column"])
    feedback = evaluate(exercise, 3, fake_load)
    assert feedback.status is Status.ERROR
    assert "(KeyError)" in feedback.text
    assert "Restart & Run All" in feedback.text


def test_hostile_answer_is_an_error_status_not_a_traceback(fake_load: Load) -> None:
    class Hostile(pd.Series):
        def __eq__(self, other: object) -> bool:
            raise RuntimeError("boom")

        def reindex(self, *args: object, **kwargs: object) -> pd.Series:
            raise RuntimeError("boom")

    answer = Hostile(fake_load("mentions")["channel"].value_counts())
    feedback = evaluate(make_exercise(), answer, fake_load)
    assert feedback.status is Status.ERROR
    assert feedback.text.startswith("Could not check: comparing your answer (a Series of 8 values)")
    assert "(RuntimeError)" in feedback.text


def test_exercise_validation() -> None:
    with pytest.raises(ValueError, match="never assigns"):
        make_exercise(solution="x = 1\n")
    with pytest.raises(ValueError, match="not of the form"):
        make_exercise(id="one")
    assert (
        make_exercise(wrong_answers=[("label", lambda load: 1)]).wrong_answers[0].label == "label"
    )


def test_number_exercise(fake_load: Load) -> None:
    exercise = make_exercise(
        expected=lambda load: len(load("mentions")),
        checker=Number(integer=True),
        solution="per_channel = len(mentions)\n",
        wrong_answers=(),
    )
    assert evaluate(exercise, 400, fake_load).text.startswith("Correct: 400.")
    assert evaluate(exercise, 399, fake_load).text.startswith(
        "Not quite. You gave 399: very close, but one off."
    )


def test_prediction_is_recorded(fake_load: Load) -> None:
    exercise = make_exercise(
        checker=Prediction(options={"a": "more", "b": "fewer"}),
        solution='per_channel = "a"\n',
        wrong_answers=(),
    )
    feedback = evaluate(exercise, "b", fake_load)
    assert feedback.status is Status.RECORDED
    assert feedback.text.startswith("Noted: you expect b). Keep it in mind as you go on.")
    assert feedback.record()["status"] == "recorded"
    assert evaluate(exercise, ..., fake_load).status is Status.NOT_ATTEMPTED


def test_reflection_is_recorded(fake_load: Load) -> None:
    exercise = make_exercise(checker=Reflection(), solution='per_channel = "x"\n', wrong_answers=())
    feedback = evaluate(exercise, "Forums matter more than our own pages.", fake_load)
    assert feedback.text.startswith("Noted: your reading is saved in this notebook (7 words).")
    assert "Recorded" not in feedback.html() and "Noted" in feedback.html()
    empty = evaluate(exercise, "", fake_load)
    assert empty.status is Status.NOT_ATTEMPTED
    assert empty.text == "Not attempted yet: write one or two sentences in your own words."


def test_brakes_error_is_a_brakes_error() -> None:
    assert issubclass(BrakesError, Exception)
