"""What holds up a phone's first paint, on one page of each type (issue 22, point 7).

A browser paints nothing before it has every stylesheet and every plain
``<script src>`` of the ``<head>``. ``make bench`` measures the pages with
Lighthouse; this test keeps the two causes it found from coming back, without
timing anything: no script in the ``<head>`` that blocks (brakes.sphinxext.page_speed
defers them all), no stylesheet reached only through another's ``@import`` (a second
round trip), and the stylesheets a page waits for under a gzip budget.
"""

from __future__ import annotations

import gzip
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from brakes.sphinxext.page_speed import PAGE_TYPES

pytestmark = pytest.mark.browser

#: Gzipped bytes of the stylesheets a page waits for before painting (35.9 KB when written,
#: the stock theme's 87 KB). On Lighthouse's slow 4G (1.6 Mbit/s) 40 KB take 0.2 s.
CSS_BUDGET = 40_000


class Head(HTMLParser):
    """The ``<script>`` and stylesheet ``<link>`` tags of a page's ``<head>``, as attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = True
        self.scripts: list[dict[str, str | None]] = []
        self.stylesheets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "body":
            self.inside = False
        elif self.inside and tag == "script":
            self.scripts.append(found)
        elif self.inside and tag == "link" and found.get("rel") == "stylesheet":
            self.stylesheets.append(str(found["href"]).split("?")[0])


def head(page: Path) -> Head:
    parser = Head()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def blocking(script: dict[str, str | None]) -> bool:
    """A script the parser stops for: one with a ``src`` and neither defer, async nor module."""
    return "src" in script and not (
        {"defer", "async"} & script.keys() or script.get("type") == "module"
    )


@pytest.fixture(scope="module")
def learner(sites: dict) -> Path:
    return sites["learner"].html


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_script_in_the_head_holds_up_the_first_paint(learner: Path, kind: str) -> None:
    scripts = head(learner / PAGE_TYPES[kind]).scripts
    assert [s["src"] for s in scripts if blocking(s)] == []


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_the_stylesheets_a_page_waits_for_are_few_bytes_and_one_round_trip(
    learner: Path, kind: str
) -> None:
    page = learner / PAGE_TYPES[kind]
    sheets = [(page.parent / href).resolve() for href in head(page).stylesheets]
    chained = [s.relative_to(learner).as_posix() for s in sheets if "@import" in s.read_text()]
    assert chained == [], "a stylesheet @imports another: link that one from the page instead"
    sizes = {s.name: len(gzip.compress(s.read_bytes(), 6)) for s in sheets}
    assert sum(sizes.values()) <= CSS_BUDGET, sorted(sizes.items(), key=lambda i: -i[1])


def test_the_deferred_scripts_keep_their_order_and_inline_settings_come_first(
    learner: Path,
) -> None:
    """Deferred, the scripts still run in the page's order; an inline script that sets a
    variable (togglebutton's hints) runs before them, and one that reads a deferred script's
    global (DOCUMENTATION_OPTIONS) is a module, run in its turn after it."""
    scripts = head(learner / PAGE_TYPES["chapter"]).scripts
    sources = [re.sub(r"\?.*", "", str(s.get("src"))) for s in scripts if "src" in s]
    assert sources.index("../../_static/documentation_options.js") < sources.index(
        "../../_static/doctools.js"
    )
    page = (learner / PAGE_TYPES["chapter"]).read_text(encoding="utf-8")
    assert '<script type="module">DOCUMENTATION_OPTIONS.pagename' in page
    assert "<script>let toggleHintShow" in page
