"""Fair choices: the right answers spread over the letters, and every lettered text agrees.

LEARNING.md ("Quizzes and manager questions"): right answers are spread over
the letters and a prediction's data answer is not always b. Options are
ordered by one rule (:func:`brakes.choices.shuffled`); this file
counts the right letters as the learner meets them, the page quizzes' options
in the order the directive shows them and the registry's manager questions and
predictions on the published data, and holds the notebooks' option lists to
the registry's letters.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from functools import cache, partial
from pathlib import Path

import pandas as pd
import pytest
from test_quizzes_fair import site_questions

from brakes.authoring.write import read_notebook, solution_notebooks
from brakes.choices import LETTERS, Options, shuffled
from brakes.data import DEFAULT_SEED
from brakes.data import load as load_table
from brakes.exercises.checkers import Choice, Prediction
from brakes.exercises.model import Exercise, ExerciseKind
from brakes.exercises.registry import all_exercises
from brakes.notebook_meta import cell_meta
from brakes.sphinxext.quiz import shown_options

ROOT = Path(__file__).resolve().parents[1]
#: No letter may be the right one in more than this share of the questions.
MAX_SHARE_PER_LETTER = 0.40
#: An option as a prompt cell lists it: ``- **b)** Its text.``
OPTION_LINE = re.compile(r"^- \*\*([a-h])\)\*\* (.*)$", re.MULTILINE)

Load = Callable[[str], pd.DataFrame]


def lettered(exercise: Exercise) -> dict[str, str]:
    """A manager question's or a prediction's options by letter; empty for any other exercise."""
    checker = exercise.checker
    if isinstance(checker, Choice | Prediction) and isinstance(checker.options, dict):
        return dict(checker.options)
    return {}


LETTERED = [e for e in all_exercises() if lettered(e)]


def quiz_letter(question: dict) -> str:
    """The letter of a quiz's right option, counted in the order the page shows the options."""
    shown = shown_options(question)
    return LETTERS[next(i for i, option in enumerate(shown) if option.get("correct"))]


def right_letters(load: Load) -> dict[str, Counter[str]]:
    """How often each letter is right, per kind: page quizzes, manager questions, predictions."""
    counts: dict[str, Counter[str]] = {"quiz": Counter(), "decide": Counter(), "predict": Counter()}
    for _, question in site_questions():
        counts["quiz"][quiz_letter(question)] += 1
    for exercise in LETTERED:
        counts[str(exercise.kind)][str(exercise.expected(load))] += 1
    return counts


def too_frequent(counts: dict[str, Counter[str]]) -> list[str]:
    """Each letter right in more than the allowed share of all questions, with its count."""
    total = sum(counts.values(), Counter())
    questions = total.total()
    return [
        f"{letter}: {n} of {questions}"
        for letter, n in sorted(total.items())
        if n > MAX_SHARE_PER_LETTER * questions
    ]


def test_no_letter_is_right_too_often() -> None:
    counts = right_letters(partial(load_table, seed=DEFAULT_SEED))
    for kind, counted in counts.items():
        print(f"{kind}: {dict(sorted(counted.items()))}")
    assert all(counts.values()), f"a kind of question is missing: {counts}"
    assert not too_frequent(counts), (
        f"a letter is right in more than {MAX_SHARE_PER_LETTER:.0%} of the questions "
        f"({'; '.join(too_frequent(counts))}): per kind {counts}"
    )


def test_a_pile_up_on_one_letter_is_caught() -> None:
    """The counts before the shuffle: b right in 25 of 43 questions."""
    counts = {"quiz": Counter(a=7, b=14, c=3, d=1), "predict": Counter(a=1, b=7, c=3)}
    counts["decide"] = Counter(b=4, c=3)
    assert too_frequent(counts) == ["b: 25 of 43"]


def test_the_order_is_fixed_by_the_key_alone() -> None:
    """The same on every run and machine (a salted ``hash()`` would differ between processes)."""
    here = shuffled("1.12", list("abcd"))
    script = "from brakes.choices import shuffled; print(*shuffled('1.12', 'abcd'))"
    elsewhere = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert sorted(here) == list("abcd")
    assert " ".join(here) == elsewhere
    assert [shuffled(key, list("abcd")) for key in ("1.1", "2.1", "3.1", "3.5")] != [here] * 4


def test_options_are_named_by_meaning_and_lettered_once() -> None:
    options = Options("9.1", {"yes": "Yes.", "no": "No.", "maybe": "Maybe."})
    assert sorted(options.lettered) == ["a", "b", "c"]
    assert options.lettered[options.letter("no")] == "No."
    assert options.by_letter({"maybe": "why"}) == {options.letter("maybe"): "why"}
    assert options.picks("yes")(None) == options.letter("yes")
    assert options.solution("guess", "no") == f'guess = "{options.letter("no")}"\n'
    with pytest.raises(ValueError, match="has no option 'perhaps'"):
        options.letter("perhaps")


@pytest.mark.parametrize(
    "exercise",
    [e for e in LETTERED if e.kind is ExerciseKind.DECIDE],
    ids=lambda e: e.id,
)
def test_explanations_follow_their_option(exercise: Exercise) -> None:
    """Every wrong option explains itself; the right one, picked by letter, has no 'why not'."""
    checker = exercise.checker
    assert isinstance(checker, Choice)
    right = exercise.expected(partial(load_table, seed=DEFAULT_SEED))
    assert set(checker.explanations) == set(checker.options) - {right}


@cache
def prompt_options() -> dict[str, list[tuple[str, str]]]:
    """Each prompt cell's option list, by exercise id, as the solution notebooks state it."""
    found: dict[str, list[tuple[str, str]]] = {}
    for path in solution_notebooks(ROOT / "solutions"):
        for cell in read_notebook(path).cells:
            prompt = cell_meta(cell).prompt
            if cell.cell_type == "markdown" and prompt is not None:
                found[prompt] = OPTION_LINE.findall(cell.source)
    return found


@pytest.mark.parametrize("exercise", LETTERED, ids=lambda e: e.id)
def test_a_prompt_lists_the_options_as_the_registry_letters_them(exercise: Exercise) -> None:
    listed = prompt_options().get(exercise.id)
    assert listed == list(lettered(exercise).items()), (
        f"exercise {exercise.id}'s prompt cell lists {listed}; write its options as "
        f"'- **letter)** text' lines in this order: {lettered(exercise)}"
    )
