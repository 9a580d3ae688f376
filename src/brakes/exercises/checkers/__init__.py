"""General checkers, written once and parameterised by each exercise.

Each checker compares a learner's answer with the expected one and returns a
:class:`Verdict` whose message says what is right or what differs. Checkers
may raise on hostile input; :func:`brakes.exercises.checking.evaluate` turns
that into an "error" outcome, so a learner never sees a traceback.
"""

from brakes.exercises.checkers.base import GENERIC, Checker, Order, Tolerance, Verdict
from brakes.exercises.checkers.collection import Collection
from brakes.exercises.checkers.frame import FrameCheck
from brakes.exercises.checkers.scalar import Choice, Number, Text
from brakes.exercises.checkers.series import SeriesCheck

__all__ = [
    "GENERIC",
    "Checker",
    "Choice",
    "Collection",
    "FrameCheck",
    "Number",
    "Order",
    "SeriesCheck",
    "Text",
    "Tolerance",
    "Verdict",
]
