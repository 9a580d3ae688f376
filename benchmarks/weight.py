"""Each page's first load, as Chromium makes it: the HTML and everything it requests.

Every page of the built site is opened in a fresh browser context (empty
cache) from a local HTTP server, as the browser tests do; the bodies of its
successful responses are summed as received (uncompressed) and once more
gzip-compressed (level 6, what a web server would typically send).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from brakes.trainer.browser import CHROMIUM, CHROMIUM_ARGS


class Quiet(http.server.SimpleHTTPRequestHandler):
    """A static file server that keeps no access log."""

    def log_message(self, format: str, *args: Any) -> None:
        """No access log in the benchmark's output."""


def documents(site: Path) -> list[str]:
    """The site's own pages, relative to its root (not the theme's files under ``_static/``)."""
    return sorted(
        page.relative_to(site).as_posix()
        for page in site.rglob("*.html")
        if not page.relative_to(site).parts[0].startswith("_")
    )


@contextmanager
def serve(site: Path, handler_class: type[Quiet] = Quiet) -> Iterator[str]:
    """The site on 127.0.0.1 (a free port), for the length of the block, served by
    ``handler_class`` (the benchmarks' servers differ only in it); yields its base URL."""
    handler = functools.partial(handler_class, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def missing_tools() -> str | None:
    """Why the page weights cannot be measured here, or None."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (`make test` installs it: apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (it is in requirements.lock)"
    return None


def first_load(browser: Any, url: str) -> tuple[dict[str, bytes], list[str]]:
    """One page load in a fresh context: each successful response's body by URL, and failures."""
    context = browser.new_context()
    try:
        page = context.new_page()
        responses: list[Any] = []
        failed: list[str] = []
        page.on("response", lambda response: responses.append(response))
        page.on("requestfailed", lambda request: failed.append(request.url))
        page.goto(url, wait_until="networkidle")
        failed += [f"{r.url} ({r.status})" for r in responses if r.status >= 400]
        return {r.url: r.body() for r in responses if 200 <= r.status < 300}, failed
    finally:
        context.close()


def bench_weight(site: Path) -> dict[str, Any]:
    """Bytes of each page's first load, uncompressed and gzipped; the heaviest page."""
    from playwright.sync_api import sync_playwright

    pages: dict[str, dict[str, int]] = {}
    heaviest_assets: dict[str, int] = {}
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for document in documents(site):
                bodies, failed = first_load(browser, base + document)
                pages[document] = {
                    "bytes": sum(len(body) for body in bodies.values()),
                    "gzip_bytes": sum(len(gzip.compress(b, 6)) for b in bodies.values()),
                    "requests": len(bodies),
                    "failed": [url.removeprefix(base) for url in failed],
                }
                if pages[document]["bytes"] >= max(p["bytes"] for p in pages.values()):
                    heaviest_assets = {
                        url.removeprefix(base): len(body) for url, body in bodies.items()
                    }
        finally:
            browser.close()
    heaviest = max(pages, key=lambda doc: pages[doc]["bytes"])
    return {
        "pages": pages,
        "heaviest_page": heaviest,
        "heaviest_bytes": pages[heaviest]["bytes"],
        "heaviest_gzip_bytes": pages[heaviest]["gzip_bytes"],
        "heaviest_page_assets": dict(
            sorted(heaviest_assets.items(), key=lambda item: item[1], reverse=True)[:8]
        ),
        "largest_gzip_bytes": max(p["gzip_bytes"] for p in pages.values()),
        "failed_requests": sum(len(p["failed"]) for p in pages.values()),
    }
