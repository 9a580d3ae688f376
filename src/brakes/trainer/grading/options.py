"""The limits of a grading run, declared once: the CLI, the batch and the tests read them here."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

from brakes.errors import BrakesError

#: Seconds a notebook may run, kernel start included, unless ``--timeout`` says otherwise.
DEFAULT_TIMEOUT_S = 120.0
#: Address space a notebook's kernel may use (MB). The course's notebooks need about 600.
DEFAULT_MEMORY_MB = 2048
#: Below this a kernel cannot even import pandas: refuse it rather than fail every notebook.
MIN_MEMORY_MB = 512
#: Bytes of check records and error names kept per notebook; printed output is never kept.
OUTPUT_CAP_BYTES = 1_000_000
#: A file larger than this is not read as a notebook (a learner's notebook is well under 5 MB).
MAX_NOTEBOOK_BYTES = 50_000_000
#: Seconds the runner waits beyond the time limit (kernel start and stop) before killing it all.
GRACE_S = 30.0


@dataclass(frozen=True)
class GradeOptions:
    """How to run the notebooks: parallel jobs, time and memory limits, and what to keep.

    ``jobs`` is how many notebooks run at once (None: as many as there are
    cores); ``force`` lets the report go into a folder that is not empty;
    ``require_sandbox`` refuses to run a notebook outside a bubblewrap sandbox
    (:mod:`brakes.trainer.grading.sandbox`) rather than with the trainer's permissions.
    Values a trainer can get wrong raise :class:`BrakesError`.
    """

    jobs: int | None = None
    timeout: float = DEFAULT_TIMEOUT_S
    memory_mb: int = DEFAULT_MEMORY_MB
    output_cap: int = OUTPUT_CAP_BYTES
    force: bool = False
    require_sandbox: bool = False

    def __post_init__(self) -> None:
        if self.jobs is None:
            object.__setattr__(self, "jobs", os.cpu_count() or 1)
        if isinstance(self.jobs, bool) or not isinstance(self.jobs, int) or self.jobs < 1:
            raise BrakesError(f"--jobs must be a whole number of 1 or more, got {self.jobs!r}")
        if not isinstance(self.timeout, int | float) or not (
            math.isfinite(self.timeout) and self.timeout > 0
        ):
            raise BrakesError(
                f"--timeout must be a number of seconds above 0, such as 120, got {self.timeout!r}"
            )
        if not isinstance(self.memory_mb, int) or self.memory_mb < MIN_MEMORY_MB:
            raise BrakesError(
                f"--memory must be a whole number of megabytes of at least {MIN_MEMORY_MB} "
                f"(the course's notebooks need about 600), got {self.memory_mb!r}"
            )
        if not isinstance(self.output_cap, int) or self.output_cap < 1:
            raise BrakesError(
                f"the output cap must be a positive number of bytes, not {self.output_cap!r}"
            )

    @property
    def parallel(self) -> int:
        """How many notebooks run at once: ``jobs``, the cores' count when it was None."""
        assert self.jobs is not None  # resolved in __post_init__
        return self.jobs
