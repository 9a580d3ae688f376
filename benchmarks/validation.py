"""nbval over every notebook, as `make test` runs it: serial against ``-n 2 --dist loadfile``.

Two pytest runs make one validation, as in the Makefile: the solutions (stored
outputs must equal a fresh run, with the sanitizer) and the learner notebooks
(they must run, ``--nbval-lax``). Each side is timed over both runs.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from benchmarks.timing import BIN, alternate, run

#: The Makefile's NBVAL flags, without its worker options.
PYTEST = (str(BIN / "pytest"), "-q", "-p", "no:cacheprovider")
RUNS = (
    ("--nbval", "solutions", "--nbval-sanitize-with", "nbval-sanitize.cfg"),
    ("--nbval-lax", "exercises"),
)
PARALLEL = ("-n", "2", "--dist", "loadfile")
SERIAL = ("-p", "no:xdist")


def _summary(output: str) -> str:
    """pytest's last line (``12 passed in 30.1s``), or what went wrong."""
    lines = [line for line in output.strip().splitlines() if line.strip()]
    return re.sub(r"\s+in [\d.]+s.*", "", lines[-1].strip("= ")) if lines else "no output"


def validate(course: Path, workers: tuple[str, ...], outcome: list[str]) -> float:
    """Both nbval runs with ``workers``; returns their total seconds, appends their summaries."""
    seconds = 0.0
    for options in RUNS:
        done = run([*PYTEST, *workers, *options], cwd=course, check=False)
        seconds += done.seconds
        outcome.append(_summary(done.output))
    return seconds


def bench_nbval(course: Path, rounds: int = 1) -> dict[str, Any]:
    """Serial and parallel validation of every notebook, alternated ``rounds`` times."""
    serial_outcome: list[str] = []
    parallel_outcome: list[str] = []
    pair = alternate(
        lambda: validate(course, SERIAL, serial_outcome),
        lambda: validate(course, PARALLEL, parallel_outcome),
        rounds,
    )
    serial, parallel = pair.best
    return {
        "notebooks": len([*course.glob("solutions/*.ipynb"), *course.glob("exercises/*.ipynb")]),
        "serial_s": serial,
        "parallel_s": parallel,
        "parallel_over_serial": parallel / serial,
        "outcome_serial": serial_outcome[:2],
        "outcome_parallel": parallel_outcome[:2],
        "rounds": {"serial_s": pair.first, "parallel_s": pair.second},
    }
