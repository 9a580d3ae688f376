"""Minutes: each page that declares them shows the line under its title; the env gives them back."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
import yaml
from mini_site import NOTEBOOK_MINUTES

from brakes.config import COURSE
from brakes.sphinxext.minutes import Minutes, MinutesError, declared_minutes, page_minutes

pytestmark = pytest.mark.site

LINE = re.compile(r'<p class="brakes-minutes">(?P<text>[^<]*)</p>')


def front_matter(path: Path) -> dict:
    """The YAML front matter of a MyST page."""
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    return yaml.safe_load(match[1]) if match else {}


def shown_minutes(page: Path) -> list[str]:
    return LINE.findall(page.read_text(encoding="utf-8"))


@pytest.mark.parametrize("edition", COURSE.editions)
def test_chapter_page_shows_its_front_matter_minutes_under_its_title(
    sites: dict, edition: str
) -> None:
    declared = front_matter(COURSE.root / "course" / "control" / "index.md")
    assert {"teaching", "exercises"} <= declared.keys(), "the chapter page declares no minutes"
    expected = (
        f"Time: about {declared['teaching']} min reading, {declared['exercises']} min exercises"
    )
    html = (sites[edition].html / "course" / "control" / "index.html").read_text(encoding="utf-8")
    assert LINE.findall(html) == [expected]
    # Right under the page's title.
    assert re.search(r"</h1>\s*" + re.escape(f'<p class="brakes-minutes">{expected}</p>'), html)


def test_only_pages_that_declare_minutes_show_the_line(sites: dict) -> None:
    site = sites["learner"]
    for page in site.documents():
        source = next(COURSE.root.glob(page.removesuffix(".html") + ".*"), None)
        if source is not None and source.suffix == ".md" and not front_matter(source):
            assert not shown_minutes(site.html / page), f"{page} declares no minutes"


def test_notebook_metadata_minutes_are_shown(mini_site: Path) -> None:
    expected = Minutes(**NOTEBOOK_MINUTES).line()
    assert shown_minutes(mini_site / "exercises" / "demo.html") == [expected]
    assert shown_minutes(mini_site / "index.html") == ["Time: about 5 min reading"]
    assert shown_minutes(mini_site / "dictionary.html") == []


def test_declared_minutes_reads_every_page_from_a_built_environment(
    sites: dict, mini_site: Path
) -> None:
    with (sites["trainer"].html / ".doctrees" / "environment.pickle").open("rb") as file:
        env = pickle.load(file)
    found = declared_minutes(env)
    for docname in ("course/control/index", "course/getting-started"):
        declared = front_matter(COURSE.root / f"{docname}.md")
        assert found[docname] == Minutes(declared["teaching"], declared["exercises"])
    assert "course/glossary" not in found
    with (mini_site / ".doctrees" / "environment.pickle").open("rb") as file:
        mini = declared_minutes(pickle.load(file))
    assert mini == {"exercises/demo": Minutes(**NOTEBOOK_MINUTES), "index": Minutes(teaching=5)}


def test_page_minutes_reads_front_matter_and_notebook_metadata() -> None:
    assert page_minutes({"teaching": "30", "exercises": "60"}) == Minutes(30, 60)
    assert page_minutes({"brakes": '{"minutes": {"exercises": 20}}'}) == Minutes(0, 20)
    assert page_minutes({"brakes": {"minutes": {"teaching": 10}}}) == Minutes(10, 0)
    assert page_minutes({"wordcount": {"minutes": 3}}) is None
    assert Minutes(40, 110).line() == "Time: about 40 min reading, 110 min exercises"


@pytest.mark.parametrize(
    ("metadata", "says"),
    [
        ({"teaching": "half an hour"}, "not a whole number"),
        ({"exercises": "-5"}, "negative"),
        ({"brakes": {"minutes": {"lunch": 60}}}, "unknown minutes lunch"),
    ],
)
def test_wrong_minutes_are_refused_with_what_to_write(metadata: dict, says: str) -> None:
    with pytest.raises(MinutesError, match=says):
        page_minutes(metadata)
