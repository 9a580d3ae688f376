"""The set-up steps: one table, shown the same in the kit's README and on the set-up page.

Quick tests: the README and the page both carry the table's commands, and nothing
in them needs an activated environment. The commands themselves run in
tests/kit/test_notebook_kit.py (Linux) and tests/kit/test_hub_recipe.py (the hub image).
"""

from __future__ import annotations

import subprocess
import sys

from brakes import __version__
from brakes.config import COURSE
from brakes.trainer.kit import readme_source
from brakes.trainer.kit.steps import HUB_IMAGE, HUB_LEARNER, PLATFORMS, markdown, platform


def test_the_kit_readme_shows_every_system_s_commands_from_the_table() -> None:
    readme = readme_source()
    assert markdown().rstrip("\n") in readme
    for system in PLATFORMS:
        assert system.block in readme, system.title
    assert HUB_IMAGE.dockerfile in readme and HUB_IMAGE.link in readme
    assert all(line in readme for line in HUB_LEARNER)


def test_the_set_up_page_shows_the_table_not_a_copy() -> None:
    page = (COURSE.root / "course" / "setup.md").read_text(encoding="utf-8")
    assert "```{setup-steps}" in page
    assert platform("linux").block not in page, "the page copies the table's commands"


def test_no_step_needs_an_activated_environment_on_a_managed_laptop() -> None:
    for key, python in (("windows", r".venv\Scripts\python"), ("macos", ".venv/bin/python")):
        steps = platform(key)
        assert not any("activate" in line for line in (*steps.setup, steps.start))
        assert all(line.startswith(python) for line in steps.setup[1:]), key
        assert steps.start == f"{python} -m jupyterlab"
    assert "Open in Terminal" in platform("windows").before
    assert "OneDrive" in platform("windows").before


def test_conda_steps_use_conda_forge_only() -> None:
    conda = platform("conda").setup[0]
    assert "--override-channels --channel conda-forge" in conda


def test_the_hub_installs_the_wheel_alone_never_the_requirements() -> None:
    lines = [*HUB_LEARNER, *HUB_IMAGE.run]
    assert not any("requirements" in line or "jupyterlab" in line for line in lines)


def test_python_m_brakes_runs_the_brakes_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "brakes", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert __version__ in done.stdout
