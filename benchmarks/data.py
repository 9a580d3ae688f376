"""Data generation at 1×, 10× and 100×: rows per second, and how the cost grows.

Each scale is generated in one fresh process (the first ``generate`` pays
nothing the others do not) several times; the best run counts. Rows are
those of all eight tables. Wall time is the target's measure; CPU time of the
process is reported next to it, as the figure the neighbours disturb least.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from benchmarks.timing import run

#: Best of this many runs per scale: small scales are quick and noisier.
REPEATS = {1: 5, 10: 3, 100: 2}

_GENERATE = """
import json, sys, time
from brakes.data import generate
generate(seed=11, scale=0.1)  # imports and first-use costs, outside the timings
scale, repeats = float(sys.argv[1]), int(sys.argv[2])
wall, cpu, rows = [], [], 0
for _ in range(repeats):
    start, start_cpu = time.perf_counter(), time.process_time()
    tables = generate(seed=11, scale=scale)
    wall.append(time.perf_counter() - start)
    cpu.append(time.process_time() - start_cpu)
    rows = sum(len(frame) for frame in tables.values())
    del tables
print(json.dumps({"rows": rows, "wall_s": min(wall), "cpu_s": min(cpu)}))
"""


def bench_data(repeats: dict[int, int] = REPEATS) -> dict[str, Any]:
    """Rows per second at each scale; the per-row cost at 100× against 10× (1.0 is linear)."""
    scales: dict[str, dict[str, float]] = {}
    for scale, times in repeats.items():
        done = run([sys.executable, "-c", _GENERATE, str(scale), str(times)])
        measured = json.loads(done.last_line())
        measured["rows_per_s"] = measured["rows"] / measured["wall_s"]
        measured["rows_per_cpu_s"] = measured["rows"] / measured["cpu_s"]
        scales[f"{scale}x"] = measured
    result: dict[str, Any] = {"scales": scales}
    if "10x" in scales and "100x" in scales:
        per_row = {key: scales[key]["wall_s"] / scales[key]["rows"] for key in ("10x", "100x")}
        result["per_row_100x_over_10x"] = per_row["100x"] / per_row["10x"]
    return result
