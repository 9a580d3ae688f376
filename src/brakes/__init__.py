"""Releasing the Brakes: the engine behind the course.

``brakes.data`` makes the fictional brand's data, ``brakes.exercises`` checks
learners' answers, ``brakes.cli`` is the ``brakes`` command for trainers.
"""

from brakes.errors import install_notebook_handler

# The course's version, written here only: pyproject.toml reads it (dynamic version), and
# the CLI, the site's footer, the kits and `make release` ask brakes.config.COURSE.version.
__version__ = "0.3.0"

# In a notebook, a learner's mistake (an unknown table, a bad seed) reads as one
# line that says what to do, not as a traceback.
install_notebook_handler()
