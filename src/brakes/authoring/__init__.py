"""Authoring tools: from solution notebooks (the source) to learner notebooks, and their checks.

Not part of the learner's runtime. :mod:`.blocks` finds ``# BEGIN SOLUTION`` /
``# END SOLUTION`` blocks and writes placeholders, :mod:`.strip` builds the
learner notebook in memory, :mod:`.write` reads and writes files
deterministically, :mod:`.execute` re-runs solutions to store real outputs,
:mod:`.consistency` compares the notebooks with the registered exercises. The
CLI's ``brakes exercises [--check]`` is built on these.
"""

from brakes.authoring.consistency import check_consistency
from brakes.authoring.strip import SOLUTION_ONLY_TAG, learner_notebook
from brakes.authoring.write import check_drift, generate_exercises

__all__ = [
    "SOLUTION_ONLY_TAG",
    "check_consistency",
    "check_drift",
    "generate_exercises",
    "learner_notebook",
]
