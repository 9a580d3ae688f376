"""The course's content kept from a graded notebook's kernel: the sandbox covers its folder, and
the learner's engine takes a content package it cannot import for no content, not a crash.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import OPTIONS
from grading_notebooks import SOLUTION, answered, write

import brakes
from brakes.config import COURSE
from brakes.data.source import FolderSource
from brakes.exercises import registry
from brakes.exercises.checking import verdict_for
from brakes.exercises.registry import Registry, all_exercises
from brakes.exercises.sealed import sealed_exercise
from brakes.trainer.grading import sandbox
from brakes.trainer.grading.kit import Kit, given_notebook, kernel_workshop, locate
from brakes.trainer.grading.results import answer_names, graded
from brakes.trainer.grading.runner import Runner
from brakes.trainer.grading.submissions import Submission, sha256_of


def test_an_installed_content_package_that_is_not_there_is_no_content(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(registry, "installed_content", lambda: ["brakes_hidden_content.chapters"])
    assert Registry().all_exercises() == []


def test_a_content_package_that_fails_for_another_reason_still_raises(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "brakes_broken_content"
    package.mkdir()
    (package / "__init__.py").write_text("import brakes_no_such_library\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(registry, "installed_content", lambda: ["brakes_broken_content"])
    with pytest.raises(ModuleNotFoundError, match="brakes_no_such_library"):
        Registry().all_exercises()


def test_the_sandbox_covers_the_content_folder_after_binding_the_package() -> None:
    content = Path(brakes.__file__).parent / "content"
    assert str(content.resolve()) in sandbox.hidden_folders()
    box = sandbox.Sandbox("bwrap", (str(Path(brakes.__file__).parent.parent),), (str(content),))
    words = box.command(Path("/scratch"), Path("/scratch/notebooks"))
    covers = [i for i, word in enumerate(words) if word == "--tmpfs"]
    cover = next(i for i in covers if words[i + 1] == str(content))
    assert words.index(box.python[0]) < cover  # after the package it covers is bound
    assert words[cover + 2 : cover + 4] == ["--remount-ro", str(content)]


def test_a_kit_without_a_workshop_file_gets_every_exercise_sealed_on_its_tables(kit: Path) -> None:
    tables = Kit(locate(kit).data, None)
    settings = kernel_workshop(tables)
    assert "seed" not in settings and len(settings["salt"]) == 32
    assert set(settings["exercises"]) == {e.id for e in all_exercises()}
    load = FolderSource(tables.data).load
    sealed = sealed_exercise(settings["exercises"]["0.1"], settings["salt"])
    assert verdict_for(sealed, len(load("mentions")), load).correct
    assert not verdict_for(sealed, len(load("mentions")) + 1, load).correct


@pytest.mark.kernel
def test_a_notebook_graded_on_a_folder_of_tables_shows_its_checks(
    kit: Path, tmp_path: Path
) -> None:
    """No workshop file in the kit: the grader seals one for the kernels, whose checks show."""
    path = write(answered("00-getting-started.ipynb", {"0.1": SOLUTION}), tmp_path / "a.ipynb")
    submission = Submission(path, "a.ipynb", "a", sha256_of(path))
    tables = Kit(locate(kit).data, None)
    with Runner(tables, OPTIONS, answer_names()) as runner:
        run = runner.run(submission)
    given = (given_notebook(COURSE.exercises_dir / "00-getting-started.ipynb"),)
    result = graded(submission, run, given, load=FolderSource(tables.data).load)
    rows = {row.exercise: row for row in result.rows}
    assert (rows["0.1"].status, rows["0.1"].shown) == ("correct", "correct"), run.reason
