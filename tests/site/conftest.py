"""Fixtures of the site tests (the two editions' builds are in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mini_site import build_mini_site


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A two-page site with a hidden code cell, a checklist, a table and the launch button on."""
    return build_mini_site(tmp_path_factory.mktemp("mini"))
