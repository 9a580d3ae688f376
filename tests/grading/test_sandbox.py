"""Notebooks that try to escape (fixtures/escapes): under bubblewrap each attempt fails, the
report says how, and the trainer's secrets never reach it, nor the course's reference answers;
without bubblewrap the report's first line says the run was not isolated, and
``--require-sandbox`` refuses to start.
"""

from __future__ import annotations

import csv
import os
import secrets
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import nbformat
import pytest
from conftest import OPTIONS
from grading_notebooks import FIXTURES, PYTHON, still_running, write
from nbformat.v4 import new_code_cell, new_notebook

from brakes import cli
from brakes.errors import BrakesError
from brakes.trainer.grading import sandbox
from brakes.trainer.grading.batch import BatchReport, grade
from brakes.trainer.grading.kit import locate
from brakes.trainer.grading.runner import Runner
from brakes.trainer.grading.status import RunStatus
from brakes.trainer.grading.submissions import Submission, sha256_of

pytestmark = [
    pytest.mark.kernel,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="bubblewrap is Linux only"),
]

ESCAPES = Path(__file__).parent / "fixtures" / "escapes"
#: Each escape, and the error its attempt must end in under the sandbox.
EXPECTED = {
    "reads-answer-sheet.ipynb": "FileNotFoundError",
    "lists-submissions.ipynb": "FileNotFoundError",
    "calls-local-server.ipynb": "ConnectionRefusedError",
    "writes-outside-folder.ipynb": "FileNotFoundError",
    "writes-to-system.ipynb": "OSError: [Errno 30] Read-only file system",
    "imports-reference-answers.ipynb": "ModuleNotFoundError: No module named 'brakes.content",
}
#: Answers exercise 0.1 with the exercise's own expected answer: a row for 0.1, not an error.
CHEAT = "computes-expected-answer.ipynb"
#: The escapes that are harmless to run without a sandbox (they read, they do not write).
READERS = (
    "reads-answer-sheet.ipynb",
    "calls-local-server.ipynb",
    "imports-reference-answers.ipynb",
    CHEAT,
)


@dataclass(frozen=True)
class Targets:
    """What the escapes aim at, and the secret that must never reach a report."""

    kit: Path
    answer_sheet: Path
    outside: Path
    system_file: Path
    port: int
    secret: str
    connections: list[bytes]


@pytest.fixture(scope="module")
def targets(kit: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Targets]:
    """A copy of the kit with the trainer's answer sheet, and a server on 127.0.0.1 that
    answers every caller with the secret (noting what each sent)."""
    base = tmp_path_factory.mktemp("escapes")
    secret = f"ANSWER-SHEET-SECRET-{secrets.token_hex(8)}"
    ours = base / "kit"
    shutil.copytree(kit, ours)
    sheet = ours / "trainer" / "answer-sheet.md"
    sheet.parent.mkdir()
    sheet.write_text(f"# Answers\n\n1.1: {secret}\n", encoding="utf-8")
    (base / "outside").mkdir()
    connections: list[bytes] = []
    server = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        while True:
            try:
                connection, _ = server.accept()
            except OSError:  # closed: the module's tests are done
                return
            with connection:
                connections.append(connection.recv(1000))
                connection.sendall(secret.encode())

    threading.Thread(target=serve, daemon=True).start()
    system_file = Path("/etc") / f"brakes-escape-{secrets.token_hex(4)}"
    try:
        yield Targets(
            ours,
            sheet,
            base / "outside" / "escaped.txt",
            system_file,
            server.getsockname()[1],
            secret,
            connections,
        )
    finally:
        server.close()
        system_file.unlink(missing_ok=True)  # only there if the sandbox failed


def room_of_escapes(folder: Path, names: tuple[str, ...], targets: Targets) -> None:
    """The escapes' notebooks, aimed at ``targets``, as a room's submissions in ``folder``."""
    marks = {
        "@ANSWER_SHEET@": str(targets.answer_sheet),
        "@SUBMISSIONS@": str(folder),
        "@PORT@": str(targets.port),
        "@OUTSIDE@": str(targets.outside),
        "@SYSTEM_FILE@": str(targets.system_file),
    }
    folder.mkdir(parents=True)
    for name in names:
        nb = nbformat.read(ESCAPES / name, as_version=4)
        for cell in nb.cells:
            for mark, value in marks.items():
                cell.source = cell.source.replace(mark, value)
        nbformat.write(nb, folder / name)


def report_text(report: BatchReport) -> str:
    """Every file the report folder holds, as text."""
    folder = report.csv.parent
    return "\n".join(
        path.read_bytes().decode("utf-8", "replace")
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    )


def csv_rows(report: BatchReport) -> dict[str, dict[str, str]]:
    """report.csv's row for each notebook (each escape has one row: none or one exercise)."""
    with report.csv.open(encoding="utf-8-sig", newline="") as stream:
        return {row["notebook"]: row for row in csv.DictReader(stream)}


@dataclass(frozen=True)
class Sandboxed:
    """A grading run of every escape under bubblewrap, and what the local server was sent."""

    report: BatchReport
    calls: list[bytes]


@pytest.fixture(scope="module")
def sandboxed(targets: Targets, tmp_path_factory: pytest.TempPathFactory) -> Sandboxed:
    """Every escape, graded with bubblewrap (required: this machine must have it)."""
    base = tmp_path_factory.mktemp("sandboxed")
    room_of_escapes(base / "submissions", (*EXPECTED, CHEAT), targets)
    options = replace(OPTIONS, require_sandbox=True)
    before = len(targets.connections)
    report = grade(targets.kit, base / "submissions", base / "report", options, progress=False)
    return Sandboxed(report, targets.connections[before:])


def test_the_report_says_first_that_the_notebooks_ran_isolated(sandboxed: Sandboxed) -> None:
    lines = sandboxed.report.lines()
    assert lines[0] == sandbox.ISOLATED_LINE
    html = sandboxed.report.html.read_text(encoding="utf-8")
    assert html.index("Isolated: each notebook ran in a bubblewrap sandbox") < html.index("Graded ")


def test_each_escape_fails_and_its_row_says_how(sandboxed: Sandboxed) -> None:
    rows = csv_rows(sandboxed.report)
    assert set(rows) == {*EXPECTED, CHEAT}
    for name, error in EXPECTED.items():
        assert rows[name]["notebook_status"] == "raised", (name, rows[name])
        assert f"raised {error}" in rows[name]["feedback"], (name, rows[name]["feedback"])


def test_no_escape_reached_its_target(sandboxed: Sandboxed, targets: Targets) -> None:
    assert targets.secret not in report_text(sandboxed.report)
    assert sandboxed.calls == []
    assert not targets.outside.exists() and not targets.system_file.exists()
    listing = csv_rows(sandboxed.report)["lists-submissions.ipynb"]["feedback"]
    assert "reads-answer-sheet" not in listing


def test_the_notebooks_checks_are_the_sealed_ones_and_no_reference_answer_leaks(
    sandboxed: Sandboxed,
) -> None:
    """The exercise's expected answer in the sandbox is its seal, no number: the re-check finds
    the answer wrong, and the notebook's own check (sealed, beside it) showed it wrong too."""
    row = csv_rows(sandboxed.report)[CHEAT]
    assert (row["exercise"], row["notebook_status"]) == ("0.1", "ran"), row
    assert (row["status"], row["shown"], row["flag"]) == ("incorrect", "incorrect", ""), row


def test_without_bubblewrap_the_first_line_says_not_isolated(
    targets: Targets, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sandbox, "BWRAP", "brakes-no-such-bwrap")
    room_of_escapes(tmp_path / "submissions", READERS, targets)
    before = len(targets.connections)
    report = grade(
        targets.kit, tmp_path / "submissions", tmp_path / "report", OPTIONS, progress=False
    )
    first = report.lines()[0]
    assert first.startswith("WARNING: not isolated") and "apt-get install bubblewrap" in first
    assert "the course's reference answers included" in first
    html = report.html.read_text(encoding="utf-8")
    assert html.index("WARNING: not isolated") < html.index("Graded ")
    # What the sandbox keeps out: run as the trainer, the escapes reach their targets.
    assert targets.secret in report_text(report) and targets.connections[before:]
    rows = csv_rows(report)
    assert (
        "raised RuntimeError: read the reference answers"
        in (rows["imports-reference-answers.ipynb"]["feedback"])
    )
    assert (rows[CHEAT]["status"], rows[CHEAT]["shown"]) == ("correct", "correct")


def test_require_sandbox_refuses_to_start_without_it(
    targets: Targets,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(sandbox, "BWRAP", "brakes-no-such-bwrap")
    room_of_escapes(tmp_path / "submissions", READERS, targets)
    argv = ["grade", str(targets.kit), str(tmp_path / "submissions"), "--require-sandbox"]
    code = cli.main([*argv, "--out", str(tmp_path / "report")])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1, err
    assert "bwrap was not found" in err and "apt-get install bubblewrap" in err
    assert not list((tmp_path / "report").glob("*")), "nothing was graded"


def test_a_bwrap_that_fails_its_probe_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "BWRAP", "false")  # found on PATH, exits 1 whatever it is given
    isolation = sandbox.find_isolation()
    assert isolation.sandbox is None and "failed its probe" in isolation.why_not
    with pytest.raises(BrakesError, match=r"apt-get install bubblewrap"):
        isolation.require()


def test_the_sandbox_sees_no_trainer_folder() -> None:
    found = sandbox.find_isolation()
    assert found.sandbox is not None, f"{found.why_not}: apt-get install bubblewrap"
    for folder in found.sandbox.python:  # the interpreter's, never a whole home or checkout
        assert Path(folder) not in (Path.home(), Path.cwd(), Path("/"), Path("/tmp"))


def submitted(path: Path) -> Submission:
    """A notebook handed in at ``path``."""
    return Submission(path, path.name, path.stem, sha256_of(path))


def test_the_limits_hold_in_the_sandbox(kit: Path, tmp_path: Path) -> None:
    """Memory and time limits, and the kill of what a notebook started in a session of its own
    (found by its command line: the notebook only knows its namespace's pids)."""
    marker = f"600.{os.getpid()}{secrets.randbelow(10**6)}"  # `sleep 600.…`: this test's own
    loop = new_notebook(metadata=PYTHON)
    loop.cells = [
        new_code_cell(
            "import subprocess\n"
            f"subprocess.Popen(['sleep', {marker!r}], start_new_session=True)\n"
            "while True:\n    try:\n        pass\n    except KeyboardInterrupt:\n        pass"
        )
    ]
    options = replace(OPTIONS, jobs=1, timeout=8, require_sandbox=True)
    with Runner(locate(kit), options) as runner:
        hog = runner.run(submitted(FIXTURES / "memory-hog.ipynb"))
        endless = runner.run(submitted(write(loop, tmp_path / "endless.ipynb")))
    assert (hog.status, hog.isolated) == (RunStatus.MEMORY, True), hog.reason
    assert (endless.status, endless.isolated) == (RunStatus.TIMEOUT, True), endless.reason
    assert still_running(marker) == []


def test_the_system_s_secrets_are_out_of_the_sandbox_s_reach(tmp_path: Path) -> None:
    """A kernel runs as the trainer (root, on these machines): /etc/shadow must not be read."""
    found = sandbox.find_isolation()
    assert found.sandbox is not None, f"{found.why_not}: apt-get install bubblewrap"
    code = (
        "import os, pathlib\n"
        "try:\n"
        "    print(len(pathlib.Path('/etc/shadow').read_bytes()))\n"
        "except PermissionError:\n"
        "    print(0)\n"
        "print(os.listdir('/etc/ssh') if os.path.isdir('/etc/ssh') else [])\n"
        "print(pathlib.Path('/etc/hostname').exists() or pathlib.Path('/etc/os-release').exists())"
    )
    command = [*found.sandbox.command(tmp_path, tmp_path), sys.executable, "-c", code]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)
    assert done.stdout.split("\n")[:3] == ["0", "[]", "True"], done.stdout + done.stderr
