"""Submissions for the grading tests: learner notebooks answered from the solutions, hostile ones.

A good or partial submission is a learner notebook from ``exercises/`` whose
answer cells are replaced by the same cell of the ``solutions/`` notebook (or
by other code), as a learner who worked through it would hand it in. The
hostile notebooks that need no path live in ``fixtures/``; the endless loop is
written here because it names the file where its child process leaves its pid.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Mapping, Sequence
from pathlib import Path

import nbformat
import psutil
from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_notebook

from brakes.config import COURSE

FIXTURES = Path(__file__).parent / "fixtures"
#: Stands for "the solution notebook's cell" in :func:`answered`.
SOLUTION = "<solution>"
PYTHON = {
    "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
    "language_info": {"name": "python"},
}


def _exercise_of(cell: NotebookNode) -> str | None:
    meta = cell.get("metadata", {}).get("brakes")
    return meta.get("exercise") if isinstance(meta, dict) else None


def exercise_sources(nb: NotebookNode) -> dict[str, str]:
    """Each exercise cell's code, by exercise id."""
    return {ex: cell.source for cell in nb.cells if (ex := _exercise_of(cell))}


def answered(
    name: str,
    answers: Mapping[str, str],
    after: Mapping[str, Sequence[str]] | None = None,
) -> NotebookNode:
    """The learner notebook ``name`` with some answers filled in and some cells added.

    ``answers`` maps an exercise id to :data:`SOLUTION` (the solution notebook's
    cell) or to the code the learner wrote instead; ``after`` adds new code
    cells right after an exercise's cell, as a learner does.
    """
    learner = nbformat.read(COURSE.exercises_dir / name, as_version=4)
    solutions = exercise_sources(nbformat.read(COURSE.solutions_dir / name, as_version=4))
    cells = []
    for cell in learner.cells:
        cell = copy.deepcopy(cell)
        exercise = _exercise_of(cell)
        if exercise in answers:
            answer = answers[exercise]
            cell.source = solutions[exercise] if answer == SOLUTION else answer
        cells.append(cell)
        for number, code in enumerate((after or {}).get(exercise or "", ())):
            added = new_code_cell(code)
            added["id"] = f"added-{exercise}-{number}".replace(".", "-")
            cells.append(added)
    learner.cells = cells
    return learner


def every_answer(name: str) -> dict[str, str]:
    """Every exercise of a notebook answered with its solution."""
    return dict.fromkeys(exercise_sources(nbformat.read(COURSE.exercises_dir / name, 4)), SOLUTION)


#: Exercise 0.1 answered wrong: 0.1 mentions.
WRONG = 'q1 = exercise("0.1")\nn_mentions = 0.1\n'
#: Ten mentions as the only mentions table of a data folder (``folder`` is Python code).
TEN_MENTIONS = (
    "from brakes.data import write_tables\n"
    'write_tables({{"mentions": load("mentions").head(10)}}, {folder})\n'
)
#: Notebooks whose check shows 0.1 correct though its answer is not: what the grader must see
#: through. Each answers from the getting-started notebook, as a learner would hand it in. In the
#: sandbox, whose kernel checks with the kit's sealed exercises, the patched module and the
#: rewritten or swapped data no longer manage to show it correct (test_grading_room.py).
TAMPERING = {
    # A check record made by hand, displayed after a wrong answer.
    "hand-made-record.ipynb": WRONG + "from IPython.display import display\n"
    "from brakes.exercises.outcomes import OUTCOME_MIME, Kind, Status, make_record\n"
    'record = make_record("0.1", Kind.CHECK, "Correct!", Status.CORRECT)\n'
    'display({OUTCOME_MIME: record, "text/plain": "Correct!"}, raw=True)',
    # The question's check rebound: it checks the right answer whatever it is given.
    "rebound-check.ipynb": WRONG + "right = len(mentions)\n"
    "q1.check = lambda answer: type(q1).check(q1, right)\n"
    "q1.check(n_mentions)",
    # The course's checking module monkeypatched: every answer is judged as the right one.
    "patched-checking.ipynb": "import brakes.exercises.checking as checking\n\n"
    "real = checking.verdict_for\n"
    "checking.verdict_for = lambda exercise, answer, load=checking.default_load: real(\n"
    "    exercise, exercise.expected(load), load\n"
    ")\n" + WRONG + "q1.check(n_mentions)",
    # The scratch copy of the data written over with ten mentions, then counted.
    "rewritten-data.ipynb": "import os\n"
    + TEN_MENTIONS.format(folder='os.environ["BRAKES_DATA_DIR"]')
    + 'q1 = exercise("0.1")\nn_mentions = len(load("mentions"))\nq1.check(n_mentions)',
    # A data folder of ten mentions swapped in as the kernel's data, then counted.
    "swapped-data.ipynb": "import os\nfrom brakes.data import use\n"
    + TEN_MENTIONS.format(folder='os.path.expanduser("~/ten")')
    + 'use(data_dir=os.path.expanduser("~/ten"))\n'
    + 'q1 = exercise("0.1")\nn_mentions = len(load("mentions"))\nq1.check(n_mentions)',
}
#: The answer variable deleted after its (right) check: nothing is left to re-check.
DELETED = "deleted-after-check.ipynb"


def tampered() -> dict[str, NotebookNode]:
    """Every tampering notebook by file name: those of :data:`TAMPERING`, and :data:`DELETED`."""
    notebooks = {
        name: answered("00-getting-started.ipynb", {"0.1": code})
        for name, code in TAMPERING.items()
    }
    notebooks[DELETED] = answered(
        "00-getting-started.ipynb", {"0.1": SOLUTION}, after={"0.1": ["del n_mentions"]}
    )
    return notebooks


def endless_loop(marker: str) -> NotebookNode:
    """Starts a child process (``sleep MARKER``, see :func:`still_running`), then loops, deaf to
    interrupts. The loop sleeps: it waits for the timeout as a busy one would, without
    taking a core from the rest of the test run for the whole of it."""
    nb = new_notebook(metadata=PYTHON)
    nb.cells = [
        new_code_cell(f"import subprocess\n\nchild = subprocess.Popen(['sleep', {marker!r}])"),
        new_code_cell(
            "import time\n\nwhile True:\n    try:\n        time.sleep(0.1)\n"
            "    except KeyboardInterrupt:\n        pass"
        ),
        new_code_cell("print('never printed')"),
    ]
    for number, cell in enumerate(nb.cells):
        cell["id"] = f"loop-{number}"
    return nb


def still_running(marker: str) -> list[psutil.Process]:
    """The processes ``sleep MARKER`` that are alive and not yet dead and awaiting their reaper.

    Found by command line, as a sandboxed notebook can leave its child's pid nowhere the test
    reads, and knows only its namespace's pids. ``marker`` is a number of seconds, such as
    ``f"600.{os.getpid()}"``, that no other test's child sleeps.
    """
    return [
        process
        for process in psutil.process_iter(["cmdline", "status"])
        if process.info["cmdline"] == ["sleep", marker]
        and process.info["status"] != psutil.STATUS_ZOMBIE
    ]


def write(nb: NotebookNode, path: Path) -> Path:
    """Write a notebook (making its folder)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def hashes(folder: Path) -> dict[str, str]:
    """The SHA-256 of every file under ``folder``, by relative path."""
    return {
        p.relative_to(folder).as_posix(): sha256(p)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
