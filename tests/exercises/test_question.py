"""The learner's handle: check, layered hints, solution; and the registry."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pytest

from brakes.errors import BrakesError
from brakes.exercises import exercise
from brakes.exercises.checkers import Number
from brakes.exercises.model import Exercise
from brakes.exercises.outcomes import OUTCOME_MIME, Status
from brakes.exercises.registry import Registry, all_exercises, get

Load = Callable[[str], pd.DataFrame]


@pytest.fixture
def registry() -> Registry:
    fake = Registry(chapters=None)
    fake.register(
        Exercise(
            id="1.2",
            title="How many mentions?",
            answer_name="n",
            tables=("mentions",),
            expected=lambda load: len(load("mentions")),
            checker=Number(integer=True),
            hints=("Rows.", "Use `len()`.", "`n = len(mentions)`"),
            solution="n = len(mentions)\n",
            reveals="That is a lot.",
        )
    )
    return fake


def test_check_displays_in_a_terminal(
    registry: Registry, fake_load: Load, capsys: pytest.CaptureFixture[str]
) -> None:
    q = exercise("1.2", load=fake_load, registry=registry)
    assert q.check(400) is None
    assert capsys.readouterr().out == "✓ [1.2] Correct: 400. That is a lot.\n"


def test_check_displays_a_mime_bundle_in_ipython(
    registry: Registry, fake_load: Load, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = []
    monkeypatch.setattr("IPython.get_ipython", lambda: object())
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    exercise("1.2", load=fake_load, registry=registry).check(...)
    (display,) = shown
    assert display._repr_mimebundle_()[OUTCOME_MIME]["status"] == "not_attempted"


def test_hints_are_layered(registry: Registry, fake_load: Load) -> None:
    q = exercise("1.2", load=fake_load, registry=registry)
    texts = [q.next_hint().text for _ in range(4)]
    assert texts == [
        "Hint 1 of 3: Rows.",
        "Hint 2 of 3: Use `len()`.",
        "Hint 3 of 3: `n = len(mentions)` That was the last one.",
        "No more hints: you have seen all 3. Compare with the solution: `.solution()`.",
    ]
    assert q.next_hint(2).text == "Hint 2 of 3: Use `len()`."
    assert q.next_hint(7).text.startswith("No such hint: hints are numbered 1 to 3")
    assert q.next_hint("x").text.startswith("No such hint")


def test_hint_and_solution_records(registry: Registry, fake_load: Load) -> None:
    q = exercise("1.2", load=fake_load, registry=registry)
    hint = q.next_hint().record()
    assert hint == {
        "version": 1,
        "exercise": "1.2",
        "kind": "hint",
        "status": None,
        "feedback": "Hint 1 of 3: Rows.",
        "hint": 1,
    }
    solution = q.show_solution()
    assert solution.record()["feedback"] == "Solution:\nn = len(mentions)"
    assert "<pre" in solution.html() and "n = len(mentions)</code>" in solution.html()


def test_unknown_id_lists_the_known_ones(registry: Registry) -> None:
    with pytest.raises(BrakesError, match=r"no exercise '9\.9'; known ids: 1\.2"):
        exercise("9.9", registry=registry)
    with pytest.raises(BrakesError, match=r"ids are text"):
        exercise(0.1, registry=registry)  # type: ignore[arg-type]


def test_course_registry_loads_the_chapters() -> None:
    ids = [e.id for e in all_exercises()]
    assert ids[:5] == ["0.1", "0.2", "0.3", "0.4", "0.5"]
    assert get("1.2").title == "How is the conversation shared between channels?"
    with pytest.raises(BrakesError, match=r"known ids: 0\.1, 0\.2"):
        get("9.9")


def test_duplicate_ids_from_two_modules_are_refused(registry: Registry) -> None:
    clash = registry.get("1.2")
    other = Exercise(**{**clash.__dict__, "expected": len})  # builtins module
    with pytest.raises(ValueError, match="declared twice"):
        registry.register(other)


def test_repr_tells_what_to_do(registry: Registry, fake_load: Load) -> None:
    assert repr(exercise("1.2", registry=registry)).startswith(
        "Exercise 1.2 · How many mentions?: check your answer with .check(answer)"
    )


def test_status_values_are_stable() -> None:
    assert [s.value for s in Status] == [
        "correct",
        "incorrect",
        "not_attempted",
        "error",
        "recorded",
    ]


def test_check_without_an_answer(registry: Registry, fake_load: Load) -> None:
    feedback = exercise("1.2", load=fake_load, registry=registry).evaluate()
    assert feedback.status is Status.NOT_ATTEMPTED
    assert feedback.text == "Not attempted yet: give your answer to check, e.g. `.check(n)`."
