"""The class at a glance: one bar per exercise, the share of learners who succeeded, as PNG bytes.

Drawn with the course's own chart helper (:func:`brakes.plotting.bars`: palette,
title, labelled axes, alt text) on a figure of its own, so grading leaves
pyplot's state alone. Exercises fewer than half the class succeeded on are
drawn in the second colour; each label ends with how many learners had the
exercise (n), since 0% of one learner and 0% of thirty say different things.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from brakes.plotting import alt_text, bars, use_course_style
from brakes.trainer.grading.results import ExerciseSummary

#: Below this share of the class, an exercise is drawn in the highlight colour.
STRUGGLE_BELOW = 0.5
_TITLE_CHARS = 48
TITLE = "Success rate per exercise"
XLABEL = "Learners with a correct or recorded answer (%)"


def _label(summary: ExerciseSummary) -> str:
    title = summary.exercise.title
    short = title if len(title) <= _TITLE_CHARS else title[: _TITLE_CHARS - 1] + "…"
    return f"{summary.exercise.id}  {short}  (n={summary.learners})"


def success_plot(summaries: Sequence[ExerciseSummary]) -> tuple[bytes, str]:
    """The PNG of the success rate per exercise, in course order, and its alt text."""
    labels = [_label(s) for s in summaries]
    rates = pd.Series([100 * s.rate for s in summaries], index=pd.Index(labels, name="Exercise"))
    struggled = [
        label for label, s in zip(labels, summaries, strict=True) if s.rate < STRUGGLE_BELOW
    ]
    use_course_style()  # before the figure exists, so its size and layout follow the style
    figure = Figure(figsize=(9, 1.6 + 0.34 * len(summaries)), dpi=100)
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    bars(
        rates,
        title=TITLE,
        xlabel=XLABEL,
        ylabel="",
        sort=False,
        highlight=struggled,
        decimals=0,
        ax=ax,
    )
    ax.set_xlim(0, 110)
    # The style's margin is a share of the axis: with 80 bars it left a dozen bars' height
    # empty above and below. Half a bar, whatever the class and the course's size.
    ax.margins(y=0.5 / max(len(summaries), 1))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue(), alt_text(figure)
