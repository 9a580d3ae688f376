"""Exercises with instant feedback: ``exercise("0.1").check(answer)``.

Layout: :mod:`.model` declares an exercise as data, :mod:`.checkers` holds the
general checkers, :mod:`.wording` the phrases they share, :mod:`.checking`
runs a check that never raises, :mod:`.render` draws feedback (HTML, text, JSON
record), :mod:`.outcomes` reads records back from executed notebooks,
:mod:`.registry` finds exercises by id (the course's content, :mod:`brakes.content`,
declares them), and :mod:`.sealed` checks a workshop kit's sealed answers.
This package is the learner's engine: it imports neither the content nor the
trainer's tools (an import contract in ``pyproject.toml`` holds it so).
"""

from brakes.exercises.model import Exercise, WrongAnswer
from brakes.exercises.question import Question, exercise

__all__ = ["Exercise", "Question", "WrongAnswer", "exercise"]
