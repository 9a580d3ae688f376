"""Pages look the same with the trimmed stylesheets as with the theme's full ones.

The site serves the stylesheets PurgeCSS trimmed (brakes.sphinxext.trim_css);
the build keeps the originals next to Sphinx's state. Each page is drawn in
each state twice, once as built and once with the originals served in place of
the trimmed files, and the two screenshots must match: same size, and no pixel
more than a rounding apart (Chromium's anti-aliasing is not deterministic to
the last bit). A rule PurgeCSS wrongly dropped shows as a difference.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from browsing import DESKTOP, PHONE, Served, chapter_page
from PIL import Image, ImageChops
from playwright.sync_api import Browser, Page, Route

from brakes.sphinxext import trim_css

pytestmark = pytest.mark.browser

#: How far a pixel may differ (0-255, largest channel) before it counts as a difference,
#: and how many such pixels a page may have (stray anti-aliasing, never a missing rule).
TOLERANCE = 24
STRAY_PIXELS = 20
FREEZE = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def _open_menu(page: Page) -> None:
    page.locator("button.primary-toggle:visible").first.click()
    page.locator("#pst-primary-sidebar-modal[open]").wait_for()


def _open_search(page: Page) -> None:
    page.locator(".bd-sidebar-primary .search-button-field").click()
    page.locator("#pst-search-dialog input[name='q']").fill("share")


def _dark(page: Page) -> None:
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("document.documentElement.dataset.theme === 'dark'")


#: Each state: its viewport, and what to do once the page is loaded.
STATES: dict[str, tuple[dict[str, int], Callable[[Page], None] | None]] = {
    "desktop, light": (DESKTOP, None),
    "desktop, dark": (DESKTOP, _dark),
    "desktop, search open": (DESKTOP, _open_search),
    "phone": (PHONE, None),
    "phone, menu open": (PHONE, _open_menu),
}


def originals(site: Served) -> dict[str, bytes]:
    """The untrimmed stylesheets the build kept, by path relative to the site's root."""
    folder = site.root / ".doctrees" / trim_css.FOLDER / "original"
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.css")}


def serving(body: bytes) -> Callable[[Route], None]:
    """A route handler answering with ``body`` as a stylesheet."""
    return lambda route: route.fulfill(body=body, content_type="text/css")


def screenshot(
    browser: Browser, site: Served, document: str, state: str, full: dict[str, bytes] | None
) -> bytes:
    """The page in ``state`` as a PNG, drawn with the stylesheets as built, or ``full`` ones."""
    viewport, action = STATES[state]
    context = browser.new_context(viewport=viewport, is_mobile=viewport == PHONE)
    try:
        page = context.new_page()
        for relative, body in (full or {}).items():
            page.route(f"**/{relative}*", serving(body))
        page.goto(site.url(document), wait_until="networkidle")
        page.add_style_tag(content=FREEZE)
        if action is not None:
            action(page)
        return page.screenshot(full_page=True)
    finally:
        context.close()


def differing_pixels(first: Image.Image, second: Image.Image) -> int:
    """How many pixels differ by more than :data:`TOLERANCE` in some channel.

    Pillow's C loops, not numpy's: a full chapter page is some 20 million pixels a side.
    """
    over = [
        band.point(lambda v: 255 if v > TOLERANCE else 0)
        for band in ImageChops.difference(first, second).split()
    ]
    return ImageChops.lighter(ImageChops.lighter(over[0], over[1]), over[2]).histogram()[255]


def difference(trimmed: bytes, whole: bytes) -> str | None:
    """What differs between two screenshots, or None when they match within the tolerance."""
    if trimmed == whole:  # drawn the same to the byte: nothing to decode
        return None
    first, second = (Image.open(io.BytesIO(png)).convert("RGB") for png in (trimmed, whole))
    if first.size != second.size:
        return f"{first.size} against {second.size}"
    count = differing_pixels(first, second)
    return f"{count} pixels differ" if count > STRAY_PIXELS else None


#: The pages drawn: the landing page, the chapter page and a solution notebook's page
#: (one test each, so that `make test` can draw them on three workers at once).
PAGES = {
    "landing": lambda documents: "index.html",
    "chapter": chapter_page,
    "notebook": lambda documents: next(d for d in documents if d.startswith("solutions/")),
}


@pytest.mark.parametrize("kind", PAGES)
def test_trimmed_stylesheets_draw_every_page_state_as_the_full_ones(
    browser: Browser, served: dict, tmp_path: Path, kind: str
) -> None:
    site = served["learner"]
    full = originals(site)
    assert full, "the build kept no original stylesheet: were they trimmed at all?"
    document = PAGES[kind](site.documents)
    problems = []
    for state in STATES:
        trimmed = screenshot(browser, site, document, state, None)
        whole = screenshot(browser, site, document, state, full)
        if (found := difference(trimmed, whole)) is None:
            continue
        problems.append(f"{document} ({state}): {found}")
        name = f"{document.replace('/', '_')}-{state.replace(', ', '-').replace(' ', '-')}"
        (tmp_path / f"{name}-trimmed.png").write_bytes(trimmed)
        (tmp_path / f"{name}-full.png").write_bytes(whole)
    assert not problems, f"screenshots in {tmp_path}:\n" + "\n".join(problems)
