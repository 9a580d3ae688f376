"""Shared fixtures: both editions of the site, built once per test session.

The site tests (``tests/site/``) and the browser tests (``tests/browser/``)
read the same two builds, as `make site` and `make trainer` make them.

Hypothesis runs the "fast" profile (25 examples per property) unless
``HYPOTHESIS_PROFILE=thorough`` (250 examples; `make test` sets it).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from brakes.config import COURSE
from brakes.data import use

_HYPOTHESIS = {"deadline": None, "suppress_health_check": list(HealthCheck), "database": None}
settings.register_profile("fast", max_examples=25, **_HYPOTHESIS)
settings.register_profile("thorough", max_examples=250, **_HYPOTHESIS)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))


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


def build(edition: str, out: Path) -> BuiltSite:
    """Run sphinx-build with the README's flags (-W --keep-going -n) for one edition."""
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-b", "html"]
    if edition == "trainer":
        command += ["-t", COURSE.trainer_tag]
    command += [str(COURSE.root), str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    return BuiltSite(edition, out, result.returncode, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BuiltSite]:
    """Both editions, built side by side in one temporary folder (sharing the notebook cache)."""
    root = tmp_path_factory.mktemp("site")
    return {edition: build(edition, root / edition) for edition in COURSE.editions}


@pytest.fixture(autouse=True)
def _reset_data_source() -> Iterator[None]:
    """Each test starts from the default data source, whatever seed the last one loaded."""
    yield
    use()
