"""A chapter page's exercise minutes are its notebooks' minutes, so no agenda counts twice."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

from brakes.config import COURSE

FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def page_for(notebook: Path) -> Path:
    """solutions/01a-control-….ipynb → course/control/index.md; 00-getting-started → its page."""
    slug = notebook.stem.split("-", 1)[1]
    chapter = COURSE.root / "course" / slug.split("-")[0] / "index.md"
    return chapter if chapter.exists() else COURSE.root / "course" / f"{slug}.md"


def declared_exercises(page: Path) -> int:
    front = FRONT.match(page.read_text(encoding="utf-8"))
    assert front, f"{page} declares no minutes"
    return int(re.search(r"^exercises:\s*(\d+)", front.group(1), re.M).group(1))


def test_each_chapter_declares_the_minutes_of_its_notebooks() -> None:
    totals: dict[Path, int] = defaultdict(int)
    for notebook in sorted(COURSE.solutions_dir.glob("*.ipynb")):
        minutes = json.loads(notebook.read_text(encoding="utf-8"))["metadata"]["brakes"]["minutes"]
        totals[page_for(notebook)] += sum(minutes.values())
    assert totals, "expected solution notebooks that declare minutes"
    for page, total in totals.items():
        assert declared_exercises(page) == total, f"{page.name}: exercises should be {total}"
