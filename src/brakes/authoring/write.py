"""Reading and writing notebooks deterministically; the two commands built on it.

``generate_exercises`` writes ``exercises/`` from ``solutions/``;
``check_drift`` says which learner notebooks no longer match (for CI). The
same solution always gives the same bytes (nbformat's sorted-key JSON and a
final newline), so drift is a plain text comparison.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat import NotebookNode

from brakes.authoring.strip import learner_notebook
from brakes.errors import BrakesError
from brakes.trainer.kit.adapt import dumps


def solution_notebooks(solutions_dir: Path) -> list[Path]:
    """Every solution notebook under ``solutions_dir``, sorted (checkpoints skipped)."""
    if not solutions_dir.is_dir():
        raise BrakesError(f"no solutions folder at {solutions_dir}")
    return sorted(
        path
        for path in solutions_dir.rglob("*.ipynb")
        if not any(part.startswith(".") for part in path.relative_to(solutions_dir).parts)
    )


def read_notebook(path: Path) -> NotebookNode:
    """A notebook as stored (no version conversion, so no cell ids are invented)."""
    try:
        return nbformat.reads(path.read_text(encoding="utf-8"), as_version=nbformat.NO_CONVERT)
    except Exception as error:  # nbformat raises several unrelated types for bad files
        raise BrakesError(f"{path} is not a readable notebook ({error})") from error


def render_learner(solution_path: Path, solutions_dir: Path) -> str:
    """The learner notebook's text for one solution notebook."""
    name = solution_path.relative_to(solutions_dir.parent).as_posix()
    return dumps(learner_notebook(read_notebook(solution_path), name))


def generate_exercises(solutions_dir: Path, exercises_dir: Path) -> list[Path]:
    """Write one learner notebook per solution notebook; return every learner notebook path.

    Files whose content would not change are left untouched (their mtime too).
    """
    solutions_dir, exercises_dir = Path(solutions_dir), Path(exercises_dir)
    written = []
    for source in solution_notebooks(solutions_dir):
        target = exercises_dir / source.relative_to(solutions_dir)
        text = render_learner(source, solutions_dir)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
        written.append(target)
    return written


def check_drift(solutions_dir: Path, exercises_dir: Path) -> list[str]:
    """Learner notebooks that differ from what their solution generates.

    Returns lines such as ``"ch00.ipynb: out of date"``, ``"ch01.ipynb: missing"``
    and ``"old.ipynb: orphan (no solution notebook)"``; empty when in sync.
    """
    solutions_dir, exercises_dir = Path(solutions_dir), Path(exercises_dir)
    problems = []
    expected = set()
    for source in solution_notebooks(solutions_dir):
        relative = source.relative_to(solutions_dir)
        expected.add(relative)
        target = exercises_dir / relative
        if not target.exists():
            problems.append(f"{relative.as_posix()}: missing")
        elif target.read_text(encoding="utf-8") != render_learner(source, solutions_dir):
            problems.append(f"{relative.as_posix()}: out of date")
    if exercises_dir.is_dir():
        for target in sorted(exercises_dir.rglob("*.ipynb")):
            relative = target.relative_to(exercises_dir)
            if any(part.startswith(".") for part in relative.parts):
                continue
            if relative not in expected:
                problems.append(f"{relative.as_posix()}: orphan (no solution notebook)")
    return problems
