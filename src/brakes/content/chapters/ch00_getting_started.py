"""Chapter 0, getting started: a primer of the pandas every chapter builds on, an exercise a step.

Each later notebook shows the few lines it adds before its first exercise.

The notebook loads ``mentions = load("mentions")`` and ``support = load("support")``
first; each solution uses ``mentions`` (and ``pd``). Every hint shows the
construct on another column than the one asked about, so it runs as written at
that point of the notebook and still leaves the learner something to write.
"""

from __future__ import annotations

import pandas as pd

from brakes.content.mistakes import (
    counts_for_shares,
    filter_left_out,
    grouped_the_other_way,
    median_for_mean,
    normalised_the_other_way,
    share_for_count,
    sorted_the_wrong_way,
    sum_for_mean,
)
from brakes.content.reference import crosstab
from brakes.data.brand import SENTIMENTS
from brakes.exercises.checkers import FrameCheck, Number, Order, Prediction, SeriesCheck
from brakes.exercises.model import Exercise, ExerciseKind, Load, WrongAnswer
from brakes.exercises.registry import register


def _mentions(load: Load) -> pd.DataFrame:
    return load("mentions")


def _is_negative(load: Load) -> pd.Series:
    return _mentions(load)["sentiment"] == "negative"


def _about_quality(load: Load) -> pd.Series:
    return _mentions(load)["topic"] == "product_quality"


def _mean_reach(load: Load) -> pd.Series:
    reach = _mentions(load).groupby("product_line")["reach_first_day"].mean()
    return reach.sort_values(ascending=False)


def _sentiment_mix(load: Load, normalize: str | bool = "index") -> pd.DataFrame:
    mentions = _mentions(load)
    return crosstab(mentions["product_line"], mentions["sentiment"], normalize=normalize) * 100


register(
    Exercise(
        id="0.1",
        title="How many mentions are in the data?",
        answer_name="n_mentions",
        tables=("mentions",),
        expected=lambda load: len(_mentions(load)),
        checker=Number(integer=True),
        hints=(
            "Each row of `mentions` is one public mention of the brand: count the rows.",
            "`mentions.shape` gives two numbers, rows then columns; `len(support)` gives just "
            "the number of rows of a table.",
            "`len(support)` counts the conversations in `support`. Do the same with the "
            "mentions table and store it with `n_mentions = ...`.",
        ),
        solution="n_mentions = len(mentions)\n",
        reveals=(
            "{value} mentions in all. Every one of these is a public post or comment about the "
            "brand. In the next chapter you will ask where they are published, and in how many of "
            "them the brand took part."
        ),
        wrong_answers=(
            WrongAnswer("counted cells, not rows", lambda load: _mentions(load).size),
            WrongAnswer("the shape (rows, columns)", lambda load: _mentions(load).shape),
            WrongAnswer(
                "count() per column",
                lambda load: _mentions(load).count(),
                feedback=(
                    "`mentions.count()` counts the filled-in values of each column separately, "
                    "so you get one number per column. The number of mentions is the number of "
                    "rows of the table."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="0.2",
        extension=True,
        title="How many mentions does each channel have?",
        answer_name="mentions_per_channel",
        tables=("mentions",),
        expected=lambda load: _mentions(load)["channel"].value_counts(),
        checker=SeriesCheck(index="channel", order=Order.DESCENDING),
        hints=(
            'You need one count per value of the `"channel"` column, largest first.',
            '`mentions["product_line"].value_counts()` counts how often each product line '
            "appears, largest first.",
            'Do the same as `mentions["product_line"].value_counts()` with the column that '
            "holds the channel, and store it with `mentions_per_channel = ...`.",
        ),
        solution='mentions_per_channel = mentions["channel"].value_counts()\n',
        reveals=(
            "Your mentions per channel, from the most to the fewest: {value} The index now holds "
            "the channel names and the values are counts. Keep the list in mind: chapter 1 asks on"
            " which of these channels La Mijotière has a voice at all."
        ),
        wrong_answers=(
            share_for_count(
                lambda load: _mentions(load)["channel"].value_counts(normalize=True),
                feedback=(
                    "Those are shares (fractions adding up to 1): normalize=True divides each "
                    "count by the total. The question asks how many mentions: leave "
                    "normalize=True out."
                ),
            ),
            sorted_the_wrong_way(lambda load: _mentions(load)["channel"].value_counts()),
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
        title="What share of the mentions do you expect to be negative?",
        kind=ExerciseKind.PREDICT,
        answer_name="negative_guess",
        tables=(),
        checker=Prediction(numeric=True),
        hints=(
            "There is no wrong answer here: write down what you expect before you compute it.",
            "Think of 100 mentions of a food brand, on review sites, forums and social media: "
            "how many would be complaints?",
            "Write your own guess, a number from 0 to 100, for example `negative_guess = 25`.",
        ),
        # The solution says what the data say: the share in percent, to the nearest whole number.
        expected=lambda load: round(_is_negative(load).mean() * 100),
        solution="negative_guess = 30\n",
        reveals="Exercise 0.4 computes the real share: then compare it with your guess.",
    )
)

register(
    Exercise(
        id="0.4",
        title="What share of the mentions is negative?",
        answer_name="share_negative",
        tables=("mentions",),
        expected=lambda load: float(_is_negative(load).mean()),
        checker=Number(share=True, decimals=3),
        hints=(
            "A share is a count divided by the total: negative mentions over all mentions.",
            "Comparing a column with a value gives True/False per mention, and the mean of "
            'True/False values is the share of True: `(mentions["author_type"] == '
            '"customer").mean()` is the share of mentions written by customers.',
            'Write the same as `(mentions["author_type"] == "customer").mean()` for the '
            '`"sentiment"` column and the value `"negative"`, and store it with '
            "`share_negative = ...`.",
        ),
        solution=(
            'is_negative = mentions["sentiment"] == "negative"\n'
            "share_negative = is_negative.mean()\n"
        ),
        reveals=(
            "A share of {value} of all the mentions is negative. Compare it with the guess you "
            "wrote in exercise 0.3: higher or lower than you expected? A share, unlike a count, "
            "can be compared between channels of very different sizes, which chapter 1 does."
        ),
        wrong_answers=(
            WrongAnswer(
                "customers' mentions only",
                lambda load: float(
                    _is_negative(load)[_mentions(load)["author_type"] == "customer"].mean()
                ),
                feedback=(
                    "That is the share among the customers' mentions only. The question asks "
                    'about all the mentions: compare the whole `"sentiment"` column with '
                    '`"negative"`, with no filter on `author_type`.'
                ),
            ),
            sum_for_mean(
                lambda load: int(_is_negative(load).sum()),
                feedback=(
                    "That is the number of negative mentions: a sum counts the True values. "
                    "A share divides by the number of all mentions, which the mean does for "
                    'you, as in `(mentions["author_type"] == "customer").mean()`.'
                ),
            ),
            WrongAnswer(
                "share of positives",
                lambda load: float((_mentions(load)["sentiment"] == "positive").mean()),
                feedback=(
                    'That is the share of another sentiment. Compare the `"sentiment"` column '
                    'with `"negative"`, written in lower case as in the data.'
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="0.5",
        extension=True,
        title="How many negative mentions are about product quality?",
        answer_name="n_negative_quality",
        tables=("mentions",),
        expected=lambda load: int((_is_negative(load) & _about_quality(load)).sum()),
        checker=Number(integer=True),
        hints=(
            "You need the mentions that pass two tests at once: negative, and about product "
            'quality (the `"topic"` column holds `"product_quality"`).',
            "Write each test in its own parentheses and join them with the sign & (and): "
            '`(mentions["author_type"] == "customer") & (mentions["channel"] == "forum")` '
            "is True for customers' mentions on forums.",
            '`customers_on_forums = mentions[(mentions["author_type"] == "customer") & '
            '(mentions["channel"] == "forum")]` keeps those rows. Write the same with your two '
            "tests, then count the rows you kept and store it with `n_negative_quality = ...`.",
        ),
        solution=(
            'is_negative = mentions["sentiment"] == "negative"\n'
            'about_quality = mentions["topic"] == "product_quality"\n'
            "negative_quality = mentions[is_negative & about_quality]\n"
            "n_negative_quality = len(negative_quality)\n"
        ),
        reveals=(
            "{value} negative mentions are about product quality. Two tests joined with & keep "
            "only the rows that pass both. Chapter 1 uses the same move to follow complaints "
            "posted on the brand's own accounts."
        ),
        wrong_answers=(
            WrongAnswer(
                "either test (|)",
                lambda load: int((_is_negative(load) | _about_quality(load)).sum()),
                feedback=(
                    "Your count includes mentions that pass only one of the two tests. Keep the "
                    "mentions that are negative and also about product quality: join the tests "
                    "with the sign &, as in "
                    '`(mentions["author_type"] == "customer") & (mentions["channel"] == "forum")`.'
                ),
            ),
            filter_left_out(
                lambda load: int(_is_negative(load).sum()),
                feedback=(
                    "That counts every negative mention, whatever its topic. Add the second "
                    'test, on the `"topic"` column, with the sign &.'
                ),
            ),
            share_for_count(
                lambda load: float((_is_negative(load) & _about_quality(load)).mean()),
                feedback=(
                    "That is a share: the mean of True/False values. The question asks how many "
                    "mentions: count the rows you kept with len(), or add up the True values "
                    "with .sum() instead of .mean()."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="0.6",
        extension=True,
        title="How many people does a mention reach on its first day, per product line?",
        answer_name="mean_reach_by_line",
        tables=("mentions",),
        expected=_mean_reach,
        checker=SeriesCheck(index="product line", order=Order.DESCENDING, decimals=0),
        hints=(
            "Split the mentions by product line, average the first-day reach in each group, "
            "then sort from the highest average to the lowest.",
            '`mentions.groupby("author_type")["reach_first_day"].mean()` averages the '
            "first-day reach for each type of author; "
            '`mentions["author_type"].value_counts().sort_values(ascending=False)` shows how '
            "sorting puts the largest first.",
            'Start from `mentions.groupby("author_type")["reach_first_day"].mean()`: group by '
            "the product line instead, sort the result from the largest to the smallest, and "
            "store it with `mean_reach_by_line = ...`.",
        ),
        solution=(
            'mean_reach_by_line = mentions.groupby("product_line")["reach_first_day"].mean()\n'
            "mean_reach_by_line = mean_reach_by_line.sort_values(ascending=False)\n"
        ),
        reveals=(
            "How many people a mention reaches on its first day, on average, per product line: "
            "{value} Now compare with the medians: "
            '`mentions.groupby("product_line")["reach_first_day"].median()`. When the mean is far '
            "above the median, a few mentions reach very many people and pull the average up."
        ),
        wrong_answers=(
            median_for_mean(
                lambda load: (
                    _mentions(load)
                    .groupby("product_line")["reach_first_day"]
                    .median()
                    .sort_values(ascending=False)
                ),
                feedback=(
                    "Those are medians (the middle mention of each line). The question asks for "
                    "the average: use .mean() instead of .median()."
                ),
            ),
            WrongAnswer(
                "seven-day reach",
                lambda load: (
                    _mentions(load)
                    .groupby("product_line")["reach_7d"]
                    .mean()
                    .sort_values(ascending=False)
                ),
                feedback=(
                    'Your values are too high for the first day: average the `"reach_first_day"` '
                    'column, not `"reach_7d"` (the reach after a week).'
                ),
            ),
            sorted_the_wrong_way(_mean_reach),
            WrongAnswer(
                "grouped by channel",
                lambda load: _mentions(load).groupby("channel")["reach_first_day"].mean(),
            ),
        ),
    )
)

register(
    Exercise(
        id="0.7",
        extension=True,
        title="How do the feelings split within each product line?",
        answer_name="sentiment_mix",
        tables=("mentions",),
        expected=_sentiment_mix,
        checker=FrameCheck(index="product line", percent=SENTIMENTS, decimals=1),
        hints=(
            "You want a table with one row per product line and one column per sentiment, each "
            "row in percent of that line's mentions (so each row adds up to 100).",
            '`pd.crosstab(mentions["author_type"], mentions["sentiment"], normalize="index")` '
            "gives, for each type of author, the share of each sentiment.",
            "Start from "
            '`pd.crosstab(mentions["author_type"], mentions["sentiment"], normalize="index")`, '
            "put the product line in the rows instead, turn the shares into percentages and "
            "store it with `sentiment_mix = ...`.",
        ),
        solution=(
            'sentiment_mix = pd.crosstab(mentions["product_line"], mentions["sentiment"], '
            'normalize="index") * 100\n'
        ),
        reveals=(
            "Each product line's mentions by sentiment, in percent of the line's mentions: {value}"
            " Read the table row by row: does one product line stand out from the others? Keep the"
            " question for later: the table says how much, not why."
        ),
        wrong_answers=(
            grouped_the_other_way(
                lambda load: (
                    crosstab(
                        _mentions(load)["sentiment"],
                        _mentions(load)["product_line"],
                        normalize="columns",
                    )
                    * 100
                ),
            ),
            counts_for_shares(
                lambda load: _sentiment_mix(load, normalize=False) / 100,
                feedback=(
                    'Those are numbers of mentions. Add normalize="index" inside pd.crosstab() '
                    "so that each row is divided by its total, then multiply by 100."
                ),
            ),
            normalised_the_other_way(
                _sentiment_mix,
                feedback=(
                    "In your table each column adds up to 100: you divided by the total of each "
                    "sentiment. Divide by each product line's total instead: "
                    'normalize="index".'
                ),
            ),
        ),
    )
)
