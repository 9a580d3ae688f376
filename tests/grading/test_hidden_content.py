"""The course's content kept from a graded notebook's kernel: the sandbox covers its folder, and
the learner's engine takes a content package it cannot import for no content, not a crash.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import brakes
from brakes.exercises import registry
from brakes.exercises.registry import Registry
from brakes.trainer.grading import sandbox


def test_an_installed_content_package_that_is_not_there_is_no_content(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(registry, "installed_content", lambda: ["brakes_hidden_content.chapters"])
    assert Registry().all_exercises() == []


def test_a_content_package_that_fails_for_another_reason_still_raises(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "brakes_broken_content"
    package.mkdir()
    (package / "__init__.py").write_text("import brakes_no_such_library\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(registry, "installed_content", lambda: ["brakes_broken_content"])
    with pytest.raises(ModuleNotFoundError, match="brakes_no_such_library"):
        Registry().all_exercises()


def test_the_sandbox_covers_the_content_folder_after_binding_the_package() -> None:
    content = Path(brakes.__file__).parent / "content"
    assert str(content.resolve()) in sandbox.hidden_folders()
    box = sandbox.Sandbox("bwrap", (str(Path(brakes.__file__).parent.parent),), (str(content),))
    words = box.command(Path("/scratch"), Path("/scratch/notebooks"))
    cover = words.index("--tmpfs")
    assert words[cover + 1] == str(content)
    assert words.index(box.python[0]) < cover  # after the package it covers is bound
    assert words[cover + 2 : cover + 4] == ["--remount-ro", str(content)]
