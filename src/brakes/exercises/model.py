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


@dataclass(frozen=True)
class Exercise:
    """One exercise of a notebook.

    ``expected`` computes the reference answer from the active data (it gets
    ``brakes.data.load``, so a workshop kit on another seed is checked just as
    well). ``solution`` is the code shown by ``.solution()``: it runs in a
    namespace holding ``pd``, ``np``, ``load`` and one variable per name in
    ``tables`` (the notebook loads ``mentions = load("mentions")`` etc.), and
    assigns ``answer_name``. ``story`` is the DESIGN.md story (1–9) the
    exercise leads to, 0 for a warm-up; ``reveals`` is shown when correct.
    """

    id: str
    title: str
    prompt: str
    answer_name: str
    tables: tuple[str, ...]
    expected: Callable[[Load], Any]
    checker: Checker
    hints: tuple[str, ...]
    solution: str
    reveals: str
    story: int = 0
    wrong_answers: tuple[WrongAnswer, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if not _ID.match(self.id):
            raise ValueError(f"exercise id {self.id!r} is not of the form '<chapter>.<n>'")
        if not 0 <= self.story <= 9:
            raise ValueError(f"exercise {self.id}: story must be 0 (warm-up) or 1–9")
        if not self.hints:
            raise ValueError(f"exercise {self.id}: give at least one hint")
        if not self.answer_name.isidentifier():
            raise ValueError(f"exercise {self.id}: answer_name must be a Python name")
        if self.answer_name not in _assigned_names(self.solution):
            raise ValueError(f"exercise {self.id}: the solution never assigns {self.answer_name}")
        wrongs = tuple(
            w if isinstance(w, WrongAnswer) else WrongAnswer(*w) for w in self.wrong_answers
        )
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


def _assigned_names(code: str) -> set[str]:
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
