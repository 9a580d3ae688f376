"""Reading outcome records back from executed notebooks."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from brakes.exercises.outcomes import OUTCOME_MIME, Outcome, Status, read_outcomes


def output(record: object) -> nbformat.NotebookNode:
    return nbformat.v4.new_output("display_data", data={"text/plain": "x", OUTCOME_MIME: record})


def check(exercise: str, status: str, feedback: str = "f") -> dict[str, object]:
    return {
        "version": 1,
        "exercise": exercise,
        "kind": "check",
        "status": status,
        "feedback": feedback,
    }


def notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    first = nbformat.v4.new_code_cell("q1.check(x)")
    first.outputs = [output(check("0.1", "incorrect", "Not quite."))]
    second = nbformat.v4.new_code_cell("q2.hint(); q1.check(y)")
    second.outputs = [
        output(
            {
                "version": 1,
                "exercise": "0.2",
                "kind": "hint",
                "status": None,
                "feedback": "Hint 1 of 3: …",
                "hint": 1,
            }
        ),
        output(check("0.1", "correct", "Correct: 3.")),
        output(
            {
                "version": 1,
                "exercise": "0.2",
                "kind": "solution",
                "status": None,
                "feedback": "Solution:\nx = 1",
            }
        ),
    ]
    junk = nbformat.v4.new_code_cell("forged()")
    junk.outputs = [
        output({"version": 99, "exercise": "0.1", "status": "correct", "feedback": ""}),
        output(check("0.1", "perfect")),
        output("not json"),
        output(json.dumps(check("0.3", "error", "Could not check: …"))),
    ]
    nb.cells = [nbformat.v4.new_markdown_cell("# Title"), first, second, junk]
    return nb


def test_last_check_wins_and_hints_are_counted() -> None:
    assert read_outcomes(notebook()) == [
        Outcome("0.1", Status.CORRECT, "Correct: 3.", checks=2),
        Outcome("0.2", Status.NOT_ATTEMPTED, "", checks=0, hints_seen=1, solution_seen=True),
        Outcome("0.3", Status.ERROR, "Could not check: …", checks=1),
    ]


def test_reads_from_a_path(tmp_path: Path) -> None:
    path = tmp_path / "done.ipynb"
    nbformat.write(notebook(), path)
    assert [o.exercise for o in read_outcomes(path)] == ["0.1", "0.2", "0.3"]
    assert read_outcomes(str(path))[0].status is Status.CORRECT


def test_empty_notebook() -> None:
    assert read_outcomes(nbformat.v4.new_notebook()) == []


@pytest.mark.kernel
def test_records_survive_a_real_kernel(tmp_path: Path) -> None:
    """Executed by a Jupyter kernel, a check leaves its record in the cell's outputs."""
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "from brakes.exercises.checkers import Number\n"
            "from brakes.exercises.model import Exercise\n"
            "from brakes.exercises.question import Question\n"
            "ex = Exercise(id='1.1', title='t', answer_name='n', tables=(),\n"
            "    expected=lambda load: 3, checker=Number(integer=True), hints=('h',),\n"
            "    solution='n = 3\\n', reveals='Yes.')\n"
            "q = Question(ex)\n"
            "q.check(4)\n"
            "q.hint()\n"
            "q.check(3)"
        )
    ]
    nbclient.NotebookClient(nb, timeout=60, kernel_name="python3").execute()
    outputs = nb.cells[0].outputs
    assert [o.output_type for o in outputs] == ["display_data"] * 3
    assert {"text/plain", "text/html", OUTCOME_MIME} <= set(outputs[0].data)
    assert read_outcomes(nb) == [
        Outcome("1.1", Status.CORRECT, "Correct: 3. Yes.", checks=2, hints_seen=1)
    ]
