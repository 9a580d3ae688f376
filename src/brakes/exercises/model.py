"""An exercise declared as data: what to compute, how to check it, how to help.

A chapter module declares its exercises with :class:`Exercise` and registers
them; the checking (:mod:`~brakes.exercises.checking`), the wording and the
rendering are shared by all of them.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import pandas as pd

from brakes.exercises.checkers.base import Checker

#: Reads one table of the active data source by name, like ``brakes.data.load``.
Load = Callable[[str], pd.DataFrame]

_ID = re.compile(r"^(\d+)\.(\d+)$")


@dataclass(frozen=True)
class WrongAnswer:
    """A plausible mistake: how to produce it from the data, and optionally what to say.

    Every exercise declares a few; tests prove each one is rejected with a
    specific message. When ``feedback`` is set, a learner whose answer equals
    this wrong answer gets that sentence instead of the checker's message
    (use it where the general diagnosis cannot know the cause).
    """

    label: str
    make: Callable[[Load], Any]
    feedback: str | None = None


class ExerciseKind(StrEnum):
    """What an exercise asks of the learner; predict and interpret cells say so in metadata."""

    ANSWER = "answer"  # compute something from the data; checked against the expected answer
    PREDICT = "predict"  # say what you expect before computing; only checked for being filled in
    INTERPRET = "interpret"  # say in your own words what a result means; recorded, then our reading
    DECIDE = "decide"  # a manager's question: choose one option, checked against the data


#: The kinds written into a solution cell's ``metadata["brakes"]["kind"]``.
MARKED_KINDS = (ExerciseKind.PREDICT, ExerciseKind.INTERPRET)


def _nothing_expected(load: Load) -> None:
    """Predict and interpret cells have no expected answer: anything filled in is recorded."""
    return None


@dataclass(frozen=True)
class Exercise:
    """One exercise of a notebook.

    Its prompt is written once, in the solution notebook's Markdown (the cell
    whose ``metadata["brakes"]["prompt"]`` names this id); ``brakes exercises
    --check`` fails when that cell's heading and this ``title`` disagree.
    ``expected`` computes the reference answer from the data source it is
    given (a ``load`` function), so a workshop kit on another seed is checked
    just as well. ``solution`` is the code shown by ``.solution()``: it runs in
    a namespace holding ``pd``, ``np``, ``load`` and one variable per name in
    ``tables``, and assigns ``answer_name``. ``reveals`` is shown once the
    answer is accepted (for an interpret cell: our reading of the result); a
    computing exercise's reads the learner's value where it says ``{value}``
    (see :mod:`~brakes.exercises.reading`);
    ``discussion`` is the full answer to a manager's question, shown with the
    solution. ``setup`` is the code the notebook runs above the exercise that
    the solution relies on (imports, shared lists such as ``no_voice``);
    ``--check`` verifies the notebook does run it. ``extension`` marks an exercise
    off a notebook's core path: the heading says so, a learner short of time may leave
    it for later, and no core exercise may need what it defines.
    """

    id: str
    title: str
    answer_name: str
    tables: tuple[str, ...]
    checker: Checker
    hints: tuple[str, ...]
    solution: str
    reveals: str
    expected: Callable[[Load], Any] = _nothing_expected
    kind: ExerciseKind = ExerciseKind.ANSWER
    discussion: str = ""
    setup: str = ""
    wrong_answers: tuple[WrongAnswer, ...] = field(default_factory=tuple)
    extension: bool = False

    def __post_init__(self) -> None:
        if not _ID.match(self.id):
            raise ValueError(f"exercise id {self.id!r} is not of the form '<chapter>.<n>'")
        if not self.hints:
            raise ValueError(f"exercise {self.id}: give at least one hint")
        if not self.answer_name.isidentifier():
            raise ValueError(f"exercise {self.id}: answer_name must be a Python name")
        if self.answer_name not in assigned_names(self.solution):
            raise ValueError(f"exercise {self.id}: the solution never assigns {self.answer_name}")
        kind = ExerciseKind(self.kind)
        if kind is ExerciseKind.ANSWER and self.expected is _nothing_expected:
            raise ValueError(f"exercise {self.id}: give the function computing the expected answer")
        wrongs = tuple(
            w if isinstance(w, WrongAnswer) else WrongAnswer(*w) for w in self.wrong_answers
        )
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "wrong_answers", wrongs)
        object.__setattr__(self, "hints", tuple(self.hints))
        object.__setattr__(self, "tables", tuple(self.tables))

    @property
    def chapter(self) -> int:
        """The chapter number (0 = getting started)."""
        return int(self.id.split(".")[0])

    @property
    def sort_key(self) -> tuple[int, int]:
        """Numeric order: 0.2 before 0.10."""
        chapter, number = self.id.split(".")
        return int(chapter), int(number)


def assigned_names(code: str) -> set[str]:
    """Names assigned at the top level of a code string."""
    names: set[str] = set()
    for node in ast.parse(code).body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, ast.AnnAssign | ast.AugAssign):
            targets = [node.target]
        for target in targets:
            names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
    return names
