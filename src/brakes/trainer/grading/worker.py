"""Run notebooks in kernels under limits; answer with what grading needs, one JSON line each.

``python -m brakes.trainer.grading.worker`` reads :class:`Job` objects on stdin, one
JSON line each, and answers each with one line on stdout, until stdin closes:
a worker stays warm, importing nbclient once for many notebooks. The runner
(:mod:`brakes.trainer.grading.runner`) starts it in its own process and session, so a
notebook that hangs, crashes or floods its output costs this process, never
the batch. Each notebook gets a new kernel, started under the memory limit
(:mod:`brakes.trainer.grading.kernel`), in its scratch folder, with its stdout and
stderr going nowhere. Every cell runs, even after one raises (Jupyter's "Run
All" would stop there; here the later exercises still count). At the time
limit the kernel's whole process group is killed; when the notebook ends, so
is every process it started. Only what grading reads is kept: the check
records (at most ``output_cap`` bytes), each failing cell's error name and
message, and, once every cell has run, the exercises' answer variables read
back from the kernel as data (:mod:`brakes.trainer.grading.answers`, at most
``output_cap`` bytes too) for the grader to judge. Printed output is counted
and dropped. The answer is a :class:`~brakes.trainer.grading.result.Result`,
the one type a run's outcome has from here to the report.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError
from nbformat import NotebookNode
from traitlets import Instance

from brakes.trainer.grading.answers import ANSWERS_MIME, extraction_code
from brakes.trainer.grading.processes import kill_family
from brakes.trainer.grading.result import (
    CellError,
    CellOutputs,
    Result,
    code_cells,
    exercise_cells,
    short,
)
from brakes.trainer.grading.status import RunStatus

#: How many characters of an error's message are kept.
EVALUE_CHARS = 300
#: How many cells' errors are kept (the first ones say what went wrong).
ERRORS_KEPT = 100


@dataclass(frozen=True)
class Job:
    """What to run and under which limits (sent by the runner as JSON)."""

    notebook: str  # the scratch copy; the kernel runs in its folder
    env: dict[str, str]  # the kernel's whole environment
    timeout: float
    memory_mb: int
    output_cap: int
    record_mime: str  # outputs carrying this MIME type are check records: keep them
    connection_file: str  # in the scratch folder; the kernel's ipc sockets go beside it
    launcher: list[str] = field(default_factory=list)  # the sandbox's command, or none
    # The exercises' answer variables, read back from the kernel once the cells have run.
    answer_names: list[str] = field(default_factory=list)


def _short(text: Any, limit: int = EVALUE_CHARS) -> str:
    return short(text, limit)


# ---------------------------------------------------------------------------
# Reading the submission
# ---------------------------------------------------------------------------


def read_submission(path: Path) -> tuple[NotebookNode | None, Result | None]:
    """The notebook, or the result that says why it cannot be run (invalid, other kernel)."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return None, Result(RunStatus.INVALID, "not a notebook: the file is not UTF-8 text")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return None, Result(
            RunStatus.INVALID,
            f"not a notebook: broken JSON ({error.msg} at line {error.lineno}, "
            f"column {error.colno}); was it saved completely?",
        )
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        return None, Result(RunStatus.INVALID, "not a notebook: JSON without a list of cells")
    if data.get("nbformat") != 4:
        return None, Result(
            RunStatus.INVALID,
            f"notebook format {_short(data.get('nbformat'), 20)}; only format 4 "
            "(any Jupyter since 2015) is graded",
        )
    captured: dict[str, Any] = {}
    try:
        nb = nbformat.reads(text, as_version=4, capture_validation_error=captured)
    except (nbformat.ValidationError, ValueError, KeyError, TypeError, AttributeError) as error:
        return None, Result(RunStatus.INVALID, f"not a valid notebook: {_short(error, 160)}")
    invalid = captured.get("ValidationError")
    if invalid is not None:
        return None, Result(
            RunStatus.INVALID,
            f"not a valid notebook: {_short(getattr(invalid, 'message', invalid), 160)}",
            exercise_cells=exercise_cells(nb.get("cells", [])),
        )
    problem = other_kernel(nb)
    if problem:
        return None, Result(
            RunStatus.NOT_RUN, problem, exercise_cells=exercise_cells(nb.get("cells", []))
        )
    return nb, None


def other_kernel(nb: NotebookNode) -> str | None:
    """Why the notebook is not for Python, or None when it is (or names no language).

    Jupyter writes the language into both ``kernelspec`` and ``language_info``;
    a kernel name alone (``conda-env-course-py``) says little, so it is not judged.
    """
    spec = nb.metadata.get("kernelspec") or {}
    info = nb.metadata.get("language_info") or {}
    language = str(spec.get("language") or info.get("name") or "").strip()
    name = str(spec.get("name") or "").strip()
    if not language or language.lower() == "python":
        return None
    return (
        f"written for another kernel ({_short(name or '?', 40)}, language "
        f"{_short(language or 'unknown', 40)}); only Python notebooks are graded"
    )


# ---------------------------------------------------------------------------
# Running it
# ---------------------------------------------------------------------------

KERNEL_NAME = "brakes-grading"


class _GradingKernels(KernelSpecManager):
    """Every kernel name resolves to this Python's kernel, started under the memory limit."""

    spec = Instance(KernelSpec)

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        return self.spec


def kernel_spec(memory_mb: int, launcher: list[str]) -> KernelSpec:
    """The grader's interpreter, through :mod:`brakes.trainer.grading.kernel`, after ``launcher``.

    ``launcher`` is the sandbox's command (:mod:`brakes.trainer.grading.sandbox`), or
    empty. Its IPython history stays in memory, as nbclient keeps it for an
    IPython kernel: no SQLite file is written in a scratch home that is thrown away.
    """
    argv = [*launcher, sys.executable, "-m", "brakes.trainer.grading.kernel", str(memory_mb)]
    argv += ["--HistoryManager.hist_file=:memory:", "-f"]
    return KernelSpec(
        argv=[*argv, "{connection_file}"], display_name="Python 3 (grading)", language="python"
    )


def _size(content: dict[str, Any]) -> int:
    """Roughly how many bytes an output message carries."""
    if "text" in content:
        return len(str(content["text"]))
    return len(json.dumps(content.get("data", content), default=str))


class _GradingClient(NotebookClient):
    """nbclient, keeping only check records (within a byte cap) and the cells' errors."""

    def __init__(self, nb: NotebookNode, *, record_mime: str, output_cap: int, **kw: Any) -> None:
        super().__init__(nb, **kw)
        self.record_mime = record_mime
        self.output_cap = output_cap
        self.printed_bytes = 0
        self.kept_bytes = 0
        self.truncated = False
        self.current_cell: int | None = None
        self.errors: list[CellError] = []
        self.on_cell_error = self._note_error

    async def async_execute_cell(
        self, cell: NotebookNode, cell_index: int, *args: Any, **kwargs: Any
    ) -> NotebookNode:
        self.current_cell = cell_index
        return await super().async_execute_cell(cell, cell_index, *args, **kwargs)

    def _note_error(
        self, cell: NotebookNode, cell_index: int, execute_reply: dict[str, Any]
    ) -> None:
        """Keep the name and message of a cell's error (from the reply: printed or not)."""
        content = execute_reply.get("content", {})
        if len(self.errors) < ERRORS_KEPT:
            self.errors.append(
                CellError(
                    cell_index,
                    _short(content.get("ename", ""), 80),
                    _short(content.get("evalue", "")),
                )
            )

    def _kept(self, msg: dict[str, Any]) -> NotebookNode | None:
        content = msg["content"]
        data = content.get("data")
        is_display = msg["msg_type"] in ("display_data", "execute_result")
        if is_display and isinstance(data, dict) and self.record_mime in data:
            return nbformat.v4.new_output(
                "display_data", data={self.record_mime: data[self.record_mime]}
            )
        return None

    def output(
        self, outs: list[NotebookNode], msg: dict[str, Any], display_id: Any, cell_index: int
    ) -> NotebookNode | None:
        self.printed_bytes += _size(msg["content"])
        kept = self._kept(msg)
        if kept is None:
            return None
        size = len(json.dumps(kept, default=str))
        if self.kept_bytes + size > self.output_cap:
            self.truncated = True
            return None
        self.kept_bytes += size
        outs.append(kept)
        return kept

    def clear_output(self, outs: list[NotebookNode], msg: dict[str, Any], cell_index: int) -> None:
        """Keep check records even when a cell clears its output."""


def _kill_group(pgid: int | None) -> None:
    if pgid is None:
        return
    with contextlib.suppress(ProcessLookupError, PermissionError):  # already gone
        os.killpg(pgid, signal.SIGKILL)


@dataclass
class _Run:
    """What the run of the cells left, for :func:`conclude`."""

    timed_out: bool = False
    died: bool = False
    exit_code: int | None = None
    failure: str = ""
    cell: int | None = None
    reading_answers: bool = False  # it stopped while the grader read the answers back
    answers: str = ""
    answers_note: str = ""  # why the answers could not be read back


async def _read_answers(client: _GradingClient, job: Job, deadline: float, run: _Run) -> None:
    """Ask the kernel for the answer variables; keep the one JSON display that answers.

    Whatever comes back is only data for :func:`brakes.trainer.grading.answers.read_answers`;
    anything the kernel prints or displays besides is dropped.
    """
    payloads: list[str] = []

    def keep(msg: dict[str, Any]) -> None:
        data = msg["content"].get("data") if msg["msg_type"] == "display_data" else None
        if isinstance(data, dict) and isinstance(data.get(ANSWERS_MIME), str) and not payloads:
            payloads.append(data[ANSWERS_MIME])

    kc = client.kc
    if not isinstance(kc, AsyncKernelClient):  # nbclient made none: the kernel never answered
        raise RuntimeError("no client to the kernel")
    run.reading_answers = True
    try:
        reply = await kc.execute_interactive(
            extraction_code(job.answer_names, job.output_cap),
            store_history=False,
            allow_stdin=False,
            output_hook=keep,
            timeout=max(1.0, deadline - time.monotonic() + 1.0),
        )
    except TimeoutError:
        run.answers_note = "the answers could not be read back in time"
        return
    run.reading_answers = False
    content = reply.get("content", {})
    if content.get("status") != "ok":
        error = f"{_short(content.get('ename', ''), 80)}: {_short(content.get('evalue', ''))}"
        run.answers_note = f"the answers could not be read back ({error})"
    elif not payloads:
        run.answers_note = "the kernel sent no answers back"
    elif len(payloads[0]) > job.output_cap:
        run.answers_note = f"answers beyond {job.output_cap / 1e6:g} MB were dropped"
    else:
        run.answers = payloads[0]


async def _execute(km: AsyncKernelManager, job: Job, client: _GradingClient, run: _Run) -> None:
    """Start the kernel, run every cell and read the answers back, within the time limit."""
    deadline = time.monotonic() + job.timeout
    await km.start_kernel(
        env=job.env,
        cwd=str(Path(job.notebook).parent),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    provisioner = km.provisioner
    if not isinstance(provisioner, LocalProvisioner):  # the grading kernel spec starts it here
        raise RuntimeError("the kernel was not started as a local process")
    pgid, process = provisioner.pgid, provisioner.process

    def stop() -> None:
        run.timed_out = True
        _kill_group(pgid)

    watchdog = threading.Timer(max(0.0, deadline - time.monotonic()), stop)
    watchdog.daemon = True
    watchdog.start()
    try:
        await client.async_execute()
        if job.answer_names:
            await _read_answers(client, job, deadline, run)
    except DeadKernelError:
        run.died = True
    except RuntimeError as error:  # the kernel never answered (it died or did not start)
        run.died = True
        run.failure = _short(error, 160)
    finally:
        watchdog.cancel()
        run.cell = client.current_cell
        run.exit_code = process.poll() if process is not None else None
        if process is not None and process.returncode is None:  # not reaped: the pid is its own
            kill_family(process.pid, pgid)  # with what it started in sessions of their own
        else:
            _kill_group(pgid)
        if process is not None:
            process.wait()
        if client.kc is not None:
            client.kc.stop_channels()
        await km.cleanup_resources()


def run(job: Job) -> Result:
    """Run the job's notebook and say how it went (never raises for anything the notebook does)."""
    nb, refused = read_submission(Path(job.notebook))
    if refused is not None:
        return refused
    assert nb is not None
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    # ZeroMQ over ipc sockets (files beside the connection file), as a sandboxed kernel has no
    # network to reach the worker's loopback by TCP; the same path either way.
    km = AsyncKernelManager(
        kernel_spec_manager=_GradingKernels(spec=kernel_spec(job.memory_mb, job.launcher)),
        kernel_name=KERNEL_NAME,
        transport="ipc",
        connection_file=job.connection_file,
    )
    client = _GradingClient(
        nb,
        km=km,
        record_mime=job.record_mime,
        output_cap=job.output_cap,
        allow_errors=True,
        timeout=None,
        startup_timeout=max(1, int(min(60.0, job.timeout))),
        record_timing=False,
        shutdown_kernel="immediate",
    )
    state = _Run()
    try:
        asyncio.run(_execute(km, job, client, state))
    except Exception as error:  # reported as a crash of this notebook, never of the batch
        state.died = True
        state.failure = f"{type(error).__name__}: {_short(error, 160)}"
    status, reason = conclude(nb, job, state, client.errors)
    notes = [reason] if reason else []
    if client.printed_bytes > job.output_cap:
        notes.append(f"printed {client.printed_bytes / 1e6:.1f} MB of output (not kept)")
    if client.truncated:
        notes.append(f"check records beyond {job.output_cap / 1e6:g} MB were dropped")
    if state.answers_note and status not in (RunStatus.TIMEOUT, RunStatus.CRASHED):
        notes.append(state.answers_note)
    return Result(
        status,
        "; ".join(notes),
        exercise_cells=exercise_cells(nb.cells),
        code_cells=code_cells(nb.cells),
        outputs=tuple(
            CellOutputs(index, tuple(cell.outputs))
            for index, cell in enumerate(nb.cells)
            if cell.cell_type == "code" and cell.get("outputs")
        ),
        errors=tuple(client.errors),
        answers=state.answers,
    )


def _exit_words(code: int | None) -> str:
    if code is None:
        return "it stopped answering"
    if code < 0:
        try:
            return f"it was killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"it was killed by signal {-code}"
    return f"it exited with code {code}, e.g. through os._exit() or exit()"


def cell_words(nb: NotebookNode, index: int) -> str:
    """A cell as a trainer finds it: its position and the start of its code."""
    lines = [line.strip() for line in nb.cells[index].source.splitlines() if line.strip()]
    return f"cell {index + 1}" + (f" ({_short(lines[0], 50)})" if lines else "")


def conclude(
    nb: NotebookNode, job: Job, run: _Run, errors: list[CellError]
) -> tuple[RunStatus, str]:
    """The status and reason of a run, from what happened and the errors the cells raised."""
    if run.reading_answers:
        where = "while the grader read its answers back"
    elif run.cell is not None:
        where = f"in {cell_words(nb, run.cell)}"
    else:
        where = "as it started"
    memory = [e for e in errors if e.ename == "MemoryError"]
    if run.timed_out:
        status = RunStatus.TIMEOUT
        reason = f"stopped at the time limit of {job.timeout:g} s, {where}"
    elif memory:
        status = RunStatus.MEMORY
        reason = (
            f"{cell_words(nb, memory[0].cell)} ran out of memory "
            f"(MemoryError at the {job.memory_mb} MB limit)"
        )
    elif run.died:
        status = RunStatus.CRASHED
        reason = f"the kernel stopped {where}: " + (run.failure or _exit_words(run.exit_code))
    elif errors:
        first = errors[0]
        status = RunStatus.RAISED
        others = f" ({len(errors)} cells raised an error)" if len(errors) > 1 else ""
        reason = f"{cell_words(nb, first.cell)} raised {first.ename}: {first.evalue}{others}"
    else:
        status, reason = RunStatus.RAN, ""
    return status, reason


def main() -> None:
    """Answer each job read on stdin with its result on stdout, until stdin closes.

    The answers go out on a copy of stdout taken first; stdout itself then
    points at stderr, so nothing a library prints can garble an answer.
    """
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    for line in sys.stdin:
        result = run(Job(**json.loads(line)))
        answers.write(result.to_json() + "\n")
        answers.flush()


if __name__ == "__main__":
    main()
