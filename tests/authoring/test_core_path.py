"""Each notebook's core path carries its stories in at most 45 minutes for a non-programmer,
by the estimate of brakes.content.minutes, and never needs an extension exercise
(brakes.authoring.core_path)."""

from __future__ import annotations

from pathlib import Path

import pytest

from brakes.authoring.consistency import heading_for
from brakes.authoring.core_path import needs_extension
from brakes.authoring.write import read_notebook, solution_notebooks
from brakes.config import COURSE
from brakes.content.minutes import (
    CHECK_ROUND,
    DECIDE,
    INTERPRET,
    PREDICT,
    READ_CODE_LINE,
    READ_PLOT,
    RUN_CELL,
    SHOW_RESULT,
    WORDS_PER_MINUTE,
    WRITE_LINE,
    NotebookTime,
    Step,
    code_lines,
    draws_a_chart,
    estimate,
    words,
)
from brakes.exercises.model import ExerciseKind
from brakes.exercises.registry import all_exercises
from brakes.trainer.kit.adapt import GUARD_TAG

#: The longest core path a notebook may have, in minutes (LEARNING.md).
CORE_LIMIT = 45

EXERCISES = {exercise.id: exercise for exercise in all_exercises()}
PATHS = solution_notebooks(COURSE.solutions_dir)
#: The cells a learner runs without reading them: the kit's install guard.
UNREAD = (GUARD_TAG,)


def learner(path: Path) -> Path:
    """The learner notebook a solution notebook generates: what the estimate reads."""
    return COURSE.exercises_dir / path.name


@pytest.fixture(scope="module", params=PATHS, ids=[path.stem for path in PATHS])
def notebook(request: pytest.FixtureRequest) -> NotebookTime:
    return estimate(learner(request.param), EXERCISES, UNREAD)


def test_the_core_path_carries_every_story(notebook: NotebookTime) -> None:
    for step in notebook.extension:
        assert step.kind is ExerciseKind.ANSWER, (
            f"{notebook.name}: {step.exercise_id} is a {step.kind.value} cell; predictions, "
            "interpretations and manager questions are the story, never extension"
        )
    for story in notebook.stories():
        if story[0].kind is ExerciseKind.PREDICT:
            computed = [s for s in story if s.kind is ExerciseKind.ANSWER and not s.extension]
            assert computed, (
                f"{notebook.name}: the story of {story[0].exercise_id} has no core exercise "
                "that computes its answer"
            )


def test_the_core_path_takes_at_most_45_minutes(notebook: NotebookTime) -> None:
    assert notebook.core_minutes <= CORE_LIMIT, (
        f"{notebook.name}: the core path takes {notebook.core_minutes} min by the estimate "
        f"({', '.join(f'{s.exercise_id}: {s.minutes}' for s in notebook.core)}); give a "
        "computing exercise a worked first step, shorten it, or mark one no story needs extension"
    )


def test_no_core_cell_needs_an_extension_exercise() -> None:
    needs = [need for path in PATHS for need in needs_extension(path, EXERCISES)]
    assert not needs, "\n".join(map(str, needs))


def test_notebooks_declare_the_estimated_minutes() -> None:
    """Declared minutes are "about": a multiple of 5 within 5 minutes of the estimate, so an
    edit of a few words does not ask for a new number each time."""
    for path in PATHS:
        time = estimate(learner(path), EXERCISES, UNREAD)
        declared = dict(read_notebook(path).metadata["brakes"]["minutes"])
        estimated = {"teaching": time.primer, "exercises": time.total - time.primer}
        off = {
            kind: declared.get(kind, 0)
            for kind, minutes in estimated.items()
            if declared.get(kind, 0) % 5 or abs(declared.get(kind, 0) - minutes) > 5
        }
        assert not off, (
            f"{path.name} declares {declared}, the estimate is {estimated}: set its metadata "
            f"brakes.minutes to {time.to_declare()} (and its chapter page's front matter to "
            "the sum)"
        )


def test_an_exercise_s_minutes_follow_the_documented_constants() -> None:
    plot = Step("9.1", ExerciseKind.ANSWER, words=150, lines=2, plot=True, extension=False)
    expected = CHECK_ROUND + 2 * WRITE_LINE + READ_PLOT + 150 / WORDS_PER_MINUTE
    assert plot.minutes == round(expected)
    assert plot.shown < plot.minutes, "at the projector nobody writes the code"


def test_what_is_counted() -> None:
    assert draws_a_chart('chart = bars(share, title="Share")')
    assert not draws_a_chart("share = mentions.value_counts()")
    assert words("### Exercise 1.2: How is the *conversation* shared, `share_by_channel`?") == 8
    code = 'frame = pd.DataFrame(\n    {\n        "a": 1,\n    }\n)\n# a comment\n\n'
    assert code_lines(code) == 2, "brackets alone, comments and blank lines are not lines"


def test_an_extension_exercise_says_so_in_the_learner_s_heading() -> None:
    for path in PATHS:
        text = learner(path).read_text(encoding="utf-8")
        for step in estimate(learner(path), EXERCISES, UNREAD).steps:
            heading = heading_for(EXERCISES[step.exercise_id])
            assert ("(extension)" in heading) is step.extension
            assert f"### {heading}" in text, f"{path.name}: no heading {heading!r}"


def test_the_agendas_page_states_the_estimate_s_constants() -> None:
    """The trainer's guide explains the method with the module's own numbers."""
    page = " ".join((COURSE.root / "course/trainer/agendas.md").read_text(encoding="utf-8").split())
    for said in (
        f"at {WORDS_PER_MINUTE:g} words a minute",
        f"{RUN_CELL:g} minute to run it",
        f"{READ_CODE_LINE:g} minute per line",
        f"{CHECK_ROUND:g} minutes to run the check",
        f"plus {WRITE_LINE:g} minutes per line",
        f"plus {READ_PLOT:g} minutes when it draws a chart",
        f"a prediction {PREDICT:g} minutes, an interpretation {INTERPRET:g} minutes, "
        f"a manager's question {DECIDE:g} minutes",
        f"costs {SHOW_RESULT:g} minute instead",
    ):
        assert said in page, f"course/trainer/agendas.md should say {said!r}"
