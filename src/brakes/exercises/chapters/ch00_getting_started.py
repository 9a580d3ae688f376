"""Chapter 0, getting started: five warm-ups on the brand's mentions and pages.

The notebook loads ``mentions = load("mentions")`` and
``page_daily = load("page_daily")`` first; each solution uses those variables.
"""

from __future__ import annotations

import pandas as pd

from brakes.exercises.checkers import Number, Order, SeriesCheck, Tolerance
from brakes.exercises.model import Exercise, Load, WrongAnswer
from brakes.exercises.registry import register


def _mentions(load: Load) -> pd.DataFrame:
    return load("mentions")


def _page_daily(load: Load) -> pd.DataFrame:
    return load("page_daily")


register(
    Exercise(
        id="0.1",
        title="How many mentions?",
        prompt=(
            "How many public mentions of the brand are in the data? "
            "Store a single whole number in `n_mentions`."
        ),
        answer_name="n_mentions",
        tables=("mentions",),
        expected=lambda load: len(_mentions(load)),
        checker=Number(integer=True),
        hints=(
            "Each row of `mentions` is one public mention of the brand.",
            "Counting mentions means counting the rows of the table: Python's `len()` does that "
            "for a DataFrame.",
            "`n_mentions = len(...)` with the table's name between the parentheses.",
        ),
        solution="n_mentions = len(mentions)\n",
        reveals=(
            "Every one of these is a public conversation about the brand, and the brand took "
            "part in only some of them: this course is about that gap."
        ),
        wrong_answers=(
            WrongAnswer("counted cells, not rows", lambda load: _mentions(load).size),
            WrongAnswer("the shape tuple", lambda load: _mentions(load).shape),
            WrongAnswer("number of channels", lambda load: _mentions(load)["channel"].nunique()),
            WrongAnswer(
                "count() per column",
                lambda load: _mentions(load).count(),
                feedback=(
                    "`.count()` counts the filled-in values of each column separately, so "
                    "you get one number per column. The number of mentions is the number of "
                    "rows: `len(mentions)`."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="0.2",
        title="Mentions per channel",
        story=1,
        prompt=(
            "How many mentions does each channel have? Store a Series indexed by channel, "
            "sorted from the most mentions to the fewest, in `mentions_per_channel`."
        ),
        answer_name="mentions_per_channel",
        tables=("mentions",),
        expected=lambda load: _mentions(load)["channel"].value_counts(),
        checker=SeriesCheck(index="channel", order=Order.DESCENDING),
        hints=(
            "You need one count per value of the `channel` column, largest first.",
            "pandas has a method that counts how often each value appears in a column, and "
            "sorts the counts from largest to smallest: `.value_counts()`.",
            '`mentions_per_channel = mentions["..."].value_counts()`, with the column name '
            "in the brackets.",
        ),
        solution='mentions_per_channel = mentions["channel"].value_counts()\n',
        reveals=(
            "Look at where forums, blogs and review sites rank: much of the conversation "
            "happens on channels where the brand has no voice of its own (chapter 1)."
        ),
        wrong_answers=(
            WrongAnswer(
                "shares instead of counts",
                lambda load: _mentions(load)["channel"].value_counts(normalize=True),
            ),
            WrongAnswer(
                "sorted the wrong way",
                lambda load: _mentions(load)["channel"].value_counts(ascending=True),
            ),
            WrongAnswer(
                "reset_index() made a table",
                lambda load: _mentions(load)["channel"].value_counts().reset_index(),
            ),
            WrongAnswer(
                "counted product lines",
                lambda load: _mentions(load)["product_line"].value_counts(),
            ),
        ),
    )
)

register(
    Exercise(
        id="0.3",
        title="Share of negative mentions",
        prompt=(
            "What share of the mentions is negative? Store a fraction between 0 and 1 "
            "(not a percentage) in `share_negative`."
        ),
        answer_name="share_negative",
        tables=("mentions",),
        expected=lambda load: float((_mentions(load)["sentiment"] == "negative").mean()),
        checker=Number(tol=Tolerance(abs=0.0005), share=True),
        hints=(
            "A share is a count divided by the total: negative mentions over all mentions.",
            'Compare the `sentiment` column with `"negative"`: you get True/False per '
            "mention. The mean of True/False values is the share of True.",
            '`share_negative = (mentions["sentiment"] == ...).mean()`',
        ),
        solution=(
            'is_negative = mentions["sentiment"] == "negative"\n'
            "share_negative = is_negative.mean()\n"
        ),
        reveals=(
            "A share can be compared across groups where a count cannot: chapter 1 compares "
            "it channel by channel, and finds it higher where the brand does not speak."
        ),
        wrong_answers=(
            WrongAnswer(
                "a percentage",
                lambda load: (_mentions(load)["sentiment"] == "negative").mean() * 100,
            ),
            WrongAnswer(
                "the count of negatives",
                lambda load: int((_mentions(load)["sentiment"] == "negative").sum()),
            ),
            WrongAnswer(
                "all shares as a Series",
                lambda load: _mentions(load)["sentiment"].value_counts(normalize=True),
            ),
            WrongAnswer(
                "share of positives",
                lambda load: float((_mentions(load)["sentiment"] == "positive").mean()),
            ),
        ),
    )
)

register(
    Exercise(
        id="0.4",
        title="First-day reach by product line",
        prompt=(
            "On average, how many people does a mention reach on its first day, for each "
            "product line? Store a Series indexed by product line in `mean_reach_by_line` "
            "(any order)."
        ),
        answer_name="mean_reach_by_line",
        tables=("mentions",),
        expected=lambda load: _mentions(load).groupby("product_line")["reach_first_day"].mean(),
        checker=SeriesCheck(index="product line", tol=Tolerance(abs=0.01)),
        hints=(
            "Split the mentions by product line, then average the first-day reach in each group.",
            '`.groupby("product_line")` splits the table; select the `reach_first_day` '
            "column and take its `.mean()`.",
            '`mean_reach_by_line = mentions.groupby("product_line")["..."].mean()`',
        ),
        solution=(
            'mean_reach_by_line = mentions.groupby("product_line")["reach_first_day"].mean()\n'
        ),
        reveals=(
            "Every line is discussed in front of an audience from day one, and the mean sits "
            "well above the typical mention: a few mentions reach very many people. Chapter 1 "
            "follows how that reach keeps growing when nobody answers."
        ),
        wrong_answers=(
            WrongAnswer(
                "median instead of mean",
                lambda load: _mentions(load).groupby("product_line")["reach_first_day"].median(),
            ),
            WrongAnswer(
                "seven-day reach",
                lambda load: _mentions(load).groupby("product_line")["reach_7d"].mean(),
            ),
            WrongAnswer(
                "as_index=False made a table",
                lambda load: (
                    _mentions(load)
                    .groupby("product_line", as_index=False)["reach_first_day"]
                    .mean()
                ),
            ),
            WrongAnswer(
                "grouped by channel",
                lambda load: _mentions(load).groupby("channel")["reach_first_day"].mean(),
            ),
        ),
    )
)

register(
    Exercise(
        id="0.5",
        title="Posts per platform",
        story=6,
        prompt=(
            "How many posts did the brand publish on each of its own accounts over the whole "
            "period? Store a Series indexed by platform in `posts_per_platform` (any order)."
        ),
        answer_name="posts_per_platform",
        tables=("page_daily",),
        expected=lambda load: _page_daily(load).groupby("platform")["posts"].sum(),
        checker=SeriesCheck(index="platform"),
        hints=(
            "`page_daily` has one row per day and platform; the `posts` column says how many "
            "posts went out that day.",
            "Group the rows by `platform` and add up the `posts` column in each group.",
            '`posts_per_platform = page_daily.groupby("platform")["posts"].<which method?>()`',
        ),
        solution='posts_per_platform = page_daily.groupby("platform")["posts"].sum()\n',
        reveals=(
            'Most posts go out on one account: the "Swiss-army knife" habit that chapter 2 '
            "holds up against where customers actually are."
        ),
        wrong_answers=(
            WrongAnswer("the grand total", lambda load: int(_page_daily(load)["posts"].sum())),
            WrongAnswer(
                "mean posts per day",
                lambda load: _page_daily(load).groupby("platform")["posts"].mean(),
            ),
            WrongAnswer(
                "counted days, not posts",
                lambda load: _page_daily(load)["platform"].value_counts(),
                feedback=(
                    "That counts the rows, i.e. the days each account existed. Add up the "
                    '`posts` column instead: `.groupby("platform")["posts"].sum()`.'
                ),
            ),
            WrongAnswer(
                "reset_index() made a table",
                lambda load: _page_daily(load).groupby("platform")["posts"].sum().reset_index(),
            ),
        ),
    )
)
