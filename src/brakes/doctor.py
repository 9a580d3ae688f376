"""``brakes doctor``: is this environment ready to run the course's notebooks?

Each check returns the problems it found, each a :class:`Problem` naming what
is wrong and what to do, written for someone who has never used pip. The
command prints one line per problem and exits non-zero if there is any, so a
trainer can also run it on a hub image in a script.
"""

from __future__ import annotations

import importlib.metadata as metadata
import importlib.util
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

from packaging.requirements import InvalidRequirement, Requirement
from packaging.version import InvalidVersion, Version

#: The oldest Python the course runs on.
MIN_PYTHON = (3, 11)
#: A front end to open notebooks with: any one of these will do.
FRONT_ENDS = ("jupyterlab", "notebook", "jupyter_server")
#: How long a kernel's Python may take to import the course's package.
IMPORT_TIMEOUT_S = 60
#: The one command that repairs most problems, run in the notebook kit's folder.
REINSTALL = "in the notebook kit's folder, run: python -m pip install -r requirements.txt"


@dataclass(frozen=True)
class Problem:
    """Something that stops the notebooks from running, and how to fix it."""

    what: str
    fix: str

    def __str__(self) -> str:
        return f"{self.what}. To fix it: {self.fix}."


def python_problems(version: tuple[int, ...] = tuple(sys.version_info[:3])) -> list[Problem]:
    """A Python older than :data:`MIN_PYTHON`."""
    if tuple(version[:2]) >= MIN_PYTHON:
        return []
    shown = ".".join(str(part) for part in version)
    wanted = ".".join(str(part) for part in MIN_PYTHON)
    return [
        Problem(
            f"this is Python {shown}; the course needs Python {wanted} or newer",
            f"install Python {wanted} or newer from python.org, then make the environment "
            "again with it (see the kit's README)",
        )
    ]


def _installed_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def package_problems(
    requirements: list[str] | None = None,
    installed: Callable[[str], str | None] = _installed_version,
) -> list[Problem]:
    """Packages the course needs that are missing, or installed at a version it does not support.

    ``requirements`` defaults to what the installed ``brakes`` declares (its
    extras left out); ``installed`` gives a package's version, or None.
    """
    if requirements is None:
        try:
            requirements = metadata.requires("brakes") or []
        except metadata.PackageNotFoundError:
            return [Problem("the course's package, brakes, is not installed here", REINSTALL)]
    problems = []
    for text in requirements:
        try:
            requirement = Requirement(text)
        except InvalidRequirement:
            continue
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        wanted = f'python -m pip install "{requirement.name}{requirement.specifier}"'
        version = installed(requirement.name)
        if version is None:
            problems.append(Problem(f"{requirement.name} is not installed", wanted))
            continue
        try:
            supported = requirement.specifier.contains(Version(version), prereleases=True)
        except InvalidVersion:
            supported = False
        if not supported:
            problems.append(
                Problem(
                    f"{requirement.name} {version} is installed; the course needs "
                    f"{requirement.name}{requirement.specifier}",
                    wanted,
                )
            )
    return problems


def data_problems() -> list[Problem]:
    """The course's data cannot be made or read (a broken install, or a wrong data folder)."""
    try:
        from brakes.data import load

        load("audience")
    except Exception as error:  # any failure here is the learner's first cell failing
        message = " ".join(str(error).split()).rstrip(".") or type(error).__name__
        return [
            Problem(
                f"the course's data cannot be loaded ({message})",
                "if BRAKES_DATA_DIR is set, point it at the folder of a workshop kit's data "
                f"or unset it; otherwise, {REINSTALL}",
            )
        ]
    return []


def _kernel_python(name: str, argv: list[str]) -> str:
    """The Python a kernel spec starts: Jupyter runs its own Python for a plain "python"."""
    first = argv[0] if argv else ""
    if name == "python3" and first in ("python", "python3"):
        return sys.executable
    return shutil.which(first) or first


def _imports_brakes(python: str) -> bool:
    try:
        done = subprocess.run(
            [python, "-c", "import brakes"],
            capture_output=True,
            timeout=IMPORT_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def kernel_problems(
    find_specs: Callable[[], dict[str, tuple[str, list[str]]]] | None = None,
    imports_brakes: Callable[[str], bool] = _imports_brakes,
) -> list[Problem]:
    """No Jupyter to open the notebooks with, or no Python kernel that can import ``brakes``.

    ``find_specs`` maps kernel names to (language, argv); it defaults to the
    kernels Jupyter finds from this environment.
    """
    problems = []
    if not any(importlib.util.find_spec(name) for name in FRONT_ENDS):
        problems.append(
            Problem(
                "JupyterLab is not installed in this environment",
                f"{REINSTALL} (on a JupyterHub, use the hub's own Jupyter)",
            )
        )
    specs = (find_specs or _kernel_specs)()
    pythons = {
        _kernel_python(name, argv)
        for name, (language, argv) in specs.items()
        if language.lower() == "python"
    }
    if not pythons:
        problems.append(
            Problem(
                "Jupyter has no Python kernel",
                "run: python -m pip install ipykernel, then: python -m ipykernel install --user",
            )
        )
    elif not any(imports_brakes(python) for python in sorted(pythons)):
        problems.append(
            Problem(
                "no Jupyter kernel can import the course's package, brakes",
                'run: python -m ipykernel install --user --name brakes --display-name "Python '
                '(brakes)", then pick the kernel "Python (brakes)" in Jupyter',
            )
        )
    return problems


def _kernel_specs() -> dict[str, tuple[str, list[str]]]:
    try:
        from jupyter_client.kernelspec import KernelSpecManager
    except ImportError:
        return {}
    found = {}
    manager = KernelSpecManager()
    for name in manager.find_kernel_specs():
        try:
            spec = manager.get_kernel_spec(name)
        except Exception:  # a broken spec on the machine is not ours to diagnose
            continue
        found[name] = (spec.language or "", list(spec.argv))
    return found


def diagnose() -> list[Problem]:
    """Every problem found, the cheapest checks first."""
    problems = python_problems() + package_problems()
    if problems:
        return problems
    return data_problems() + kernel_problems()


def report(problems: list[Problem]) -> str:
    """What ``brakes doctor`` prints: one line per problem, or one line saying all is well."""
    if not problems:
        version = ".".join(str(part) for part in sys.version_info[:3])
        return (
            f"brakes doctor: all good. Python {version}, the course's packages, its data and a "
            "Jupyter kernel that can run the notebooks are all here."
        )
    lines = [f"brakes doctor: problem: {problem}" for problem in problems]
    count = len(problems)
    lines.append(f"brakes doctor: {count} problem{'s' if count > 1 else ''} to fix, listed above.")
    return "\n".join(lines)
