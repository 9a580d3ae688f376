"""Dependencies by audience: the learner's runtime works without the trainer's and the site's.

pyproject.toml's base ``dependencies`` (and what they require in turn) are what
a learner installs; the ``trainer`` and ``site`` extras are left out. Each test
runs a fresh Python in which every library that only those extras bring fails
to import, as in a learner's environment.
"""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

from brakes.config import COURSE

LEFT_OUT_EXTRAS = ("trainer", "site")

WITHOUT = """
import importlib.abc, sys

class LeftOut(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in {blocked!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None

sys.meta_path.insert(0, LeftOut())
"""

LEARNER_RUNTIME = """
import brakes, brakes.config, brakes.errors, brakes.settings, brakes.doctor, brakes.cli
import brakes.plotting
from brakes.data import load
from brakes.exercises import exercise
from brakes.exercises import render, sealed, registry

staff = load("staff")
question = exercise("2.13")
print(len(staff), type(question).__name__)
"""


def installed_with(requirements: list[str]) -> set[str]:
    """The distributions ``requirements`` install, with everything they require in turn."""
    found: set[str] = set()
    waiting = [Requirement(text) for text in requirements]
    while waiting:
        requirement = waiting.pop()
        name = requirement.name.lower()
        if name in found or (requirement.marker and not requirement.marker.evaluate({"extra": ""})):
            continue
        found.add(name)
        waiting += map(Requirement, importlib.metadata.requires(name) or [])
    return found


def left_out_modules() -> set[str]:
    """The top-level modules of every library that only the left-out extras bring."""
    project = tomllib.loads((COURSE.root / "pyproject.toml").read_text(encoding="utf-8"))
    learner = installed_with(project["project"]["dependencies"])
    extras = project["project"]["optional-dependencies"]
    libraries = {
        Requirement(text).name.lower() for extra in LEFT_OUT_EXTRAS for text in extras[extra]
    } - learner
    modules = {
        module
        for module, distributions in importlib.metadata.packages_distributions().items()
        if any(name.lower() in libraries for name in distributions) and module.isidentifier()
    }
    assert {"nbformat", "nbclient", "tqdm", "yaml", "sphinx"} <= modules, modules
    return modules


def run_without_extras(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh Python where no library of the left-out extras imports."""
    script = WITHOUT.format(blocked=sorted(left_out_modules())) + code
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, cwd=cwd
    )


def test_the_learner_s_runtime_needs_no_trainer_or_site_library(tmp_path: Path) -> None:
    done = run_without_extras(LEARNER_RUNTIME, tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["3600", "Question"]


def test_a_trainer_command_without_the_trainer_tools_names_the_extra(tmp_path: Path) -> None:
    commands = {
        "grade": ["grade", str(tmp_path), str(tmp_path), "--out", str(tmp_path / "report")],
        "exercises": ["exercises", "--check"],
    }
    for verb, argv in commands.items():
        done = run_without_extras(
            f"from brakes.cli import main\nraise SystemExit(main({argv!r}))", tmp_path
        )
        assert done.returncode == 2, done.stderr[-2000:]
        (line,) = done.stderr.splitlines()
        assert line.startswith(f"brakes {verb} needs the trainer tools (")
        assert line.endswith("is not installed): pip install 'brakes[trainer]'")
