"""Errors a learner or trainer can cause, each with a message that says what to do."""

from __future__ import annotations

import sys
from typing import Any


class BrakesError(Exception):
    """A mistake in what the user asked for; the CLI prints it as one line, exit code 2."""


def show_in_notebook(
    shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: Any = None
) -> None:
    """IPython handler: a learner's mistake is one line on stderr, never a traceback."""
    print(f"{value}", file=sys.stderr)


def install_notebook_handler() -> bool:
    """In an IPython kernel, show every BrakesError as one line; say whether it was installed.

    Only looks for IPython if it is already imported, so the CLI never pays for it.
    """
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        return False
    shell.set_custom_exc((BrakesError,), show_in_notebook)
    return True
