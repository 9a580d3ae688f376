"""``{agenda}`` and ``{session-plan}``: a session's timetable, and its plan exercise by exercise.

::

    ```{agenda} chapter 1
    ```
    ```{agenda} half-day
    ```
    ```{agenda} full-day
    ```
    ```{session-plan} chapter 1
    ```

A 90-minute session covers one chapter; a half-day (3 h 30) Getting started
and chapter 1; a full day (7 h) every chapter. The chapters' reading is
pre-work. In the room: a welcome, then each chapter's exercise notebooks, a
debrief after each chapter, and breaks (a short one every 90 minutes or so,
lunch in a full day).

The minutes are those :mod:`brakes.content.minutes` estimates for a
non-programmer, exercise by exercise, from the learner notebooks, and so are
the exercises named: nothing here is typed twice. Each notebook is run in one
of three ways (:func:`plan`), the best the room's minutes allow, in course order:

* **hands-on**: its primer, then its core path (every story), in pairs; what
  is left of the room goes to its extension exercises, in order; the rest of
  the extension is homework;
* **at the projector**: when its primer and core do not fit, the trainer runs
  its core path from the solution page (the no-code path): the room votes on
  the predictions, reads each result, writes the interpretations; the whole
  notebook is homework, hands-on. When even that does not fit, its first whole
  stories, as many as fit;
* **after the session**: when not even one story fits.

``{agenda}`` shows the timetable; ``{session-plan}`` the same plan exercise by
exercise, for the trainer's notes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from brakes.sphinxext.minutes import declared_minutes

if TYPE_CHECKING:
    from brakes.content.minutes import NotebookTime, Step

#: The formats and their length in minutes.
FORMATS = {"session": 90, "half-day": 210, "full-day": 420}
#: Fixed parts of every session, in minutes.
WELCOME = 10
DEBRIEF = 10
SHORT_BREAK = 15
LUNCH = 60
#: A short break once this many minutes have run without one.
BREAK_EVERY = 90
#: Where the clock starts for a half-day and a full day.
DAY_START = 9 * 60


class Mode(StrEnum):
    """How a notebook is run in a session (see the module's docstring)."""

    HANDS_ON = "hands-on"
    PROJECTOR = "at the projector"
    AFTER = "after the session"


@dataclass(frozen=True)
class Notebook:
    """A notebook to work through, with the estimate of its minutes."""

    chapter: int
    title: str
    time: NotebookTime
    part: str = ""  # the chapter's title, for its debrief


@dataclass(frozen=True)
class Run:
    """How one notebook is run in a session, and which of its exercises are done in the room."""

    notebook: Notebook
    mode: Mode
    extras: tuple[Step, ...] = ()  # extension exercises done in the room (hands-on only)
    stories: int | None = None  # at the projector, only this many first stories (None: all)

    @property
    def shown(self) -> tuple[Step, ...]:
        """The core exercises run at the projector (its first stories only, if cut short)."""
        if self.mode is not Mode.PROJECTOR:
            return ()
        kept = self.notebook.time.stories()[: self.stories]
        return tuple(s for story in kept for s in story if not s.extension)

    @property
    def minutes(self) -> int:
        """The notebook's minutes in the room."""
        time = self.notebook.time
        if self.mode is Mode.HANDS_ON:
            return time.primer + time.core_minutes + sum(s.minutes for s in self.extras)
        if self.mode is Mode.PROJECTOR:
            return time.given + sum(s.shown for s in self.shown)
        return 0

    @property
    def left(self) -> tuple[Step, ...]:
        """The exercises left for after the session (all of them unless hands-on)."""
        if self.mode is not Mode.HANDS_ON:
            return self.notebook.time.steps
        return tuple(s for s in self.notebook.time.extension if s not in self.extras)

    @property
    def left_minutes(self) -> int:
        """The minutes of work left for after: the unfinished extension, or the whole notebook
        hands-on."""
        if self.mode is not Mode.HANDS_ON:
            return self.notebook.time.total
        return sum(s.minutes for s in self.left)

    def label(self) -> str:
        """What the timetable says of it: the exercises done and their minutes."""
        time = self.notebook.time
        if self.mode is Mode.PROJECTOR:
            part = "" if self.stories is None else f", its first {_count(self.stories)}"
            return (
                f"{self.notebook.title}, at the projector (the no-code path{part}): "
                f"{exercise_list(self.shown, time.steps)}"
            )
        text = f"{self.notebook.title}: "
        text += f"primer ({time.primer} min), then " if time.primer else ""
        text += f"core {exercise_list(time.core, time.steps)} ({time.core_minutes} min)"
        if self.extras:
            extra = sum(s.minutes for s in self.extras)
            text += f", extension {exercise_list(self.extras, time.steps)} ({extra} min)"
        return text

    def homework(self) -> str:
        """What the list of work for after the session says of it ("" when nothing is left)."""
        if not self.left:
            return ""
        if self.mode is not Mode.HANDS_ON:
            return f"{self.notebook.title}, the whole notebook hands-on"
        left = exercise_list(self.left, self.notebook.time.steps)
        return f"{self.notebook.title}, extension {left}"


@dataclass(frozen=True)
class Slot:
    """One line of a timetable: when, for how long, what."""

    start: int
    minutes: int
    what: str


@dataclass(frozen=True)
class Agenda:
    """A timetable, the reading to do before, what is left for after, and how each notebook
    is run."""

    slots: tuple[Slot, ...]
    pre_work: tuple[tuple[str, int], ...]
    homework: tuple[tuple[str, int], ...]
    runs: tuple[Run, ...] = field(default=())

    @property
    def end(self) -> int:
        """When the last slot ends, in minutes from the start."""
        return max((s.start + s.minutes for s in self.slots), default=0)


def _count(stories: int) -> str:
    return "story" if stories == 1 else f"{stories} stories"


def exercise_list(steps: Sequence[Step], order: Sequence[Step]) -> str:
    """The ids of ``steps`` as a trainer reads them: three or more in a row of the notebook
    (``order``) as a range, "1.5 to 1.7"; the others one by one."""
    position = {step.exercise_id: n for n, step in enumerate(order)}
    runs: list[list[str]] = []
    for step in steps:
        if runs and position[step.exercise_id] == position[runs[-1][-1]] + 1:
            runs[-1].append(step.exercise_id)
        else:
            runs.append([step.exercise_id])
    return ", ".join(f"{run[0]} to {run[-1]}" if len(run) >= 3 else ", ".join(run) for run in runs)


def _runs(room: int, notebooks: Sequence[Notebook]) -> list[Run]:
    """Each notebook's mode, then the extension exercises the room has left minutes for.

    Every notebook starts at the projector; the last ones go to after the session until the
    rest fits, then come back for as many of their first stories as the room holds; then, in
    course order, each is made hands-on if the room still holds it.
    """
    runs = [Run(n, Mode.PROJECTOR) for n in notebooks]

    def used() -> int:
        return sum(r.minutes for r in runs)

    for last in reversed(range(len(runs))):
        if used() <= room:
            break
        runs[last] = Run(notebooks[last], Mode.AFTER)
    for position, notebook in enumerate(notebooks):  # what did not fit: its first stories?
        for stories in reversed(range(1, len(notebook.time.stories()))):
            if runs[position].mode is not Mode.AFTER:
                break
            first = Run(notebook, Mode.PROJECTOR, stories=stories)
            if used() + first.minutes <= room:
                runs[position] = first
    for position, notebook in enumerate(notebooks):
        if runs[position].mode is Mode.PROJECTOR:
            hands_on = Run(notebook, Mode.HANDS_ON)
            if used() - runs[position].minutes + hands_on.minutes <= room:
                runs[position] = hands_on
    for position, run in enumerate(runs):
        if run.mode is not Mode.HANDS_ON:
            continue
        extras: list[Step] = []
        for step in run.notebook.time.extension:  # in order: a later one may need an earlier
            if used() + sum(s.minutes for s in extras) + step.minutes > room:
                break
            extras.append(step)
        runs[position] = Run(run.notebook, Mode.HANDS_ON, tuple(extras))
    return runs


def plan(
    length: int,
    notebooks: Sequence[Notebook],
    reading: Sequence[tuple[str, int]],
    *,
    lunch: bool = False,
) -> Agenda:
    """Fill ``length`` minutes: a welcome, the notebooks in order with a debrief after each
    chapter, breaks and (``lunch``) a lunch break. Each notebook is run hands-on, at the
    projector or after the session, the best the room's minutes allow (:func:`_runs`); what
    is not done in the room is homework, named exercise by exercise."""
    chapters = sorted({n.chapter for n in notebooks})
    breaks = (length - WELCOME) // (BREAK_EVERY + SHORT_BREAK) - (1 if lunch else 0)
    fixed = WELCOME + DEBRIEF * len(chapters) + SHORT_BREAK * max(breaks, 0)
    fixed += LUNCH if lunch else 0
    runs = _runs(max(length - fixed, 0), notebooks)
    chapters_in_room = {r.notebook.chapter for r in runs if r.minutes}

    slots = [Slot(0, WELCOME, "Welcome, the session's question, warm-up")]
    clock = since_break = WELCOME
    lunch_due = lunch
    breaks_left = max(breaks, 0)
    for position, run in enumerate(runs):
        spent, notebook = run.minutes, run.notebook
        if spent:
            if lunch_due and clock >= length // 2 - 45:
                slots.append(Slot(clock, LUNCH, "Lunch"))
                clock, since_break, lunch_due = clock + LUNCH, 0, False
            elif breaks_left and since_break + spent > BREAK_EVERY + 15 and since_break >= 45:
                slots.append(Slot(clock, SHORT_BREAK, "Break"))
                clock, since_break, breaks_left = clock + SHORT_BREAK, 0, breaks_left - 1
            slots.append(Slot(clock, spent, run.label()))
            clock += spent
            since_break += spent
        last = position + 1 == len(runs) or notebooks[position + 1].chapter != notebook.chapter
        if last and notebook.chapter in chapters_in_room:
            part = notebook.part or f"chapter {notebook.chapter}"
            slots.append(Slot(clock, DEBRIEF, f"Debrief of {part}: key points and quiz"))
            clock += DEBRIEF
            since_break += DEBRIEF
    homework = tuple((r.homework(), r.left_minutes) for r in runs if r.left)
    return Agenda(tuple(slots), tuple(reading), homework, tuple(runs))


# --- the directives --------------------------------------------------------------------------


class agenda_node(nodes.General, nodes.Element):
    """Stands for a timetable (or its plan) until every page's minutes are known."""


_CHAPTER = re.compile(r"^chapter\s+(\d+)$")


class AgendaDirective(SphinxDirective):
    """``{agenda} chapter N`` (90 minutes), ``{agenda} half-day`` or ``{agenda} full-day``."""

    required_arguments = 1
    final_argument_whitespace = True
    #: What the node becomes: the timetable, or (``session-plan``) the plan per exercise.
    shows = "timetable"

    def run(self) -> list[nodes.Node]:
        text = self.arguments[0].strip()
        chapter = _CHAPTER.match(text)
        if not chapter and text not in ("half-day", "full-day"):
            raise self.error(
                f"{self.name}: {text!r} is not a format; write 'chapter N', 'half-day' or "
                "'full-day'"
            )
        node = agenda_node()
        node["format"] = text
        node["shows"] = self.shows
        node["docname"] = self.env.docname
        return [node]


class SessionPlanDirective(AgendaDirective):
    """``{session-plan} chapter N``: the same session, exercise by exercise."""

    shows = "plan"


def _chapter_of(docname: str) -> int | None:
    """``exercises/02a-understanding-…`` → 2; other pages → None."""
    match = re.match(r"^exercises/(\d\d)[a-z]?-", docname)
    return int(match.group(1)) if match else None


def _chapter_page(notebook: str, found: set[str]) -> str | None:
    """The page a chapter's notebook belongs to: ``course/<slug>/index`` or ``course/<slug>``."""
    slug = notebook.split("/", 1)[1].split("-", 1)[1]
    for candidate in (f"course/{slug.split('-')[0]}/index", f"course/{slug}"):
        if candidate in found:
            return candidate
    return None


def _estimates() -> dict[str, NotebookTime]:
    """Each learner notebook's estimate, by file stem (imports the exercises: only when an
    agenda is filled, not with the extension)."""
    from brakes.config import COURSE
    from brakes.content.minutes import estimate_all
    from brakes.exercises.registry import all_exercises
    from brakes.trainer.kit.adapt import GUARD_TAG

    found = estimate_all(COURSE.exercises_dir, all_exercises(), unread=(GUARD_TAG,))
    return {time.name: time for time in found}


def _ingredients(app: Sphinx, chapters: set[int]) -> tuple[list[Notebook], list[tuple[str, int]]]:
    minutes = declared_minutes(app.env)
    estimates = _estimates()
    order = _reading_order(app)
    found = set(app.env.found_docs)
    notebooks, reading = [], []
    for docname in sorted(found, key=lambda d: (order.get(d, len(order)), d)):
        chapter = _chapter_of(docname)
        stem = docname.split("/", 1)[1] if chapter is not None else ""
        if chapter is None or chapter not in chapters or stem not in estimates:
            continue
        title = app.env.titles[docname].astext() if docname in app.env.titles else docname
        page = _chapter_page(docname, found)
        part = app.env.titles[page].astext() if page in app.env.titles else ""
        notebooks.append(Notebook(chapter, title, estimates[stem], part))
        if page in minutes and minutes[page].teaching:
            entry = (part, minutes[page].teaching)
            if entry not in reading:
                reading.append(entry)
    return notebooks, reading


def _reading_order(app: Sphinx) -> dict[str, int]:
    """Each document's position in the navigation, depth first from the root page."""
    order: dict[str, int] = {}
    stack = [app.config.root_doc]
    while stack:
        docname = stack.pop()
        if docname in order:
            continue
        order[docname] = len(order)
        stack.extend(reversed(app.env.toctree_includes.get(docname, [])))
    return order


def _clock(minute: int, day: bool) -> str:
    """A time of day (from 9:00) for a day's agenda, minutes from the start for a session."""
    minute += DAY_START if day else 0
    return f"{minute // 60}:{minute % 60:02d}"


def _render(agenda: Agenda, day: bool, length: int) -> list[nodes.Node]:
    table = nodes.table(classes=["brakes-agenda"])
    group = nodes.tgroup(cols=3)
    table += group
    group.extend(nodes.colspec(colwidth=w) for w in (12, 10, 78))
    head, body = nodes.thead(), nodes.tbody()
    group += head
    group += body
    rows = [("Time" if day else "From", "Minutes", "What")]
    rows += [(_clock(s.start, day), str(s.minutes), s.what) for s in agenda.slots]
    for target, cells in ((head, rows[0]), *((body, r) for r in rows[1:])):
        row = nodes.row()
        for cell in cells:
            row += nodes.entry("", nodes.paragraph(text=cell))
        target += row
    out: list[nodes.Node] = []
    if agenda.pre_work:
        items = ", ".join(f"{title} ({m} min)" for title, m in agenda.pre_work)
        out.append(nodes.paragraph(text=f"Before the session, participants read: {items}."))
    out.append(table)
    summary = f"Ends at {_clock(agenda.end, day)}, {agenda.end} of the {length} minutes planned."
    if agenda.homework:
        left = "; ".join(f"{what} ({m} min)" for what, m in agenda.homework)
        summary += f" Left for after the session: {left}."
    out.append(nodes.paragraph(text=summary))
    return out


#: How the plan names each kind of exercise (a computed one is named by its id alone).
KIND_WORDS = {"predict": "predict", "interpret": "interpret", "decide": "manager's question"}


def _step_line(step: Step, minutes: int, extension: bool = False) -> str:
    words = [KIND_WORDS.get(str(step.kind), "")]
    words += ["plot" if step.plot else "", "extension" if extension else ""]
    named = ", ".join([step.exercise_id, *(w for w in words if w)])
    return f"{named} ({minutes} min)"


def _bullets(lines: Sequence[str]) -> nodes.bullet_list:
    items = nodes.bullet_list()
    for line in lines:
        items += nodes.list_item("", nodes.paragraph(text=line))
    return items


def _plan_lines(run: Run) -> list[str]:
    """One notebook's part of the session, exercise by exercise."""
    time = run.notebook.time
    if run.mode is Mode.AFTER:
        return []
    if run.mode is Mode.PROJECTOR:
        lines = [_step_line(s, s.shown) for s in run.shown]
    else:
        lines = [f"Primer and set-up cells ({time.primer} min)"] if time.primer else []
        done = set(time.core) | set(run.extras)  # in the notebook's order
        lines += [_step_line(s, s.minutes, s.extension) for s in time.steps if s in done]
    if time.given:
        lines.append(f"Primer sections and given cells among the exercises ({time.given} min)")
    return lines


def _render_plan(agenda: Agenda) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for run in agenda.runs:
        stem = run.notebook.time.name
        head = nodes.paragraph()
        head += nodes.emphasis(text=run.notebook.title)
        head += nodes.Text(" (")
        head += nodes.literal(text=stem)
        if run.mode is Mode.AFTER:
            ids = exercise_list(run.left, run.notebook.time.steps)
            head += nodes.Text(f"): after the session, hands-on, {ids} ({run.left_minutes} min).")
            out.append(head)
            continue
        how = "in pairs" if run.mode is Mode.HANDS_ON else "at the projector, solution page"
        head += nodes.Text(f"), {run.minutes} min {how}:")
        out += [head, _bullets(_plan_lines(run))]
        if run.left:
            left = "; ".join(f"{s.exercise_id} ({s.minutes} min)" for s in run.left)
            what = "extension" if run.mode is Mode.HANDS_ON else "the whole notebook, hands-on"
            out.append(
                nodes.paragraph(text=f"After the session ({what}, {run.left_minutes} min): {left}.")
            )
    return out


def _fill(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for node in list(doctree.findall(agenda_node)):
        text = node["format"]
        chapter = _CHAPTER.match(text)
        if chapter:
            chapters, length, day = {int(chapter.group(1))}, FORMATS["session"], False
        elif text == "half-day":
            chapters, length, day = {0, 1}, FORMATS["half-day"], True
        else:
            chapters, length, day = set(range(10)), FORMATS["full-day"], True
        notebooks, reading = _ingredients(app, chapters)
        if not notebooks:
            node.replace_self(nodes.paragraph(text=f"No exercise notebook for: {text}."))
            continue
        agenda = plan(length, notebooks, reading, lunch=text == "full-day")
        shown = _render_plan(agenda) if node["shows"] == "plan" else _render(agenda, day, length)
        node.replace_self(shown)


def setup(app: Sphinx) -> None:
    """Register the directives; fill each once all pages' minutes are known."""
    app.add_node(agenda_node)
    app.add_directive("agenda", AgendaDirective)
    app.add_directive("session-plan", SessionPlanDirective)
    app.connect("doctree-resolved", _fill)
