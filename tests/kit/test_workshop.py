"""`brakes workshop`: a kit on fresh data whose checks work, and whose files give no answer away."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from kit_helpers import (
    KitVenv,
    assert_learner_notebooks_run_untouched,
    assert_solutions_pass,
    bash,
    run_notebooks,
)

from brakes.cli import main
from brakes.config import COURSE
from brakes.data import TABLE_NAMES, FolderSource, SeedSource
from brakes.errors import BrakesError
from brakes.exercises.checking import verdict_for
from brakes.exercises.model import ExerciseKind
from brakes.exercises.outcomes import Status
from brakes.exercises.registry import Registry, all_exercises
from brakes.exercises.sealed import sealed_exercise
from brakes.settings import WORKSHOP_FILE
from brakes.trainer.kit import wheel_name
from brakes.trainer.sealing import clear_forms, quotes
from brakes.trainer.workshop import WORKSHOP_NAME, shared_answers, shared_answers_line, zip_name

SEED = 2027
JUDGED = (ExerciseKind.ANSWER, ExerciseKind.DECIDE)


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workshop on seed 2027, made by the command a trainer runs."""
    out = tmp_path_factory.mktemp("workshop")
    assert main(["workshop", "--seed", str(SEED), "--out", str(out), "--force", "--zip"]) == 0
    return out


def participants(kit: Path) -> Path:
    return kit / "participants" / WORKSHOP_NAME


def sealed(kit: Path) -> tuple[dict, str]:
    settings = json.loads((participants(kit) / WORKSHOP_FILE).read_text(encoding="utf-8"))
    return settings["exercises"], settings["salt"]


def test_the_kit_holds_notebooks_data_set_up_and_the_answers_only_for_the_trainer(
    kit: Path,
) -> None:
    folder = participants(kit)
    notebooks = sorted(p.name for p in COURSE.exercises_dir.glob("*.ipynb"))
    assert sorted(p.name for p in folder.glob("*.ipynb")) == notebooks
    assert {p.stem for p in (folder / "data").glob("*.csv")} == set(TABLE_NAMES)
    for name in (wheel_name(), "requirements.txt", "README.md", WORKSHOP_FILE):
        assert (folder / name).is_file(), name
    with zipfile.ZipFile(folder / wheel_name()) as wheel:
        packages = {n.rpartition("/")[0] for n in wheel.namelist() if n.endswith(".py")}
        entry_points = wheel.read(f"brakes-{COURSE.version}.dist-info/entry_points.txt")
    assert packages == {"brakes", "brakes/data", "brakes/exercises", "brakes/exercises/checkers"}
    assert b"brakes.content" not in entry_points  # no content: the answers travel sealed
    sheet = (kit / "trainer" / "answer-sheet.md").read_text(encoding="utf-8")
    assert f"seed {SEED}" in sheet and sheet.count("\n| ") == len(all_exercises()) + 2
    with zipfile.ZipFile(kit / zip_name(SEED)) as handed_out:
        names = set(handed_out.namelist())
    assert f"{WORKSHOP_NAME}/{WORKSHOP_FILE}" in names
    assert not [n for n in names if "answer-sheet" in n], "the answer sheet must not be handed out"


def test_the_kit_data_are_the_seed_s_and_notebooks_find_them_with_no_variable(
    kit: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from brakes.data import load

    monkeypatch.delenv("BRAKES_DATA_DIR", raising=False)
    monkeypatch.delenv("BRAKES_SEED", raising=False)
    monkeypatch.chdir(participants(kit))
    kit_sales = load("sales")
    pd.testing.assert_frame_equal(kit_sales, SeedSource(SEED).load("sales"))
    assert not kit_sales.equals(SeedSource(COURSE.default_seed).load("sales"))


def test_no_expected_value_appears_in_clear_in_the_kit(kit: Path) -> None:
    folder = participants(kit)
    # Hashes are hexadecimal: their digits are not numbers anyone can read.
    hashes = re.compile(r"\b[0-9a-f]{16,}\b")
    texts = {
        path.name: hashes.sub("#", path.read_text(encoding="utf-8"))
        for path in folder.iterdir()
        if path.suffix in (".ipynb", ".json", ".md", ".txt")
    }
    with zipfile.ZipFile(folder / wheel_name()) as wheel:
        for name in wheel.namelist():
            if name.endswith(".py"):
                code = wheel.read(name).decode("utf-8")
                # Code that the public checkout holds word for word is not an answer.
                public = COURSE.root / "src" / name
                texts[name] = code if not public.is_file() else ""
    load = SeedSource(SEED).load
    ids = {exercise.id for exercise in all_exercises()}  # "1.12" is also an exercise's name
    needles_seen = 0
    for exercise in all_exercises():
        if exercise.kind not in JUDGED:
            continue
        needles = clear_forms(exercise.expected(load)) - ids
        needles_seen += len(needles)
        for needle in needles:
            leaks = [name for name, text in texts.items() if quotes(text, {needle})]
            assert not leaks, f"{exercise.id}: {needle} appears in {leaks}"
    assert needles_seen > 50, "too few values to look for: is the test blind?"
    settings = texts[WORKSHOP_FILE]
    assert '"correct"' not in settings, "a choice's right option must not be readable"


def test_sealed_checks_pass_the_kit_s_answers_and_reject_the_published_numbers(kit: Path) -> None:
    specs, salt = sealed(kit)
    shared = shared_answers(all_exercises(), SEED)
    assert len(shared) <= 2, f"too many published answers pass on seed {SEED}: {shared}"
    sheet = (kit / "trainer" / "answer-sheet.md").read_text(encoding="utf-8")
    assert not shared or shared_answers_line(shared, SEED) in sheet
    load = FolderSource(participants(kit) / "data").load
    published = SeedSource(COURSE.default_seed).load
    judged = differing = 0
    for exercise in all_exercises():
        if exercise.kind not in JUDGED:
            continue
        judged += 1
        locked = sealed_exercise(specs[exercise.id], salt)
        right = exercise.expected(load)
        assert verdict_for(locked, right, load).status is Status.CORRECT, exercise.id
        assert verdict_for(locked, ..., load).status is Status.NOT_ATTEMPTED, exercise.id
        old = exercise.expected(published)
        if verdict_for(exercise, old, load).correct:
            # A choice the story fixes, or a small number that falls the same on both seeds:
            # the trainer is told which, on the answer sheet.
            assert exercise.kind is ExerciseKind.DECIDE or exercise.id in shared, exercise.id
            continue
        differing += 1
        verdict = verdict_for(locked, old, load)
        assert verdict.status is Status.INCORRECT, f"{exercise.id}: {verdict.message}"
    assert differing >= 0.8 * judged, f"only {differing} of {judged} answers change with the seed"


def test_sealed_checks_say_what_the_clear_ones_say_about_known_mistakes(kit: Path) -> None:
    specs, salt = sealed(kit)
    load = FolderSource(participants(kit) / "data").load
    compared = 0
    for exercise in all_exercises():
        if exercise.kind not in JUDGED:
            continue
        locked = sealed_exercise(specs[exercise.id], salt)
        forms = clear_forms(exercise.expected(load))
        for mistake in exercise.wrong_answers:
            value = mistake.make(load)
            clear = verdict_for(exercise, value, load)
            if quotes(clear.message, forms):
                continue  # a message quoting the answer is not sealed (a tuple holding it...)
            assert verdict_for(locked, value, load).message == clear.message, (
                f"{exercise.id} ({mistake.label})"
            )
            compared += 1
    assert compared > 100


def test_a_damaged_workshop_file_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / WORKSHOP_FILE).write_text("{not json", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BrakesError, match="unzip the workshop kit again"):
        Registry().get("9.99")


def test_against_itself_every_computed_answer_is_shared() -> None:
    """The check that finds shared answers can find them: the published seed shares all."""
    exercises = all_exercises()
    answers = [e.id for e in exercises if e.kind is ExerciseKind.ANSWER]
    assert len(answers) > 40
    assert shared_answers(exercises, COURSE.default_seed) == answers
    line = shared_answers_line(["2.23"], SEED)
    assert "2.23" in line and f"seed {SEED}" in line and shared_answers_line([], SEED) == ""


def test_the_published_seed_is_refused_and_nothing_is_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["workshop", "--seed", str(COURSE.default_seed), "--out", str(tmp_path)]) == 2
    assert "published data" in capsys.readouterr().err
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["workshop", "--seed", str(SEED), "--out", str(tmp_path)]) == 2
    assert "not empty" in capsys.readouterr().err
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.venv
@pytest.mark.kernel
def test_a_fresh_environment_made_from_the_kit_alone_runs_and_checks_on_the_kit_s_seed(
    kit: Path, kit_venv: KitVenv
) -> None:
    folder = participants(kit)
    kit_venv.use(folder)  # the notebook kit's environment (same requirements), this kit's wheel
    python = kit_venv.python
    done = bash(f"'{python}' -c 'import brakes.content.chapters.ch01_control'", folder)
    assert done.returncode != 0, "the kit's package holds the reference answers"
    assert_learner_notebooks_run_untouched(run_notebooks(python, sorted(folder.glob("*.ipynb"))))
    solutions = []
    for solution in sorted(COURSE.solutions_dir.glob("*.ipynb")):
        copy = folder / f"solution-{solution.name}"
        copy.write_bytes(solution.read_bytes())
        solutions.append(copy)
    assert_solutions_pass(run_notebooks(python, solutions))
