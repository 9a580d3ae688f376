"""``{agenda}``: a session's timetable, computed from the minutes the pages declare.

::

    ```{agenda} chapter 1
    ```
    ```{agenda} half-day
    ```
    ```{agenda} full-day
    ```

A 90-minute session covers one chapter; a half-day (3 h 30) Getting started
and chapter 1; a full day (7 h) every chapter. The chapters' reading is
pre-work. In the room: a welcome, then each chapter's exercise notebooks for
the minutes they declare, a debrief after each chapter, and breaks (a short
one every 90 minutes or so, lunch in a full day). When the time runs out, the
rest of a notebook is homework, and the agenda says which notebooks and how
many minutes. Change a page's or a notebook's minutes and the agenda changes
with the next build: nothing here is typed twice.

:func:`plan` is the pure scheduling; the directive gathers the minutes from
the build (:func:`brakes.sphinxext.minutes.declared_minutes`) once every page
has been read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from brakes.sphinxext.minutes import Minutes, declared_minutes

#: The formats and their length in minutes.
FORMATS = {"session": 90, "half-day": 210, "full-day": 420}
#: Fixed parts of every session, in minutes.
WELCOME = 10
DEBRIEF = 10
SHORT_BREAK = 15
LUNCH = 60
#: A short break once this many minutes have run without one.
BREAK_EVERY = 90
#: A notebook cut shorter than this is left out of the room altogether.
SHORTEST_PART = 15
#: Where the clock starts for a half-day and a full day.
DAY_START = 9 * 60


@dataclass(frozen=True)
class Notebook:
    """A notebook to work through in the room."""

    chapter: int
    title: str
    minutes: int
    part: str = ""  # the chapter's title, for its debrief


@dataclass(frozen=True)
class Slot:
    """One line of a timetable: when, for how long, what."""

    start: int
    minutes: int
    what: str


@dataclass(frozen=True)
class Agenda:
    """A timetable, the reading to do before, and what is left for after."""

    slots: tuple[Slot, ...]
    pre_work: tuple[tuple[str, int], ...]
    homework: tuple[tuple[str, int], ...]

    @property
    def end(self) -> int:
        """When the last slot ends, in minutes from the start."""
        return max((s.start + s.minutes for s in self.slots), default=0)


def plan(
    length: int,
    notebooks: Sequence[Notebook],
    reading: Sequence[tuple[str, int]],
    *,
    lunch: bool = False,
) -> Agenda:
    """Fill ``length`` minutes: a welcome, the notebooks in order with a debrief after each
    chapter, breaks and (``lunch``) a lunch break. When the notebooks declare more minutes
    than the room has, each gets the same share of its minutes (in steps of 5), and the rest
    is homework."""
    chapters = sorted({n.chapter for n in notebooks})
    breaks = (length - WELCOME) // (BREAK_EVERY + SHORT_BREAK) - (1 if lunch else 0)
    fixed = WELCOME + DEBRIEF * len(chapters) + SHORT_BREAK * max(breaks, 0)
    fixed += LUNCH if lunch else 0
    room = max(length - fixed, 0)
    total = sum(n.minutes for n in notebooks)
    share = min(1.0, room / total) if total else 0.0
    given = [_step(n.minutes * share) for n in notebooks]
    # What rounding down left over goes back, 5 minutes at a time, to the most cut notebooks.
    while sum(given) + 5 <= room:
        open_ = [i for i, n in enumerate(notebooks) if given[i] + 5 <= n.minutes]
        if not open_:
            break
        most_cut = max(open_, key=lambda i: (notebooks[i].minutes * share - given[i], -i))
        given[most_cut] += 5
    given = [
        m if m >= SHORTEST_PART or m == n.minutes else 0
        for m, n in zip(given, notebooks, strict=True)
    ]
    chapters_in_room = {n.chapter for m, n in zip(given, notebooks, strict=True) if m}

    slots = [Slot(0, WELCOME, "Welcome, the session's question, warm-up")]
    clock = since_break = WELCOME
    lunch_due = lunch
    breaks_left = max(breaks, 0)
    homework = []
    for position, (notebook, spent) in enumerate(zip(notebooks, given, strict=True)):
        if spent:
            if lunch_due and clock >= length // 2 - 45:
                slots.append(Slot(clock, LUNCH, "Lunch"))
                clock, since_break, lunch_due = clock + LUNCH, 0, False
            elif breaks_left and since_break + spent > BREAK_EVERY + 15 and since_break >= 45:
                slots.append(Slot(clock, SHORT_BREAK, "Break"))
                clock, since_break, breaks_left = clock + SHORT_BREAK, 0, breaks_left - 1
            label = notebook.title
            if spent < notebook.minutes:
                label += f" (the first {spent} of its {notebook.minutes} min)"
            slots.append(Slot(clock, spent, label))
            clock += spent
            since_break += spent
        if spent < notebook.minutes:
            homework.append((notebook.title, notebook.minutes - spent))
        last = position + 1 == len(notebooks) or notebooks[position + 1].chapter != notebook.chapter
        if last and notebook.chapter in chapters_in_room:
            part = notebook.part or f"chapter {notebook.chapter}"
            slots.append(Slot(clock, DEBRIEF, f"Debrief of {part}: key points and quiz"))
            clock += DEBRIEF
            since_break += DEBRIEF
    return Agenda(tuple(slots), tuple(reading), tuple(homework))


def _pairs(given: list[int], notebooks: Sequence[Notebook]) -> zip[tuple[int, Notebook]]:
    return zip(given, notebooks, strict=True)


def _step(minutes: float) -> int:
    """Minutes rounded down to a step of 5, as a trainer plans them."""
    return int(minutes // 5 * 5)


# --- the directive ---------------------------------------------------------------------------


class agenda_node(nodes.General, nodes.Element):
    """Stands for a timetable until every page's minutes are known."""


_CHAPTER = re.compile(r"^chapter\s+(\d+)$")


class AgendaDirective(SphinxDirective):
    """``{agenda} chapter N`` (90 minutes), ``{agenda} half-day`` or ``{agenda} full-day``."""

    required_arguments = 1
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        text = self.arguments[0].strip()
        chapter = _CHAPTER.match(text)
        if not chapter and text not in ("half-day", "full-day"):
            raise self.error(
                f"agenda: {text!r} is not a format; write 'chapter N', 'half-day' or 'full-day'"
            )
        node = agenda_node()
        node["format"] = text
        node["docname"] = self.env.docname
        return [node]


def _chapter_of(docname: str) -> int | None:
    """``exercises/02a-understanding-…`` → 2; other pages → None."""
    match = re.match(r"^exercises/(\d\d)[a-z]?-", docname)
    return int(match.group(1)) if match else None


def _chapter_page(notebook: str, minutes: dict[str, Minutes]) -> str | None:
    """The page a chapter's notebook belongs to: ``course/<slug>/index`` or ``course/<slug>``."""
    slug = notebook.split("/", 1)[1].split("-", 1)[1]
    for candidate in (f"course/{slug.split('-')[0]}/index", f"course/{slug}"):
        if candidate in minutes:
            return candidate
    return None


def _ingredients(app: Sphinx, chapters: set[int]) -> tuple[list[Notebook], list[tuple[str, int]]]:
    minutes = declared_minutes(app.env)
    order = _reading_order(app)
    notebooks, reading = [], []
    for docname in sorted(minutes, key=lambda d: (order.get(d, len(order)), d)):
        chapter = _chapter_of(docname)
        if chapter is None or chapter not in chapters:
            continue
        title = app.env.titles[docname].astext() if docname in app.env.titles else docname
        page = _chapter_page(docname, minutes)
        part = app.env.titles[page].astext() if page in app.env.titles else ""
        notebooks.append(Notebook(chapter, title, minutes[docname].exercises, part))
        if page is not None and minutes[page].teaching:
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
        left = ", ".join(f"{title} ({m} min)" for title, m in agenda.homework)
        summary += f" Left for after the session: {left}."
    out.append(nodes.paragraph(text=summary))
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
            node.replace_self(
                nodes.paragraph(text=f"No notebook declares its minutes for: {text}.")
            )
            continue
        agenda = plan(length, notebooks, reading, lunch=text == "full-day")
        node.replace_self(_render(agenda, day, length))


def setup(app: Sphinx) -> None:
    """Register the directive; fill each agenda once all pages' minutes are known."""
    app.add_node(agenda_node)
    app.add_directive("agenda", AgendaDirective)
    app.connect("doctree-resolved", _fill)
