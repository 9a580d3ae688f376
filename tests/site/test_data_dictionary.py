"""The data-dictionary directive: a section per table of brakes.data.schema, every column in it."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from brakes.data import schema

pytestmark = pytest.mark.site


#: Sphinx prints typographic quotes where the source has straight ones.
STRAIGHT_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _text(html: str, tag: str = " ") -> str:
    """An HTML fragment's text (a tag becomes ``tag``), whitespace collapsed, quotes straight."""
    return " ".join(unescape(re.sub(r"<[^>]+>", tag, html)).split()).translate(STRAIGHT_QUOTES)


def dictionary_tables(page: Path) -> dict[str, list[list[str]]]:
    """Each table section of a built page (by its ``table-NAME`` id): its rows, cell by cell."""
    html = page.read_text(encoding="utf-8")
    found = {}
    for section in re.finditer(
        r'<section id="table-(?P<id>[a-z0-9-]+)">(?P<body>.*?)</section>', html, re.S
    ):
        body = re.search(r"<tbody>(.*?)</tbody>", section["body"], re.S)
        assert body, f"table-{section['id']} has no table"
        rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body[1], re.S)
        found[section["id"]] = [
            [_text(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)] for row in rows
        ]
    return found


def anchor(name: str) -> str:
    return name.replace("_", "-")


def test_every_table_and_column_of_the_schema_is_on_the_page(sites: dict) -> None:
    tables = dictionary_tables(sites["learner"].html / "course" / "data-dictionary.html")
    assert list(tables) == [anchor(name) for name in schema.TABLES], (
        "one section per table, in order"
    )
    for name, spec in schema.TABLES.items():
        rows = tables[anchor(name)]
        assert [row[0] for row in rows] == spec.column_names, (
            f"{name}: columns differ from schema.py"
        )
        for row, column in zip(rows, spec.columns, strict=True):
            assert row[2] == (column.unit or ""), f"{name}.{column.name}: unit"
            assert row[3] == " ".join(column.description.split()), f"{name}.{column.name}: meaning"
            assert row[4], f"{name}.{column.name}: no example values"


def test_a_table_name_argument_shows_that_table_only(mini_site: Path) -> None:
    tables = dictionary_tables(mini_site / "dictionary.html")
    assert list(tables) == ["support"]
    assert [row[0] for row in tables["support"]] == schema.TABLES["support"].column_names


def test_section_titles_and_headings(sites: dict) -> None:
    html = (sites["learner"].html / "course" / "data-dictionary.html").read_text(encoding="utf-8")
    for name, spec in schema.TABLES.items():
        assert f"{name}: {spec.title}" in _text(html, tag="")
    assert "<th" in html and "Example values" in html


def test_unknown_table_is_refused_by_name(tmp_path: Path) -> None:
    from mini_site import run_sphinx

    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "index.md").write_text("# X\n\n```{data-dictionary} nosuch\n```\n")
    result = run_sphinx(tmp_path / "src", tmp_path / "html")
    assert result.returncode != 0
    assert "unknown table 'nosuch'" in result.stdout + result.stderr
