"""Start an IPython kernel under a memory limit.

``python -m brakes.trainer.grading.kernel MB -f FILE``.

The limit is the kernel's address space (``RLIMIT_AS``), set before pandas or
the learner's code is loaded, and inherited by anything the kernel starts.
Going over it raises ``MemoryError`` in the cell that asked for too much, which
the grader reports as "memory". Only small standard modules are imported
before the limit is in place. Linux enforces it; where a system refuses the
limit, the kernel runs without one (the grader's summary warns off Linux).
"""

from __future__ import annotations

import contextlib
import resource
import sys


def limit_memory(megabytes: int) -> None:
    """Cap this process's address space (soft and hard) at ``megabytes``."""
    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def main(argv: list[str] | None = None) -> None:
    """Set the limit named first on the command line, then run ipykernel with the rest."""
    args = sys.argv[1:] if argv is None else argv
    megabytes = int(args[0])
    with contextlib.suppress(ValueError, OSError):  # the system allows no such limit: run without
        limit_memory(megabytes)
    sys.argv = [sys.argv[0], *args[1:]]
    from ipykernel import kernelapp

    kernelapp.launch_new_instance()


if __name__ == "__main__":
    main()
