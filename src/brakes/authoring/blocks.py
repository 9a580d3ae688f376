"""Solution blocks in code cells, and the placeholder that replaces each one.

In a solution notebook the answer sits between two comment lines::

    # BEGIN SOLUTION
    is_negative = mentions["sentiment"] == "negative"
    share_negative = is_negative.mean()
    # END SOLUTION
    q3.check(share_negative)

The learner notebook gets a placeholder that keeps what the rest of the
notebook needs: every name the block assigns that is used outside solution
blocks (here ``share_negative = ...  # your code here``); failing that, the
target of the block's last assignment; failing that, ``# your code here``.
A block that only assigns a text keeps the quotes, so the learner writes
inside them: ``my_guess_where = "..."`` for a letter or a label, triple
quotes around :data:`YOUR_WORDS` for sentences.
"""

from __future__ import annotations

import ast
import io
import re
import textwrap
import tokenize
from collections.abc import Iterable

from brakes.errors import BrakesError
from brakes.exercises.checking import TEXT_PLACEHOLDER

BEGIN = re.compile(r"^(?P<indent>\s*)#\s*BEGIN SOLUTION\s*$")
END = re.compile(r"^\s*#\s*END SOLUTION\s*$")
#: The comment a learner sees where the solution was.
YOUR_CODE = "# your code here"
#: What a learner sees where the solution was an answer in words (an interpret cell):
#: the quotes stay, so they only write; the Reflection checker counts it as not attempted.
YOUR_WORDS = "Write here."
#: The comment beside a letter's or a label's quotes.
YOUR_TEXT = "# your answer, between the quotes"

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def split_blocks(source: str, where: str) -> list[str | list[str]]:
    """Cut a cell's source into plain lines (str) and solution blocks (list of lines).

    A block's list starts with the BEGIN line's indentation. Unbalanced or
    nested markers raise BrakesError naming ``where`` (notebook and cell).
    """
    parts: list[str | list[str]] = []
    block: list[str] | None = None
    for number, line in enumerate(source.splitlines(), start=1):
        begin = BEGIN.match(line)
        if begin:
            if block is not None:
                raise BrakesError(
                    f"{where}, line {number}: '# BEGIN SOLUTION' inside another solution block; "
                    "close the first one with '# END SOLUTION'."
                )
            block = [begin.group("indent")]
        elif END.match(line):
            if block is None:
                raise BrakesError(
                    f"{where}, line {number}: '# END SOLUTION' without a '# BEGIN SOLUTION' "
                    "before it."
                )
            parts.append(block)
            block = None
        elif block is not None:
            block.append(line)
        else:
            parts.append(line)
    if block is not None:
        raise BrakesError(
            f"{where}: '# BEGIN SOLUTION' is never closed; add '# END SOLUTION' after the answer."
        )
    return parts


def outside_blocks(source: str, where: str) -> str:
    """A cell's source with its solution blocks removed."""
    return "\n".join(p for p in split_blocks(source, where) if isinstance(p, str))


def names_used(sources: Iterable[str]) -> set[str]:
    """Identifiers appearing in code (comments and strings excluded where parseable)."""
    names: set[str] = set()
    for source in sources:
        try:
            tokens = tokenize.generate_tokens(io.StringIO(source).readline)
            names.update(t.string for t in tokens if t.type == tokenize.NAME)
        except (tokenize.TokenError, SyntaxError, IndentationError):
            names.update(_IDENTIFIER.findall(source))
    return names


def _targets(statement: ast.stmt) -> list[str]:
    """The plain names a top-level statement assigns, in order."""
    if isinstance(statement, ast.Assign):
        targets = statement.targets
    elif isinstance(statement, ast.AnnAssign | ast.AugAssign):
        targets = [statement.target]
    else:
        return []
    return [n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)]


def _assignments(code: str) -> tuple[list[str], list[str]]:
    """(every name assigned at top level in order of last assignment, the last statement's)."""
    try:
        body = ast.parse(code).body
    except SyntaxError:  # IPython magics and the like: fall back to `name = ` lines
        found = [m.group(1) for m in re.finditer(r"^([A-Za-z_]\w*)\s*=[^=]", code, re.M)]
        return list(dict.fromkeys(reversed(found)))[::-1], found[-1:]
    order: dict[str, None] = {}
    for statement in body:
        for name in _targets(statement):
            order.pop(name, None)
            order[name] = None
    last = _targets(body[-1]) if body else []
    return list(order), last


def _text_answer(code: str) -> tuple[str, str] | None:
    """(name, text) when the block is one assignment of a text to a name, else None."""
    try:
        body = ast.parse(code).body
    except SyntaxError:
        return None
    if len(body) != 1 or not isinstance(body[0], ast.Assign) or len(body[0].targets) != 1:
        return None
    target, value = body[0].targets[0], body[0].value
    if isinstance(target, ast.Name) and isinstance(value, ast.Constant):
        return (target.id, value.value) if isinstance(value.value, str) else None
    return None


def placeholder(block: list[str], used: set[str]) -> list[str]:
    """The learner's lines replacing one solution block (see the module docstring).

    A block that assigns one text keeps its quotes: a letter or a label gets
    ``name = "..."`` (which the checks count as not attempted), an answer in
    words triple quotes around :data:`YOUR_WORDS`; either way the learner only writes.
    """
    indent, lines = block[0], block[1:]
    code = textwrap.dedent("\n".join(lines))
    text = _text_answer(code)
    if text is not None and "\n" in text[1]:
        return [f'{indent}{text[0]} = """', f"{indent}{YOUR_WORDS}", f'{indent}"""']
    if text is not None:
        return [f'{indent}{text[0]} = "{TEXT_PLACEHOLDER}"  {YOUR_TEXT}']
    assigned, last = _assignments(code)
    keep = [name for name in assigned if name in used] or list(dict.fromkeys(last))
    if not keep:
        return [f"{indent}{YOUR_CODE}"]
    return [f"{indent}{name} = ...  {YOUR_CODE}" for name in keep]


def replace_blocks(source: str, used: set[str], where: str) -> str:
    """A cell's source with every solution block replaced by its placeholder."""
    lines: list[str] = []
    for part in split_blocks(source, where):
        if isinstance(part, str):
            lines.append(part)
        else:
            lines.extend(placeholder(part, used))
    return "\n".join(lines)
