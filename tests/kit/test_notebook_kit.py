"""The notebook kit works as its README says, in a fresh virtual environment, on a learner's terms.

These tests make virtual environments and install packages with pip (from the
package index, or pip's cache): a minute or two each. They run in `make test`;
`make test-oldest` runs the oldest-versions one alone.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import nbformat
import pytest
from kit_helpers import (
    KitVenv,
    assert_learner_notebooks_run_untouched,
    assert_solutions_pass,
    bash,
    exercises_in,
    run_notebooks,
)

from brakes.authoring.strip import GUARD_TAG
from brakes.config import COURSE
from brakes.exercises.registry import all_exercises
from brakes.trainer.kit import README, wheel_name

pytestmark = [pytest.mark.venv, pytest.mark.kernel]

#: The packages whose oldest supported versions the oldest-versions job installs.
OLDEST_OF = ("numpy", "pandas", "matplotlib")


def test_the_kit_holds_the_notebooks_the_wheel_requirements_and_readme(
    notebook_kit: Path,
) -> None:
    kit = notebook_kit
    names = sorted(path.name for path in kit.iterdir())
    notebooks = sorted(path.name for path in COURSE.exercises_dir.glob("*.ipynb"))
    assert names == sorted([*notebooks, wheel_name(), "requirements.txt", "README.md"])
    assert (kit / "README.md").read_text(encoding="utf-8") == README.read_text(encoding="utf-8")
    assert f"./{wheel_name()}" in (kit / "requirements.txt").read_text(encoding="utf-8")


def test_following_the_readme_on_linux_runs_every_notebook(
    kit_venv: KitVenv, tmp_path: Path
) -> None:
    done, kit = kit_venv.setup, kit_venv.folder
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    assert "brakes doctor: all good" in done.stdout, done.stdout
    kit_venv.use(kit)
    python = kit_venv.python

    learner = sorted(kit.glob("*.ipynb"))
    assert_learner_notebooks_run_untouched(run_notebooks(python, learner))
    solutions = []
    for solution in sorted(COURSE.solutions_dir.glob("*.ipynb")):
        copy = tmp_path / solution.name
        copy.write_bytes(solution.read_bytes())
        solutions.append(copy)
    assert_solutions_pass(run_notebooks(python, solutions))


def test_brakes_doctor_and_the_first_cell_name_what_a_broken_environment_lacks(
    kit_venv: KitVenv, tmp_path: Path
) -> None:
    kit = kit_venv.folder
    kit_venv.use(kit)
    python, doctor = kit_venv.python, kit_venv.python.with_name("brakes")
    # A wrong data folder, then a missing package.
    empty = tmp_path / "no-data"
    empty.mkdir()
    kit_venv.broken()  # from here on, packages are missing until the next use()
    broken = bash(f"'{doctor}' doctor", kit, BRAKES_DATA_DIR=str(empty))
    assert broken.returncode == 1
    assert "problem: the course's data cannot be loaded" in broken.stdout
    bash(f"'{python}' -m pip uninstall --yes --quiet matplotlib", kit)
    broken = bash(f"'{doctor}' doctor", kit)
    assert broken.returncode == 1
    assert "problem: matplotlib is not installed. To fix it: python -m pip install" in broken.stdout

    # Without the course's package, a notebook's first cell says what to do in one sentence.
    bash(f"'{python}' -m pip uninstall --yes --quiet brakes", kit)
    first = nbformat.read(sorted(kit.glob("*.ipynb"))[0], as_version=4)
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


def test_every_notebook_runs_on_the_oldest_supported_versions(
    notebook_kit: Path, tmp_path: Path
) -> None:
    kit = notebook_kit
    venv = tmp_path / "oldest"
    pins = " ".join(f"'{pin}'" for pin in oldest_versions())
    done = bash(
        f"'{sys.executable}' -m venv '{venv}'\n"
        # nbclient: what run_notebooks.py runs them with (JupyterLab brings it in the kit's).
        f"'{venv}/bin/python' -m pip install --quiet '{kit / wheel_name()}' {pins} nbclient\n"
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
