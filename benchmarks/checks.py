"""``check()`` latency for every exercise: what a learner waits for after running a cell.

For each exercise the answer its solution computes and, where it declares
one, its first known mistake are checked: the expected answer computed from
the data, the comparison, the feedback rendered as Jupyter would show it
(HTML, text and the record). The data is loaded once beforehand, as the
notebook's first cell does. Each check is timed ``repeats`` times; its median
is one sample.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from typing import Any

from benchmarks.timing import percentile


@dataclass(frozen=True)
class Sample:
    """The median latency of one check, in milliseconds."""

    exercise: str
    answer: str  # "solution" or "mistake"
    ms: float


def solution_answer(exercise: Any, load: Any) -> Any:
    """Run an exercise's solution code as its notebook would, and return its answer."""
    import numpy as np
    import pandas as pd

    namespace: dict[str, Any] = {"pd": pd, "np": np, "load": load}
    namespace.update({table: load(table) for table in exercise.tables})
    exec(exercise.setup, namespace)
    exec(exercise.solution, namespace)
    return namespace[exercise.answer_name]


def _latency(question: Any, answer: Any, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        question.evaluate(answer)._repr_mimebundle_()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def bench_checks(repeats: int = 5) -> dict[str, Any]:
    """p50 and p95 of every exercise's check latency, in ms, and the slowest checks."""
    import matplotlib

    # A solution may draw a chart: never on screen. Set here, not in the environment, which
    # the kernels of later sections inherit (with Agg they would show no plot at all).
    matplotlib.use("Agg")
    from brakes.data import load
    from brakes.exercises import exercise
    from brakes.exercises.registry import all_exercises

    samples: list[Sample] = []
    skipped: list[str] = []
    for item in all_exercises():
        try:
            answers = {"solution": solution_answer(item, load)}
        except Exception as error:  # a solution that needs the notebook's earlier cells
            skipped.append(f"{item.id} ({type(error).__name__})")
            continue
        if item.wrong_answers:
            answers["mistake"] = item.wrong_answers[0].make(load)
        question = exercise(item.id)
        for label, answer in answers.items():
            samples.append(Sample(item.id, label, _latency(question, answer, repeats)))
    values = [sample.ms for sample in samples]
    slowest = sorted(samples, key=lambda sample: sample.ms, reverse=True)[:5]
    return {
        "exercises": len({sample.exercise for sample in samples}),
        "checks": len(samples),
        "p50_ms": percentile(values, 0.50),
        "p95_ms": percentile(values, 0.95),
        "max_ms": max(values),
        "slowest": [f"{s.exercise} ({s.answer}) {s.ms:.1f} ms" for s in slowest],
        "solutions_not_run": skipped,
    }
