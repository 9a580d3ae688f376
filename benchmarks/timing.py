"""The clock, the shell and the statistics every benchmark shares."""

from __future__ import annotations

import math
import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The virtualenv's executables (pytest, brakes, jupyter), next to the running Python.
BIN = Path(sys.executable).parent


class BenchError(RuntimeError):
    """A benchmark could not measure what it set out to (a command failed, a tool is missing)."""


@dataclass
class Run:
    """One command's wall time, exit code, the tail of what it printed, and its CPU time.

    ``cpu_seconds`` is user and system time of the command and the processes it
    waited for (Sphinx's workers, their kernels): the work done, whatever the
    neighbours did meanwhile.
    """

    seconds: float
    returncode: int
    output: str = ""
    cpu_seconds: float = 0.0
    stdout: str = ""

    def last_line(self) -> str:
        """The last line the command printed on its standard output (its result)."""
        lines = self.stdout.strip().splitlines()
        return lines[-1] if lines else ""


def cpu_clock() -> float:
    """CPU seconds used so far by this process and every child it has waited for."""
    own, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run(
    command: Sequence[str | Path],
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    check: bool = True,
    timeout: float | None = None,
) -> Run:
    """Run ``command``, timing its wall clock; with ``check``, a failure raises BenchError."""
    full_env = {**os.environ, **(env or {})}
    start, start_cpu = time.perf_counter(), cpu_clock()
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )
    seconds, cpu = time.perf_counter() - start, cpu_clock() - start_cpu
    output = (done.stdout + done.stderr)[-4000:]
    if check and done.returncode != 0:
        raise BenchError(f"{' '.join(map(str, command))} exited with {done.returncode}:\n{output}")
    return Run(seconds, done.returncode, output, cpu, done.stdout)


@dataclass
class Pair:
    """Two things timed in alternation (A, B, A, B…), every round kept; the best of each is used."""

    first: list[float] = field(default_factory=list)
    second: list[float] = field(default_factory=list)

    @property
    def best(self) -> tuple[float, float]:
        return min(self.first), min(self.second)

    @property
    def ratio(self) -> float:
        """Best of the second over best of the first."""
        first, second = self.best
        return second / first


def alternate(first: Callable[[], float], second: Callable[[], float], rounds: int) -> Pair:
    """Time ``first`` and ``second`` in turn, ``rounds`` times each; each returns its own time.

    Alternating spreads a neighbour's burst of load over both sides, and the
    best of each side is the least disturbed run: the ratio of the two bests
    is the figure a shared machine can give.
    """
    pair = Pair()
    for _ in range(rounds):
        pair.first.append(first())
        pair.second.append(second())
    return pair


def percentile(values: Sequence[float], share: float) -> float:
    """The ``share`` (0-1) percentile of ``values``, by linear interpolation between ranks."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    position = (len(ordered) - 1) * share
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def load_average() -> float | None:
    """The machine's one-minute load average (how busy the neighbours are), where known."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def cores() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


#: What copying the course leaves out: build output, tools, caches, and the repository's history.
COPY_IGNORED = shutil.ignore_patterns(
    "_build",
    ".venv",
    ".git",
    "node_modules",
    ".jupyter_cache",
    "jupyter_execute",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    ".ipynb_checkpoints",
    "bench",
    "*.egg-info",
)


def copy_course(target: Path) -> Path:
    """A private copy of the course's sources at ``target``, to build and edit freely.

    The benchmarks never build or edit the working tree itself: others may be
    working in it, and an edited chapter must not reach it.
    """
    shutil.copytree(ROOT, target, ignore=COPY_IGNORED, symlinks=True)
    return target
