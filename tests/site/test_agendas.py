"""The trainer edition's agendas come from the notebooks' declared minutes, and stay out of the
learner edition."""

from __future__ import annotations

import html
import json
import re

import pytest

from brakes.config import COURSE

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


def notebook_minutes() -> dict[str, int]:
    """Each learner notebook's title and the exercise minutes it declares."""
    found = {}
    for path in COURSE.exercises_dir.glob("*.ipynb"):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        title = notebook["cells"][0]["source"]
        title = "".join(title).splitlines()[0].lstrip("# ").strip()
        found[title] = notebook["metadata"]["brakes"]["minutes"]["exercises"]
    return found


def test_the_full_day_holds_every_notebook_at_a_share_of_its_declared_minutes(sites: dict) -> None:
    page = (sites["trainer"].html / PAGE).read_text(encoding="utf-8")
    tables = TABLE.findall(page)
    assert len(tables) == 5, "three chapter sessions, a half-day and a full day"
    full_day = rows(tables[-1])[1:]
    declared = notebook_minutes()
    seen = 0
    for title, minutes in declared.items():
        shown = [r for r in full_day if r[2].startswith(title)]
        assert shown, f"{title} is missing from the full day"
        cut = re.search(r"the first (\d+) of its (\d+) min", shown[0][2])
        if cut:
            assert int(cut.group(2)) == minutes, title
        else:
            assert int(shown[0][1]) == minutes, title
        seen += 1
    assert seen == len(list(COURSE.exercises_dir.glob("*.ipynb")))
    assert any(r[2] == "Lunch" for r in full_day)
    assert full_day[-1][2].startswith("Debrief")


def test_agendas_are_trainer_text(sites: dict) -> None:
    assert not (sites["learner"].html / PAGE).exists()
    for page in sites["learner"].documents():
        assert "brakes-agenda" not in (sites["learner"].html / page).read_text(encoding="utf-8")
