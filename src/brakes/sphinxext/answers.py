"""``{expected-answers} 1``: a trainer's sheet of each exercise's expected result, computed.

The numbers come from the registered exercises' reference functions on the
workshop's seed (``-D brakes_workshop_seed=7``; the published seed by
default), so a trainer running a session on fresh data reads the answers of
that data, never numbers typed into a page. Put the directive only in
trainer-only places (an ``{only} trainer`` block or ``course/trainer/``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from brakes.config import COURSE

if TYPE_CHECKING:
    from brakes.data.source import SeedSource
    from brakes.exercises.model import Exercise

# The exercises and the data (pandas, numpy) are imported by the directives when a page
# uses them, not with the extension: a rebuild that reads no such page never loads them.


def _row(exercise: Exercise, source: SeedSource) -> list[str]:
    from brakes.trainer.answer_sheet import expected_text

    return [exercise.id, exercise.title, expected_text(exercise, source.load)]


def _chapter_exercises(chapter: int) -> list[Exercise]:
    from brakes.exercises.registry import all_exercises

    return [e for e in all_exercises() if e.chapter == chapter]


def _table(rows: list[list[str]], widths: tuple[int, ...]) -> nodes.table:
    table = nodes.table(classes=["brakes-answers"])
    group = nodes.tgroup(cols=len(widths))
    table += group
    group.extend(nodes.colspec(colwidth=w) for w in widths)
    head, body = nodes.thead(), nodes.tbody()
    group += head
    group += body
    for target, cells in ((head, rows[0]), *((body, r) for r in rows[1:])):
        row = nodes.row()
        for text in cells:
            row += nodes.entry("", nodes.paragraph(text=text))
        target += row
    return table


class ExpectedAnswers(SphinxDirective):
    """The expected answer of every exercise of one chapter, on the workshop's seed."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {"seed": directives.nonnegative_int}

    def run(self) -> list[nodes.Node]:
        chapter = int(self.arguments[0])
        seed = self.options.get("seed", self.config.brakes_workshop_seed)
        from brakes.data.source import SeedSource

        source = SeedSource(seed)
        exercises = _chapter_exercises(chapter)
        if not exercises:
            raise self.error(f"expected-answers: no exercise is registered for chapter {chapter}")
        intro = nodes.paragraph(
            text=f"Computed on seed {seed} when this page was built "
            f"(rebuild with -D brakes_workshop_seed=N for your kit's seed)."
        )
        rows = [["Exercise", "Question", "Expected answer"]]
        rows += [_row(exercise, source) for exercise in exercises]
        return [intro, _table(rows, (8, 40, 52))]


class ExerciseGuide(SphinxDirective):
    """For each exercise of a chapter: what it leads to, and the mistakes it is built to catch.

    Both come from the exercises' declarations (``reveals`` and the known
    mistakes' labels), so the guide grows with the chapter.
    """

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        from brakes.exercises.reading import unfilled

        chapter = int(self.arguments[0])
        exercises = _chapter_exercises(chapter)
        if not exercises:
            raise self.error(f"exercise-guide: no exercise is registered for chapter {chapter}")
        rows = [["Exercise", "What it leads to (shown once answered)", "Mistakes it recognises"]]
        for exercise in exercises:
            mistakes = "; ".join(m.label for m in exercise.wrong_answers) or "(none: recorded)"
            rows.append([f"{exercise.id} {exercise.title}", unfilled(exercise.reveals), mistakes])
        return [_table(rows, (24, 46, 30))]


def setup(app: Sphinx) -> None:
    """Register the directives and the workshop seed setting."""
    app.add_config_value("brakes_workshop_seed", COURSE.default_seed, "env", types=[int])
    app.add_directive("expected-answers", ExpectedAnswers)
    app.add_directive("exercise-guide", ExerciseGuide)
