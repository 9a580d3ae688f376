"""A learner's usual coding mistakes, told in a few plain lines that name the fix.

IPython shows a column typo as fifty lines of pandas internals ending in
``KeyError: 'chanel'``. In the course's notebooks (importing the learner's
engine, :mod:`brakes.exercises`, in a kernel hands :func:`explain` to
:func:`brakes.errors.install_notebook_handler`), the mistakes recognised here
read as a short message with the line that fixes it, and the full traceback
stays one click away under "Full error". An error not recognised here keeps
IPython's own traceback: this module never hides one.

Recognised: a column that does not exist (``df["chanel"]``, ``.loc[..., "follower"]``,
``df.groupby("chanel")``), a bare word where quoted text is meant
(``my_guess_where = b``), ``and``/``or`` between two conditions on columns, and
a name the notebook makes in a cell that has not run.

Why not friendly-traceback (evaluated for #18): its last release is from 2022;
friendly-pandas 0.1.3 fails to import on pandas 3 (``SettingWithCopyWarning``
is gone); friendly-traceback alone says "does not know the cause" for every
pandas case above, and its explanations run to 30 lines or more.

pandas is looked up only when an error occurs (a table's error needs it loaded).
"""

from __future__ import annotations

import ast
import difflib
import html
import json
import linecache
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any

from brakes.exercises.outcomes import Status
from brakes.exercises.render import STYLES, badge, box, code_block

#: The exception types :func:`explain` may recognise; IPython routes only these to it.
RECOGNISED: tuple[type[BaseException], ...] = (KeyError, NameError, ValueError)

#: The menu item of JupyterLab (and Notebook 7) that runs every cell above the selected one.
RUN_ABOVE = "Run > Run All Above Selected Cell"

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
#: pandas functions that raise ``KeyError(name)`` for a column name they cannot find.
_BY_NAME = {"get_grouper", "_get_label_or_level_values"}  # groupby; sort_values, merge
_TRUTH_VALUE = re.compile(r"^The truth value of an? \w+ is ambiguous")


@dataclass(frozen=True)
class Mistake:
    """What went wrong in plain words, the code that fixes it, and a last word after it."""

    message: str
    fix: str = ""
    note: str = ""

    @property
    def lines(self) -> list[str]:
        """The short message as shown: the sentences, the fix indented like code, the note."""
        fix = [f"    {line}" for line in self.fix.splitlines()]
        return self.message.splitlines() + fix + self.note.splitlines()


@dataclass(frozen=True)
class Failure:
    """Where a cell failed: the error, the cell's code and namespace, the frames below it."""

    error: BaseException
    source: str  # the cell's code as it ran
    line: int  # the cell's line that failed, counted from 1
    namespace: Mapping[str, Any]  # the names the failing line could see
    inner: list[FrameType]  # the frames called from the cell, outermost first

    def tree(self) -> ast.Module | None:
        """The cell parsed, or None when it does not parse as Python alone."""
        try:
            return ast.parse(self.source)
        except SyntaxError:
            return None


def explain(
    shell: Any, etype: type[BaseException], error: BaseException, tb: TracebackType | None
) -> bool:
    """Show a recognised mistake as a short message with the full error folded; say if shown.

    The cell still fails (IPython marks the run as an error, so "Run All" stops),
    the kernel's reply carries the message and the traceback (what nbclient, nbval
    and ``brakes grade`` report), and ``%tb`` or ``%debug`` reach the error as usual.
    """
    failure = failure_in_cell(error, tb, shell.user_ns)
    mistake = diagnose(failure, notebook_cells(shell.user_ns)) if failure else None
    if mistake is None:
        return False
    from IPython.display import display

    stb = shell.InteractiveTB.structured_traceback(etype, error, tb)
    sys.last_type, sys.last_value, sys.last_traceback = etype, error, tb
    shell._last_traceback = [*mistake.lines, "", *stb]  # ipykernel's execute_reply reads it
    display(bundle(mistake, etype.__name__, _ANSI.sub("", "\n".join(stb))), raw=True)
    return True


def failure_in_cell(
    error: BaseException, tb: TracebackType | None, user_ns: Mapping[str, Any]
) -> Failure | None:
    """Find the cell's own frame in a traceback (the last one running in the notebook's names)."""
    frames: list[tuple[FrameType, int]] = []
    while tb is not None:
        frames.append((tb.tb_frame, tb.tb_lineno))
        tb = tb.tb_next
    in_cell = [i for i, (frame, _) in enumerate(frames) if frame.f_globals is user_ns]
    if not in_cell:
        return None
    frame, line = frames[in_cell[-1]]
    source = "".join(linecache.getlines(frame.f_code.co_filename))
    if not source:
        return None
    namespace = {**frame.f_globals, **frame.f_locals}
    inner = [f for f, _ in frames[in_cell[-1] + 1 :]]
    return Failure(error, source, line, namespace, inner)


def diagnose(failure: Failure, notebook: list[str] | None) -> Mistake | None:
    """Name the mistake behind a failure, or None when it is not one this module knows.

    ``notebook`` is the source of the notebook's code cells, when the kernel knows its file.
    """
    error = failure.error
    if isinstance(error, NameError):
        return _unknown_name(failure, notebook)
    if isinstance(error, KeyError):
        return _missing_column(failure)
    if isinstance(error, ValueError) and _TRUTH_VALUE.match(str(error)):
        return _and_or(failure)
    return None


# --- a column that does not exist -------------------------------------------------


def _missing_column(failure: Failure) -> Mistake | None:
    """``df["chanel"]``, ``df.loc[:, "follower"]``, ``df.groupby("chanel")``: name the closest."""
    pandas = sys.modules.get("pandas")
    if pandas is None:
        return None
    table = _table_looked_up(failure.inner, pandas.DataFrame)
    if table is None:
        return None
    missing = _columns_missing(failure, table, pandas.Index)
    if not missing:
        return None
    name = _name_of(table, failure) or "this table"
    columns = [str(c) for c in table.columns]
    listed = ", ".join(repr(key) for key in missing)
    what = f"{name} has no column{'s' if len(missing) > 1 else ''} {listed}"
    if failure.inner[-1].f_code.co_name == "get_grouper":
        what += " to group by"
    close = {key: difflib.get_close_matches(key, columns, n=1, cutoff=0.6) for key in missing}
    if not all(close.values()):
        shown = ", ".join(columns[:12]) + (", …" if len(columns) > 12 else "")
        return Mistake(f"{what}.\nIts columns are: {shown}.")
    guesses = [match for matches in close.values() for match in matches]
    tree = failure.tree()
    literals = [
        (node, _quoted_like(failure.source, node, close[node.value][0]))
        for node in (ast.walk(tree) if tree else ())
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in close
    ]
    message = f"{what}; did you mean {' and '.join(repr(g) for g in guesses)}?"
    return Mistake(message, _edited_statement(failure, tree, literals))


def _columns_missing(failure: Failure, table: Any, index_type: type) -> list[str]:
    """The labels asked of ``table``'s columns that it lacks (none if not a column lookup).

    pandas raises ``KeyError(label)`` when one column is looked up in the columns'
    index (``get_loc``) or by name (grouping, sorting), and ``KeyError("[…] not in
    index")`` for a list, whose labels are read from the frame that checked them.
    """
    args = failure.error.args
    looked_up = _innermost(
        failure.inner, lambda frame: isinstance(frame.f_locals.get("self"), index_type)
    )
    if looked_up is None:
        by_name = bool(failure.inner) and failure.inner[-1].f_code.co_name in _BY_NAME
        asked = list(args) if by_name and len(args) == 1 else []
    elif looked_up.f_locals["self"] is not table.columns:
        return []
    elif looked_up.f_code.co_name == "_raise_if_missing":
        asked = list(looked_up.f_locals.get("key", []))
    elif looked_up.f_code.co_name == "get_loc":
        asked = list(args[:1])
    else:
        return []
    # The course's columns are named by text; a number or a tuple more likely meant a row.
    return [key for key in asked if isinstance(key, str) and key not in table.columns]


def _innermost(frames: list[FrameType], test: Callable[[FrameType], bool]) -> FrameType | None:
    """The deepest frame that passes ``test``."""
    return next((frame for frame in reversed(frames) if test(frame)), None)


def _table_looked_up(frames: list[FrameType], frame_type: type) -> Any:
    """The DataFrame a label was looked up in: the deepest ``self`` or ``obj`` holding one."""
    for frame in reversed(frames):
        for candidate in (frame.f_locals.get("self"), frame.f_locals.get("obj")):
            if isinstance(candidate, frame_type):
                return candidate
            held = getattr(candidate, "obj", None)  # .loc and .iloc hold their table
            if isinstance(held, frame_type):
                return held
    return None


def _name_of(value: object, failure: Failure) -> str | None:
    """The variable holding ``value``, preferring one written on the failing line."""
    names = [
        name
        for name, held in failure.namespace.items()
        if held is value and not name.startswith("_") and name not in ("In", "Out")
    ]
    on_line = set(re.findall(r"[A-Za-z_]\w*", _physical_line(failure)))
    return next((n for n in names if n in on_line), names[0] if names else None)


def _quoted_like(source: str, node: ast.AST, text: str) -> str:
    """``text`` as a string literal with the same quotes the learner used."""
    written = ast.get_source_segment(source, node) or '"'
    quote = written[0] if written[0] in "'\"" else '"'
    return f"{quote}{text}{quote}"


# --- a bare word, or a name from a cell that has not run -----------------------------


def _unknown_name(failure: Failure, notebook: list[str] | None) -> Mistake | None:
    """A name Python does not know: made in a cell not run yet, or text without its quotes."""
    error = failure.error
    name = getattr(error, "name", None)
    if not isinstance(name, str):
        return None
    if notebook is not None:
        makers = [i for i, cell in enumerate(notebook) if name in names_made(cell)]
        here = _cell_index(notebook, failure.source)
        others = [i for i in makers if i != here]
        if others:
            return _not_run(name, notebook, others, here)
    tree = failure.tree()
    bare = _bare_uses(tree, name, failure.line) if tree else []
    if not bare:
        return None
    fix = _edited_statement(failure, tree, [(node, f'"{name}"') for node in bare])
    message = f"{name} is not a name Python knows. To write the text {name}, put it in quotes:"
    known = [n for n in failure.namespace if not n.startswith("_")]
    known += [n for cell in notebook or [] for n in names_made(cell)]
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.8)
    if close:
        note = f"If you meant the variable {close[0]}, check the spelling."
    elif notebook is None:
        note = f"If {name} is a variable, run the cells above first ({RUN_ABOVE})."
    else:
        note = ""
    return Mistake(message, fix, note)


def _not_run(name: str, notebook: list[str], makers: list[int], here: int | None) -> Mistake:
    """The cell that makes ``name`` exists but has not run in this kernel."""
    above = [i for i in makers if here is None or i < here]
    maker = above[-1] if above else makers[0]
    made_by = _statement_making(notebook[maker], name)
    if above:
        message = (
            f"{name} is made in a cell above that has not run yet (or stopped with an error).\n"
            f"Run the cells above first ({RUN_ABOVE}), then this cell again. It is made by:"
        )
    else:
        message = (
            f"{name} is made further down, in a cell that has not run yet.\nRun that cell first:"
        )
    return Mistake(message, made_by)


def names_made(cell: str) -> set[str]:
    """The names a cell's top level makes: assignments, imports, functions, classes, loops."""
    code = "\n".join(line for line in cell.splitlines() if not line.lstrip().startswith(("%", "!")))
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return set()
    return {name for statement in tree.body for name in _made_by(statement)}


def _made_by(node: ast.AST) -> Iterator[str]:
    """Names bound by one statement, not those local to a function, lambda or comprehension."""
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        yield node.name
        return
    if isinstance(node, ast.Import | ast.ImportFrom):
        for alias in node.names:
            yield alias.asname or alias.name.split(".")[0]
        return
    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
        yield node.id
    if isinstance(node, ast.Lambda | ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
        return
    for child in ast.iter_child_nodes(node):
        yield from _made_by(child)


def _cell_index(notebook: list[str], source: str) -> int | None:
    """Where the running cell sits in the saved notebook (None if it was edited since)."""
    matches = [i for i, cell in enumerate(notebook) if cell.strip() == source.strip()]
    return matches[0] if len(matches) == 1 else None


def _statement_making(cell: str, name: str) -> str:
    """The first line of the cell's statement that makes ``name``, to recognise the cell by."""
    for line in cell.splitlines():
        try:
            statement = ast.parse(line.strip())
        except SyntaxError:
            continue
        if any(name in set(_made_by(node)) for node in statement.body):
            return line.strip()
    return cell.strip().splitlines()[0]


def _bare_uses(tree: ast.Module, name: str, line: int) -> list[ast.Name]:
    """Uses of ``name`` on the failing line where a text value fits: ``x = b``, ``== b``, ``f(b)``.

    A name alone on its line, in arithmetic, called, or followed by ``.`` or ``[``
    is a variable the learner meant, not text.
    """
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Name)
        and node.id == name
        and node.lineno == line
        and _takes_text(parents.get(node), node)
    ]


def _takes_text(parent: ast.AST | None, node: ast.Name) -> bool:
    """Whether ``node`` sits where a learner may have meant quoted text."""
    if isinstance(parent, ast.Assign | ast.AnnAssign):
        return parent.value is node
    if isinstance(parent, ast.Subscript):
        return parent.slice is node  # a label: mentions[channel]
    if isinstance(parent, ast.Call):
        return node in parent.args
    return isinstance(parent, ast.Compare | ast.keyword | ast.List | ast.Tuple | ast.Set)


# --- and / or / not, and chained comparisons, on columns -------------------------------

#: Comparisons that pandas makes element by element, so a chain of them can be split.
_COMPARISONS = {
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Eq: "==",
    ast.NotEq: "!=",
}

#: What each kind of condition does wrong, and how to write it, for the learner's box.
_TRUTH_FIXES = {
    "and/or": "and / or compare one True or False, not a whole column of them.\n"
    "Combine conditions with & (and) or | (or), with brackets around each condition:",
    "not": "not turns one True or False around, not a whole column of them.\n"
    "Turn a condition around with ~, with brackets around it:",
    "chain": "a chain like 0 < x < 5 compares one number, not a whole column of them.\n"
    "Write it as two conditions joined by &, with brackets around each:",
    "mixed": "and, or, not and chains like 0 < x < 5 work on one True or False, not a column.\n"
    "Use & (and), | (or) and ~ (not), with brackets around each condition:",
}


def _condition_kind(node: ast.AST) -> str | None:
    """Which Python-only condition ``node`` is ("and/or", "not", "chain"), or None."""
    if isinstance(node, ast.BoolOp):
        return "and/or"
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return "not"
    if isinstance(node, ast.Compare) and len(node.ops) > 1:
        return "chain" if all(type(op) in _COMPARISONS for op in node.ops) else None
    return None


def _and_or(failure: Failure) -> Mistake | None:
    """``(a > 1) and (b < 2)``, ``not (a > 1)`` or ``1 < a < 2`` on columns: pandas combines
    conditions with ``&``, ``|`` and ``~``."""
    called = [frame.f_code.co_name for frame in failure.inner]
    tree = failure.tree()
    if tree is None or called not in (["__bool__"], ["__nonzero__"]):  # pandas 3, pandas 2
        return None
    on_line = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.expr)
        and _condition_kind(node)
        and node.lineno <= failure.line <= (node.end_lineno or 0)
    ]
    outermost = [n for n in on_line if not any(n is not o and _inside(n, o) for o in on_line)]
    if not outermost:
        return None
    kinds = {kind for node in on_line if (kind := _condition_kind(node))}
    edits = [(node, _with_operators(failure.source, node)) for node in outermost]
    return Mistake(
        _TRUTH_FIXES[kinds.pop() if len(kinds) == 1 else "mixed"],
        _edited_statement(failure, tree, edits),
    )


def _with_operators(source: str, node: ast.expr) -> str:
    """A condition rewritten with ``&``, ``|`` and ``~``, and brackets around each part."""
    kind = _condition_kind(node)
    if isinstance(node, ast.BoolOp):
        joiner = " & " if isinstance(node.op, ast.And) else " | "
        return joiner.join(f"({_with_operators(source, value)})" for value in node.values)
    if kind == "not" and isinstance(node, ast.UnaryOp):
        return f"~({_with_operators(source, node.operand)})"
    if kind == "chain" and isinstance(node, ast.Compare):
        sides = [node.left, *node.comparators]
        return " & ".join(
            f"({_segment(source, left)} {_COMPARISONS[type(op)]} {_segment(source, right)})"
            for left, op, right in zip(sides, node.ops, sides[1:], strict=False)
        )
    return _segment(source, node)


def _segment(source: str, node: ast.expr) -> str:
    """The source text of ``node`` as the learner wrote it."""
    return ast.get_source_segment(source, node) or ast.unparse(node)


def _inside(node: ast.expr, other: ast.expr) -> bool:
    """Whether ``node`` lies within ``other`` in the source."""
    start, end = (node.lineno, node.col_offset), (node.end_lineno, node.end_col_offset)
    return (other.lineno, other.col_offset) <= start and end <= (
        other.end_lineno,
        other.end_col_offset,
    )


# --- the failing statement, edited -----------------------------------------------------


def _edited_statement(
    failure: Failure, tree: ast.Module | None, edits: Sequence[tuple[ast.expr, str]]
) -> str:
    """The failing statement with each node replaced by its text ("" if it cannot be shown short).

    The statement is the innermost simple one on the failing line; for a compound
    statement (``if …:``) only its first line is shown. Offsets are counted in
    characters (ast counts columns in UTF-8 bytes: the course's data speak French).
    """
    statement = _statement_at(tree, failure.line) if tree else None
    if statement is None or not edits:
        return ""
    first, last = statement.lineno, statement.end_lineno or statement.lineno
    if hasattr(statement, "body"):
        last = first
    lines = failure.source.splitlines(keepends=True)
    starts = [0]
    for text in lines:
        starts.append(starts[-1] + len(text))

    def offset(line: int, col: int) -> int:
        return starts[line - 1] + len(lines[line - 1].encode()[:col].decode())

    begin = offset(first, statement.col_offset)
    end = (
        starts[last] if hasattr(statement, "body") else offset(last, statement.end_col_offset or 0)
    )
    text = failure.source[begin:end]
    spans = sorted(
        (
            (offset(n.lineno, n.col_offset), offset(n.end_lineno or 0, n.end_col_offset or 0), new)
            for n, new in edits
        ),
        reverse=True,
    )
    for start, stop, new in spans:
        if start < begin or stop > end:
            return ""
        text = text[: start - begin] + new + text[stop - begin :]
    text = text.rstrip()
    return text if len(text.splitlines()) <= 2 else ""


def _statement_at(tree: ast.Module, line: int) -> ast.stmt | None:
    """The innermost statement that covers ``line`` (ast.walk goes level by level)."""
    covering = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.stmt) and node.lineno <= line <= (node.end_lineno or node.lineno)
    ]
    return covering[-1] if covering else None


def _physical_line(failure: Failure) -> str:
    lines = failure.source.splitlines()
    return lines[failure.line - 1] if 0 < failure.line <= len(lines) else ""


# --- the notebook the kernel runs -----------------------------------------------------


def notebook_cells(user_ns: Mapping[str, Any]) -> list[str] | None:
    """The code cells of the notebook this kernel runs, read from its saved file.

    JupyterLab names the file in ``__session__`` (ipykernel copies it from
    ``JPY_SESSION_NAME``), VS Code in ``__vsc_ipynb_file__``. None when neither
    is set (nbclient, Colab) or the file cannot be read as a notebook.
    """
    path = user_ns.get("__vsc_ipynb_file__") or user_ns.get("__session__")
    if not isinstance(path, str) or not path.endswith(".ipynb"):
        return None
    try:
        cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return [
        "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        for cell in cells
        if cell.get("cell_type") == "code"
    ]


# --- how it looks ---------------------------------------------------------------------


def bundle(mistake: Mistake, ename: str, full_error: str) -> dict[str, str]:
    """The display: a short box with the full error folded (HTML), the same as text."""
    style = STYLES[Status.ERROR]
    plain = "\n".join([f"{ename}: {mistake.lines[0]}", *mistake.lines[1:]])
    sentences = "<br>".join(html.escape(line) for line in mistake.message.splitlines())
    note = (
        f'<div style="margin-top:0.3em">{html.escape(mistake.note)}</div>' if mistake.note else ""
    )
    fix = code_block(mistake.fix) if mistake.fix else ""
    details = (
        '<details style="margin-top:0.3em"><summary style="cursor:pointer">Full error</summary>'
        f"{code_block(full_error, size='0.85em')}</details>"
    )
    content = f"<div>{badge(style, ename)}{sentences}</div>{fix}{note}{details}"
    box_html = box("mistake", style, content)
    return {"text/plain": f"{plain}\n\nFull error:\n{full_error}", "text/html": box_html}
