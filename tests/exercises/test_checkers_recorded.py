"""Prediction and Reflection: anything filled in is recorded, placeholders are not."""

from __future__ import annotations

import pytest

from brakes.exercises.checkers import Diagnosis, Prediction, Reflection
from brakes.exercises.outcomes import Status

LETTERS = Prediction(options={"a": "more", "b": "fewer", "c": "the same"})
NUMBER = Prediction(numeric=True)


@pytest.mark.parametrize("answer", ["b", "B", " (b) ", "b)"])
def test_a_letter_among_the_options_is_recorded(answer: str) -> None:
    verdict = LETTERS.compare(answer, None)
    assert verdict.status is Status.RECORDED
    assert verdict.diagnosis is Diagnosis.RECORDED
    assert verdict.message == "you expect b). Keep it in mind as you go on."


def test_a_letter_that_is_no_option() -> None:
    verdict = LETTERS.compare("z", None)
    assert verdict.status is Status.INCORRECT
    assert "one letter among 'a', 'b', 'c'" in verdict.message
    assert "letter as text" in LETTERS.compare(2, None).message


@pytest.mark.parametrize(("answer", "shown"), [(30, "30"), (12.5, "12.5"), ("40 %", "40")])
def test_any_finite_number_is_recorded(answer: object, shown: str) -> None:
    verdict = NUMBER.compare(answer, None)
    assert verdict.status is Status.RECORDED
    assert verdict.message == f"you expect {shown}. Keep it in mind as you go on."


@pytest.mark.parametrize(
    "answer", [float("nan"), float("inf"), 10**5000], ids=["nan", "inf", "huge"]
)
def test_no_number_is_not_recorded(answer: object) -> None:
    assert NUMBER.compare(answer, None).diagnosis is Diagnosis.NOT_A_NUMBER


@pytest.mark.parametrize("answer", ["", "   ", "...", "…", "Your answer here"])
def test_placeholders_are_not_attempted(answer: str) -> None:
    assert LETTERS.compare(answer, None).status is Status.NOT_ATTEMPTED
    verdict = Reflection().compare(answer, None)
    assert verdict.status is Status.NOT_ATTEMPTED
    assert verdict.message == "write one or two sentences in your own words."


def test_a_reflection_is_recorded() -> None:
    verdict = Reflection().compare("Most complaints are where we do not answer.", None)
    assert verdict.status is Status.RECORDED
    assert verdict.message == "your reading is saved in this notebook (8 words)."


def test_a_reflection_too_short() -> None:
    verdict = Reflection(min_words=3).compare("yes", None)
    assert verdict.status is Status.NOT_ATTEMPTED
    assert verdict.diagnosis is Diagnosis.TOO_SHORT


def test_a_reflection_is_text() -> None:
    verdict = Reflection().compare(42, None)
    assert verdict.diagnosis is Diagnosis.TYPE
    assert "sentences of text" in verdict.message
