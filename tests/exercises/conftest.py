"""Fixtures for the exercise engine tests: fake data, and the real data when it exists."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pytest
from exercise_helpers import fake_tables, make_load

from brakes.exercises.question import HINTS_SHOWN


@pytest.fixture(scope="session")
def tables() -> dict[str, pd.DataFrame]:
    """The hand-made tables (never modify them in a test)."""
    return fake_tables()


@pytest.fixture(scope="session")
def fake_load(tables: dict[str, pd.DataFrame]) -> Callable[[str], pd.DataFrame]:
    """``brakes.data.load`` over the hand-made tables."""
    return make_load(tables)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Report how many hostile inputs the never-raises property tests ran."""
    module = __import__("sys").modules.get("test_never_raises")
    counts = getattr(module, "EXAMPLE_COUNTS", None)
    if counts:
        terminalreporter.write_sep("-", "hypothesis: examples per target")
        for target, n in sorted(counts.items()):
            terminalreporter.write_line(f"{target}: {n}")
        terminalreporter.write_line(f"total: {sum(counts.values())}")


@pytest.fixture(autouse=True)
def _fresh_hint_log() -> None:
    """Each test starts with no hint shown (the kernel-wide log survives re-run cells)."""
    HINTS_SHOWN.clear()
