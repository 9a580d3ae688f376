"""Writing tables to a folder and reading them back gives the very same typed frames."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from brakes.data import TABLE_NAMES, read_tables, write_tables
from brakes.errors import BrakesError

Tables = dict[str, pd.DataFrame]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_reading_back_gives_equal_frames(
    tables_for: Callable[[int], Tables], tmp_path: Path, fmt: str
) -> None:
    tables = tables_for(7)
    paths = write_tables(tables, tmp_path, fmt=fmt)
    assert paths == [tmp_path / f"{name}.{fmt}" for name in TABLE_NAMES]
    back = read_tables(tmp_path)
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(back[name], tables[name], check_exact=True)


def test_csv_files_use_fixed_formats(tables_for: Callable[[int], Tables], tmp_path: Path) -> None:
    write_tables(tables_for(7), tmp_path)
    mentions = (tmp_path / "mentions.csv").read_bytes()
    assert b"\r\n" not in mentions
    header, first = mentions.decode("utf-8").splitlines()[:2]
    assert header.startswith("mention_id,published_at,channel")
    assert first.split(",")[1].count(":") == 2
    week = (tmp_path / "sales.csv").read_text(encoding="utf-8").splitlines()[1].split(",")[0]
    assert len(week) == len("2025-01-06")


def test_a_subset_of_tables_can_be_written_and_read(
    tables_for: Callable[[int], Tables], tmp_path: Path
) -> None:
    tables = tables_for(7)
    write_tables({"sales": tables["sales"]}, tmp_path)
    back = read_tables(tmp_path, names=["sales"])
    pd.testing.assert_frame_equal(back["sales"], tables["sales"])


def test_unknown_format_is_refused(tables_for: Callable[[int], Tables], tmp_path: Path) -> None:
    with pytest.raises(BrakesError, match="unknown format 'xlsx'; choose one of: csv, parquet"):
        write_tables(tables_for(7), tmp_path, fmt="xlsx")


def test_unknown_table_is_refused(tables_for: Callable[[int], Tables], tmp_path: Path) -> None:
    with pytest.raises(BrakesError, match="unknown table 'sale'"):
        write_tables({"sale": tables_for(7)["sales"]}, tmp_path)


def test_a_folder_missing_a_table_says_which(
    tables_for: Callable[[int], Tables], tmp_path: Path
) -> None:
    tables = tables_for(7)
    write_tables({name: tables[name] for name in TABLE_NAMES if name != "support"}, tmp_path)
    with pytest.raises(BrakesError, match=r"no support\.csv or support\.parquet"):
        read_tables(tmp_path)


def test_reading_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BrakesError, match="is not a folder"):
        read_tables(tmp_path / "nowhere")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda frame: frame.drop(columns="units"), "wrong columns .*missing units"),
        (lambda frame: frame.assign(extra=1), "wrong columns .*unexpected extra"),
        (lambda frame: frame.assign(product_line="Blender"), "unknown label 'Blender'"),
        (lambda frame: frame.assign(units="many"), "cannot be read as whole number"),
    ],
)
def test_a_damaged_file_is_a_clear_user_error(
    tables_for: Callable[[int], Tables],
    tmp_path: Path,
    edit: Callable[[pd.DataFrame], pd.DataFrame],
    message: str,
) -> None:
    write_tables({"sales": tables_for(7)["sales"]}, tmp_path)
    damaged = edit(pd.read_csv(tmp_path / "sales.csv"))
    damaged.to_csv(tmp_path / "sales.csv", index=False)
    with pytest.raises(BrakesError, match=message):
        read_tables(tmp_path, names=["sales"])


def test_a_damaged_boolean_is_a_clear_user_error(
    tables_for: Callable[[int], Tables], tmp_path: Path
) -> None:
    write_tables({"campaigns": tables_for(7)["campaigns"]}, tmp_path)
    frame = pd.read_csv(tmp_path / "campaigns.csv", dtype=str)
    frame.loc[0, "shared_with_other_departments"] = "yes"
    frame.to_csv(tmp_path / "campaigns.csv", index=False)
    with pytest.raises(BrakesError, match="holds 'yes'; it may only hold True or False"):
        read_tables(tmp_path, names=["campaigns"])


def test_parquet_without_pyarrow_names_the_extra_to_install(
    tables_for: Callable[[int], Tables], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tables = tables_for(7)
    write_tables({"sales": tables["sales"]}, tmp_path, fmt="parquet")
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *args: None if name == "pyarrow" else real_find_spec(name, *args),
    )
    with pytest.raises(BrakesError, match=r"pip install 'brakes\[parquet\]'"):
        write_tables({"sales": tables["sales"]}, tmp_path / "again", fmt="parquet")
    with pytest.raises(BrakesError, match=r"reading .*sales\.parquet needs pyarrow"):
        read_tables(tmp_path, names=["sales"])
    assert not (tmp_path / "again").exists(), "nothing is written when the engine is missing"
