"""Chapter 1, keeping control: where people talk, and how the brand answers.

Two notebooks, each stating its prompts in Markdown (see CONTRIBUTING.md).
``01a-control-where-people-talk`` (1.1 to 1.12) loads ``mentions`` and asks
where the conversation is, how warm it is there, where the brand answers, and
what happens to complaints it leaves alone. ``01b-control-how-the-brand-answers``
(1.13 to 1.23) loads ``support`` and asks which answers satisfy and bring
customers back, and how the agency and the in-house team compare.

Each story opens with a predict cell and closes with an interpret cell; each
notebook ends with a manager's question whose full answer is ``discussion``.
Titles are questions: a title never tells the learner what they will find.
"""

from __future__ import annotations

from functools import partial

import pandas as pd

from brakes.choices import Options
from brakes.content.cells import interpret, predict
from brakes.content.mistakes import (
    change_for_points,
    counts_for_shares,
    filter_left_out,
    grouped_the_other_way,
    mean_for_median,
    median_for_mean,
    normalised_the_other_way,
    number_for_letter,
    option_text,
    share_of_a_subset,
    share_of_positives_only,
    subtracted_the_wrong_way,
    sum_for_mean,
    the_other_part,
)
from brakes.content.reference import crosstab
from brakes.data.brand import ANSWER_TYPES, NO_VOICE_CHANNELS
from brakes.exercises.checkers import (
    Choice,
    FrameCheck,
    Number,
    SeriesCheck,
)
from brakes.exercises.model import Exercise, ExerciseKind, Load, WrongAnswer
from brakes.exercises.registry import register

#: The three accounts the brand has answered on from the first day.
HISTORICAL_ACCOUNTS = ("facebook", "twitter", "instagram")

#: What the first notebook's set-up cell defines for every exercise after it.
SETUP_MENTIONS = (
    'no_voice = ["forum", "blog", "review_site", "youtube"]\n'
    'accounts = ["facebook", "twitter", "instagram"]\n'
)

#: Shown with every interpret cell's reading: the data are made up, the sources are not.
SIMULATED = (
    "These are La Mijotière's simulated data: they illustrate the pattern, they do not prove "
    "how real customers behave."
)


def _mentions(load: Load) -> pd.DataFrame:
    return load("mentions")


def _support(load: Load) -> pd.DataFrame:
    return load("support")


#: The second hint of this chapter's predict cells.
THINK_AS_A_CUSTOMER = (
    "Think of how you behave yourself as a customer, then of what you have heard "
    "from colleagues in customer service."
)
_predict = partial(predict, think=THINK_AS_A_CUSTOMER)
_interpret = partial(interpret, simulated=SIMULATED)


# ---------------------------------------------------------------------------
# Notebook A: where people talk
# ---------------------------------------------------------------------------


def _share_by_channel(load: Load) -> pd.Series:
    return _mentions(load)["channel"].value_counts(normalize=True) * 100


def _no_voice_share(load: Load) -> float:
    return float(_mentions(load)["channel"].isin(NO_VOICE_CHANNELS).mean() * 100)


def _sentiment_counts(load: Load) -> pd.DataFrame:
    mentions = _mentions(load)
    return crosstab(mentions["channel"], mentions["sentiment"])


def _net_sentiment(load: Load) -> pd.Series:
    counts = _sentiment_counts(load)
    return (counts["positive"] - counts["negative"]) / counts.sum(axis=1) * 100


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
    return _mentions(load).groupby("channel")["brand_answered"].mean() * 100


def _negative(load: Load) -> pd.DataFrame:
    mentions = _mentions(load)
    return mentions[mentions["sentiment"] == "negative"]


def _median_spread(frame: pd.DataFrame) -> pd.Series:
    spread = frame["reach_7d"] / frame["reach_first_day"]
    return spread.groupby(frame["brand_answered"]).median()


def _reach_week(frame: pd.DataFrame, how: str = "median") -> pd.DataFrame:
    return frame.groupby("brand_answered")[["reach_first_day", "reach_7d"]].agg(how)


def _on_accounts(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame["channel"].isin(HISTORICAL_ACCOUNTS)]


def _where_people_talk(no_voice_share: float) -> str:
    """1.1's option the data support: elsewhere above 55 % without a voice, own below 45 %."""
    return "elsewhere" if no_voice_share > 55 else "own" if no_voice_share < 45 else "even"


def _what_a_complaint_does(spread: pd.Series) -> str:
    """1.7's option the data support, from the median spread of answered and unanswered ones."""
    unanswered, answered = spread[False], spread[True]
    if unanswered < 1.5:
        return "fades"
    return "keeps_reaching" if unanswered > 1.5 * answered else "same"


_predict(
    "1.1",
    "Before you look: where do people talk about the brand?",
    "my_guess_where",
    {
        "own": "Mostly on the brand's own accounts (Facebook, Twitter, Instagram, TikTok).",
        "elsewhere": "Mostly on channels where it has no account (forums, blogs, reviews, "
        "YouTube).",
        "even": "About as much on each side: half on its accounts, half elsewhere.",
    },
    data_says=lambda load: _where_people_talk(_no_voice_share(load)),
    answer="elsewhere",
)

register(
    Exercise(
        id="1.2",
        extension=True,
        title="How is the conversation shared between channels?",
        answer_name="share_by_channel",
        tables=("mentions",),
        setup=SETUP_MENTIONS,
        expected=_share_by_channel,
        checker=SeriesCheck(index="channel", percent=True, decimals=1),
        hints=(
            "A channel's share is its number of mentions divided by the number of all "
            "mentions, times 100 for a percentage.",
            '`mentions["channel"].value_counts()` counts the mentions of each channel; with '
            "`normalize=True` inside the brackets it divides by the total for you.",
            'shares = mentions["channel"].value_counts(normalize=True)\n'
            "# shares holds fractions between 0 and 1: turn them into percentages",
        ),
        solution='share_by_channel = mentions["channel"].value_counts(normalize=True) * 100\n',
        reveals=(
            "Each channel's share of all the mentions, in percent: {value} Look at which channels "
            "top the list, and whether La Mijotière has an account on them."
        ),
        wrong_answers=(
            counts_for_shares(
                lambda load: _mentions(load)["channel"].value_counts(),
                feedback=(
                    "Those are numbers of mentions. The answer is each channel's share of all "
                    "mentions in percent: add `normalize=True` to `.value_counts()`, then "
                    "multiply by 100."
                ),
            ),
            WrongAnswer(
                "only the channels with an account",
                lambda load: (
                    _mentions(load)
                    .loc[lambda m: ~m["channel"].isin(NO_VOICE_CHANNELS), "channel"]
                    .value_counts(normalize=True)
                    * 100
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="1.3",
        extension=True,
        title="How much of the talk is where the brand has no voice?",
        answer_name="no_voice_share",
        tables=("mentions",),
        setup=SETUP_MENTIONS,
        expected=_no_voice_share,
        checker=Number(percent=True, decimals=1),
        hints=(
            "Mark each mention as being on one of the four channels or not, then take the "
            "share of marked mentions.",
            '`mentions["channel"].isin(no_voice)` gives True or False for each mention; the '
            "mean of True/False values is the share of True.",
            'on_no_voice = mentions["channel"].isin(no_voice)\n'
            "# the mean of on_no_voice is a fraction: make it a percentage",
        ),
        solution=(
            'on_no_voice = mentions["channel"].isin(no_voice)\n'
            "no_voice_share = on_no_voice.mean() * 100\n"
        ),
        reveals=(
            "{value} % of the mentions are on the four channels where the brand has no voice. "
            "Compare this number with your prediction in 1.1."
        ),
        wrong_answers=(
            sum_for_mean(
                lambda load: int(_mentions(load)["channel"].isin(NO_VOICE_CHANNELS).sum()),
                feedback=(
                    "That is the number of mentions on the four channels. The answer is their "
                    "share of all mentions in percent: take `.mean()` of the True/False "
                    "values instead of `.sum()`, then multiply by 100."
                ),
            ),
            the_other_part(
                _no_voice_share,
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
        id="1.4",
        extension=True,
        title="How warm is the tone on each channel?",
        answer_name="net_sentiment",
        tables=("mentions",),
        setup=SETUP_MENTIONS,
        expected=_net_sentiment,
        checker=SeriesCheck(index="channel", percent=True, decimals=1),
        hints=(
            "You need three counts per channel: positive mentions, negative mentions and all "
            "mentions.",
            '`pd.crosstab(mentions["channel"], mentions["sentiment"])` makes a table with one '
            "row per channel and one column per sentiment; `.sum(axis=1)` adds up each row.",
            'counts = pd.crosstab(mentions["channel"], mentions["sentiment"])\n'
            'difference = counts["positive"] - counts["negative"]\n'
            "# divide difference by each channel's total, then multiply by 100",
        ),
        solution=(
            'counts = pd.crosstab(mentions["channel"], mentions["sentiment"])\n'
            "total = counts.sum(axis=1)\n"
            'net_sentiment = (counts["positive"] - counts["negative"]) / total * 100\n'
        ),
        reveals=(
            "Net sentiment per channel, in points from −100 to +100: {value} Sort it to read it: "
            "`net_sentiment.sort_values()`. Which channels are below zero, and is the brand "
            "present on them?"
        ),
        wrong_answers=(
            subtracted_the_wrong_way(
                _net_sentiment,
                feedback=(
                    "Your values have the opposite sign: net sentiment is positive minus "
                    "negative, so a channel with more praise than complaints is above zero."
                ),
            ),
            share_of_positives_only(
                _mentions,
                lambda mentions: mentions["channel"],
                feedback=(
                    "That is the share of positive mentions only. Net sentiment also takes "
                    "the negative ones away: (positive − negative) ÷ all the channel's "
                    "mentions × 100."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="1.5",
        title="What does the map of the conversation look like?",
        answer_name="conversation_map",
        tables=("mentions",),
        setup=SETUP_MENTIONS,
        expected=_conversation_map,
        checker=FrameCheck(index="channel", percent=("share_pct", "net_sentiment"), decimals=1),
        hints=(
            "You already know how to compute both columns: the share of 1.2 and the net "
            "sentiment of 1.4, both indexed by channel.",
            "`pd.DataFrame({...})` builds a table from a dict of Series that share an "
            "index: one key per column name.",
            'counts = pd.crosstab(mentions["channel"], mentions["sentiment"])\n'
            "total = counts.sum(axis=1)\n"
            'conversation_map = pd.DataFrame({"share_pct": total / total.sum() * 100})\n'
            "# add the second column, net_sentiment, inside the same braces",
        ),
        solution=(
            'counts = pd.crosstab(mentions["channel"], mentions["sentiment"])\n'
            "total = counts.sum(axis=1)\n"
            "conversation_map = pd.DataFrame(\n"
            "    {\n"
            '        "share_pct": total / total.sum() * 100,\n'
            '        "net_sentiment": (counts["positive"] - counts["negative"]) / total * 100,\n'
            "    }\n"
            ")\n"
        ),
        reveals=(
            "The map of the conversation, per channel: its share of all the mentions and its net "
            "sentiment, both in percent: {value} Read the plot: where are the big channels, where "
            "are the cold ones, and which colour are they?"
        ),
        wrong_answers=(
            counts_for_shares(
                lambda load: _conversation_map(load).assign(
                    share_pct=_sentiment_counts(load).sum(axis=1)
                ),
            ),
            WrongAnswer(
                "only one column",
                lambda load: _conversation_map(load)[["share_pct"]],
            ),
        ),
    )
)

_interpret(
    "1.6",
    "What do you read in the map?",
    "my_reading_map",
    "In La Mijotière's data, most of the conversation happens on forums, review sites, blogs "
    "and YouTube, where the brand has no account, and the two biggest channels, forums and "
    "review sites, are also the coldest. Watching only its own pages, the brand would see a "
    "warmer picture than the real one.",
)

_predict(
    "1.7",
    "Before you look: what happens to a complaint nobody answers?",
    "my_guess_spread",
    {
        "fades": "It fades after a day or two, like most posts, answered or not.",
        "keeps_reaching": "It keeps reaching new people all week; answered ones grow less.",
        "same": "It spreads about as much as an answered one: answering changes little.",
    },
    data_says=lambda load: _what_a_complaint_does(_median_spread(_negative(load))),
    answer="keeps_reaching",
)

register(
    Exercise(
        id="1.8",
        extension=True,
        title="Where does the brand answer?",
        answer_name="answer_rate",
        tables=("mentions",),
        setup=SETUP_MENTIONS,
        expected=_answer_rate,
        checker=SeriesCheck(index="channel", percent=True, decimals=1),
        hints=(
            "For each channel, you want the share of its mentions whose `brand_answered` is True.",
            "The mean of a True/False column is the share of True: group the mentions by "
            "`channel` and take the mean of `brand_answered`.",
            'answered = mentions.groupby("channel")["brand_answered"].mean()\n'
            "# answered holds fractions: make them percentages",
        ),
        solution='answer_rate = mentions.groupby("channel")["brand_answered"].mean() * 100\n',
        reveals=(
            "The percentage of each channel's mentions that the brand answered: {value} Set it "
            "beside the shares of 1.2. Note TikTok too: the brand opened an account there in "
            "October 2025, when its competitors were already on it. Being present and answering "
            "are not the same thing."
        ),
        wrong_answers=(
            sum_for_mean(
                lambda load: _mentions(load).groupby("channel")["brand_answered"].sum(),
                feedback=(
                    "Those are numbers of answered mentions, which grow with the size of the "
                    "channel. Take the `.mean()` of `brand_answered` instead of `.sum()`: the "
                    "share of the channel's mentions that got an answer."
                ),
            ),
            share_of_a_subset(
                _mentions,
                "brand_answered",
                "channel",
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
        id="1.9",
        title="How far do complaints spread, answered or not?",
        answer_name="median_spread",
        tables=("mentions",),
        setup=SETUP_MENTIONS,
        expected=lambda load: _median_spread(_negative(load)),
        checker=SeriesCheck(index="brand_answered", decimals=2),
        hints=(
            "Three steps: keep the negative mentions, compute one ratio per mention, then "
            "take the median ratio in each group of `brand_answered`.",
            'Filter with `mentions[mentions["sentiment"] == "negative"]`; dividing one column '
            "by another gives a ratio per row; `.groupby(...)` on that ratio groups it.",
            'negative = mentions[mentions["sentiment"] == "negative"]\n'
            'spread = negative["reach_7d"] / negative["reach_first_day"]\n'
            '# now group spread by negative["brand_answered"] and take the median',
        ),
        solution=(
            'negative = mentions[mentions["sentiment"] == "negative"]\n'
            'spread = negative["reach_7d"] / negative["reach_first_day"]\n'
            'median_spread = spread.groupby(negative["brand_answered"]).median()\n'
        ),
        reveals=(
            "The median spread ratio of a complaint (its reach after a week ÷ its first day's), "
            "unanswered (False) and answered (True): {value} Compare the two groups with your "
            "prediction in 1.7."
        ),
        wrong_answers=(
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
            filter_left_out(
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
        id="1.10",
        extension=True,
        title="How does a complaint's week go, on the brand's own accounts?",
        answer_name="reach_week",
        tables=("mentions",),
        setup=SETUP_MENTIONS,
        expected=lambda load: _reach_week(_on_accounts(_negative(load))),
        checker=FrameCheck(
            index="brand_answered", ordered_columns=True, read_by="the chart below", decimals=1
        ),
        hints=(
            "Like with like: keep the rows that are negative AND on one of the three "
            "accounts, then take medians per group of `brand_answered`.",
            'Two conditions combine with `&`, each in brackets: `(mentions["sentiment"] == '
            '"negative") & mentions["channel"].isin(accounts)`.',
            'complaints = mentions[(mentions["sentiment"] == "negative") '
            '& mentions["channel"].isin(accounts)]\n'
            'grouped = complaints.groupby("brand_answered")[["reach_first_day", "reach_7d"]]\n'
            "# take the median of grouped",
        ),
        solution=(
            'is_negative = mentions["sentiment"] == "negative"\n'
            'on_accounts = mentions["channel"].isin(accounts)\n'
            "complaints = mentions[is_negative & on_accounts]\n"
            'reach_columns = ["reach_first_day", "reach_7d"]\n'
            'reach_week = complaints.groupby("brand_answered")[reach_columns].median()\n'
        ),
        reveals=(
            "The median reach of a complaint on the brand's accounts, on its first day and after a"
            " week, unanswered (False) and answered (True): {value} Read the two lines: where do "
            "they start, and where do they end?"
        ),
        wrong_answers=(
            filter_left_out(
                lambda load: _reach_week(_negative(load)),
                feedback=(
                    "You kept the complaints of every channel, but the brand can only answer "
                    "on its accounts, so the unanswered group is mostly forums and review "
                    "sites. Keep the three accounts too (`accounts`) to compare like with like."
                ),
            ),
            mean_for_median(
                lambda load: _reach_week(_on_accounts(_negative(load)), "mean"),
                feedback=(
                    "Those are means. The question asks for medians, which a few complaints "
                    "seen by very many people do not pull up: use `.median()`."
                ),
            ),
        ),
    )
)

_interpret(
    "1.11",
    "What do you read in a complaint's week?",
    "my_reading_spread",
    "In La Mijotière's data, on the same three accounts, complaints the brand answered reach "
    "few new people after the first day, while unanswered ones are seen by several times more "
    "people a week later. A comparison like this does not prove that answering is what stops "
    "a complaint. Baer's survey measured something else, whether complainers would "
    "recommend the brand: answering raised that and ignoring lowered it (Baer, 2016).",
)

_ADVICE_WHERE = Options(
    "1.12",
    {
        "own_pages": "Keep the team on our own pages: the tone there is good and they are ours.",
        "close_comments": "Close the comments on our pages when complaints pile up, so they "
        "cannot spread.",
        "listen": "Listen on forums and review sites every day and answer complaints where posted.",
        "stay_silent": "Stay silent: a reply draws attention to a complaint and makes it "
        "travel further.",
    },
)

register(
    Exercise(
        id="1.12",
        title="What would you tell your manager about where to be present?",
        kind=ExerciseKind.DECIDE,
        answer_name="advice_where",
        tables=(),
        expected=_ADVICE_WHERE.picks("listen"),
        checker=Choice(
            options=_ADVICE_WHERE.lettered,
            explanations=_ADVICE_WHERE.by_letter(
                {
                    "own_pages": (
                        "your own numbers say otherwise: most mentions (1.3) and the coldest (1.4) "
                        "are on channels where the brand has no account."
                    ),
                    "close_comments": (
                        "closing the comments does not stop the complaints: they move to forums "
                        "and review sites, where the brand cannot answer and where, in 1.9, "
                        "unanswered complaints kept spreading."
                    ),
                    "stay_silent": (
                        "in 1.9 and 1.10 it is the unanswered complaints that kept reaching new "
                        "people for days, not the answered ones."
                    ),
                }
            ),
        ),
        hints=(
            "Go back over what you found: where the mentions are (1.2, 1.3), their tone "
            "(1.4), where the brand answers (1.8) and what happens to unanswered complaints "
            "(1.9, 1.10).",
            "Rule out every option that one of your numbers contradicts.",
            "Only one option agrees with all three findings: where the talk is, how warm it "
            "is there, and what silence does.",
        ),
        solution=_ADVICE_WHERE.solution("advice_where", "listen"),
        reveals=(
            "That is the control brake in one sentence: the brand speaks where it feels in "
            "charge and stays silent where its reputation is made."
        ),
        discussion=(
            "The answer is to listen on forums and review sites and answer complaints where "
            "they are posted, and each part rests on a number from this notebook. Most of "
            "the talk is elsewhere: more than half of the mentions are on forums, blogs, "
            "review sites and YouTube (1.3), so keeping the team on our own pages serves the "
            "brand's comfort zone, "
            "not its audience. It is colder there: forums and review sites are the channels "
            "where complaints outnumber praise (1.4, 1.5). Silence lets complaints travel: "
            "the brand answers part of what is said on its accounts and nothing elsewhere "
            "(1.8), and on its own accounts the complaints it left alone kept reaching new "
            "people for days while the answered ones hardly grew (1.9, 1.10), which rules "
            "out staying silent. Closing the comments pushes complaints to places where the brand "
            "cannot answer at all. In two sentences for the manager: most of what customers "
            "say about us, and the harshest, is where we never speak, and the complaints we "
            "leave alone keep spreading; let us listen there every day and answer complaints "
            "where they are posted, starting with the product lines that draw the most. "
            + SIMULATED
        ),
        wrong_answers=(
            WrongAnswer("our own pages", _ADVICE_WHERE.picks("own_pages")),
            WrongAnswer("close the comments", _ADVICE_WHERE.picks("close_comments")),
            WrongAnswer("silence is safe", _ADVICE_WHERE.picks("stay_silent")),
            number_for_letter(_ADVICE_WHERE.letter("listen")),
        ),
    )
)


# ---------------------------------------------------------------------------
# Notebook B: how the brand answers
# ---------------------------------------------------------------------------


def _satisfaction_by_answer(load: Load) -> pd.Series:
    return _support(load).groupby("answer_type")["satisfaction"].mean()


def _satisfaction_by_resolution(load: Load) -> pd.Series:
    return _support(load).groupby(["answer_type", "resolved"])["satisfaction"].mean()


def _solved(load: Load) -> pd.DataFrame:
    support = _support(load)
    return support[support["resolved"]]


def _satisfaction_by_speed(load: Load, limit: float = 60) -> pd.Series:
    solved = _solved(load)
    return solved["satisfaction"].groupby(solved["first_response_min"] <= limit).mean()


def _rate_by_answer(load: Load, column: str) -> pd.Series:
    return _support(load).groupby("answer_type")[column].mean() * 100


def _bought_again_gap(load: Load) -> float:
    rate = _rate_by_answer(load, "bought_again")
    return float(rate["public_resolution"] - rate["redirect_form"])


def _answer_mix(load: Load, normalize: str | bool = "index") -> pd.DataFrame:
    support = _support(load)
    mix = crosstab(support["handled_by"], support["answer_type"], normalize=normalize)
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


#: 1.13's options by the kind of answer they name.
_predict(
    "1.13",
    "Before you look: which answer leaves customers least satisfied?",
    "my_guess_answer",
    {
        "redirect_form": "A link that sends them to the web form, with no other help.",
        "none": "No answer at all: the message is simply left unanswered.",
        "private_message": "A private message asking for their order number and details.",
    },
    data_says=lambda load: _satisfaction_by_answer(load)[
        ["redirect_form", "none", "private_message"]
    ].idxmin(),
    answer="redirect_form",
)

register(
    Exercise(
        id="1.14",
        title="Which kind of answer satisfies customers?",
        answer_name="satisfaction_by_answer",
        tables=("support",),
        expected=_satisfaction_by_answer,
        checker=SeriesCheck(index="answer type", decimals=2),
        hints=(
            "Group the conversations by `answer_type` and average the `satisfaction` column.",
            "`.mean()` skips the missing scores on its own: you do not need to remove any row "
            'first. `support.groupby("answer_type")` makes the groups.',
            'grouped = support.groupby("answer_type")["satisfaction"]\n# take the mean of grouped',
        ),
        solution=(
            'satisfaction_by_answer = support.groupby("answer_type")["satisfaction"].mean()\n'
        ),
        reveals=(
            "The mean satisfaction, from 1 to 5, after each kind of answer: {value} Compare the "
            "web form with no answer at all, and with your prediction in 1.13."
        ),
        wrong_answers=(
            WrongAnswer(
                "dropped every row with a gap",
                lambda load: _support(load).dropna().groupby("answer_type")["satisfaction"].mean(),
                feedback=(
                    "`support.dropna()` removes every row with any missing value, and "
                    "`first_response_min` is missing for every conversation that got no "
                    "answer: the `none` group disappears. `.mean()` already skips the missing "
                    "scores, so group the whole table."
                ),
            ),
            median_for_mean(
                lambda load: _support(load).groupby("answer_type")["satisfaction"].median(),
                feedback=(
                    "Those are the medians, the middle score of each group (or means rounded "
                    "to whole numbers, which here are the same). The question asks for the "
                    "mean score to two decimals: use `.mean()`, not `.median()`, and don't round."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="1.15",
        title="Is it the kind of answer, or whether the problem was solved?",
        answer_name="satisfaction_by_resolution",
        tables=("support",),
        expected=_satisfaction_by_resolution,
        checker=SeriesCheck(index="answer type and resolved", decimals=2),
        hints=(
            "Same as 1.14, but with two groupings at once: the kind of answer and whether the "
            "problem was resolved.",
            '`support.groupby(["answer_type", "resolved"])` groups by both columns; the result '
            "has a two-level index.",
            'grouped = support.groupby(["answer_type", "resolved"])["satisfaction"]\n'
            "# take the mean of grouped",
        ),
        solution=(
            'satisfaction_by_resolution = support.groupby(["answer_type", "resolved"])[\n'
            '    "satisfaction"\n'
            "].mean()\n"
        ),
        reveals=(
            "The mean satisfaction after each kind of answer, problem solved (True) or not "
            "(False): {value} Read each kind of answer twice, resolved and not resolved: which gap"
            " is bigger, the one between kinds of answer or the one between solved and unsolved?"
        ),
        wrong_answers=(
            WrongAnswer(
                "only resolved",
                lambda load: _support(load).groupby("resolved")["satisfaction"].mean(),
            ),
            WrongAnswer(
                "counts, not scores",
                lambda load: _support(load).groupby(["answer_type", "resolved"]).size(),
                feedback=(
                    "Those are numbers of conversations in each group. The question asks for "
                    'the mean of `satisfaction`: select `["satisfaction"]` after the '
                    "groupby, then take `.mean()`."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="1.16",
        extension=True,
        title="Once the problem is solved, does speed still matter?",
        answer_name="satisfaction_by_speed",
        tables=("support",),
        expected=_satisfaction_by_speed,
        checker=SeriesCheck(index="group (within the hour or not)", decimals=2),
        hints=(
            "Two steps: keep the solved conversations, then split them in two groups, answered "
            "within the hour or not, and average `satisfaction` in each.",
            '`support[support["resolved"]]` keeps the solved ones; comparing '
            "`first_response_min` with 60 gives True/False per row, and `.groupby(...)` on "
            "that True/False Series makes the two groups.",
            'solved = support[support["resolved"]]\n'
            'within_hour = solved["first_response_min"] <= 60\n'
            '# group solved["satisfaction"] by within_hour and take the mean',
        ),
        solution=(
            'solved = support[support["resolved"]]\n'
            'within_hour = solved["first_response_min"] <= 60\n'
            'satisfaction_by_speed = solved["satisfaction"].groupby(within_hour).mean()\n'
        ),
        reveals=(
            "The mean satisfaction of solved problems, answered within the hour (True) or not "
            "(False): {value} Compare the two groups, then set them beside 1.15: which weighs "
            "more, being solved or being fast?"
        ),
        wrong_answers=(
            filter_left_out(
                lambda load: (
                    _support(load)["satisfaction"]
                    .groupby(_support(load)["first_response_min"] <= 60)
                    .mean()
                ),
                feedback=(
                    "You kept every conversation. The question is about the solved ones only: "
                    'start from `support[support["resolved"]]`.'
                ),
            ),
            WrongAnswer(
                "within 30 minutes",
                lambda load: _satisfaction_by_speed(load, 30),
            ),
        ),
    )
)

register(
    Exercise(
        id="1.17",
        extension=True,
        title="Which brings customers back more, a public resolution or the web form?",
        answer_name="bought_again_gap",
        tables=("support",),
        expected=_bought_again_gap,
        checker=Number(percent=True, decimals=1),
        hints=(
            "First the rate of buying again for each kind of answer, in percent; then one "
            "rate minus the other.",
            "`bought_again` is True or False, so its mean per group is a rate. Pick one value "
            'of a Series by its label, as in `support["answer_type"].value_counts()["none"]`.',
            'rate = support.groupby("answer_type")["bought_again"].mean() * 100\n'
            "# bought_again_gap: the public_resolution rate minus the redirect_form rate",
        ),
        solution=(
            'rate = support.groupby("answer_type")["bought_again"].mean() * 100\n'
            'bought_again_gap = rate["public_resolution"] - rate["redirect_form"]\n'
        ),
        reveals=(
            "{value} percentage points: the rate of buying again after a public resolution minus "
            "the rate after the web form. A gap in percentage points: from 20 % to 30 % is 10 "
            "points. Is it small or large next to the rates themselves?"
        ),
        wrong_answers=(
            subtracted_the_wrong_way(
                _bought_again_gap,
                feedback=(
                    "Your number has the opposite sign: take the public resolution's rate "
                    "minus the web form's."
                ),
            ),
            change_for_points(
                lambda load: (
                    float(_rate_by_answer(load, "bought_again")["redirect_form"]),
                    float(_rate_by_answer(load, "bought_again")["public_resolution"]),
                ),
                feedback=(
                    "That is a change in percent of the web form's rate, as a spreadsheet "
                    "computes it (new − old) ÷ old × 100. The question asks for the gap in "
                    "percentage points: the public resolution's rate minus the web form's, "
                    "nothing divided."
                ),
            ),
            WrongAnswer(
                "against no answer",
                lambda load: float(
                    _rate_by_answer(load, "bought_again")["public_resolution"]
                    - _rate_by_answer(load, "bought_again")["none"]
                ),
                feedback=(
                    "That compares a public resolution with no answer at all. The question "
                    "compares it with the web form: take the `redirect_form` rate instead."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="1.18",
        extension=True,
        title="Who has to come back with the same problem?",
        answer_name="contacted_again_rate",
        tables=("support",),
        expected=lambda load: _rate_by_answer(load, "contacted_again"),
        checker=SeriesCheck(index="answer type", percent=True, decimals=1),
        hints=(
            "For each kind of answer, the share of conversations whose `contacted_again` is "
            "True, in percent.",
            "As in 1.17: group by `answer_type`, take the mean of the True/False column, "
            "multiply by 100.",
            'again = support.groupby("answer_type")["contacted_again"].mean()\n'
            "# again holds fractions: make them percentages",
        ),
        solution=(
            "contacted_again_rate = (\n"
            '    support.groupby("answer_type")["contacted_again"].mean() * 100\n'
            ")\n"
        ),
        reveals=(
            "The percentage of customers who had to come back with the same problem, after each "
            "kind of answer: {value} Every customer who has to write again is a second "
            "conversation to handle, and a problem the first answer did not close. This is what "
            "social CRM is about: the answer on social media is one step of a process, not the end"
            " of it."
        ),
        wrong_answers=(
            sum_for_mean(
                lambda load: _support(load).groupby("answer_type")["contacted_again"].sum(),
                feedback=(
                    "Those are numbers of customers, which grow with how common each kind of "
                    "answer is. Take the `.mean()` of `contacted_again` instead of `.sum()`."
                ),
            ),
            share_of_a_subset(
                _support,
                "contacted_again",
                "answer_type",
                feedback=(
                    "That splits the customers who came back between kinds of answer (it adds "
                    "up to 100). The question is how often each kind of answer is followed by "
                    "a second contact: group all conversations by `answer_type`."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="1.19",
        extension=True,
        title="Who sends customers to the web form?",
        answer_name="answer_mix",
        tables=("support",),
        expected=_answer_mix,
        checker=FrameCheck(index="handled_by", percent=tuple(ANSWER_TYPES), decimals=1),
        hints=(
            "You want a table: one row per handler, one column per kind of answer, each row "
            "adding up to 100.",
            '`pd.crosstab(support["handled_by"], support["answer_type"])` counts; '
            '`normalize="index"` turns each row into shares.',
            'shares = pd.crosstab(support["handled_by"], support["answer_type"], '
            'normalize="index")\n'
            "# shares holds fractions: make them percentages",
        ),
        solution=(
            "answer_mix = (\n"
            '    pd.crosstab(support["handled_by"], support["answer_type"], normalize="index")\n'
            "    * 100\n"
            ")\n"
        ),
        reveals=(
            "What the agency and the in-house team do with their conversations, in percent of each"
            " one's conversations: {value} Read each row: what does each handler mostly do with a "
            "conversation?"
        ),
        wrong_answers=(
            normalised_the_other_way(
                _answer_mix,
                feedback=(
                    'With `normalize="columns"` each kind of answer is split between the two '
                    "handlers. The question splits each handler's conversations: use "
                    '`normalize="index"`, so each row adds up to 100.'
                ),
            ),
            counts_for_shares(
                lambda load: _answer_mix(load, normalize=False),
                feedback=(
                    "Those are numbers of conversations. The question asks for each "
                    'handler\'s split in percent: add `normalize="index"` and multiply by 100, '
                    "so each row adds up to 100."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="1.20",
        title="The agency and the team: how fast, and how often solved?",
        answer_name="handler_summary",
        tables=("support",),
        expected=_handler_summary,
        checker=FrameCheck(index="handled_by", percent=("resolution_rate",), decimals=1),
        hints=(
            "Two numbers per handler: the median of `first_response_min` and the mean of "
            "`resolved`, times 100.",
            "`.agg(...)` computes several numbers per group at once, each named: "
            '`median_first_response_min=("first_response_min", "median")`.',
            'handler_summary = support.groupby("handled_by").agg(\n'
            '    median_first_response_min=("first_response_min", "median"),\n'
            '    resolution_rate=("resolved", "mean"),\n'
            ")\n"
            "# resolution_rate holds fractions: make it a percentage",
        ),
        solution=(
            'handler_summary = support.groupby("handled_by").agg(\n'
            '    median_first_response_min=("first_response_min", "median"),\n'
            '    resolution_rate=("resolved", "mean"),\n'
            ")\n"
            'handler_summary["resolution_rate"] = handler_summary["resolution_rate"] * 100\n'
        ),
        reveals=(
            "Each handler's median first-response time, in minutes, and its resolution rate, in "
            "percent: {value} Which one is faster, and which one solves more? Keep both numbers in"
            " mind for the contract question at the end."
        ),
        wrong_answers=(
            mean_for_median(
                lambda load: (
                    _support(load)
                    .groupby("handled_by")
                    .agg(
                        median_first_response_min=("first_response_min", "mean"),
                        resolution_rate=("resolved", "mean"),
                    )
                    .assign(resolution_rate=lambda f: f["resolution_rate"] * 100)
                ),
                feedback=(
                    "Your first response times are means. The column asks for the median, "
                    "which a few very slow answers do not pull up: "
                    '`("first_response_min", "median")`.'
                ),
            ),
            sum_for_mean(
                lambda load: (
                    _support(load)
                    .groupby("handled_by")
                    .agg(
                        median_first_response_min=("first_response_min", "median"),
                        resolution_rate=("resolved", "sum"),
                    )
                ),
                feedback=(
                    "Your resolution_rate counts the resolved conversations. The rate is the "
                    'share resolved: `("resolved", "mean")`, then times 100.'
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="1.21",
        extension=True,
        title="Is it the same on every product line?",
        answer_name="speed_vs_resolution",
        tables=("support",),
        expected=lambda load: _handler_summary(load, ("handled_by", "product_line")),
        checker=FrameCheck(
            index="handled_by and product_line", percent=("resolution_rate",), decimals=1
        ),
        hints=(
            "The same two columns as 1.20, but grouped by two columns, `handled_by` then "
            "`product_line`.",
            '`support.groupby(["handled_by", "product_line"])` groups by both; the rest is '
            "1.20's `.agg(...)`.",
            'grouped = support.groupby(["handled_by", "product_line"])\n'
            "# use grouped.agg(...) as in 1.20",
        ),
        solution=(
            'speed_vs_resolution = support.groupby(["handled_by", "product_line"]).agg(\n'
            '    median_first_response_min=("first_response_min", "median"),\n'
            '    resolution_rate=("resolved", "mean"),\n'
            ")\n"
            'rate = speed_vs_resolution["resolution_rate"]\n'
            'speed_vs_resolution["resolution_rate"] = rate * 100\n'
        ),
        reveals=(
            "The same two measures for each handler on each product line: {value} Do the two "
            "handlers' points overlap anywhere, or sit apart on every line?"
        ),
        wrong_answers=(
            grouped_the_other_way(
                lambda load: _handler_summary(load, ("product_line", "handled_by")),
            ),
            sum_for_mean(
                lambda load: _handler_summary(load, ("handled_by", "product_line")).assign(
                    resolution_rate=lambda f: (
                        f["resolution_rate"] * 0
                        + _support(load).groupby(["handled_by", "product_line"])["resolved"].sum()
                    )
                ),
                feedback=(
                    "Your resolution_rate counts the resolved conversations. The rate is the "
                    'share resolved: `("resolved", "mean")`, then times 100.'
                ),
            ),
        ),
    )
)

_interpret(
    "1.22",
    "What do you read in how the brand answers?",
    "my_reading_answers",
    "In La Mijotière's data, whether the problem was solved matters more to satisfaction than "
    "the kind of answer, and a bare link to the web form does worse than no answer at all: "
    "customers sent there are the least satisfied, buy again least and most often have to "
    "write again. Once a problem is solved, a faster answer goes with a higher score. The agency "
    "answers faster but solves fewer problems, on every product line. "
    "Sprout's 2017 survey points the same way: after a poor reply about half of people said "
    "they would never buy again, against about a third after no reply.",
)

_ADVICE_AGENCY = Options(
    "1.23",
    {
        "renew": "Renew the contract as it is: it answers in minutes, as customers expect.",
        "evenings": "Keep it for evenings, judged on problems solved, with fast hand-over to us.",
        "end_contract": "End the contract and close the service accounts: they only draw "
        "complaints.",
        "match_speed": "Ask our team to match the agency's speed, since speed brings "
        "customers back.",
    },
)

register(
    Exercise(
        id="1.23",
        title="What would you tell your manager about the agency contract?",
        kind=ExerciseKind.DECIDE,
        answer_name="advice_agency",
        tables=(),
        expected=_ADVICE_AGENCY.picks("evenings"),
        checker=Choice(
            options=_ADVICE_AGENCY.lettered,
            explanations=_ADVICE_AGENCY.by_letter(
                {
                    "renew": (
                        "speed is the one number the agency wins on. It solves fewer problems "
                        "(1.20), sends most customers to the web form (1.19), and those customers "
                        "are the least satisfied and buy again least (1.14, 1.17)."
                    ),
                    "end_contract": (
                        "closing the accounts does not stop the complaints; they move to forums "
                        "and review sites where the brand has no voice. The agency also covers "
                        "evenings and weekends that the team cannot."
                    ),
                    "match_speed": (
                        "in 1.15 what separates satisfied customers from unhappy ones is whether "
                        "the problem was solved; speed helps once the problem is solved (1.16), it "
                        "does not replace solving it."
                    ),
                }
            ),
        ),
        hints=(
            "Line up what you found: speed and resolution (1.20), what each handler does "
            "(1.19), and what each kind of answer does to satisfaction, purchases and second "
            "contacts (1.14 to 1.18).",
            "A contract gets what it measures. Which option changes what the agency is "
            "measured on, rather than only who answers or how fast?",
            "The right option keeps what the agency is good at (covering hours the team "
            "cannot) and fixes what it is paid for.",
        ),
        solution=_ADVICE_AGENCY.solution("advice_agency", "evenings"),
        reveals=(
            "Agencies are not the problem; a contract measured on speed gets speed. Measure "
            "problems solved and satisfaction, and connect the agency to the people who can "
            "solve problems."
        ),
        discussion=(
            "The answer is to keep the agency for evenings, judged on problems solved. Speed "
            "is what the agency delivers: its median first response is several times faster "
            "than the in-house team's (1.20), which is why renewing the contract as it is "
            "looks tempting. But speed is not what satisfies: most of the agency's answers are a "
            "link to the web form (1.19), and those customers are the least satisfied, buy "
            "again least and most often have to write a second time (1.14, 1.17, 1.18). "
            "Whether the problem was solved separates satisfied customers from unhappy ones "
            "(1.15), and the agency solves fewer problems on every product line (1.20, "
            "1.21); that rules out asking the team to match its speed. Closing the accounts "
            "would send complaints to "
            "places where the brand has no voice at all. So keep the agency for the hours the "
            "team cannot cover, measure it on problems solved and on satisfaction, and give "
            "it a fast hand-over to the in-house team, which keeps refunds and replacements. "
            + SIMULATED
        ),
        wrong_answers=(
            WrongAnswer("renew as it is", _ADVICE_AGENCY.picks("renew")),
            WrongAnswer("close the accounts", _ADVICE_AGENCY.picks("end_contract")),
            WrongAnswer("speed up the team", _ADVICE_AGENCY.picks("match_speed")),
            option_text(_ADVICE_AGENCY.lettered, _ADVICE_AGENCY.letter("evenings")),
        ),
    )
)
