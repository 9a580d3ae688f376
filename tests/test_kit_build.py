"""The notebook kit's zip: its requirements, and no work redone when nothing changed."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

from brakes.config import COURSE
from brakes.errors import BrakesError
from brakes.trainer.kit import build_kit, inputs_digest, requirements_text, wheel_name
from brakes.trainer.kit.wheels import (
    LAB_SETTINGS,
    LAB_SETTINGS_DIR,
    LAB_SETTINGS_NAME,
    LEARNER,
    build_wheel,
)


def test_requirements_install_the_wheel_from_the_kit_folder_and_the_lab_extra_s_jupyterlab() -> (
    None
):
    """One JupyterLab floor: the kit asks for the one pyproject.toml's ``lab`` extra names."""
    lines = [line for line in requirements_text(wheel_name()).splitlines() if line[:1] != "#"]
    project = tomllib.loads((COURSE.root / "pyproject.toml").read_text())["project"]
    assert lines == [f"./{wheel_name()}", *project["optional-dependencies"]["lab"]]
    assert lines[1].startswith("jupyterlab>=4.4")


def test_the_jupyterlab_floor_is_read_from_the_checkout_s_pyproject(tmp_path: Path) -> None:
    pyproject = "[project]\noptional-dependencies = {{lab = [{}]}}\n"
    (tmp_path / "pyproject.toml").write_text(pyproject.format('"JupyterLab>=4.9"'))
    assert requirements_text("brakes.whl", tmp_path).splitlines()[-1] == "JupyterLab>=4.9"
    (tmp_path / "pyproject.toml").write_text(pyproject.format(""))
    with pytest.raises(BrakesError, match="'lab' extra must name jupyterlab once"):
        requirements_text("brakes.whl", tmp_path)


def test_the_kit_is_rebuilt_only_when_what_it_is_made_from_changes(tmp_path: Path) -> None:
    target, stamp = tmp_path / "kit.zip", tmp_path / "state" / "kit.sha256"
    assert build_kit(target, stamp) is True
    first = target.stat().st_mtime_ns
    assert build_kit(target, stamp) is False
    assert target.stat().st_mtime_ns == first
    assert stamp.read_text(encoding="utf-8") == inputs_digest()
    stamp.write_text("an older digest", encoding="utf-8")
    assert build_kit(target, stamp) is True
    target.unlink()
    assert build_kit(target, stamp) is True, "a missing zip is rebuilt whatever the stamp says"


def test_the_learners_wheel_holds_the_engine_and_the_content_and_no_trainer_tool(
    tmp_path: Path,
) -> None:
    """Built from its packages: the engine, the data, the content; requirements of the base."""
    wheel = build_wheel(COURSE.root, tmp_path, LEARNER)
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = archive.read(f"brakes-{COURSE.version}.dist-info/METADATA").decode()
        entry_points = archive.read(f"brakes-{COURSE.version}.dist-info/entry_points.txt")
    packages = {name.rpartition("/")[0] for name in names if name.endswith(".py")}
    assert packages == {package.replace(".", "/") for package in LEARNER}
    trainer_site_or_author = ("brakes/trainer", "brakes/sphinxext", "brakes/authoring")
    assert not [name for name in names if name.startswith(trainer_site_or_author)]
    assert "brakes/content/chapters/ch01_control.py" in names
    assert "brakes/data/names/first_names.txt" in names
    project = tomllib.loads((COURSE.root / "pyproject.toml").read_text())["project"]
    requires = [line.split(": ", 1)[1] for line in metadata.splitlines() if "Requires-Dist" in line]
    assert len(requires) == len(project["dependencies"]) and "extra ==" not in metadata
    assert b"brakes.content.chapters" in entry_points
    settings = f"brakes-{COURSE.version}.data/data/{LAB_SETTINGS_DIR}/{LAB_SETTINGS_NAME}"
    assert settings in names, "the kit's JupyterLab would fetch news and check for updates"


def test_installing_a_kit_wheel_turns_jupyterlab_s_news_and_update_checks_off(
    tmp_path: Path,
) -> None:
    """pip puts the wheel's settings in the environment's JupyterLab settings folder, where
    JupyterLab 4 reads ``overrides.d/*.json`` (seen answering fetchNews "false" and
    checkForUpdates false on /lab/api/settings)."""
    wheel = build_wheel(COURSE.root, tmp_path / "wheel", LEARNER)
    # A fresh environment, installed into by this one's pip (pip's --prefix would uninstall
    # the running environment's brakes: it sees it as the one installed).
    env = tmp_path / "env"
    venv.create(env, with_pip=False)
    python = env / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    command = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet"]
    done = subprocess.run(
        [*command, "--no-deps", "--no-index", str(wheel)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    installed = json.loads((env / LAB_SETTINGS_DIR / LAB_SETTINGS_NAME).read_text())
    assert installed == json.loads(LAB_SETTINGS.read_text())
    assert installed["@jupyterlab/apputils-extension:notification"] == {
        "fetchNews": "false",
        "checkForUpdates": False,
    }
