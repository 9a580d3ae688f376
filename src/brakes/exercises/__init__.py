"""Exercises with instant feedback: ``exercise("0.1").check(answer)``.

Layout: :mod:`.model` declares an exercise as data, :mod:`.checkers` holds the
general checkers, :mod:`.wording` the phrases they share, :mod:`.checking`
runs a check that never raises, :mod:`.render` draws feedback (HTML, text, JSON
record), :mod:`.outcomes` reads records back from executed notebooks,
:mod:`.mistakes_in_code` tells a learner's coding mistakes in a few lines,
:mod:`.registry` finds exercises by id (the course's content, :mod:`brakes.content`,
declares them), and :mod:`.sealed` checks a workshop kit's sealed answers.
This package is the learner's engine: it imports neither the content nor the
trainer's tools (an import contract in ``pyproject.toml`` holds it so).
"""

from brakes.errors import install_notebook_handler
from brakes.exercises import mistakes_in_code
from brakes.exercises.model import Exercise, WrongAnswer
from brakes.exercises.question import Question, exercise

# In a notebook, a coding mistake a learner makes (a column typo, a bare word for
# text) reads as a short message that names the fix, the traceback folded under it.
install_notebook_handler(mistakes_in_code.RECOGNISED, mistakes_in_code.explain)

__all__ = ["Exercise", "Question", "WrongAnswer", "exercise"]
