"""The registry and the solution notebooks tell the same story.

Each exercise's ``solution()`` text must be the code of its block in the
solution notebook, and every registered exercise must be worked in exactly
one notebook, so neither side can drift from the other.
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from pathlib import Path

import nbformat
import pytest

from brakes.authoring.blocks import split_blocks
from brakes.config import COURSE
from brakes.exercises.registry import all_exercises, get

EXERCISE_CALL = re.compile(r"""exercise\(\s*["'](?P<id>\d+\.\d+)["']\s*\)""")


def worked_blocks() -> list[tuple[str, str, str]]:
    """(exercise id, solution code, where) for every solution block of every notebook."""
    found = []
    for path in sorted(COURSE.solutions_dir.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for number, cell in enumerate(nb.cells, start=1):
            if cell.cell_type != "code":
                continue
            where = f"{path.name}, cell {number}"
            blocks = [part for part in split_blocks(cell.source, where) if isinstance(part, list)]
            if not blocks:
                continue
            ids = EXERCISE_CALL.findall(cell.source)
            assert len(ids) == 1, f"{where}: a solution cell names exactly one exercise"
            code = "\n".join(line for block in blocks for line in block[1:])
            found.append((ids[0], textwrap.dedent(code).strip(), where))
    return found


BLOCKS = worked_blocks()


def test_every_exercise_is_worked_in_one_notebook() -> None:
    counts = Counter(exercise_id for exercise_id, _, _ in BLOCKS)
    registered = {exercise.id for exercise in all_exercises()}
    assert set(counts) == registered, (
        f"only in notebooks: {sorted(set(counts) - registered)}; "
        f"only registered: {sorted(registered - set(counts))}"
    )
    assert all(count == 1 for count in counts.values()), counts


@pytest.mark.parametrize(("exercise_id", "code", "where"), BLOCKS, ids=[b[0] for b in BLOCKS])
def test_solution_text_is_the_notebook_block(exercise_id: str, code: str, where: str) -> None:
    assert get(exercise_id).solution.strip() == code, f"{where} differs from solution()"


def test_notebooks_are_stored_executed() -> None:
    for path in sorted(Path(COURSE.solutions_dir).glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        code = [cell for cell in nb.cells if cell.cell_type == "code" and cell.source.strip()]
        unexecuted = [i for i, cell in enumerate(code) if cell.execution_count is None]
        assert not unexecuted, f"{path.name}: code cells never run: {unexecuted}"
