"""One settings object: its precedence, its errors, `brakes config`, one resolution per kernel."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from brakes import settings
from brakes.data import use
from brakes.data.source import default_source


def _workshop(folder: Path, **values: object) -> Path:
    """A workshop file in ``folder`` with the given keys (a real kit holds more)."""
    path = folder / settings.WORKSHOP_FILE
    path.write_text(json.dumps({"version": settings.WORKSHOP_VERSION, **values}))
    return path


def test_each_source_wins_over_the_ones_below_it(tmp_path: Path) -> None:
    _workshop(tmp_path, seed=11)
    env = {"BRAKES_SEED": "22"}
    resolved = settings.resolve({"seed": 33}, env, tmp_path)
    assert (resolved.seed, resolved.values["seed"].origin) == (33, settings.COMMAND_LINE)
    resolved = settings.resolve({}, env, tmp_path)
    assert (resolved.seed, resolved.values["seed"].where) == (22, "environment (BRAKES_SEED)")
    resolved = settings.resolve({}, {}, tmp_path)
    assert (resolved.seed, resolved.values["seed"].origin) == (11, settings.WORKSHOP)
    resolved = settings.resolve({}, {}, tmp_path / "..")
    assert (resolved.seed, resolved.values["seed"].origin) == (2026, settings.DEFAULT)


def test_a_seed_from_a_higher_source_overrides_a_workshop_data_folder(tmp_path: Path) -> None:
    _workshop(tmp_path, seed=11, data="../data")
    from_kit = settings.resolve({}, {}, tmp_path)
    assert from_kit.data_dir == (tmp_path.parent / "data").resolve()
    overridden = settings.resolve({}, {"BRAKES_SEED": "7"}, tmp_path)
    assert (overridden.data_dir, overridden.seed) == (None, 7)


def test_a_bad_value_is_one_clear_line_naming_its_source(tmp_path: Path) -> None:
    with pytest.raises(settings.BrakesError, match=r"BRAKES_SEED .*got 'lots'; fix it or unset"):
        settings.resolve({}, {"BRAKES_SEED": "lots"}, tmp_path)
    _workshop(tmp_path, seed="seven")
    with pytest.raises(settings.BrakesError, match=r"brakes-workshop.json .*got 'seven'"):
        settings.resolve({}, {}, tmp_path)


def test_brakes_config_prints_each_value_and_where_it_came_from(tmp_path: Path) -> None:
    _workshop(tmp_path, seed=11, data="data")
    (tmp_path / "data").mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "brakes.cli", "config"],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "BRAKES_LAUNCH_URL": "https://hub.example/{path}"},
        capture_output=True,
        text=True,
        check=True,
    )
    lines = {line.split()[0]: line for line in result.stdout.splitlines()}
    assert f"{(tmp_path / 'data').resolve()}  from workshop file" in lines["data_dir"]
    assert "11 (not used: data_dir is set)" in lines["seed"]
    assert lines["launch_url"].endswith("from environment (BRAKES_LAUNCH_URL)")
    assert lines["repository_url"].endswith("from default")
    assert "command line > environment > workshop file > default" in result.stdout


def test_the_default_source_follows_the_settings_and_is_resolved_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BRAKES_SEED", raising=False)
    monkeypatch.delenv("BRAKES_DATA_DIR", raising=False)
    use()
    _workshop(tmp_path, seed=11)
    assert str(default_source()) == "seed 11"
    monkeypatch.chdir(tmp_path.parent)  # what `%cd ..` does in a notebook
    assert str(default_source()) == "seed 11"


@pytest.mark.kernel
def test_a_cd_in_a_notebook_does_not_change_the_data_its_checks_use(tmp_path: Path) -> None:
    """In a real kernel started in the kit's folder, `%cd` elsewhere keeps the kit's seed."""
    kit = tmp_path / "kit"
    kit.mkdir()
    _workshop(kit, seed=11)
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("from brakes.data import active_source\nactive_source()"),
        nbformat.v4.new_code_cell("%cd ..\nactive_source()"),
    ]
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": kit}}
    ).execute()
    shown = [cell.outputs[-1]["data"]["text/plain"] for cell in nb.cells]
    assert shown == ["'seed 11'", "'seed 11'"]


def test_a_deleted_current_folder_finds_no_workshop_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A notebook that deleted its own folder gets the data error, not a getcwd failure."""
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    monkeypatch.setenv("PWD", str(gone))
    resolved = settings.resolve({}, {})
    assert (resolved.folder, resolved.workshop_file, resolved.seed) == (gone, None, 2026)
