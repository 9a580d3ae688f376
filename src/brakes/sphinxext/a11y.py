"""Accessibility fixes for HTML that MyST and MyST-NB write, found by axe-core on our pages.

- The "Show code cell source" toggle carries ``aria-label="Toggle hidden
  content"``, so its spoken name does not match its visible text (axe
  ``label-content-name-mismatch``, serious): we render it without the label.
- Checklist items (``- [ ]``) are checkboxes with no label (axe ``label``,
  critical): we wrap each one and its text in a ``<label>``.
- pandas tables start their header with empty cells (axe
  ``empty-table-header``): we give those cells a visually hidden name.

The theme's own faults are fixed in ``_templates/`` at the repository root.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from docutils import nodes
from myst_nb.sphinx_ import HideCodeCellNode, depart_HideCellInput
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.html5 import HTML5Translator

CHECKBOX = "task-list-item-checkbox"

_THEAD = re.compile(r"<thead>.*?</thead>", re.S)
_ROW = re.compile(r"<tr[^>]*>.*?</tr>", re.S)
_EMPTY_TH = re.compile(r"<th(?P<attrs>[^>]*)>(?:\s|&nbsp;)*</th>")
_FIRST_CELL = re.compile(r"<t[hd][\s>]")


def visit_hide_code(self: HTML5Translator, node: HideCodeCellNode) -> None:
    """MyST-NB's toggle, named by its visible text ("Show code cell source")."""
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n<summary>\n')
    self.body.append(f'<p class="collapsed admonition-title">{escape(node["prompt_show"])}</p>\n')
    self.body.append(f'<p class="expanded admonition-title">{escape(node["prompt_hide"])}</p>\n')
    self.body.append("</summary>\n")


def name_empty_headers(html: str) -> str:
    """Give each empty header cell of a table a visually hidden name.

    The first cell of a header row sits above the row labels (pandas' index),
    the others above nothing.
    """

    def fix_row(row: re.Match[str]) -> str:
        first = _FIRST_CELL.search(row.group(0))

        def fix_cell(cell: re.Match[str]) -> str:
            text = "Row label" if first and cell.start() == first.start() else "None"
            return f'<th{cell["attrs"]}><span class="visually-hidden">{text}</span></th>'

        return _EMPTY_TH.sub(fix_cell, row.group(0))

    return _THEAD.sub(lambda head: _ROW.sub(fix_row, head.group(0)), html)


class LabelChecklists(SphinxPostTransform):
    """Wrap each checklist checkbox and its item's text in one ``<label>``."""

    default_priority = 500
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for raw in list(self.document.findall(nodes.raw)):
            if CHECKBOX not in raw.astext() or not isinstance(raw.parent, nodes.paragraph):
                continue
            paragraph = raw.parent
            raw.replace(raw[0], nodes.Text('<label class="task-list-item-label">' + raw.astext()))
            paragraph += nodes.raw("", "</label>", format="html")


class NameEmptyTableHeaders(SphinxPostTransform):
    """Name the empty header cells of tables that notebooks output as HTML (pandas)."""

    default_priority = 500
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for raw in list(self.document.findall(nodes.raw)):
            text = raw.astext()
            if "<thead" not in text:
                continue
            fixed = name_empty_headers(text)
            if fixed != text:
                raw.replace(raw[0], nodes.Text(fixed))


def setup(app: Sphinx) -> None:
    """Override MyST-NB's toggle rendering and add the two HTML fixes."""
    app.add_node(HideCodeCellNode, override=True, html=(visit_hide_code, depart_HideCellInput))
    app.add_post_transform(LabelChecklists)
    app.add_post_transform(NameEmptyTableHeaders)
