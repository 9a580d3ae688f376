"""What pandas and Python a piece of code uses, named as a learner meets it.

The learner's path must show each construct (a method or attribute, a keyword
argument, an operator, a syntax form such as ``.groupby(k)[["a", "b"]]``)
before a hint or a solution relies on it: a primer cell, an earlier exercise's
solution or a Markdown code span shows it first. The test that walks the path
(tests/authoring/test_shown_before_used.py) names what each piece of code and
each text uses with :func:`constructs` and :func:`text_constructs`; only the
constructs of :data:`TOO_BASIC` need no showing. It also holds every name a
solution or a hint reads (:func:`names_read`) to the learner's cells above.
"""

from __future__ import annotations

import ast
import builtins
import re

from brakes.exercises.render import code_of

#: Constructs a non-programmer reads without being shown (assignment and plain
#: literals are never named at all).
TOO_BASIC = frozenset({"print()", "+", "-", "*", "/", "unary -"})

#: Names of modules whose functions are named with the module: ``pd.crosstab``.
MODULES = frozenset({"pd", "np"})

#: Methods whose keyword arguments name new columns, so any name is the same form.
_NEW_COLUMNS = frozenset({".agg", ".assign"})

_OPERATORS: dict[type, str] = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.Pow: "**",
    ast.BitAnd: "&",
    ast.BitOr: "|",
    ast.BitXor: "^",
    ast.Invert: "~",
    ast.Not: "not",
    ast.USub: "unary -",
    ast.And: "and",
    ast.Or: "or",
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.In: "in",
    ast.NotIn: "not in",
    ast.Is: "is",
    ast.IsNot: "is not",
}

#: Syntax forms named by their node alone.
_FORMS: dict[type, str] = {
    ast.JoinedStr: "f-string",
    ast.Lambda: "lambda",
    ast.ListComp: "list comprehension",
    ast.DictComp: "dict comprehension",
    ast.SetComp: "set comprehension",
    ast.GeneratorExp: "generator expression",
    ast.IfExp: "x if condition else y",
    ast.For: "for loop",
    ast.While: "while loop",
    ast.If: "if statement",
    ast.FunctionDef: "def",
    ast.Try: "try/except",
    ast.With: "with",
    ast.Dict: "dict {…}",
    ast.List: "list […]",
    ast.Starred: "* unpacking",
}

_SPAN = re.compile(r"`([^`\n]+)`")
_FENCE = re.compile(r"```[^\n]*\n(.*?)```", re.DOTALL)


def _attribute(node: ast.Attribute) -> str:
    """How an attribute or a method is named: ``.groupby``, or ``pd.crosstab`` on a module."""
    value = node.value
    if isinstance(value, ast.Name) and value.id in MODULES:
        return f"{value.id}.{node.attr}"
    return f".{node.attr}"


def _name(node: ast.expr) -> str | None:
    """How a callee is named: ``.groupby``, ``pd.crosstab``, ``len()`` (None: a computed one)."""
    if isinstance(node, ast.Attribute):
        return _attribute(node)
    if isinstance(node, ast.Name):
        return f"{node.id}()"
    return None


def _is_list(node: ast.expr, lists: set[str]) -> bool:
    """A list literal, or a name the same code assigned a list literal to."""
    return isinstance(node, ast.List) or (isinstance(node, ast.Name) and node.id in lists)


def _is_text(node: ast.expr) -> bool:
    """A string literal (a column's name or a label)."""
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _call(node: ast.Call, lists: set[str]) -> set[str]:
    """A bare function's name, each keyword with its function, and the form of a groupby key."""
    callee = _name(node.func)
    found = {callee} if isinstance(node.func, ast.Name) and callee else set()
    function = (callee or "(…)").removesuffix("()")  # bars(title=), .sort_values(ascending=)
    for keyword in node.keywords:
        if keyword.arg is None:
            found.add("** unpacking")
        elif function in _NEW_COLUMNS:
            found.add(f"{function}(new_column=)")
        else:
            found.add(f"{function}({keyword.arg}=)")
    if function == ".groupby" and node.args:
        key = node.args[0]
        if _is_text(key):
            found.add('.groupby("column")')
        elif _is_list(key, lists):
            found.add(".groupby([columns])")
        else:
            found.add(".groupby(series)")
    return found


def _subscript(node: ast.Subscript, lists: set[str]) -> set[str]:
    """What square brackets pick: a label, a mask, a list of columns, a row and columns…"""
    value, key = node.value, node.slice
    if isinstance(value, ast.Attribute) and value.attr in ("loc", "iloc"):
        where = f".{value.attr}"
        if not isinstance(key, ast.Tuple):
            return {f"{where}[row]"}
        columns = key.elts[-1]
        return {f"{where}[row, [columns]]" if _is_list(columns, lists) else f"{where}[row, column]"}
    if _is_list(key, lists):
        grouped = isinstance(value, ast.Call) and _name(value.func) == ".groupby"
        return {".groupby(…)[[columns]]" if grouped else "[[columns]]"}
    if isinstance(key, ast.Slice):
        return {"[start:stop]"}
    if _is_text(key):
        return {'["label"]'}
    if isinstance(key, ast.Constant):
        return {"[position]"}
    return {"[mask]"}


def _node(node: ast.AST, lists: set[str]) -> set[str]:
    """The constructs one node itself uses (its children are visited on their own)."""
    if isinstance(node, ast.Attribute):
        return {_attribute(node)}
    if isinstance(node, ast.Call):
        return _call(node, lists)
    if isinstance(node, ast.Subscript):
        return _subscript(node, lists)
    if isinstance(node, ast.BinOp | ast.UnaryOp | ast.BoolOp):
        return {_OPERATORS.get(type(node.op), type(node.op).__name__)}
    if isinstance(node, ast.AugAssign):
        return {_OPERATORS.get(type(node.op), type(node.op).__name__) + "="}
    if isinstance(node, ast.Compare):
        found = {_OPERATORS.get(type(op), type(op).__name__) for op in node.ops}
        return found | ({"chained comparison"} if len(node.ops) > 1 else set())
    if isinstance(node, ast.FormattedValue) and node.format_spec is not None:
        return {"f-string {value:format}"}
    if isinstance(node, ast.Assign) and any(isinstance(t, ast.Tuple) for t in node.targets):
        return {"a, b = unpacking"}
    if isinstance(node, ast.ImportFrom):
        return {f"from {node.module} import {alias.name}" for alias in node.names}
    if isinstance(node, ast.Import):
        return {f"import {alias.name}" for alias in node.names}
    form = _FORMS.get(type(node))
    return {form} if form else set()


def list_names(code: str) -> set[str]:
    """The names ``code`` assigns a list literal to (``accounts = ["facebook", …]``)."""
    return {
        target.id
        for node in ast.walk(ast.parse(code))
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.List)
        for target in node.targets
        if isinstance(target, ast.Name)
    }


def constructs(code: str, lists: frozenset[str] = frozenset()) -> set[str]:
    """Every construct ``code`` uses, by name (see the module's docstring); code must parse.

    ``lists`` names the lists code above defined, so ``table[accounts]`` reads as a list of
    columns; the lists ``code`` itself assigns are added.
    """
    known = set(lists) | list_names(code)
    return {name for node in ast.walk(ast.parse(code)) for name in _node(node, known)}


def names_read(code: str) -> set[str]:
    """The names ``code`` reads that it does not assign itself (builtins left out)."""
    loaded: set[str] = set()
    stored: set[str] = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Name):
            (loaded if isinstance(node.ctx, ast.Load) else stored).add(node.id)
        elif isinstance(node, ast.alias):
            stored.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.arg):
            stored.add(node.arg)
    return loaded - stored - set(dir(builtins)) - {"_"}


def code_pieces(text: str) -> list[str]:
    """The code a text shows: the whole text if it is code, its fenced blocks and `spans`."""
    whole = code_of(text)
    if whole is not None:
        return [whole[0]]
    return _FENCE.findall(text) + _SPAN.findall(_FENCE.sub("", text))


def text_constructs(text: str, lists: frozenset[str] = frozenset()) -> set[str]:
    """The constructs the code in a text (Markdown, a hint) shows.

    A span that is a fragment is read as what it shows: ``.sum()`` as a method,
    ``<=`` as the operator; a span that is no code (a table's header, a half line)
    shows nothing.
    """
    symbols = set(_OPERATORS.values())
    found: set[str] = set()
    for piece in code_pieces(text):
        piece = piece.strip()
        if piece in symbols:
            found.add(piece)
            continue
        for attempt in (piece, f"_{piece}"):
            try:
                found |= constructs(attempt, lists)
            except SyntaxError:
                continue
            break
    return found
