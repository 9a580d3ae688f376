"""The trainer edition's agendas come from the notebooks' estimated minutes, name the exercises
of each core path, and stay out of the learner edition."""

from __future__ import annotations

import html
import json
import re

import pytest

from brakes.config import COURSE
from brakes.content.minutes import estimate_all
from brakes.exercises.registry import all_exercises
from brakes.sphinxext.agenda import exercise_list
from brakes.trainer.kit.adapt import GUARD_TAG

pytestmark = pytest.mark.site

PAGE = "course/trainer/agendas.html"
TABLE = re.compile(r'<table class="[^"]*brakes-agenda.*?</table>', re.S)
ROW = re.compile(r"<tr[^>]*>(.*?)</tr>", re.S)
CELL = re.compile(r"<t[dh][^>]*>(.*?)</t[dh]>", re.S)
TAG = re.compile(r"<[^>]+>")


def rows(table: str) -> list[list[str]]:
    return [
        [html.unescape(TAG.sub("", cell)).strip().replace("’", "'") for cell in CELL.findall(row)]
        for row in ROW.findall(table)
    ]


def notebook_titles() -> dict[str, str]:
    """Each learner notebook's title (its page's title), by file stem."""
    found = {}
    for path in COURSE.exercises_dir.glob("*.ipynb"):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        title = "".join(notebook["cells"][0]["source"])
        found[path.stem] = title.splitlines()[0].lstrip("# ").strip()
    return found


def test_the_full_day_names_each_notebook_s_core_path_or_sends_it_after(sites: dict) -> None:
    page = (sites["trainer"].html / PAGE).read_text(encoding="utf-8")
    tables = TABLE.findall(page)
    assert len(tables) == 5, "three chapter sessions, a half-day and a full day"
    full_day = rows(tables[-1])[1:]
    after = html.unescape(TAG.sub("", page.split(tables[-1], 1)[1])).replace("’", "'")
    titles = notebook_titles()
    times = estimate_all(COURSE.exercises_dir, all_exercises(), unread=(GUARD_TAG,))
    assert len(times) == len(titles)
    for time in times:
        title = titles[time.name]
        shown = [r for r in full_day if r[2].startswith(title)]
        if shown:
            assert exercise_list(time.core, time.steps) in shown[0][2], (title, shown[0][2])
        else:
            assert f"{title}, the whole notebook hands-on ({time.total} min)" in after, title
    assert not re.search(r"the first \d+ of its \d+ min", page), "a cut that drops stories"
    assert any(r[2] == "Lunch" for r in full_day)
    assert full_day[-1][2].startswith("Debrief")


def test_agendas_are_trainer_text(sites: dict) -> None:
    assert not (sites["learner"].html / PAGE).exists()
    for page in sites["learner"].documents():
        assert "brakes-agenda" not in (sites["learner"].html / page).read_text(encoding="utf-8")
