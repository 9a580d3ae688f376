"""The course in JupyterLab, as a learner meets it (issue #18, point 1).

The notebook kit is installed by its README in a fresh environment (the
``kit_venv`` fixture), its own JupyterLab serves a copy of the kit's notebooks,
and Chromium clicks and types as a learner would: open a notebook from the file
browser, Run All, type an answer, ask for hints and the solution, make the usual
mistakes. Every assertion reads what the page displays (the output's rendered
text, or text copied from it), never the engine's strings.

Each of #18's learner-facing points is held here as JupyterLab shows it: hints whose
code keeps its lines, short errors with the full one folded, letter templates with quotes
(each seen failing before its feature landed, as a strict xfail).

Set ``BRAKES_LAB_SHOTS`` to a folder to keep screenshots of a multi-line hint, a
solution, a column-typo error and a bare-letter error.
"""

from __future__ import annotations

import ast
import json
import re
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from kit_helpers import KitVenv, exercises_in
from lab import OPENED_IN_LAB, Lab, Notebook, listed_names, shoot
from playwright.sync_api import Browser, Locator, Page, expect

pytestmark = [pytest.mark.venv, pytest.mark.kernel, pytest.mark.browser]

#: The most lines a learner's mistake may print, as the issue asks (traceback collapsed).
SHORT = 5


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def test_the_kit_s_jupyterlab_fetches_no_news_and_checks_for_no_update(jupyter_lab: Lab) -> None:
    """The kit's wheel turns both off in its environment (brakes.trainer.kit.wheels): the
    defaults JupyterLab serves for its notification settings, as its front end reads them."""
    plugin = "@jupyterlab/apputils-extension:notification"
    with urllib.request.urlopen(f"{jupyter_lab.url}/api/settings/{plugin}", timeout=10) as answer:
        schema = json.load(answer)["schema"]["properties"]
    assert schema["fetchNews"]["default"] == "false", "JupyterLab would ask to fetch news"
    assert schema["checkForUpdates"]["default"] is False, "JupyterLab would ask PyPI for updates"


@pytest.fixture(scope="module")
def page(jupyter_lab: Lab, chromium: Browser) -> Iterator[Page]:
    """JupyterLab in the worker's Chromium (tests/conftest.py), allowed to copy and paste."""
    context = chromium.new_context(
        viewport={"width": 1280, "height": 900},
        permissions=["clipboard-read", "clipboard-write"],
    )
    page = context.new_page()
    page.goto(jupyter_lab.url)
    yield page
    context.close()


@pytest.fixture(scope="module")
def _getting_started(page: Page) -> Notebook:
    notebook = Notebook.open(page, OPENED_IN_LAB[0])
    notebook.run_all()
    return notebook


@pytest.fixture(scope="module")
def _where_people_talk(page: Page) -> Notebook:
    notebook = Notebook.open(page, OPENED_IN_LAB[1])
    notebook.run_all()
    return notebook


@pytest.fixture
def getting_started(_getting_started: Notebook) -> Notebook:
    """Getting started, opened from the file browser and run with Run > Run All Cells."""
    return _getting_started.activate()


@pytest.fixture
def where_people_talk(_where_people_talk: Notebook) -> Notebook:
    """Chapter 1's first notebook, opened from the file browser and run with Run All Cells."""
    return _where_people_talk.activate()


@dataclass
class Shown:
    """A cell a learner ran, and what its output area then displayed."""

    cell: Locator
    text: str


@pytest.fixture(scope="module")
def column_typo(_getting_started: Notebook) -> Shown:
    """A new cell under exercise 0.1 with a misspelt column: ``mentions["chanel"]``."""
    notebook = _getting_started.activate()
    cell = notebook.add_below(notebook.cell('q1 = exercise("0.1")'), 'mentions["chanel"]')
    notebook.run(cell)
    shoot(notebook.page, cell, "column-typo-error")
    return Shown(cell, notebook.output(cell))


@pytest.fixture(scope="module")
def bare_letter(_where_people_talk: Notebook) -> Shown:
    """Exercise 1.1 answered with a letter without quotes: ``my_guess_where = b``."""
    notebook = _where_people_talk.activate()
    cell = notebook.cell('q1 = exercise("1.1")')
    notebook.type_into(cell, 'q1 = exercise("1.1")\nmy_guess_where = b\nq1.check(my_guess_where)')
    notebook.run(cell)
    shoot(notebook.page, cell, "bare-letter-error")
    return Shown(cell, notebook.output(cell))


@pytest.fixture(scope="module")
def last_hint(_where_people_talk: Notebook) -> Shown:
    """``q4.hint()`` in a new cell under exercise 1.4, run three times: the last hint, in code."""
    notebook = _where_people_talk.activate()
    cell = notebook.add_below(notebook.cell('q4 = exercise("1.4")'), "q4.hint()")
    for _ in range(3):
        notebook.run(cell)
    shoot(notebook.page, cell, "multi-line-hint")
    return Shown(cell, notebook.output(cell))


@pytest.fixture(scope="module")
def solution(last_hint: Shown, _where_people_talk: Notebook) -> Shown:
    """``q4.solution()`` in a new cell under the hints."""
    notebook = _where_people_talk.activate()
    cell = notebook.add_below(last_hint.cell, "q4.solution()")
    notebook.run(cell)
    shoot(notebook.page, cell, "solution")
    return Shown(cell, notebook.output(cell))


def _number(exercise_id: str) -> tuple[int, ...]:
    return tuple(int(part) for part in exercise_id.split("."))


def test_the_file_browser_lists_the_notebooks_in_course_order(
    page: Page, kit_venv: KitVenv
) -> None:
    """Course order is the order of the exercises' numbers: 0.1 first, then 1.1, 1.13…"""
    kit = sorted(kit_venv.folder.glob("*.ipynb"))
    course_order = sorted(kit, key=lambda path: min(map(_number, exercises_in(path))))
    listed = [name for name in listed_names(page) if name.endswith(".ipynb")]
    assert listed == [path.name for path in course_order]


@pytest.mark.parametrize("opened", ["getting_started", "where_people_talk"])
def test_run_all_runs_a_notebook_as_downloaded_with_every_check_not_attempted(
    opened: str, request: pytest.FixtureRequest, kit_venv: KitVenv
) -> None:
    """Before the learner types anything: Run All reaches the last cell, no cell shows an
    error or writes to stderr, and each exercise's check says "Not attempted yet"."""
    notebook: Notebook = request.getfixturevalue(opened)
    code = notebook.page.locator(".jp-NotebookPanel:visible .jp-CodeCell")
    not_attempted, faults = 0, []
    for index in range(code.count()):
        cell = code.nth(index)
        shown = notebook.output(cell)
        not_attempted += shown.startswith("○ Not attempted yet")
        stderr = cell.locator('[data-mime-type="application/vnd.jupyter.stderr"]').count()
        if stderr or "⚠" in shown or "Traceback" in shown:
            faults.append(f"code cell {index}: {shown[:200]}")
    assert not faults, "\n".join(faults)
    assert not_attempted == len(exercises_in(kit_venv.folder / notebook.name))


def test_run_all_shows_getting_started_feedback_rendered(getting_started: Notebook) -> None:
    wrong = getting_started.output(getting_started.cell("q1.check(mentions.size)"))
    assert wrong.startswith("✗ Not quite"), wrong
    hints = getting_started.cells_with("q1.hint()")
    expect(hints).to_have_count(2)
    assert getting_started.output(hints.nth(0)).startswith("? Hint 1 of 3")
    assert getting_started.output(hints.nth(1)).startswith("? Hint 2 of 3")


def test_a_typed_answer_is_checked(getting_started: Notebook) -> None:
    cell = getting_started.cell('q1 = exercise("0.1")')
    assert getting_started.output(cell).startswith("○ Not attempted yet")
    getting_started.type_into(
        cell, 'q1 = exercise("0.1")\nn_mentions = len(mentions)\nq1.check(n_mentions)'
    )
    getting_started.run(cell)
    assert getting_started.output(cell).startswith("✓ Correct"), getting_started.output(cell)


def test_a_column_typo_shows_an_error_that_names_the_column(column_typo: Shown) -> None:
    assert "'chanel'" in column_typo.text, column_typo.text


def test_a_column_typo_reads_in_five_lines_with_the_closest_column(column_typo: Shown) -> None:
    shown = _lines(column_typo.text)
    assert len(shown) <= SHORT, f"{len(shown)} lines:\n{column_typo.text}"
    assert re.search(r"\bchannel\b", column_typo.text), column_typo.text


def test_a_column_typo_keeps_the_full_error_one_click_away(
    column_typo: Shown, getting_started: Notebook
) -> None:
    column_typo.cell.locator(".jp-OutputArea").get_by_text("Full error", exact=True).click()
    unfolded = getting_started.output(column_typo.cell)
    assert "KeyError: 'chanel'" in unfolded, unfolded
    assert len(_lines(unfolded)) > SHORT, unfolded


def test_a_bare_letter_shows_an_error_that_names_the_letter(bare_letter: Shown) -> None:
    assert re.search(r"""['"]b['"]""", bare_letter.text), bare_letter.text


def test_a_bare_letter_reads_in_five_lines(bare_letter: Shown) -> None:
    shown = _lines(bare_letter.text)
    assert len(shown) <= SHORT, f"{len(shown)} lines:\n{bare_letter.text}"


def test_letter_answers_show_the_quotes_in_their_template(where_people_talk: Notebook) -> None:
    for name in ("my_guess_spread", "advice_where"):
        source = where_people_talk.source(where_people_talk.cell(f"{name} = "))
        assert f'{name} = "..."' in source, source


def test_hints_come_one_after_another_to_the_last(last_hint: Shown) -> None:
    assert last_hint.text.startswith("? Hint 3 of 3"), last_hint.text


def test_a_multi_line_hint_keeps_its_lines_and_its_copied_code_parses(
    last_hint: Shown, where_people_talk: Notebook
) -> None:
    blocks = last_hint.cell.locator(".jp-OutputArea pre")
    assert blocks.count() == 1, f"no code block in the hint:\n{last_hint.text}"
    copied = where_people_talk.copy(blocks)
    lines = _lines(copied)
    assert len(lines) >= 2, copied
    assert all(line in _lines(last_hint.text) for line in lines), last_hint.text
    ast.parse(copied)


def test_the_solution_shows_code_whose_copied_text_runs_and_passes(
    solution: Shown, where_people_talk: Notebook
) -> None:
    block = solution.cell.locator(".jp-OutputArea pre")
    expect(block).to_have_count(1)
    copied = where_people_talk.copy(block)
    assert len(_lines(copied)) >= 2, copied
    assert all(line in _lines(solution.text) for line in _lines(copied)), solution.text
    exercise_cell = where_people_talk.cell('q4 = exercise("1.4")')
    where_people_talk.paste_into(exercise_cell, then="\nq4.check(net_sentiment)")
    where_people_talk.run(exercise_cell)
    checked = where_people_talk.output(exercise_cell)
    assert checked.startswith("✓ Correct"), checked
