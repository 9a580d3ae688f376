"""From a solution notebook to a learner notebook, in memory.

* Cells tagged ``solution-only`` are dropped, as are code cells whose first
  line is ``# SOLUTION ONLY`` and markdown cells whose first line is
  ``<!-- SOLUTION ONLY -->`` (prose answers to interpretation questions).
* Solution blocks in code cells become placeholders (:mod:`.blocks`).
* A first code cell is added (:data:`GUARD_SOURCE`): where the course's package
  is not installed, it says in one sentence how to install it, instead of the
  next cell's ``ModuleNotFoundError`` traceback, and stops "Run all" there.
* Outputs and execution counts are removed; cell metadata keeps only
  ``tags`` and ``brakes`` (exercise ids and kinds); notebook metadata keeps
  only ``kernelspec``, ``language_info`` and ``brakes``.
"""

from __future__ import annotations

import copy
import re
import textwrap

import nbformat
from nbformat import NotebookNode

from brakes.authoring.blocks import names_used, outside_blocks, replace_blocks, split_blocks
from brakes.authoring.constructs import names_read
from brakes.errors import BrakesError
from brakes.notebook_meta import META
from brakes.trainer.kit.adapt import GUARD_TAG, guard_source

#: The cell tag that keeps a cell out of the learner notebook.
SOLUTION_ONLY_TAG = "solution-only"
_SOLUTION_ONLY_LINE = {
    "code": re.compile(r"^\s*#\s*SOLUTION ONLY\s*$"),
    "markdown": re.compile(r"^\s*<!--\s*SOLUTION ONLY\s*-->\s*$"),
}
#: Notebook metadata a learner notebook keeps (``brakes`` holds the minutes the page shows).
NOTEBOOK_METADATA = ("kernelspec", "language_info", META)
#: Cell metadata a learner notebook keeps: tags, and the course's ids and kinds (for grading).
CELL_METADATA = ("tags", META)


#: The guard cell of the learner notebooks in exercises/ (see :mod:`brakes.trainer.kit.adapt`).
GUARD_SOURCE = guard_source()


def guard_cell() -> NotebookNode:
    """The learner notebook's first code cell (see :data:`GUARD_SOURCE`)."""
    cell = nbformat.v4.new_code_cell(GUARD_SOURCE)
    cell.id = GUARD_TAG  # fixed, so regenerating a notebook gives the same bytes
    cell.metadata = nbformat.from_dict({"tags": [GUARD_TAG]})
    return cell


def is_solution_only(cell: NotebookNode) -> bool:
    """True when the cell belongs to the solution notebook only."""
    if SOLUTION_ONLY_TAG in (cell.get("metadata", {}).get("tags") or []):
        return True
    pattern = _SOLUTION_ONLY_LINE.get(cell.get("cell_type", ""))
    first_line = (cell.get("source") or "").split("\n", 1)[0]
    return bool(pattern and pattern.match(first_line))


def _clean_cell(cell: NotebookNode) -> NotebookNode:
    """A copy without outputs, counts or metadata other than tags."""
    cell = copy.deepcopy(cell)
    cell["metadata"] = nbformat.from_dict(
        {k: cell["metadata"][k] for k in CELL_METADATA if k in cell.get("metadata", {})}
    )
    if cell["cell_type"] == "code":
        cell["outputs"] = []
        cell["execution_count"] = None
    return cell


#: A solution notebook's title starts with this; the learner notebook's with the other,
#: so the site's navigation tells the two pages apart.
SOLUTION_TITLE = "# Solutions: "
EXERCISE_TITLE = "# Exercises: "


def retitle(cell: NotebookNode, name: str) -> None:
    """Turn the solution notebook's "Solutions: …" title into "Exercises: …"."""
    if cell.cell_type != "markdown" or not cell.source.startswith(SOLUTION_TITLE):
        raise BrakesError(
            f"{name}: the first cell must be a Markdown title starting with "
            f"'{SOLUTION_TITLE.strip()}' (the learner notebook gets 'Exercises:')"
        )
    cell.source = EXERCISE_TITLE + cell.source[len(SOLUTION_TITLE) :]


def _names_read(block: list[str]) -> set[str]:
    """The names a solution block (its indent, then its lines) reads without assigning them."""
    try:
        return names_read(textwrap.dedent("\n".join(block[1:])))
    except SyntaxError:  # a block that is not Python on its own reads nothing we can tell
        return set()


def learner_notebook(solution: NotebookNode, name: str) -> NotebookNode:
    """The learner notebook generated from a solution notebook called ``name``."""
    kept = [
        (number, cell)
        for number, cell in enumerate(solution.cells, start=1)
        if not is_solution_only(cell)
    ]
    code = [(number, cell) for number, cell in kept if cell.cell_type == "code"]
    # A name a solution block assigns stays in the learner's lines when code outside the
    # blocks uses it, or when another block reads it without assigning it (3.18 reads the
    # `duplicated` that 3.17's learner must therefore define).
    used = names_used(
        outside_blocks(cell.source, f"{name}, cell {number}") for number, cell in code
    )
    used |= {
        read
        for number, cell in code
        for part in split_blocks(cell.source, f"{name}, cell {number}")
        if isinstance(part, list)
        for read in _names_read(part)
    }
    cells = []
    for number, cell in kept:
        clean = _clean_cell(cell)
        if clean.cell_type == "code":
            clean.source = replace_blocks(clean.source, used, f"{name}, cell {number}")
        cells.append(clean)
    if cells:
        retitle(cells[0], name)
    first_code = next((i for i, cell in enumerate(cells) if cell.cell_type == "code"), len(cells))
    cells.insert(first_code, guard_cell())
    learner = copy.deepcopy(solution)
    learner.cells = cells
    learner.metadata = nbformat.from_dict(
        {k: solution.metadata[k] for k in NOTEBOOK_METADATA if k in solution.metadata}
    )
    return learner
