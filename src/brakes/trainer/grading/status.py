"""How running one notebook ended: the statuses the report and the exit code use."""

from __future__ import annotations

from enum import StrEnum


class RunStatus(StrEnum):
    """The fate of one submitted notebook, one word each in the report."""

    RAN = "ran"  # every cell ran, none raised
    RAISED = "raised"  # every cell ran; some raised an error (later exercises still count)
    INVALID = "invalid"  # not a notebook: bad JSON, wrong format, unreadable, too big
    NOT_RUN = "not_run"  # a notebook for another language's kernel (R, Julia…)
    TIMEOUT = "timeout"  # stopped at the time limit
    MEMORY = "memory"  # asked for more memory than the limit allows
    CRASHED = "crashed"  # the kernel died (os._exit, a crash) or could not start


#: Statuses of a notebook that could not be run to its end: the batch exits with 1.
FAILED = frozenset(
    {RunStatus.INVALID, RunStatus.NOT_RUN, RunStatus.TIMEOUT, RunStatus.MEMORY, RunStatus.CRASHED}
)
