"""The data dictionary page, written at build time from ``brakes.data.schema`` and the data itself.

The page's source holds only an introduction and a ``{brakes-data-dictionary}``
fence; this module replaces the fence with one section per table, so the
dictionary cannot drift from the code that makes the data.
"""

from __future__ import annotations

import re

import pandas as pd
from sphinx.application import Sphinx

FENCE = re.compile(r"^```\{brakes-data-dictionary\}\s*\n```\s*$", re.MULTILINE)


def _cell(text: str) -> str:
    """Make text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def example_values(series: pd.Series, limit: int = 4) -> str:
    """A short, readable hint of what a column holds: a range for numbers and dates, else values."""
    values = series.dropna()
    if values.empty:
        return "(always empty)"
    if pd.api.types.is_bool_dtype(values):
        return ", ".join(f"`{v}`" for v in sorted(values.unique()))
    if pd.api.types.is_datetime64_any_dtype(values):
        return f"{values.min():%Y-%m-%d} to {values.max():%Y-%m-%d}"
    if pd.api.types.is_numeric_dtype(values):
        low, mid, high = values.min(), values.median(), values.max()
        return f"{low:,.4g} to {high:,.4g} (median {mid:,.4g})"
    common = values.astype("string").value_counts().index[:limit]
    more = values.nunique() - len(common)
    shown = ", ".join(f"`{_cell(str(v))}`" for v in common)
    return shown + (f" and {more:,} more" if more > 0 else "")


def render_markdown() -> str:
    """One Markdown section per table: what a row is, its size, and each column's meaning."""
    from brakes.data import DEFAULT_SEED, TABLE_NAMES, load, schema

    parts: list[str] = []
    for name in TABLE_NAMES:
        table = schema.TABLES[name]
        frame = load(name, seed=DEFAULT_SEED)
        parts.append(f"## `{name}`: {table.title}\n")
        parts.append(f"{table.description}\n")
        parts.append(
            f"One row per {table.grain}; {len(frame):,} rows and {frame.shape[1]} columns "
            f"with the default seed ({DEFAULT_SEED}).\n"
        )
        parts.append("| Column | Type | Unit | Meaning | Example values |")
        parts.append("| --- | --- | --- | --- | --- |")
        for column in table.columns:
            parts.append(
                f"| `{column.name}` | `{frame[column.name].dtype}` | {_cell(column.unit or '')} "
                f"| {_cell(column.description)} | {example_values(frame[column.name])} |"
            )
        parts.append("")
    return "\n".join(parts)


def _fill(app: Sphinx, docname: str, source: list[str]) -> None:
    if FENCE.search(source[0]):
        source[0] = FENCE.sub(lambda _: render_markdown(), source[0])


def _always_reread(app: Sphinx, env: object, added: set, changed: set, removed: set) -> list[str]:
    """Re-read the dictionary on every build: the code it comes from is not a Sphinx source."""
    return [doc for doc in app.env.found_docs if doc.endswith("data-dictionary")]


def setup(app: Sphinx) -> None:
    """Fill the data dictionary page when Sphinx reads it."""
    app.connect("source-read", _fill)
    app.connect("env-get-outdated", _always_reread)
