"""What the browser tests share: the page budget and one page visit.

Chromium and its flags are brakes.trainer.browser's, as for the handouts and benchmarks.

A visit loads a page in a fresh browser context (empty cache) on a desktop in
light mode, measures it, switches to dark mode and measures again, then loads
it on a phone. The checks that run inside the page are in ``page_checks.js``.
"""

from __future__ import annotations

import http.server
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, Response

from brakes.config import COURSE

AXE = COURSE.root / "node_modules" / "axe-core" / "axe.min.js"
SCRIPTS = Path(__file__).parent / "page_checks.js"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

#: The first load of a chapter page may transfer at most this much, uncompressed.
BUDGET = 1_000_000

#: Lines printed at the end of the run (first-load bytes, axe counts).
REPORT: list[str] = []
#: The key under which an xdist worker hands :data:`REPORT` to the controller.
WORKER_REPORT = "brakes_browser_report"


def chapter_page(documents: list[str]) -> str:
    """The page measured as "a chapter page": the first brake's chapter, else the glossary."""
    return (
        "course/control/index.html"
        if "course/control/index.html" in documents
        else ("course/glossary.html")
    )


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output for test results."""


@dataclass
class Served:
    """One edition served over HTTP on 127.0.0.1."""

    edition: str
    root: Path
    base: str
    documents: list[str]

    def url(self, document: str) -> str:
        return self.base + document


@dataclass
class Visit:
    """What one page load did and showed."""

    edition: str
    document: str
    console: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    bytes: int = 0
    axe: list[dict[str, Any]] = field(default_factory=list)
    axe_dark: list[dict[str, Any]] = field(default_factory=list)
    checks: dict[str, Any] = field(default_factory=dict)
    checks_dark: dict[str, Any] = field(default_factory=dict)
    phone_overflow: int = 0


def record(page: Page, visit: Visit) -> list[Response]:
    """Listen to a page's console and network into ``visit``; return its responses as they come."""
    responses: list[Response] = []
    page.on("console", lambda m: _console(visit, m.type, m.text))
    page.on("pageerror", lambda error: visit.console.append(f"pageerror: {error}"))
    page.on("request", lambda r: visit.requests.append(r.url))
    page.on("requestfailed", lambda r: visit.failed.append(f"{r.url} ({r.failure})"))
    page.on("response", lambda r: _response(visit, responses, r))
    return responses


def _console(visit: Visit, kind: str, text: str) -> None:
    if kind in ("error", "warning", "assert"):
        visit.console.append(f"{kind}: {text}")


def _response(visit: Visit, responses: list[Response], response: Response) -> None:
    responses.append(response)
    if response.status >= 400:
        visit.failed.append(f"{response.url} (HTTP {response.status})")


def run_axe(page: Page, rules: list[str] | None = None) -> list[dict[str, Any]]:
    """axe-core's violations on the page, all rules or only ``rules``."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    options: dict[str, Any] = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    result = page.evaluate("options => axe.run(document, options)", options)
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": len(v["nodes"]),
            "targets": [n["target"] for n in v["nodes"][:3]],
        }
        for v in result["violations"]
    ]


def page_checks(page: Page) -> dict[str, Any]:
    """Images, icons, text contrast and sideways overflow, measured in the page (page_checks.js)."""
    return page.evaluate(SCRIPTS.read_text(encoding="utf-8"))


def visit_page(browser: Browser, served: Served, document: str) -> Visit:
    """Load a page in a fresh browser (empty cache): desktop light, dark, then phone."""
    visit = Visit(served.edition, document)
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    try:
        page = context.new_page()
        responses = record(page, visit)
        page.goto(served.url(document), wait_until="networkidle")
        visit.bytes = sum(len(r.body()) for r in responses if 200 <= r.status < 300)
        # Switch colour modes at once: the theme's 0.15 s transitions would be measured midway.
        page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
        visit.checks = page_checks(page)
        visit.axe = run_axe(page)
        page.emulate_media(color_scheme="dark")
        page.wait_for_function("document.documentElement.dataset.theme === 'dark'")
        visit.checks_dark = page_checks(page)
        visit.axe_dark = run_axe(page, ["color-contrast"])
    finally:
        context.close()
    context = browser.new_context(viewport=PHONE, color_scheme="light", is_mobile=True)
    try:
        page = context.new_page()
        record(page, visit)
        page.goto(served.url(document), wait_until="load")
        visit.phone_overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
    finally:
        context.close()
    return visit
