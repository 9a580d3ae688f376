"""Every chapter page, Getting started included, holds the same trainer material in its
trainer-only blocks: facilitator notes with a set-up slot, a plan that places every exercise,
debrief questions, a no-code path, and learners' reactions written as what to watch for.

Read from the page sources (no build): the blocks' reach into the editions is
test_editions.py's job."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_editions import ONLY_TRAINER

from brakes.config import COURSE
from brakes.notebook_meta import exercise_cells

#: Each page with exercises, by the chapter number its exercise ids start with.
PAGES = {
    0: "course/getting-started.md",
    1: "course/control/index.md",
    2: "course/understanding/index.md",
    3: "course/strategy/index.md",
}

#: Words that report how learners reacted, which nobody has observed: a note says what to
#: watch for ("Watch whether…", "If a group…") instead.
OBSERVED = re.compile(
    r"\b(?:most|many|some) (?:groups|rooms|learners|participants|people)\b"
    r"|\b(?:usually|often|typically|tend to)\b",
    re.I,
)


def trainer_text(page: str) -> str:
    """The text of a page's trainer-only blocks, one after the other."""
    source = (COURSE.root / page).read_text(encoding="utf-8")
    return "\n".join(match.group(2) for match in ONLY_TRAINER.finditer(source))


def admonition(text: str, title: str) -> str:
    """The body of the trainer admonition whose title contains ``title`` ("" when none)."""
    match = re.search(
        r"^```\{admonition\}[^\n]*" + re.escape(title) + r"[^\n]*\n(.*?)^```$", text, re.M | re.S
    )
    return match.group(1) if match else ""


def exercise_ids(chapter: int) -> list[str]:
    """The ids of the chapter's exercises, from the solution notebooks' cell metadata."""
    ids = []
    for path in sorted(COURSE.solutions_dir.glob(f"{chapter:02d}*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        ids += [meta.exercise for _, meta in exercise_cells(cells)]
    return ids


def placed(exercise: str, text: str) -> bool:
    """Whether the notes name the exercise, alone or inside a range such as "2.9 to 2.15"."""
    if re.search(rf"(?<![\d.]){re.escape(exercise)}(?![\d])", text):
        return True
    chapter, number = exercise.split(".")
    for first, last in re.findall(rf"\b{chapter}\.(\d+) to {chapter}\.(\d+)\b", text):
        if int(first) <= int(number) <= int(last):
            return True
    return False


@pytest.mark.parametrize("chapter", sorted(PAGES))
def test_facilitator_notes_open_with_a_set_up_slot(chapter: int) -> None:
    notes = admonition(trainer_text(PAGES[chapter]), "Facilitator notes")
    assert notes, f"{PAGES[chapter]} has no facilitator notes"
    assert "brakes doctor" in notes and "seed" in notes, (
        f"{PAGES[chapter]}: the set-up slot should say to run `brakes doctor` and check the seed"
    )


@pytest.mark.parametrize("chapter", sorted(PAGES))
def test_the_plan_places_every_exercise(chapter: int) -> None:
    notes = admonition(trainer_text(PAGES[chapter]), "Facilitator notes")
    ids = exercise_ids(chapter)
    assert ids, f"no exercises found for chapter {chapter}"
    missing = [exercise for exercise in ids if not placed(exercise, notes)]
    assert not missing, f"{PAGES[chapter]}: the 90-minute plan does not place {missing}"


@pytest.mark.parametrize("chapter", sorted(PAGES))
def test_debrief_questions_and_a_no_code_path(chapter: int) -> None:
    text = trainer_text(PAGES[chapter])
    questions = re.findall(r"^- ", admonition(text, "Debrief questions"), re.M)
    assert len(questions) >= 4, f"{PAGES[chapter]}: expected at least four debrief questions"
    no_code = admonition(text, "no-code path")
    assert "solutions/" in no_code, f"{PAGES[chapter]}: the no-code path names no solution page"
    assert re.search(rf"(?<![\d.]){chapter}\.\d+", no_code), (
        f"{PAGES[chapter]}: the no-code path names no exercise to read"
    )


@pytest.mark.parametrize("chapter", sorted(PAGES))
def test_notes_say_what_to_watch_for_not_what_learners_did(chapter: int) -> None:
    claims = [m.group(0) for m in OBSERVED.finditer(trainer_text(PAGES[chapter]))]
    assert not claims, f"{PAGES[chapter]} reports reactions nobody observed: {claims}"


def test_the_pages_are_the_chapters_with_exercises() -> None:
    chapters = {int(path.name[:2]) for path in COURSE.solutions_dir.glob("[0-9][0-9]*.ipynb")}
    assert chapters == set(PAGES), "a chapter was added or removed: list its page in PAGES"
    assert all(Path(COURSE.root / page).is_file() for page in PAGES.values())


#: Minutes typed by hand next to an exercise id ("1.2 (5 min)", "0.4, predict (10 min)"):
#: the plan's minutes come from the estimate, through {session-plan}.
TYPED_MINUTES = re.compile(r"(?<![\d.])\d\.\d+\b[^.\n]{0,30}\(\d+ min")


@pytest.mark.parametrize("chapter", sorted(PAGES))
def test_the_plan_is_computed_not_typed(chapter: int) -> None:
    notes = admonition(trainer_text(PAGES[chapter]), "Facilitator notes")
    for directive in ("agenda", "session-plan"):
        assert re.search(rf"\{{{directive}\}} chapter {chapter}\s*$", notes, re.M), (
            f"{PAGES[chapter]}: the facilitator notes should hold {{{directive}}} chapter {chapter}"
        )
    typed = [m.group(0) for m in TYPED_MINUTES.finditer(notes)]
    assert not typed, (
        f"{PAGES[chapter]} types an exercise's minutes by hand ({typed}); the session-plan "
        "directive gives them from the estimate"
    )
