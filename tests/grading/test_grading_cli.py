"""`brakes grade` on the command line: a trainer's mistake is one line and exit 2, before anything
runs; a clean room exits with 0 and prints its summary.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from grading_notebooks import FIXTURES, PYTHON, write
from nbformat.v4 import new_code_cell, new_notebook

from brakes.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the command in this process; argparse's own exits count as return codes."""
    try:
        code = main(["grade", *args])
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def submissions(tmp_path: Path) -> Path:
    folder = tmp_path / "submissions"
    folder.mkdir()
    shutil.copyfile(FIXTURES / "malformed.ipynb", folder / "malformed.ipynb")
    return folder


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (["--jobs", "0"], "--jobs must be a whole number of 1 or more"),
        (["--jobs", "two"], "argument --jobs: invalid int value"),
        (["--timeout", "-5"], "--timeout must be a number of seconds above 0"),
        (["--timeout", "nan"], "--timeout must be a number of seconds above 0"),
        (["--memory", "64"], "--memory must be a whole number of megabytes of at least 512"),
    ],
)
def test_bad_limits_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str],
    kit: Path,
    submissions: Path,
    tmp_path: Path,
    change: list[str],
    words: str,
) -> None:
    code, out, err = run(capsys, str(kit), str(submissions), "--out", str(tmp_path / "r"), *change)
    assert (code, out) == (2, "")
    assert words in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "r").exists()


def test_on_windows_it_refuses_at_once_and_names_wsl(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    kit: Path,
    submissions: Path,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    code, out, err = run(capsys, str(kit), str(submissions), "--out", str(tmp_path / "r"))
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1
    assert "run it under WSL, the Windows Subsystem for Linux" in err
    assert not (tmp_path / "r").exists()  # refused before anything was made


def test_a_kit_that_is_neither_is_one_line(
    capsys: pytest.CaptureFixture[str], submissions: Path, tmp_path: Path
) -> None:
    not_a_kit = tmp_path / "downloads"
    (not_a_kit / "data").mkdir(parents=True)
    (not_a_kit / "data" / "mentions.csv").write_text("a,b\n")
    code, _, err = run(capsys, str(not_a_kit), str(submissions), "--out", str(tmp_path / "r"))
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "is not a workshop kit" in err and "lacks the tables support" in err
    code, _, err = run(
        capsys, str(tmp_path / "nowhere"), str(submissions), "--out", str(tmp_path / "r")
    )
    assert code == 2 and "is not a folder" in err


def test_missing_or_empty_submissions_are_one_line(
    capsys: pytest.CaptureFixture[str], kit: Path, tmp_path: Path
) -> None:
    code, _, err = run(capsys, str(kit), str(tmp_path / "nothing"), "--out", str(tmp_path / "r"))
    assert code == 2 and "is not a folder" in err
    (tmp_path / "empty" / ".ipynb_checkpoints").mkdir(parents=True)
    (tmp_path / "empty" / ".ipynb_checkpoints" / "a-checkpoint.ipynb").write_text("{}")
    code, _, err = run(capsys, str(kit), str(tmp_path / "empty"), "--out", str(tmp_path / "r"))
    assert code == 2 and "holds no notebook" in err and len(err.strip().splitlines()) == 1


def test_refuses_a_report_folder_with_files_unless_forced(
    capsys: pytest.CaptureFixture[str], kit: Path, submissions: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report"
    out.mkdir()
    (out / "report.csv").write_text("last week's grades")
    code, _, err = run(capsys, str(kit), str(submissions), "--out", str(out))
    assert code == 2 and "not empty" in err and "--force" in err
    assert (out / "report.csv").read_text() == "last week's grades"
    # With --force it runs: the malformed notebook needs no kernel, and fails, so exit 1.
    code, out_text, _ = run(capsys, str(kit), str(submissions), "--out", str(out), "--force")
    assert code == 1
    assert "0 ran to the end; 1 did not: 1 invalid." in out_text
    assert (out / "report.csv").read_text(encoding="utf-8-sig").count("\n") == 2


@pytest.mark.kernel
def test_a_clean_room_exits_with_0(
    capsys: pytest.CaptureFixture[str], kit: Path, tmp_path: Path
) -> None:
    nb = new_notebook(metadata=PYTHON, cells=[new_code_cell("print('hello')")])
    nb.cells[0]["id"] = "hello"
    write(nb, tmp_path / "submissions" / "dana.ipynb")
    code, out, _ = run(
        capsys, str(kit), str(tmp_path / "submissions"), "--out", str(tmp_path / "r"), "--jobs", "1"
    )
    assert code == 0, out
    lines = out.strip().splitlines()
    assert lines[0].startswith(("Isolated: ", "WARNING: not isolated"))  # see test_sandbox
    assert lines[1].startswith("Graded 1 notebook from 1 learner in ")
    assert lines[2] == "1 ran to the end."
    assert lines[3].startswith("Verdicts come from the grader's re-check")
    assert lines[4] == (
        "The originals are unchanged (SHA-256 of 1 notebook checked before and after)."
    )
    assert (tmp_path / "r" / "report.csv").exists() and (tmp_path / "r" / "report.html").exists()
