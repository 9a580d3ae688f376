"""The registry and the solution notebooks say the same thing, or ``--check`` says where not.

Each fact about an exercise is written once. The notebook holds the prompt
(a Markdown cell whose ``metadata["brakes"]["prompt"]`` is the id, headed
``### Exercise <id>: <title>``) and the worked answer (a code cell whose
``metadata["brakes"]["exercise"]`` is the id); the chapter module holds the
title, the check, the hints and the solution text. What appears on both
sides (the title in the heading, the id in ``exercise("…")``, the kind of a
predict or interpret cell, the solution code) is compared here.
"""

from __future__ import annotations

import ast
import textwrap
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from brakes.authoring.blocks import split_blocks
from brakes.authoring.write import read_notebook, solution_notebooks
from brakes.exercises.model import MARKED_KINDS, Exercise, assigned_names
from brakes.notebook_meta import cell_meta


@dataclass(frozen=True)
class WorkedCell:
    """A solution-notebook cell that holds one exercise."""

    exercise_id: str
    where: str
    source: str
    kind: str | None
    above: str = ""

    @property
    def solution_code(self) -> str:
        """The code between the cell's BEGIN and END SOLUTION markers, dedented."""
        blocks = [p for p in split_blocks(self.source, self.where) if isinstance(p, list)]
        return textwrap.dedent("\n".join(line for b in blocks for line in b[1:])).strip()


@dataclass(frozen=True)
class PromptCell:
    """A Markdown cell that states one exercise."""

    exercise_id: str
    where: str
    heading: str


def scan(path: Path, root: Path) -> tuple[list[WorkedCell], list[PromptCell]]:
    """The exercise cells and prompt cells of one solution notebook."""
    nb = read_notebook(path)
    name = path.relative_to(root).as_posix()
    worked, prompts = [], []
    code_above: list[str] = []
    for number, cell in enumerate(nb.cells, start=1):
        meta = cell_meta(cell)
        where = f"{name}, cell {number}"
        if cell.cell_type == "code" and meta.exercise is not None:
            above = "\n".join(code_above)
            worked.append(WorkedCell(meta.exercise, where, cell.source, meta.kind, above))
        if cell.cell_type == "code":
            code_above.append(cell.source)
        if cell.cell_type == "markdown" and meta.prompt is not None:
            first = (cell.source.strip().splitlines() or [""])[0]
            prompts.append(PromptCell(meta.prompt, where, first.lstrip("#").strip()))
    return worked, prompts


def _exercise_calls(source: str) -> list[str]:
    """The literal ids of every ``exercise("…")`` call in a cell (none if it does not parse)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    return [
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "exercise"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ]


#: What an extension exercise's heading adds after its id, so the learner (in the notebook
#: and on the site) sees it is off the notebook's core path.
EXTENSION_MARK = " (extension)"


def heading_for(exercise: Exercise) -> str:
    """The heading text a prompt cell must carry: ``Exercise 1.3: <title>``, or
    ``Exercise 1.3 (extension): <title>`` for an exercise off the core path."""
    mark = EXTENSION_MARK if exercise.extension else ""
    return f"Exercise {exercise.id}{mark}: {exercise.title}"


def _cell_problems(cell: WorkedCell, exercise: Exercise | None) -> Iterator[str]:
    if exercise is None:
        yield f"{cell.where}: exercise {cell.exercise_id} is not registered in any chapter module"
        return
    calls = _exercise_calls(cell.source)
    if calls != [cell.exercise_id]:
        found = ", ".join(repr(c) for c in calls) or "no exercise(...) call"
        yield (
            f"{cell.where}: the metadata says exercise {cell.exercise_id} but the code has "
            f'{found}; call exercise("{cell.exercise_id}") once'
        )
    above = {line.strip() for line in cell.above.splitlines()}
    for line in exercise.setup.splitlines():
        if line.strip() and line.strip() not in above:
            yield (
                f"{cell.where}: exercise {exercise.id}'s solution relies on `{line.strip()}`, "
                "which no code cell above it runs; add it to the notebook's set-up cell"
            )
    wanted = str(exercise.kind) if exercise.kind in MARKED_KINDS else None
    if cell.kind != wanted:
        yield (
            f"{cell.where}: metadata kind is {cell.kind!r} but exercise {exercise.id} is "
            f"{exercise.kind.value!r}; set metadata brakes.kind to {wanted!r}"
        )
    code = cell.solution_code
    if not code:
        yield f"{cell.where}: exercise {exercise.id} has no BEGIN/END SOLUTION block"
    elif exercise.answer_name not in assigned_names(code):
        yield f"{cell.where}: the solution block never assigns {exercise.answer_name}"
    elif code != exercise.solution.strip():
        yield (
            f"{cell.where}: the solution block differs from exercise {exercise.id}'s solution in "
            "its chapter module; make them the same"
        )


def check_consistency(solutions_dir: Path, exercises: Iterable[Exercise]) -> list[str]:
    """Every disagreement between the registered exercises and the solution notebooks."""
    registered = {e.id: e for e in exercises}
    root = Path(solutions_dir).parent
    problems: list[str] = []
    seen: dict[str, str] = {}
    prompted: dict[str, str] = {}
    for path in solution_notebooks(Path(solutions_dir)):
        worked, prompts = scan(path, root)
        for prompt in prompts:
            exercise = registered.get(prompt.exercise_id)
            if prompt.exercise_id in prompted:
                problems.append(
                    f"{prompt.where}: a second prompt for exercise {prompt.exercise_id} "
                    f"(the first is {prompted[prompt.exercise_id]})"
                )
            prompted[prompt.exercise_id] = prompt.where
            if exercise is not None and prompt.heading != heading_for(exercise):
                problems.append(
                    f"{prompt.where}: the heading says {prompt.heading!r} but the chapter module "
                    f"says {heading_for(exercise)!r}; make them the same"
                )
        for cell in worked:
            if cell.exercise_id in seen:
                problems.append(
                    f"{cell.where}: exercise {cell.exercise_id} is worked twice "
                    f"(also in {seen[cell.exercise_id]})"
                )
                continue
            seen[cell.exercise_id] = cell.where
            problems.extend(_cell_problems(cell, registered.get(cell.exercise_id)))
            if cell.exercise_id not in prompted:
                problems.append(
                    f"{cell.where}: exercise {cell.exercise_id} has no prompt cell above it "
                    f'(a Markdown cell with metadata brakes.prompt = "{cell.exercise_id}")'
                )
    for exercise_id in sorted(set(registered) - set(seen), key=lambda i: registered[i].sort_key):
        problems.append(f"exercise {exercise_id} is registered but worked in no solution notebook")
    return problems
