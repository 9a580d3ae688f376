"""Debian's Chromium as every browser-driving part of the project launches it.

The PDF handouts (``make pdf``), the browser tests and the page-weight benchmark
all drive the same Chromium with the same flags, quiet on a closed network:
never a browser downloaded by ``playwright install``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from brakes.errors import BrakesError

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CHROMIUM = Path("/usr/bin/chromium")
#: No sandbox (root in CI), no GPU, and nothing that reaches the network on its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, driven by Playwright (imported here, not with this module)."""
    if not CHROMIUM.is_file():
        raise BrakesError(f"no Chromium at {CHROMIUM}: install it (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
