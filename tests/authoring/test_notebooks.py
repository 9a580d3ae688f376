"""Solution notebook → learner notebook: placeholders, dropped cells, clean JSON, drift."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from brakes.authoring import check_drift, generate_exercises, learner_notebook
from brakes.authoring.blocks import YOUR_WORDS, placeholder, replace_blocks
from brakes.authoring.strip import GUARD_SOURCE, GUARD_TAG
from brakes.config import COURSE
from brakes.errors import BrakesError
from brakes.exercises.checkers import Choice, Prediction, Reflection
from brakes.exercises.checking import TEXT_PLACEHOLDER, verdict_for
from brakes.exercises.model import Exercise
from brakes.exercises.outcomes import Status
from brakes.exercises.registry import all_exercises
from brakes.notebook_meta import cell_meta

SETUP = 'from brakes.data import load\nmentions = load("mentions")'
ANSWER = """\
q3 = exercise("0.3")
# BEGIN SOLUTION
is_negative = mentions["sentiment"] == "negative"
share_negative = is_negative.mean()
# END SOLUTION
q3.check(share_negative)"""


def solution_notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
        "widgets": {"state": {}},
        "toc": {"x": 1},
    }
    setup = nbformat.v4.new_code_cell(SETUP, execution_count=1)
    setup.metadata = {"tags": ["hide-input"], "execution": {"iopub.status.busy": "2026-01-01"}}
    answer = nbformat.v4.new_code_cell(ANSWER, execution_count=2)
    answer.outputs = [nbformat.v4.new_output("stream", name="stdout", text="✓ Correct")]
    answer.metadata = {"scrolled": True}
    prose = nbformat.v4.new_markdown_cell("The negative share is highest on forums.")
    prose.metadata = {"tags": ["solution-only"]}
    marked = nbformat.v4.new_markdown_cell("<!-- SOLUTION ONLY -->\nTrainer note.")
    code_only = nbformat.v4.new_code_cell("# SOLUTION ONLY\nprint('debug')")
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Solutions: getting started"),
        setup,
        answer,
        prose,
        marked,
        code_only,
    ]
    for number, cell in enumerate(nb.cells):
        cell.id = f"cell-{number}"
    return nb


def test_learner_notebook() -> None:
    learner = learner_notebook(solution_notebook(), "solutions/ch00.ipynb")
    assert [c.id for c in learner.cells] == ["cell-0", GUARD_TAG, "cell-1", "cell-2"]
    assert learner.cells[1].source == GUARD_SOURCE, "the first code cell checks for brakes"
    assert learner.cells[1].metadata == {"tags": [GUARD_TAG]}
    assert learner.cells[3].source == (
        'q3 = exercise("0.3")\nshare_negative = ...  # your code here\nq3.check(share_negative)'
    )
    assert learner.cells[2].source == SETUP
    for cell in learner.cells[1:]:
        assert cell.outputs == [] and cell.execution_count is None
    assert learner.cells[2].metadata == {"tags": ["hide-input"]}
    assert learner.cells[3].metadata == {}
    assert set(learner.metadata) == {"kernelspec", "language_info"}
    assert learner.cells[0].source == "# Exercises: getting started"


def test_a_solution_notebook_needs_its_title() -> None:
    nb = solution_notebook()
    nb.cells[0].source = "# Getting started"
    with pytest.raises(BrakesError, match="Solutions:"):
        learner_notebook(nb, "solutions/ch00.ipynb")


def test_names_used_later_are_kept() -> None:
    used = {"is_negative", "share_negative"}
    block = ["", 'is_negative = mentions["sentiment"] == "negative"', "share_negative = 1"]
    assert placeholder(block, used) == [
        "is_negative = ...  # your code here",
        "share_negative = ...  # your code here",
    ]


def test_last_assignment_when_nothing_is_used_later() -> None:
    assert placeholder(["", "a = 1", "b, c = 2, 3"], set()) == [
        "b = ...  # your code here",
        "c = ...  # your code here",
    ]


def test_block_without_assignment_and_indentation() -> None:
    source = "for x in y:\n    # BEGIN SOLUTION\n    print(x)\n    # END SOLUTION\nz = 1"
    assert replace_blocks(source, set(), "nb, cell 1") == (
        "for x in y:\n    # your code here\nz = 1"
    )


def test_magics_fall_back_to_simple_assignments() -> None:
    block = ["", "%time total = mentions.size", "total = len(mentions)"]
    assert placeholder(block, set()) == ["total = ...  # your code here"]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("# BEGIN SOLUTION\nx = 1", r"nb\.ipynb, cell 4: '# BEGIN SOLUTION' is never closed"),
        ("x = 1\n# END SOLUTION", r"nb\.ipynb, cell 4, line 2: '# END SOLUTION' without"),
        (
            "# BEGIN SOLUTION\n# BEGIN SOLUTION\nx = 1\n# END SOLUTION\n# END SOLUTION",
            r"nb\.ipynb, cell 4, line 2: '# BEGIN SOLUTION' inside another",
        ),
    ],
)
def test_unbalanced_markers(source: str, message: str) -> None:
    nb = solution_notebook()
    nb.cells[3] = nbformat.v4.new_code_cell(source)
    with pytest.raises(BrakesError, match=message):
        learner_notebook(nb, "nb.ipynb")


def write(path: Path, nb: nbformat.NotebookNode) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)


def test_generate_round_trip_and_drift(tmp_path: Path) -> None:
    solutions, exercises = tmp_path / "solutions", tmp_path / "exercises"
    write(solutions / "ch00.ipynb", solution_notebook())
    write(solutions / ".ipynb_checkpoints" / "ch00-checkpoint.ipynb", solution_notebook())
    assert check_drift(solutions, exercises) == ["ch00.ipynb: missing"]

    paths = generate_exercises(solutions, exercises)
    assert paths == [exercises / "ch00.ipynb"]
    first = paths[0].read_bytes()
    assert first.endswith(b"}\n")
    assert b"BEGIN SOLUTION" not in first and b"is_negative" not in first
    assert check_drift(solutions, exercises) == []

    generate_exercises(solutions, exercises)
    assert paths[0].read_bytes() == first  # deterministic bytes

    learner = nbformat.read(paths[0], as_version=4)
    nbformat.validate(learner)
    assert len(learner.cells) == 4  # with the guard cell

    changed = solution_notebook()
    changed.cells[2].source = changed.cells[2].source.replace("0.3", "0.4")
    write(solutions / "ch00.ipynb", changed)
    write(exercises / "old.ipynb", solution_notebook())
    assert check_drift(solutions, exercises) == [
        "ch00.ipynb: out of date",
        "old.ipynb: orphan (no solution notebook)",
    ]


def test_outputs_of_solutions_do_not_cause_drift(tmp_path: Path) -> None:
    solutions, exercises = tmp_path / "solutions", tmp_path / "exercises"
    write(solutions / "ch00.ipynb", solution_notebook())
    generate_exercises(solutions, exercises)
    rerun = solution_notebook()
    rerun.cells[2].outputs = [nbformat.v4.new_output("stream", name="stdout", text="other")]
    rerun.cells[2].execution_count = 42
    write(solutions / "ch00.ipynb", rerun)
    assert check_drift(solutions, exercises) == []


def test_missing_solutions_folder(tmp_path: Path) -> None:
    with pytest.raises(BrakesError, match="no solutions folder"):
        generate_exercises(tmp_path / "nope", tmp_path / "exercises")


def test_unreadable_notebook(tmp_path: Path) -> None:
    (tmp_path / "solutions").mkdir()
    (tmp_path / "solutions" / "bad.ipynb").write_text("{not json")
    with pytest.raises(BrakesError, match=r"bad\.ipynb is not a readable notebook"):
        generate_exercises(tmp_path / "solutions", tmp_path / "exercises")


def test_an_answer_in_words_keeps_its_quotes_and_is_not_attempted() -> None:
    block = ["", 'my_reading = """', "Forums are where the talk is.", '"""']
    lines = placeholder(block, {"my_reading"})
    assert lines == ['my_reading = """', YOUR_WORDS, '"""']
    namespace: dict[str, str] = {}
    exec("\n".join(lines), namespace)
    verdict = Reflection().compare(namespace["my_reading"], None)
    assert verdict.status is Status.NOT_ATTEMPTED


def takes_text(exercise: Exercise) -> bool:
    """Whether the learner types the exercise's answer as a short text: a letter among options."""
    checker = exercise.checker
    return isinstance(checker, Choice) or (isinstance(checker, Prediction) and not checker.numeric)


def test_every_letter_answer_shows_its_quotes_and_the_untouched_template_is_not_attempted() -> None:
    by_id = {exercise.id: exercise for exercise in all_exercises() if takes_text(exercise)}
    templates = {}
    for path in sorted(COURSE.exercises_dir.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            exercise = by_id.get(cell_meta(cell).exercise or "")
            if exercise is not None:
                line = next(
                    line
                    for line in cell.source.splitlines()
                    if line.startswith(f"{exercise.answer_name} =")
                )
                templates[exercise.id] = line
    assert templates.keys() == by_id.keys(), "a letter answer has no template in exercises/"
    assert len(templates) >= 10, "no letter answer found: is the check blind?"
    for exercise_id, line in templates.items():
        namespace: dict[str, object] = {}
        exec(line, namespace)
        template = namespace[by_id[exercise_id].answer_name]
        assert template == TEXT_PLACEHOLDER, f"{exercise_id}: {line!r} shows no quotes"
        verdict = verdict_for(by_id[exercise_id], template)
        assert verdict.status is Status.NOT_ATTEMPTED, f"{exercise_id}: {verdict.message}"
