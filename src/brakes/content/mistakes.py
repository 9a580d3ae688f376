"""The known-mistake families the chapters share: one function per family builds its WrongAnswer.

A family is a mistake learners make in many exercises ("counts, not shares",
"a sum, not a mean"…). Its function gives the mistake the family's one label,
so a grader's report and the tests count mistakes by family, and, where the
family is mechanical, makes the wrong value from the exercise's own reference
(the reversed sort, the other normalisation axis, the opposite sign). The
feedback sentence always comes from the exercise: it names that exercise's
columns and numbers, which a family cannot know.

A mistake seen in one exercise only stays a plain ``WrongAnswer`` in its
chapter; add a family here once a second exercise needs it, and list it in
:data:`FAMILIES`.

It sits beside ``chapters/``, not in it: the registry imports the chapters only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from brakes.exercises.model import Load, WrongAnswer

#: Computes a value from the data: the exercise's reference answer, or a wrong value.
Make = Callable[[Load], Any]

COUNTS_FOR_SHARES = "counts, not shares"
SUM_FOR_MEAN = "a sum, not a mean"
SHARE_FOR_COUNT = "a share, not a count"
ROWS_FOR_AMOUNTS = "rows counted, not amounts added up"
NORMALISED_THE_OTHER_WAY = "columns add up to 100"
MEDIAN_FOR_MEAN = "median instead of mean"
MEAN_FOR_MEDIAN = "mean instead of median"
SORTED_THE_WRONG_WAY = "sorted the wrong way"
SUBTRACTED_THE_WRONG_WAY = "subtracted the wrong way round"
SHARE_OF_A_SUBSET = "the subset split between groups"
SHARE_OF_POSITIVES_ONLY = "share of positives only"
DAYS_FOR_WEEKS = "days, not weeks"
COLUMNS_SWAPPED = "columns swapped"
GROUPED_THE_OTHER_WAY = "grouped the other way round"
THE_OTHER_PART = "the other part"
RATIO_FOR_CHANGE = "a ratio, not a change"
DIFFERENCE_FOR_CHANGE = "a difference, not a change in percent"
CHANGE_FOR_POINTS = "a change in percent, not in points"
FILTER_LEFT_OUT = "a filter left out"
OPTION_TEXT = "the option's text"
NUMBER_FOR_LETTER = "a number, not a letter"


def counts_for_shares(make: Make, feedback: str | None = None) -> WrongAnswer:
    """Counts (of mentions, posts, units…) where shares were asked: never divided by the total."""
    return WrongAnswer(COUNTS_FOR_SHARES, make, feedback)


def sum_for_mean(make: Make, feedback: str | None = None) -> WrongAnswer:
    """True/False values added up where their mean, the share of True, was asked."""
    return WrongAnswer(SUM_FOR_MEAN, make, feedback)


def share_for_count(make: Make, feedback: str | None = None) -> WrongAnswer:
    """A share (``normalize=True``, a mean of True/False) where a count was asked."""
    return WrongAnswer(SHARE_FOR_COUNT, make, feedback)


def rows_for_amounts(make: Make, feedback: str | None = None) -> WrongAnswer:
    """Rows counted (days, campaigns, platform rows) where a column's amounts should be added up."""
    return WrongAnswer(ROWS_FOR_AMOUNTS, make, feedback)


def normalised_the_other_way(
    table: Callable[..., pd.DataFrame], feedback: str | None = None
) -> WrongAnswer:
    """Each column adds up to 100 where each row should: ``normalize="columns"``, not ``"index"``.

    ``table`` is the exercise's reference, called as ``table(load, normalize=...)``.
    """
    return WrongAnswer(
        NORMALISED_THE_OTHER_WAY, lambda load: table(load, normalize="columns"), feedback
    )


def median_for_mean(make: Make, feedback: str | None = None) -> WrongAnswer:
    """Medians where the question asks for means."""
    return WrongAnswer(MEDIAN_FOR_MEAN, make, feedback)


def mean_for_median(make: Make, feedback: str | None = None) -> WrongAnswer:
    """Means where the question asks for medians (a few slow answers pull a mean up)."""
    return WrongAnswer(MEAN_FOR_MEDIAN, make, feedback)


def sorted_the_wrong_way(reference: Make, feedback: str | None = None) -> WrongAnswer:
    """The reference's Series sorted smallest first where the largest should come first."""
    return WrongAnswer(
        SORTED_THE_WRONG_WAY, lambda load: reference(load).sort_values(ascending=True), feedback
    )


def subtracted_the_wrong_way(reference: Make, feedback: str | None = None) -> WrongAnswer:
    """The difference taken the other way round: the reference's values with the opposite sign."""
    return WrongAnswer(SUBTRACTED_THE_WRONG_WAY, lambda load: -reference(load), feedback)


def share_of_a_subset(
    rows: Callable[[Load], pd.DataFrame], flag: str, by: str, feedback: str | None = None
) -> WrongAnswer:
    """The flagged rows split between the groups (adding up to 100), not each group's rate.

    The question asks how often each group ``by`` has ``flag`` True; this splits
    only the rows where it is True between the groups, in percent.
    """

    def make(load: Load) -> pd.Series:
        table = rows(load)
        return table.loc[table[flag], by].value_counts(normalize=True) * 100

    return WrongAnswer(SHARE_OF_A_SUBSET, make, feedback)


def share_of_positives_only(
    mentions: Callable[[Load], pd.DataFrame],
    by: Callable[[pd.DataFrame], pd.Series],
    feedback: str | None = None,
) -> WrongAnswer:
    """The share of positive mentions in percent per group ``by(mentions)``, not net sentiment."""

    def make(load: Load) -> pd.Series:
        table = mentions(load)
        return (table["sentiment"] == "positive").groupby(by(table)).mean().mul(100)

    return WrongAnswer(SHARE_OF_POSITIVES_ONLY, make, feedback)


def days_for_weeks(reference: Make, feedback: str | None = None) -> WrongAnswer:
    """A number of weeks left in days: the reference's value times 7."""
    return WrongAnswer(DAYS_FOR_WEEKS, lambda load: reference(load) * 7, feedback)


def columns_swapped(
    reference: Callable[[Load], pd.DataFrame], first: str, second: str, feedback: str | None = None
) -> WrongAnswer:
    """The reference's columns ``first`` and ``second`` under each other's names."""
    return WrongAnswer(
        COLUMNS_SWAPPED,
        lambda load: reference(load).rename(columns={first: second, second: first}),
        feedback,
    )


def grouped_the_other_way(make: Make, feedback: str | None = None) -> WrongAnswer:
    """The grouping keys in the other order: the rows and columns (or index levels) swapped."""
    return WrongAnswer(GROUPED_THE_OTHER_WAY, make, feedback)


def the_other_part(
    reference: Make, feedback: str | None = None, column: str | None = None
) -> WrongAnswer:
    """100 minus the reference's percentage (or its ``column``): the share of the rest."""

    def make(load: Load) -> Any:
        value = reference(load)
        if column is None:
            return 100 - value
        return value.assign(**{column: 100 - value[column]})

    return WrongAnswer(THE_OTHER_PART, make, feedback)


def ratio_for_change(make: Make, feedback: str | None = None) -> WrongAnswer:
    """The new value as a percentage of the old (100 = no change) where the change was asked."""
    return WrongAnswer(RATIO_FOR_CHANGE, make, feedback)


def difference_for_change(make: Make, feedback: str | None = None) -> WrongAnswer:
    """The difference in units (followers, appliances) where a change in percent was asked."""
    return WrongAnswer(DIFFERENCE_FOR_CHANGE, make, feedback)


def change_for_points(
    rates: Callable[[Load], tuple[float, float]], feedback: str | None = None
) -> WrongAnswer:
    """A change in percent of the first rate, ``(new - old) / old × 100``, the spreadsheet
    habit, where the difference of two percentages in points, ``new - old``, was asked.

    ``rates`` gives the two percentages the exercise compares, ``(old, new)``.
    """

    def make(load: Load) -> float:
        old, new = rates(load)
        return float((new - old) / old * 100)

    return WrongAnswer(CHANGE_FOR_POINTS, make, feedback)


def filter_left_out(make: Make, feedback: str | None = None) -> WrongAnswer:
    """The right computation on too many rows: one of the question's conditions left out."""
    return WrongAnswer(FILTER_LEFT_OUT, make, feedback)


def option_text(options: dict[str, str], letter: str) -> WrongAnswer:
    """A manager's question answered with the right option's text instead of its letter."""
    return WrongAnswer(OPTION_TEXT, lambda load: options[letter])


def number_for_letter(letter: str) -> WrongAnswer:
    """A manager's question answered with the right option's number (c → 3), not its letter."""
    return WrongAnswer(NUMBER_FOR_LETTER, lambda load: ord(letter) - ord("a") + 1)


#: Every family by its label: what a grader's report and the tests count mistakes by.
FAMILIES: dict[str, Callable[..., WrongAnswer]] = {
    COUNTS_FOR_SHARES: counts_for_shares,
    SUM_FOR_MEAN: sum_for_mean,
    SHARE_FOR_COUNT: share_for_count,
    ROWS_FOR_AMOUNTS: rows_for_amounts,
    NORMALISED_THE_OTHER_WAY: normalised_the_other_way,
    MEDIAN_FOR_MEAN: median_for_mean,
    MEAN_FOR_MEDIAN: mean_for_median,
    SORTED_THE_WRONG_WAY: sorted_the_wrong_way,
    SUBTRACTED_THE_WRONG_WAY: subtracted_the_wrong_way,
    SHARE_OF_A_SUBSET: share_of_a_subset,
    SHARE_OF_POSITIVES_ONLY: share_of_positives_only,
    DAYS_FOR_WEEKS: days_for_weeks,
    COLUMNS_SWAPPED: columns_swapped,
    GROUPED_THE_OTHER_WAY: grouped_the_other_way,
    THE_OTHER_PART: the_other_part,
    RATIO_FOR_CHANGE: ratio_for_change,
    DIFFERENCE_FOR_CHANGE: difference_for_change,
    CHANGE_FOR_POINTS: change_for_points,
    FILTER_LEFT_OUT: filter_left_out,
    OPTION_TEXT: option_text,
    NUMBER_FOR_LETTER: number_for_letter,
}
