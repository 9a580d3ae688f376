"""Shell and notebook helpers of the kit tests: a learner's terminal, and what notebooks said.

``run_notebooks`` runs notebooks with a fresh environment's Python through
``run_notebooks.py``, so they run exactly where a learner's would.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections import defaultdict
from pathlib import Path

import nbformat

RUNNER = Path(__file__).with_name("run_notebooks.py")
#: What a check may say once the solution's code ran: judged right, or (predict and
#: interpret cells) recorded as written.
PASSED = {"correct", "recorded"}


def bash(script: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``script`` in bash, stopping at the first failing command, as a learner's terminal."""
    environment = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    environment["PATH"] = os.pathsep.join(
        p for p in environment["PATH"].split(os.pathsep) if ".venv" not in p
    )
    environment.update(env)
    return subprocess.run(
        ["bash", "-c", "set -e\n" + script],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def run_notebooks(
    python: Path, notebooks: list[Path], snippets: dict[str, list[tuple[str, str]]] | None = None
) -> dict:
    """Run ``notebooks`` in ``python``'s kernel (run_notebooks.py); their checks and errors.

    ``snippets`` ({exercise: [(where, code), ...]}) run just before their exercise's cell,
    each in a copy of the namespace (see run_notebooks.py); :func:`snippet_failures` reads them.
    """
    names = " ".join(f"'{path}'" for path in notebooks)
    option = ""
    if snippets:
        listing = notebooks[0].parent / "brakes-snippets.json"
        listing.write_text(json.dumps(snippets), encoding="utf-8")
        option = f"--snippets '{listing}' "
    done = bash(f"'{python}' '{RUNNER}' {option}{names}", notebooks[0].parent)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def snippet_failures(results: dict) -> list[str]:
    """Each suggested snippet that failed where the learner would paste it, one line each."""
    return [
        f"{Path(name).stem} {exercise} {where}: `{code}` raises {error}"
        for name, result in results.items()
        for exercise, where, code, error in result["snippets"]
        if error is not None
    ]


def exercises_in(notebook: Path) -> set[str]:
    """The ids of the exercises a notebook works (its code cells' metadata)."""
    cells = nbformat.read(notebook, as_version=4).cells
    return {
        c.metadata["brakes"]["exercise"]
        for c in cells
        if "exercise" in c.metadata.get("brakes", {})
    }


def assert_learner_notebooks_run_untouched(results: dict) -> None:
    """Every exercise's check in a notebook as downloaded says "not attempted"; nothing fails.

    (Getting started also shows what a wrong answer looks like, in a cell of its own.)
    """
    for name, result in results.items():
        assert result["errors"] == [], f"{name}: {result['errors'][0]['traceback'][-1]}"
        own = [(exercise, status) for exercise, status, cell in result["checks"] if cell]
        statuses = {status for _, status in own}
        assert statuses == {"not_attempted"}, f"{name}: {statuses}"
        assert {exercise for exercise, _ in own} == exercises_in(Path(name))


def assert_solutions_pass(results: dict) -> None:
    """Every exercise of every solution notebook has a check that passed, and nothing fails."""
    for name, result in results.items():
        assert result["errors"] == [], f"{name}: {result['errors'][0]['traceback'][-1]}"
        passed = defaultdict(bool)
        for exercise, status, _ in result["checks"]:
            passed[exercise] |= status in PASSED
        failing = sorted(e for e in exercises_in(Path(name)) if not passed[e])
        assert not failing, f"{name}: no passing check for {failing}"


class KitVenv:
    """The environment the README's Linux steps made in the notebook kit's folder."""

    def __init__(self, folder: Path, setup: subprocess.CompletedProcess[str]) -> None:
        self.folder = folder
        self.setup = setup
        self.python = folder / ".venv" / "bin" / "python"
        self._installed: Path | None = folder

    def use(self, kit: Path) -> None:
        """Install ``kit``'s wheel in place of the last kit's, with the kit's own requirements."""
        requirements = (kit / "requirements.txt").read_text(encoding="utf-8")
        assert requirements == (self.folder / "requirements.txt").read_text(encoding="utf-8"), (
            f"{kit} has other requirements: give it an environment of its own"
        )
        if self._installed == kit:
            return
        done = bash(
            f"'{self.python}' -m pip uninstall --yes --quiet brakes\n"
            f"'{self.python}' -m pip install --quiet -r requirements.txt",
            kit,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        self._installed = kit

    def broken(self) -> None:
        """Say that a test removed packages: the next :meth:`use` installs its kit again."""
        self._installed = None
