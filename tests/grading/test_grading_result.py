"""The one result type of a run: its JSON line survives the trip from worker to runner, a garbled
line is named rather than raised, and a notebook's cells are read into its terms.
"""

from __future__ import annotations

import json

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell

from brakes.exercises.outcomes import OUTCOME_MIME
from brakes.trainer.grading.result import (
    CellError,
    CellOutputs,
    CodeCell,
    ExerciseCell,
    Garbled,
    Result,
    code_cells,
    exercise_cells,
    source_key,
)
from brakes.trainer.grading.status import RunStatus

RECORD = {"output_type": "display_data", "data": {OUTCOME_MIME: {"exercise": "0.1"}}}
FULL = Result(
    RunStatus.RAISED,
    "cell 3 raised ValueError: é\nnew line",
    exercise_cells=(ExerciseCell(1, "0.1", ""), ExerciseCell(4, "0.3", "predict")),
    code_cells=(CodeCell(0, "abc"), CodeCell(1, "def")),
    outputs=(CellOutputs(1, (RECORD,)),),
    errors=(CellError(3, "ValueError", "é"),),
    answers='{"n_mentions": {"t": "int", "v": "3"}}',
    seconds=2.5,
    isolated=True,
)


def test_a_result_survives_its_json_line() -> None:
    line = FULL.to_json()
    assert "\n" not in line
    assert Result.from_json(line) == FULL
    assert Result.from_json(line.encode()) == FULL
    assert Result.from_json(Result(RunStatus.RAN).to_json()) == Result(RunStatus.RAN)


def _with(**changes: object) -> str:
    data = json.loads(FULL.to_json())
    data.update(changes)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("", "an empty line"),
        ("\n", "an empty line"),
        (FULL.to_json()[:-20], "not JSON"),
        (b"\xff\xfe", "not JSON"),
        ("[1, 2]", "the result is not an object"),
        (_with(status="finished"), "status 'finished' is not one of the run statuses"),
        (_with(status=None), "the result.status is not of the expected type"),
        (_with(reason=3), "the result.reason is not of the expected type"),
        (_with(seconds=True), "the result.seconds is not of the expected type"),
        (_with(exercise_cells={}), "the result.exercise_cells is not of the expected type"),
        (_with(exercise_cells=[{"cell": "1", "exercise": "0.1", "kind": ""}]), "exercise_cells[0]"),
        (_with(code_cells=[{"cell": 0}]), "code_cells[0] has no 'key'"),
        (_with(outputs=[{"cell": 1, "outputs": ["text"]}]), "outputs[0].outputs holds something"),
        (_with(errors=[7]), "errors[0] is not an object"),
        (json.dumps({"status": "ran"}), "the result has no 'reason'"),
    ],
)
def test_a_garbled_line_is_named_not_raised(line: str | bytes, why: str) -> None:
    garbled = Result.from_json(line)
    assert isinstance(garbled, Garbled) and why in garbled.why, garbled


def test_cells_are_read_through_the_courses_metadata_and_cut_short() -> None:
    marked = new_code_cell("n = 1", metadata={"brakes": {"exercise": " 0.1 "}})
    predict = new_code_cell("g = 2", metadata={"brakes": {"exercise": "0.3", "kind": "predict"}})
    statement = new_markdown_cell("Count them.", metadata={"brakes": {"exercise": "0.2"}})
    long = new_code_cell("", metadata={"brakes": {"exercise": "9" * 100}})
    blank = new_code_cell("", metadata={"brakes": {"exercise": "  "}})
    hostile: list[object] = [{"cell_type": "code", "metadata": ["brakes"]}, "not a cell"]
    cells = [marked, statement, predict, long, blank, *hostile]
    assert exercise_cells(cells) == (
        ExerciseCell(0, "0.1", ""),
        ExerciseCell(2, "0.3", "predict"),
        ExerciseCell(3, "9" * 39 + "…", ""),
    )
    assert code_cells(cells[:3]) == (
        CodeCell(0, source_key("n = 1")),
        CodeCell(2, source_key("g = 2")),
    )
