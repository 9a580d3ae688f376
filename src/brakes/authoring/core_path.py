"""The core path of a notebook never needs an extension exercise: a walk through its cells.

A learner short of time skips the exercises marked ``extension``
(:mod:`brakes.content.minutes`); every cell they do run must then find its
names defined above it by a given cell or a core exercise.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from brakes.authoring.blocks import names_used
from brakes.authoring.strip import is_solution_only
from brakes.authoring.write import read_notebook
from brakes.exercises.model import Exercise, assigned_names
from brakes.notebook_meta import cell_meta


@dataclass(frozen=True)
class Need:
    """A cell of the core path that uses a name only an extension exercise defines."""

    notebook: str
    cell: str  # "exercise 1.5" or "cell 12"
    name: str
    extension: str  # the id of the extension exercise that defines it

    def __str__(self) -> str:
        return (
            f"{self.notebook}, {self.cell} uses {self.name}, which only extension exercise "
            f"{self.extension} defines; make {self.extension} core or define the name in a "
            "given cell"
        )


def needs_extension(path: Path, exercises: Mapping[str, Exercise]) -> list[Need]:
    """Where the core path of a solution notebook uses a name only an extension defines.

    Walks the notebook as a learner on the core path runs it: every given code
    cell and every core exercise's solution must find its names in a given cell
    or a core exercise above it, never only in an extension exercise that
    learner skipped.
    """
    notebook = read_notebook(path)
    core_names: set[str] = set()
    extension_names: dict[str, str] = {}
    needs = []
    for number, cell in enumerate(notebook.cells, start=1):
        if cell.cell_type != "code" or is_solution_only(cell):
            continue
        meta = cell_meta(cell)
        exercise = exercises.get(meta.exercise) if meta.exercise is not None else None
        code = exercise.solution if exercise is not None else cell.source
        if exercise is not None and exercise.extension:
            extension_names.update(dict.fromkeys(_defined(code) - core_names, exercise.id))
            continue
        what = f"exercise {exercise.id}" if exercise is not None else f"cell {number}"
        needed = names_used([code]) - _defined(code)
        for name in sorted(needed & set(extension_names) - core_names):
            needs.append(Need(path.name, what, name, extension_names[name]))
        core_names |= _defined(code)
    return needs


def _defined(code: str) -> set[str]:
    """The names a cell defines at top level: assignments, functions, imports."""
    try:
        body = ast.parse(code).body
    except SyntaxError:  # IPython magics: only plain assignments are visible
        return set(re.findall(r"^([A-Za-z_]\w*)\s*=[^=]", code, re.M))
    names = assigned_names(code)
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
    return names
