"""Run one submission in its own scratch folder and process, and always come back with a result.

Each notebook is copied into a fresh temporary folder laid out like a workshop
kit (``notebooks/notebook.ipynb`` beside ``data/``, a copy of the kit's tables,
so a notebook that deletes or rewrites files harms only its own copies), and
run by :mod:`brakes.grading.worker` in a process of its own session. The
kernel's environment is small and explicit (:func:`kernel_env`): the trainer's
variables are not passed on, ``HOME`` and ``TMPDIR`` point into the scratch
folder, ``BRAKES_DATA_DIR`` at the copied tables. If the worker overruns the
time limit by :data:`~brakes.grading.options.GRACE_S`, it and every process it
started are killed. The original file is only ever read.

This is not a sandbox: the notebook runs as the trainer's user. Grade work
you do not trust in a container or a throwaway account.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import psutil

from brakes.exercises.outcomes import OUTCOME_MIME
from brakes.grading.kit import table_files
from brakes.grading.options import GRACE_S, MAX_NOTEBOOK_BYTES, GradeOptions
from brakes.grading.status import RunStatus
from brakes.grading.submissions import Submission
from brakes.grading.worker import Job, Result

#: Variables of the trainer's environment a kernel still needs; every other one stays behind.
PASSED_ON = ("PATH", "PYTHONPATH", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "TZ", "SYSTEMROOT")
#: Keep a kernel's address space close to the memory it uses, since the limit counts reservations
#: (pyarrow's pool and glibc's per-thread arenas reserve gigabytes), and one thread per kernel.
KERNEL_SETTINGS = {
    "ARROW_DEFAULT_MEMORY_POOL": "system",
    "MALLOC_ARENA_MAX": "2",
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
}
#: The scratch copy's name: the learner's file name plays no part in running it.
NOTEBOOK_NAME = "notebook.ipynb"
#: How the worker is started, after the interpreter's path.
WORKER = ("-m", "brakes.grading.worker")


@dataclass(frozen=True)
class Scratch:
    """A temporary folder laid out like a kit, for one notebook."""

    root: Path

    @property
    def notebook(self) -> Path:
        return self.root / "notebooks" / NOTEBOOK_NAME

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def home(self) -> Path:
        return self.root / "home"

    @property
    def tmp(self) -> Path:
        return self.root / "tmp"

    def fill(self, original: Path, data_dir: Path) -> None:
        """Copy the notebook and the kit's tables in; make the kernel's home and temp folders."""
        for folder in (self.notebook.parent, self.data, self.home, self.tmp):
            folder.mkdir(parents=True)
        shutil.copyfile(original, self.notebook)
        for table in table_files(data_dir):
            shutil.copyfile(table, self.data / table.name)


def kernel_env(scratch: Scratch) -> dict[str, str]:
    """The kernel's whole environment: what Python needs, the limits' settings, the data folder."""
    env = {name: os.environ[name] for name in PASSED_ON if name in os.environ}
    env.update(KERNEL_SETTINGS)
    env.update(
        HOME=str(scratch.home),
        TMPDIR=str(scratch.tmp),
        BRAKES_DATA_DIR=str(scratch.data),
    )
    return env


@dataclass(frozen=True)
class Run:
    """How running one submission went: the worker's result and the wall-clock seconds."""

    status: RunStatus
    reason: str = ""
    seconds: float = 0.0
    exercise_cells: list[dict[str, Any]] = field(default_factory=list)
    outputs: list[dict[str, Any]] = field(default_factory=list)
    code_cells: list[list[Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    printed_bytes: int = 0
    truncated: bool = False

    @classmethod
    def from_result(cls, result: Result, seconds: float) -> Run:
        data = asdict(result)
        data["status"] = RunStatus(data["status"])
        return cls(**data, seconds=seconds)


def kill_tree(process: subprocess.Popen[bytes]) -> None:
    """Kill a worker, everything it started, and their process groups (a kernel has its own)."""
    try:
        family = psutil.Process(process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        family = []
    groups = {process.pid}
    for child in family:
        try:
            groups.add(os.getpgid(child.pid))
        except ProcessLookupError:
            continue
    groups.discard(os.getpgrp())  # never the grader's own group
    for group in groups:
        try:
            os.killpg(group, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            continue
    for child in family:
        try:
            child.kill()
        except psutil.NoSuchProcess:
            continue


class Runner:
    """Runs submissions one call at a time (from many threads), and can stop them all."""

    def __init__(self, data_dir: Path, options: GradeOptions) -> None:
        self.data_dir = data_dir
        self.options = options
        self._live: set[subprocess.Popen[bytes]] = set()
        self._lock = threading.Lock()
        self._stopped = False

    def run(self, submission: Submission) -> Run:
        """Run one submission; whatever the notebook does, return how it went."""
        start = time.monotonic()
        refused = self._refuse(submission)
        if refused is not None:
            return Run(RunStatus.INVALID, refused, time.monotonic() - start)
        scratch = Scratch(Path(tempfile.mkdtemp(prefix="brakes-grade-")))
        try:
            try:
                scratch.fill(submission.path, self.data_dir)
            except OSError as error:
                reason = f"could not make its scratch copy ({error.strerror or error})"
                return Run(RunStatus.CRASHED, reason, time.monotonic() - start)
            job = Job(
                notebook=str(scratch.notebook),
                env=kernel_env(scratch),
                timeout=self.options.timeout,
                memory_mb=self.options.memory_mb,
                output_cap=self.options.output_cap,
                record_mime=OUTCOME_MIME,
            )
            result = self._work(job, scratch)
        finally:
            # A notebook may have made its files undeletable; what is left is only a temp folder.
            shutil.rmtree(scratch.root, ignore_errors=True)
        return Run.from_result(result, time.monotonic() - start)

    def _refuse(self, submission: Submission) -> str | None:
        """Why a file is not even copied: unreadable, or too big to be a learner's notebook."""
        try:
            size = submission.path.stat().st_size
        except OSError as error:
            return f"cannot be read ({error.strerror})"
        if submission.sha256 is None:
            return "cannot be read (permission denied or a broken file)"
        if size > MAX_NOTEBOOK_BYTES:
            return (
                f"the file is {size / 1e6:.0f} MB; a notebook over "
                f"{MAX_NOTEBOOK_BYTES / 1e6:.0f} MB is not graded"
            )
        return None

    def _work(self, job: Job, scratch: Scratch) -> Result:
        """Start the worker, wait for it within the limit plus grace, read its answer."""
        env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(scratch.root / "runtime"))
        with self._lock:
            if self._stopped:
                return Result(RunStatus.CRASHED, "grading was interrupted before this notebook ran")
            process = subprocess.Popen(
                [sys.executable, *WORKER],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                cwd=scratch.root,
                env=env,
                start_new_session=True,
            )
            self._live.add(process)
        limit = job.timeout + GRACE_S
        try:
            out, err = process.communicate(json.dumps(asdict(job)).encode(), timeout=limit)
        except subprocess.TimeoutExpired:
            kill_tree(process)
            # Something that escaped the kill may still hold the pipes: do not wait on it.
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.communicate(timeout=5)
            process.wait()
            return Result(
                RunStatus.TIMEOUT,
                f"stopped at the time limit of {job.timeout:g} s (the run did not end within "
                f"{limit:g} s and was killed)",
            )
        finally:
            with self._lock:
                self._live.discard(process)
                if process.returncode is None:  # once reaped, its pid may belong to another
                    kill_tree(process)
        return _read_result(process.returncode, out, err)

    def stop_all(self) -> None:
        """Kill every running worker and refuse new ones (the trainer pressed Ctrl-C)."""
        with self._lock:
            self._stopped = True
            for process in self._live:
                if process.returncode is None:
                    kill_tree(process)


def _read_result(returncode: int, out: bytes, err: bytes) -> Result:
    """The worker's JSON answer, or a crash that quotes the last line it wrote on stderr."""
    try:
        data = json.loads(out)
        data["status"] = RunStatus(data["status"])
        return Result(**data)
    except (ValueError, TypeError, KeyError):
        lines = err.decode("utf-8", "replace").strip().splitlines()
        last = lines[-1][:200] if lines else "no message"
        return Result(
            RunStatus.CRASHED,
            f"the grader's runner for this notebook stopped (exit code {returncode}: {last})",
        )
