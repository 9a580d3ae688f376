"""Write the tables to a folder (CSV or parquet) and read them back with their dtypes.

A workshop kit ships the tables as files; :func:`read_tables` turns them
back into exactly the frames :func:`brakes.data.generate` makes.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from brakes.data import schema
from brakes.errors import BrakesError

FORMATS = ("csv", "parquet")


def _need_parquet_engine(what: str) -> None:
    """Parquet files need pyarrow, an optional extra (170 MB) that CSV users never install."""
    if importlib.util.find_spec("pyarrow") is None:
        raise BrakesError(
            f"{what} needs pyarrow, which is not installed: run "
            "`pip install 'brakes[parquet]'`, or use CSV files (the default)."
        )


def write_tables(
    tables: Mapping[str, pd.DataFrame], out_dir: str | Path, fmt: str = "csv"
) -> list[Path]:
    """Write each table to ``out_dir/<name>.<fmt>`` and return the paths, in schema order.

    CSV files are UTF-8 with ``\\n`` line ends, dates as ``YYYY-MM-DD`` and
    times as ``YYYY-MM-DD HH:MM:SS``, so one seed gives the same bytes anywhere.
    """
    if fmt not in FORMATS:
        raise BrakesError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    for name in tables:
        schema.table(name)
    if fmt == "parquet":
        _need_parquet_engine("writing parquet files")
    folder = Path(out_dir)
    if folder.exists() and not folder.is_dir():
        raise BrakesError(f"{folder} is a file; give a folder to write the tables into.")
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in (n for n in schema.TABLES if n in tables):
        frame = schema.coerce(tables[name], name, origin="the tables to write")
        path = folder / f"{name}.{fmt}"
        if fmt == "csv":
            _csv_ready(frame, name).to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
        else:
            frame.to_parquet(path, index=False)
        paths.append(path)
    return paths


def _csv_ready(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """A copy of ``frame`` with dates written in the fixed CSV format of the schema."""
    ready = frame.copy()
    for column in schema.TABLES[name].columns:
        if column.dtype in schema.CSV_FORMATS:
            ready[column.name] = ready[column.name].dt.strftime(schema.CSV_FORMATS[column.dtype])
    return ready


def table_file(folder: str | Path, name: str) -> Path:
    """The file holding table ``name`` in ``folder``: its CSV, else its parquet file."""
    schema.table(name)
    folder = Path(folder)
    for fmt in FORMATS:
        path = folder / f"{name}.{fmt}"
        if path.is_file():
            return path
    raise BrakesError(
        f"{folder} has no {name}.csv or {name}.parquet; write the tables there with "
        "`brakes data --out` or brakes.data.write_tables."
    )


def read_table(folder: str | Path, name: str) -> pd.DataFrame:
    """Read table ``name`` from ``folder`` and give it the schema's dtypes."""
    path = table_file(folder, name)
    spec = schema.TABLES[name]
    try:
        if path.suffix == ".csv":
            text_columns = {c.name: "str" for c in spec.columns if not _is_number(c.dtype)}
            frame = pd.read_csv(
                path,
                dtype=text_columns,
                keep_default_na=False,
                na_values=[""],
                encoding="utf-8",
            )
        else:
            _need_parquet_engine(f"reading {path}")
            frame = pd.read_parquet(path)
    except (OSError, ValueError, pd.errors.ParserError) as error:
        raise BrakesError(
            f"cannot read {path} ({error}); write it again with `brakes data`."
        ) from None
    return schema.coerce(frame, name, origin=str(path))


def read_tables(path: str | Path, names: Iterable[str] | None = None) -> dict[str, pd.DataFrame]:
    """Read every table (or those in ``names``) from the folder ``path``, typed by the schema."""
    folder = Path(path)
    if not folder.is_dir():
        raise BrakesError(f"{folder} is not a folder; give the folder the tables were written to.")
    return {name: read_table(folder, name) for name in (names or schema.TABLES)}


def _is_number(dtype: str) -> bool:
    return dtype in ("int64", "Int64", "float64")
