"""The HTML fixes of brakes.sphinxext.a11y, on the mini site's hidden cell, checklist and table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from brakes.sphinxext.a11y import name_empty_headers

pytestmark = pytest.mark.site


def test_show_code_toggle_is_named_by_its_visible_text(mini_site: Path) -> None:
    page = (mini_site / "exercises" / "demo.html").read_text(encoding="utf-8")
    summary = re.search(r"<details class=\"admonition hide[^>]*>\s*(<summary[^>]*>)", page)
    assert summary, "the hidden code cell lost its toggle"
    assert summary[1] == "<summary>", "an aria-label would hide the visible 'Show code' text"
    assert "Show code cell source" in page


def test_checklist_boxes_are_labelled_by_their_text(mini_site: Path) -> None:
    page = (mini_site / "index.html").read_text(encoding="utf-8")
    box = r'<input class="task-list-item-checkbox"[^>]*>'
    labelled = re.findall(rf'<label class="task-list-item-label">{box}([^<]+)</label>', page)
    assert [text.strip() for text in labelled] == [
        "We listen to forums every week.",
        "We answer in public.",
    ]


def test_table_header_cells_are_never_empty(mini_site: Path) -> None:
    page = (mini_site / "exercises" / "demo.html").read_text(encoding="utf-8")
    head = re.search(r"<thead>.*?</thead>", page, re.S)
    assert head and "<th></th>" not in head[0]
    assert '<span class="visually-hidden">Row label</span>' in head[0]


def test_empty_headers_named_only_in_the_table_head() -> None:
    html = (
        "<table><thead><tr><th></th><th>a</th></tr><tr><th>idx</th><th> </th></tr></thead>"
        "<tbody><tr><th></th><td>1</td></tr></tbody></table>"
    )
    fixed = name_empty_headers(html)
    assert fixed.count("visually-hidden") == 2
    assert "<tbody><tr><th></th>" in fixed
    assert '<th><span class="visually-hidden">Row label</span></th><th>a</th>' in fixed
