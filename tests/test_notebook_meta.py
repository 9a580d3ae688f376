"""The course's notebook metadata has one reader: what it finds in the real notebooks."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from brakes.config import COURSE
from brakes.exercises.registry import all_exercises
from brakes.notebook_meta import CellMeta, cell_meta, exercise_cells, notebook_minutes


@pytest.mark.parametrize(
    "metadata",
    [{}, {"brakes": None}, {"brakes": "1.3"}, {"brakes": ["exercise"]}, {"other": {"a": 1}}],
)
def test_a_cell_without_the_course_metadata_answers_nothing(metadata: dict) -> None:
    assert cell_meta({"cell_type": "code", "metadata": metadata}) == CellMeta()


def test_written_metadata_reads_back() -> None:
    meta = CellMeta(exercise="2.4", kind="predict")
    cell = nbformat.v4.new_code_cell("x = ...", metadata={"brakes": meta.as_metadata()})
    assert cell_meta(cell) == meta
    assert exercise_cells([nbformat.v4.new_markdown_cell("# title"), cell]) == [(1, meta)]


def test_every_registered_exercise_has_one_cell_in_the_learner_notebooks() -> None:
    found: list[str] = []
    for path in sorted(COURSE.exercises_dir.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        found += [meta.exercise for _, meta in exercise_cells(nb.cells) if meta.exercise]
    assert sorted(found) == sorted(exercise.id for exercise in all_exercises())


def test_minutes_arrive_as_a_mapping_or_as_json_text() -> None:
    declared = {"minutes": {"teaching": 10, "exercises": 40}}
    assert notebook_minutes({"brakes": declared}) == declared["minutes"]
    assert notebook_minutes({"brakes": '{"minutes": {"teaching": 10}}'}) == {"teaching": 10}
    assert notebook_minutes({"brakes": "not json"}) == {}


TOCTREE = re.compile(r"^(`{3,}|:{3,})\{toctree\}[^\n]*\n(?P<body>.*?)^\1\s*$", re.M | re.S)


def toctree_order(page: Path) -> list[Path]:
    """Every source file the site's navigation reaches from ``page``, depth first, in order."""
    found: list[Path] = []
    for block in TOCTREE.finditer(page.read_text(encoding="utf-8")):
        for line in block["body"].splitlines():
            entry = line.strip()
            if not entry or entry.startswith(":"):
                continue
            entry = entry.rsplit("<", 1)[-1].rstrip(">")  # "Title <path>" or "path"
            target = (page.parent / entry).resolve()
            child = next(iter(sorted(target.parent.glob(f"{target.name}.*"))), None)
            if child is not None and child.suffix in (".md", ".ipynb"):
                found.append(child)
                if child.suffix == ".md":
                    found += toctree_order(child)
    return found


def first_exercise(path: Path) -> tuple[int, ...]:
    """The id of a notebook's first exercise, as numbers: ``(1, 13)`` for 1.13."""
    cells = nbformat.read(path, as_version=4).cells
    first = next(meta.exercise for _, meta in exercise_cells(cells) if meta.exercise)
    return tuple(int(part) for part in first.split("."))


def test_notebook_files_sort_in_course_order() -> None:
    """A file browser lists the notebooks by name: that order is the exercises' and the site's."""
    by_name = sorted(COURSE.solutions_dir.glob("*.ipynb"))
    assert len(by_name) > 3, "no solution notebook found: is the check blind?"
    ids = [first_exercise(path) for path in by_name]
    assert ids == sorted(ids), [f"{p.name}: {i}" for p, i in zip(by_name, ids, strict=True)]
    navigation = toctree_order(COURSE.root / "index.md")
    linked = [path.name for path in navigation if path.parent == COURSE.solutions_dir]
    assert linked == [path.name for path in by_name], "the chapters' pages link another order"
