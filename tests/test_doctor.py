"""`brakes doctor` names each problem with its fix, and stays quiet about what is fine."""

from __future__ import annotations

import pytest

from brakes import doctor
from brakes.cli import main
from brakes.doctor import Problem, kernel_problems, package_problems, python_problems, report

REQUIREMENTS = ["pandas>=2.2,<4", "numpy>=1.26,<3", "pyarrow>=20; extra == 'parquet'"]


def test_an_old_python_is_named_with_the_version_needed() -> None:
    assert python_problems((3, 11, 0)) == []
    assert python_problems((3, 13, 1)) == []
    (problem,) = python_problems((3, 10, 12))
    assert "Python 3.10.12" in problem.what and "3.11 or newer" in problem.what


def test_missing_and_unsupported_packages_each_get_a_line_with_the_command() -> None:
    versions = {"pandas": "2.1.4"}
    problems = package_problems(REQUIREMENTS, versions.get)
    assert [p.what for p in problems] == [
        "pandas 2.1.4 is installed; the course needs pandas<4,>=2.2",
        "numpy is not installed",
    ]
    assert problems[0].fix == 'python -m pip install "pandas<4,>=2.2"'


def test_supported_versions_and_optional_extras_raise_nothing() -> None:
    versions = {"pandas": "3.1.1", "numpy": "1.26.0"}
    assert package_problems(REQUIREMENTS, versions.get) == []


def test_a_kernel_that_cannot_import_brakes_is_a_problem() -> None:
    specs = {"python3": ("python", ["/opt/other/bin/python", "-m", "ipykernel_launcher"])}
    (problem,) = kernel_problems(lambda: specs, imports_brakes=lambda python: False)
    assert "no Jupyter kernel can import" in problem.what
    assert kernel_problems(lambda: specs, imports_brakes=lambda python: True) == []


def test_no_python_kernel_at_all_says_how_to_install_one() -> None:
    specs = {"ir": ("R", ["R", "--slave"])}
    (problem,) = kernel_problems(lambda: specs, imports_brakes=lambda python: True)
    assert problem.what == "Jupyter has no Python kernel"
    assert "ipykernel install" in problem.fix


def test_report_is_one_line_per_problem_and_a_count() -> None:
    lines = report([Problem("a is wrong", "do b"), Problem("c is wrong", "do d")]).splitlines()
    assert lines == [
        "brakes doctor: problem: a is wrong. To fix it: do b.",
        "brakes doctor: problem: c is wrong. To fix it: do d.",
        "brakes doctor: 2 problems to fix, listed above.",
    ]


def test_the_command_exits_1_when_something_is_wrong(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(doctor, "diagnose", lambda: [Problem("numpy is not installed", "x")])
    assert main(["doctor"]) == 1
    assert "numpy is not installed" in capsys.readouterr().out
    monkeypatch.setattr(doctor, "diagnose", lambda: [])
    assert main(["doctor"]) == 0
    assert "all good" in capsys.readouterr().out


def test_a_wrong_data_folder_is_a_problem(
    monkeypatch: pytest.MonkeyPatch, tmp_path: pytest.TempPathFactory
) -> None:
    monkeypatch.setenv("BRAKES_DATA_DIR", str(tmp_path))
    (problem,) = doctor.data_problems()
    assert "data cannot be loaded" in problem.what and "BRAKES_DATA_DIR" in problem.fix


def test_version_flag_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    from brakes import __version__

    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"brakes {__version__}"
