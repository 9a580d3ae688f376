"""Every code a hint or a feedback message suggests runs, as written, where the learner is.

Each solution notebook is run cell by cell in this process. Just before an
exercise's cell, every snippet its hints suggest, and every snippet the
feedback on its known wrong answers suggests, is run in a copy of the
notebook's namespace at that point: a name the notebook has not defined, a
misspelt column or a wrong call fails the test. The same feedback must not
print the expected value a learner could copy.

Snippets are a hint written as code, or the `code spans` of a sentence. A
span that is a bare name (a column, ```satisfaction```) or a method fragment
(```.sum()```) is not run on its own.
"""

from __future__ import annotations

import ast
import contextlib
import io
import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import matplotlib
import nbformat
import pandas as pd
import pytest

from brakes.config import COURSE
from brakes.data import DEFAULT_SEED, SeedSource
from brakes.exercises.checking import verdict_for
from brakes.exercises.model import Exercise
from brakes.exercises.registry import get

matplotlib.use("Agg")

SPAN = re.compile(r"`([^`]+)`")
NOTEBOOKS = sorted(COURSE.solutions_dir.glob("*.ipynb"))


def _parses(code: str) -> ast.Module | None:
    try:
        return ast.parse(code)
    except SyntaxError:
        return None


def snippets(text: str) -> list[str]:
    """The runnable code a hint or a message suggests (see the module docstring)."""
    if "`" not in text and _parses(text) is not None and ("(" in text or "=" in text):
        return [text]
    found = []
    for span in SPAN.findall(text):
        span = span.strip()
        tree = _parses(span)
        if tree is None or span.startswith("."):
            continue
        only_name = (
            len(tree.body) == 1
            and isinstance(tree.body[0], ast.Expr)
            and isinstance(tree.body[0].value, ast.Name | ast.Constant)
        )
        if not only_name:
            found.append(span)
    return found


def _run(code: str, namespace: dict[str, Any]) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, "<snippet>", "exec"), namespace)


def _exercise_cells(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(exercise id, the namespace just before its cell), running the notebook as it goes."""
    namespace: dict[str, Any] = {}
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type != "code":
            continue
        exercise_id = (cell.metadata.get("brakes") or {}).get("exercise")
        if exercise_id:
            yield exercise_id, dict(namespace)
        _run(cell.source.replace("\n%", "\n# %"), namespace)
        matplotlib.pyplot.close("all")


def _copyable(value: float) -> list[str]:
    """How an expected number would read if a message printed it."""
    if not math.isfinite(value) or float(value).is_integer() or abs(value) < 1:
        return []
    return [f"{value:.1f}", f"{value:.2f}", f"{value:.3g}"]


def _expected_numbers(expected: Any) -> list[float]:
    if isinstance(expected, pd.DataFrame):
        return [float(v) for v in expected.select_dtypes("number").to_numpy().ravel()]
    if isinstance(expected, pd.Series) and pd.api.types.is_numeric_dtype(expected):
        return [float(v) for v in expected.to_numpy(dtype=float)]
    if isinstance(expected, int | float) and not isinstance(expected, bool):
        return [float(expected)]
    return []


def _problems(exercise: Exercise, namespace: dict[str, Any]) -> Iterator[str]:
    load = SeedSource(DEFAULT_SEED).load
    expected = exercise.expected(load)
    texts = [("hint", hint) for hint in exercise.hints]
    for wrong in exercise.wrong_answers:
        message = verdict_for(exercise, wrong.make(load), load).message
        texts.append((f"feedback on '{wrong.label}'", message))
        for number in _expected_numbers(expected):
            for shown in _copyable(number):
                if re.search(rf"(?<![\d.]){re.escape(shown)}(?![\d])", message):
                    yield f"{exercise.id} feedback on '{wrong.label}' prints {shown}: {message}"
    for where, text in texts:
        for code in snippets(text):
            try:
                _run(code, dict(namespace))
            except Exception as error:
                yield f"{exercise.id} {where}: `{code}` raises {type(error).__name__}: {error}"


@pytest.mark.kernel
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_hints_and_feedback_snippets_run_and_reveal_nothing(path: Path) -> None:
    problems = [
        problem
        for exercise_id, namespace in _exercise_cells(path)
        for problem in _problems(get(exercise_id), namespace)
    ]
    assert not problems, "\n".join(problems)


def test_snippets_are_found_in_hints_and_sentences() -> None:
    assert snippets("counts = pd.crosstab(a, b)\n# then divide") == [
        "counts = pd.crosstab(a, b)\n# then divide"
    ]
    assert snippets("Group by `answer_type` then `.mean()`; try `x.set_index('a', 'b')`.") == [
        "x.set_index('a', 'b')"
    ]
    assert snippets("Look back at the numbers.") == []
