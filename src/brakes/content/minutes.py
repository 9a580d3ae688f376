"""How long a notebook takes a non-programmer, estimated from what it asks them to do.

The course's timings are a promise to a busy employee who has never programmed
(LEARNING.md: "the minutes a chapter declares are the minutes a non-programmer
needs"). Guessing them by hand gave 620 minutes where an independent reading
found 790 to 935; this module computes them instead, from features anyone can
count in a learner notebook (``exercises/``: what the learner sees and runs),
so the estimate can be re-run after every edit and argued with constant by
constant. The constants are assumptions, each argued where it is declared, not
measurements: time a real room and change them here, and every page and agenda
follows. What the learner does, and what it costs:

* **Reading.** Every Markdown cell the learner sees (the title, the primer, the
  prompts, the notes between exercises) and the sentence a correct check shows
  (``Exercise.reveals``) are read at :data:`WORDS_PER_MINUTE`.
* **Running a given cell.** Each code cell the learner runs without writing it
  (the set-up, the primer's examples, a helper the notebook gives) costs
  :data:`RUN_CELL` plus :data:`READ_CODE_LINE` per line: run it, read the code,
  look at what it printed.
* **An exercise**, by kind (``ExerciseKind``):

  - *answer* (computed and checked): :data:`CHECK_ROUND` for running the check
    and reading its feedback, plus :data:`WRITE_LINE` per line of the reference
    solution (``Exercise.solution``, which ``brakes exercises --check`` holds
    equal to the notebook's solution block), plus :data:`READ_PLOT` when the
    cell draws a chart (it calls one of :data:`CHART_HELPERS`);
  - *predict*: :data:`PREDICT` to think and write a letter or a number;
  - *interpret*: :data:`INTERPRET` to write one or two sentences of one's own;
  - *decide* (a manager's question): :data:`DECIDE` to weigh the options and
    choose; their text is counted as reading.

A notebook is cut in three for a timetable. Its **primer** is every cell
before the first exercise (loading the data, the primer of the chapter's new
pandas), which everyone does first. Its **core path** is what follows and
carries its stories: the given cells among the exercises and every exercise
not marked extension; at most 45 minutes (``tests/authoring/test_core_path.py``;
:mod:`brakes.authoring.core_path` checks it never needs an extension exercise).
Its **extension** is the exercises marked ``extension`` in their chapter module,
which a learner short of time leaves for after the session.
"""

from __future__ import annotations

import ast
import json
import math
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from brakes import plotting
from brakes.exercises.model import Exercise, ExerciseKind
from brakes.notebook_meta import cell_meta, notebook_minutes

#: Words of instructional prose read per minute. Adults read non-fiction silently at about
#: 238 words a minute (Brysbaert 2019, "How many words do we read per minute?", J. Memory and
#: Language 109); text read in order to act on it, full of column names and code in backticks,
#: goes slower, so we take about two thirds of that.
WORDS_PER_MINUTE = 150
#: Minutes to run a given code cell and glance at its output (a table, a number, a chart); what
#: the output means is in the Markdown after it, counted as reading.
RUN_CELL = 0.5
#: Minutes to read one line of given code: someone who does not program reads code a token at
#: a time, about as slowly as a sentence in a foreign language (a 60-character line is 10 to 15
#: tokens, at 40 to 60 a minute).
READ_CODE_LINE = 0.25
#: Minutes per line of the reference solution a learner writes. Someone who knows pandas writes
#: such a line in about a minute; a non-programmer looks up the primer's example, types the
#: column names, runs, reads an error and fixes it, which we take as two and a half times that.
WRITE_LINE = 2.5
#: Minutes to run an exercise's check, read the feedback, and take a hint or a second try.
CHECK_ROUND = 2.0
#: Minutes to read a chart a cell draws: the title, the axes, what stands out.
READ_PLOT = 2.0
#: Minutes for a room to read a result the trainer computes at the projector (the no-code
#: path, when a session has no time for a notebook's core): the code is shown, not written.
SHOW_RESULT = 1.0
#: Minutes to think about a prediction and write its letter or number.
PREDICT = 2.0
#: Minutes to write one or two sentences of one's own (about 30 words, composed at 10 a minute).
INTERPRET = 3.0
#: Minutes to weigh a manager's question's options and choose one.
DECIDE = 2.0

_MARKUP = re.compile(r"[#*>`|\[\]()]+")
_WORD = re.compile(r"[^\W_]", re.U)


def words(text: str) -> int:
    """How many words a reader meets in a text (Markdown marks and code signs not counted)."""
    return sum(1 for token in _MARKUP.sub(" ", text).split() if _WORD.search(token))


def code_lines(code: str) -> int:
    """The lines of code a learner reads or writes: those that say something.

    Blank lines, comments, and the lines the formatter gives to a lone bracket
    (``{``, ``)``) are left out, so a call spread over several lines counts its
    arguments, not its punctuation.
    """
    return sum(
        1 for line in code.splitlines() if _WORD.search(line) and not line.strip().startswith("#")
    )


@dataclass(frozen=True)
class Step:
    """One exercise as a learner meets it, with what its time is estimated from."""

    exercise_id: str
    kind: ExerciseKind
    words: int  # the prompt and the sentence a correct check shows
    lines: int  # lines of the reference solution (answer kind only)
    plot: bool  # the cell draws a chart
    extension: bool

    @property
    def minutes(self) -> int:
        """The estimated minutes, to the nearest whole minute (half up): rounding every step
        up would add half a minute per exercise to a notebook's sum."""
        return self._with(CHECK_ROUND + WRITE_LINE * self.lines)

    @property
    def shown(self) -> int:
        """The minutes when the trainer computes it at the projector and the room reads it."""
        return self._with(SHOW_RESULT)

    def _with(self, computing: float) -> int:
        doing = {
            ExerciseKind.ANSWER: computing,
            ExerciseKind.PREDICT: PREDICT,
            ExerciseKind.INTERPRET: INTERPRET,
            ExerciseKind.DECIDE: DECIDE,
        }[self.kind]
        doing += READ_PLOT if self.plot else 0.0
        return _whole(doing + self.words / WORDS_PER_MINUTE)


@dataclass(frozen=True)
class NotebookTime:
    """A notebook's estimate: its primer, the given cells among the exercises, each exercise."""

    name: str  # the file name's stem, e.g. "01a-control-where-people-talk"
    primer: int  # minutes of the cells before the first exercise: loading, primer, set-up
    given: int  # minutes of the Markdown and given code cells after the first exercise
    steps: tuple[Step, ...]
    declared: Mapping[str, int]  # what the notebook's metadata declares today

    @property
    def core(self) -> tuple[Step, ...]:
        """The exercises of the core path, in order."""
        return tuple(s for s in self.steps if not s.extension)

    @property
    def extension(self) -> tuple[Step, ...]:
        """The exercises marked extension, in order."""
        return tuple(s for s in self.steps if s.extension)

    @property
    def core_minutes(self) -> int:
        """The core path after the primer: the given cells among the exercises, the core ones."""
        return self.given + sum(s.minutes for s in self.core)

    @property
    def shown_minutes(self) -> int:
        """The core path at the projector: the given cells, and each core exercise shown."""
        return self.given + sum(s.shown for s in self.core)

    def stories(self) -> tuple[tuple[Step, ...], ...]:
        """The exercises cut at each prediction: a story runs from its predict cell to the next
        one (the exercises before the first prediction form a warm-up of their own)."""
        cut: list[list[Step]] = []
        for step in self.steps:
            if not cut or (step.kind is ExerciseKind.PREDICT and cut[-1]):
                cut.append([])
            cut[-1].append(step)
        return tuple(tuple(story) for story in cut)

    @property
    def extension_minutes(self) -> int:
        """The exercises a learner may leave for after."""
        return sum(s.minutes for s in self.extension)

    @property
    def total(self) -> int:
        """The whole notebook."""
        return self.primer + self.core_minutes + self.extension_minutes

    def to_declare(self) -> dict[str, int]:
        """The minutes the notebook's metadata declares, for its page's "Time" line: the primer
        as teaching, the rest as exercises, each to the nearest 5 as a reader takes "about"."""
        return {
            "teaching": _nearest_five(self.primer),
            "exercises": _nearest_five(self.total - self.primer),
        }


#: The chart helpers of :mod:`brakes.plotting` (each wrapped so it can run before its answer).
CHART_HELPERS = frozenset(
    name
    for name, helper in vars(plotting).items()
    if callable(helper) and hasattr(helper, "__wrapped__") and not name.startswith("_")
)


def _text(source: str | list[str]) -> str:
    return source if isinstance(source, str) else "".join(source)


def draws_a_chart(code: str) -> bool:
    """Whether a cell calls one of the course's chart helpers (``bars(...)`` and the like)."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return False
    return any(
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in CHART_HELPERS
        for node in ast.walk(tree)
    )


def estimate(
    path: Path, exercises: Mapping[str, Exercise], unread: Collection[str] = ()
) -> NotebookTime:
    """The estimate of one learner notebook (in ``exercises/``: what the learner reads and
    runs), with ``exercises`` the registered exercises by id. A code cell tagged with one of
    ``unread`` is run, not read (the kit's install guard): it costs :data:`RUN_CELL` alone."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    reading = [0.0, 0.0]  # before the first exercise, after it
    prompts: dict[str, int] = {}
    steps: list[Step] = []
    for cell in notebook["cells"]:
        meta = cell_meta(cell)
        source = _text(cell.get("source", ""))
        if cell["cell_type"] == "markdown" and meta.prompt is not None:
            prompts[meta.prompt] = words(source)
        elif cell["cell_type"] == "markdown":
            reading[bool(steps or prompts)] += words(source) / WORDS_PER_MINUTE
        elif cell["cell_type"] == "code" and meta.exercise is not None:
            exercise = exercises[meta.exercise]
            answer = exercise.kind is ExerciseKind.ANSWER
            steps.append(
                Step(
                    exercise_id=exercise.id,
                    kind=exercise.kind,
                    words=prompts.get(exercise.id, 0) + words(exercise.reveals),
                    lines=code_lines(exercise.solution) if answer else 0,
                    plot=draws_a_chart(source),
                    extension=exercise.extension,
                )
            )
        elif cell["cell_type"] == "code":
            tags = (cell.get("metadata") or {}).get("tags") or []
            lines = 0 if set(tags) & set(unread) else code_lines(source)
            reading[bool(steps)] += RUN_CELL + READ_CODE_LINE * lines
    declared = {k: int(v) for k, v in notebook_minutes(notebook.get("metadata", {})).items()}
    primer, given = (_whole(minutes) for minutes in reading)
    return NotebookTime(path.stem, primer, given, tuple(steps), declared)


def _nearest_five(minutes: int) -> int:
    """To the nearest multiple of 5, half up, and never 0 for something that takes time."""
    return max(5 * math.floor(minutes / 5 + 0.5), 5 if minutes else 0)


def _whole(minutes: float) -> int:
    """To the nearest whole minute, half up."""
    return math.floor(minutes + 0.5)


def estimate_all(
    exercises_dir: Path, exercises: Iterable[Exercise], unread: Collection[str] = ()
) -> list[NotebookTime]:
    """The estimate of every learner notebook in ``exercises_dir``, in course order."""
    by_id = {exercise.id: exercise for exercise in exercises}
    paths = sorted(Path(exercises_dir).glob("*.ipynb"))
    return [estimate(path, by_id, unread) for path in paths]
