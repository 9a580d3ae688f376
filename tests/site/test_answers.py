"""The trainer's answer sheet: computed from the exercises on the workshop's seed, never typed."""

from __future__ import annotations

import html

import pytest

from brakes.data import DEFAULT_SEED, SeedSource
from brakes.exercises.registry import get
from brakes.trainer.answer_sheet import describe_expected

TITLE = "Expected answers for your session"


def expected_text(exercise_id: str, seed: int) -> str:
    return describe_expected(get(exercise_id).expected(SeedSource(seed).load))


def test_the_sheet_follows_the_seed() -> None:
    assert expected_text("1.3", DEFAULT_SEED) != expected_text("1.3", 7)
    listen = get("1.12").checker.options[expected_text("1.12", DEFAULT_SEED)]
    assert listen.startswith("Listen on forums and review sites")


def test_tables_read_label_by_label() -> None:
    text = expected_text("1.20", DEFAULT_SEED)
    assert text.startswith("agency / median_first_response_min: ")
    assert "in_house / resolution_rate: " in text


@pytest.mark.site
def test_the_trainer_edition_shows_the_sheet_and_the_learner_edition_does_not(
    sites: dict,
) -> None:
    page = "course/control/index.html"
    trainer = html.unescape((sites["trainer"].html / page).read_text(encoding="utf-8"))
    learner = html.unescape((sites["learner"].html / page).read_text(encoding="utf-8"))
    assert TITLE in trainer
    assert expected_text("1.3", DEFAULT_SEED) in trainer
    assert expected_text("1.16", DEFAULT_SEED).split(";")[0] in trainer
    assert TITLE not in learner
