"""Agendas are computed from the estimated minutes: they fit the session, keep each notebook's
core path whole, and name the exercises done in the room and left for after."""

from __future__ import annotations

import re

import pytest

from brakes.content.minutes import NotebookTime, Step
from brakes.exercises.model import ExerciseKind
from brakes.sphinxext.agenda import (
    FORMATS,
    LUNCH,
    Agenda,
    Mode,
    Notebook,
    _plan_lines,
    exercise_list,
    plan,
)

KINDS = {"p": ExerciseKind.PREDICT, "a": ExerciseKind.ANSWER, "i": ExerciseKind.INTERPRET}


def notebook(chapter: int, name: str, primer: int, steps: str, given: int = 0) -> Notebook:
    """A notebook from a short description: "p a a+ i" is a prediction, a core computing
    exercise, an extension one and an interpretation; each computing exercise has 3 lines."""
    made = []
    for number, code in enumerate(steps.split(), start=1):
        kind = KINDS[code[0]]
        made.append(
            Step(f"{chapter}.{number}", kind, 60, 3 if kind is ExerciseKind.ANSWER else 0,
                 plot=False, extension=code.endswith("+"))
        )  # fmt: skip
    time = NotebookTime(name, primer, given, tuple(made), {})
    return Notebook(chapter, f"Exercises: {name}", time, f"Brake {chapter}")


GETTING_STARTED = notebook(0, "getting started", 8, "a p a a+ a+", given=20)
CHAPTER_1 = [
    notebook(1, "where people talk", 5, "p a a+ a+ i p a a+ i"),
    notebook(1, "how the brand answers", 4, "p a a a+ a+ i"),
]
LATER = [notebook(c, f"{c}{part}", 15, "p a a+ a+ i p a a+ i") for c in (2, 3) for part in "ab"]
READING = [("Brake one", 35)]


def room_minutes(agenda: Agenda, title: str) -> int:
    return sum(s.minutes for s in agenda.slots if s.what.startswith(title))


@pytest.mark.parametrize(
    ("length", "notebooks", "lunch"),
    [
        (FORMATS["session"], CHAPTER_1, False),
        (FORMATS["half-day"], [GETTING_STARTED, *CHAPTER_1], False),
        (FORMATS["full-day"], [GETTING_STARTED, *CHAPTER_1, *LATER], True),
    ],
)
def test_an_agenda_fits_its_length_and_keeps_every_core_whole(
    length: int, notebooks: list[Notebook], lunch: bool
) -> None:
    agenda = plan(length, notebooks, READING, lunch=lunch)
    assert agenda.end <= length
    assert all(
        a.start + a.minutes == b.start for a, b in zip(agenda.slots, agenda.slots[1:], strict=False)
    ), "slots follow each other with no gap or overlap"
    for run in agenda.runs:
        time = run.notebook.time
        if run.mode is Mode.HANDS_ON:
            assert room_minutes(agenda, run.notebook.title) == (
                time.primer + time.core_minutes + sum(s.minutes for s in run.extras)
            )
            assert run.left_minutes + sum(s.minutes for s in run.extras) == time.extension_minutes
        else:
            assert run.left_minutes == time.total, "a notebook not run hands-on is homework whole"
    debriefs = [s for s in agenda.slots if s.what.startswith("Debrief")]
    assert len(debriefs) == len({r.notebook.chapter for r in agenda.runs if r.minutes})
    assert (sum(s.minutes for s in agenda.slots if s.what == "Lunch") == LUNCH) is lunch
    assert agenda.pre_work == tuple(READING)


def test_when_time_is_short_the_core_stays_and_the_extension_is_named_for_after() -> None:
    agenda = plan(FORMATS["session"], CHAPTER_1, READING)
    first = agenda.runs[0]
    assert first.mode is Mode.HANDS_ON
    slot = next(s.what for s in agenda.slots if s.what.startswith(first.notebook.title))
    assert "core 1.1, 1.2, 1.5 to 1.7, 1.9" in slot, slot
    assert not re.search(r"the first \d+ of", slot)
    homework = dict(agenda.homework)
    left = [s.exercise_id for s in first.left]
    assert left and all(s.extension for s in first.left)
    assert (
        f"{first.notebook.title}, extension {exercise_list(first.left, first.notebook.time.steps)}"
        in homework
    )


def test_a_core_that_does_not_fit_is_shown_at_the_projector_not_cut() -> None:
    long = notebook(2, "long", 30, "p a a a a a a i p a a a a i")
    agenda = plan(FORMATS["session"], [long], READING)
    (run,) = agenda.runs
    assert run.mode is Mode.PROJECTOR
    assert run.minutes == long.time.shown_minutes < long.time.primer + long.time.core_minutes
    assert dict(agenda.homework) == {f"{long.title}, the whole notebook hands-on": long.time.total}


def test_a_notebook_too_long_for_the_projector_shows_its_first_whole_stories() -> None:
    first = notebook(2, "first", 10, "p a a a a a a a i p a a a i", given=20)
    second = notebook(2, "second", 10, "p a a i p a a i p a a i", given=20)
    agenda = plan(FORMATS["session"], [first, second], READING)
    cut = agenda.runs[1]
    assert cut.mode is Mode.PROJECTOR and cut.stories is not None
    assert cut.shown == tuple(s for story in second.time.stories()[: cut.stories] for s in story)
    slot = next(s.what for s in agenda.slots if s.what.startswith(second.title))
    assert f"its first {'story' if cut.stories == 1 else f'{cut.stories} stories'}" in slot
    assert dict(agenda.homework)[f"{second.title}, the whole notebook hands-on"] == (
        second.time.total
    )


def test_what_fits_is_not_cut() -> None:
    agenda = plan(FORMATS["half-day"], [GETTING_STARTED], READING)
    (run,) = agenda.runs
    assert run.mode is Mode.HANDS_ON and run.extras == GETTING_STARTED.time.extension
    assert room_minutes(agenda, GETTING_STARTED.title) == GETTING_STARTED.time.total
    assert agenda.homework == ()


def test_the_plan_exercise_by_exercise_adds_up_to_the_timetable() -> None:
    """The trainer notes' plan ({session-plan}) and the timetable come from the same run."""
    for agenda in (
        plan(FORMATS["session"], CHAPTER_1, READING),
        plan(FORMATS["full-day"], [GETTING_STARTED, *CHAPTER_1, *LATER], READING, lunch=True),
    ):
        for run in agenda.runs:
            lines = _plan_lines(run)
            said = sum(int(m) for line in lines for m in re.findall(r"\((\d+) min\)", line))
            assert said == run.minutes, (run.notebook.title, lines)
            named = {line.split(" ", 1)[0].rstrip(",") for line in lines}
            shown = run.notebook.time.core + run.extras if run.minutes else ()
            assert {s.exercise_id for s in shown} <= named


def test_exercises_in_a_row_read_as_a_range() -> None:
    steps = CHAPTER_1[0].time.steps
    picked = [s for s in steps if s.exercise_id in {"1.1", "1.2", "1.3", "1.5", "1.7", "1.8"}]
    assert exercise_list(picked, steps) == "1.1 to 1.3, 1.5, 1.7, 1.8"
