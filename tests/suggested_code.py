"""The code a learner is told to try, as they see it: what each hint, feedback and solution shows.

``suggested_code(exercise, load)`` lists it as (where, code) pairs: "hint 2",
"feedback on 'a sum for a mean'", "solution". The kit test that runs the notebooks on the
oldest supported versions (tests/kit/test_workshop.py) runs every pair in the
kernel, in a copy of the notebook's namespace just before the exercise's cell,
so each notebook runs there once with its hints (run_notebooks.py ``--snippets``).

The code is taken from what the learner sees, not from the engine's strings: each display's
HTML (``Feedback.html()``, what JupyterLab, VS Code, Colab and the site show) is rendered in
headless Chromium, all of them on one page, and the displayed text (``innerText``) of each code
block and code span is what the learner would copy. A span that is a bare name (a column,
``satisfaction``) or a method fragment (``.sum()``) is not run on its own. A display that
holds code but shows no code block is copied as a learner would select its text between the
badge and the caption: how the HTML showed a hint written as code before #18, one run-on line.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import pandas as pd
from playwright.sync_api import sync_playwright

from brakes.exercises.checking import evaluate, verdict_for
from brakes.exercises.model import Exercise
from brakes.exercises.outcomes import Kind
from brakes.exercises.question import Question
from brakes.exercises.registry import all_exercises
from brakes.exercises.render import Feedback
from brakes.trainer.browser import CHROMIUM, CHROMIUM_ARGS

Where = TypeVar("Where")

#: For each display on the page: its code blocks' and code spans' displayed text, and the
#: text a learner selects from just after the badge to just before the caption.
SHOWN = """() => [...document.querySelectorAll(".brakes-feedback")].map((root) => {
  const range = document.createRange();
  range.setStartAfter(root.querySelector("span"));
  range.setEndBefore(root.lastElementChild);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  return {
    blocks: [...root.querySelectorAll("pre")].map((pre) => pre.innerText),
    spans: [...root.querySelectorAll("code")]
      .filter((code) => !code.closest("pre"))
      .map((code) => code.innerText),
    selected: selection.toString(),
  };
})"""


def _runs_alone(span: str) -> bool:
    """A code span worth running by itself: it parses, and is more than a name or `.method()`."""
    try:
        tree = ast.parse(span)
    except SyntaxError:
        return False
    only_name = (
        len(tree.body) == 1
        and isinstance(tree.body[0], ast.Expr)
        and isinstance(tree.body[0].value, ast.Name | ast.Constant)
    )
    return not span.startswith(".") and not only_name


def _copied(feedback: Feedback, shown: dict[str, Any]) -> list[str]:
    """The code a learner copies from one rendered display."""
    spans = [span.strip() for span in shown["spans"] if _runs_alone(span.strip())]
    if feedback.code_and_after is not None and not shown["blocks"]:
        return [shown["selected"].strip(), *spans]
    return [*shown["blocks"], *spans]


def _render(html: str) -> Any:
    """What SHOWN reads from ``html`` rendered in Chromium."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.set_content(html)
        shown = page.evaluate(SHOWN)
        browser.close()
    return shown


def displayed_code(displays: Iterable[tuple[Where, Feedback]]) -> list[tuple[Where, str]]:
    """(where, code) for the code each display shows, rendered in Chromium on one page.

    Rendered in a thread of its own: Playwright's sync API refuses a thread whose asyncio
    loop runs, as it does in a pytest worker that already holds the browser tests' Chromium.
    """
    displays = list(displays)
    html = "".join(feedback.html() for _, feedback in displays)
    with ThreadPoolExecutor(max_workers=1) as thread:
        shown = thread.submit(_render, html).result()
    assert len(shown) == len(displays), "a display did not render as one .brakes-feedback"
    return [
        (where, code)
        for (where, feedback), one in zip(displays, shown, strict=True)
        for code in _copied(feedback, one)
    ]


def snippets(text: str) -> list[str]:
    """The code a learner copies from a hint that reads ``text``, as the hint displays it."""
    hint = Feedback(exercise="0.0", title="", kind=Kind.HINT, lead="Hint 1 of 1:", body=text)
    return [code for _, code in displayed_code([("hint", hint)])]


def feedback_texts(
    exercise: Exercise, load: Callable[[str], pd.DataFrame]
) -> list[tuple[str, str]]:
    """(where, text) of every hint and of the feedback on each known wrong answer."""
    texts = [(f"hint {number}", hint) for number, hint in enumerate(exercise.hints, 1)]
    for wrong in exercise.wrong_answers:
        message = verdict_for(exercise, wrong.make(load), load).message
        texts.append((f"feedback on '{wrong.label}'", message))
    return texts


def displays(exercise: Exercise, load: Callable[[str], pd.DataFrame]) -> list[tuple[str, Feedback]]:
    """(where, display) of each hint, the feedback on each known wrong answer, the solution."""
    question = Question(exercise, load=load, hint_log={})
    shown = [(f"hint {n}", question.next_hint(n)) for n in range(1, len(exercise.hints) + 1)]
    for wrong in exercise.wrong_answers:
        shown.append((f"feedback on '{wrong.label}'", evaluate(exercise, wrong.make(load), load)))
    shown.append(("solution", question.show_solution()))
    return shown


@functools.cache
def _registered_code(load: Callable[[str], pd.DataFrame]) -> dict[str, list[tuple[str, str]]]:
    """suggested_code for every registered exercise, all rendered on one page."""
    exercises = all_exercises()
    pairs = displayed_code(
        ((exercise.id, where), feedback)
        for exercise in exercises
        for where, feedback in displays(exercise, load)
    )
    found: dict[str, list[tuple[str, str]]] = {exercise.id: [] for exercise in exercises}
    for (exercise_id, where), code in pairs:
        found[exercise_id].append((where, code))
    return found


def suggested_code(
    exercise: Exercise, load: Callable[[str], pd.DataFrame]
) -> list[tuple[str, str]]:
    """(where, code) for every code a registered exercise's hints, feedback and solution show.

    The first call renders every registered exercise at once (one browser, one page).
    """
    return _registered_code(load)[exercise.id]
