"""Every page of both editions, as Chromium loads it: clean, local, accessible, light, readable."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from browsing import BUDGET, Visit, chapter_page

from brakes.config import COURSE

pytestmark = pytest.mark.browser

editions = pytest.mark.parametrize("edition", COURSE.editions)


def problems(visits: list[Visit], find) -> list[str]:  # type: ignore[no-untyped-def]
    """``find(visit)`` gives a visit's problems; collect them all, each with its page."""
    return [f"{v.document}: {p}" for v in visits for p in find(v)]


@editions
def test_every_page_loads_without_console_message_or_failed_request(
    visits: dict, edition: str
) -> None:
    found = problems(visits[edition], lambda v: v.console + v.failed)
    assert not found, "\n".join(found)


@editions
def test_no_request_leaves_the_machine(visits: dict, edition: str) -> None:
    def remote(visit: Visit) -> list[str]:
        return [
            url
            for url in visit.requests
            if not (urlsplit(url).hostname == "127.0.0.1" or url.startswith(("file:", "data:")))
        ]

    found = problems(visits[edition], remote)
    assert not found, "\n".join(found)


@editions
def test_no_serious_or_critical_accessibility_violation(visits: dict, edition: str) -> None:
    def serious(visit: Visit) -> list[str]:
        return [
            f"{v['impact']} {v['id']} ({v['help']}) at {v['targets']}"
            + (" in dark mode" if v in visit.axe_dark else "")
            for v in visit.axe + visit.axe_dark
            if v["impact"] in ("serious", "critical")
        ]

    found = problems(visits[edition], serious)
    assert not found, "\n".join(found)


#: An alt text that is only the image's file name or path, as MyST-NB writes by default.
PATH_LIKE = re.compile(r"^[\w./-]*\.(png|jpe?g|svg|gif|webp)$", re.I)


@editions
def test_every_image_loads_and_has_alt_text(visits: dict, edition: str) -> None:
    def bad(visit: Visit) -> list[str]:
        found = []
        for image in visit.checks["images"]:
            alt = (image["alt"] or "").strip()
            if not image["loaded"]:
                found.append(f"{image['src']} did not load")
            if not alt or PATH_LIKE.match(alt):
                found.append(
                    f"{image['src']} has no alt text (alt={image['alt']!r}); for a notebook plot "
                    'set the cell metadata "mystnb": {"image": {"alt": "…what the plot shows…"}}'
                )
        return found

    found = problems(visits[edition], bad)
    assert not found, "\n".join(found)


@editions
def test_every_icon_is_drawn(visits: dict, edition: str) -> None:
    def undrawn(visit: Visit) -> list[str]:
        return [f"icon {i['icon']} not drawn" for i in visit.checks["icons"] if not i["drawn"]]

    pages = visits[edition]
    assert sum(len(v.checks["icons"]) for v in pages) > 0, "no icon found: is the check blind?"
    found = problems(pages, undrawn)
    assert not found, "\n".join(found)


@editions
def test_first_load_of_landing_and_chapter_pages_is_light(visits: dict, edition: str) -> None:
    by_doc = {v.document: v for v in visits[edition]}
    chapters = [d for d in by_doc if re.fullmatch(r"course/[^/]+/index\.html", d)]
    measured = {"index.html", chapter_page(list(by_doc)), *chapters} - {"course/trainer/index.html"}
    heavy = {d: by_doc[d].bytes for d in measured if by_doc[d].bytes > BUDGET}
    assert not heavy, f"first load over {BUDGET:,} bytes: {heavy}"


@editions
def test_no_page_scrolls_sideways_on_a_phone(visits: dict, edition: str) -> None:
    found = problems(
        visits[edition],
        lambda v: (
            [f"{v.phone_overflow}px wider than a 390px phone"] if v.phone_overflow > 0 else []
        ),
    )
    assert not found, "\n".join(found)


@editions
def test_light_and_dark_modes_render_plots_and_text_readably(visits: dict, edition: str) -> None:
    def unreadable(visit: Visit) -> list[str]:
        found = []
        for mode, checks in (("light", visit.checks), ("dark", visit.checks_dark)):
            assert checks["theme"] == mode
            for text in checks["lowContrast"]:
                found.append(
                    f"{mode}: {text['element']} {text['text']!r} contrast {text['ratio']} < 4.5"
                )
            for image in checks["images"]:
                if image["plot"] and not (image["loaded"] and image["opaque"]):
                    found.append(f"{mode}: plot {image['src']} not loaded or not opaque")
        return found

    pages = visits[edition]
    found = problems(pages, unreadable)
    assert not found, "\n".join(found)
    if any(COURSE.solutions_dir.glob("*.ipynb")):
        assert any(v.checks["feedbackTexts"] for v in pages), "no check feedback on any page"


@editions
def test_one_search_field_on_a_desktop_page_and_it_takes_the_keyboard(
    visits: dict, edition: str
) -> None:
    def not_one(visit: Visit) -> list[str]:
        fields = visit.checks["searchFields"]
        if len(fields) != 1:
            return [f"{len(fields)} search fields visible at 1280 px: {fields}"]
        return [] if fields[0]["focusable"] else [f"{fields[0]['field']} cannot take the focus"]

    found = problems(visits[edition], not_one)
    assert not found, "\n".join(found)


@editions
def test_no_page_sets_a_cookie(visits: dict, edition: str) -> None:
    def cookies(visit: Visit) -> list[str]:
        return [f"cookie {visit.checks['cookies']!r}"] if visit.checks["cookies"] else []

    found = problems(visits[edition], cookies)
    assert not found, "\n".join(found)
