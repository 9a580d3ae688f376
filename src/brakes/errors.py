"""Errors a learner or trainer can cause, each with a message that says what to do."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType
from typing import Any

#: Shows a learner's coding mistake in the kernel ``shell``; says whether it recognised it.
Explain = Callable[[Any, type[BaseException], BaseException, TracebackType | None], bool]


class BrakesError(Exception):
    """A mistake in what the user asked for; the CLI prints it as one line, exit code 2."""


def show_in_notebook(
    shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: Any = None
) -> None:
    """IPython handler: a learner's mistake is one line on stderr, never a traceback."""
    print(f"{value}", file=sys.stderr)


def install_notebook_handler(
    mistakes: tuple[type[BaseException], ...] = (), explain: Explain | None = None
) -> bool:
    """In an IPython kernel, show every BrakesError as one line; say whether it was installed.

    Errors of the ``mistakes`` types go to ``explain`` (see :mod:`brakes.learner_errors`);
    those it does not recognise, like every other error, keep IPython's own traceback.
    The cell still fails: IPython marks the run as an error, so "Run All" stops there.
    Only looks for IPython if it is already imported, so the CLI never pays for it.
    """
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        return False

    def handle(
        shell: Any,
        etype: type[BaseException],
        value: BaseException,
        tb: TracebackType | None,
        tb_offset: int | None = None,
    ) -> None:
        if isinstance(value, BrakesError):
            show_in_notebook(shell, etype, value, tb, tb_offset)
        elif explain is None or not explain(shell, etype, value, tb):
            shell.showtraceback((etype, value, tb), tb_offset=tb_offset)

    shell.set_custom_exc((BrakesError, *mistakes), handle)
    return True
