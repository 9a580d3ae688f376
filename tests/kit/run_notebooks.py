"""Run notebooks with the Python that runs this script; print what each check said, as JSON.

The kit tests call it with a fresh virtual environment's Python, so the
notebooks run exactly where a learner's would: that environment's kernel,
packages and data. Usage: ``python run_notebooks.py [--snippets FILE] NOTEBOOK...``;
prints one JSON object: {notebook: {"checks": [[exercise, status, cell], ...],
"errors": [...], "snippets": [[exercise, where, code, error], ...]}}, where ``cell``
is the exercise id in the cell's metadata (None for a cell that is not an exercise's
own, such as a demonstration of a wrong answer).

``--snippets FILE``: a JSON object {exercise: [[where, code], ...]}; just before an
exercise's cell, each code runs in the kernel in a copy of the notebook's namespace
(what a learner pasting it there would get), and ``error`` says how it failed
("NameError: ..."), or is None. The notebook's own run is not changed by them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

OUTCOME_MIME = "application/vnd.brakes.check+json"
SNIPPET_MARK = "brakes-snippet-result:"

#: Runs one snippet in a copy of the user namespace, defining nothing in it, and prints
#: how it went after SNIPPET_MARK. Formatted with the snippet's code as a literal.
PROBE = """\
exec(compile({body!r}, "<probe>", "exec"), {{"namespace": dict(globals()), "code": {code!r}}})"""
PROBE_BODY = f"""\
import contextlib, io, json
import matplotlib.pyplot as plt
try:
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, "<snippet>", "exec"), namespace)
    error = None
except Exception as caught:
    error = f"{{type(caught).__name__}}: {{caught}}"
finally:
    plt.close("all")
print({SNIPPET_MARK!r} + json.dumps(error))
"""


def _probe(client: NotebookClient, code: str, index: int) -> str | None:
    cell = nbformat.v4.new_code_cell(PROBE.format(body=PROBE_BODY, code=code))
    client.execute_cell(cell, index)
    for output in cell.outputs:
        text = output.get("text", "")
        if output.get("output_type") == "stream" and SNIPPET_MARK in text:
            return json.loads(text.split(SNIPPET_MARK, 1)[1])
    return f"the probe printed no result: {cell.outputs}"


def run(path: Path, snippets: dict[str, list[list[str]]]) -> dict:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=300,
        allow_errors=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    tried = []
    client.reset_execution_trackers()
    with client.setup_kernel():
        for index, cell in enumerate(notebook.cells):
            own = cell.get("metadata", {}).get("brakes", {}).get("exercise")
            if cell.cell_type == "code":
                for where, code in snippets.get(own, []) if own else []:
                    tried.append([own, where, code, _probe(client, code, index)])
            client.execute_cell(cell, index)
    checks, errors = [], []
    for cell in notebook.cells:
        own = cell.get("metadata", {}).get("brakes", {}).get("exercise")
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                errors.append({"ename": output["ename"], "traceback": output["traceback"]})
            record = output.get("data", {}).get(OUTCOME_MIME)
            if record and record.get("kind") == "check":
                checks.append([record["exercise"], record["status"], own])
    return {"checks": checks, "errors": errors, "snippets": tried}


if __name__ == "__main__":
    arguments = sys.argv[1:]
    suggested: dict[str, list[list[str]]] = {}
    if arguments[:1] == ["--snippets"]:
        suggested = json.loads(Path(arguments[1]).read_text(encoding="utf-8"))
        arguments = arguments[2:]
    print(json.dumps({name: run(Path(name), suggested) for name in arguments}))
