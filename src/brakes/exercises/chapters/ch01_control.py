"""Chapter 1, keeping control: where people talk, and how the brand answers.

Two notebooks. ``01-control-where-people-talk`` (exercises 1.1 to 1.8) loads
``mentions = load("mentions")`` and leads to stories 1 and 3: most of the
conversation is where the brand has no voice, it is more negative there, and
unanswered complaints keep spreading. ``01-control-how-the-brand-answers``
(1.9 to 1.14) loads ``support = load("support")`` and leads to story 2: a
web-form redirect satisfies less than a public resolution, and the agency
answers fast but solves less.

Every solution runs on its own (plots import what they need), so
``.solution()`` shows code that works as it stands.
"""

from __future__ import annotations

from textwrap import dedent

import pandas as pd

from brakes.data.brand import NO_VOICE_CHANNELS
from brakes.exercises.checkers import (
    Choice,
    FrameCheck,
    Number,
    Order,
    SeriesCheck,
    Tolerance,
)
from brakes.exercises.model import Exercise, Load, WrongAnswer
from brakes.exercises.registry import register

#: Percentages and points are checked to a hundredth: any correct way of computing passes.
PCT = Tolerance(abs=0.01)
#: The three accounts the brand has answered on from the first day.
HISTORICAL_ACCOUNTS = ("facebook", "twitter", "instagram")


def _mentions(load: Load) -> pd.DataFrame:
    return load("mentions")


def _support(load: Load) -> pd.DataFrame:
    return load("support")


# ---------------------------------------------------------------------------
# Notebook A: where people talk (stories 1 and 3)
# ---------------------------------------------------------------------------


def _share_by_channel(load: Load) -> pd.Series:
    return _mentions(load)["channel"].value_counts(normalize=True) * 100


def _no_voice_share(load: Load) -> float:
    return float(_mentions(load)["channel"].isin(NO_VOICE_CHANNELS).mean() * 100)


def _sentiment_counts(load: Load) -> pd.DataFrame:
    mentions = _mentions(load)
    return pd.crosstab(mentions["channel"], mentions["sentiment"])


def _net_sentiment(load: Load, first: str = "positive", second: str = "negative") -> pd.Series:
    counts = _sentiment_counts(load)
    net = (counts[first] - counts[second]) / counts.sum(axis=1) * 100
    return net.sort_values()


def _conversation_map(load: Load) -> pd.DataFrame:
    counts = _sentiment_counts(load)
    total = counts.sum(axis=1)
    return pd.DataFrame(
        {
            "share_pct": total / total.sum() * 100,
            "net_sentiment": (counts["positive"] - counts["negative"]) / total * 100,
        }
    )


def _answer_rate(load: Load) -> pd.Series:
    mentions = _mentions(load)
    rate = mentions.groupby("channel")["brand_answered"].mean() * 100
    return rate.sort_values(ascending=False)


def _negative(load: Load) -> pd.DataFrame:
    mentions = _mentions(load)
    return mentions[mentions["sentiment"] == "negative"]


def _median_spread(frame: pd.DataFrame) -> pd.Series:
    spread = frame["reach_7d"] / frame["reach_first_day"]
    return spread.groupby(frame["brand_answered"]).median()


def _reach_week(frame: pd.DataFrame, how: str = "median") -> pd.DataFrame:
    reach = frame.groupby("brand_answered")[["reach_first_day", "reach_7d"]]
    return reach.agg(how)


def _on_accounts(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame["channel"].isin(HISTORICAL_ACCOUNTS)]


register(
    Exercise(
        id="1.1",
        title="Share of the conversation per channel",
        story=1,
        prompt=(
            "What percentage of all mentions was published on each channel? Store a Series "
            "indexed by channel, in percent (the values add up to 100), sorted from the largest "
            "share to the smallest, in `share_by_channel`."
        ),
        answer_name="share_by_channel",
        tables=("mentions",),
        expected=_share_by_channel,
        checker=SeriesCheck(index="channel", tol=PCT, order=Order.DESCENDING),
        hints=(
            "A channel's share is its number of mentions divided by the number of all "
            "mentions, times 100 for a percentage.",
            "`.value_counts()` counts the mentions of each channel, largest first; with "
            "`normalize=True` it divides by the total for you.",
            'share_by_channel = mentions["channel"].value_counts(normalize=True) * ...',
        ),
        solution='share_by_channel = mentions["channel"].value_counts(normalize=True) * 100\n',
        reveals=(
            "Forums and review sites sit at the top: the biggest slices of the conversation "
            "about La Mijotière are on channels where it has no account at all."
        ),
        wrong_answers=(
            WrongAnswer(
                "fractions, not percentages",
                lambda load: _mentions(load)["channel"].value_counts(normalize=True),
            ),
            WrongAnswer(
                "counts, not shares",
                lambda load: _mentions(load)["channel"].value_counts(),
                feedback=(
                    "Those are numbers of mentions. The answer is each channel's share of all "
                    "mentions in percent: add `normalize=True` to `.value_counts()`, then "
                    "multiply by 100."
                ),
            ),
            WrongAnswer(
                "sorted the wrong way",
                lambda load: _share_by_channel(load).sort_values(),
            ),
            WrongAnswer("rounded", lambda load: _share_by_channel(load).round(1)),
        ),
    )
)

register(
    Exercise(
        id="1.2",
        title="Talk where the brand has no voice",
        story=1,
        prompt=(
            "La Mijotière has no account and never answers on four channels: `forum`, `blog`, "
            "`review_site` and `youtube`. What percentage of all mentions was published on "
            "those four channels? Store a single number in percent (between 0 and 100) in "
            "`no_voice_share`."
        ),
        answer_name="no_voice_share",
        tables=("mentions",),
        expected=_no_voice_share,
        checker=Number(tol=PCT),
        hints=(
            "Mark each mention as being on one of the four channels or not, then take the "
            "share of marked mentions.",
            '`mentions["channel"].isin([...])` gives True/False per mention; the mean of '
            "True/False values is the share of True. Multiply by 100 for a percentage.",
            'no_voice = ["forum", "blog", "review_site", "youtube"]\n'
            'no_voice_share = mentions["channel"].isin(no_voice).mean() * ...',
        ),
        solution=(
            'no_voice = ["forum", "blog", "review_site", "youtube"]\n'
            'on_no_voice = mentions["channel"].isin(no_voice)\n'
            "no_voice_share = on_no_voice.mean() * 100\n"
        ),
        reveals=(
            "More than three mentions in five are published where the brand never speaks. "
            "Whatever La Mijotière does on its own pages, most of its reputation is made "
            "elsewhere."
        ),
        wrong_answers=(
            WrongAnswer("a fraction", lambda load: _no_voice_share(load) / 100),
            WrongAnswer(
                "the count of mentions",
                lambda load: int(_mentions(load)["channel"].isin(NO_VOICE_CHANNELS).sum()),
                feedback=(
                    "That is the number of mentions on the four channels. The answer is their "
                    "share of all mentions in percent: take `.mean()` of the True/False "
                    "values instead of `.sum()`, then multiply by 100."
                ),
            ),
            WrongAnswer(
                "the brand's own channels",
                lambda load: 100 - _no_voice_share(load),
                feedback=(
                    "That is the share on the channels where the brand has an account. The "
                    "question asks for the four others: forum, blog, review_site and youtube."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="1.3",
        title="Net sentiment per channel",
        story=1,
        prompt=(
            "For each channel, compute the net sentiment: (positive mentions − negative "
            "mentions) ÷ all mentions × 100, in points from −100 to +100. Store a Series "
            "indexed by channel, sorted from the most negative to the most positive, in "
            "`net_sentiment`."
        ),
        answer_name="net_sentiment",
        tables=("mentions",),
        expected=_net_sentiment,
        checker=SeriesCheck(index="channel", tol=PCT, order=Order.ASCENDING),
        hints=(
            "You need three counts per channel: positive mentions, negative mentions and all "
            "mentions.",
            '`pd.crosstab(mentions["channel"], mentions["sentiment"])` makes a table with one '
            "row per channel and one column per sentiment; `.sum(axis=1)` adds up each row.",
            'counts = pd.crosstab(mentions["channel"], mentions["sentiment"])\n'
            'net_sentiment = (counts["positive"] - counts["negative"]) / '
            "counts.sum(axis=1) * 100\n"
            "net_sentiment = net_sentiment.sort_values()",
        ),
        solution=(
            'counts = pd.crosstab(mentions["channel"], mentions["sentiment"])\n'
            "total = counts.sum(axis=1)\n"
            'net_sentiment = (counts["positive"] - counts["negative"]) / total * 100\n'
            "net_sentiment = net_sentiment.sort_values()\n"
        ),
        reveals=(
            "Review sites and forums, the two biggest channels, are the only ones where "
            "complaints outnumber praise, and the brand says nothing there. On its own "
            "Instagram and Facebook pages the tone is warm: watching only those, it sees a "
            "happier picture than the real one."
        ),
        wrong_answers=(
            WrongAnswer("a fraction", lambda load: _net_sentiment(load) / 100),
            WrongAnswer(
                "negative minus positive",
                lambda load: _net_sentiment(load, "negative", "positive").sort_values(),
                feedback=(
                    "Your values have the opposite sign: net sentiment is positive minus "
                    "negative, so a channel with more praise than complaints is above zero."
                ),
            ),
            WrongAnswer(
                "sorted the wrong way",
                lambda load: _net_sentiment(load).sort_values(ascending=False),
            ),
            WrongAnswer(
                "share of positives only",
                lambda load: (
                    (_mentions(load)["sentiment"] == "positive")
                    .groupby(_mentions(load)["channel"])
                    .mean()
                    .mul(100)
                    .sort_values()
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="1.4",
        title="Map of the conversation (plot)",
        story=1,
        prompt=(
            "Build a DataFrame indexed by channel with two columns: `share_pct` (the channel's "
            "share of all mentions, in percent) and `net_sentiment` (in points, as in 1.3), and "
            "store it in `conversation_map`. Then draw it: one point per channel, share of "
            "mentions across, net sentiment up, the channels where the brand has no voice in a "
            "second colour, each point labelled with its channel."
        ),
        answer_name="conversation_map",
        tables=("mentions",),
        expected=_conversation_map,
        checker=FrameCheck(index="channel", tol=PCT),
        hints=(
            "You computed both columns already (exercises 1.1 and 1.3): put them side by "
            "side with `pd.DataFrame({...})`; pandas matches the rows by channel. For the plot, "
            "`ax.scatter(x, y)` draws points.",
            "Draw the two groups of channels with two calls to `ax.scatter`, each with its own "
            "`color` and `label`; `conversation_map.index.isin(no_voice)` tells them apart. "
            "`ax.annotate(name, (x, y))` writes a label next to a point.",
            'conversation_map = pd.DataFrame({"share_pct": ..., "net_sentiment": ...})\n'
            "silent = conversation_map[conversation_map.index.isin(no_voice)]\n"
            'ax.scatter(silent["share_pct"], silent["net_sentiment"], color=PALETTE[1], '
            'label="no voice")',
        ),
        solution=dedent(
            """\
            import matplotlib.pyplot as plt
            from brakes.plotting import PALETTE, use_course_style

            counts = pd.crosstab(mentions["channel"], mentions["sentiment"])
            total = counts.sum(axis=1)
            conversation_map = pd.DataFrame(
                {
                    "share_pct": total / total.sum() * 100,
                    "net_sentiment": (counts["positive"] - counts["negative"]) / total * 100,
                }
            )

            no_voice = ["forum", "blog", "review_site", "youtube"]
            is_silent = conversation_map.index.isin(no_voice)
            own = conversation_map[~is_silent]
            silent = conversation_map[is_silent]
            use_course_style()
            fig, ax = plt.subplots()
            ax.scatter(own["share_pct"], own["net_sentiment"], s=90, color=PALETTE[0],
                       label="brand has an account")
            ax.scatter(silent["share_pct"], silent["net_sentiment"], s=90, color=PALETTE[1],
                       label="brand has no voice")
            for channel, row in conversation_map.iterrows():
                ax.annotate(channel, (row["share_pct"], row["net_sentiment"]),
                            xytext=(7, 4), textcoords="offset points")
            ax.axhline(0, color="grey", linewidth=1)
            ax.set_title("The biggest channels are the coldest, and the brand is silent there")
            ax.set_xlabel("Share of all mentions (%)")
            ax.set_ylabel("Net sentiment (points)")
            ax.legend(loc="lower left")
            plt.show()
            """
        ),
        reveals=(
            "The map says it at a glance: the brand's own accounts are small and warm, while "
            "the big, cold channels (forums and review sites) are all places where it has "
            "no voice."
        ),
        wrong_answers=(
            WrongAnswer(
                "share as a fraction",
                lambda load: _conversation_map(load).assign(
                    share_pct=lambda frame: frame["share_pct"] / 100
                ),
            ),
            WrongAnswer(
                "counts instead of shares",
                lambda load: _conversation_map(load).assign(
                    share_pct=_sentiment_counts(load).sum(axis=1)
                ),
                feedback=(
                    "The `share_pct` column holds numbers of mentions. Divide each by the "
                    "number of all mentions and multiply by 100."
                ),
            ),
            WrongAnswer(
                "reset_index() made channel a column",
                lambda load: _conversation_map(load).reset_index(),
            ),
            WrongAnswer(
                "net sentiment only",
                lambda load: _conversation_map(load)["net_sentiment"],
            ),
        ),
    )
)

register(
    Exercise(
        id="1.5",
        title="Where the brand answers",
        story=1,
        prompt=(
            "On each channel, what percentage of the mentions did the brand answer "
            "(`brand_answered` is True)? Store a Series indexed by channel, in percent, "
            "sorted from the highest rate to the lowest, in `answer_rate`."
        ),
        answer_name="answer_rate",
        tables=("mentions",),
        expected=_answer_rate,
        checker=SeriesCheck(index="channel", tol=PCT, order=Order.DESCENDING),
        hints=(
            "For each channel, you want the share of its mentions whose `brand_answered` is True.",
            "The mean of a True/False column is the share of True: group the mentions by "
            "`channel` and take the mean of `brand_answered`, then multiply by 100 and sort.",
            'answer_rate = mentions.groupby("channel")["brand_answered"].mean() * 100\n'
            "answer_rate = answer_rate.sort_values(ascending=...)",
        ),
        solution=(
            'answer_rate = mentions.groupby("channel")["brand_answered"].mean() * 100\n'
            "answer_rate = answer_rate.sort_values(ascending=False)\n"
        ),
        reveals=(
            "The brand answers some of what is said on its own accounts, a little on TikTok, "
            "and nothing at all on forums, blogs, review sites and YouTube: the channels that "
            "carry most of the conversation get no answer."
        ),
        wrong_answers=(
            WrongAnswer("a fraction", lambda load: _answer_rate(load) / 100),
            WrongAnswer(
                "counted the answers",
                lambda load: (
                    _mentions(load)
                    .groupby("channel")["brand_answered"]
                    .sum()
                    .sort_values(ascending=False)
                ),
                feedback=(
                    "Those are numbers of answered mentions, which grow with the size of the "
                    "channel. Take the `.mean()` of `brand_answered` instead of `.sum()`: the "
                    "share of the channel's mentions that got an answer."
                ),
            ),
            WrongAnswer(
                "where the answers went",
                lambda load: (
                    _mentions(load)
                    .loc[lambda frame: frame["brand_answered"], "channel"]
                    .value_counts(normalize=True)
                    * 100
                ),
                feedback=(
                    "That splits the brand's answers between channels (they add up to 100). "
                    "The question is how often each channel's mentions get an answer: group "
                    "all mentions by channel and take the mean of `brand_answered`."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="1.6",
        title="Do unanswered complaints keep spreading?",
        story=3,
        prompt=(
            "Keep only the negative mentions. For each, the spread ratio is `reach_7d` ÷ "
            "`reach_first_day` (2 means twice as many people had seen it after a week as on "
            "its first day). What is the median spread ratio of the negative mentions the "
            "brand answered, and of those it did not? Store a Series indexed by "
            "`brand_answered` (False, True) in `median_spread`."
        ),
        answer_name="median_spread",
        tables=("mentions",),
        expected=lambda load: _median_spread(_negative(load)),
        checker=SeriesCheck(index="brand_answered", tol=Tolerance(abs=0.001)),
        hints=(
            "Three steps: filter the negative mentions, compute one ratio per mention, then "
            "take the median ratio in each group of `brand_answered`.",
            'Filter with `mentions[mentions["sentiment"] == "negative"]`; dividing one column '
            'by another gives a ratio per row; `ratio.groupby(negative["brand_answered"])` '
            "groups it.",
            'negative = mentions[mentions["sentiment"] == "negative"]\n'
            'spread = negative["reach_7d"] / negative["reach_first_day"]\n'
            'median_spread = spread.groupby(negative["brand_answered"]).<which method?>()',
        ),
        solution=(
            'negative = mentions[mentions["sentiment"] == "negative"]\n'
            'spread = negative["reach_7d"] / negative["reach_first_day"]\n'
            'median_spread = spread.groupby(negative["brand_answered"]).median()\n'
        ),
        reveals=(
            "A typical unanswered complaint is seen by nearly three times as many people after "
            "a week as on its first day; an answered one hardly grows. Silence does not make "
            "a complaint go away: it lets it travel."
        ),
        wrong_answers=(
            WrongAnswer(
                "mean instead of median",
                lambda load: (
                    (_negative(load)["reach_7d"] / _negative(load)["reach_first_day"])
                    .groupby(_negative(load)["brand_answered"])
                    .mean()
                ),
            ),
            WrongAnswer(
                "ratio of the medians",
                lambda load: (
                    _reach_week(_negative(load))["reach_7d"]
                    / _reach_week(_negative(load))["reach_first_day"]
                ),
                feedback=(
                    "You divided the median 7-day reach by the median first-day reach. The "
                    "question asks for the median of the ratios: divide first, for each "
                    "mention, then take the median in each group."
                ),
            ),
            WrongAnswer(
                "all mentions, not only negative ones",
                lambda load: _median_spread(_mentions(load)),
                feedback=(
                    "You used all the mentions. The question is about complaints: keep the "
                    'negative mentions first, `mentions[mentions["sentiment"] == "negative"]`.'
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="1.7",
        title="A week in the life of a complaint (plot)",
        story=3,
        prompt=(
            "Compare like with like: keep the negative mentions published on the brand's "
            "three historical accounts (`facebook`, `twitter`, `instagram`), where it could "
            "answer. Store in `reach_week` a DataFrame indexed by `brand_answered` with two "
            "columns, `reach_first_day` and `reach_7d`, each holding the median of that column "
            "in the group. Then draw one line per group, from the first day to day 7."
        ),
        answer_name="reach_week",
        tables=("mentions",),
        expected=lambda load: _reach_week(_on_accounts(_negative(load))),
        checker=FrameCheck(index="answered or not", tol=Tolerance(abs=0.01)),
        hints=(
            "Filter twice (negative sentiment, and a channel among the three accounts), then "
            "group by `brand_answered` and take the median of the two reach columns.",
            '`.isin(["facebook", "twitter", "instagram"])` tests the channel; selecting two '
            'columns after `.groupby(...)` takes double brackets: `[["reach_first_day", '
            '"reach_7d"]]`. `reach_week.loc[False]` is then the row of unanswered complaints.',
            'reach_week = complaints.groupby("brand_answered")[["reach_first_day", '
            '"reach_7d"]].median()\n'
            'ax.plot([1, 7], reach_week.loc[False], marker="o", label="not answered")',
        ),
        solution=dedent(
            """\
            import matplotlib.pyplot as plt
            from brakes.plotting import PALETTE, SENTIMENT_COLOURS, use_course_style

            is_negative = mentions["sentiment"] == "negative"
            on_accounts = mentions["channel"].isin(["facebook", "twitter", "instagram"])
            complaints = mentions[is_negative & on_accounts]
            reach_columns = ["reach_first_day", "reach_7d"]
            reach_week = complaints.groupby("brand_answered")[reach_columns].median()

            use_course_style()
            fig, ax = plt.subplots()
            days = [1, 7]
            ax.plot(days, reach_week.loc[False], marker="o", linewidth=3,
                    color=SENTIMENT_COLOURS["negative"], label="not answered")
            ax.plot(days, reach_week.loc[True], marker="o", linewidth=3,
                    color=PALETTE[0], label="answered")
            ax.set_xticks(days, ["first day", "after 7 days"])
            ax.set_ylim(bottom=0)
            ax.set_title("Unanswered complaints keep spreading; answered ones stop")
            ax.set_xlabel("Time since the complaint was posted")
            ax.set_ylabel("Median reach (people)")
            ax.legend(title="Negative mention")
            plt.show()
            """
        ),
        reveals=(
            "On the same accounts, answered and unanswered complaints start with a similar "
            "audience; a week later the unanswered ones have been seen by several times more "
            "people. An answer under a complaint is what stops it spreading."
        ),
        wrong_answers=(
            WrongAnswer(
                "means instead of medians",
                lambda load: _reach_week(_on_accounts(_negative(load)), "mean"),
                feedback=(
                    "Those are means. Reach is very skewed (a few mentions reach huge "
                    "audiences and pull the mean up): the question asks for the medians, "
                    "with `.median()`."
                ),
            ),
            WrongAnswer(
                "all channels",
                lambda load: _reach_week(_negative(load)),
                feedback=(
                    "You kept the negative mentions of every channel. On forums, review sites, "
                    "blogs and YouTube the brand never answers, so those mentions would only "
                    "blur the comparison: keep facebook, twitter and instagram only."
                ),
            ),
            WrongAnswer(
                "all sentiments",
                lambda load: _reach_week(_on_accounts(_mentions(load))),
            ),
            WrongAnswer(
                "reset_index() made brand_answered a column",
                lambda load: _reach_week(_on_accounts(_negative(load))).reset_index(),
            ),
        ),
    )
)

_ADVICE_1 = {
    "a": (
        "Our own pages are where most people talk about us and the tone there is good, so "
        "keep the team focused on them."
    ),
    "b": ("Close the comments on our pages when complaints pile up, so that they cannot spread."),
    "c": (
        "Most of the talk about us, and the coldest, is on forums, review sites, blogs and "
        "YouTube, where we never answer, and complaints left unanswered keep spreading. We "
        "should listen there and answer complaints where they are posted."
    ),
    "d": (
        "Complaints are a small share of what is said and reach few people, so staying "
        "silent is the safe choice."
    ),
}

register(
    Exercise(
        id="1.8",
        title="What would you tell your manager?",
        story=1,
        prompt=(
            "Your manager asks what the mentions data says about the brand's presence online. "
            'Which sentence would you tell them? Store one letter, `"a"`, `"b"`, `"c"` or '
            '`"d"`, in `advice_where`.\n\n'
            + "\n".join(f"{letter}) {text}" for letter, text in _ADVICE_1.items())
        ),
        answer_name="advice_where",
        tables=(),
        expected=lambda load: "c",
        checker=Choice(
            options=_ADVICE_1,
            explanations={
                "a": (
                    "your own numbers say otherwise: most mentions (exercise 1.2) and the "
                    "coldest ones (1.3) are on channels where the brand has no account."
                ),
                "b": (
                    "closing the comments does not stop the complaints: they move to forums "
                    "and review sites, where the brand cannot answer and where, as 1.6 shows, "
                    "unanswered complaints keep spreading."
                ),
                "d": (
                    "complaints are a large share of what is said on forums and review sites, "
                    "and exercise 1.6 shows an unanswered one keeps reaching new people for "
                    "days: silence is not safe."
                ),
            },
        ),
        hints=(
            "Go back over what you found: where the mentions are (1.1, 1.2), their tone (1.3), "
            "where the brand answers (1.5) and what happens to unanswered complaints (1.6, 1.7).",
            "Rule out every option that one of your numbers contradicts.",
            "Only one option agrees with all three findings: most talk is where the brand is "
            "silent, it is colder there, and silence lets complaints spread.",
        ),
        solution='advice_where = "c"\n',
        reveals=(
            "That is the control brake in one sentence: the brand speaks where it feels in "
            "charge and stays silent where its reputation is made. The fix starts with "
            "listening on those channels and answering complaints where they are posted."
        ),
        wrong_answers=(
            WrongAnswer("our own pages", lambda load: "a"),
            WrongAnswer("close the comments", lambda load: "b"),
            WrongAnswer("silence is safe", lambda load: "d"),
            WrongAnswer("a number, not a letter", lambda load: 3),
        ),
    )
)


# ---------------------------------------------------------------------------
# Notebook B: how the brand answers (story 2)
# ---------------------------------------------------------------------------


def _satisfaction_by_answer(load: Load) -> pd.Series:
    support = _support(load)
    mean = support.groupby("answer_type")["satisfaction"].mean()
    return mean.sort_values(ascending=False)


def _bought_again_rate(load: Load) -> pd.Series:
    return _support(load).groupby("answer_type")["bought_again"].mean()


def _bought_again_gap(load: Load) -> float:
    rate = _bought_again_rate(load)
    return float((rate["public_resolution"] - rate["redirect_form"]) * 100)


def _answer_mix(load: Load, normalize: str | bool = "index") -> pd.DataFrame:
    support = _support(load)
    mix = pd.crosstab(support["handled_by"], support["answer_type"], normalize=normalize)
    return mix * 100 if normalize else mix


def _handler_summary(load: Load, keys: tuple[str, ...] = ("handled_by",)) -> pd.DataFrame:
    summary = (
        _support(load)
        .groupby(list(keys))
        .agg(
            median_first_response_min=("first_response_min", "median"),
            resolution_rate=("resolved", "mean"),
        )
    )
    summary["resolution_rate"] = summary["resolution_rate"] * 100
    return summary


register(
    Exercise(
        id="1.9",
        title="Satisfaction by kind of answer",
        story=2,
        prompt=(
            "What is the mean satisfaction score (1 to 5) of the customers for each kind of "
            "answer (`answer_type`)? Customers who skipped the survey have no score: leave "
            "them out. Store a Series indexed by answer type, sorted from the highest mean to "
            "the lowest, in `satisfaction_by_answer`."
        ),
        answer_name="satisfaction_by_answer",
        tables=("support",),
        expected=_satisfaction_by_answer,
        checker=SeriesCheck(index="answer type", tol=Tolerance(abs=0.001), order=Order.DESCENDING),
        hints=(
            "Split the conversations by `answer_type`, then average the `satisfaction` column "
            "in each group.",
            '`.groupby("answer_type")["satisfaction"].mean()` does it; pandas leaves missing '
            "scores out of a mean by itself. Then sort with `.sort_values(...)`.",
            'satisfaction_by_answer = support.groupby("answer_type")["satisfaction"].mean()\n'
            "satisfaction_by_answer = satisfaction_by_answer.sort_values(ascending=...)",
        ),
        solution=(
            'satisfaction_by_answer = support.groupby("answer_type")["satisfaction"].mean()\n'
            "satisfaction_by_answer = satisfaction_by_answer.sort_values(ascending=False)\n"
        ),
        reveals=(
            "A problem solved in public satisfies most; a link to the web form scores closer "
            "to no answer at all than to a solution. Polite and fast is not the same as useful."
        ),
        wrong_answers=(
            WrongAnswer(
                "median instead of mean",
                lambda load: (
                    _support(load)
                    .groupby("answer_type")["satisfaction"]
                    .median()
                    .sort_values(ascending=False)
                ),
                feedback=(
                    "Those are medians. On a 1-to-5 score the median is almost always a whole "
                    "number (3 or 4), which hides the differences between kinds of answer: "
                    "use `.mean()`."
                ),
            ),
            WrongAnswer(
                "missing scores counted as 0",
                lambda load: (
                    _support(load)
                    .assign(satisfaction=lambda frame: frame["satisfaction"].fillna(0))
                    .groupby("answer_type")["satisfaction"]
                    .mean()
                    .sort_values(ascending=False)
                ),
                feedback=(
                    "Your means are too low: the customers who skipped the survey were "
                    "counted as a score of 0. Leave the missing scores out (pandas' "
                    "`.mean()` does that if you do not fill them in)."
                ),
            ),
            WrongAnswer(
                "sorted the wrong way",
                lambda load: _satisfaction_by_answer(load).sort_values(),
            ),
        ),
    )
)

register(
    Exercise(
        id="1.10",
        title="Repeat purchases: web form or public resolution",
        story=2,
        prompt=(
            "`bought_again` says whether the customer bought from the e-shop again within six "
            "months. How many percentage points higher is the rate of buying again after a "
            "`public_resolution` than after a `redirect_form`? Store a single number (the "
            "public resolution's rate in percent minus the web form's) in `bought_again_gap`."
        ),
        answer_name="bought_again_gap",
        tables=("support",),
        expected=_bought_again_gap,
        checker=Number(tol=PCT),
        hints=(
            "Compute the buy-again rate of each kind of answer, then subtract the web form's "
            "from the public resolution's.",
            "The mean of the True/False column `bought_again` in each group of `answer_type` "
            'is that group\'s rate; pick one with `rate["public_resolution"]`. Multiply the '
            "difference by 100 to get percentage points.",
            'rate = support.groupby("answer_type")["bought_again"].mean()\n'
            'bought_again_gap = (rate["public_resolution"] - rate["..."]) * 100',
        ),
        solution=(
            'rate = support.groupby("answer_type")["bought_again"].mean()\n'
            'bought_again_gap = (rate["public_resolution"] - rate["redirect_form"]) * 100\n'
        ),
        reveals=(
            "Customers whose problem was solved in public come back to buy far more often than "
            "those sent to a web form: the redirect does not only annoy, it costs sales."
        ),
        wrong_answers=(
            WrongAnswer("a fraction", lambda load: _bought_again_gap(load) / 100),
            WrongAnswer(
                "subtracted the wrong way",
                lambda load: -_bought_again_gap(load),
                feedback=(
                    "Your number has the wrong sign: subtract the web form's rate from the "
                    'public resolution\'s, `rate["public_resolution"] - '
                    'rate["redirect_form"]`.'
                ),
            ),
            WrongAnswer(
                "a ratio, not a difference",
                lambda load: float(
                    _bought_again_rate(load)["public_resolution"]
                    / _bought_again_rate(load)["redirect_form"]
                ),
                feedback=(
                    "You divided one rate by the other. The question asks for a difference in "
                    "percentage points: subtract the web form's rate from the public "
                    "resolution's, then multiply by 100."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="1.11",
        title="Who sends customers to the web form?",
        story=2,
        prompt=(
            "For the agency and for the in-house team, what percentage of their conversations "
            "got each kind of answer? Store a DataFrame with one row per `handled_by` value "
            "and one column per `answer_type`, each row adding up to 100, in `answer_mix`."
        ),
        answer_name="answer_mix",
        tables=("support",),
        expected=_answer_mix,
        checker=FrameCheck(index="handler", tol=PCT),
        hints=(
            "Count the conversations for each pair of handler and answer type, then turn each "
            "row into percentages of that row's total.",
            '`pd.crosstab(rows, columns, normalize="index")` counts the pairs and divides each '
            "row by its total.",
            'answer_mix = pd.crosstab(support["handled_by"], support["answer_type"], '
            'normalize="index") * ...',
        ),
        solution=(
            'answer_mix = pd.crosstab(support["handled_by"], support["answer_type"], '
            'normalize="index") * 100\n'
        ),
        reveals=(
            "More than half of the agency's answers are a link to the web form, and few solve "
            "anything in public; the in-house team, which can act, resolves in public far more "
            "often."
        ),
        wrong_answers=(
            WrongAnswer("fractions", lambda load: _answer_mix(load) / 100),
            WrongAnswer(
                "counts",
                lambda load: _answer_mix(load, normalize=False),
                feedback=(
                    "Those are numbers of conversations, and the agency handles many more "
                    'than the team. Add `normalize="index"` and multiply by 100, so each row '
                    "shows percentages of that handler's conversations."
                ),
            ),
            WrongAnswer(
                "each column adds up to 100",
                lambda load: _answer_mix(load, normalize="columns"),
                feedback=(
                    "Each of your columns adds up to 100: you split each kind of answer "
                    'between the two handlers. Use `normalize="index"` so that each row, one '
                    "handler, adds up to 100."
                ),
            ),
            WrongAnswer("transposed", lambda load: _answer_mix(load).T),
        ),
    )
)

register(
    Exercise(
        id="1.12",
        title="The agency: fast, but does it solve?",
        story=2,
        prompt=(
            "For the agency and for the in-house team, compute the median first-response time "
            "in minutes and the resolution rate in percent (the share of conversations whose "
            "`resolved` is True). Store a DataFrame indexed by `handled_by` with the columns "
            "`median_first_response_min` and `resolution_rate` in `handler_summary`."
        ),
        answer_name="handler_summary",
        tables=("support",),
        expected=_handler_summary,
        checker=FrameCheck(index="handler", tol=PCT),
        hints=(
            "Group the conversations by `handled_by`; you need the median of "
            "`first_response_min` and the mean of `resolved` in each group.",
            '`.agg(new_name=("column", "function"), ...)` after a `.groupby(...)` computes '
            "several summaries at once and names the columns. Multiply the resolution rate by "
            "100 afterwards.",
            'handler_summary = support.groupby("handled_by").agg(\n'
            '    median_first_response_min=("first_response_min", "median"),\n'
            '    resolution_rate=("resolved", "..."),\n'
            ")\n"
            'handler_summary["resolution_rate"] = handler_summary["resolution_rate"] * 100',
        ),
        solution=(
            'handler_summary = support.groupby("handled_by").agg(\n'
            '    median_first_response_min=("first_response_min", "median"),\n'
            '    resolution_rate=("resolved", "mean"),\n'
            ")\n"
            'handler_summary["resolution_rate"] = handler_summary["resolution_rate"] * 100\n'
        ),
        reveals=(
            "The agency answers several times faster than the in-house team, and solves "
            "markedly fewer problems. Its weekly report shows the first number, not the "
            "second."
        ),
        wrong_answers=(
            WrongAnswer(
                "mean response time",
                lambda load: _handler_summary(load).assign(
                    median_first_response_min=_support(load)
                    .groupby("handled_by")["first_response_min"]
                    .mean()
                ),
                feedback=(
                    "Your response times are means. A few very slow answers pull a mean up; "
                    "the question asks for the median, the time within which half of the "
                    'conversations got an answer: use `"median"`.'
                ),
            ),
            WrongAnswer(
                "resolution rate as a fraction",
                lambda load: _handler_summary(load).assign(
                    resolution_rate=lambda frame: frame["resolution_rate"] / 100
                ),
            ),
            WrongAnswer(
                "reset_index() made handled_by a column",
                lambda load: _handler_summary(load).reset_index(),
            ),
        ),
    )
)

register(
    Exercise(
        id="1.13",
        title="Speed against resolution, line by line (plot)",
        story=2,
        prompt=(
            "Is the pattern of 1.12 the same for every product line? Compute the same two "
            "columns, `median_first_response_min` and `resolution_rate` (in percent), for each "
            "pair of `handled_by` and `product_line`: store a DataFrame indexed by both (in "
            "that order) in `speed_vs_resolution`. Then draw one point per row, first-response "
            "time across, resolution rate up, one colour per handler."
        ),
        answer_name="speed_vs_resolution",
        tables=("support",),
        expected=lambda load: _handler_summary(load, ("handled_by", "product_line")),
        checker=FrameCheck(index="handler and product line", tol=PCT),
        hints=(
            "It is exercise 1.12 with two grouping columns instead of one.",
            'Pass a list to `.groupby`: `["handled_by", "product_line"]`. For the plot, '
            '`speed_vs_resolution.loc["agency"]` gives the agency\'s rows; draw each handler '
            "with its own `ax.scatter(...)`.",
            'speed_vs_resolution = support.groupby(["handled_by", "product_line"]).agg(...)\n'
            'for handler, colour in zip(["agency", "in_house"], PALETTE):\n'
            "    points = speed_vs_resolution.loc[handler]\n"
            '    ax.scatter(points["median_first_response_min"], points["resolution_rate"], '
            "color=colour, label=handler)",
        ),
        solution=dedent(
            """\
            import matplotlib.pyplot as plt
            from brakes.plotting import PALETTE, use_course_style

            speed_vs_resolution = support.groupby(["handled_by", "product_line"]).agg(
                median_first_response_min=("first_response_min", "median"),
                resolution_rate=("resolved", "mean"),
            )
            speed_vs_resolution["resolution_rate"] = speed_vs_resolution["resolution_rate"] * 100

            use_course_style()
            fig, ax = plt.subplots()
            for handler, colour in zip(["agency", "in_house"], PALETTE):
                points = speed_vs_resolution.loc[handler]
                ax.scatter(points["median_first_response_min"], points["resolution_rate"],
                           s=90, color=colour, label=handler)
            ax.set_xlim(left=0)
            ax.set_ylim(0, 100)
            ax.set_title("The agency answers fast but solves less, on every product line")
            ax.set_xlabel("Median first response (minutes)")
            ax.set_ylabel("Resolution rate (%)")
            ax.legend(title="Handled by")
            plt.show()
            """
        ),
        reveals=(
            "Two separate clouds: every product line's agency point is fast and low, every "
            "in-house point slower and higher. It is not one bad product line: it is how the "
            "contract works."
        ),
        wrong_answers=(
            WrongAnswer("grouped by handler only", _handler_summary),
            WrongAnswer(
                "index levels swapped",
                lambda load: _handler_summary(load, ("product_line", "handled_by")),
                feedback=(
                    "Your index has product line first and handler second; the answer is "
                    'indexed by `["handled_by", "product_line"]`, in that order (so that '
                    '`.loc["agency"]` picks the agency\'s rows).'
                ),
            ),
            WrongAnswer(
                "resolution rate as a fraction",
                lambda load: _handler_summary(load, ("handled_by", "product_line")).assign(
                    resolution_rate=lambda frame: frame["resolution_rate"] / 100
                ),
            ),
        ),
    )
)

_ADVICE_2 = {
    "a": (
        "Renew the contract as it is: the agency answers within minutes, which is what "
        "customers expect."
    ),
    "b": (
        "Keep the agency for evenings and weekends, but judge it on problems solved and on "
        "satisfaction rather than speed, give it a way to trigger refunds and replacements, "
        "and stop sending customers to the web form."
    ),
    "c": (
        "End the contract and close the customer-service accounts: they only attract complaints."
    ),
    "d": (
        "Ask the in-house team to answer as fast as the agency; speed is what makes "
        "customers come back."
    ),
}

register(
    Exercise(
        id="1.14",
        title="What would you tell your manager about the agency contract?",
        story=2,
        prompt=(
            "The agency contract is up for renewal and your manager asks for your view. "
            'Which would you recommend? Store one letter, `"a"`, `"b"`, `"c"` or '
            '`"d"`, in `advice_agency`.\n\n'
            + "\n".join(f"{letter}) {text}" for letter, text in _ADVICE_2.items())
        ),
        answer_name="advice_agency",
        tables=(),
        expected=lambda load: "b",
        checker=Choice(
            options=_ADVICE_2,
            explanations={
                "a": (
                    "speed is the one number the agency wins on. It resolves fewer problems "
                    "(1.12), sends most customers to the web form (1.11), and those customers "
                    "are less satisfied and buy again less (1.9, 1.10)."
                ),
                "c": (
                    "closing the accounts does not stop the complaints; they move to forums "
                    "and review sites where the brand has no voice. The agency also covers "
                    "evenings and weekends that the team cannot."
                ),
                "d": (
                    "your numbers show that what brings customers back is a problem solved, "
                    "not a fast reply: the in-house team is slower and its customers are more "
                    "satisfied."
                ),
            },
        ),
        hints=(
            "Line up what you found: speed (1.12), what kind of answer each handler gives "
            "(1.11), and what each kind of answer does to satisfaction and repeat purchases "
            "(1.9, 1.10).",
            "A contract gets what it measures. Which option changes what the agency is "
            "measured on, rather than only who answers or how fast?",
            "The right option keeps what the agency is good at (covering hours the team "
            "cannot) and fixes what it is paid for.",
        ),
        solution='advice_agency = "b"\n',
        reveals=(
            "Agencies are not the problem; a contract measured on speed gets speed. Measure "
            "problems solved and satisfaction, and connect the agency to what solves problems."
        ),
        wrong_answers=(
            WrongAnswer("renew as it is", lambda load: "a"),
            WrongAnswer("close the accounts", lambda load: "c"),
            WrongAnswer("speed up the team", lambda load: "d"),
            WrongAnswer("the option's text", lambda load: _ADVICE_2["b"]),
        ),
    )
)
