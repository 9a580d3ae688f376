"""What a reader does on the site: find every page, search, download an exercise, use a phone."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import nbformat
import pytest
from browsing import PHONE, Served, chapter_page
from playwright.sync_api import Browser, BrowserContext, Page, expect

from brakes.config import COURSE

pytestmark = pytest.mark.browser

editions = pytest.mark.parametrize("edition", COURSE.editions)

#: Pages that are tools rather than part of the course's reading order (404.html: what a
#: host shows for a missing address).
NOT_IN_ORDER = {"genindex.html", "search.html", "404.html"}


def document_of(page: Page, served: Served) -> str:
    """The page's path relative to the site root, as in ``Served.documents``."""
    return urlsplit(page.url).path.removeprefix(urlsplit(served.base).path)


@editions
def test_sidebar_reaches_every_page_from_the_landing_page(
    context: BrowserContext, served: dict, edition: str
) -> None:
    site = served[edition]
    expected = sorted(set(site.documents) - NOT_IN_ORDER - {"index.html"})
    page = context.new_page()
    unreachable = []
    for document in expected:
        page.goto(site.url("index.html"))
        link = page.locator(f'nav.bd-docs-nav a[href="{document}"]').first
        if not link.count():
            unreachable.append(f"{document}: not in the sidebar")
            continue
        # A reader opens each collapsed section on the way, from the outside in.
        closed = link.locator("xpath=ancestor::details[not(@open)][last()]/summary")
        while not link.is_visible() and closed.count():
            chevron = closed.first.locator(".toctree-toggle")  # the summary itself has no height
            (chevron if chevron.count() else closed.first).click()
        link.click()
        page.wait_for_load_state()
        if document_of(page, site) != document:
            unreachable.append(f"{document}: the sidebar link led to {page.url}")
    assert not unreachable, "\n".join(unreachable)


@editions
def test_next_and_previous_links_walk_through_every_page(
    context: BrowserContext, served: dict, edition: str
) -> None:
    site = served[edition]
    page = context.new_page()
    page.goto(site.url("index.html"))
    forward = [document_of(page, site)]
    while (following := page.locator("a.right-next")).count():
        following.first.click()
        page.wait_for_load_state()
        forward.append(document_of(page, site))
        assert len(forward) <= len(site.documents), f"the next links loop: {forward}"
    assert sorted(forward) == sorted(set(site.documents) - NOT_IN_ORDER)
    backward = [forward[-1]]
    while (preceding := page.locator("a.left-prev")).count():
        preceding.first.click()
        page.wait_for_load_state()
        backward.append(document_of(page, site))
        assert len(backward) <= len(forward), f"the previous links loop: {backward}"
    assert backward == forward[::-1]


@editions
@pytest.mark.parametrize("query", ["share of voice", "social CRM"])
def test_search_lists_the_page_that_defines_a_term(
    context: BrowserContext, served: dict, edition: str, query: str
) -> None:
    site = served[edition]
    page = context.new_page()
    page.goto(site.url(chapter_page(site.documents)))
    page.locator(".bd-sidebar-primary .search-button-field").click()
    field = page.locator("#pst-search-dialog input[name='q']")
    field.fill(query)
    field.press("Enter")
    page.wait_for_url("**/search.html?q=*")
    results = page.locator("#search-results ul.search li a")
    results.first.wait_for()
    hrefs = [
        urljoin(page.url, href or "")
        for href in results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    ]
    assert any(urlsplit(h).path.endswith("course/glossary.html") for h in hrefs), hrefs


@editions
def test_exercise_downloads_are_notebooks_without_solutions(
    context: BrowserContext, served: dict, edition: str
) -> None:
    site = served[edition]
    exercises = [d for d in site.documents if d.startswith("exercises/")]
    if not any(COURSE.exercises_dir.glob("*.ipynb")):
        pytest.skip("no exercise notebooks in exercises/ yet")
    assert exercises, "exercises/ has notebooks but the site has no exercise page"
    page = context.new_page()
    for document in exercises:
        page.goto(site.url(document))
        page.locator(".dropdown-download-buttons > button").click()
        link = page.locator(".dropdown-download-buttons a[href$='.ipynb']").first
        link.wait_for()
        response = page.request.get(urljoin(page.url, link.get_attribute("href") or ""))
        assert response.ok, f"{document}: download answered {response.status}"
        notebook = nbformat.reads(response.text(), as_version=4)
        nbformat.validate(notebook)
        leaked = [c.source for c in notebook.cells if "BEGIN SOLUTION" in c.source]
        assert not leaked, f"{document}: the download holds a solution: {leaked[0][:80]}"


@editions
def test_phone_menu_opens_and_shows_the_course(
    browser: Browser, served: dict, edition: str
) -> None:
    site = served[edition]
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(site.url(chapter_page(site.documents)))
        menu = page.locator("button.primary-toggle:visible").first
        assert menu.is_visible()
        menu.click()
        page.locator("#pst-primary-sidebar-modal[open]").wait_for()
        links = page.locator("#pst-primary-sidebar-modal nav.bd-docs-nav a")
        assert links.first.is_visible()
        assert links.count() >= len(set(site.documents) - NOT_IN_ORDER) - 1
        page.keyboard.press("Escape")
        page.locator("#pst-primary-sidebar-modal[open]").wait_for(state="detached")
        page.locator("button.secondary-toggle:visible").first.click()
        page.locator("#pst-secondary-sidebar-modal[open] nav.page-toc a").first.wait_for()
    finally:
        context.close()


@editions
def test_desktop_menu_button_hides_and_shows_the_sidebar(
    context: BrowserContext, served: dict, edition: str
) -> None:
    site = served[edition]
    page = context.new_page()
    page.goto(site.url(chapter_page(site.documents)))
    sidebar = page.locator("#pst-primary-sidebar")
    menu = page.locator("button.primary-toggle:visible").first
    menu.click()
    expect(sidebar).to_have_class(re.compile(r"\bpst-sidebar-hidden\b"))
    menu.click()
    expect(sidebar).not_to_have_class(re.compile(r"\bpst-sidebar-hidden\b"))
    expect(sidebar.locator("nav.bd-docs-nav")).to_be_visible()


@editions
def test_colour_mode_menu_switches_to_dark_and_back(
    context: BrowserContext, served: dict, edition: str
) -> None:
    site = served[edition]
    page = context.new_page()
    page.goto(site.url(chapter_page(site.documents)))
    html = page.locator("html")
    for mode in ("dark", "light"):
        page.locator(".theme-switch-button:visible").first.click()
        page.locator(f".theme-change-button[data-mode='{mode}']:visible").first.click()
        expect(html).to_have_attribute("data-theme", mode)
