"""JupyterLab as a learner meets it: the kit's own JupyterLab, driven in Chromium by Playwright.

:func:`start_lab` serves a folder of notebooks with the ``jupyter`` of the kit's
environment, with JupyterLab's settings as the kit's wheel installs them there
(news and update checks off) and every other Jupyter folder (user settings,
workspaces, kernels, runtime) a temporary one,
so nothing from this machine's home changes what the test sees. :class:`Notebook`
does what a learner does in an open notebook: run all, type into a cell, add a
cell, copy an output's text, and read what the page displays.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

#: Environment variable naming a folder for screenshots (for the issue's closing note).
SHOTS = "BRAKES_LAB_SHOTS"

#: How long a kernel may take to start, or a notebook to run all its cells.
KERNEL_TIMEOUT_MS = 90_000

#: What one cell's input prompt shows once it ran: "[12]:", never "[*]:" or "[ ]:".
_RAN = re.compile(r"\[\d+\]")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Lab:
    """A running JupyterLab server: its address, its process and its log."""

    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def stop(self) -> None:
        """Stop the server and the kernels it started (its own process group)."""
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def start_lab(jupyter: Path, root: Path, scratch: Path) -> Lab:
    """Serve ``root`` with ``jupyter lab`` on a free port of 127.0.0.1, without a token.

    ``scratch`` holds the server's settings, workspaces, Jupyter folders and log.
    """
    folders = {
        name: scratch / name.lower()
        for name in (
            "JUPYTER_CONFIG_DIR",
            "JUPYTER_DATA_DIR",
            "JUPYTER_RUNTIME_DIR",
            "JUPYTERLAB_SETTINGS_DIR",
            "JUPYTERLAB_WORKSPACES_DIR",
        )
    }
    for folder in folders.values():
        folder.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env.update({name: str(folder) for name, folder in folders.items()})
    port = _free_port()
    log = scratch / "lab.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [
                str(jupyter),
                "lab",
                "--no-browser",
                "--allow-root",
                "--ip=127.0.0.1",
                f"--port={port}",
                "--ServerApp.port_retries=0",
                "--ServerApp.token=",
                f"--ServerApp.root_dir={root}",
            ],
            cwd=root,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, kernels included: stop() ends all
        )
    lab = Lab(f"http://127.0.0.1:{port}/lab", process, log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"jupyter lab stopped: {log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status", timeout=2):
                return lab
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.3)
    lab.stop()
    raise AssertionError(f"jupyter lab did not answer in 60 s: {log.read_text(errors='replace')}")


def listed_names(page: Page) -> list[str]:
    """The names the file browser lists, top to bottom, as displayed."""
    items = page.locator(".jp-DirListing-content .jp-DirListing-itemText")
    items.first.wait_for()
    return items.all_inner_texts()


def shoot(page: Page, cell: Locator, name: str) -> None:
    """A screenshot of the page with ``cell`` in view, into $BRAKES_LAB_SHOTS if it is set."""
    folder = os.environ.get(SHOTS)
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    Notebook.show(cell)
    page.evaluate("() => window.getSelection().removeAllRanges()")
    page.screenshot(path=str(Path(folder) / f"{name}.png"))


#: The learner notebooks JupyterLab opens and runs in tests/kit/test_lab.py: their run there
#: as downloaded is their first of two per `make test` (the README's environment runs the others).
OPENED_IN_LAB = ("00-getting-started.ipynb", "01a-control-where-people-talk.ipynb")


class Notebook:
    """One notebook open in JupyterLab's main area, driven as a learner drives it."""

    def __init__(self, page: Page, name: str) -> None:
        self.page = page
        self.name = name
        self.cells = page.locator(".jp-NotebookPanel:visible .jp-Notebook .jp-Cell")

    def activate(self) -> Notebook:
        """Bring this notebook's tab to the front (the locators read the visible notebook)."""
        self.page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab", has_text=self.name).click()
        expect(self.page.locator(".jp-NotebookPanel:visible .jp-Notebook")).to_be_visible()
        return self

    @classmethod
    def open(cls, page: Page, name: str) -> Notebook:
        """Open ``name`` by double-clicking it in the file browser; wait for its kernel."""
        page.locator(".jp-DirListing-item", has_text=name).dblclick()
        expect(page.locator(".jp-NotebookPanel:visible .jp-Notebook")).to_be_visible()
        expect(page.locator("#jp-main-statusbar")).to_contain_text(
            "| Idle", timeout=KERNEL_TIMEOUT_MS
        )
        return cls(page, name)

    def menu(self, *path: str) -> None:
        """Click through the menu bar: ``menu("Run", "Run All Cells")``."""
        self.page.get_by_role("menuitem", name=path[0], exact=True).click()
        for item in path[1:]:
            self.page.get_by_role("menuitem", name=re.compile(f"^{re.escape(item)}")).click()

    def run_all(self) -> None:
        """Run > Run All Cells, then wait until the last code cell ran."""
        self.menu("Run", "Run All Cells")
        last = self.page.locator(".jp-NotebookPanel:visible .jp-CodeCell").last
        expect(last.locator(".jp-InputPrompt")).to_have_text(_RAN, timeout=KERNEL_TIMEOUT_MS)

    def cells_with(self, text: str) -> Locator:
        """The code cells whose source holds ``text``, top to bottom."""
        return self.cells.filter(has=self.page.locator(".cm-content", has_text=text))

    def cell(self, text: str) -> Locator:
        """The one code cell whose source holds ``text``, found by its place in the notebook.

        The place, not the text, stays the cell's handle while the learner rewrites it.
        """
        found = self.cells_with(text)
        expect(found).to_have_count(1)
        return self.cells.nth(self._place(found))

    @staticmethod
    def _place(cell: Locator) -> int:
        """Where ``cell`` is in its notebook, counting every cell from 0."""
        return cell.evaluate(
            "cell => [...cell.closest('.jp-Notebook').querySelectorAll('.jp-Cell')].indexOf(cell)"
        )

    def source(self, cell: Locator) -> str:
        """The cell's source as its editor holds it, one line per editor line."""
        return "\n".join(cell.locator(".cm-line").all_text_contents())

    def type_into(self, cell: Locator, code: str) -> None:
        """Click into ``cell``'s editor, select all and type ``code`` in its place."""
        editor = cell.locator(".cm-content")
        editor.click()
        self.page.keyboard.press("Control+a")
        self._type(code)

    def add_below(self, cell: Locator, code: str) -> Locator:
        """A new code cell under ``cell`` (Escape, then B), holding ``code`` as typed."""
        below = self.cells.nth(self._place(cell) + 1)
        cell.locator(".cm-content").click()
        self.page.keyboard.press("Escape")
        self.page.keyboard.press("b")
        expect(below).to_have_class(re.compile(r"\bjp-mod-active\b"))
        self.page.keyboard.press("Enter")
        self._type(code)
        return below

    def paste_into(self, cell: Locator, then: str = "") -> None:
        """Replace ``cell``'s source with the clipboard (Ctrl+A, Ctrl+V), then type ``then``."""
        cell.locator(".cm-content").click()
        self.page.keyboard.press("Control+a")
        self.page.keyboard.press("Control+v")
        self._type(then)

    def _type(self, code: str) -> None:
        """Type ``code`` key by key, a new line with Enter (top-level lines: nothing to indent)."""
        for number, line in enumerate(code.split("\n")):
            if number:
                self.page.keyboard.press("Enter")
            self.page.keyboard.type(line)

    def run(self, cell: Locator) -> None:
        """Run ``cell`` where it is (Ctrl+Enter), and wait until it ran."""
        prompt = cell.locator(".jp-InputPrompt")
        before = prompt.inner_text()
        cell.locator(".cm-content").click()
        self.page.keyboard.press("Control+Enter")
        expect(prompt).not_to_have_text(before, timeout=KERNEL_TIMEOUT_MS)
        expect(prompt).to_have_text(_RAN, timeout=KERNEL_TIMEOUT_MS)

    def output(self, cell: Locator) -> str:
        """What ``cell``'s output area displays, as the page renders it (its innerText).

        The cell is scrolled into view and painted first: JupyterLab leaves cells out of
        view unrendered, and an unrendered element has no innerText.
        """
        self.show(cell)
        area = cell.locator(".jp-OutputArea")
        return area.inner_text() if area.count() else ""

    @staticmethod
    def show(cell: Locator) -> None:
        """Scroll ``cell`` to the middle of the view and wait until it is painted."""
        cell.evaluate(
            "cell => new Promise(painted => { cell.scrollIntoView({block: 'center'});"
            " requestAnimationFrame(() => requestAnimationFrame(painted)); })"
        )

    def copy(self, element: Locator) -> str:
        """Select all of ``element``'s text and copy it (Ctrl+C); what the clipboard then holds.

        The clipboard is emptied first, so a copy that did not happen cannot pass for one.
        """
        self.page.evaluate("() => navigator.clipboard.writeText('')")
        self.show(element)
        element.evaluate(
            "node => { const range = document.createRange(); range.selectNodeContents(node);"
            " const selection = window.getSelection(); selection.removeAllRanges();"
            " selection.addRange(range); }"
        )
        self.page.keyboard.press("Control+c")
        return self.page.evaluate("() => navigator.clipboard.readText()")
