"""A workshop kit on a non-default seed, and one grading run over a room of good, partial and
hostile submissions, shared by the tests that read its report (kernels start once per session).
"""

from __future__ import annotations

import csv
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from grading_notebooks import (
    FIXTURES,
    SOLUTION,
    answered,
    endless_loop,
    every_answer,
    hashes,
    tampered,
    write,
)

from brakes.config import COURSE
from brakes.data import generate, write_tables
from brakes.exercises.registry import all_exercises
from brakes.settings import WORKSHOP_FILE, WORKSHOP_VERSION
from brakes.trainer.grading.batch import BatchReport, grade
from brakes.trainer.grading.options import GradeOptions
from brakes.trainer.workshop import sealed_exercises

SEED = 2027
#: The kit's salt (a workshop draws a random one).
SALT = "0123456789abcdef"
#: The learner notebooks the tests hand out (not the whole exercises/ folder, which grows).
HANDED_OUT = (
    "00-getting-started.ipynb",
    "01a-control-where-people-talk.ipynb",
    "01b-control-how-the-brand-answers.ipynb",
)
#: A learner folder whose name is a spreadsheet formula and an HTML tag.
HOSTILE_LEARNER = "=2+5 <img src=x onerror=alert(1)>"
#: An interpret answer that is a formula and holds a script tag.
HOSTILE_READING = (
    '=HYPERLINK("http://example.invalid/steal","Click") <script>alert("pwned")</script> '
    "the agency answers faster but solves fewer problems."
)
#: Limits for the test room: long enough for a chapter notebook on a busy 2-core machine.
OPTIONS = GradeOptions(jobs=2, timeout=45, memory_mb=1024)


@pytest.fixture(scope="session")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `brakes workshop --out KIT` writes, as far as grading reads it (no wheel):
    KIT/participants/<kit>/ with the notebooks, data/ for seed 2027 and the workshop file with
    its sealed answers, which the graded notebooks' own checks use.
    """
    root = tmp_path_factory.mktemp("kit")
    folder = root / "participants" / "releasing-the-brakes-workshop"
    write_tables(generate(SEED), folder / "data")
    for name in HANDED_OUT:
        shutil.copyfile(COURSE.exercises_dir / name, folder / name)
    settings = {
        "version": WORKSHOP_VERSION,
        "seed": SEED,
        "data": "data",
        "salt": SALT,
        "exercises": sealed_exercises(all_exercises(), SEED, SALT),
    }
    (folder / WORKSHOP_FILE).write_text(json.dumps(settings), encoding="utf-8")
    return root


@dataclass(frozen=True)
class Room:
    """A grading run: where things were, what they hashed to before, and what came out."""

    kit: Path
    submissions: Path
    report: BatchReport
    before: dict[str, str]
    kit_before: dict[str, str]
    child_marker: str  # the endless loop's child is `sleep MARKER` (grading_notebooks)
    rows: list[dict[str, str]]
    html: str

    def rows_of(self, notebook: str) -> dict[str, dict[str, str]]:
        """The CSV rows of one notebook, by exercise id (as the CSV writes them)."""
        return {
            row["exercise"]: row for row in self.rows if row["notebook"].lstrip("'") == notebook
        }


def make_room(folder: Path, child_marker: str) -> None:
    """The submissions: one good, one partial, one hostile in words, the hostile runs, and the
    notebooks that show a check correct though their answer is not (each its own learner's)."""
    write(
        answered(
            "01a-control-where-people-talk.ipynb",
            every_answer("01a-control-where-people-talk.ipynb"),
        ),
        folder / "alice" / "01a-control-where-people-talk.ipynb",
    )
    # A checkpoint copy Jupyter leaves behind: never graded.
    write(
        answered("01a-control-where-people-talk.ipynb", {}),
        folder / "alice" / ".ipynb_checkpoints" / "01a-control-where-people-talk-checkpoint.ipynb",
    )
    write(
        answered(
            "00-getting-started.ipynb",
            {
                "0.1": SOLUTION,
                "0.2": SOLUTION,
                "0.3": SOLUTION,
                "0.4": 'q4 = exercise("0.4")\nshare_negative = 0.9\nq4.check(share_negative)',
            },
            after={"0.1": ["q1.hint()"], "0.2": ["1 / 0  # a slip half-way"]},
        ),
        folder / "bob.ipynb",
    )
    write(
        answered(
            "01b-control-how-the-brand-answers.ipynb",
            {
                "1.13": 'q13 = exercise("1.13")\nmy_guess_answer = "@SUM(1+1)"\n'
                "q13.check(my_guess_answer)",
                "1.14": SOLUTION,
                "1.22": f'q22 = exercise("1.22")\nmy_reading_answers = {HOSTILE_READING!r}\n'
                "q22.check(my_reading_answers)",
            },
        ),
        folder / HOSTILE_LEARNER / "01b-control-how-the-brand-answers.ipynb",
    )
    write(endless_loop(child_marker), folder / "aaron" / "endless-loop.ipynb")
    for name, nb in tampered().items():
        write(nb, folder / Path(name).stem / name)
    for fixture in sorted(FIXTURES.glob("*.ipynb")):
        shutil.copyfile(fixture, folder / fixture.name)


@pytest.fixture(scope="session")
def room(kit: Path, tmp_path_factory: pytest.TempPathFactory) -> Room:
    """Grade the room once (two kernels at a time) and read its report back."""
    base = tmp_path_factory.mktemp("room")
    submissions, marker = base / "submissions", f"600.{os.getpid()}"
    make_room(submissions, marker)
    before, kit_before = hashes(submissions), hashes(kit)
    report = grade(kit, submissions, base / "report", OPTIONS, progress=False)
    with report.csv.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    html = report.html.read_text(encoding="utf-8")
    return Room(kit, submissions, report, before, kit_before, marker, rows, html)
