"""In a real kernel, a learner's mistake reads as one line that says what to do, not a traceback."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

pytestmark = pytest.mark.kernel


def run_cells(*sources: str) -> list[dict]:
    """Run cells in a fresh kernel, errors allowed; return the outputs of the last cell."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    NotebookClient(nb, kernel_name="python3", allow_errors=True, timeout=120).execute()
    return nb.cells[-1].outputs


def test_unknown_table_is_one_line_in_a_notebook() -> None:
    outputs = run_cells("from brakes.data import load", 'load("mention")')
    assert [o.output_type for o in outputs] == ["stream"], outputs
    assert outputs[0].name == "stderr"
    lines = outputs[0].text.strip().splitlines()
    assert len(lines) == 1
    assert "unknown table 'mention'" in lines[0] and "mentions" in lines[0]
    assert "Traceback" not in outputs[0].text


def test_other_errors_keep_their_traceback() -> None:
    outputs = run_cells("import brakes", "1 / 0")
    assert outputs[0].output_type == "error"
    assert outputs[0].ename == "ZeroDivisionError"
