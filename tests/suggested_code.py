"""The code a learner is told to try: what each hint and each feedback message suggests.

``suggested_code(exercise, load)`` lists it as (where, code) pairs: "hint 2",
"feedback on 'a sum for a mean'". The kit test that runs the notebooks on the
oldest supported versions (tests/kit/test_workshop.py) runs every pair in the
kernel, in a copy of the notebook's namespace just before the exercise's cell,
so each notebook runs there once with its hints (run_notebooks.py ``--snippets``).

Snippets are a hint written as code, or the `code spans` of a sentence. A span
that is a bare name (a column, ```satisfaction```) or a method fragment
(```.sum()```) is not run on its own.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

import pandas as pd

from brakes.exercises.checking import verdict_for
from brakes.exercises.model import Exercise

SPAN = re.compile(r"`([^`]+)`")


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


def feedback_texts(
    exercise: Exercise, load: Callable[[str], pd.DataFrame]
) -> list[tuple[str, str]]:
    """(where, text) of every hint and of the feedback on each known wrong answer."""
    texts = [(f"hint {number}", hint) for number, hint in enumerate(exercise.hints, 1)]
    for wrong in exercise.wrong_answers:
        message = verdict_for(exercise, wrong.make(load), load).message
        texts.append((f"feedback on '{wrong.label}'", message))
    return texts


def suggested_code(
    exercise: Exercise, load: Callable[[str], pd.DataFrame]
) -> list[tuple[str, str]]:
    """(where, code) for every code the exercise's hints and feedback suggest."""
    return [
        (where, code) for where, text in feedback_texts(exercise, load) for code in snippets(text)
    ]
