"""Run notebooks with the Python that runs this script; print what each check said, as JSON.

The kit tests call it with a fresh virtual environment's Python, so the
notebooks run exactly where a learner's would: that environment's kernel,
packages and data. Usage: ``python run_notebooks.py NOTEBOOK...``; prints one
JSON object: {notebook: {"checks": [[exercise, status, cell], ...], "errors": [...]}}, where
``cell`` is the exercise id in the cell's metadata (None for a cell that is not an exercise's
own, such as a demonstration of a wrong answer).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

OUTCOME_MIME = "application/vnd.brakes.check+json"


def run(path: Path) -> dict:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=300,
        allow_errors=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    checks, errors = [], []
    for cell in notebook.cells:
        own = cell.get("metadata", {}).get("brakes", {}).get("exercise")
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                errors.append({"ename": output["ename"], "traceback": output["traceback"]})
            record = output.get("data", {}).get(OUTCOME_MIME)
            if record and record.get("kind") == "check":
                checks.append([record["exercise"], record["status"], own])
    return {"checks": checks, "errors": errors}


if __name__ == "__main__":
    print(json.dumps({name: run(Path(name)) for name in sys.argv[1:]}))
