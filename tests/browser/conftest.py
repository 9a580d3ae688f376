"""Browser fixtures: Debian's Chromium driven by Playwright, both editions served on 127.0.0.1.

Every page of the learner edition, and each trainer page whose article is not the
learner's (:func:`walked`), is visited once (desktop, light then dark mode, then on a
phone) by the session fixture ``visits``; the tests of test_pages.py
assert on what those visits saw, so adding a check costs no page load. The
figures the issue asks for (first-load bytes, axe's moderate and minor counts)
are printed at the end of the run.

Set-up: ``make test`` installs Chromium (``apt-get install chromium``) and
axe-core (``npm ci``) when they are missing; never ``playwright install``.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browsing import (
    AXE,
    BUDGET,
    DESKTOP,
    REPORT,
    WORKER_REPORT,
    Quiet,
    Served,
    Visit,
    chapter_page,
    visit_page,
)
from playwright.sync_api import Browser, BrowserContext


@pytest.fixture(scope="session")
def browser(chromium: Browser) -> Browser:
    """The worker's Chromium (tests/conftest.py), with axe-core at hand."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: `make test` installs it (npm ci)")
    return chromium


@pytest.fixture(scope="session")
def served(sites: dict) -> Iterator[dict[str, Served]]:
    """Each edition's HTML on its own http.server thread, on 127.0.0.1 only."""
    servers, result = [], {}
    for edition, site in sites.items():
        # A build with warnings is still served; test_editions reports the warnings.
        assert (site.html / "index.html").is_file(), site.log
        handler = functools.partial(Quiet, directory=str(site.html))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        result[edition] = Served(edition, site.html, base, site.documents())
    yield result
    for server in servers:
        server.shutdown()
        server.server_close()


def article(page: Path) -> str:
    """What a page says, without the sidebar, header and footer around it."""
    text = page.read_text(encoding="utf-8", errors="replace")
    found = re.search(r"<article.*?</article>", text, re.S)
    return found.group(0) if found else text


def walked(edition: str, served: dict[str, Served]) -> list[str]:
    """The pages an edition's walk visits: the first edition's all, then for another edition
    each page whose article differs from the first's or that only it has, and one page of
    each folder whose articles are the same, for that edition's own sidebar and header.

    The trainer edition shares 23 of its 32 pages' articles with the learner's word for
    word (notebooks, glossary, statements): visiting them twice tested nothing new.
    """
    first = next(iter(served))
    site = served[edition]
    if edition == first:
        return site.documents
    reference, kept, folders = served[first], [], set()
    for document in site.documents:
        theirs = reference.root / document
        if not theirs.is_file() or article(site.root / document) != article(theirs):
            kept.append(document)
        elif (folder := document.rpartition("/")[0]) not in folders:
            folders.add(folder)
            kept.append(document)
    return kept


class Visits(dict[str, list[Visit]]):
    """Every page of an edition, visited once, the first time a test asks for that edition.

    `make test` runs each edition's tests on one worker (tests/conftest.py), so the two
    editions' walks can run on two workers at once; each prints first-load bytes and axe counts.
    """

    def __init__(self, browser: Browser, served: dict[str, Served]) -> None:
        super().__init__()
        self.browser, self.served = browser, served

    def __missing__(self, edition: str) -> list[Visit]:
        site = self.served[edition]
        pages = [visit_page(self.browser, site, doc) for doc in walked(edition, self.served)]
        self[edition] = pages
        _report(edition, pages)
        return pages


def _report(edition: str, pages: list[Visit]) -> None:
    by_doc = {v.document: v for v in pages}
    chapter = chapter_page(list(by_doc))
    REPORT.append(
        f"{edition}: first load of index.html {by_doc['index.html'].bytes:,} bytes, "
        f"of {chapter} {by_doc[chapter].bytes:,} bytes (budget {BUDGET:,}); "
        f"largest page {max(v.bytes for v in pages):,} bytes"
    )
    counts: Counter[str] = Counter()
    for visit in pages:
        for v in visit.axe + visit.axe_dark:
            counts[f"{v['impact']} {v['id']}"] += v["nodes"]
    moderate = sum(n for k, n in counts.items() if k.startswith("moderate"))
    minor = sum(n for k, n in counts.items() if k.startswith("minor"))
    detail = ", ".join(f"{k}: {n}" for k, n in sorted(counts.items())) or "none"
    REPORT.append(
        f"{edition}: axe on {len(pages)} pages: {moderate} moderate, {minor} minor ({detail})"
    )


@pytest.fixture(scope="session")
def visits(browser: Browser, served: dict[str, Served]) -> Visits:
    """Every page of each edition a test asks for, visited once (:class:`Visits`)."""
    return Visits(browser, served)


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh desktop browser context for one test."""
    ctx = browser.new_context(viewport=DESKTOP)
    yield ctx
    ctx.close()


def pytest_sessionfinish(session: pytest.Session) -> None:
    """In an xdist worker, hand what the browser tests measured to the controller, which
    prints it (tests/conftest.py): a worker's own terminal summary is never shown."""
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput[WORKER_REPORT] = list(REPORT)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print what the browser tests measured, pass or fail (a run without xdist)."""
    if REPORT:
        terminalreporter.section("site as a browser sees it")
        for line in REPORT:
            terminalreporter.write_line(line)
