"""The course's notebook metadata has one reader: what it finds in the real notebooks."""

from __future__ import annotations

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
