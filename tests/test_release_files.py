"""Licences, citation and changelog name the version the package reports."""

from __future__ import annotations

import re

from brakes import __version__
from brakes.config import COURSE


def test_citation_and_changelog_name_the_package_version() -> None:
    citation = (COURSE.root / "CITATION.cff").read_text(encoding="utf-8")
    assert re.search(rf'^version: "{re.escape(__version__)}"$', citation, re.M)
    changelog = (COURSE.root / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{__version__}]" in changelog


def test_code_and_content_licences_are_both_there() -> None:
    assert "MIT License" in (COURSE.root / "LICENSE").read_text(encoding="utf-8")
    content = (COURSE.root / "LICENSE-CONTENT.md").read_text(encoding="utf-8")
    assert "creativecommons.org/licenses/by/4.0" in content
