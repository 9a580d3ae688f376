"""Releasing the Brakes: the engine behind the course.

``brakes.data`` makes the fictional brand's data, ``brakes.exercises`` checks
learners' answers, ``brakes.cli`` is the ``brakes`` command for trainers.
"""

from brakes.errors import install_notebook_handler

__version__ = "0.1.0"

# In a notebook, a learner's mistake (an unknown table, a bad seed) reads as one
# line that says what to do, not as a traceback.
install_notebook_handler()
