"""Releasing the Brakes: the engine behind the course.

``brakes.data`` makes the fictional brand's data, ``brakes.exercises`` checks
learners' answers, ``brakes.cli`` is the ``brakes`` command for trainers.
"""

__version__ = "0.1.0"
