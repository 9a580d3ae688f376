"""The learner edition's zip, unzipped and opened from disk with every network request refused."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import DESKTOP, chapter_page
from playwright.sync_api import Browser, Page, Route

from brakes.sphinxext.offline import TOP, zip_name

pytestmark = pytest.mark.browser

#: Measured in the page: did every stylesheet, image and icon arrive, and how do plots look?
RENDERED = """() => ({
  sheets: [...document.querySelectorAll("link[rel=stylesheet]")]
    .filter((l) => !l.sheet).map((l) => l.getAttribute("href")),
  images: [...document.querySelectorAll("img")]
    .filter((i) => !(i.complete && i.naturalWidth > 0)).map((i) => i.getAttribute("src")),
  plots: document.querySelectorAll(".cell_output img").length,
  icons: [...document.querySelectorAll(".fa-solid")].filter((i) => i.getClientRects().length)
    .filter((i) => !getComputedStyle(i).maskImage.startsWith("url(")).length,
  sidebarStyled:
    getComputedStyle(document.querySelector(".bd-sidebar-primary")).position !== "static",
  feedback: [...document.querySelectorAll(".brakes-feedback")]
    .filter((f) => getComputedStyle(f).borderLeftWidth !== "4px").length,
  quizStyled: [...document.querySelectorAll(".brakes-quiz-why")]
    .every((w) => getComputedStyle(w).display === "none"),
})"""


@pytest.fixture(scope="module")
def unzipped(sites: dict, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The learner edition as a trainer gets it: the site's zip, unzipped into a folder."""
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(sites["learner"].html / "_downloads" / zip_name("learner")) as archive:
        archive.extractall(folder)
    return folder / TOP


@pytest.fixture
def offline_page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A page that may read files only: every other request is refused and recorded."""
    context = browser.new_context(viewport=DESKTOP)
    refused: list[str] = []

    def only_files(route: Route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    context.route("**/*", only_files)
    page = context.new_page()
    # A missing file fails too; a load cut short by the next page (ERR_ABORTED) does not count.
    page.on(
        "requestfailed",
        lambda r: r.failure == "net::ERR_ABORTED" or refused.append(f"{r.url} ({r.failure})"),
    )
    yield page, refused
    context.close()


def test_pages_plots_icons_and_styles_render_from_disk(
    unzipped: Path, offline_page: tuple[Page, list[str]], sites: dict
) -> None:
    page, refused = offline_page
    documents = sites["learner"].documents()
    # Two learner notebooks (no outputs) and two solution notebooks (plots).
    notebooks = [d for d in documents if d.startswith("exercises/")][:2]
    notebooks += [d for d in documents if d.startswith("solutions/")][:2]
    chosen = ["index.html", chapter_page(documents), "course/glossary.html", *notebooks]
    plots = 0
    for document in chosen:
        page.goto((unzipped / document).as_uri())
        page.wait_for_load_state("load")
        shown = page.evaluate(RENDERED)
        plots += shown.pop("plots")
        assert shown == {
            "sheets": [],
            "images": [],
            "icons": 0,
            "sidebarStyled": True,
            "feedback": 0,
            "quizStyled": True,
        }, document
    assert not refused, f"requests that needed a network: {refused}"
    if any(d.startswith("solutions/") for d in documents):
        assert plots, "no plot on the solution pages checked offline"


@pytest.mark.parametrize("query", ["share of voice", "social CRM"])
def test_search_works_from_disk(
    unzipped: Path, offline_page: tuple[Page, list[str]], query: str
) -> None:
    page, refused = offline_page
    page.goto((unzipped / "search.html").as_uri() + "?q=" + query.replace(" ", "+"))
    results = page.locator("#search-results ul.search li a")
    results.first.wait_for()
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    assert any("course/glossary.html" in h for h in hrefs), hrefs
    assert not [r for r in refused if not r.startswith("file:")], refused
