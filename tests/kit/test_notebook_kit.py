"""The notebook kit works as its README says, in a fresh virtual environment, on a learner's terms.

These tests make virtual environments and install packages with pip (from the
package index, or pip's cache): a minute or two each. They run in `make test`;
`make test-oldest` runs the oldest-versions one alone.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
import zipfile
from collections import defaultdict
from pathlib import Path

import nbformat
import pytest

from brakes.authoring.strip import GUARD_TAG
from brakes.config import COURSE
from brakes.exercises.registry import all_exercises
from brakes.kit import KIT_NAME, README, build_kit, wheel_name

pytestmark = [pytest.mark.venv, pytest.mark.kernel]

RUNNER = Path(__file__).with_name("run_notebooks.py")
#: What a check may say once the solution's code ran: judged right, or (predict and
#: interpret cells) recorded as written.
PASSED = {"correct", "recorded"}
#: The packages whose oldest supported versions the oldest-versions job installs.
OLDEST_OF = ("numpy", "pandas", "matplotlib")


def linux_commands(readme: str) -> list[str]:
    """The commands of the README's Linux section, in order, without `jupyter lab`."""
    section = readme.split("### Linux", 1)[1].split("\n### ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.S)
    assert block, "the README's Linux section has no bash block"
    lines = [line.strip() for line in block.group(1).splitlines() if line.strip()]
    assert lines[-1] == "jupyter lab", "the Linux steps should end by opening JupyterLab"
    return lines[:-1]


def bash(script: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``script`` in bash, stopping at the first failing command, as a learner's terminal."""
    environment = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    environment["PATH"] = os.pathsep.join(
        p for p in environment["PATH"].split(os.pathsep) if ".venv" not in p
    )
    environment.update(env)
    return subprocess.run(
        ["bash", "-c", "set -e\n" + script],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def run_notebooks(python: Path, notebooks: list[Path], **env: str) -> dict:
    """Run ``notebooks`` in ``python``'s kernel (run_notebooks.py); their checks and errors."""
    names = " ".join(f"'{path}'" for path in notebooks)
    done = bash(f"'{python}' '{RUNNER}' {names}", notebooks[0].parent, **env)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def exercises_in(notebook: Path) -> set[str]:
    """The ids of the exercises a notebook works (its code cells' metadata)."""
    cells = nbformat.read(notebook, as_version=4).cells
    return {
        c.metadata["brakes"]["exercise"]
        for c in cells
        if "exercise" in c.metadata.get("brakes", {})
    }


def assert_learner_notebooks_run_untouched(results: dict) -> None:
    """Every exercise's check in a notebook as downloaded says "not attempted"; nothing fails.

    (Getting started also shows what a wrong answer looks like, in a cell of its own.)
    """
    for name, result in results.items():
        assert result["errors"] == [], f"{name}: {result['errors'][0]['traceback'][-1]}"
        own = [(exercise, status) for exercise, status, cell in result["checks"] if cell]
        statuses = {status for _, status in own}
        assert statuses == {"not_attempted"}, f"{name}: {statuses}"
        assert {exercise for exercise, _ in own} == exercises_in(Path(name))


def assert_solutions_pass(results: dict) -> None:
    """Every exercise of every solution notebook has a check that passed, and nothing fails."""
    for name, result in results.items():
        assert result["errors"] == [], f"{name}: {result['errors'][0]['traceback'][-1]}"
        passed = defaultdict(bool)
        for exercise, status, _ in result["checks"]:
            passed[exercise] |= status in PASSED
        failing = sorted(e for e in exercises_in(Path(name)) if not passed[e])
        assert not failing, f"{name}: no passing check for {failing}"


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The kit, built as the site builds it, unzipped into an empty folder."""
    scratch = tmp_path_factory.mktemp("kit")
    archive = scratch / "kit.zip"
    build_kit(archive, scratch / "kit.sha256")
    into = scratch / "unzipped"
    into.mkdir()
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(into)
    return into / KIT_NAME


def test_the_kit_holds_the_notebooks_the_wheel_requirements_and_readme(kit: Path) -> None:
    names = sorted(path.name for path in kit.iterdir())
    notebooks = sorted(path.name for path in COURSE.exercises_dir.glob("*.ipynb"))
    assert names == sorted([*notebooks, wheel_name(), "requirements.txt", "README.md"])
    assert (kit / "README.md").read_text(encoding="utf-8") == README.read_text(encoding="utf-8")
    assert f"./{wheel_name()}" in (kit / "requirements.txt").read_text(encoding="utf-8")


def test_following_the_readme_on_linux_runs_every_notebook(kit: Path, tmp_path: Path) -> None:
    steps = linux_commands((kit / "README.md").read_text(encoding="utf-8"))
    done = bash("\n".join(steps), kit)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    assert "brakes doctor: all good" in done.stdout, done.stdout
    python = kit / ".venv" / "bin" / "python"

    learner = sorted(kit.glob("*.ipynb"))
    assert_learner_notebooks_run_untouched(run_notebooks(python, learner))
    solutions = []
    for solution in sorted(COURSE.solutions_dir.glob("*.ipynb")):
        copy = tmp_path / solution.name
        copy.write_bytes(solution.read_bytes())
        solutions.append(copy)
    assert_solutions_pass(run_notebooks(python, solutions))

    # brakes doctor on a broken environment: a wrong data folder, then a missing package.
    empty = tmp_path / "no-data"
    empty.mkdir()
    doctor = kit / ".venv" / "bin" / "brakes"
    broken = bash(f"'{doctor}' doctor", kit, BRAKES_DATA_DIR=str(empty))
    assert broken.returncode == 1
    assert "problem: the course's data cannot be loaded" in broken.stdout
    bash(f"'{python}' -m pip uninstall --yes --quiet tqdm", kit)
    broken = bash(f"'{doctor}' doctor", kit)
    assert broken.returncode == 1
    assert "problem: tqdm is not installed. To fix it: python -m pip install" in broken.stdout

    # Without the course's package, a notebook's first cell says what to do in one sentence.
    bash(f"'{python}' -m pip uninstall --yes --quiet brakes", kit)
    first = nbformat.read(learner[0], as_version=4)
    first.cells = [c for c in first.cells if GUARD_TAG in c.metadata.get("tags", [])]
    alone = tmp_path / "first-cell.ipynb"
    nbformat.write(first, alone)
    (result,) = run_notebooks(python, [alone]).values()
    (error,) = result["errors"]
    (sentence,) = error["traceback"]
    assert "python -m pip install -r requirements.txt" in sentence
    assert "course/setup.html" in sentence and sentence.count(". ") == 0


def oldest_versions() -> list[str]:
    """Each of OLDEST_OF pinned to the lowest version pyproject.toml says the course supports."""
    pyproject = tomllib.loads((COURSE.root / "pyproject.toml").read_text(encoding="utf-8"))
    pins = []
    for requirement in pyproject["project"]["dependencies"]:
        name = re.match(r"[A-Za-z0-9_.-]+", requirement).group(0)
        if name.lower() in OLDEST_OF:
            floor = re.search(r">=\s*([0-9][^,;\s]*)", requirement)
            assert floor, f"{requirement} declares no lowest version"
            pins.append(f"{name}=={floor.group(1)}")
    assert len(pins) == len(OLDEST_OF)
    return pins


def test_every_notebook_runs_on_the_oldest_supported_versions(kit: Path, tmp_path: Path) -> None:
    venv = tmp_path / "oldest"
    pins = " ".join(f"'{pin}'" for pin in oldest_versions())
    done = bash(
        f"'{sys.executable}' -m venv '{venv}'\n"
        f"'{venv}/bin/python' -m pip install --quiet '{kit / wheel_name()}' {pins}\n"
        f"'{venv}/bin/python' -m pip list --format=freeze",
        tmp_path,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    for pin in oldest_versions():
        assert pin.lower() in done.stdout.lower(), f"{pin} was not installed"
    python = venv / "bin" / "python"
    learner = []
    for notebook in sorted(kit.glob("*.ipynb")):
        copy = tmp_path / f"learner-{notebook.name}"
        copy.write_bytes(notebook.read_bytes())
        learner.append(copy)
    assert_learner_notebooks_run_untouched(run_notebooks(python, learner))
    solutions = []
    for solution in sorted(COURSE.solutions_dir.glob("*.ipynb")):
        copy = tmp_path / solution.name
        copy.write_bytes(solution.read_bytes())
        solutions.append(copy)
    assert_solutions_pass(run_notebooks(python, solutions))
    assert {e.id for e in all_exercises()} <= set().union(*map(exercises_in, solutions))
