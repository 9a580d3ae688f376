"""``make release``'s Python part (brakes.trainer.release) on small stand-in artefacts."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

from brakes import __version__
from brakes.config import COURSE
from brakes.errors import BrakesError
from brakes.trainer.release import NOTES, SUMS, changelog_section, gather, release_folder

CHANGELOG = """# Changelog

## [Unreleased]

## [0.3.0] - 2027-01-15

### Added
- A fourth brake.

## [0.2.0] - 2026-12-06

### Added
- PDF handouts.

## [0.1.0] - 2026-11-26

- First.
"""


@pytest.fixture
def artefacts(tmp_path: Path) -> list[Path]:
    """Four small files standing in for the site zip, the kit, the wheel and a PDF."""
    folder = tmp_path / "built"
    folder.mkdir()
    names = ["site.zip", "kit.zip", "brakes-0.3.0-py3-none-any.whl", "releasing-the-brakes.pdf"]
    for number, name in enumerate(names):
        (folder / name).write_bytes(bytes([number]) * (100 + number))
    return [folder / name for name in names]


def test_a_release_holds_each_artefact_with_its_checksum_and_the_version_notes(
    tmp_path: Path, artefacts: list[Path]
) -> None:
    missing_scorm = tmp_path / "built" / "brakes-scorm-0.3.0.zip"
    folder = gather(tmp_path / "release", "0.3.0", CHANGELOG, artefacts, [missing_scorm])
    assert (
        folder == release_folder(tmp_path / "release", "0.3.0") == tmp_path / "release/brakes-0.3.0"
    )
    names = sorted(path.name for path in folder.iterdir())
    assert names == sorted([*(a.name for a in artefacts), NOTES, SUMS])
    for artefact in artefacts:
        assert (folder / artefact.name).read_bytes() == artefact.read_bytes()

    lines = (folder / SUMS).read_text(encoding="utf-8").splitlines()
    assert [line.split("  ", 1)[1] for line in lines] == [n for n in names if n != SUMS]
    for line in lines:
        digest, name = line.split("  ", 1)
        assert digest == hashlib.sha256((folder / name).read_bytes()).hexdigest(), name
    if shutil.which("sha256sum"):
        subprocess.run(["sha256sum", "--quiet", "-c", SUMS], cwd=folder, check=True)

    notes = (folder / NOTES).read_text(encoding="utf-8")
    assert notes.startswith("# Releasing the Brakes 0.3.0 — 2027-01-15\n")
    assert "- A fourth brake." in notes
    assert "PDF handouts" not in notes and "First." not in notes and "Unreleased" not in notes
    for artefact in artefacts:
        assert f"`{artefact.name}` ({artefact.stat().st_size:,} bytes)" in notes


def test_an_optional_artefact_joins_when_it_was_built(
    tmp_path: Path, artefacts: list[Path]
) -> None:
    scorm = tmp_path / "built" / "brakes-scorm-0.3.0.zip"
    scorm.write_bytes(b"PK")
    folder = gather(tmp_path / "release", "0.3.0", CHANGELOG, artefacts, [scorm])
    assert (folder / scorm.name).read_bytes() == b"PK"
    assert f"  {scorm.name}\n" in (folder / SUMS).read_text(encoding="utf-8")


def test_a_second_release_of_a_version_starts_from_an_empty_folder(
    tmp_path: Path, artefacts: list[Path]
) -> None:
    gather(tmp_path / "release", "0.3.0", CHANGELOG, artefacts)
    folder = gather(tmp_path / "release", "0.3.0", CHANGELOG, artefacts[:2])
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [*(a.name for a in artefacts[:2]), NOTES, SUMS]
    )


def test_a_missing_artefact_or_changelog_section_stops_the_release(
    tmp_path: Path, artefacts: list[Path]
) -> None:
    with pytest.raises(BrakesError, match=r"not built: .*absent\.pdf; run make release"):
        gather(tmp_path / "release", "0.3.0", CHANGELOG, [*artefacts, tmp_path / "absent.pdf"])
    with pytest.raises(BrakesError, match=r"no '## \[0\.4\.0\] - DATE' section"):
        gather(tmp_path / "release", "0.4.0", CHANGELOG, artefacts)
    assert not (tmp_path / "release").exists()


def test_the_changelog_has_a_section_for_the_package_version() -> None:
    changelog = (COURSE.root / "CHANGELOG.md").read_text(encoding="utf-8")
    date, section = changelog_section(changelog, __version__)
    assert date and section.startswith("### ")
    assert "## [Unreleased]" in changelog.split(f"## [{__version__}]")[0]
