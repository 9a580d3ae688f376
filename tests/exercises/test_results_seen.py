"""Every result seen: a correct check shows the learner's own value, and so does the solution page.

A finding nobody sees was not discovered (``../shared/LEARNING.md``). For each
computing exercise, the values of its answer must appear, as numbers at the
exercise's precision, in what a learner reads: the check's text and HTML, and
the outputs its cell keeps in the solution notebook (the site's solution pages
are built from them). A table of at most ``WHOLE_ROWS`` rows must appear whole,
a longer one by its first and last ``END_ROWS`` rows.
"""

from __future__ import annotations

import html
import math
import re
from pathlib import Path
from typing import Any

import nbformat
import pandas as pd
import pytest
from exercise_helpers import cached, solution_answer

from brakes.data import load as load_table
from brakes.exercises.checking import evaluate
from brakes.exercises.model import Exercise, ExerciseKind
from brakes.exercises.outcomes import Status
from brakes.exercises.reading import END_ROWS, VALUE, WHOLE_ROWS, table_of
from brakes.exercises.registry import all_exercises

ROOT = Path(__file__).resolve().parents[2]
COMPUTING = [e for e in all_exercises() if e.kind is ExerciseKind.ANSWER]
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
_TAG = re.compile(r"<[^>]+>")


@pytest.fixture(scope="module")
def load() -> Any:
    return cached(load_table)


def shown_values(answer: Any) -> list[float]:
    """The numbers of an answer a reader must see: all of them, or a long table's two ends."""
    if isinstance(answer, pd.Series):
        answer = answer.to_frame()
    if isinstance(answer, pd.DataFrame):
        rows = len(answer)
        if rows > WHOLE_ROWS:
            answer = pd.concat([answer.head(END_ROWS), answer.tail(END_ROWS)])
        return [float(v) for v in answer.to_numpy(dtype=float).ravel() if not math.isnan(v)]
    return [float(answer)]


def missing_from(text: str, exercise: Exercise, answer: Any) -> list[float]:
    """The answer's values that ``text`` does not show at the exercise's precision."""
    decimals = getattr(exercise.checker, "decimals", None) or 0
    found = {round(float(n.replace(",", "")), decimals) for n in _NUMBER.findall(text)}
    return [v for v in shown_values(answer) if round(v, decimals) not in found]


def _letters(text: str) -> str:
    """Text without spaces and backticks: the same words, however a display spaces them."""
    return "".join(text.replace("`", "").split())


def readable(markup: str) -> str:
    """HTML as a reader sees it: the text between the tags."""
    return html.unescape(_TAG.sub(" ", markup))


@pytest.mark.parametrize("exercise", COMPUTING, ids=lambda e: e.id)
def test_a_correct_check_shows_the_learners_value_and_its_meaning(
    exercise: Exercise, load: Any
) -> None:
    answer = solution_answer(exercise, load)
    bundle = evaluate(exercise, answer, load)._repr_mimebundle_()
    assert VALUE in exercise.reveals, "reveals reads no value: put {value} where it goes"
    meaning = exercise.reveals.partition(VALUE)[2].strip()
    for mime, text in (("text/plain", bundle["text/plain"]), ("text/html", bundle["text/html"])):
        shown = text if mime == "text/plain" else readable(text)
        assert not missing_from(shown, exercise, answer), f"{mime}: {shown[:600]}"
        assert _letters(meaning)[:60] in _letters(shown), mime


def test_the_table_shown_is_the_learners_own_in_the_learners_order(load: Any) -> None:
    """Rows come in the order the learner gave them (1.2 accepts any order)."""
    exercise = next(e for e in COMPUTING if e.id == "1.2")
    answer = solution_answer(exercise, load).sort_values()
    feedback = evaluate(exercise, answer, load)
    assert feedback.status is Status.CORRECT
    assert feedback.table is not None
    assert [row[0] for row in feedback.table.rows] == [str(label) for label in answer.index]


def test_a_wrong_answer_shows_no_value(load: Any) -> None:
    """Showing a value on a wrong answer would hand over the expected one."""
    for exercise in COMPUTING:
        wrong = exercise.wrong_answers[0].make(load)
        feedback = evaluate(exercise, wrong, load)
        assert feedback.status is Status.INCORRECT, exercise.id
        assert feedback.table is None, exercise.id


def _exercise_cells() -> list[tuple[str, Exercise, list[Any]]]:
    """(notebook, exercise, kept outputs) of each computing exercise's cell in solutions/."""
    by_id = {e.id: e for e in COMPUTING}
    cells = []
    for path in sorted((ROOT / "solutions").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            exercise_id = (cell.metadata.get("brakes") or {}).get("exercise")
            if cell.cell_type == "code" and exercise_id in by_id:
                cells.append((path.name, by_id[exercise_id], cell.get("outputs", [])))
    return cells


SOLUTION_CELLS = _exercise_cells()


def test_every_computing_exercise_has_a_solution_cell() -> None:
    assert {e.id for _, e, _ in SOLUTION_CELLS} == {e.id for e in COMPUTING}


@pytest.mark.parametrize(
    ("notebook", "exercise", "outputs"), SOLUTION_CELLS, ids=[e.id for _, e, _ in SOLUTION_CELLS]
)
def test_every_solution_cell_shows_its_answer(
    notebook: str, exercise: Exercise, outputs: list[Any], load: Any
) -> None:
    text = "\n".join(
        str(output.get("data", {}).get("text/plain", "")) + str(output.get("text", ""))
        for output in outputs
    )
    answer = exercise.expected(load)
    missing = missing_from(text, exercise, answer)
    assert not missing, f"{notebook} {exercise.id} does not show {missing[:5]}"


def test_a_table_reads_the_same_in_text_and_html_and_escapes_labels() -> None:
    answer = pd.DataFrame(
        {"share": [12.25, 40.0], "count": [3.0, 12.0]},
        index=pd.Index(["<b>forum</b>", "blog"], name="channel"),
    )
    table = table_of(answer, decimals=1)
    assert table.text().splitlines() == [
        "channel       share  count",
        "<b>forum</b>   12.2      3",
        "blog           40.0     12",
    ]
    assert "&lt;b&gt;forum&lt;/b&gt;" in table.html() and "<b>" not in table.html()


def test_a_long_table_shows_its_two_ends_and_how_many_rows() -> None:
    answer = pd.Series(range(WHOLE_ROWS + 5), name="n").rename_axis("week")
    lines = table_of(answer).text().splitlines()
    assert lines[END_ROWS + 1] == "…"
    rows = WHOLE_ROWS + 5
    ends = END_ROWS
    assert lines[-1] == f"{rows} rows in all: the first {ends} and the last {ends} are shown."
