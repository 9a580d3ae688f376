"""The learner's handle on one exercise: ``check``, ``hint``, ``solution``.

::

    from brakes.exercises import exercise
    q1 = exercise("0.1")
    q1.check(n_mentions)
    q1.hint()
    q1.solution()

Each call displays its feedback (HTML in Jupyter, text in a terminal) with a
machine-readable record, and returns None so nothing is shown twice. The
``evaluate``/``next_hint``/``show_solution`` variants return the
:class:`~brakes.exercises.render.Feedback` without displaying it.
"""

from __future__ import annotations

from typing import Any

from brakes.exercises.checking import NO_ANSWER, default_load, evaluate
from brakes.exercises.model import Exercise, Load
from brakes.exercises.outcomes import Kind
from brakes.exercises.registry import Registry, default_registry
from brakes.exercises.render import Feedback, show


class Question:
    """One exercise in a notebook, with its own hint counter."""

    def __init__(self, exercise: Exercise, load: Load | None = None) -> None:
        self.exercise = exercise
        self._load: Load = load or default_load
        self._hints_shown = 0

    def evaluate(self, answer: Any = NO_ANSWER) -> Feedback:
        """The feedback on ``answer``, not displayed (never raises)."""
        return evaluate(self.exercise, answer, self._load)

    def check(self, answer: Any = NO_ANSWER) -> None:
        """Check ``answer`` and show what is right or what differs."""
        show(self.evaluate(answer))

    def next_hint(self, number: Any = None) -> Feedback:
        """The next hint (or hint ``number``, counting from 1), not displayed."""
        hints = self.exercise.hints
        total = len(hints)
        if number is None:
            if self._hints_shown >= total:
                return self._hint_feedback(
                    "No more hints:",
                    f"you have seen all {total}. Compare with the solution: `.solution()`.",
                    None,
                )
            self._hints_shown += 1
            number = self._hints_shown
        elif not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= total:
            return self._hint_feedback(
                "No such hint:", f"hints are numbered 1 to {total}, e.g. `.hint(1)`.", None
            )
        else:
            self._hints_shown = max(self._hints_shown, number)
        extra = " That was the last one." if number == total and total > 1 else ""
        return self._hint_feedback(f"Hint {number} of {total}:", hints[number - 1] + extra, number)

    def _hint_feedback(self, lead: str, body: str, number: int | None) -> Feedback:
        return Feedback(
            exercise=self.exercise.id,
            title=self.exercise.title,
            kind=Kind.HINT,
            lead=lead,
            body=body,
            hint=number,
        )

    def hint(self, number: Any = None) -> None:
        """Show the next hint; each call goes one layer deeper, then says there are no more."""
        show(self.next_hint(number))

    def show_solution(self) -> Feedback:
        """The solution code, not displayed."""
        return Feedback(
            exercise=self.exercise.id,
            title=self.exercise.title,
            kind=Kind.SOLUTION,
            lead="Solution:",
            body="",
            code=self.exercise.solution.strip("\n"),
        )

    def solution(self) -> None:
        """Show the solution code."""
        show(self.show_solution())

    def __repr__(self) -> str:
        ex = self.exercise
        return (
            f"Exercise {ex.id} · {ex.title}: check your answer with .check(answer); "
            ".hint() gives a hint, .solution() the solution."
        )


def exercise(
    exercise_id: str, *, load: Load | None = None, registry: Registry | None = None
) -> Question:
    """The handle for exercise ``exercise_id`` (e.g. ``"0.1"``).

    ``load`` replaces ``brakes.data.load`` (tests pass hand-made tables);
    ``registry`` replaces the course registry. Unknown ids raise BrakesError.
    """
    return Question((registry or default_registry).get(exercise_id), load=load)
