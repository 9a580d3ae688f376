"""`brakes exercises --check` names every disagreement between notebooks and chapter modules.

A one-exercise registry and a one-exercise solution notebook are written to
a temporary folder; each test breaks one fact on one side and reads what the
check says. The course's own notebooks must give no problem at all.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from brakes.authoring import check_consistency
from brakes.config import COURSE
from brakes.exercises.checkers import Number, Reflection
from brakes.exercises.model import Exercise, ExerciseKind
from brakes.exercises.registry import all_exercises

SOLUTION = 'no_voice = ["forum"]\nshare = mentions["channel"].isin(no_voice).mean()'
CELL = f'q = exercise("9.1")\n# BEGIN SOLUTION\n{SOLUTION}\n# END SOLUTION\nq.check(share)'


def registered(**changes: object) -> Exercise:
    fields: dict[str, object] = {
        "id": "9.1",
        "title": "How much is on forums?",
        "answer_name": "share",
        "tables": ("mentions",),
        "expected": lambda load: 0.5,
        "checker": Number(),
        "hints": ("a", "b", "c"),
        "solution": SOLUTION + "\n",
        "reveals": "r",
    }
    fields.update(changes)
    return Exercise(**fields)  # type: ignore[arg-type]


def write(folder: Path, heading: str = "### Exercise 9.1: How much is on forums?", **meta: str):
    nb = nbformat.v4.new_notebook()
    prompt = nbformat.v4.new_markdown_cell(f"{heading}\n\nWhat share?")
    prompt.metadata = {"brakes": {"prompt": "9.1"}}
    code = nbformat.v4.new_code_cell(meta.pop("source", CELL))
    code.metadata = {"brakes": {"exercise": "9.1", **meta}}
    nb.cells = [nbformat.v4.new_markdown_cell("# Solutions: t"), prompt, code]
    folder.mkdir(exist_ok=True)
    nbformat.write(nb, folder / "09-test.ipynb")
    return folder


@pytest.fixture
def solutions(tmp_path: Path) -> Path:
    return write(tmp_path / "solutions")


def test_agreement_gives_no_problem(solutions: Path) -> None:
    assert check_consistency(solutions, [registered()]) == []


def test_the_course_notebooks_and_modules_agree() -> None:
    assert check_consistency(COURSE.solutions_dir, all_exercises()) == []


def test_a_title_that_differs_is_named(solutions: Path) -> None:
    (problem,) = check_consistency(solutions, [registered(title="Forums?")])
    assert "the heading says 'Exercise 9.1: How much is on forums?'" in problem
    assert "'Exercise 9.1: Forums?'" in problem


def test_a_call_to_another_exercise_is_named(tmp_path: Path) -> None:
    folder = write(tmp_path / "s", source=CELL.replace('exercise("9.1")', 'exercise("9.2")'))
    (problem,) = check_consistency(folder, [registered()])
    assert "metadata says exercise 9.1 but the code has '9.2'" in problem


def test_a_solution_block_that_differs_from_the_module_is_named(solutions: Path) -> None:
    (problem,) = check_consistency(solutions, [registered(solution="share = 0.5\n")])
    assert "differs from exercise 9.1's solution" in problem


def test_a_kind_that_differs_is_named(solutions: Path) -> None:
    reflection = registered(kind=ExerciseKind.INTERPRET, checker=Reflection())
    (problem,) = check_consistency(solutions, [reflection])
    assert "metadata kind is None but exercise 9.1 is 'interpret'" in problem


def test_set_up_code_the_notebook_never_runs_is_named(solutions: Path) -> None:
    (problem,) = check_consistency(solutions, [registered(setup="accounts = ['facebook']\n")])
    assert "relies on `accounts = ['facebook']`" in problem


def test_unregistered_and_unworked_exercises_are_named(solutions: Path) -> None:
    problems = check_consistency(solutions, [registered(id="9.2", title="Other")])
    assert any("exercise 9.1 is not registered" in p for p in problems)
    assert any(
        "exercise 9.2 is registered but worked in no solution notebook" in p for p in problems
    )


def test_solution_notebooks_are_stored_executed() -> None:
    for path in sorted(COURSE.solutions_dir.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        code = [cell for cell in nb.cells if cell.cell_type == "code" and cell.source.strip()]
        unexecuted = [i for i, cell in enumerate(code) if cell.execution_count is None]
        assert not unexecuted, f"{path.name}: code cells never run: {unexecuted}"
