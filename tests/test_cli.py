"""The `brakes` command: help texts, the data verb, and one-line errors with exit code 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from brakes.cli import main


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the real command in its own process, as a trainer would."""
    return subprocess.run(
        [sys.executable, "-m", "brakes.cli", *args], capture_output=True, text=True, check=False
    )


def test_help_explains_each_verb() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert "data" in result.stdout and "exercises" in result.stdout
    data_help = run_cli("data", "--help")
    assert data_help.returncode == 0
    for option in ("--seed", "--out", "--scale", "--format", "--force"):
        assert option in data_help.stdout


def test_data_writes_every_table(tmp_path: Path) -> None:
    from brakes.data import TABLE_NAMES

    out = tmp_path / "kit"
    assert main(["data", "--seed", "7", "--out", str(out)]) == 0
    assert sorted(p.stem for p in out.iterdir()) == sorted(TABLE_NAMES)
    assert all(p.suffix == ".csv" and p.stat().st_size > 0 for p in out.iterdir())


def test_data_parquet(tmp_path: Path) -> None:
    assert main(["data", "--seed", "3", "--out", str(tmp_path), "--format", "parquet"]) == 0
    assert {p.suffix for p in tmp_path.iterdir()} == {".parquet"}


def test_refuses_non_empty_folder_without_force(tmp_path: Path) -> None:
    keep = tmp_path / "notes.txt"
    keep.write_text("a trainer's notes")
    result = run_cli("data", "--out", str(tmp_path))
    assert result.returncode == 2
    assert "not empty" in result.stderr and "--force" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    assert run_cli("data", "--out", str(tmp_path), "--force").returncode == 0
    assert keep.read_text() == "a trainer's notes"


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["--seed", "abc"], "--seed"),
        (["--seed", "-4"], "--seed"),
        (["--scale", "0"], "--scale"),
        (["--scale", "lots"], "--scale"),
        (["--scale", "5000"], "--scale"),
        (["--format", "xlsx"], "--format"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, args: list[str], names: str) -> None:
    result = run_cli("data", "--out", str(tmp_path / "x"), *args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert names in lines[0]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x").exists()


def test_out_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "file.csv"
    target.write_text("x")
    result = run_cli("data", "--out", str(target))
    assert result.returncode == 2
    assert "is a file" in result.stderr
    assert target.read_text() == "x"


def test_no_verb_prints_help() -> None:
    result = run_cli()
    assert result.returncode == 2
    assert "COMMAND" in result.stdout


def test_exercises_check_names_each_drifted_notebook(tmp_path: Path) -> None:
    import shutil

    from brakes.config import COURSE

    solutions, exercises = tmp_path / "solutions", tmp_path / "exercises"
    shutil.copytree(COURSE.solutions_dir, solutions)
    folders = ["--solutions", str(solutions), "--exercises", str(exercises)]
    assert main(["exercises", *folders]) == 0
    assert run_cli("exercises", "--check", *folders).returncode == 0

    drifted = sorted(exercises.glob("*.ipynb"))[0]
    drifted.write_text(drifted.read_text(encoding="utf-8").replace("Exercise", "Exercice"))
    (solutions / "99-new.ipynb").write_bytes((solutions / drifted.name).read_bytes())
    result = run_cli("exercises", "--check", *folders)
    assert result.returncode == 1
    assert f"{drifted.name}: out of date" in result.stderr
    assert "99-new.ipynb: missing" in result.stderr


def test_checkout_commands_outside_a_checkout_say_what_they_need(tmp_path: Path) -> None:
    from brakes.config import COURSE, require_checkout
    from brakes.errors import BrakesError

    assert require_checkout("brakes workshop") == COURSE.root
    with pytest.raises(BrakesError) as refused:
        require_checkout("brakes workshop", root=tmp_path)
    assert "works in a checkout of the course's repository" in str(refused.value)
    assert f"{tmp_path} is not one" in str(refused.value)


def test_the_learners_wheel_without_the_trainer_tools_runs_doctor_and_names_what_is_missing() -> (
    None
):
    """As in the learners' wheel, which has no brakes.trainer: doctor runs, grade says why not."""
    code = (
        "import sys; sys.modules['brakes.trainer'] = None\n"
        "from brakes.cli import main\n"
        "sys.exit(main(sys.argv[1:]))"
    )

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-c", code, *args]
        return subprocess.run(command, capture_output=True, text=True, check=False)

    assert run("config").returncode == 0
    for verb in (["grade", "kit", "room", "--out", "r"], ["workshop", "--seed", "7", "--out", "w"]):
        refused = run(*verb)
        assert refused.returncode == 2, refused.stderr
        assert refused.stderr.strip().splitlines() == [
            f"brakes {verb[0]} is a trainer's tool, which this package (the learners' wheel) "
            "leaves out: install the course's package from its repository, with "
            "pip install -e '.[trainer]'"
        ]
