"""Nothing a solution or a hint uses comes before the learner's path has shown it.

The path is the learner notebooks in course order (solutions/*.ipynb sorted,
each made into its learner copy as ``brakes exercises`` makes it), cells in
order. A construct (see :mod:`brakes.authoring.constructs`) is shown by a
primer code cell (a code cell that is no exercise), by an earlier exercise's
solution, or by a Markdown cell's code span or block. Each exercise's solution
and hints may use only what was shown above its cell, or what is too basic to
need showing, and read only names the learner's cells above it define (a
learner's exercise cell defines the names its template asks for).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass

from brakes.authoring.constructs import (
    TOO_BASIC,
    code_pieces,
    constructs,
    list_names,
    names_read,
    text_constructs,
)
from brakes.authoring.strip import GUARD_TAG, learner_notebook
from brakes.authoring.write import read_notebook, solution_notebooks
from brakes.config import COURSE
from brakes.exercises.model import Exercise
from brakes.exercises.registry import all_exercises
from brakes.notebook_meta import cell_meta


@dataclass(frozen=True)
class Stop:
    """What the learner's path has shown and defined when it reaches an exercise's cell."""

    exercise: Exercise
    shown: frozenset[str]
    lists: frozenset[str]  # names of lists defined above, for `table[accounts]`
    defined: frozenset[str]


def path_stops() -> Iterator[Stop]:
    """Each exercise on the learner's path, with what came before it."""
    exercises = {exercise.id: exercise for exercise in all_exercises()}
    shown: set[str] = set()
    lists: set[str] = set()
    defined: set[str] = set()
    for path in solution_notebooks(COURSE.solutions_dir):
        learner = learner_notebook(read_notebook(path), path.name)
        for cell in learner.cells:
            if GUARD_TAG in cell.metadata.get("tags", []):
                continue
            if cell.cell_type == "markdown":
                shown |= text_constructs(cell.source, frozenset(lists))
                continue
            exercise_id = cell_meta(cell).exercise
            if exercise_id is None:
                shown |= constructs(cell.source, frozenset(lists))
                lists |= list_names(cell.source)
            else:
                exercise = exercises[exercise_id]
                yield Stop(exercise, frozenset(shown), frozenset(lists), frozenset(defined))
                shown |= constructs(exercise.solution, frozenset(lists))
            defined |= _defines(cell.source)


def _defines(code: str) -> set[str]:
    """The names a learner's cell defines: assigned, imported, or a function's."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            found.add(node.id)
        elif isinstance(node, ast.alias):
            found.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.FunctionDef):
            found.add(node.name)
    return found


def _uses(stop: Stop) -> dict[str, list[str]]:
    """Each construct the exercise's solution and hints use, with where: "solution", "hint 2"."""
    exercise = stop.exercise
    pieces = [("solution", constructs(exercise.solution, stop.lists))]
    pieces += [
        (f"hint {n}", text_constructs(hint, stop.lists)) for n, hint in enumerate(exercise.hints, 1)
    ]
    found: dict[str, list[str]] = {}
    for where, names in pieces:
        for name in sorted(names - TOO_BASIC):
            found.setdefault(name, []).append(where)
    return found


def _reads(exercise: Exercise) -> dict[str, list[str]]:
    """Each name the solution and the hints' code read, with where (a bare name is a column)."""
    pieces = [("solution", exercise.solution)]
    pieces += [
        (f"hint {n}", piece)
        for n, hint in enumerate(exercise.hints, 1)
        for piece in code_pieces(hint)
        if not piece.startswith(".") and any(mark in piece for mark in "([=")
    ]
    found: dict[str, list[str]] = {}
    for where, code in pieces:
        try:
            names = names_read(code)
        except SyntaxError:  # a span that is half a line shows no names
            continue
        for name in sorted(names):
            found.setdefault(name, []).append(where)
    return found


def test_every_construct_is_shown_before_a_solution_or_hint_uses_it() -> None:
    findings = [
        f"{stop.exercise.id}: `{name}` used before shown ({', '.join(where)})"
        for stop in path_stops()
        for name, where in _uses(stop).items()
        if name not in stop.shown
    ]
    assert not findings, f"{len(findings)} used before shown:\n" + "\n".join(findings)


def test_every_name_a_solution_or_hint_reads_is_defined_above() -> None:
    findings = [
        f"{stop.exercise.id}: `{name}` read but no learner cell above defines it "
        f"({', '.join(where)})"
        for stop in path_stops()
        for name, where in _reads(stop.exercise).items()
        if name not in stop.defined
    ]
    assert not findings, f"{len(findings)} names undefined:\n" + "\n".join(findings)


def test_constructs_name_the_forms_a_learner_meets() -> None:
    code = (
        'spread.groupby(negative["brand_answered"]).median()\n'
        'cols = ["a", "b"]\nt.groupby("k")[cols].mean()\n'
        'm.loc["x", accounts]\ns[~(s <= 3)]\n'
        'pd.crosstab(a, b, normalize="index")\nf"{x:.1f}"'
    )
    assert {
        ".groupby(series)",
        '.groupby("column")',
        ".groupby(…)[[columns]]",
        ".loc[row, [columns]]",
        "~",
        "<=",
        "[mask]",
        "pd.crosstab(normalize=)",
        "f-string {value:format}",
    } <= constructs(code, lists=frozenset({"accounts"}))
    assert text_constructs("Use `.value_counts(normalize=True)` then `~`.") >= {
        ".value_counts",
        ".value_counts(normalize=)",
        "~",
    }
    assert text_constructs('| `mentions["channel"].value_counts(` | a table cell |') == set()
    assert names_read("total = counts.sum()\nshare = total / n") == {"counts", "n"}
