"""The parts of grading that need no kernel: reading submissions, naming learners, turning a run
into rows, the record of a learner's own words, and the two report files' defences.
"""

from __future__ import annotations

import contextlib
import csv
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path, PurePosixPath

import nbformat
import psutil
import pytest
from grading_notebooks import FIXTURES, PYTHON
from nbformat.v4 import new_code_cell, new_notebook, new_output

import brakes
from brakes.config import COURSE
from brakes.data import schema
from brakes.data.source import SeedSource
from brakes.errors import BrakesError
from brakes.exercises.checkers import Reflection
from brakes.exercises.checking import RECORDED_CHARS, evaluate
from brakes.exercises.model import Exercise, ExerciseKind
from brakes.exercises.outcomes import OUTCOME_MIME, Kind, Status, make_record, read_outcomes
from brakes.settings import WORKSHOP_FILE
from brakes.trainer import workshop
from brakes.trainer.grading import runner
from brakes.trainer.grading.answers import encode_answers
from brakes.trainer.grading.batch import summary_lines
from brakes.trainer.grading.kit import GivenNotebook, Kit, locate, version_warning
from brakes.trainer.grading.options import MAX_NOTEBOOK_BYTES, GradeOptions
from brakes.trainer.grading.report_csv import GRADEBOOK_COLUMNS, neutralise, write_gradebook
from brakes.trainer.grading.report_html import render_html
from brakes.trainer.grading.result import (
    CellError,
    CellOutputs,
    CodeCell,
    ExerciseCell,
    Result,
    source_key,
)
from brakes.trainer.grading.results import (
    NOT_CHECKED,
    Graded,
    Row,
    flag,
    gradebook,
    graded,
    message_shape,
    most_missed,
    summarise,
)
from brakes.trainer.grading.runner import Runner, Scratch, kernel_env
from brakes.trainer.grading.status import RunStatus
from brakes.trainer.grading.submissions import Submission, find_submissions, learner_name, sha256_of
from brakes.trainer.grading.worker import read_submission
from brakes.trainer.workshop import course_build

# --- the learner's own words in the record ---------------------------------------------------


def reflection() -> Exercise:
    return Exercise(
        id="9.1",
        title="What do you read?",
        answer_name="reading",
        tables=(),
        checker=Reflection(),
        hints=("Say it in words.",),
        solution='reading = "x"\n',
        reveals="Our reading.",
        kind=ExerciseKind.INTERPRET,
    )


def test_a_recorded_check_keeps_the_learners_words_and_only_then() -> None:
    words = "  <b>Forums</b> matter more than our own pages.\n"
    record = evaluate(reflection(), words, lambda table: None).record()
    assert record["status"] == "recorded"
    assert record["answer"] == "<b>Forums</b> matter more than our own pages."
    assert "answer" not in evaluate(reflection(), "", lambda table: None).record()
    long = evaluate(reflection(), "word " * 1000, lambda table: None).record()["answer"]
    assert len(long) == RECORDED_CHARS and long.endswith("…")


def test_read_outcomes_gives_the_last_recorded_answer() -> None:
    nb = new_notebook()
    nb.cells = [
        new_code_cell(outputs=[new_output("display_data", data={OUTCOME_MIME: record})])
        for record in (
            make_record("9.1", Kind.CHECK, "Noted", Status.RECORDED, answer="first try"),
            make_record("9.1", Kind.CHECK, "Noted", Status.RECORDED, answer="second try"),
            make_record("9.2", Kind.CHECK, "Correct", Status.CORRECT),
        )
    ]
    outcomes = {o.exercise: o for o in read_outcomes(nb)}
    assert outcomes["9.1"].answer == "second try" and outcomes["9.2"].answer == ""


# --- reading a submission --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "status", "words"),
    [
        (b"\xff\xfe not text", RunStatus.INVALID, "not UTF-8"),
        (b'{"cells": [', RunStatus.INVALID, "broken JSON"),
        (b'{"hello": "world"}', RunStatus.INVALID, "without a list of cells"),
        (b'{"cells": [], "nbformat": 3}', RunStatus.INVALID, "notebook format 3"),
        (
            b'{"cells": [{"cell_type": "code"}], "metadata": {}, '
            b'"nbformat": 4, "nbformat_minor": 5}',
            RunStatus.INVALID,
            "not a valid notebook",
        ),
        (b'{"cells": [], "nbformat": 4}', RunStatus.INVALID, "not a valid notebook"),
        (
            b'{"cells": [{"cell_type": "code", "execution_count": null, "id": "a", '
            b'"metadata": {}, "outputs": [{"output_type": "bogus"}], "source": "x = 1"}], '
            b'"metadata": {}, "nbformat": 4, "nbformat_minor": 5}',
            RunStatus.INVALID,
            "is not valid under any of the given schemas",
        ),
    ],
)
def test_what_is_not_a_notebook_is_invalid(
    tmp_path: Path, content: bytes, status: RunStatus, words: str
) -> None:
    path = tmp_path / "x.ipynb"
    path.write_bytes(content)
    nb, refused = read_submission(path)
    assert nb is None and refused is not None
    assert refused.status == status and words in refused.reason


def test_another_kernel_is_not_run_and_python_is(tmp_path: Path) -> None:
    nb, refused = read_submission(FIXTURES / "r-kernel.ipynb")
    assert nb is None and refused is not None and refused.status == RunStatus.NOT_RUN
    for metadata in (PYTHON, {}, {"kernelspec": {"name": "conda-env-py", "display_name": "x"}}):
        path = tmp_path / "ok.ipynb"
        nbformat.write(new_notebook(metadata=metadata), path)
        assert read_submission(path)[1] is None
    julia = {"kernelspec": {"name": "julia-1.10", "display_name": "Julia", "language": "julia"}}
    nbformat.write(new_notebook(metadata=julia), tmp_path / "jl.ipynb")
    assert read_submission(tmp_path / "jl.ipynb")[1].status == RunStatus.NOT_RUN


# --- finding submissions and naming learners -------------------------------------------------


def test_learner_is_the_first_folder_or_the_file_stem(tmp_path: Path) -> None:
    assert learner_name(PurePosixPath("alice.ipynb")) == "alice"
    assert learner_name(PurePosixPath("jupyter-alice/kit/notebooks/01.ipynb")) == "jupyter-alice"
    for path in ("b/x.ipynb", "a.ipynb", "b/.ipynb_checkpoints/x-checkpoint.ipynb", ".git/y.ipynb"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("{}")
    (tmp_path / "folder.ipynb").mkdir()
    found = find_submissions(tmp_path)
    assert [(s.learner, s.notebook) for s in found] == [("a", "a.ipynb"), ("b", "b/x.ipynb")]
    assert all(s.sha256 and len(s.sha256) == 64 for s in found)


def tables(folder: Path) -> Path:
    """Empty files named like every table: enough for finding a kit."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in schema.TABLES:
        (folder / f"{name}.csv").write_text("")
    return folder


def test_a_kit_is_found_in_each_layout(tmp_path: Path) -> None:
    workshop_out = tmp_path / "out"
    kit = workshop_out / "participants" / "releasing-the-brakes-workshop"
    tables(kit / "data")
    (kit / "01.ipynb").write_text("{}")
    (kit / WORKSHOP_FILE).write_text(json.dumps({"version": 1, "data": "data"}))
    # A workshop file from before kits recorded a version.
    expected = Kit(kit / "data", kit, None, kit / WORKSHOP_FILE)
    assert locate(workshop_out) == locate(kit) == expected
    assert locate(kit / "data") == Kit(kit / "data", None)  # a folder of tables
    plain = tmp_path / "plain"
    tables(plain / "data")
    (plain / "notebooks").mkdir()
    (plain / "notebooks" / "00.ipynb").write_text("{}")
    assert locate(plain) == Kit(plain / "data", plain / "notebooks")


def test_a_kit_must_hold_every_table_and_be_one(tmp_path: Path) -> None:
    with pytest.raises(BrakesError, match="lacks the tables mentions, support"):
        locate(tmp_path)
    for name in ("a", "b"):
        tables(tmp_path / name / "data")
        (tmp_path / name / WORKSHOP_FILE).write_text(json.dumps({"version": 1, "data": "data"}))
    with pytest.raises(BrakesError, match="holds several workshop kits"):
        locate(tmp_path)


# --- the kernel's surroundings ---------------------------------------------------------------


def test_kernel_env_passes_on_nothing_of_the_trainers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRAINER_TOKEN", "secret")
    monkeypatch.setenv("BRAKES_SEED", "7")
    env = kernel_env(Scratch(tmp_path))
    assert "TRAINER_TOKEN" not in env and "BRAKES_SEED" not in env
    assert env["BRAKES_DATA_DIR"] == str(tmp_path / "data")
    assert env["HOME"] == str(tmp_path / "home") and env["TMPDIR"] == str(tmp_path / "tmp")


def test_the_memory_limit_holds_in_the_process_it_is_set_in() -> None:
    code = (
        "from brakes.trainer.grading.kernel import limit_memory\n"
        "limit_memory(300)\n"
        "try:\n    bytearray(400 * 2**20)\nexcept MemoryError:\n    print('stopped')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.stdout.strip() == "stopped", result.stderr


def test_options_refuse_what_cannot_work() -> None:
    assert GradeOptions().jobs >= 1
    for bad in (
        {"jobs": 0},
        {"jobs": True},
        {"timeout": 0},
        {"timeout": float("inf")},
        {"memory_mb": 100},
    ):
        with pytest.raises(BrakesError):
            GradeOptions(**bad)


# --- from a run to rows ----------------------------------------------------------------------


def display(record: dict[str, object]) -> dict[str, object]:
    return {"output_type": "display_data", "data": {OUTCOME_MIME: record}, "metadata": {}}


def check(exercise: str, status: Status, feedback: str = "", **kw: object) -> dict[str, object]:
    return display(make_record(exercise, Kind.CHECK, feedback or str(status), status, **kw))


SUBMISSION = Submission(Path("/nowhere/bob.ipynb"), "bob.ipynb", "bob", "0" * 64)


def no_tables(table: str) -> object:
    """The kit's tables, for runs whose answers need none (or that sent no answer)."""
    raise AssertionError(f"the {table} table was read")


def answers(**values: object) -> str:
    """Answer variables as a kernel sends them back."""
    return json.dumps(encode_answers(values, sorted(values), 1_000_000))


def test_a_notebook_stopped_half_way_shows_what_it_checked_but_is_not_rechecked() -> None:
    run = Result(
        RunStatus.TIMEOUT,
        "stopped at the time limit of 9 s, in cell 4",
        seconds=9.0,
        exercise_cells=(
            ExerciseCell(1, "0.1", ""),
            ExerciseCell(5, "0.2", ""),
        ),
        outputs=(CellOutputs(1, (check("0.1", Status.CORRECT),)),),
    )
    rows = {row.exercise: row for row in graded(SUBMISSION, run, load=no_tables).rows}
    # Its answers were never read back: the notebook's check is shown, not counted or flagged.
    assert (rows["0.1"].status, rows["0.1"].shown, rows["0.1"].flag) == ("timeout", "correct", "")
    assert rows["0.2"].status == "timeout" and "time limit" in rows["0.2"].feedback


def test_an_exercise_whose_cell_raised_is_not_checked() -> None:
    run = Result(
        RunStatus.RAISED,
        "cell 2 raised NameError: name 'x' is not defined",
        exercise_cells=(ExerciseCell(1, "0.1", ""),),
        errors=(CellError(1, "NameError", "name 'x' is not defined"),),
    )
    (row,) = graded(SUBMISSION, run, load=no_tables).rows
    assert (
        row.status == NOT_CHECKED
        and row.feedback == "its cell raised NameError: name 'x' is not defined"
    )


def test_a_notebook_with_no_exercise_still_has_its_row() -> None:
    (row,) = graded(
        SUBMISSION, Result(RunStatus.INVALID, "not a notebook: broken JSON"), load=no_tables
    ).rows
    assert (row.exercise, row.status, row.feedback) == (
        "",
        "invalid",
        "not a notebook: broken JSON",
    )
    (row,) = graded(SUBMISSION, Result(RunStatus.RAN), load=no_tables).rows
    assert (row.status, row.feedback) == ("ran", "no exercise of the course in this notebook")


def test_checks_and_hints_of_cells_the_kit_gave_unchanged_do_not_count() -> None:
    setup, demo, hint = 'mentions = load("mentions")', "q1.check(mentions.size)", "q1.hint()"
    placeholder, answer, untouched = "n_mentions = ...", "n_mentions = len(mentions)", "q2 = ..."
    # The learner answered 0.1 and typed their own q1.hint() right under it; the lesson's
    # demonstration (a wrong answer, then two hints) follows, as handed out; 0.2 is untouched.
    learner = [setup, answer, hint, demo, hint, hint, untouched]
    given = GivenNotebook(
        "00.ipynb",
        ("0.1", "0.2"),
        tuple(source_key(code) for code in [setup, placeholder, demo, hint, hint, untouched]),
    )
    records = [
        None,
        check("0.1", Status.CORRECT),
        display(make_record("0.1", Kind.HINT, "h", hint=1)),
        check("0.1", Status.INCORRECT),
        display(make_record("0.1", Kind.HINT, "h", hint=2)),
        display(make_record("0.1", Kind.HINT, "h", hint=3)),
        check("0.2", Status.NOT_ATTEMPTED),
    ]
    run = Result(
        RunStatus.RAN,
        exercise_cells=(
            ExerciseCell(1, "0.1", ""),
            ExerciseCell(6, "0.2", ""),
        ),
        code_cells=tuple(CodeCell(i, source_key(code)) for i, code in enumerate(learner)),
        outputs=tuple(CellOutputs(i, (r,)) for i, r in enumerate(records) if r is not None),
    )
    first, second = graded(SUBMISSION, run, given=(given,), load=no_tables).rows
    assert (first.shown, first.hints_used) == ("correct", 1)
    assert second.shown == "not_attempted"  # an exercise cell always counts, changed or not
    first, _ = graded(SUBMISSION, run, load=no_tables).rows  # nothing to compare: all cells count
    assert (first.shown, first.hints_used) == ("incorrect", 3)


def test_a_forged_record_for_an_unknown_exercise_is_listed_not_plotted() -> None:
    run = Result(
        RunStatus.RAN,
        outputs=(CellOutputs(0, (check("<b>9.9</b>", Status.CORRECT),)),),
    )
    result = graded(SUBMISSION, run, load=no_tables)
    assert [row.exercise for row in result.rows] == ["<b>9.9</b>"]
    (row,) = result.rows
    assert (row.status, row.flag) == (
        NOT_CHECKED,
        "shown correct in the notebook, no answer on re-check",
    )
    assert summarise([result]) == []


def test_wrong_messages_group_by_shape() -> None:
    assert message_shape("You gave 1,234.5: too many.") == "You gave …: too many."
    assert message_shape("You gave 0.9, which is too high.") == "You gave …, which is too high."


# --- the report files' defences --------------------------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_neutralises_every_formula_start(start: str) -> None:
    assert neutralise(f"{start}1+1") == f"'{start}1+1"


def test_csv_leaves_plain_text_and_numbers() -> None:
    assert neutralise("Correct: 40,000.") == "Correct: 40,000."
    assert neutralise(-3) == -3 and neutralise(1.5) == 1.5 and neutralise(False) is False


def test_html_escapes_everything_a_notebook_wrote() -> None:
    tag = "<script>alert(1)</script>"
    submission = Submission(Path("/x"), f"{tag}/n.ipynb", tag, None)
    run = Result(
        RunStatus.RAISED,
        f"cell 1 raised ValueError: {tag}",
        exercise_cells=(ExerciseCell(0, "1.6", "interpret"),),
        outputs=(CellOutputs(0, (check("1.6", Status.CORRECT, tag),)),),
        answers=answers(my_reading_map=tag),
    )
    results = [graded(submission, run, load=no_tables)]
    assert results[0].rows[0].flag  # shown correct, recorded on re-check: listed as flagged
    page = render_html(results, summarise(results), [tag])
    assert "<script" not in page and page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 6


GRADER = {"version": "0.1.0", "commit": "abc"}


def test_summary_lines_and_exit_code() -> None:
    ok = graded(SUBMISSION, Result(RunStatus.RAN), load=no_tables)
    options = GradeOptions(jobs=3, timeout=10, memory_mb=512)
    lines = summary_lines([ok, ok], [], options, 4.04, grader=GRADER)
    assert lines[-4:] == [  # after any warning
        "Graded 2 notebooks from 1 learner in 4.0 s "
        "(3 at a time; each limited to 10 s and 512 MB).",
        "2 ran to the end.",
        "Verdicts come from the grader's re-check: each exercise's answer variable, read back "
        "from the notebook's kernel once its cells had run, judged by brakes 0.1.0 (commit abc) "
        "on the kit's tables; 0 rows differ from what the notebook showed (flagged).",
        "The originals are unchanged (SHA-256 of 2 notebooks checked before and after).",
    ]
    changed = summary_lines([ok], [SUBMISSION], GradeOptions(), 1, grader=GRADER)
    assert "WARNING: 1 original notebook changed during grading: bob.ipynb." in changed
    older = {"version": "0.0.9", "commit": "unknown"}
    lines = summary_lines([ok], [], GradeOptions(), 1, grader=GRADER, kit=older)
    assert version_warning(older, GRADER) in lines[:2]  # among the first lines


def test_a_grader_of_another_version_says_so() -> None:
    same, unknown = {"version": "0.1.0", "commit": "abc"}, {"version": "0.1.0", "commit": "unknown"}
    assert version_warning(None, same) == ""  # a kit from before kits recorded a version
    assert version_warning(same, same) == version_warning(unknown, same) == ""
    warning = version_warning({"version": "0.1.0", "commit": "def"}, same)
    assert warning == (
        "WARNING: this grader is brakes 0.1.0 (commit abc), but the kit was made by brakes "
        "0.1.0 (commit def): its checks may give other verdicts than the learners saw. "
        "Grade with the version that made the kit to be sure."
    )
    assert "the kit was made by brakes 0.2.0:" in version_warning(
        {"version": "0.2.0", "commit": "unknown"}, same
    )


def test_the_kit_records_the_course_that_made_it(tmp_path: Path) -> None:
    git = ["git", "-C", str(COURSE.root), "rev-parse", "HEAD"]
    done = subprocess.run(git, capture_output=True, text=True, check=False)
    from_checkout = (COURSE.root / ".git").exists() and done.returncode == 0
    commit = done.stdout.strip() if from_checkout else "unknown"  # a copy, not a checkout
    assert course_build() == {"version": brakes.__version__, "commit": commit}
    assert course_build(tmp_path) == {"version": brakes.__version__, "commit": "unknown"}
    tables(tmp_path / "data")
    settings = {"version": 1, "data": "data", "course": course_build()}
    (tmp_path / WORKSHOP_FILE).write_text(json.dumps(settings))
    assert locate(tmp_path).course == course_build()


def test_a_workshop_kit_records_the_course_that_made_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wheel = tmp_path / "brakes-0.1.0-py3-none-any.whl"
    no_build = lambda root, out_dir, seed: wheel  # noqa: E731
    monkeypatch.setattr(workshop, "build_sealed_wheel", no_build)
    folder, _ = workshop.build_workshop(2031, tmp_path / "out")
    settings = json.loads((folder / WORKSHOP_FILE).read_text(encoding="utf-8"))
    assert settings["course"] == course_build()
    assert locate(tmp_path / "out").course == course_build()


def test_the_grader_judges_the_answers_not_the_records() -> None:
    """A check shown correct counts for nothing: the answer read back is judged on kit data."""
    load = SeedSource(2027).load
    right = len(load("mentions"))
    run = Result(
        RunStatus.RAN,
        exercise_cells=(
            ExerciseCell(0, "0.1", ""),
            ExerciseCell(1, "0.4", ""),
            ExerciseCell(2, "0.5", ""),
            ExerciseCell(3, "0.3", "predict"),
        ),
        outputs=(
            CellOutputs(0, (check("0.1", Status.CORRECT),)),
            CellOutputs(1, (check("0.4", Status.INCORRECT),)),
            CellOutputs(2, (check("0.5", Status.CORRECT),)),
        ),
        answers=answers(n_mentions=0.1, share_negative=..., negative_guess=25),
    )
    rows = {row.exercise: row for row in graded(SUBMISSION, run, load=load).rows}
    summary = {e: (r.status, r.shown, r.flag) for e, r in rows.items()}
    assert summary == {
        "0.1": ("incorrect", "correct", "shown correct in the notebook, wrong on re-check"),
        "0.4": (
            "not_attempted",
            "incorrect",
            "shown wrong in the notebook, not attempted on re-check",
        ),
        "0.5": ("not_checked", "correct", "shown correct in the notebook, no answer on re-check"),
        "0.3": ("recorded", "", ""),
    }
    assert "`n_negative_quality` was not defined when the notebook ended" in rows["0.5"].feedback
    assert rows["0.3"].answer == "25"
    run = Result(
        RunStatus.RAN, exercise_cells=run.exercise_cells[:1], answers=answers(n_mentions=right)
    )
    (row,) = graded(SUBMISSION, run, load=load).rows
    assert (row.status, row.shown, row.flag) == ("correct", "", "")


def test_the_kit_notebooks_say_which_exercises_a_notebook_holds() -> None:
    """An exercise cell whose metadata the learner removed is still judged."""
    given = GivenNotebook("00.ipynb", ("0.1", "0.2"), ())
    run = Result(
        RunStatus.RAN,
        exercise_cells=(ExerciseCell(0, "0.1", ""),),
        answers=answers(mentions_per_channel=[1, 2]),
    )
    rows = graded(SUBMISSION, run, given=(given,), load=SeedSource(2027).load).rows
    assert [(row.exercise, row.status) for row in rows] == [
        ("0.1", "not_checked"),
        ("0.2", "incorrect"),
    ]


def result_of(learner: str, *statuses: tuple[str, str]) -> Graded:
    """A graded notebook of ``learner`` with one row per (exercise, status)."""
    submission = Submission(Path(f"/x/{learner}.ipynb"), f"{learner}.ipynb", learner, None)
    rows = tuple(
        Row(learner, submission.notebook, exercise, "", "", status, "", "", "", "", 0, False, "", 1)
        for exercise, status in statuses
    )
    return Graded(submission, Result(RunStatus.RAN), rows)


def test_the_gradebook_counts_each_learners_exercises_once(tmp_path: Path) -> None:
    results = [
        result_of("=bob", ("0.1", "correct"), ("0.2", "incorrect"), ("0.3", "recorded")),
        result_of("=bob", ("0.2", "correct"), ("0.4", "not_attempted"), ("9.9", "correct")),
        result_of("ann", ("0.1", "error"), ("0.2", "not_checked"), ("0.3", "timeout")),
        result_of("cy", ("", "invalid")),
    ]
    standings = {
        s.learner: (s.attempted, s.correct, s.total, s.percent) for s in gradebook(results)
    }
    # bob handed 0.2 in twice, best counts; 9.9 is no exercise of the course
    assert standings == {"=bob": (3, 3, 4, 75.0), "ann": (1, 0, 3, 0.0), "cy": (0, 0, 0, None)}
    path = tmp_path / "gradebook.csv"
    assert write_gradebook(results, path) == 3
    with path.open(encoding="utf-8-sig", newline="") as stream:
        lines = list(csv.reader(stream))
    assert lines == [
        list(GRADEBOOK_COLUMNS),
        ["'=bob", "3", "3", "4", "75.0"],
        ["ann", "1", "0", "3", "0.0"],
        ["cy", "0", "0", "0", ""],
    ]


def test_a_flag_names_both_sides_only_when_they_differ() -> None:
    assert flag("correct", "incorrect") == "shown correct in the notebook, wrong on re-check"
    assert flag("correct", "correct") == flag("", "incorrect") == flag("correct", "timeout") == ""


def test_a_recorded_answer_survives_the_json_round_trip() -> None:
    record = make_record("1.6", Kind.CHECK, "Noted", Status.RECORDED, answer="=1+1 <b>")
    assert json.loads(json.dumps(record))["answer"] == "=1+1 <b>"


def test_most_missed_puts_wrong_answers_before_blanks() -> None:
    def row(exercise: str, status: Status, feedback: str = "") -> Graded:
        result = result_of("bob", (exercise, status.value))
        (only,) = result.rows
        return Graded(result.submission, result.run, (replace(only, feedback=feedback),))

    results = [
        row("0.1", Status.NOT_ATTEMPTED),
        row("0.2", Status.INCORRECT, "Not quite. You gave 12."),
        row("0.2", Status.INCORRECT, "Not quite. You gave 13."),
        row("0.2", Status.CORRECT),
        row("0.1", Status.NOT_ATTEMPTED),
        row("0.3", Status.CORRECT),
    ]
    worst = most_missed(summarise(results))
    assert [s.exercise.id for s in worst] == ["0.2", "0.1"]  # 0.3: nobody missed it
    assert worst[0].wrong == {"Not quite. You gave ….": 2}
    assert worst[1].misses == {"not_attempted": 2} and worst[1].rate == 0


# --- the runner's last resort ----------------------------------------------------------------


def test_a_worker_that_hangs_is_killed_with_all_it_started(
    kit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid_file = tmp_path / "child.pid"
    hanging = (
        "import subprocess, time\n"
        "quiet = dict(stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, "
        "stderr=subprocess.DEVNULL)\n"
        "child = subprocess.Popen(['sleep', '60'], start_new_session=True, **quiet)\n"
        f"open({str(pid_file)!r}, 'w').write(str(child.pid))\n"
        "time.sleep(60)"
    )
    monkeypatch.setattr(runner, "WORKER", ("-c", hanging))
    monkeypatch.setattr(runner, "GRACE_S", 0.5)
    notebook = tmp_path / "n.ipynb"
    nbformat.write(new_notebook(metadata=PYTHON), notebook)
    submission = Submission(notebook, "n.ipynb", "n", sha256_of(notebook))
    with Runner(locate(kit), GradeOptions(jobs=1, timeout=1.5)) as grader:
        run = grader.run(submission)
    assert run.status is RunStatus.TIMEOUT and "was killed" in run.reason
    with contextlib.suppress(psutil.NoSuchProcess):  # gone, or dead and awaiting its reaper
        assert psutil.Process(int(pid_file.read_text())).status() == psutil.STATUS_ZOMBIE


def test_a_worker_that_garbles_its_answer_is_a_crash_that_says_so(
    kit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    garbles = (
        "import sys, time\n"
        "sys.stdin.readline()\n"
        'print(\'{"status": "ran", "reason"\', flush=True)\n'
        "time.sleep(60)"
    )
    monkeypatch.setattr(runner, "WORKER", ("-c", garbles))
    notebook = tmp_path / "n.ipynb"
    nbformat.write(new_notebook(metadata=PYTHON), notebook)
    submission = Submission(notebook, "n.ipynb", "n", sha256_of(notebook))
    with Runner(locate(kit), GradeOptions(jobs=1, timeout=20)) as grader:
        run = grader.run(submission)
    assert run.status is RunStatus.CRASHED, run.reason
    assert "its answer was garbled: not JSON" in run.reason and run.seconds < 20


def test_a_file_too_big_to_be_a_notebook_is_not_copied(kit: Path, tmp_path: Path) -> None:
    huge = tmp_path / "huge.ipynb"
    with huge.open("wb") as stream:
        stream.truncate(MAX_NOTEBOOK_BYTES + 1)  # sparse: no disk used
    submission = Submission(huge, "huge.ipynb", "huge", "0" * 64)
    with Runner(locate(kit), GradeOptions(jobs=1)) as grader:
        run = grader.run(submission)
    assert run.status is RunStatus.INVALID and "is not graded" in run.reason
