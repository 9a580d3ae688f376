"""Benchmarks for `make bench`: every figure is a ratio of two timings taken side by side.

Timings on shared machines are noisy, so each pair is measured in alternation
(A, B, A, B, …) and the best of each is kept; only the ratio is reported as
the result. Nothing here is a pass/fail test.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]


def best_of_pair(
    first: Callable[[], object], second: Callable[[], object], rounds: int
) -> tuple[float, float]:
    """Best wall time of each function over `rounds`, run in alternation."""
    best = [float("inf"), float("inf")]
    for _ in range(rounds):
        for index, function in enumerate((first, second)):
            start = time.perf_counter()
            function()
            best[index] = min(best[index], time.perf_counter() - start)
    return best[0], best[1]


def bench_generation() -> tuple[str, float, float]:
    """How generation grows with the number of mentions: scale 10 against scale 1."""
    from brakes.data import generate

    one, ten = best_of_pair(
        lambda: generate(seed=11, scale=1), lambda: generate(seed=11, scale=10), 3
    )
    return "generate(scale=10) / generate(scale=1)", one, ten


def bench_cache() -> tuple[str, float, float]:
    """What the per-process cache saves a notebook that loads a table twice."""
    from brakes.data import generate, load

    load("mentions", seed=12)
    fresh, cached = best_of_pair(lambda: generate(seed=13), lambda: load("mentions", seed=12), 3)
    return "load() cached / generate() fresh", fresh, cached


def bench_check() -> tuple[str, float, float]:
    """The cost of a check (expected answer + comparison) against the learner's own pandas step."""
    from brakes.data import load
    from brakes.exercises import exercise

    mentions = load("mentions")
    answer = mentions["channel"].value_counts()
    step, check = best_of_pair(
        lambda: mentions["channel"].value_counts(), lambda: exercise("0.2").evaluate(answer), 5
    )
    return "a check (expected answer + comparison) / the pandas step it checks", step, check


def bench_site() -> tuple[str, float, float]:
    """A no-change rebuild of the site against a clean build (notebooks cached by jupyter-cache)."""
    work = Path(tempfile.mkdtemp(prefix="brakes-bench-"))
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(ROOT), str(work / "html")]

    def clean() -> None:
        shutil.rmtree(work, ignore_errors=True)
        subprocess.run(command, check=True, capture_output=True)

    def rebuild() -> None:
        subprocess.run(command, check=True, capture_output=True)

    cold, warm = best_of_pair(clean, rebuild, 2)
    shutil.rmtree(work, ignore_errors=True)
    return "no-change rebuild / clean build of the site", cold, warm


def main() -> None:
    """Run every benchmark and print one table of ratios."""
    console = Console()
    table = Table(title="Releasing the Brakes: benchmarks (best of alternating runs)")
    for header in ("comparison", "baseline (s)", "measured (s)", "ratio"):
        table.add_column(header)
    benchmarks = [bench_generation, bench_cache, bench_check]
    if "--site" in sys.argv:
        benchmarks.append(bench_site)
    for bench in benchmarks:
        label, baseline, measured = bench()
        table.add_row(label, f"{baseline:.4f}", f"{measured:.4f}", f"{measured / baseline:.3g}x")
    console.print(table)


if __name__ == "__main__":
    main()
