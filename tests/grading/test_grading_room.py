"""One grading run over a room of good, partial and hostile notebooks (see conftest.make_room).

Every submission appears once with a clear status, the good one passes every
check, the partial one is graded for what it did, the originals and the kit
are untouched, no process outlives its limit, and learner text stays text in
both report files.
"""

from __future__ import annotations

import base64
import csv
import re
from collections.abc import Mapping

import nbformat
import pytest
from conftest import HOSTILE_LEARNER, HOSTILE_READING, Room
from grading_notebooks import DELETED, TAMPERING, exercise_sources, hashes, still_running

from brakes.config import COURSE
from brakes.exercises.checkers.recorded import Prediction
from brakes.exercises.registry import default_registry
from brakes.trainer.grading.report_csv import FORMULA_STARTS

pytestmark = pytest.mark.kernel

HOSTILE_NOTEBOOK = f"{HOSTILE_LEARNER}/01b-control-how-the-brand-answers.ipynb"
#: The tampering that a sandboxed kernel's sealed exercises foil: each needs the expected answer
#: computed on the data it sees.
SEALED_AGAINST = ("patched-checking.ipynb", "rewritten-data.ipynb", "swapped-data.ipynb")

#: Each submission's notebook status, and words its reason must hold.
EXPECTED = {
    "alice/01a-control-where-people-talk.ipynb": ("ran", ""),
    "bob.ipynb": ("raised", "ZeroDivisionError"),
    HOSTILE_NOTEBOOK: ("ran", ""),
    "aaron/endless-loop.ipynb": ("timeout", "time limit of 45 s"),
    "memory-hog.ipynb": ("memory", "MemoryError at the 1024 MB limit"),
    "prints-megabytes.ipynb": ("ran", "MB of output (not kept)"),
    "os-exit.ipynb": ("crashed", "exited with code 3"),
    "deletes-files.ipynb": ("raised", "data folder"),
    "malformed.ipynb": ("invalid", "broken JSON"),
    "r-kernel.ipynb": ("not_run", "language R"),
    **{f"{name[: -len('.ipynb')]}/{name}": ("ran", "") for name in (*TAMPERING, DELETED)},
}


def test_every_submission_appears_once_with_its_status_and_reason(room: Room) -> None:
    runs = {r.submission.notebook: r.run for r in room.report.results}
    assert set(runs) == set(EXPECTED)  # the .ipynb_checkpoints copy is not graded
    for notebook, (status, words) in EXPECTED.items():
        assert (runs[notebook].status, notebook) == (status, notebook)
        assert words in runs[notebook].reason, (notebook, runs[notebook].reason)
    in_csv = {row["notebook"].lstrip("'") for row in room.rows}
    assert in_csv == set(EXPECTED)


def test_exit_code_says_some_notebooks_could_not_run(room: Room) -> None:
    assert room.report.exit_code == 1
    lines = room.report.lines()
    assert (
        "11 ran to the end (2 with cells that raised an error); 5 did not: "
        "1 invalid, 1 not_run, 1 timeout, 1 memory, 1 crashed."
    ) in lines


def test_good_submission_passes_every_check_on_another_seed(room: Room) -> None:
    rows = room.rows_of("alice/01a-control-where-people-talk.ipynb")
    solved = nbformat.read(COURSE.exercises_dir / "01a-control-where-people-talk.ipynb", 4)
    assert list(rows) == list(exercise_sources(solved))
    for exercise, row in rows.items():
        kind = default_registry.get(exercise).kind.value
        expected = "recorded" if kind in ("predict", "interpret") else "correct"
        assert (exercise, row["status"]) == (exercise, expected), row["feedback"]
        # Its own checks ran in the kernel (on the kit's sealed exercises) and showed the same.
        assert (exercise, row["shown"], row["flag"]) == (exercise, expected, "")
    assert rows["1.6"]["answer"].startswith("In La Mijotière's data, most of the conversation")
    # Alice's 1.1 is the solution's: the option "elsewhere", at the letter its shuffle gives it.
    choices = default_registry.get("1.1").checker
    assert isinstance(choices, Prediction) and isinstance(choices.options, Mapping)
    elsewhere = [letter for letter, text in choices.options.items() if "no account" in text]
    assert [rows["1.1"]["answer"]] == elsewhere


def test_a_check_shown_correct_over_a_wrong_answer_is_not_correct_and_flagged(room: Room) -> None:
    """A hand-made record, a rebound check, a patched checking module, data rewritten or swapped,
    an answer deleted after its check: the notebook showed 0.1 correct, the re-check does not.

    In the sandbox the notebook's checks are the kit's sealed ones: a patched checking module has
    no reference answer to judge itself right with, and data rewritten or swapped does not move
    a sealed answer, so those three show their wrong answer wrong.
    """
    isolated = all(result.run.isolated for result in room.report.results)
    foiled = set(SEALED_AGAINST) if isolated else set()
    flagged = room.html.split("id='flagged'")[1].split("</section>")[0]
    for name in (*TAMPERING, DELETED):
        row = room.rows_of(f"{name[: -len('.ipynb')]}/{name}")["0.1"]
        expected = "not_checked" if name == DELETED else "incorrect"
        shown = "incorrect" if name in foiled else "correct"
        assert (name, row["shown"], row["status"]) == (name, shown, expected), row["feedback"]
        words = "no answer" if name == DELETED else "wrong"
        flag = "" if name in foiled else f"shown correct in the notebook, {words} on re-check"
        assert (name, row["flag"]) == (name, flag)
        assert name in flagged or name in foiled
    assert any("differ from what the notebook showed (flagged)" in x for x in room.report.lines())
    # The answer of a notebook that printed megabytes still came back, and agrees.
    flood = room.rows_of("prints-megabytes.ipynb")["0.1"]
    assert (flood["status"], flood["shown"], flood["flag"]) == ("correct", "correct", "")
    assert "Verdicts come from the grader&#x27;s re-check" in room.html


def test_the_gradebook_has_one_line_per_learner(room: Room) -> None:
    with room.report.gradebook.open(encoding="utf-8-sig", newline="") as stream:
        book = {row["learner"].lstrip("'"): row for row in csv.DictReader(stream)}
    assert set(book) == {r.submission.learner for r in room.report.results}
    alice = book["alice"]
    assert alice["attempted"] == alice["correct"] == alice["total"] and alice["percent"] == "100.0"
    bob = book["bob"]  # 0.1, 0.2 right, 0.3 predicted, 0.4 wrong; 0.5 to 0.7 left as handed out
    assert [bob[c] for c in ("attempted", "correct", "total", "percent")] == ["4", "3", "7", "42.9"]
    assert book["hand-made-record"]["correct"] == "0"


def test_partial_submission_counts_the_learners_own_work(room: Room) -> None:
    rows = room.rows_of("bob.ipynb")
    statuses = {exercise: row["status"] for exercise, row in rows.items()}
    # 0.1 is right although the notebook's own demonstration checks a wrong answer after it;
    # 0.2 still counts after the cell that raised.
    assert statuses == {
        "0.1": "correct",
        "0.2": "correct",
        "0.3": "recorded",
        "0.4": "incorrect",
        "0.5": "not_attempted",
        "0.6": "not_attempted",
        "0.7": "not_attempted",
    }
    # One hint the learner asked for; the two the lesson shows are not theirs.
    assert rows["0.1"]["hints_used"] == "1"
    # The learner's words as the solution cell wrote them (negative_guess = 30).
    solution = exercise_sources(nbformat.read(COURSE.solutions_dir / "00-getting-started.ipynb", 4))
    (guess,) = re.findall(r"^negative_guess = (.+)$", solution["0.3"], re.M)
    assert rows["0.3"]["answer"] == guess


def test_originals_and_kit_are_unchanged(room: Room) -> None:
    assert hashes(room.submissions) == room.before
    assert hashes(room.kit) == room.kit_before
    assert room.report.changed == ()
    assert any(line.startswith("The originals are unchanged") for line in room.report.lines())


def test_timeout_kills_what_the_notebook_started(room: Room) -> None:
    assert still_running(room.child_marker) == []


def test_csv_never_starts_a_cell_with_a_formula(room: Room) -> None:
    for row in room.rows:
        for column, value in row.items():
            assert not value.startswith(FORMULA_STARTS), (column, value)
    rows = room.rows_of(HOSTILE_NOTEBOOK)
    assert rows["1.22"]["status"] == "recorded"
    assert rows["1.22"]["answer"] == "'" + HOSTILE_READING
    assert rows["1.22"]["learner"] == "'" + HOSTILE_LEARNER
    assert rows["1.13"]["status"] == "incorrect"


def test_html_shows_learner_text_as_text(room: Room) -> None:
    html = room.html
    assert "<script" not in html.lower()
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "=HYPERLINK(&quot;http://example.invalid/steal&quot;" in html


def test_html_reads_offline(room: Room) -> None:
    html = room.html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", html, re.IGNORECASE)
    assert "url(" not in html and "@import" not in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    images = re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', html)
    assert len(images) == 1 and base64.b64decode(images[0]).startswith(b"\x89PNG")


def test_html_has_the_class_view(room: Room) -> None:
    html = room.html
    for heading in (
        "The class at a glance",
        "Most-missed exercises",
        "In the learners&#x27; own words",
        "Learner by learner",
        "Notebooks that did not run cleanly",
    ):
        assert heading in html
    missed = html.split("id='missed'")[1].split("</section>")[0]
    assert "0.4 · What share of the mentions is negative?" in missed
    assert "(1×)" in missed  # bob's wrong answer, counted
    words = html.split("id='words'")[1].split("</section>")[0]
    assert "In La Mijotière&#x27;s data, most of the conversation" in words
