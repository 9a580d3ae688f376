"""Data sources: explicit seeds and folders, and the default source behind the learner's load()."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from brakes.data import (
    DEFAULT_SEED,
    FolderSource,
    SeedSource,
    active_source,
    load,
    use,
    write_tables,
)
from brakes.errors import BrakesError

Tables = dict[str, pd.DataFrame]

pytestmark = pytest.mark.usefixtures("fresh_source")


def test_default_source_is_the_default_seed() -> None:
    assert active_source() == f"seed {DEFAULT_SEED}"


def test_load_returns_a_typed_copy(tables_for: Callable[[int], Tables]) -> None:
    first = load("campaigns")
    pd.testing.assert_frame_equal(first, tables_for(DEFAULT_SEED)["campaigns"])
    first.loc[:, "budget_eur"] = 0
    del first["name"]
    pd.testing.assert_frame_equal(load("campaigns"), tables_for(DEFAULT_SEED)["campaigns"])


def test_an_explicit_seed_is_read_once_and_leaves_the_default_alone(
    tables_for: Callable[[int], Tables],
) -> None:
    pd.testing.assert_frame_equal(load("sales", seed=7), tables_for(7)["sales"])
    assert active_source() == f"seed {DEFAULT_SEED}"
    pd.testing.assert_frame_equal(load("sales"), tables_for(DEFAULT_SEED)["sales"])


def test_sources_are_values_passed_around(tables_for: Callable[[int], Tables]) -> None:
    seven, published = SeedSource(7), SeedSource(DEFAULT_SEED)
    for _ in range(2):  # interleaved, each keeps its own tables
        pd.testing.assert_frame_equal(seven.load("staff"), tables_for(7)["staff"])
        pd.testing.assert_frame_equal(published.load("staff"), tables_for(DEFAULT_SEED)["staff"])
    assert SeedSource(7) == seven and str(seven) == "seed 7"


def test_scale_applies_to_generated_data() -> None:
    assert len(load("mentions", seed=DEFAULT_SEED, scale=0.5)) == 20_000
    assert len(SeedSource(DEFAULT_SEED, 0.5).load("support")) == 2_000
    # Another seed's world has its own volume: scale multiplies it.
    whole = len(SeedSource(3).load("support"))
    use(seed=3, scale=0.25)
    assert active_source() == "seed 3, scale 0.25"
    assert abs(len(load("support")) - whole / 4) <= 1


def test_use_a_seed_then_reset(tables_for: Callable[[int], Tables]) -> None:
    chosen = use(seed=7)
    assert chosen == SeedSource(7) and active_source() == "seed 7"
    pd.testing.assert_frame_equal(load("staff"), tables_for(7)["staff"])
    use()
    assert active_source() == f"seed {DEFAULT_SEED}"


def test_use_a_folder_of_files(tables_for: Callable[[int], Tables], tmp_path: Path) -> None:
    write_tables({"support": tables_for(7)["support"]}, tmp_path, fmt="parquet")
    use(data_dir=tmp_path)
    assert active_source() == f"folder {tmp_path.resolve()}"
    pd.testing.assert_frame_equal(load("support"), tables_for(7)["support"])
    pd.testing.assert_frame_equal(FolderSource(tmp_path).load("support"), tables_for(7)["support"])
    with pytest.raises(BrakesError, match="scale only applies to generated data"):
        load("support", scale=2)


def test_a_rewritten_file_is_read_again(
    tables_for: Callable[[int], Tables], tmp_path: Path
) -> None:
    write_tables({"campaigns": tables_for(7)["campaigns"]}, tmp_path)
    folder = FolderSource(tmp_path)
    folder.load("campaigns")
    write_tables({"campaigns": tables_for(1)["campaigns"]}, tmp_path)
    pd.testing.assert_frame_equal(folder.load("campaigns"), tables_for(1)["campaigns"])


def test_environment_chooses_the_default_source(
    tables_for: Callable[[int], Tables], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRAKES_SEED", "7")
    assert active_source() == "seed 7"
    write_tables({"page_daily": tables_for(1)["page_daily"]}, tmp_path)
    monkeypatch.setenv("BRAKES_DATA_DIR", str(tmp_path))
    assert active_source() == "seed 7", "settings are resolved once per process (kernel)"
    use()  # back to the settings, resolved again
    assert active_source() == f"folder {tmp_path.resolve()}"
    pd.testing.assert_frame_equal(load("page_daily"), tables_for(1)["page_daily"])
    use(seed=2)
    assert active_source() == "seed 2"


@pytest.mark.parametrize("value", ["lots", "-3", "1.5"])
def test_a_bad_environment_seed_is_a_clear_user_error(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("BRAKES_SEED", value)
    with pytest.raises(BrakesError, match="BRAKES_SEED must be a whole number"):
        active_source()


def test_user_errors_say_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(BrakesError, match="unknown table 'mention'; choose one of: mentions, "):
        load("mention")
    with pytest.raises(BrakesError, match="seed must be 0 or more"):
        load("mentions", seed=-3)
    with pytest.raises(BrakesError, match="either a seed or a data_dir"):
        use(seed=1, data_dir=tmp_path)
    with pytest.raises(BrakesError, match="does not exist"):
        use(data_dir=tmp_path / "missing")
    with pytest.raises(BrakesError, match=r"no mentions\.csv or mentions\.parquet"):
        FolderSource(tmp_path).load("mentions")
