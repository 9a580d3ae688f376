"""Both editions of the site as the tests read them: built once per test run, whatever the workers.

Each edition builds into ``_build/test/<edition>/html`` with the README's flags, with
the notebook cache MyST-NB keeps beside it (``_build/test/<edition>/.jupyter_cache``).
A lock file per edition makes the first pytest-xdist worker that needs an edition build
it while the others wait and then read what it recorded; a worker that needs both builds
first the one no other worker is building, so two workers build the two editions at
once. The record names the test run (:data:`RUN`), so a later run builds again, from
clean output folders.

``make test`` fills both caches from nbval's run of the solution notebooks
(``nbval_feeds_cache.py``), so these builds execute no notebook: each solution
notebook runs once for nbval and the site together. Run alone, a build executes
what its cache lacks, as ``make site`` does.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from brakes.config import COURSE

#: Where the tests' builds and their notebook caches live (outside the source scan: _build).
TEST_BUILD = COURSE.root / "_build" / "test"
#: The environment variable naming this test run, set once by the controller (tests/conftest.py).
RUN = "BRAKES_TEST_RUN"


@dataclass(frozen=True)
class BuiltSite:
    """One edition's HTML output and what sphinx-build said while making it."""

    edition: str
    html: Path
    returncode: int
    log: str

    def pages(self) -> list[Path]:
        """Every HTML page of the edition."""
        return sorted(self.html.rglob("*.html"))

    def documents(self) -> list[str]:
        """The site's own pages, as paths relative to its root (``course/glossary.html``).

        Leaves out the theme's template files that Sphinx copies into ``_static/``.
        """
        return [
            page.relative_to(self.html).as_posix()
            for page in self.pages()
            if not page.relative_to(self.html).parts[0].startswith("_")
        ]


def cache_of(edition: str) -> Path:
    """The notebook cache MyST-NB uses for ``edition``: beside its output folder."""
    return TEST_BUILD / edition / ".jupyter_cache"


class Busy(Exception):
    """Another process holds the lock asked for without waiting."""


@contextmanager
def locked(edition: str, wait: bool = True) -> Iterator[None]:
    """Hold ``edition``'s lock: one process at a time builds it or writes to its cache.

    With ``wait=False``, raise :class:`Busy` at once if another process holds it.
    """
    TEST_BUILD.mkdir(parents=True, exist_ok=True)
    with (TEST_BUILD / f"{edition}.lock").open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError as busy:
            raise Busy(edition) from busy
        yield


def build(edition: str, out: Path) -> BuiltSite:
    """Run sphinx-build with the README's flags (-W --keep-going -n) for one edition."""
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-b", "html"]
    if edition == "trainer":
        command += ["-t", COURSE.trainer_tag]
    command += [str(COURSE.root), str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    return BuiltSite(edition, out, result.returncode, result.stdout + result.stderr)


def built(edition: str, wait: bool = True) -> BuiltSite:
    """``edition`` as built in this test run: built now from a clean output folder, or read back.

    The notebook cache is kept from run to run (it follows the course's code, see
    ``brakes.sphinxext.execution``); the HTML never is, so every run sees a whole
    build's warnings. With ``wait=False``, raise :class:`Busy` if another worker is at it.
    """
    run = os.environ[RUN]
    html, record = TEST_BUILD / edition / "html", TEST_BUILD / f"{edition}.json"
    with locked(edition, wait):
        if record.is_file():
            saved = json.loads(record.read_text(encoding="utf-8"))
            if saved["run"] == run:
                return BuiltSite(edition, html, saved["returncode"], saved["log"])
        shutil.rmtree(html, ignore_errors=True)
        site = build(edition, html)
        saved = {"run": run, "returncode": site.returncode, "log": site.log}
        record.write_text(json.dumps(saved), encoding="utf-8")
        return site


def built_all(editions: tuple[str, ...]) -> dict[str, BuiltSite]:
    """Every edition of ``editions``: first those no other worker is building, then the rest."""
    sites: dict[str, BuiltSite] = {}
    while len(sites) < len(editions):
        left = [edition for edition in editions if edition not in sites]
        for edition in left:
            try:
                sites[edition] = built(edition, wait=False)
                break
            except Busy:
                continue
        else:  # every one left is being built elsewhere: wait for the first
            sites[left[0]] = built(left[0])
    return {edition: sites[edition] for edition in editions}
