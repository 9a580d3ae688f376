"""The notebook kit, and the one virtual environment its tests share: made once per run.

The notebook kit and a workshop kit install the same requirements (their own
wheel, of the same name, and JupyterLab), so one environment serves both: it is
made by following the notebook kit's README (the Linux steps of its table,
:mod:`brakes.trainer.kit.steps`, which the README shows), and a test that needs another kit's
wheel puts it in with that kit's own ``pip install -r requirements.txt``. The
tests that use it run on one xdist worker, one after another (tests/conftest.py).
"""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from kit_helpers import KitVenv, bash
from lab import Lab, start_lab

from brakes.trainer.kit import KIT_NAME, build_kit
from brakes.trainer.kit.steps import platform


@pytest.fixture(scope="session")
def notebook_kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The kit, built as the site builds it, unzipped into an empty folder."""
    scratch = tmp_path_factory.mktemp("kit")
    archive = scratch / "kit.zip"
    build_kit(archive, scratch / "kit.sha256")
    into = scratch / "unzipped"
    into.mkdir()
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(into)
    return into / KIT_NAME


@pytest.fixture(scope="session")
def kit_venv(notebook_kit: Path, tmp_path_factory: pytest.TempPathFactory) -> KitVenv:
    """The README's Linux steps (all but the one that opens JupyterLab), as its table has them,
    run once in a copy of the kit's folder."""
    folder = tmp_path_factory.mktemp("kit-venv") / notebook_kit.name
    shutil.copytree(notebook_kit, folder)
    linux = platform("linux")
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert linux.block in readme, "the kit's README does not show the Linux steps of the table"
    return KitVenv(folder, bash("\n".join(linux.setup), folder))


@pytest.fixture(scope="session")
def jupyter_lab(kit_venv: KitVenv, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """The kit's JupyterLab, serving a copy of the kit's notebooks, one server per test run."""
    kit_venv.use(kit_venv.folder)
    root = tmp_path_factory.mktemp("lab-root")
    for notebook in kit_venv.folder.glob("*.ipynb"):
        shutil.copy(notebook, root)
    lab = start_lab(kit_venv.python.with_name("jupyter"), root, tmp_path_factory.mktemp("lab"))
    yield lab
    lab.stop()
