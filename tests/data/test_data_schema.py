"""The schema describes every generated column, and nothing else, in the tables' order."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pytest

from brakes.data import DEFAULT_SEED, TABLE_NAMES, generator, schema
from brakes.errors import BrakesError

Tables = dict[str, pd.DataFrame]


def test_table_names_follow_the_schema() -> None:
    assert tuple(schema.TABLES) == TABLE_NAMES
    assert TABLE_NAMES == (
        "mentions",
        "support",
        "audience",
        "staff",
        "page_daily",
        "campaigns",
        "competitors",
        "sales",
    )


def test_every_table_has_a_generator_reading_declared_tables() -> None:
    assert set(generator.GENERATORS) == set(schema.TABLES)
    for name, spec in generator.GENERATORS.items():
        assert set(spec.reads) <= set(schema.TABLES) - {name}, name


def test_schema_lists_exactly_the_generated_columns(tables_for: Callable[[int], Tables]) -> None:
    tables = tables_for(DEFAULT_SEED)
    assert set(tables) == set(schema.TABLES)
    for name, frame in tables.items():
        assert list(frame.columns) == schema.TABLES[name].column_names, name


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_every_table_and_column_is_described(name: str) -> None:
    table = schema.TABLES[name]
    assert table.name == name
    assert table.title and table.description.endswith(".") and table.grain
    for column in table.columns:
        assert column.description[0].isupper(), column.name
        assert column.description.endswith("."), column.name
        if column.dtype in ("int64", "Int64", "float64"):
            assert column.unit, f"{name}.{column.name} has no unit"


def test_category_values_come_from_the_schema(tables_for: Callable[[int], Tables]) -> None:
    tables = tables_for(DEFAULT_SEED)
    for name, frame in tables.items():
        for column in schema.TABLES[name].columns:
            if column.categories:
                assert list(frame[column.name].cat.categories) == list(column.categories)


def test_a_column_rejects_an_unknown_dtype() -> None:
    with pytest.raises(ValueError, match="unknown dtype"):
        schema.Column("x", "text", "A column.")
    with pytest.raises(ValueError, match="categories"):
        schema.Column("x", "category", "A column.")


def test_unknown_table_names_the_choices() -> None:
    with pytest.raises(BrakesError, match="unknown table 'mention'; choose one of: mentions, "):
        schema.table("mention")
