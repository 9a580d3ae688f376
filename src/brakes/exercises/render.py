"""How feedback looks: styled HTML in Jupyter, plain text elsewhere, a JSON record always.

Written once for checks, hints and solutions. The HTML is self-contained
(inline styles, no CSS or script to fetch) and readable on light and dark
themes: text keeps the theme's own colour over a faint tint, and the status
badge is white on a saturated colour (contrast ≥ 4.5:1 on any background).
Every status also has an icon and a word, never colour alone.

Code stays code: a solution, a hint written as code (:func:`code_of`) and a
`span` with line breaks show as a ``<pre>`` block, which keeps its line breaks
in JupyterLab, VS Code, Colab and the site alike, so the text a learner copies
runs; a `span` inside a sentence stays inline. The plain text keeps them too.
"""

from __future__ import annotations

import ast
import html
import re
from dataclasses import dataclass
from typing import Any

from brakes.exercises.outcomes import OUTCOME_MIME, Kind, Status, make_record


@dataclass(frozen=True)
class Style:
    """How one kind of display is marked: icon, badge colour, tint."""

    icon: str
    color: str  # badge background and left border; white text on it
    tint: str  # translucent background, works over light and dark themes


STYLES: dict[str, Style] = {
    Status.CORRECT: Style("✓", "#1a7f37", "rgba(26,127,55,0.10)"),
    Status.INCORRECT: Style("✗", "#cf222e", "rgba(207,34,46,0.10)"),
    Status.NOT_ATTEMPTED: Style("○", "#57606a", "rgba(87,96,106,0.10)"),
    Status.ERROR: Style("⚠", "#9a6700", "rgba(154,103,0,0.12)"),
    Status.RECORDED: Style("✍", "#0969da", "rgba(9,105,218,0.10)"),
    Kind.HINT: Style("?", "#0969da", "rgba(9,105,218,0.10)"),
    Kind.SOLUTION: Style("✎", "#6639ba", "rgba(102,57,186,0.10)"),
}

#: The lead words of each status, shown in the badge and at the start of the text.
LEADS: dict[Status, str] = {
    Status.CORRECT: "Correct:",
    Status.INCORRECT: "Not quite.",
    Status.NOT_ATTEMPTED: "Not attempted yet:",
    Status.ERROR: "Could not check:",
    Status.RECORDED: "Noted:",
}

_CODE = re.compile(r"`([^`]+)`")
_CODE_STYLE = (
    "background:rgba(127,127,127,0.18);color:inherit;padding:0 0.25em;"
    "border-radius:3px;font-family:monospace;font-size:0.95em"
)
_BLOCK_STYLE = (
    "background:rgba(127,127,127,0.12);color:inherit;padding:0.5em;margin:0.4em 0 0;"
    "border-radius:4px;overflow-x:auto;white-space:pre;font-family:monospace;font-size:{size}"
)
#: A closing sentence after a space on the body's last line, words only ("That was the last
#: one.", which the engine adds to a last hint): shown after the code, not inside it.
_CLOSING = re.compile(r" ([A-Z][\w' ,]*[.!?])\Z")


def _is_code(text: str) -> bool:
    """Code to run, not a sentence: it parses as Python, holds no `span`, and calls or assigns.

    A sentence almost never parses; a bare word that does ("Rows") is not code to run.
    """
    if "`" in text or not ("(" in text or "=" in text):
        return False
    try:
        ast.parse(text)
    except SyntaxError:
        return False
    return True


def code_of(body: str) -> tuple[str, str] | None:
    """``(code, closing sentence)`` when ``body`` is code (a hint written as code), else None.

    This is the one rule for which bodies show as a code block: the closing sentence
    (see :data:`_CLOSING`) is split off first, so the block holds only what runs.
    """
    closing = _CLOSING.search(body)
    if closing and _is_code(body[: closing.start()]):
        return body[: closing.start()], closing.group(1)
    return (body, "") if _is_code(body) else None


def code_block(code: str, size: str = "0.95em") -> str:
    """A code block that keeps its line breaks in any client, with no stylesheet of ours."""
    style = _BLOCK_STYLE.format(size=size)
    return f'<pre style="{style}"><code>{html.escape(code, quote=False)}</code></pre>'


def badge(style: Style, label: str) -> str:
    """The coloured label a display starts with: icon and word, white on the style's colour."""
    return (
        f'<span style="display:inline-block;background:{style.color};color:#ffffff;'
        'font-weight:600;padding:0 0.5em;border-radius:3px;margin-right:0.4em">'
        f"{html.escape(style.icon)} {html.escape(label)}</span>"
    )


def box(kind: str, style: Style, content: str) -> str:
    """A display's frame: a coloured left border over a faint tint, in the theme's text colour."""
    return (
        f'<div class="brakes-feedback brakes-{kind}" '
        f'style="border-left:4px solid {style.color};background:{style.tint};color:inherit;'
        'padding:0.5em 0.75em;margin:0.25em 0;border-radius:4px;line-height:1.5">'
        f"{content}</div>"
    )


def _span(code: str) -> str:
    """A `span` as inline code; one that spans several lines as a block."""
    if "\n" in code:
        return code_block(code)
    return f'<code style="{_CODE_STYLE}">{html.escape(code, quote=False)}</code>'


def _inline(text: str) -> str:
    """Escape text for HTML and turn `backticks` into code (a block when it has line breaks)."""
    parts = _CODE.split(text)  # prose and span alternate: even indexes are prose
    return "".join(
        _span(part) if index % 2 else html.escape(part, quote=False)
        for index, part in enumerate(parts)
    )


_CELL_STYLE = (
    "padding:0.1em 0.6em;border-bottom:1px solid rgba(127,127,127,0.25);text-align:{align}"
)


@dataclass(frozen=True)
class Table:
    """A learner's table as a correct check shows it, already in words.

    ``header`` names the label columns, then the value columns; each row holds
    the same number of texts. The first ``labels`` columns are labels (aligned
    left), the rest values (aligned right). ``total`` is how many rows the
    answer has; when only its ends are shown, ``gap`` is the row before which
    "…" stands. Built by :func:`brakes.exercises.reading.table_of`.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    labels: int = 1
    total: int = 0
    gap: int | None = None

    @property
    def footer(self) -> str:
        """How much of the table is shown, when not all of it is."""
        if self.gap is None:
            return ""
        last = len(self.rows) - self.gap
        return f"{self.total:,} rows in all: the first {self.gap} and the last {last} are shown."

    def text(self) -> str:
        """The table in aligned columns of plain text, with its footer."""
        lines = [self.header, *self.rows]
        widths = [max(len(line[i]) for line in lines) for i in range(len(self.header))]

        def line(cells: tuple[str, ...]) -> str:
            return "  ".join(
                cell.ljust(width) if i < self.labels else cell.rjust(width)
                for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
            ).rstrip()

        body = [line(row) for row in self.rows]
        if self.gap is not None:
            body.insert(self.gap, "…")
        return "\n".join([line(self.header), *body] + ([self.footer] if self.footer else []))

    def html(self) -> str:
        """The table in HTML, inline styles: labels left, values right, in the theme's colour."""

        def cells(row: tuple[str, ...], tag: str) -> str:
            return "".join(
                f'<{tag} style="{_CELL_STYLE.format(align="left" if i < self.labels else "right")}"'
                f">{html.escape(cell, quote=False)}</{tag}>"
                for i, cell in enumerate(row)
            )

        rows = [f"<tr>{cells(row, 'td')}</tr>" for row in self.rows]
        if self.gap is not None:
            rows.insert(self.gap, f'<tr><td colspan="{len(self.header)}">…</td></tr>')
        caption = (
            f'<div style="font-size:0.85em">{html.escape(self.footer)}</div>' if self.footer else ""
        )
        return (
            '<table style="border-collapse:collapse;margin:0.4em 0;color:inherit;'
            'background:transparent;font-variant-numeric:tabular-nums">'
            f"<thead><tr>{cells(self.header, 'th')}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>{caption}"
        )


@dataclass(frozen=True)
class Feedback:
    """One display: a check result, a hint or a solution, with its record.

    ``lead`` is the badge text ("Correct:", "Hint 2 of 3:"), ``body`` the
    sentences after it, ``code`` a solution's source, ``answer`` the learner's
    words a recorded check keeps for the grader (never shown). A correct check
    may show the learner's ``table`` after ``body``, then ``after`` (see
    :mod:`brakes.exercises.reading`). Displaying it in Jupyter
    gives HTML, text and the JSON record; ``str()`` gives the plain text.
    """

    exercise: str
    title: str
    kind: Kind
    lead: str
    body: str
    status: Status | None = None
    hint: int | None = None
    code: str = ""
    answer: str | None = None
    table: Table | None = None
    after: str = ""

    @property
    def text(self) -> str:
        """The feedback as one plain string (also the record's ``feedback``)."""
        if self.table is not None:  # the table on lines of its own, its columns aligned
            after = f"\n{self.after}" if self.after else ""
            return f"{self.lead} {self.body}".strip() + f"\n{self.table.text()}{after}"
        parts = self.code_and_after
        if parts is None:
            return f"{self.lead} {self.body}".strip()
        code, after = parts  # the code on lines of its own, to copy as it is
        return f"{self.lead}\n{code}" + (f"\n\n{after}" if after else "")

    @property
    def code_and_after(self) -> tuple[str, str] | None:
        """The code this display shows as a block and the sentences after it, if it shows one.

        A solution's code and its discussion; a body that is code (see :func:`code_of`).
        """
        return (self.code, self.body) if self.kind is Kind.SOLUTION else code_of(self.body)

    @property
    def style(self) -> Style:
        """Icon and colours for this display."""
        return STYLES[self.status if self.status is not None else self.kind]

    def record(self) -> dict[str, Any]:
        """The machine-readable record (see :mod:`brakes.exercises.outcomes`)."""
        return make_record(self.exercise, self.kind, self.text, self.status, self.hint, self.answer)

    def plain(self) -> str:
        """Plain text for terminals: icon, exercise, feedback."""
        return f"{self.style.icon} [{self.exercise}] {self.text}"

    def html(self) -> str:
        """Self-contained HTML with inline styles."""
        lead = badge(self.style, self.lead.rstrip(":."))
        caption = (
            '<div style="font-size:0.85em;margin-top:0.3em">'
            f"Exercise {html.escape(self.exercise)} · {html.escape(self.title)}</div>"
        )
        parts = self.code_and_after
        if self.table is not None:
            content = f"<div>{lead}{_inline(self.body)}</div>{self.table.html()}"
            if self.after:
                content += f"<div>{_inline(self.after)}</div>"
        elif parts is None:
            content = f"<div>{lead}{_inline(self.body)}</div>"
        else:
            code, after = parts
            content = f"<div>{lead}</div>{code_block(code)}"
            if after:
                content += f'<div style="margin:0.5em 0 0">{_inline(after)}</div>'
        return box(str(self.status or self.kind), self.style, content + caption)

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None
    ) -> dict[str, Any]:  # IPython hook
        return {"text/plain": self.plain(), "text/html": self.html(), OUTCOME_MIME: self.record()}

    def _repr_html_(self) -> str:
        return self.html()

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(self.plain())

    def __repr__(self) -> str:
        return self.plain()

    def __str__(self) -> str:
        return self.plain()


def show(feedback: Feedback) -> None:
    """Display in Jupyter/IPython (HTML + text + record), print elsewhere."""
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover - IPython is a dependency
        print(feedback.plain())
        return
    if get_ipython() is None:
        print(feedback.plain())
    else:
        display(feedback)
