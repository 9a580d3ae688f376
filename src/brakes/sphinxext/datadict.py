"""The ``data-dictionary`` directive: one section per table of ``brakes.data.schema``.

In a MyST page::

    ```{data-dictionary}
    ```

    ```{data-dictionary} mentions
    ```

Without an argument it describes every table, in the schema's order; with a
table's name, that table only. Each section says what a row is, the table's
size with the default seed, and a table of its columns (type, unit, meaning,
example values), built as docutils nodes from the schema and the data itself,
so the dictionary cannot drift from the code that makes the data. The page is
read again whenever a module of ``brakes.data`` changes. ``brakes.data`` is
imported when a page uses the directive, not when Sphinx loads the extension.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

if TYPE_CHECKING:
    import pandas as pd

#: The headings of each table's column list, in order.
HEADINGS = ("Column", "Type", "Unit", "Meaning", "Example values")


def example_values(series: pd.Series, limit: int = 4) -> list[nodes.Node]:
    """A short, readable hint of what a column holds: a range for numbers and dates, else values."""
    import pandas as pd

    values = series.dropna()
    if values.empty:
        return [nodes.Text("(always empty)")]
    if pd.api.types.is_bool_dtype(values):
        return _literals([str(v) for v in sorted(values.unique())])
    if pd.api.types.is_datetime64_any_dtype(values):
        return [nodes.Text(f"{values.min():%Y-%m-%d} to {values.max():%Y-%m-%d}")]
    if pd.api.types.is_numeric_dtype(values):
        low, mid, high = values.min(), values.median(), values.max()
        return [nodes.Text(f"{low:,.4g} to {high:,.4g} (median {mid:,.4g})")]
    common = [str(v) for v in values.astype("string").value_counts().index[:limit]]
    more = values.nunique() - len(common)
    return _literals(common) + ([nodes.Text(f" and {more:,} more")] if more > 0 else [])


def _literals(values: list[str]) -> list[nodes.Node]:
    """``a``, ``b``, ``c`` as inline code, separated by commas."""
    parts: list[nodes.Node] = []
    for value in values:
        if parts:
            parts.append(nodes.Text(", "))
        parts.append(nodes.literal(value, value))
    return parts


def _row(cells: list[list[nodes.Node]]) -> nodes.row:
    row = nodes.row()
    for content in cells:
        entry = nodes.entry()
        entry += nodes.paragraph("", "", *content)
        row += entry
    return row


def _text(value: str) -> list[nodes.Node]:
    return [nodes.Text(value)] if value else []


def columns_table(name: str, frame: pd.DataFrame) -> nodes.table:
    """The table of one data table's columns: name, dtype, unit, meaning, example values."""
    from brakes.data import schema

    table = nodes.table(classes=["brakes-data-dictionary"])
    group = nodes.tgroup(cols=len(HEADINGS))
    table += group
    for width in (18, 12, 10, 35, 25):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    head += _row([_text(heading) for heading in HEADINGS])
    group += head
    body = nodes.tbody()
    for column in schema.table(name).columns:
        dtype = str(frame[column.name].dtype)
        body += _row(
            [
                [nodes.literal(column.name, column.name)],
                [nodes.literal(dtype, dtype)],
                _text(column.unit or ""),
                _text(column.description),
                example_values(frame[column.name]),
            ]
        )
    group += body
    return table


def table_section(name: str, document: nodes.document) -> nodes.section:
    """One table's section: title, description, grain and size, then its columns."""
    from brakes.data import DEFAULT_SEED, load, schema

    spec = schema.table(name)
    frame = load(name, seed=DEFAULT_SEED)
    section = nodes.section(ids=[nodes.make_id(f"table-{name}")], names=[f"table {name}"])
    title = nodes.title()
    title += [nodes.literal(name, name), nodes.Text(f": {spec.title}")]
    section += title
    section += nodes.paragraph(text=spec.description)
    section += nodes.paragraph(
        text=(
            f"One row per {spec.grain}; {len(frame):,} rows and {frame.shape[1]} columns "
            f"with the default seed ({DEFAULT_SEED})."
        )
    )
    section += columns_table(name, frame)
    document.note_implicit_target(section, section)
    return section


class DataDictionary(SphinxDirective):
    """``{data-dictionary} [table]``: the sections of every table, or of the one named."""

    has_content = False
    optional_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        import brakes.data
        from brakes.data import schema

        names = list(schema.TABLES)
        if self.arguments:
            name = self.arguments[0].strip()
            if name not in schema.TABLES:
                raise self.error(
                    f"data-dictionary: unknown table {name!r}; choose one of: {', '.join(names)}"
                )
            names = [name]
        # Re-read the page when the code that makes the data (and declares it) changes.
        for module in sorted(Path(brakes.data.__file__).parent.glob("*.py")):
            self.env.note_dependency(str(module))
        return [table_section(name, self.state.document) for name in names]


def setup(app: Sphinx) -> None:
    """Register the ``data-dictionary`` directive."""
    app.add_directive("data-dictionary", DataDictionary)
