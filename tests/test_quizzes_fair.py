"""The site's quizzes are fair: the right answer is not given away by its length.

A reader who always picks the longest option should not pass the quizzes
(LEARNING.md, "Quizzes and manager questions"). Across every ``{quiz}`` block
of every page, the right option may be the longest (ties count) in at most
half of the questions; and every option explains why it is right or wrong.
Blocks are read with the directive's own parser, so the test sees exactly what
the site shows.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from brakes.sphinxext.quiz import parse_quiz

ROOT = Path(__file__).resolve().parents[1]
# Folders that hold no course page (the same ones conf.py leaves out, roughly).
NOT_PAGES = {"_build", ".venv", ".git", "node_modules", "src", "tests", "benchmarks", "_templates"}
QUIZ_BLOCK = re.compile(r"^(`{3,})\{quiz\}[^\n]*\n(.*?)^\1[ \t]*$", re.MULTILINE | re.DOTALL)
MAX_SHARE_LONGEST = 0.5


def pages() -> list[Path]:
    """Every Markdown page of the site."""
    return sorted(
        path
        for path in ROOT.rglob("*.md")
        if not NOT_PAGES.intersection(path.relative_to(ROOT).parts[:-1])
    )


def quizzes(text: str) -> list[dict]:
    """The questions of one page, parsed as the quiz directive parses them."""
    return [parse_quiz(match.group(2)) for match in QUIZ_BLOCK.finditer(text)]


def right_is_longest(question: dict) -> bool:
    """Whether the right option is at least as long, in characters, as every other."""
    lengths = [len(str(option["text"])) for option in question["options"]]
    right = next(i for i, option in enumerate(question["options"]) if option.get("correct"))
    return lengths[right] == max(lengths)


def site_questions() -> list[tuple[str, dict]]:
    """(page, question) for every quiz question of the site."""
    return [
        (path.relative_to(ROOT).as_posix(), question)
        for path in pages()
        for question in quizzes(path.read_text(encoding="utf-8"))
    ]


def longest_share(questions: list[dict]) -> tuple[int, int]:
    """How many questions have the right option longest, out of how many."""
    return sum(right_is_longest(q) for q in questions), len(questions)


def test_the_site_has_quizzes() -> None:
    assert site_questions(), "no {quiz} block found: the page scan is broken"


def test_right_option_is_not_usually_the_longest() -> None:
    questions = site_questions()
    longest, total = longest_share([q for _, q in questions])
    print(f"right option longest in {longest}/{total} questions")
    culprits = [f"{page}: {q['question']}" for page, q in questions if right_is_longest(q)]
    assert longest <= MAX_SHARE_LONGEST * total, (
        f"the right option is the longest in {longest} of {total} questions; "
        "shorten it or lengthen the others in some of these:\n" + "\n".join(culprits)
    )


def unexplained(question: dict) -> list[str]:
    """The options of a question whose explanation is empty."""
    return [str(o["text"]) for o in question["options"] if not str(o.get("why") or "").strip()]


@pytest.mark.parametrize(
    "question",
    [pytest.param(q, id=f"{page}-{n}") for n, (page, q) in enumerate(site_questions(), start=1)],
)
def test_every_option_explains_itself(question: dict) -> None:
    assert not unexplained(question), f"options without an explanation: {unexplained(question)}"


UNFAIR = """
```{quiz}
question: Which?
options:
  - text: "The right answer, spelled out at great length so that it stands out."
    correct: true
    why: Right.
  - text: Wrong.
    why: Wrong.
```
"""


def test_an_unfair_quiz_is_caught() -> None:
    """Both checks can fail: a long right answer is counted, an empty 'why:' is found."""
    question = quizzes(UNFAIR)[0]
    assert longest_share([question]) == (1, 1)
    question["options"][1]["why"] = " "
    assert unexplained(question) == ["Wrong."]
