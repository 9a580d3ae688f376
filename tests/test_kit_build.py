"""The notebook kit's zip: its requirements, and no work redone when nothing changed."""

from __future__ import annotations

from pathlib import Path

from brakes.kit import build_kit, inputs_digest, requirements_text, wheel_name


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
