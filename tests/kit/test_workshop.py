"""`brakes workshop`: a kit on fresh data whose checks work, and whose files give no answer away."""

from __future__ import annotations

import json
import re
import sys
import tomllib
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from kit_helpers import (
    assert_learner_notebooks_run_untouched,
    assert_solutions_pass,
    bash,
    exercises_in,
    run_notebooks,
    snippet_failures,
)
from suggested_code import suggested_code

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
from brakes.trainer.kit import readme_source, wheel_name
from brakes.trainer.kit.wheels import labelled_version
from brakes.trainer.sealing import clear_forms, quotes
from brakes.trainer.workshop import WORKSHOP_NAME, shared_answers, shared_answers_line, zip_name

SEED = 2027
#: The workshop wheel's file name: its version names the seed.
WHEEL = wheel_name(labelled_version(f"seed{SEED}"))
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
    for name in (WHEEL, "requirements.txt", "README.md", WORKSHOP_FILE):
        assert (folder / name).is_file(), name
    with zipfile.ZipFile(folder / WHEEL) as wheel:
        packages = {n.rpartition("/")[0] for n in wheel.namelist() if n.endswith(".py")}
        entry_points = wheel.read(f"brakes-{COURSE.version}+seed{SEED}.dist-info/entry_points.txt")
    assert packages == {"brakes", "brakes/data", "brakes/exercises", "brakes/exercises/checkers"}
    assert b"brakes.content" not in entry_points  # no content: the answers travel sealed
    sheet = (kit / "trainer" / "answer-sheet.md").read_text(encoding="utf-8")
    assert f"seed {SEED}" in sheet and sheet.count("\n| ") == len(all_exercises()) + 2
    with zipfile.ZipFile(kit / zip_name(SEED)) as handed_out:
        names = set(handed_out.namelist())
    assert f"{WORKSHOP_NAME}/{WORKSHOP_FILE}" in names
    assert not [n for n in names if "answer-sheet" in n], "the answer sheet must not be handed out"


def test_the_workshop_wheel_s_version_names_its_seed_so_pip_never_keeps_another_in_its_place(
    kit: Path,
) -> None:
    """The learner's wheel is ``brakes 0.1.0``; the workshop's, with other contents, is
    ``0.1.0+seed2027``: pip compares versions, so it replaces one with the other."""
    folder = participants(kit)
    assert [p.name for p in folder.glob("*.whl")] == [WHEEL]
    with zipfile.ZipFile(folder / WHEEL) as wheel:
        meta = wheel.read(f"brakes-{COURSE.version}+seed{SEED}.dist-info/METADATA").decode()
    assert f"\nVersion: {COURSE.version}+seed{SEED}\n" in meta
    requirements = (folder / "requirements.txt").read_text(encoding="utf-8")
    assert f"./{WHEEL}\n" in requirements


def test_the_answer_sheet_says_what_the_seed_s_data_say_to_each_prediction(kit: Path) -> None:
    """A prediction is recorded, not judged; the debrief still needs this seed's answer."""
    rows = {
        line.split(" | ")[0].strip("| "): line
        for line in (kit / "trainer" / "answer-sheet.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("| ")
    }
    load = SeedSource(SEED).load
    predictions = [e for e in all_exercises() if e.kind is ExerciseKind.PREDICT]
    assert len(predictions) >= 10
    for exercise in predictions:
        says = str(exercise.expected(load))
        assert f"these data say {says}" in rows[exercise.id], rows[exercise.id]
        if not exercise.checker.options:  # a number, with no option's words after it
            assert rows[exercise.id].endswith(f"these data say {says} |"), rows[exercise.id]


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
    with zipfile.ZipFile(folder / WHEEL) as wheel:
        for name in wheel.namelist():
            if name.endswith(".py"):
                code = wheel.read(name).decode("utf-8")
                # Code that the public checkout holds word for word is not an answer.
                public = COURSE.root / "src" / name
                texts[name] = code if not public.is_file() else ""
    # The README's lines that the public set-up text holds (readme_source, the same whatever the
    # seed) are no answer, though its steps name pip's versions; the kit's own lines are checked.
    public_lines = set(readme_source().splitlines())
    readme = texts["README.md"].splitlines()
    texts["README.md"] = "\n".join(line for line in readme if line not in public_lines)
    load = SeedSource(SEED).load
    ids = {exercise.id for exercise in all_exercises()}  # "1.12" is also an exercise's name
    needles = {
        needle: exercise.id
        for exercise in all_exercises()
        if exercise.kind in JUDGED
        for needle in clear_forms(exercise.expected(load)) - ids
    }
    assert len(needles) > 50, "too few values to look for: is the test blind?"
    # One pass per file for all the values (what quotes() finds for any one of them), then
    # quotes() itself names the ones found.
    forms = "|".join(sorted(map(re.escape, needles), key=len, reverse=True))
    any_of = re.compile(rf"(?<![0-9.])(?:{forms})(?![0-9])")
    for name, text in texts.items():
        if any_of.search(text):
            leaks = sorted(f"{needles[n]}: {n}" for n in needles if quotes(text, {n}))
            raise AssertionError(f"{name} holds expected values in clear: {leaks}")
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


#: The workshop kit's notebook the oldest versions run as downloaded: one that JupyterLab's
#: tests and the hub recipe's do not open, so no notebook runs more than twice per `make test`.
AS_DOWNLOADED = "01b-control-how-the-brand-answers.ipynb"

#: The packages whose oldest supported versions the environment below installs.
OLDEST_OF = ("numpy", "pandas", "matplotlib")


def oldest_versions() -> list[str]:
    """Each of OLDEST_OF pinned to the lowest version pyproject.toml says the course supports."""
    pyproject = tomllib.loads((COURSE.root / "pyproject.toml").read_text(encoding="utf-8"))
    pins = []
    for requirement in pyproject["project"]["dependencies"]:
        name = re.match(r"[A-Za-z0-9_.-]+", requirement).group(0)
        if name.lower() in OLDEST_OF:
            floor = re.search(r">=\s*([0-9][^,;\s]*)", requirement)
            assert floor, f"{requirement} declares no lowest version"
            pins.append(f"{name}=={floor.group(1)}")
    assert len(pins) == len(OLDEST_OF)
    return pins


@pytest.mark.venv
@pytest.mark.kernel
def test_on_the_oldest_supported_versions_the_kit_alone_runs_every_solution_and_hint(
    kit: Path, tmp_path: Path
) -> None:
    """A fresh environment with the workshop kit's wheel (no reference answers) and the oldest
    numpy, pandas and matplotlib pyproject.toml allows: one of the kit's notebooks runs
    untouched as downloaded, every solution notebook passes its checks on the kit's seed, and
    every snippet a hint or a feedback message suggests runs where the learner would paste it
    (tests/suggested_code.py).

    This is each solution notebook's second run per `make test` (the first: nbval). The
    learner notebooks run in the README's environment or JupyterLab (tests/kit/); of the
    workshop kit's, :data:`AS_DOWNLOADED` runs here, for its first cell and the kit's data,
    which the others read the same way. `make test-oldest` runs this test alone.
    """
    folder = participants(kit)
    venv = tmp_path / "oldest"
    pins = " ".join(f"'{pin}'" for pin in oldest_versions())
    done = bash(
        f"'{sys.executable}' -m venv '{venv}'\n"
        # nbclient: what run_notebooks.py runs them with (JupyterLab brings it in the kit's).
        f"'{venv}/bin/python' -m pip install --quiet '{folder / WHEEL}' {pins} nbclient\n"
        f"'{venv}/bin/python' -m pip list --format=freeze",
        tmp_path,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    for pin in oldest_versions():
        assert pin.lower() in done.stdout.lower(), f"{pin} was not installed"
    python = venv / "bin" / "python"
    content = bash(f"'{python}' -c 'import brakes.content.chapters.ch01_control'", folder)
    assert content.returncode != 0, "the kit's package holds the reference answers"

    assert_learner_notebooks_run_untouched(run_notebooks(python, [folder / AS_DOWNLOADED]))
    solutions = []
    for solution in sorted(COURSE.solutions_dir.glob("*.ipynb")):
        copy = folder / f"solution-{solution.name}"
        copy.write_bytes(solution.read_bytes())
        solutions.append(copy)
    load = SeedSource(SEED).load
    suggested = {e.id: suggested_code(e, load) for e in all_exercises()}
    results = run_notebooks(python, solutions, snippets=suggested)
    assert_solutions_pass(results)
    assert {e.id for e in all_exercises()} <= set().union(*map(exercises_in, solutions))
    tried = sum(len(result["snippets"]) for result in results.values())
    assert tried == sum(map(len, suggested.values())), "some suggested code was never tried"
    failures = snippet_failures(results)
    assert not failures, "\n".join(failures)
