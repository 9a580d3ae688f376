"""The notebook kit's zip: its requirements, and no work redone when nothing changed."""

from __future__ import annotations

import tomllib
import zipfile
from pathlib import Path

from brakes.config import COURSE
from brakes.trainer.kit import build_kit, inputs_digest, requirements_text, wheel_name
from brakes.trainer.kit.wheels import LEARNER, build_wheel


def test_requirements_install_the_wheel_from_the_kit_folder_and_jupyterlab() -> None:
    lines = [line for line in requirements_text(wheel_name()).splitlines() if line[:1] != "#"]
    assert lines == [f"./{wheel_name()}", "jupyterlab>=4,<5"]


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
