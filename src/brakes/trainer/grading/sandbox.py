"""Run each notebook's kernel in a bubblewrap sandbox, when the machine has one.

`bubblewrap <https://github.com/containers/bubblewrap>`_ (``bwrap``, the Debian
package ``bubblewrap``, the sandbox Flatpak uses) starts the kernel in new
namespaces: no network (a connection to a server on 127.0.0.1 is refused), a
process tree of its own, no capabilities, and a file system made only of the
system's folders and the interpreter's (read-only) and the notebook's scratch
copy (writable, at the same path). The trainer's home, ``/root``, ``/tmp``,
the checkout, the kit with its answer sheet, the other submissions and the
report are not there to read: the sandbox is built up from nothing, so a kit
kept anywhere on the machine stays out of sight. Nor is the course's content
(``brakes/content``: the reference answers the grader checks with), though
the kernel imports the grader's own ``brakes``: an empty folder lies over it,
and the notebook's checks use the sealed exercises of a workshop file beside
it (:mod:`brakes.trainer.grading.runner`). The kernel speaks to its
worker over ZeroMQ ``ipc`` sockets in the scratch folder (a TCP port on the
worker's loopback is out of reach of a kernel without a network).

Where bwrap is missing, not Linux, or fails a quick probe (user namespaces
disabled, say), kernels run as before, with the trainer's permissions, and
the report's first line says so.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import brakes
from brakes.errors import BrakesError

#: The program, found on PATH.
BWRAP = "bwrap"
#: What to tell a trainer who has none.
INSTALL = "install bubblewrap (apt-get install bubblewrap)"
#: The system's folders, read-only: programs, libraries and settings. /home, /root, /tmp, /srv,
#: /mnt, /opt and /var are left out, with whatever a trainer keeps there.
SYSTEM = ("/usr", "/etc")
#: Top-level names that merged-/usr systems make links into /usr (else folders, bound read-only).
SYSTEM_LINKS = ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
#: The namespaces and limits every sandboxed kernel gets. Not ``--new-session``: the kernel stays
#: in the process group its worker kills at the time limit (it has no terminal to abuse).
#: ipykernel would take its parent inside, the sandbox's init (pid 1), for a sign that its
#: worker had died and stop at once: ``--die-with-parent`` does that job instead.
OPTIONS = (
    "--unsetenv",
    "JPY_PARENT_PID",
    "--unshare-net",
    "--unshare-pid",
    "--unshare-ipc",
    "--unshare-uts",
    "--unshare-cgroup-try",
    "--die-with-parent",
    "--cap-drop",
    "ALL",
    "--proc",
    "/proc",
    "--dev",
    "/dev",
)
#: Folders of the installed ``brakes`` package a kernel must not read: the course's content.
HIDDEN = ("content",)
#: The system's secrets under /etc, which a kernel run as root could otherwise read: each file
#: is covered by an empty one (/dev/null), each folder by an empty, read-only one.
SYSTEM_SECRETS = ("/etc/shadow", "/etc/shadow-", "/etc/gshadow", "/etc/gshadow-", "/etc/sudoers")
SYSTEM_SECRET_FOLDERS = ("/etc/ssh", "/etc/ssl/private", "/etc/sudoers.d")
#: Seconds the probe may take (it starts the interpreter once in a sandbox).
PROBE_TIMEOUT_S = 30.0
#: What the probe runs inside: the kernel's launcher must import there.
PROBE_CODE = "import brakes.trainer.grading.kernel"
#: The report's first line when every notebook ran sandboxed.
ISOLATED_LINE = (
    "Isolated: each notebook ran in a bubblewrap sandbox (no network, a read-only system, "
    "only its scratch copy writable; the kit, the answer sheet, the course's reference "
    "answers, the other submissions and the report out of its sight)."
)


@dataclass(frozen=True)
class Sandbox:
    """bwrap, the folders outside the system's that the kernel's interpreter reads, and those
    inside them it must not (:func:`hidden_folders`)."""

    program: str
    python: tuple[str, ...]
    hidden: tuple[str, ...] = ()

    def command(self, writable: Path, cwd: Path) -> list[str]:
        """The words that run a command in the sandbox, ``writable`` the only folder it may change.

        ``writable`` is bound at its own path, so paths (the kernel's
        connection file and sockets, ``HOME``, ``BRAKES_DATA_DIR``) mean the
        same inside and out. Each hidden folder, and each of the system's
        secrets (:data:`SYSTEM_SECRETS`), is covered by an empty, read-only
        one. The root is made read-only last.
        """
        words = [self.program, *OPTIONS]
        for folder in SYSTEM:
            words += ["--ro-bind", folder, folder]
        for secret in SYSTEM_SECRETS:
            if Path(secret).is_file():
                words += ["--ro-bind", "/dev/null", secret]
        for folder in SYSTEM_SECRET_FOLDERS:
            if Path(folder).is_dir():
                words += ["--tmpfs", folder, "--remount-ro", folder]
        for name in SYSTEM_LINKS:
            path = Path(name)
            if path.is_symlink():
                words += ["--symlink", str(path.readlink()), name]
            elif path.is_dir():
                words += ["--ro-bind", name, name]
        for folder in self.python:
            words += ["--ro-bind", folder, folder]
        for folder in self.hidden:
            words += ["--tmpfs", folder, "--remount-ro", folder]
        words += ["--bind", str(writable), str(writable), "--remount-ro", "/", "--chdir", str(cwd)]
        return words


@dataclass(frozen=True)
class Isolation:
    """The sandbox kernels run in, or why there is none."""

    sandbox: Sandbox | None
    why_not: str = ""

    def require(self) -> None:
        """Refuse to grade without a sandbox (``--require-sandbox``)."""
        if self.sandbox is None:
            raise BrakesError(
                f"--require-sandbox: the notebooks cannot be isolated ({self.why_not}); "
                f"{INSTALL} on Linux, or grade without --require-sandbox"
            )


def python_folders() -> tuple[str, ...]:
    """The folders the kernel's interpreter imports from, outside the system's, outermost only.

    Asked of the interpreter itself, started afresh, so the grader's own
    additions to ``sys.path`` (its working folder, which may be the kit)
    are not among them; the ``brakes`` package's folder is added in case an
    editable install finds it without a ``sys.path`` entry.
    """
    code = (
        "import json, sys; print(json.dumps([sys.prefix, sys.base_prefix, sys.exec_prefix, "
        "sys.base_exec_prefix, *sys.path[1:]]))"
    )
    with tempfile.TemporaryDirectory(prefix="brakes-probe-") as neutral:
        shown = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, check=True, cwd=neutral, text=True
        )
    paths = [Path(p) for p in json.loads(shown.stdout)]
    paths.append(Path(brakes.__file__).parent)
    folders = sorted(
        {p.resolve() for p in paths if p.is_absolute() and p.is_dir()}
        | {p.absolute() for p in paths if p.is_absolute() and p.is_dir()}
    )
    system = [Path(f) for f in SYSTEM]
    kept: list[Path] = []
    for folder in folders:  # sorted: a folder comes before what is inside it
        if not any(folder.is_relative_to(outer) for outer in [*system, *kept]):
            kept.append(folder)
    return tuple(str(folder) for folder in kept)


def hidden_folders() -> tuple[str, ...]:
    """The installed course content's folder, by its own path and its real one (if a link
    leads there), that a kernel must not read; none when this installation has no content."""
    package = Path(brakes.__file__).parent
    folders = [package / name for name in HIDDEN if (package / name).is_dir()]
    return tuple(sorted({str(f.absolute()) for f in folders} | {str(f.resolve()) for f in folders}))


def probe(sandbox: Sandbox) -> str:
    """Why the sandbox cannot start the kernel's launcher here; empty when it can."""
    with tempfile.TemporaryDirectory(prefix="brakes-probe-") as folder:
        command = [*sandbox.command(Path(folder), Path(folder)), sys.executable, "-c", PROBE_CODE]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=PROBE_TIMEOUT_S, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            return f"{BWRAP} did not start: {error}"
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        return f"{BWRAP} failed its probe: {lines[-1][:200] if lines else done.returncode}"
    return ""


def find_isolation() -> Isolation:
    """The sandbox this machine offers, checked by starting it once, or why there is none."""
    if not sys.platform.startswith("linux"):
        return Isolation(None, f"bubblewrap runs on Linux only, not on {sys.platform}")
    program = shutil.which(BWRAP)
    if program is None:
        return Isolation(None, f"{BWRAP} was not found")
    sandbox = Sandbox(program, python_folders(), hidden_folders())
    failure = probe(sandbox)
    return Isolation(None, failure) if failure else Isolation(sandbox)


def isolation_line(isolated: bool) -> str:
    """The report's first line: whether the notebooks ran isolated, and what to do if not."""
    if isolated:
        return ISOLATED_LINE
    return (
        "WARNING: not isolated: the notebooks ran with your permissions (they could read your "
        "files, the course's reference answers included, and reach servers on this machine); "
        f"on Linux, {INSTALL}, and use --require-sandbox to refuse to run without it."
    )
