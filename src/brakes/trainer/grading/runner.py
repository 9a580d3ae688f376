"""Run one submission in its own scratch folder and kernel, and always come back with a result.

Each notebook is copied into a fresh temporary folder laid out like a workshop
kit (``notebooks/notebook.ipynb`` beside ``data/``, a copy of the kit's tables,
so a notebook that deletes or rewrites files harms only its own copies, and
``notebooks/brakes-workshop.json``, whose sealed exercises the notebook's own
checks use: :func:`~brakes.trainer.grading.kit.kernel_workshop`), and
run by a warm :mod:`brakes.trainer.grading.worker` process of its own session, which
starts a new kernel for it. Workers are kept between notebooks, since
importing nbclient costs more CPU than running a course notebook's kernel
(:class:`Worker`). The kernel's environment is small and explicit
(:func:`kernel_env`): the trainer's variables are not passed on, ``HOME`` and
``TMPDIR`` point into the scratch folder, ``BRAKES_DATA_DIR`` at the copied
tables. If a worker overruns the time limit by
:data:`~brakes.trainer.grading.options.GRACE_S`, or stops or garbles its answer, it
and every process it started are killed, and it takes no other notebook. The
original file is only ever read.

Where bubblewrap works (:mod:`brakes.trainer.grading.sandbox`), each kernel runs in a
sandbox that sees only its scratch folder (writable) and the system's and
Python's folders (read-only), with no network; its connection file and ZeroMQ
``ipc`` sockets sit in the scratch folder (``kernel/``), where both sides
find them at the same path. Elsewhere the notebook runs with the trainer's
permissions, and each result says it was not isolated.

The runner passes the worker's :class:`~brakes.trainer.grading.result.Result`
on, adding only the seconds the run took and whether it was sandboxed.
"""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from brakes.exercises.outcomes import OUTCOME_MIME
from brakes.settings import WORKSHOP_FILE
from brakes.trainer.grading.kit import Kit, kernel_workshop, table_files
from brakes.trainer.grading.options import GRACE_S, MAX_NOTEBOOK_BYTES, GradeOptions
from brakes.trainer.grading.processes import kill_family
from brakes.trainer.grading.result import Garbled, Result
from brakes.trainer.grading.sandbox import find_isolation
from brakes.trainer.grading.status import RunStatus
from brakes.trainer.grading.submissions import Submission
from brakes.trainer.grading.worker import Job

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
WORKER = ("-m", "brakes.trainer.grading.worker")
#: Seconds an idle worker has to end once its stdin is closed, before it is killed.
STOP_WAIT_S = 5.0


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

    @property
    def connection_file(self) -> Path:
        """The kernel's connection file; its ``ipc`` sockets go beside it (``kernel-ipc-N``)."""
        return self.root / "kernel" / "kernel.json"

    def fill(self, original: Path, data_dir: Path, workshop: Mapping[str, Any]) -> None:
        """Copy the notebook and the kit's tables in, write the workshop file beside the
        notebook (``workshop``'s settings, its ``data`` the copied tables), make the kernel's
        folders.

        The tables are copies, not the kit's files bound read-only, so a
        notebook may change its data folder as in the learner's own kit.
        """
        folders = (self.notebook.parent, self.data, self.home, self.tmp)
        for folder in (*folders, self.connection_file.parent):
            folder.mkdir(parents=True)
        shutil.copyfile(original, self.notebook)
        for table in table_files(data_dir):
            shutil.copyfile(table, self.data / table.name)
        data = os.path.relpath(self.data, self.notebook.parent)
        settings = json.dumps({**workshop, "data": data})
        (self.notebook.parent / WORKSHOP_FILE).write_text(settings, encoding="utf-8")


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


def kill_tree(process: subprocess.Popen[bytes]) -> None:
    """Kill a worker, everything it started, and their process groups (a kernel has its own)."""
    if process.returncode is None:  # once reaped, its pid may belong to another process
        kill_family(process.pid, group=process.pid)  # a session leader: its group is its pid


class Worker:
    """A warm worker process: imports nbclient once, then runs one job after another.

    Jobs go in on its stdin and answers come back on its stdout, one JSON line
    each. It runs in a session of its own; a worker that misbehaves (no answer
    in time, dies, garbles its answer) is killed with all it started and never
    given another job.
    """

    def __init__(self, folder: Path) -> None:
        handle, errors = tempfile.mkstemp(prefix="worker-", suffix=".stderr", dir=folder)
        self.errors = Path(errors)  # its stderr, quoted if it crashes
        self._errors_start = 0
        with os.fdopen(handle, "wb") as stderr:
            self.process = subprocess.Popen(
                [sys.executable, *WORKER],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                cwd=folder,
                # Kernels' connection files go here too, removed with it whatever happens.
                env=dict(os.environ, JUPYTER_RUNTIME_DIR=str(folder), TMPDIR=str(folder)),
                start_new_session=True,
            )

    def ask(self, job: Job, limit: float) -> Result | None:
        """Send a job and read its answer; None when there is none within ``limit`` seconds.

        Without an answer, the worker is killed (and reaped) before this returns.
        """
        deadline = time.monotonic() + limit
        assert self.process.stdin is not None and self.process.stdout is not None
        self._errors_start = self.errors.stat().st_size  # what it writes for this job only
        try:
            self.process.stdin.write(json.dumps(asdict(job)).encode() + b"\n")
            self.process.stdin.flush()
        except OSError:  # it has stopped already: say how below
            return self._read(b"")
        answer = bytearray()
        with selectors.DefaultSelector() as selector:
            selector.register(self.process.stdout, selectors.EVENT_READ)
            while b"\n" not in answer:
                if not selector.select(max(0.0, deadline - time.monotonic())):
                    self.kill()
                    return None
                chunk = os.read(self.process.stdout.fileno(), 1 << 16)
                if not chunk:
                    break
                answer += chunk
        return self._read(bytes(answer))

    def _read(self, answer: bytes) -> Result:
        """The worker's result, or a crash that quotes the last line it wrote on stderr.

        A worker that wrote something other than a result is killed; when it
        had stopped with nothing written, its stderr says why.
        """
        result = Result.from_json(answer)
        if not isinstance(result, Garbled):
            return result
        self.kill()
        with self.errors.open("rb") as stream:
            stream.seek(self._errors_start)
            lines = stream.read().decode("utf-8", "replace").strip().splitlines()
        last = lines[-1][:200] if lines else "no message"
        garbled = f"; its answer was garbled: {result.why}" if answer.strip() else ""
        return Result(
            RunStatus.CRASHED,
            f"the grader's runner for this notebook stopped "
            f"(exit code {self.process.returncode}: {last}){garbled}",
        )

    @property
    def alive(self) -> bool:
        """Whether it may take another job."""
        return self.process.poll() is None

    def kill(self) -> None:
        """Kill it with everything it started, and reap it."""
        kill_tree(self.process)
        self.process.wait()
        self._close_pipes()

    def stop(self) -> None:
        """Let an idle worker end by closing its stdin; kill it if it does not."""
        assert self.process.stdin is not None
        with contextlib.suppress(OSError):
            self.process.stdin.close()
        try:
            self.process.wait(timeout=STOP_WAIT_S)
        except subprocess.TimeoutExpired:
            kill_tree(self.process)
            self.process.wait()
        self._close_pipes()

    def _close_pipes(self) -> None:
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()


class Runner:
    """Runs submissions one call at a time (from many threads) on warm workers; can stop them all.

    Each call takes an idle worker, or starts one, so there are never more
    workers than calls running at once. Use it as a context manager, or call
    :meth:`close`, to let the idle workers end. The sandbox is looked for once,
    here: with ``options.require_sandbox`` and none to be had, it refuses. The
    kernels' workshop file is made once here too (sealing every exercise takes
    a second when the kit has none).
    """

    def __init__(self, kit: Kit, options: GradeOptions, answer_names: Sequence[str] = ()) -> None:
        self.data_dir = kit.data
        self.options = options
        self.answer_names = list(answer_names)  # read back from each kernel once its cells ran
        self.isolation = find_isolation()
        if options.require_sandbox:
            self.isolation.require()
        self.workshop = kernel_workshop(kit)
        self._folder = Path(tempfile.mkdtemp(prefix="brakes-workers-"))
        self._idle: list[Worker] = []
        self._busy: set[Worker] = set()
        self._lock = threading.Lock()
        self._stopped = False

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def run(self, submission: Submission) -> Result:
        """Run one submission; whatever the notebook does, return how it went and how long."""
        start = time.monotonic()
        result = self._run(submission)
        return replace(
            result, seconds=time.monotonic() - start, isolated=self.isolation.sandbox is not None
        )

    def _run(self, submission: Submission) -> Result:
        """The worker's result for one submission, or why it did not get one."""
        refused = self._refuse(submission)
        if refused is not None:
            return Result(RunStatus.INVALID, refused)
        scratch = Scratch(Path(tempfile.mkdtemp(prefix="brakes-grade-")))
        try:
            try:
                scratch.fill(submission.path, self.data_dir, self.workshop)
            except OSError as error:
                reason = f"could not make its scratch copy ({error.strerror or error})"
                return Result(RunStatus.CRASHED, reason)
            sandbox = self.isolation.sandbox
            job = Job(
                notebook=str(scratch.notebook),
                env=kernel_env(scratch),
                timeout=self.options.timeout,
                memory_mb=self.options.memory_mb,
                output_cap=self.options.output_cap,
                record_mime=OUTCOME_MIME,
                connection_file=str(scratch.connection_file),
                launcher=sandbox.command(scratch.root, scratch.notebook.parent) if sandbox else [],
                answer_names=self.answer_names,
            )
            return self._work(job)
        finally:
            # A notebook may have made its files undeletable; what is left is only a temp folder.
            shutil.rmtree(scratch.root, ignore_errors=True)

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

    def _work(self, job: Job) -> Result:
        """Give the job to a worker, wait for it within the limit plus grace, read its answer."""
        worker = self._take()
        if worker is None:
            return Result(RunStatus.CRASHED, "grading was interrupted before this notebook ran")
        limit = job.timeout + GRACE_S
        try:
            result = worker.ask(job, limit)
        finally:
            self._give_back(worker)
        if result is None:
            return Result(
                RunStatus.TIMEOUT,
                f"stopped at the time limit of {job.timeout:g} s (the run did not end within "
                f"{limit:g} s and was killed)",
            )
        return result

    def _take(self) -> Worker | None:
        """An idle worker, or a new one; None once grading was stopped."""
        with self._lock:
            if self._stopped:
                return None
            worker = self._idle.pop() if self._idle else Worker(self._folder)
            self._busy.add(worker)
            return worker

    def _give_back(self, worker: Worker) -> None:
        """Keep a worker that answered for the next job; kill one that did not."""
        with self._lock:
            self._busy.discard(worker)
            keep = not self._stopped and worker.alive
            if keep:
                self._idle.append(worker)
        if not keep:
            worker.kill()

    def stop_all(self) -> None:
        """Kill every worker and refuse new jobs (the trainer pressed Ctrl-C)."""
        with self._lock:
            self._stopped = True
            workers = [*self._idle, *self._busy]
            self._idle.clear()
            for worker in workers:
                kill_tree(worker.process)

    def close(self) -> None:
        """Let the idle workers end and remove their folder (every call has returned)."""
        with self._lock:
            self._stopped = True
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.stop()
        shutil.rmtree(self._folder, ignore_errors=True)
