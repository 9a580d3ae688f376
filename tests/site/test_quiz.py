"""The quiz directive's format: a malformed quiz is refused with a sentence saying what to fix."""

from __future__ import annotations

import pytest

from brakes.sphinxext.quiz import QuizError, parse_quiz

GOOD = """
question: Which answer is right?
options:
  - text: This one.
    correct: true
    why: Because it is.
  - text: That one.
    why: "It is not: read again."
"""


def test_good_quiz_parses() -> None:
    data = parse_quiz(GOOD)
    assert data["question"] == "Which answer is right?"
    assert [bool(o.get("correct")) for o in data["options"]] == [True, False]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("question: [unclosed", "not valid YAML"),
        ("question: \x07", "not valid YAML"),  # a YAML error with no 'problem' of its own
        ("options: []", "needs a 'question:'"),
        ("question: Q?\noptions:\n  - text: only one\n    why: w\n    correct: true", "two"),
        ("question: Q?\noptions:\n  - text: a\n    why: w\n  - text: b\n    why: w", "found 0"),
        (
            "question: Q?\noptions:\n  - {text: a, why: w, correct: true}\n"
            "  - {text: b, why: w, correct: true}",
            "found 2",
        ),
        ("question: Q?\noptions:\n  - {text: a, correct: true}\n  - {text: b, why: w}", "'why:'"),
        (
            "question: Q?\noptions:\n  - {text: a, why: w, correct: 'yes'}\n  - {text: b, why: w}",
            "true or false",
        ),
    ],
)
def test_bad_quiz_is_refused(text: str, says: str) -> None:
    with pytest.raises(QuizError, match=says):
        parse_quiz(text)
