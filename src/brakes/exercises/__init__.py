"""Exercises with instant feedback: ``exercise("0.1").check(answer)``.

Layout: :mod:`.model` declares an exercise as data, :mod:`.checkers` holds the
general checkers, :mod:`.wording` the phrases they share, :mod:`.checking`
runs a check that never raises, :mod:`.render` draws feedback (HTML, text, JSON
record), :mod:`.outcomes` reads records back from executed notebooks,
:mod:`.registry` finds exercises by id, :mod:`.chapters` declares them, and
:mod:`.notebooks` turns solution notebooks into learner notebooks.
"""

from brakes.exercises.model import Exercise, WrongAnswer
from brakes.exercises.question import Question, exercise

__all__ = ["Exercise", "Question", "WrongAnswer", "exercise"]
