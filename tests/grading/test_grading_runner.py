"""The runner's warm workers: one worker runs notebook after notebook, each in a new kernel, and
one that a notebook takes down is replaced, that notebook becoming a report line.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import psutil
import pytest
from grading_notebooks import PYTHON, write
from nbformat.v4 import new_code_cell, new_notebook

from brakes.trainer.grading import sandbox
from brakes.trainer.grading.kit import locate
from brakes.trainer.grading.options import GradeOptions
from brakes.trainer.grading.runner import Runner
from brakes.trainer.grading.status import RunStatus
from brakes.trainer.grading.submissions import Submission, sha256_of

pytestmark = pytest.mark.kernel

OPTIONS = GradeOptions(jobs=1, timeout=45, memory_mb=1024)


@pytest.fixture(autouse=True)
def unsandboxed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run these kernels as the trainer: their notebooks write their worker's pid into the test's
    folder and kill their worker, which a sandboxed kernel cannot see (test_sandbox.py)."""
    monkeypatch.setattr(sandbox, "BWRAP", "brakes-no-such-bwrap")


def submission(folder: Path, name: str, *sources: str) -> Submission:
    """A notebook of the given code cells, handed in as ``name``."""
    path = write(
        new_notebook(metadata=PYTHON, cells=[new_code_cell(s) for s in sources]), folder / name
    )
    return Submission(path, name, path.stem, sha256_of(path))


def note_pids(log: Path) -> str:
    """A cell that adds a line to ``log``: its kernel's parent (the worker) and the kernel."""
    return f"import os\nopen({str(log)!r}, 'a').write(f'{{os.getppid()}} {{os.getpid()}}\\n')"


def logged(log: Path) -> list[tuple[int, int]]:
    """The (worker, kernel) pids :func:`note_pids` wrote, in order."""
    return [(int(w), int(k)) for w, k in (line.split() for line in log.read_text().splitlines())]


def test_a_worker_runs_notebook_after_notebook_each_in_a_new_kernel(
    kit: Path, tmp_path: Path
) -> None:
    log, child_pid = tmp_path / "pids.txt", tmp_path / "child.pid"
    escapes = (
        "import subprocess\n"
        "child = subprocess.Popen(['sleep', '600'], start_new_session=True)\n"
        f"open({str(child_pid)!r}, 'w').write(str(child.pid))"
    )
    with Runner(locate(kit), OPTIONS) as runner:
        first = runner.run(submission(tmp_path, "first.ipynb", note_pids(log), escapes))
        second = runner.run(submission(tmp_path, "second.ipynb", note_pids(log)))
    assert (first.status, second.status) == (RunStatus.RAN, RunStatus.RAN)
    (worker, kernel), (same_worker, other_kernel) = logged(log)
    assert worker == same_worker and kernel != other_kernel
    assert not psutil.pid_exists(worker)  # the runner let its idle worker end
    # What the first notebook started in a session of its own ended with that notebook.
    with contextlib.suppress(psutil.NoSuchProcess):  # gone, or dead and awaiting its reaper
        assert psutil.Process(int(child_pid.read_text())).status() == psutil.STATUS_ZOMBIE


def test_a_notebook_that_kills_its_worker_is_a_crash_and_the_next_gets_a_new_one(
    kit: Path, tmp_path: Path
) -> None:
    log = tmp_path / "pids.txt"
    kills = "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)"
    with Runner(locate(kit), OPTIONS) as runner:
        crashed = runner.run(submission(tmp_path, "kills.ipynb", note_pids(log), kills))
        after = runner.run(submission(tmp_path, "after.ipynb", note_pids(log)))
    assert crashed.status is RunStatus.CRASHED and "exit code -9" in crashed.reason
    assert after.status is RunStatus.RAN
    (killed, _), (fresh, _) = logged(log)
    assert killed != fresh
