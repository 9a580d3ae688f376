"""Checks take the data source they check against; nothing a notebook loads re-points them."""

from __future__ import annotations

from exercise_helpers import solution_answer

from brakes.data import DEFAULT_SEED, SeedSource, load, use
from brakes.exercises import exercise
from brakes.exercises.outcomes import Status
from brakes.exercises.question import HintLog, Question
from brakes.exercises.registry import get

WORKSHOP = SeedSource(7)
PUBLISHED = SeedSource(DEFAULT_SEED)


def test_two_seeds_interleaved_in_one_process_each_get_their_own_answers() -> None:
    for exercise_id in ("1.3", "1.9", "1.19"):
        ex = get(exercise_id)
        on_workshop = solution_answer(ex, WORKSHOP.load)
        on_published = solution_answer(ex, PUBLISHED.load)
        for _ in range(2):
            workshop = exercise(exercise_id, source=WORKSHOP)
            published = exercise(exercise_id, source=PUBLISHED)
            assert workshop.evaluate(on_workshop).status is Status.CORRECT
            assert published.evaluate(on_published).status is Status.CORRECT
            assert workshop.evaluate(on_published).status is Status.INCORRECT
            assert published.evaluate(on_workshop).status is Status.INCORRECT


def test_loading_another_seed_does_not_re_point_the_default_check() -> None:
    ex = get("1.3")
    load("mentions", seed=7)
    answer = solution_answer(ex, PUBLISHED.load)
    assert exercise("1.3").evaluate(answer).status is Status.CORRECT


def test_use_points_the_learner_one_liners_at_a_workshop_seed() -> None:
    ex = get("1.3")
    use(seed=7)
    assert exercise("1.3").evaluate(solution_answer(ex, WORKSHOP.load)).status is Status.CORRECT


def test_the_hint_count_survives_re_running_the_cell() -> None:
    log = HintLog()
    first = Question(get("1.2"), source=PUBLISHED, hint_log=log)
    assert first.next_hint().hint == 1
    again = Question(get("1.2"), source=PUBLISHED, hint_log=log)  # the cell run again
    assert again.next_hint().hint == 2
    other = Question(get("1.3"), source=PUBLISHED, hint_log=log)
    assert other.next_hint().hint == 1
