"""Fixtures of the site tests (the two editions' builds are in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mini_site import build_mini_site


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A three-page site: hidden code cell, checklist, table, minutes, dictionary, launch button."""
    return build_mini_site(tmp_path_factory.mktemp("mini"))
