"""One version, written once (``brakes.__version__``), shown by everything that names it."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest

from brakes import __version__
from brakes.cli import main
from brakes.config import COURSE
from brakes.trainer.kit import readme_text
from brakes.trainer.workshop import course_build


def test_pyproject_reads_the_version_from_the_package() -> None:
    pyproject = tomllib.loads((COURSE.root / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in pyproject["project"], "a second version in pyproject.toml"
    assert pyproject["project"]["dynamic"] == ["version"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "brakes.__version__"}
    assert COURSE.version == __version__


def test_brakes_version_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"brakes {__version__}"


def test_python_m_brakes_version_prints_it_when_the_package_runs_as_a_module() -> None:
    if not (COURSE.root / "src" / "brakes" / "__main__.py").is_file():
        pytest.skip("src/brakes/__main__.py is not there yet")
    done = subprocess.run(
        [sys.executable, "-m", "brakes", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == f"brakes {__version__}"


@pytest.mark.parametrize("site_url", ["", "https://course.example.org"])
@pytest.mark.parametrize("carries_pages", [True, False])
def test_every_kit_readme_names_the_version(site_url: str, carries_pages: bool) -> None:
    readme = readme_text(site_url, carries_pages)
    assert f"version {__version__} of the course" in readme


def test_a_workshop_kit_records_the_version() -> None:
    assert course_build(COURSE.root)["version"] == __version__
