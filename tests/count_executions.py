"""Count how many times each course notebook runs in a Jupyter kernel during a command.

Usage::

    python tests/count_executions.py start /tmp/count   # prints the variable to export
    export IPYTHONDIR=/tmp/count/ipython
    make test
    python tests/count_executions.py report /tmp/count

``start`` writes an IPython start-up file that logs, for every cell a kernel
runs, the kernel (process id and a random token) and a hash of the cell's code. ``report`` matches
each kernel's cells to the course's notebooks (solutions/ and exercises/): a
kernel that ran at least half of a notebook's distinctive code cells ran that
notebook. Every kernel that inherits IPYTHONDIR is counted (nbval, the site's
notebook cache, the kit's fresh environments); code run in-process (the hint
snippets test) and kernels started with a cleaned environment (the grader) are not.
"""

from __future__ import annotations

import hashlib
import sys
from collections import Counter, defaultdict
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]

STARTUP = """\
import hashlib, os
from pathlib import Path

_LOG = Path({log!r})
_KERNEL = f"{{os.getpid()}}-{{os.urandom(4).hex()}}"


def _brakes_count(info):
    digest = hashlib.sha256(info.raw_cell.encode()).hexdigest()
    with _LOG.open("a") as stream:
        stream.write(f"{{_KERNEL}} {{digest}}\\n")


get_ipython().events.register("pre_run_cell", _brakes_count)
"""


def digest(source: str) -> str:
    return hashlib.sha256(source.encode()).hexdigest()


def start(folder: Path) -> None:
    startup = folder / "ipython" / "profile_default" / "startup"
    startup.mkdir(parents=True, exist_ok=True)
    (startup / "00-count-cells.py").write_text(
        STARTUP.format(log=str(folder / "cells.log")), encoding="utf-8"
    )
    print(f"export IPYTHONDIR={folder / 'ipython'}")


def notebook_cells() -> dict[str, set[str]]:
    """Each course notebook's code cells (hashed) that no other notebook has."""
    cells = {
        path.relative_to(ROOT).as_posix(): {
            digest(cell.source)
            for cell in nbformat.read(path, as_version=4).cells
            if cell.cell_type == "code" and cell.source.strip()
        }
        for folder in ("solutions", "exercises")
        for path in sorted((ROOT / folder).glob("*.ipynb"))
    }
    seen = Counter(h for hashes in cells.values() for h in hashes)
    return {name: {h for h in hashes if seen[h] == 1} for name, hashes in cells.items()}


def report(folder: Path) -> None:
    ran: defaultdict[str, set[str]] = defaultdict(set)
    for line in (folder / "cells.log").read_text(encoding="utf-8").splitlines():
        kernel, cell = line.split()
        ran[kernel].add(cell)
    runs: Counter[str] = Counter()
    for cells in ran.values():
        for name, own in notebook_cells().items():
            if own and len(own & cells) * 2 >= len(own):
                runs[name] += 1
    for name in notebook_cells():
        print(f"{runs[name]:3d}  {name}")


if __name__ == "__main__":
    {"start": start, "report": report}[sys.argv[1]](Path(sys.argv[2]))
