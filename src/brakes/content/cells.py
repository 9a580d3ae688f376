"""What every chapter's predict and interpret cells share: first hints, and the interpret cell.

The registry skips modules whose name starts with ``_``: this one declares no exercise.
"""

from __future__ import annotations

from brakes.exercises.checkers import Reflection
from brakes.exercises.model import Exercise, ExerciseKind
from brakes.exercises.registry import register

FIRST_HINT_PREDICT = "There is no wrong answer here: write what you expect before computing."
FIRST_HINT_READ = "Look back at the numbers and the plot of this part, and at what you predicted."
#: An interpret cell's second hint, unless the chapter gives its own.
SECOND_HINT_READ = (
    "One sentence on what the numbers show, one on what it would mean for the "
    "brand if it held in your company."
)


def interpret(
    exercise_id: str,
    title: str,
    answer_name: str,
    reading: str,
    *,
    simulated: str,
    second_hint: str = SECOND_HINT_READ,
) -> None:
    """Register an interpret cell: the learner's own sentences are recorded, then our reading.

    ``simulated`` follows the reading: the chapter's reminder that the data are made up.
    """
    register(
        Exercise(
            id=exercise_id,
            title=title,
            kind=ExerciseKind.INTERPRET,
            answer_name=answer_name,
            tables=(),
            checker=Reflection(),
            hints=(FIRST_HINT_READ, second_hint, "Start with: In La Mijotière's data, …"),
            solution=f'{answer_name} = """\n{reading}\n"""\n',
            reveals=f"Our reading: {reading} {simulated}",
        )
    )
