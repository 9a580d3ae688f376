"""Shared fixtures for the data tests: generated tables, cached once per seed for the session."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pandas as pd
import pytest

from brakes.data import generate, use

Tables = dict[str, pd.DataFrame]


@pytest.fixture(scope="session")
def tables_for() -> Callable[[int], Tables]:
    """A function giving every table for a seed, generated once per session (do not modify)."""
    cache: dict[int, Tables] = {}

    def get(seed: int) -> Tables:
        if seed not in cache:
            cache[seed] = generate(seed)
        return cache[seed]

    return get


@pytest.fixture
def fresh_source(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Forget the active source before and after a test, with no BRAKES_* variable set."""
    monkeypatch.delenv("BRAKES_DATA_DIR", raising=False)
    monkeypatch.delenv("BRAKES_SEED", raising=False)
    use()
    yield
    use()
