"""Agendas are computed from the declared minutes: they fit the session and change with them."""

from __future__ import annotations

import pytest

from brakes.sphinxext.agenda import FORMATS, LUNCH, Notebook, plan

GETTING_STARTED = Notebook(0, "Exercises: getting started", 65, "Getting started")
CHAPTER_1 = [
    Notebook(1, "Exercises: where people talk", 80, "Brake one"),
    Notebook(1, "Exercises: how the brand answers", 85, "Brake one"),
]
LATER = [Notebook(c, f"Exercises {c}{part}", 70, f"Brake {c}") for c in (2, 3) for part in "ab"]
READING = [("Brake one", 35)]


def room_minutes(agenda, title: str) -> int:
    return sum(s.minutes for s in agenda.slots if s.what.startswith(title))


@pytest.mark.parametrize(
    ("length", "notebooks", "lunch"),
    [
        (FORMATS["session"], CHAPTER_1, False),
        (FORMATS["half-day"], [GETTING_STARTED, *CHAPTER_1], False),
        (FORMATS["full-day"], [GETTING_STARTED, *CHAPTER_1, *LATER], True),
    ],
)
def test_an_agenda_fits_its_length_and_accounts_for_every_declared_minute(
    length: int, notebooks: list[Notebook], lunch: bool
) -> None:
    agenda = plan(length, notebooks, READING, lunch=lunch)
    assert length - 15 <= agenda.end <= length
    starts = [s.start for s in agenda.slots]
    assert starts == sorted(starts) and all(
        a.start + a.minutes == b.start for a, b in zip(agenda.slots, agenda.slots[1:], strict=False)
    ), "slots follow each other with no gap or overlap"
    homework = dict(agenda.homework)
    for notebook in notebooks:
        assert room_minutes(agenda, notebook.title) + homework.get(notebook.title, 0) == (
            notebook.minutes
        ), notebook.title
    debriefs = [s for s in agenda.slots if s.what.startswith("Debrief")]
    assert len(debriefs) == len({n.chapter for n in notebooks})
    assert (sum(s.minutes for s in agenda.slots if s.what == "Lunch") == LUNCH) is lunch
    assert agenda.pre_work == tuple(READING)


def test_a_day_has_a_break_before_people_sit_for_two_hours() -> None:
    agenda = plan(FORMATS["full-day"], [GETTING_STARTED, *CHAPTER_1, *LATER], READING, lunch=True)
    run = 0
    for slot in agenda.slots:
        run = 0 if slot.what in ("Break", "Lunch") else run + slot.minutes
        assert run <= 120, f"{run} minutes without a break at {slot.what}"


def test_changing_a_notebook_s_minutes_changes_the_agenda() -> None:
    short = [Notebook(1, "Exercises: where people talk", 30, "Brake one"), CHAPTER_1[1]]
    before = plan(FORMATS["session"], CHAPTER_1, READING)
    after = plan(FORMATS["session"], short, READING)
    assert before != after
    first, second = (n.title for n in CHAPTER_1)
    assert room_minutes(after, first) < room_minutes(before, first)
    assert room_minutes(after, second) > room_minutes(before, second)


def test_what_fits_is_not_cut() -> None:
    agenda = plan(FORMATS["half-day"], [GETTING_STARTED], READING)
    assert room_minutes(agenda, GETTING_STARTED.title) == 65 and agenda.homework == ()
