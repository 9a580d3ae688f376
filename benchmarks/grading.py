"""``brakes grade`` over a room's notebooks against the same notebooks run one by one.

A room of ``submissions`` learners each hands in the same notebook (by default
the getting-started solution notebook: a learner who answered everything).
The baseline runs each with ``jupyter nbconvert --execute``, one after
another, against the same data (``BRAKES_DATA_DIR``); ``brakes grade KIT
SUBMISSIONS --out REPORT`` runs them with its default jobs. The figure is the
throughput ratio: baseline seconds over ``brakes grade`` seconds.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from benchmarks.timing import BIN, ROOT, run

#: The notebook every learner of the benchmark's room hands in.
NOTEBOOK = ROOT / "solutions" / "00-getting-started.ipynb"
#: The room's data: a workshop's own seed, not the published one.
SEED = 7


def missing_grade() -> str | None:
    """Why ``brakes grade`` cannot be benchmarked yet, or None when it is there."""
    done = run([BIN / "brakes", "grade", "--help"], check=False)
    if done.returncode != 0:
        return "`brakes grade` is not there yet (src/brakes/trainer/grading is being built)"
    return None


def make_room(work: Path, submissions: int, notebook: Path) -> tuple[Path, Path]:
    """A kit with the room's data and a folder of ``submissions`` learners' notebooks."""
    kit = work / "kit"
    run([BIN / "brakes", "data", "--seed", str(SEED), "--out", kit / "data"])
    room = work / "submissions"
    for number in range(1, submissions + 1):
        learner = room / f"learner-{number:02d}"
        learner.mkdir(parents=True)
        shutil.copy2(notebook, learner / notebook.name)
    return kit, room


def one_by_one(kit: Path, room: Path, out: Path) -> tuple[float, float]:
    """Every submission run with ``jupyter nbconvert --execute``, one after the other.

    Returns the wall and CPU seconds of them all.
    """
    seconds = cpu = 0.0
    for path in sorted(room.glob("*/*.ipynb")):
        command = [BIN / "jupyter", "nbconvert", "--to", "notebook", "--execute"]
        command += ["--output-dir", out / path.parent.name, path]
        done = run(command, cwd=path.parent, env={"BRAKES_DATA_DIR": str(kit / "data")})
        seconds, cpu = seconds + done.seconds, cpu + done.cpu_seconds
    return seconds, cpu


def bench_grading(work: Path, submissions: int = 30, notebook: Path = NOTEBOOK) -> dict[str, Any]:
    """Throughput of ``brakes grade`` (default jobs) over the one-by-one baseline."""
    kit, room = make_room(work, submissions, notebook)
    baseline, baseline_cpu = one_by_one(kit, room, work / "nbconvert")
    graded = run(
        [BIN / "brakes", "grade", kit, room, "--out", work / "report"], check=False, timeout=3600
    )
    return {
        "submissions": submissions,
        "notebook": notebook.name,
        "jobs": os.cpu_count(),  # brakes grade's default
        "one_by_one_s": baseline,
        "grade_s": graded.seconds,
        "grade_exit_code": graded.returncode,
        "throughput_ratio": baseline / graded.seconds,
        # The work each side did (CPU seconds, kernels included): a ratio of wall times
        # can reach the cores only if grading does no more work than the baseline.
        "one_by_one_cpu_s": baseline_cpu,
        "grade_cpu_s": graded.cpu_seconds,
    }
