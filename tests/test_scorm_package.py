"""The SCORM 1.2 package (brakes.sphinxext.scorm_package), made from a small stand-in site.

The package made from the real learner edition is checked by tests/browser/test_scorm.py.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from scorm_manifest import manifest_problems

from brakes.errors import BrakesError
from brakes.sphinxext import scorm_package as scorm
from brakes.sphinxext.offline import zip_name

FOOTER = '<p class="brakes-offline"><a href="_downloads/site.zip">zip</a></p>'


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A built site in miniature: a first page, a chapter, a stylesheet, the SCORM scripts,
    the site's zip."""
    root = tmp_path / "html"
    (root / "course" / "control").mkdir(parents=True)
    (root / "_static").mkdir()
    (root / "_downloads").mkdir()
    page = (
        '<html lang="fr"><head><title>{} &#8212; Releasing the Brakes</title>'
        '<link rel="icon" href="_static/favicon.svg"/></head><body>{}</body></html>'
    )
    (root / "index.html").write_text(page.format("Releasing the Brakes", FOOTER), "utf-8")
    (root / "course/control/index.html").write_text(page.format("Brake one", FOOTER), "utf-8")
    (root / "_static/brakes.css").write_text("body {}", "utf-8")
    for script in scorm.LAUNCH_SCRIPTS:
        (root / script).write_text("// a SCORM script", "utf-8")
    (root / "_downloads" / zip_name("learner")).write_bytes(b"PK")
    (root / ".buildinfo").write_text("sphinx state", "utf-8")
    return root


def test_the_package_is_a_scorm_1_2_package_with_one_sco(site: Path, tmp_path: Path) -> None:
    target = tmp_path / "scorm" / scorm.package_name("0.2.0")
    scorm.write_package(site, target, "0.2.0")
    with zipfile.ZipFile(target) as package:
        assert manifest_problems(package) == []
        names = set(package.namelist())
        manifest = package.read("imsmanifest.xml").decode()
        page = package.read("course/control/index.html").decode()
    assert names == {
        "imsmanifest.xml",
        "scorm-launch.html",
        "index.html",
        "course/control/index.html",
        "_static/brakes.css",
        *scorm.LAUNCH_SCRIPTS,
    }
    assert manifest.startswith("<?xml version='1.0' encoding='UTF-8'?>")
    assert "<title>Releasing the Brakes</title>" in manifest
    assert 'identifier="brakes-0.2.0"' in manifest
    assert 'href="scorm-launch.html"' in manifest  # the resource launches the launch page
    assert "brakes-offline" not in page  # no link to a zip the package does not hold


def test_the_launch_page_shows_the_course_in_a_frame_under_its_scripts(
    site: Path, tmp_path: Path
) -> None:
    target = tmp_path / scorm.package_name("0.2.0")
    scorm.write_package(site, target, "0.2.0")
    with zipfile.ZipFile(target) as package:
        launch = package.read(scorm.LAUNCH).decode()
    assert '<html lang="fr">' in launch  # the course page's language and icon
    assert '<link rel="icon" href="_static/favicon.svg"/>' in launch
    assert "<title>Releasing the Brakes</title>" in launch
    assert '<iframe title="Releasing the Brakes" src="index.html">' in launch
    scripts = [f'<script src="{script}"></script>' for script in scorm.LAUNCH_SCRIPTS]
    assert launch.index(scripts[0]) < launch.index(scripts[1]) < launch.index("<iframe")


def test_a_site_without_the_launch_scripts_is_named_with_what_to_do(
    site: Path, tmp_path: Path
) -> None:
    (site / scorm.LAUNCH_SCRIPTS[1]).unlink()
    with pytest.raises(BrakesError, match=r"brakes-scorm-launch.js: build the site again"):
        scorm.write_package(site, tmp_path / "out.zip", "0.2.0")


def test_a_site_not_built_is_named_with_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(BrakesError, match=r"\(index.html is missing\): run make site first"):
        scorm.write_package(tmp_path, tmp_path / "out.zip", "0.2.0")


def test_make_scorm_prints_one_line_for_a_missing_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        scorm.main([str(tmp_path / "nowhere"), str(tmp_path / "scorm")])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_the_file_is_named_for_make_release(site: Path, tmp_path: Path) -> None:
    scorm.main([str(site), str(tmp_path / "scorm")])
    assert [p.name for p in (tmp_path / "scorm").iterdir()] == [
        f"brakes-scorm-{scorm.COURSE.version}.zip"
    ]
