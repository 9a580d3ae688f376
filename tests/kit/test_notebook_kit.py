"""The notebook kit works as its README says, in a fresh virtual environment, on a learner's terms.

These tests make a virtual environment by the README's steps and install packages
with pip (from the package index, or pip's cache): about a minute. They run in
`make test`; the environment on the oldest supported versions is tests/kit/test_workshop.py's.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from kit_helpers import (
    KitVenv,
    assert_learner_notebooks_run_untouched,
    bash,
    run_notebooks,
)
from lab import OPENED_IN_LAB

from brakes.authoring.strip import GUARD_TAG
from brakes.config import COURSE
from brakes.trainer.kit import readme_source, wheel_name

pytestmark = [pytest.mark.venv, pytest.mark.kernel]


def test_the_kit_holds_the_notebooks_the_wheel_requirements_and_readme(
    notebook_kit: Path,
) -> None:
    kit = notebook_kit
    names = sorted(path.name for path in kit.iterdir())
    notebooks = sorted(path.name for path in COURSE.exercises_dir.glob("*.ipynb"))
    assert names == sorted([*notebooks, wheel_name(), "requirements.txt", "README.md"])
    assert (kit / "README.md").read_text(encoding="utf-8") == readme_source()
    assert f"./{wheel_name()}" in (kit / "requirements.txt").read_text(encoding="utf-8")


def test_following_the_readme_on_linux_runs_every_learner_notebook(kit_venv: KitVenv) -> None:
    """The learner notebooks as downloaded run top to bottom; every check says "not attempted".

    The environment is made by the README's Linux commands, read from the table it is
    written from (``python -m`` through the environment's Python, nothing activated).

    This is the learner notebooks' first run per `make test`, but for those JupyterLab opens
    in this environment (tests/kit/test_lab.py, which holds them to the same); the second is
    on the oldest supported versions, in tests/kit/test_workshop.py, with the solutions.
    """
    done, kit = kit_venv.setup, kit_venv.folder
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    assert "brakes doctor: all good" in done.stdout, done.stdout
    kit_venv.use(kit)
    learner = sorted(path for path in kit.glob("*.ipynb") if path.name not in OPENED_IN_LAB)
    assert len(learner) == len(list(kit.glob("*.ipynb"))) - len(OPENED_IN_LAB)
    assert_learner_notebooks_run_untouched(run_notebooks(kit_venv.python, learner))


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
