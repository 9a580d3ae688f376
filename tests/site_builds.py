"""Both editions of the site as the tests read them: built once per test run, whatever the workers.

Each edition builds into ``_build/test/<edition>`` with the README's flags; both
share the notebook cache MyST-NB keeps beside them (``_build/test/.jupyter_cache``),
so a notebook runs for one edition at most. A lock file makes the first pytest-xdist
worker that needs the site build it, one edition after the other, while the others
wait and then read what it recorded; the record names the test run (:data:`RUN`), so
a later run builds again, from clean output folders.

``make test`` fills the cache from nbval's run of the solution notebooks
(``nbval_feeds_cache.py``), so these builds execute no notebook: each solution
notebook runs once for nbval and the site together. Run alone, a build executes
what the cache lacks, as ``make site`` does.
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


#: The notebook cache MyST-NB uses for both editions: beside their output folders.
CACHE = TEST_BUILD / ".jupyter_cache"


@contextmanager
def locked() -> Iterator[None]:
    """Hold the builds' lock: one process at a time builds an edition or writes to the cache."""
    TEST_BUILD.mkdir(parents=True, exist_ok=True)
    with (TEST_BUILD / "build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def build(edition: str, out: Path) -> BuiltSite:
    """Run sphinx-build with the README's flags (-W --keep-going -n) for one edition."""
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-b", "html"]
    if edition == "trainer":
        command += ["-t", COURSE.trainer_tag]
    command += [str(COURSE.root), str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    return BuiltSite(edition, out, result.returncode, result.stdout + result.stderr)


def built(edition: str) -> BuiltSite:
    """``edition`` as built in this test run: built now from a clean output folder, or read back.

    The notebook cache is kept from run to run (it follows the course's code, see
    ``brakes.sphinxext.execution``); the HTML never is, so every run sees a whole
    build's warnings.
    """
    run = os.environ[RUN]
    html, record = TEST_BUILD / edition, TEST_BUILD / f"{edition}.json"
    with locked():
        if record.is_file():
            saved = json.loads(record.read_text(encoding="utf-8"))
            if saved["run"] == run:
                return BuiltSite(edition, html, saved["returncode"], saved["log"])
        shutil.rmtree(html, ignore_errors=True)
        site = build(edition, html)
        saved = {"run": run, "returncode": site.returncode, "log": site.log}
        record.write_text(json.dumps(saved), encoding="utf-8")
        return site
