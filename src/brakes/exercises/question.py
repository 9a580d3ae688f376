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

from brakes.data.source import DataSource, default_source
from brakes.exercises.checking import NO_ANSWER, evaluate
from brakes.exercises.model import Exercise, Load
from brakes.exercises.outcomes import Kind
from brakes.exercises.registry import Registry, default_registry
from brakes.exercises.render import Feedback, show


class HintLog(dict[str, int]):
    """How many hints of each exercise were shown, by exercise id.

    One log lives for the whole kernel, so re-running ``q3 = exercise("1.3")``
    does not start the hints again from the first one.
    """


#: The kernel's hint log, shared by every :class:`Question` unless a test gives its own.
HINTS_SHOWN = HintLog()


def _load_default(table: str) -> Any:
    """A table from the default source as it is when the check runs (see brakes.data.use)."""
    return default_source().load(table)


class Question:
    """One exercise in a notebook, checked against a data source.

    ``source`` (or, for tests, a bare ``load`` function) is the data the
    expected answer is computed from; by default the default source at the
    moment of each check, which is what the notebook's ``load()`` reads.
    """

    def __init__(
        self,
        exercise: Exercise,
        load: Load | None = None,
        *,
        source: DataSource | None = None,
        hint_log: HintLog | None = None,
    ) -> None:
        if load is not None and source is not None:
            raise ValueError("give a data source or a load function, not both")
        self.exercise = exercise
        self._load: Load = load or (source.load if source is not None else _load_default)
        self._hints = HINTS_SHOWN if hint_log is None else hint_log

    @property
    def _hints_shown(self) -> int:
        return self._hints.get(self.exercise.id, 0)

    @_hints_shown.setter
    def _hints_shown(self, value: int) -> None:
        self._hints[self.exercise.id] = value

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
        """The solution code (and, for a manager's question, the full answer), not displayed."""
        return Feedback(
            exercise=self.exercise.id,
            title=self.exercise.title,
            kind=Kind.SOLUTION,
            lead="Solution:",
            body=self.exercise.discussion,
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
    exercise_id: str,
    *,
    source: DataSource | None = None,
    load: Load | None = None,
    registry: Registry | None = None,
) -> Question:
    """The handle for exercise ``exercise_id`` (e.g. ``"0.1"``), checked against ``source``.

    Without ``source``, checks use the default source (what ``load()`` reads);
    ``load`` replaces it with a function (tests pass hand-made tables);
    ``registry`` replaces the course registry. Unknown ids raise BrakesError.
    """
    return Question((registry or default_registry).get(exercise_id), load=load, source=source)
