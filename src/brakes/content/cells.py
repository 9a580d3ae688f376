"""What every chapter's predict and interpret cells share: first hints, and both cells.

A chapter registers its predict and interpret cells through :func:`predict` and
:func:`interpret`, with its own second hint; this module declares no exercise.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from brakes.choices import Options
from brakes.exercises.checkers import Prediction, Reflection
from brakes.exercises.model import Exercise, ExerciseKind, Load
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


def _letter_of(choices: Options, data_says: Callable[[Load], str | int]) -> Callable[[Load], str]:
    """The letter of the option ``data_says`` names, on the data ``load`` reads."""
    return lambda load: choices.letter(str(data_says(load)))


def predict(
    exercise_id: str,
    title: str,
    answer_name: str,
    options: Mapping[str, str] | None = None,
    *,
    think: str,
    data_says: Callable[[Load], str | int],
    answer: str | int,
) -> None:
    """Register a predict cell: a letter among ``options``, or a number when there are none.

    Anything filled in is recorded. ``think`` is the cell's own second hint: a
    neutral question that helps the learner think, without leaning towards any
    option. ``options`` maps a short name to each option's text; the learner
    sees them shuffled and lettered by :class:`~brakes.choices.Options`.
    The solution says what the data say, never a letter picked by hand:
    ``data_says`` computes the name of the option (or the whole number) the
    data support, and its letter is the exercise's expected value; ``answer``
    is what it computes on the published data, the one the solution shows (a
    letter in quotes, so the learner's template keeps them), and the tests hold
    the two equal.
    """
    numeric = options is None
    checker = Prediction(numeric=True)
    expected = data_says
    solution = f"{answer_name} = {answer}\n"
    if options is not None:
        choices = Options(exercise_id, options)
        checker = Prediction(options=choices.lettered)
        expected = _letter_of(choices, data_says)
        solution = choices.solution(answer_name, str(answer))
    example = "30" if numeric else '"a"'
    register(
        Exercise(
            id=exercise_id,
            title=title,
            kind=ExerciseKind.PREDICT,
            answer_name=answer_name,
            tables=(),
            checker=checker,
            hints=(
                FIRST_HINT_PREDICT,
                think,
                f"Store {'a number' if numeric else 'one letter'}, for example "
                f"`{answer_name} = {example}`, and run the cell.",
            ),
            solution=solution,
            expected=expected,
            reveals="",
        )
    )
