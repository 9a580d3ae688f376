"""The hub recipe works: the image's lines, from the set-up table, install the course's package.

A fresh virtual environment stands for the single-user image's Python (which has
JupyterLab and the kernel already); the kit's wheel is copied in as the recipe's
COPY line says, and its RUN lines run exactly as written. Only nbclient is added
after them, to run a notebook as the hub's JupyterLab would: the recipe installs no
JupyterLab, and the test checks that it did not. One notebook runs, the one a
hub's nbgitpuller link opens.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from kit_helpers import assert_learner_notebooks_run_untouched, bash, run_notebooks

from brakes.config import COURSE
from brakes.trainer.kit.steps import HUB_IMAGE, WHEEL_GLOB

pytestmark = [pytest.mark.venv, pytest.mark.kernel]

#: What nbgitpuller's link in the recipe opens.
FIRST_NOTEBOOK = "00-getting-started.ipynb"


def test_the_hub_image_s_lines_install_the_wheel_alone_and_a_notebook_runs(
    notebook_kit: Path, tmp_path: Path
) -> None:
    image, home = tmp_path / "image", tmp_path / "home"
    home.mkdir()
    made = bash(f"python3 -m venv '{image}'", tmp_path)
    assert made.returncode == 0, made.stderr[-2000:]
    python = image / "bin" / "python"

    # COPY brakes-*.whl ./ : the kit's wheel into the image's working folder.
    source, target = HUB_IMAGE.copy.split()
    (wheel,) = notebook_kit.glob(source)
    shutil.copy(wheel, home / target / wheel.name)
    # RUN …: exactly the recipe's lines, with the image's Python first on the PATH.
    path = f"{image / 'bin'}:/usr/bin:/bin"
    for line in HUB_IMAGE.run:
        done = bash(line, home, PATH=path)
        assert done.returncode == 0, f"{line}\n{done.stdout[-2000:]}{done.stderr[-3000:]}"
    assert not list(home.glob(WHEEL_GLOB)), "the recipe leaves the wheel in the image's home"
    lab = bash(f"'{python}' -c 'import jupyterlab'", home)
    assert lab.returncode != 0, "the recipe installed a JupyterLab: the image has its own"

    extra = bash(f"'{python}' -m pip install --quiet nbclient", home)
    assert extra.returncode == 0, extra.stderr[-3000:]
    notebook = home / FIRST_NOTEBOOK
    shutil.copy(COURSE.exercises_dir / FIRST_NOTEBOOK, notebook)
    assert FIRST_NOTEBOOK in HUB_IMAGE.link
    assert_learner_notebooks_run_untouched(run_notebooks(python, [notebook]))
