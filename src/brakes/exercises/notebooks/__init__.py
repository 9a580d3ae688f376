"""Learner notebooks generated from solution notebooks, the single source.

:mod:`.blocks` finds ``# BEGIN SOLUTION`` / ``# END SOLUTION`` blocks and
writes placeholders, :mod:`.strip` builds the learner notebook in memory,
:mod:`.write` reads and writes files deterministically. The CLI's
``brakes exercises [--check]`` calls :func:`generate_exercises` and
:func:`check_drift`.
"""

from brakes.exercises.notebooks.strip import SOLUTION_ONLY_TAG, learner_notebook
from brakes.exercises.notebooks.write import check_drift, generate_exercises

__all__ = ["SOLUTION_ONLY_TAG", "check_drift", "generate_exercises", "learner_notebook"]
