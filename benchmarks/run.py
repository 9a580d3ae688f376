"""`make bench`: measure everything, print one table, write ``bench/results.json``.

    python -m benchmarks.run                 # every section (about 10 minutes on 2 cores)
    python -m benchmarks.run --only data checks
    python -m benchmarks.run --submissions 8 --build-rounds 1

Sections run one after the other, never two at once, so they do not disturb
each other; each works in its own scratch folder under the system's temporary
folder, from a private copy of the course, and leaves the working tree alone.
"""

from __future__ import annotations

import argparse
import datetime
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console

from benchmarks import report
from benchmarks.lighthouse import RUNS as LIGHTHOUSE_RUNS
from benchmarks.timing import ROOT, BenchError, cores, load_average, run

SECTIONS = ("build", "nbval", "checks", "data", "grading", "weight", "lighthouse")
RESULTS = ROOT / "bench" / "results.json"


def _git() -> dict[str, Any]:
    head = run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], check=False).output.strip()
    status = run(["git", "-C", ROOT, "status", "--porcelain"], check=False).output
    return {"commit": head, "uncommitted_files": len(status.splitlines())}


def _machine() -> dict[str, Any]:
    return {
        "cores": cores(),
        "python": platform.python_version(),
        "load_average_at_start": load_average(),
    }


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="+", choices=SECTIONS, help="run these sections only")
    parser.add_argument(
        "--build-rounds", type=int, default=2, help="clean builds and serial floors (2)"
    )
    parser.add_argument(
        "--light-rounds", type=int, default=3, help="rebuilds and import floors (3)"
    )
    parser.add_argument("--nbval-rounds", type=int, default=1, help="nbval, each way (1)")
    parser.add_argument("--submissions", type=int, default=30, help="learners graded (30)")
    parser.add_argument(
        "--lighthouse-runs",
        type=int,
        default=LIGHTHOUSE_RUNS,
        help=f"Lighthouse runs per page, the median kept ({LIGHTHOUSE_RUNS})",
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="where results.json goes")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the sections asked for; print the table; write the results."""
    args = parse(argv)
    console = Console(width=None if sys.stdout.isatty() else 160)
    wanted = args.only or SECTIONS
    results: dict[str, Any] = {
        "generated": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "command": " ".join(["python -m benchmarks.run", *(argv or sys.argv[1:])]),
        "machine": _machine(),
        "git": _git(),
        "seconds": {},
    }
    with tempfile.TemporaryDirectory(prefix="brakes-bench-") as scratch:
        work = Path(scratch)
        built: dict[str, Path] = {}

        def build() -> dict[str, Any]:
            from benchmarks.build import bench_build

            measured = bench_build(work / "build", args.build_rounds, args.light_rounds)
            built["html"] = work / "build" / "out" / "html"
            built["course"] = work / "build" / "course"
            return measured.summary()

        def nbval() -> dict[str, Any]:
            from benchmarks.timing import copy_course
            from benchmarks.validation import bench_nbval

            course = built.get("course") or copy_course(work / "nbval")
            return bench_nbval(course, args.nbval_rounds)

        def checks() -> dict[str, Any]:
            from benchmarks.checks import bench_checks

            return bench_checks()

        def data() -> dict[str, Any]:
            from benchmarks.data import bench_data

            return bench_data()

        def grading() -> dict[str, Any]:
            from benchmarks.grading import bench_grading, missing_grade

            reason = missing_grade()
            if reason:
                return {"skipped": reason}
            return bench_grading(work / "grading", args.submissions)

        def weight() -> dict[str, Any]:
            from benchmarks.weight import bench_weight, missing_tools

            reason = missing_tools()
            if reason:
                return {"skipped": reason}
            site = built.get("html") or ROOT / "_build" / "html"
            if not (site / "index.html").is_file():
                return {"skipped": f"no site at {site}: run `make site` first"}
            return {"site": str(site.relative_to(work)) if work in site.parents else str(site)} | (
                bench_weight(site)
            )

        def lighthouse() -> dict[str, Any]:
            from benchmarks.lighthouse import bench_lighthouse, missing_tools

            reason = missing_tools()
            if reason:
                return {"skipped": reason}
            pair = (built["course"], built["html"]) if "html" in built else None
            cache = (pair[1].parent if pair else ROOT / "_build") / ".jupyter_cache"
            return bench_lighthouse(work / "lighthouse", pair, cache, args.lighthouse_runs)

        steps: dict[str, Callable[[], dict[str, Any]]] = {
            "build": build,
            "nbval": nbval,
            "checks": checks,
            "data": data,
            "grading": grading,
            "weight": weight,
            "lighthouse": lighthouse,
        }
        for name in SECTIONS:
            if name not in wanted:
                continue
            console.print(f"[bold]{name}[/bold]…")
            start = time.perf_counter()
            try:
                results[name] = steps[name]()
            except BenchError as error:
                results[name] = {"skipped": f"failed: {str(error).splitlines()[0][:200]}"}
                console.print(str(error)[-2000:])
            results["seconds"][name] = round(time.perf_counter() - start, 1)
    results["machine"]["load_average_at_end"] = load_average()
    report.write(results, args.out, console)
    return 0


if __name__ == "__main__":
    sys.exit(main())
