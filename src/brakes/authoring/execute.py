"""Run solution notebooks in place, so their stored outputs are the real outputs of their code.

Authors run this after editing a solution (``brakes exercises --execute``);
nbval then proves in CI that a fresh run still gives the same outputs.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from brakes.authoring.write import dumps, read_notebook
from brakes.errors import BrakesError

TIMEOUT_S = 300


def execute_in_place(path: Path) -> None:
    """Execute one notebook top to bottom in its own folder and store its outputs.

    No timing metadata is recorded, so the same code gives the same bytes.
    A cell that raises leaves the file untouched and names the cell.
    """
    nb = read_notebook(path)
    client = NotebookClient(
        nb,
        timeout=TIMEOUT_S,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    try:
        client.execute()
    except CellExecutionError as error:
        first_line = str(error).strip().splitlines()[-1] if str(error).strip() else "error"
        raise BrakesError(
            f"{path.name}: a cell failed ({first_line}); fix it and run again"
        ) from None
    nbformat.validate(nb)
    path.write_text(dumps(nb), encoding="utf-8")
