"""General checkers, written once and parameterised by each exercise.

Each checker compares a learner's answer with the expected one and returns a
:class:`Verdict` whose message says what is right or what differs, and whose
:class:`Diagnosis` names what was recognised. Numbers are compared by one rule
for the whole course (:func:`~brakes.exercises.checkers.numeric.close`).
Checkers may raise on hostile input; :func:`brakes.exercises.checking.evaluate`
turns that into an "error" outcome, so a learner never sees a traceback.
"""

from brakes.exercises.checkers.base import Checker, Diagnosis, Order, Verdict
from brakes.exercises.checkers.frame import FrameCheck
from brakes.exercises.checkers.numeric import SIGNIFICANT_DIGITS, close
from brakes.exercises.checkers.recorded import Prediction, Reflection
from brakes.exercises.checkers.scalar import Choice, Number, Text
from brakes.exercises.checkers.series import SeriesCheck

__all__ = [
    "SIGNIFICANT_DIGITS",
    "Checker",
    "Choice",
    "Diagnosis",
    "FrameCheck",
    "Number",
    "Order",
    "Prediction",
    "Reflection",
    "SeriesCheck",
    "Text",
    "Verdict",
    "close",
]
