"""Chapter 3, lack of strategy and engagement: followers, customers, campaigns and KPIs.

Three notebooks, each stating its prompts in Markdown (see CONTRIBUTING.md).
``03a-strategy-followers-and-customers`` (3.1 to 3.14) asks what the September 2025
Facebook contest did for repeat purchases, what goes with a customer buying again,
and whether joining TikTok after a competitor won the brand any share of voice.
``03b-strategy-campaigns`` (3.15 to 3.21) asks how many departmental campaigns serve
a company goal, are shared or duplicate each other. ``03c-strategy-dashboard``
(3.22 to 3.28) builds a small monthly dashboard that goes from vanity metrics to
business metrics.

Each story opens with a predict cell and closes with an interpret cell; manager
questions are ``DECIDE`` exercises whose full answer is ``discussion``. Titles are
questions: a title never tells the learner what they will find.
"""

from __future__ import annotations

from functools import partial

import pandas as pd

from brakes.choices import Options
from brakes.content.cells import interpret, predict
from brakes.content.chapters.ch01_control import SIMULATED
from brakes.content.mistakes import (
    change_for_points,
    counts_for_shares,
    difference_for_change,
    mean_for_median,
    normalised_the_other_way,
    option_text,
    ratio_for_change,
    rows_for_amounts,
    share_of_a_subset,
    share_of_positives_only,
    subtracted_the_wrong_way,
    sum_for_mean,
    the_other_part,
)
from brakes.content.reference import crosstab, remembered
from brakes.data.brand import BRAND, COMPANIES
from brakes.exercises.checkers import (
    Choice,
    FrameCheck,
    Number,
    Order,
    SeriesCheck,
)
from brakes.exercises.model import Exercise, ExerciseKind, Load, WrongAnswer
from brakes.exercises.registry import register

#: Result metrics a department can report without saying whether anyone bought or got help.
VANITY_METRICS = ("impressions", "likes", "followers")

#: The months a period label stands for, as the notebooks filter them.
SUMMER = ("2025-06-01", "2025-08-31")
AUTUMN = ("2025-10-01", "2025-12-31")
SIX_MONTHS_BEFORE = ("2025-04-01", "2025-09-01")
SIX_MONTHS_AFTER = ("2025-10-01", "2026-03-01")


_interpret = partial(
    interpret,
    simulated=SIMULATED,
    second_hint="One sentence on what the numbers show, one on what it would mean for a "
    "strategy if it held in your company.",
)


# ---------------------------------------------------------------------------
# Notebook A: followers and customers (stories 7 and 9)
# ---------------------------------------------------------------------------

#: What notebook A's set-up cell defines for the exercises that use it.
SETUP_FACEBOOK = 'facebook = page_daily[page_daily["platform"] == "facebook"].set_index("date")\n'

#: The worked step given above 3.3: each week's new and repeat customers, and its buyers.
SETUP_WEEKLY = (
    'weekly = sales.groupby("week")[["new_customers", "repeat_customers"]].sum()\n'
    'buyers = weekly["new_customers"] + weekly["repeat_customers"]\n'
)

#: The worked step given above 3.10: short names for the three columns its crosstab reads.
SETUP_MENTIONS = (
    'month = competitors["month"]\n'
    'company = competitors["company"]\n'
    'mention_counts = competitors["mentions"]\n'
)

SOLUTION_SHARE_OF_VOICE = (
    'shares = pd.crosstab(month, company, values=mention_counts, aggfunc="sum", '
    'normalize="index")\n'
    "share_of_voice = shares * 100\n"
)


def _facebook_followers(load: Load) -> pd.Series:
    page = load("page_daily")
    return page[page["platform"] == "facebook"].set_index("date")["followers"]


def _followers_jump(load: Load, base: str = "before") -> float:
    followers = _facebook_followers(load)
    before, after = followers["2025-08-31"], followers["2025-09-30"]
    return float((after - before) / (before if base == "before" else after) * 100)


def _followers_gained(load: Load) -> int:
    followers = _facebook_followers(load)
    return int(followers["2025-09-30"] - followers["2025-08-31"])


def _weekly_totals(load: Load) -> pd.DataFrame:
    return load("sales").groupby("week")[["new_customers", "repeat_customers"]].sum()


def _weekly_repeat_rate(load: Load) -> pd.Series:
    weekly = _weekly_totals(load)
    return weekly["repeat_customers"] / weekly.sum(axis=1) * 100


def _line_rates(sales: pd.DataFrame) -> pd.Series:
    """Each row's (week and product line's) repeat-purchase rate, in percent."""
    buyers = sales["new_customers"] + sales["repeat_customers"]
    return sales["repeat_customers"] / buyers * 100


def _rose_level_fell(change: float, points: float = 2) -> str:
    """A predict cell's option the data support: ``rose``, about ``level`` or ``fell``.

    ``change`` is in points; within ``points`` either way counts as level.
    """
    return "rose" if change > points else "fell" if change < -points else "level"


def _period(sales: pd.DataFrame, months: tuple[str, str]) -> pd.DataFrame:
    return sales[sales["week"].between(*months)]


def _repeat_rate_before_after(load: Load, how: str = "pooled") -> pd.Series:
    sales = load("sales")
    rates = {}
    for label, months in (("before", SUMMER), ("after", AUTUMN)):
        weeks = _period(sales, months)
        totals = weeks[["new_customers", "repeat_customers"]].sum()
        if how == "pooled":
            rates[label] = totals["repeat_customers"] / totals.sum() * 100
        elif how == "mean of rows":
            rates[label] = _line_rates(weeks).mean()
        else:  # counts
            rates[label] = totals["repeat_customers"]
    return pd.Series(rates)


def _bought_again_by_score(load: Load) -> pd.Series:
    return load("support").groupby("satisfaction")["bought_again"].mean() * 100


SERVICE_MEASURES = ("satisfaction", "resolved", "first_response_min")


def _links(load: Load) -> pd.Series:
    support = load("support")
    return pd.Series(
        {name: support[name].corr(support["bought_again"]) for name in SERVICE_MEASURES}
    )


def _share_of_voice(load: Load, normalize: str | bool = "index") -> pd.DataFrame:
    competitors = load("competitors")
    table = crosstab(
        competitors["month"],
        competitors["company"],
        values=competitors["mentions"],
        normalize=normalize,
    )
    return table * 100 if normalize else table


def _tiktok_posts(load: Load, company: str | None = BRAND, platform: str | None = "tiktok") -> int:
    competitors = load("competitors")
    keep = pd.Series(True, index=competitors.index)
    if company is not None:
        keep &= competitors["company"] == company
    if platform is not None:
        keep &= competitors["platform"] == platform
    return int(competitors.loc[keep, "posts"].sum())


def _share_of_voice_before_after(
    load: Load, company: str = BRAND, after: tuple[str, str] = SIX_MONTHS_AFTER
) -> tuple[float, float]:
    """The company's mean share of voice over the six months before TikTok, and after."""
    share = _share_of_voice(load)[company]
    before = share.loc[SIX_MONTHS_BEFORE[0] : SIX_MONTHS_BEFORE[1]].mean()
    return float(before), float(share.loc[after[0] : after[1]].mean())


def _share_of_voice_change(
    load: Load, company: str = BRAND, after: tuple[str, str] = SIX_MONTHS_AFTER
) -> float:
    before, after_mean = _share_of_voice_before_after(load, company, after)
    return after_mean - before


predict(
    "3.1",
    "Before you look: did the contest bring customers back?",
    "my_guess_contest",
    {
        "rose": "Yes: with many more followers, more buyers came back to the e-shop.",
        "level": "Followers rose, but the share of returning buyers hardly moved.",
        "fell": "Both fell back soon: the new followers left once the prizes were won.",
    },
    think=(
        "Picture the people who joined the page during the contest: what might each of them "
        "do in the following months, on the page and in the e-shop?"
    ),
    data_says=lambda load: _rose_level_fell(_repeat_rate_before_after(load).diff().iloc[-1]),
    answer="level",
)

register(
    Exercise(
        id="3.2",
        extension=True,
        title="How much did the contest add to the Facebook page?",
        answer_name="followers_jump",
        tables=("page_daily",),
        setup=SETUP_FACEBOOK,
        expected=_followers_jump,
        checker=Number(percent=True, decimals=1),
        hints=(
            "Take the page's followers on 31 August 2025 and on 30 September 2025, then the "
            "change in percent: (after − before) ÷ before × 100.",
            '`facebook` is indexed by date, so `facebook.loc["2025-08-31", "followers"]` picks '
            "one day's follower count.",
            'end_of_august = facebook.loc["2025-08-31", "followers"]\n'
            'end_of_september = facebook.loc["2025-09-30", "followers"]\n'
            "# followers_jump: the change from end_of_august to end_of_september, in percent",
        ),
        solution=(
            'end_of_august = facebook.loc["2025-08-31", "followers"]\n'
            'end_of_september = facebook.loc["2025-09-30", "followers"]\n'
            "followers_jump = (end_of_september - end_of_august) / end_of_august * 100\n"
        ),
        reveals=(
            "The Facebook page's followers changed by {value} % in September 2025. That is the "
            "number a contest report puts on its first slide. Now look at what the customers did."
        ),
        wrong_answers=(
            difference_for_change(
                lambda load: int(_followers_gained(load)),
                feedback=(
                    "That is the number of followers gained. The question asks for the change in "
                    "percent of the count on 31 August: divide by `end_of_august`, then "
                    "multiply by 100."
                ),
            ),
            WrongAnswer(
                "divided by the count after",
                lambda load: _followers_jump(load, base="after"),
                feedback=(
                    "You divided by the count on 30 September. A change in percent is measured "
                    "against the starting point, the count on 31 August."
                ),
            ),
            ratio_for_change(
                lambda load: _followers_jump(load) + 100,
                feedback=(
                    "That is September's count as a percentage of August's, where 100 would mean "
                    "no change. The question asks for the change: subtract the August count "
                    "before dividing."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="3.3",
        title="Week by week, how many buyers came back?",
        answer_name="weekly_repeat_rate",
        tables=("sales",),
        setup=SETUP_WEEKLY,
        expected=_weekly_repeat_rate,
        checker=SeriesCheck(index="week", percent=True, decimals=1),
        hints=(
            "A week's rate is its repeat customers ÷ its buyers × 100; `weekly` and `buyers`, "
            "given above, hold both, week by week.",
            '`weekly["repeat_customers"]` is a Series indexed by week: divided by `buyers`, each '
            "week is divided by its own buyers.",
            'rate = weekly["repeat_customers"] / buyers\n'
            "# rate holds fractions: make them percentages",
        ),
        solution='weekly_repeat_rate = weekly["repeat_customers"] / buyers * 100\n',
        reveals=(
            "The percentage of each week's buyers who had bought before: {value} Read the two "
            "charts together, along the same months: when the follower line jumps in September "
            "2025, what does the line of returning buyers do?"
        ),
        wrong_answers=(
            WrongAnswer(
                "repeat divided by new",
                lambda load: (
                    _weekly_totals(load)["repeat_customers"]
                    / _weekly_totals(load)["new_customers"]
                    * 100
                ),
                feedback=(
                    "You divided the repeat customers by the new customers. The rate is repeat "
                    "customers ÷ all buyers of the week, new and repeat together."
                ),
            ),
            counts_for_shares(
                lambda load: _weekly_totals(load)["repeat_customers"],
                feedback=(
                    "Those are numbers of repeat customers, which rise and fall with sales. The "
                    "question asks for their share of all the week's buyers, in percent."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="3.4",
        extension=True,
        title="Did more buyers come back after the contest than before?",
        answer_name="repeat_rate_before_after",
        tables=("sales",),
        expected=_repeat_rate_before_after,
        checker=SeriesCheck(index="period", percent=True, decimals=1),
        hints=(
            "Two periods, two filters on the `week` column; in each, all repeat customers ÷ all "
            "buyers × 100. Then put the two numbers in one Series.",
            '`sales["week"].between("2025-06-01", "2025-08-31")` is True for the weeks of '
            "June, July and August 2025. `.sum()` on two columns gives both totals at once.",
            'summer = sales[sales["week"].between("2025-06-01", "2025-08-31")]\n'
            'summer_totals = summer[["new_customers", "repeat_customers"]].sum()\n'
            'rate_before = summer_totals["repeat_customers"] / summer_totals.sum() * 100\n'
            "# do the same for October to December, then put both rates in\n"
            '# pd.Series({"before": ..., "after": ...})',
        ),
        solution=(
            'summer = sales[sales["week"].between("2025-06-01", "2025-08-31")]\n'
            'autumn = sales[sales["week"].between("2025-10-01", "2025-12-31")]\n'
            'summer_totals = summer[["new_customers", "repeat_customers"]].sum()\n'
            'autumn_totals = autumn[["new_customers", "repeat_customers"]].sum()\n'
            "repeat_rate_before_after = pd.Series(\n"
            "    {\n"
            '        "before": summer_totals["repeat_customers"] / summer_totals.sum() * 100,\n'
            '        "after": autumn_totals["repeat_customers"] / autumn_totals.sum() * 100,\n'
            "    }\n"
            ")\n"
        ),
        reveals=(
            "The repeat-purchase rate, in percent, in the three months before the contest and the "
            "three months after: {value} Set the two rates beside the follower jump of 3.2 and "
            "your prediction in 3.1: a change of a fraction of a point is within the wobble from "
            "one week to the next."
        ),
        wrong_answers=(
            WrongAnswer(
                "mean of the rows' rates",
                lambda load: _repeat_rate_before_after(load, how="mean of rows"),
                feedback=(
                    "You averaged the rates of single weeks or product lines, so a line that "
                    "sells little weighs as much as one that sells a lot. Over a period, add up "
                    "the customers first, then divide: all repeat customers ÷ all buyers."
                ),
            ),
            counts_for_shares(
                lambda load: _repeat_rate_before_after(load, how="counts"),
                feedback=(
                    "Those are numbers of repeat customers. The question asks for their share of "
                    "all buyers in each period, in percent."
                ),
            ),
        ),
    )
)

predict(
    "3.5",
    "Before you look: what goes with a customer buying again?",
    "my_guess_service",
    {
        "speed": "How fast the brand sent its first answer to the customer.",
        "solved": "Whether the problem was solved and the customer was satisfied.",
        "account": "Which account they wrote on: Facebook, Twitter or Instagram.",
    },
    think=(
        "Think of the last time you contacted a company about a problem: what, if anything, "
        "made you buy from it again?"
    ),
    data_says=lambda load: (
        "speed" if _links(load).abs().idxmax() == "first_response_min" else "solved"
    ),
    answer="solved",
)

register(
    Exercise(
        id="3.6",
        title="How often do customers buy again, score by score?",
        answer_name="bought_again_by_score",
        tables=("support",),
        expected=_bought_again_by_score,
        checker=SeriesCheck(
            index="satisfaction score",
            order=Order.INDEX,
            percent=True,
            read_by="the chart below",
            decimals=1,
        ),
        hints=(
            "Group the conversations by their `satisfaction` score, then take the share of "
            "`bought_again` in each group, in percent.",
            "The mean of a True/False column is the share of True, as in chapter 1: group by "
            "`satisfaction`, then take the mean of `bought_again`.",
            'rate = support.groupby("satisfaction")["bought_again"].mean()\n'
            "# rate holds fractions: make them percentages",
        ),
        solution=(
            'bought_again_by_score = support.groupby("satisfaction")["bought_again"].mean() * 100\n'
        ),
        reveals=(
            "The percentage of customers who bought again, by satisfaction score: {value} Read the"
            " bars from score 1 to score 5, and compare with your guess in 3.5."
        ),
        wrong_answers=(
            sum_for_mean(
                lambda load: load("support").groupby("satisfaction")["bought_again"].sum(),
                feedback=(
                    "Those are numbers of customers who bought again, which grow with how common "
                    "each score is. Take the `.mean()` of `bought_again` instead of `.sum()`, "
                    "then multiply by 100."
                ),
            ),
            share_of_a_subset(
                lambda load: load("support"),
                "bought_again",
                "satisfaction",
                feedback=(
                    "That splits the customers who bought again between scores (it adds up to "
                    "100). The question is how often customers of each score bought again: "
                    "group all conversations by `satisfaction`."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="3.7",
        extension=True,
        title="Which measure of the service goes most with buying again?",
        answer_name="links",
        tables=("support",),
        expected=_links,
        checker=SeriesCheck(index="measure", decimals=2),
        hints=(
            "Three correlations, each between `bought_again` and one column: `satisfaction`, "
            "`resolved` and `first_response_min`.",
            '`support["satisfaction"].corr(support["bought_again"])` gives one of them, a '
            "number between −1 and +1.",
            'bought_again = support["bought_again"]\n'
            "links = pd.Series(\n"
            "    {\n"
            '        "satisfaction": support["satisfaction"].corr(bought_again),\n'
            "        # add resolved and first_response_min the same way\n"
            "    }\n"
            ")",
        ),
        solution=(
            'bought_again = support["bought_again"]\n'
            "links = pd.Series(\n"
            "    {\n"
            '        "satisfaction": support["satisfaction"].corr(bought_again),\n'
            '        "resolved": support["resolved"].corr(bought_again),\n'
            '        "first_response_min": support["first_response_min"].corr(bought_again),\n'
            "    }\n"
            ")\n"
        ),
        reveals=(
            "The correlation of buying again with each measure of the service: {value} Near 0 "
            "means no straight-line link; the closer to 1, the more the two go up together. Which "
            "measure stands out, and which hardly matters on its own?"
        ),
        wrong_answers=(
            WrongAnswer(
                "the whole table of correlations",
                lambda load: (
                    load("support")[[*SERVICE_MEASURES, "bought_again"]].astype(float).corr()
                ),
                feedback=(
                    "That is the whole table of correlations, every column against every other. "
                    "The answer is one number per service measure: its correlation with "
                    "`bought_again`."
                ),
            ),
            WrongAnswer(
                "bought_again with itself included",
                lambda load: pd.concat([_links(load), pd.Series({"bought_again": 1.0})]),
                feedback=(
                    "Your Series also holds `bought_again` itself, and a column always goes "
                    "perfectly with itself. Keep only the three measures of the service."
                ),
            ),
        ),
    )
)

_interpret(
    "3.8",
    "What do you read in followers and repeat purchases?",
    "my_reading_customers",
    "In La Mijotière's data, the contest added many Facebook followers, but the share of "
    "buyers who came back stayed where it was. What went with buying again was the service: "
    "customers whose problem was solved, and above all satisfied customers, bought again far "
    "more often, while the speed of the first answer hardly mattered on its own. A "
    "correlation is not proof of cause: a customer who likes the products may both rate the "
    "service kindly and buy again. So these data say what to watch, not what causes what.",
)

predict(
    "3.9",
    "Before you look: what did joining TikTok do for the brand's share of voice?",
    "my_guess_tiktok",
    {
        "rose": "It rose clearly in the months after the brand began posting there.",
        "level": "It stayed about where it was before the brand joined TikTok.",
        "fell": "It fell, as the brand's posts were spread over one more platform.",
    },
    think=(
        "Share of voice sets the brand's mentions against its three competitors', all "
        "platforms together. What could one more account change in that comparison?"
    ),
    data_says=lambda load: _rose_level_fell(_share_of_voice_change(load)),
    answer="level",
)

register(
    Exercise(
        id="3.10",
        title="Who holds the conversation, month by month?",
        answer_name="share_of_voice",
        tables=("competitors",),
        setup=SETUP_MENTIONS,
        expected=_share_of_voice,
        checker=FrameCheck(
            index="month",
            order=Order.INDEX,
            percent=tuple(COMPANIES),
            read_by="exercise 3.12",
            decimals=1,
        ),
        hints=(
            "Each row of the table above, divided by its own total, times 100: each company's "
            "part of the month's mentions, each row adding up to 100.",
            'As in the primer, `normalize="index"` divides each row of a crosstab by its total: '
            "add it to the crosstab above.",
            "shares = pd.crosstab(\n"
            '    month, company, values=mention_counts, aggfunc="sum", normalize="index"\n'
            ")\n"
            "# shares holds fractions: make them percentages",
        ),
        solution=SOLUTION_SHARE_OF_VOICE,
        reveals=(
            "Each company's share of voice, in percent: {value} On the chart, find March 2025 "
            "(Ustensia joins TikTok) and October 2025 (La Mijotière joins). Does the brand's "
            "line move?"
        ),
        wrong_answers=(
            counts_for_shares(
                lambda load: _share_of_voice(load, normalize=False),
                feedback=(
                    "Those are numbers of mentions. Share of voice is each company's mentions ÷ "
                    'all four companies\' mentions of the month: add `normalize="index"`, then '
                    "multiply by 100."
                ),
            ),
            normalised_the_other_way(
                _share_of_voice,
                feedback=(
                    'With `normalize="columns"` each company\'s mentions are spread over the '
                    "months. Share of voice splits each month between the companies: use "
                    '`normalize="index"`, so each row adds up to 100.'
                ),
            ),
            rows_for_amounts(
                lambda load: (
                    crosstab(
                        load("competitors")["month"],
                        load("competitors")["company"],
                        normalize="index",
                    )
                    * 100
                ),
                feedback=(
                    "Without `values=` and `aggfunc=`, `pd.crosstab` counts rows of the table "
                    "(one per platform), not mentions. Add `values=mention_counts` and "
                    '`aggfunc="sum"`.'
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="3.11",
        extension=True,
        title="Did the brand actually post on TikTok?",
        answer_name="brand_tiktok_posts",
        tables=("competitors",),
        expected=_tiktok_posts,
        checker=Number(integer=True),
        hints=(
            "Keep the rows of La Mijotière on TikTok, then add up their `posts`.",
            "Two conditions combine with `&`, each in brackets: "
            '`(competitors["company"] == "La Mijotière") & (competitors["platform"] == "tiktok")`.',
            'is_brand = competitors["company"] == "La Mijotière"\n'
            'on_tiktok = competitors["platform"] == "tiktok"\n'
            '# keep the rows where both are True, then add up their "posts"',
        ),
        solution=(
            'is_brand = competitors["company"] == "La Mijotière"\n'
            'on_tiktok = competitors["platform"] == "tiktok"\n'
            'brand_tiktok_posts = competitors[is_brand & on_tiktok]["posts"].sum()\n'
        ),
        reveals=(
            "{value} posts on the brand's TikTok account. So the brand did not just open an "
            "account: it posted there month after month. Keep that in mind for the next question."
        ),
        wrong_answers=(
            WrongAnswer(
                "every company's TikTok posts",
                lambda load: _tiktok_posts(load, company=None),
                feedback=(
                    "You added up the TikTok posts of all four companies. Keep La Mijotière's "
                    'rows too: `competitors["company"] == "La Mijotière"`.'
                ),
            ),
            WrongAnswer(
                "the brand's posts on every platform",
                lambda load: _tiktok_posts(load, platform=None),
                feedback=(
                    "You added up La Mijotière's posts on every platform. Keep the TikTok rows "
                    'too: `competitors["platform"] == "tiktok"`.'
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="3.12",
        extension=True,
        title="Did the brand's share of voice move once it was on TikTok?",
        answer_name="share_of_voice_change",
        tables=("competitors",),
        setup=SETUP_MENTIONS + SOLUTION_SHARE_OF_VOICE,
        expected=_share_of_voice_change,
        checker=Number(percent=True, decimals=2),
        hints=(
            "Take La Mijotière's column of your `share_of_voice` table; average it over the six "
            "months after it joined, and over the six months before; subtract.",
            "The table is indexed by month, so "
            '`share_of_voice.loc["2025-04-01":"2025-09-01", "La Mijotière"]` keeps the brand\'s '
            "shares from April to September 2025.",
            'brand_share = share_of_voice["La Mijotière"]\n'
            'six_months_before = brand_share.loc["2025-04-01":"2025-09-01"].mean()\n'
            "# six_months_after: the same for October 2025 to March 2026; then subtract",
        ),
        solution=(
            'brand_share = share_of_voice["La Mijotière"]\n'
            'six_months_before = brand_share.loc["2025-04-01":"2025-09-01"].mean()\n'
            'six_months_after = brand_share.loc["2025-10-01":"2026-03-01"].mean()\n'
            "share_of_voice_change = six_months_after - six_months_before\n"
        ),
        reveals=(
            "{value} percentage points: La Mijotière's average share of voice in the six months on"
            " TikTok minus the six months before. A change in percentage points: from 25 % to 26 %"
            " is one point. Is it large next to the wobble from one month to the next that you see"
            " on the chart?"
        ),
        wrong_answers=(
            subtracted_the_wrong_way(
                _share_of_voice_change,
                feedback=(
                    "Your number has the opposite sign: take the six months after joining minus "
                    "the six months before."
                ),
            ),
            change_for_points(
                _share_of_voice_before_after,
                feedback=(
                    "That is a change in percent of the share before, as a spreadsheet "
                    "computes it (new − old) ÷ old × 100. The question asks for the change in "
                    "percentage points: the mean after minus the mean before, nothing divided."
                ),
            ),
            WrongAnswer(
                "Ustensia's column",
                lambda load: _share_of_voice_change(load, company="Ustensia"),
                feedback=(
                    "That is Ustensia's change. The question is about La Mijotière: take the "
                    '`"La Mijotière"` column of `share_of_voice`.'
                ),
            ),
            WrongAnswer(
                "every month after joining",
                lambda load: _share_of_voice_change(load, after=("2025-10-01", "2026-06-01")),
                feedback=(
                    "You took every month after joining, nine of them. Compare like with like: "
                    "six months after (October 2025 to March 2026) against six months before "
                    "(April to September 2025)."
                ),
            ),
        ),
    )
)

_interpret(
    "3.13",
    "What do you read in the TikTok move?",
    "my_reading_tiktok",
    "In La Mijotière's data, the brand joined TikTok seven months after Ustensia and posted "
    "there every month, yet its share of voice on social platforms stayed where it had been. "
    "Being where a competitor is gave the brand one more account to feed, not a bigger part "
    "of the conversation. No survey measures the me-too effect, so this is an illustration, "
    "not a law: a presence wins attention when it serves something people want from the brand.",
)

_ADVICE_PLATFORM = Options(
    "3.14",
    {
        "follow": "Follow at once: each platform we skip hands Ustensia our share of voice.",
        "followers": "Open it, then judge it by the followers it gains in its first quarter.",
        "goal_first": "Decide once we know which goal it would serve and how to measure it.",
        "trial": "Try it for three months on a small budget, then see how it goes.",
    },
)

register(
    Exercise(
        id="3.14",
        title="What would you tell your manager about the next platform?",
        kind=ExerciseKind.DECIDE,
        answer_name="advice_platform",
        tables=(),
        expected=_ADVICE_PLATFORM.picks("goal_first"),
        checker=Choice(
            options=_ADVICE_PLATFORM.lettered,
            explanations=_ADVICE_PLATFORM.by_letter(
                {
                    "follow": (
                        "your own numbers say otherwise: the brand posted on TikTok for months "
                        "(3.11) and its share of voice hardly moved (3.10, 3.12)."
                    ),
                    "followers": (
                        "followers are what the contest delivered (3.2), and the share of "
                        "returning buyers did not move (3.3, 3.4): a follower count would call "
                        "the platform a success whatever it did for customers."
                    ),
                    "trial": (
                        "a trial with no stated goal and no measure cannot be judged: in three "
                        "months, 'how it goes' would be read off the follower count again, as with "
                        "the contest (3.2 to 3.4) and TikTok (3.11, 3.12)."
                    ),
                }
            ),
        ),
        hints=(
            "Go back over what you found: the contest (3.2 to 3.4), what goes with buying again "
            "(3.6, 3.7) and the TikTok move (3.10 to 3.12).",
            "Rule out every option that one of your numbers contradicts.",
            "Only one option asks what the platform is for before asking how big it can get.",
        ),
        solution=_ADVICE_PLATFORM.solution("advice_platform", "goal_first"),
        reveals=(
            "That is the strategy brake in one sentence: a presence chosen because a rival has "
            "one, and judged by its followers, has no objective to succeed at."
        ),
        discussion=(
            "The answer is to decide once we know which goal the platform would serve and how "
            "to measure it, and each part rests on a number from this notebook. Following "
            "at once is the TikTok move again: the brand posted there month after month "
            "(3.11) and its share of voice stayed where it was (3.12). Judging the new account "
            "by its followers repeats the contest's mistake: the Facebook page gained "
            "followers by the thousand (3.2) while the share of buyers who came back did not "
            "move (3.3, 3.4). A small trial sounds prudent, but with no goal and no measure "
            "written down beforehand, three months later the only number anyone has is the "
            "follower count again. What went with buying again was the service: solved "
            "problems and satisfied customers (3.6, 3.7), with the caution that a correlation "
            "shows what to watch, not a proven cause. In two sentences for the manager: "
            "before we open an account because Ustensia has one, let us write down which "
            "company goal it serves, who will run it and which business measure will tell us "
            "it works; if we cannot, our money does more in customer service than on a new "
            "platform. " + SIMULATED
        ),
        wrong_answers=(
            WrongAnswer("follow at once", _ADVICE_PLATFORM.picks("follow")),
            WrongAnswer("judge by followers", _ADVICE_PLATFORM.picks("followers")),
            WrongAnswer("trial with no goal", _ADVICE_PLATFORM.picks("trial")),
            option_text(_ADVICE_PLATFORM.lettered, _ADVICE_PLATFORM.letter("goal_first")),
        ),
    )
)


# ---------------------------------------------------------------------------
# Notebooks B and C: the campaigns (story 8) and the dashboard
# ---------------------------------------------------------------------------

#: What notebook B's set-up cell defines for the exercises that use it.
SETUP_VANITY = 'vanity = ["impressions", "likes", "followers"]\n'

#: The pairs of campaigns on the same platform with the same objective (a given cell).
SETUP_PAIRS = (
    'pairs = campaigns.merge(campaigns, on=["platform", "objective"], suffixes=("", "_other"))\n'
)

SOLUTION_DUPLICATED = (
    'other_department = pairs["department"] != pairs["department_other"]\n'
    'same_time = (pairs["start"] <= pairs["end_other"]) & (pairs["start_other"] <= pairs["end"])\n'
    'duplicated = pairs[other_department & same_time]["campaign_id"].unique()\n'
    "n_duplicated = len(duplicated)\n"
)

#: The two measures the brand's monthly report already had (set-up of notebook C).
SETUP_REPORT = (
    'month_ends = page_daily[page_daily["date"].dt.is_month_end]\n'
    'end_month = month_ends["date"].dt.to_period("M")\n'
    'followers_by_month = month_ends.groupby(end_month)["followers"].sum()\n'
    'competitor_month = competitors["month"].dt.to_period("M")\n'
    "mentions_by_company = pd.crosstab(\n"
    "    competitor_month,\n"
    '    competitors["company"],\n'
    '    values=competitors["mentions"],\n'
    '    aggfunc="sum",\n'
    ")\n"
    'brand_mentions = mentions_by_company["La Mijotière"]\n'
    "share_of_voice_by_month = brand_mentions / mentions_by_company.sum(axis=1) * 100\n"
)

#: The worked step given above 3.23: each month's engagements and reach, all accounts together.
SETUP_ENGAGEMENT = (
    'page_month = page_daily["date"].dt.to_period("M")\n'
    'totals = page_daily.groupby(page_month)[["engagements", "reach"]].sum()\n'
)

SOLUTION_ENGAGEMENT = 'engagement_by_month = totals["engagements"] / totals["reach"] * 100\n'

#: The worked step given above 3.24: each mention's month.
SETUP_NET_SENTIMENT = 'mention_month = mentions["published_at"].dt.to_period("M")\n'

SOLUTION_NET_SENTIMENT = (
    'counts = pd.crosstab(mention_month, mentions["sentiment"])\n'
    'net_sentiment_by_month = (counts["positive"] - counts["negative"])'
    " / counts.sum(axis=1) * 100\n"
)

#: The worked step given above 3.25: each conversation's month, and the monthly median speed.
SETUP_SERVICE = (
    'support_month = support["opened_at"].dt.to_period("M")\n'
    'first_response = support["first_response_min"].groupby(support_month).median()\n'
)

SOLUTION_SERVICE = (
    'solved = support["resolved"].groupby(support_month).mean() * 100\n'
    'service_by_month = pd.DataFrame({"first_response_min": first_response, '
    '"resolution_rate": solved})\n'
)

#: The worked step given above 3.26: the dashboard's first four columns.
SETUP_DASHBOARD = (
    "first_four = pd.DataFrame(\n"
    "    {\n"
    '        "followers": followers_by_month,\n'
    '        "engagement_rate": engagement_by_month,\n'
    '        "share_of_voice": share_of_voice_by_month,\n'
    '        "net_sentiment": net_sentiment_by_month,\n'
    "    }\n"
    ")\n"
)

#: The dashboard's columns, from vanity metrics to business metrics.
DASHBOARD_COLUMNS = (
    "followers",
    "engagement_rate",
    "share_of_voice",
    "net_sentiment",
    "first_response_min",
    "resolution_rate",
)


def _campaigns(load: Load) -> pd.DataFrame:
    return load("campaigns")


def _goal_share(load: Load) -> float:
    return float((_campaigns(load)["company_goal"] != "none").mean() * 100)


def _how_many_serve_a_goal(goal_share: float) -> str:
    """3.15's option the data support: most (above 60 %), a minority (below 40 %), or half."""
    return "most" if goal_share > 60 else "minority" if goal_share < 40 else "half"


def _by_department(load: Load, how: str = "mean") -> pd.DataFrame:
    campaigns = _campaigns(load)
    campaigns["has_goal"] = campaigns["company_goal"] != "none"
    table = campaigns.groupby("department").agg(
        linked=("has_goal", how), shared=("shared_with_other_departments", how)
    )
    return table * 100 if how == "mean" else table


def _overlap_pairs(load: Load, *, other: bool = True, dates: bool = True) -> pd.DataFrame:
    campaigns = _campaigns(load)
    pairs = campaigns.merge(campaigns, on=["platform", "objective"], suffixes=("", "_other"))
    keep = pd.Series(True, index=pairs.index)
    if other:
        keep &= pairs["department"] != pairs["department_other"]
    if dates:
        keep &= (pairs["start"] <= pairs["end_other"]) & (pairs["start_other"] <= pairs["end"])
    return pairs[keep]


def _n_duplicated(load: Load, **which: bool) -> int:
    return int(_overlap_pairs(load, **which)["campaign_id"].nunique())


def _budget_share(load: Load, weight: str = "budget") -> pd.Series:
    campaigns = _campaigns(load)
    no_goal = campaigns["company_goal"] == "none"
    duplicated = campaigns["campaign_id"].isin(_overlap_pairs(load)["campaign_id"])
    if weight == "campaigns":
        return pd.Series({"no_goal": no_goal.mean() * 100, "duplicated": duplicated.mean() * 100})
    budget = campaigns["budget_eur"]
    spent = {"no_goal": budget[no_goal].sum(), "duplicated": budget[duplicated].sum()}
    if weight == "euros":
        return pd.Series(spent)
    return pd.Series(spent) / budget.sum() * 100


def _vanity_budget_share(load: Load, weight: str = "budget") -> float:
    campaigns = _campaigns(load)
    vanity = campaigns["result_metric"].isin(VANITY_METRICS)
    if weight == "campaigns":
        return float(vanity.mean() * 100)
    return float(campaigns.loc[vanity, "budget_eur"].sum() / campaigns["budget_eur"].sum() * 100)


def _engagement_by_month(load: Load, base: str = "reach", monthly: str = "period") -> pd.Series:
    page = load("page_daily")
    month = page["date"].dt.to_period("M")
    if monthly == "first day":
        month = month.dt.to_timestamp()
    totals = page.groupby(month)[["engagements", base]].sum()
    return totals["engagements"] / totals[base] * 100


def _tone_change(tone: pd.Series) -> float:
    """The last six months' mean net sentiment minus the first six months'."""
    return float(tone.iloc[-6:].mean() - tone.iloc[:6].mean())


@remembered("mentions")
def _net_sentiment_by_month(load: Load) -> pd.Series:
    mentions = load("mentions")
    counts = crosstab(mentions["published_at"].dt.to_period("M"), mentions["sentiment"])
    return (counts["positive"] - counts["negative"]) / counts.sum(axis=1) * 100


@remembered("support")
def _service_by_month(load: Load, speed: str = "median") -> pd.DataFrame:
    support = load("support")
    table = support.groupby(support["opened_at"].dt.to_period("M")).agg(
        first_response_min=("first_response_min", speed),
        resolution_rate=("resolved", "mean"),
    )
    table["resolution_rate"] = table["resolution_rate"] * 100
    return table


def _report_measures(load: Load) -> tuple[pd.Series, pd.Series]:
    """The followers and share of voice the monthly report already had (notebook C's set-up)."""
    page = load("page_daily")
    month_ends = page[page["date"].dt.is_month_end]
    followers = month_ends.groupby(month_ends["date"].dt.to_period("M"))["followers"].sum()
    competitors = load("competitors")
    mentions = crosstab(
        competitors["month"].dt.to_period("M"),
        competitors["company"],
        values=competitors["mentions"],
    )
    return followers, mentions[BRAND] / mentions.sum(axis=1) * 100


@remembered("page_daily", "competitors", "mentions", "support")
def _dashboard(load: Load, speed: str = "median") -> pd.DataFrame:
    followers, share_of_voice = _report_measures(load)
    service = _service_by_month(load, speed)
    return pd.DataFrame(
        {
            "followers": followers,
            "engagement_rate": _engagement_by_month(load),
            "share_of_voice": share_of_voice,
            "net_sentiment": _net_sentiment_by_month(load),
            "first_response_min": service["first_response_min"],
            "resolution_rate": service["resolution_rate"],
        }
    )


_MONTHS_AS_DATES = (
    "Your months are dates (the first day of each month). The answer labels each month as a "
    'period: group by `page_daily["date"].dt.to_period("M")`, as in the primer.'
)

predict(
    "3.15",
    "Before you look: how many campaigns serve a company goal?",
    "my_guess_goals",
    {
        "most": "Most of them: departments plan around the company's yearly goals.",
        "half": "About half: some serve a goal, others are the department's own idea.",
        "minority": "A minority: most campaigns name no company goal at all.",
    },
    think=(
        "Think of how a campaign starts in your own company: from a company goal, from a "
        "team's idea, from a date in the calendar?"
    ),
    data_says=lambda load: _how_many_serve_a_goal(_goal_share(load)),
    answer="minority",
)

register(
    Exercise(
        id="3.16",
        title="Which departments link their campaigns to a goal, and share them?",
        answer_name="by_department",
        tables=("campaigns",),
        expected=_by_department,
        checker=FrameCheck(index="department", percent=("linked", "shared"), decimals=1),
        hints=(
            "Two shares per department: of its campaigns, how many name a company goal "
            "(`company_goal` is not `none`), and how many were shared with other departments.",
            "A True/False Series can be grouped by another column, as in chapter 1: "
            '`(campaigns["company_goal"] != "none").groupby(campaigns["department"])`. '
            "`pd.DataFrame({...})` then puts two such results side by side.",
            'department = campaigns["department"]\n'
            'linked = (campaigns["company_goal"] != "none").groupby(department).mean() * 100\n'
            '# shared: the same with campaigns["shared_with_other_departments"], then\n'
            '# by_department = pd.DataFrame({"linked": linked, "shared": ...})',
        ),
        solution=(
            'department = campaigns["department"]\n'
            'linked = (campaigns["company_goal"] != "none").groupby(department).mean() * 100\n'
            'shared = campaigns["shared_with_other_departments"].groupby(department).mean() * 100\n'
            'by_department = pd.DataFrame({"linked": linked, "shared": shared})\n'
        ),
        reveals=(
            "The percentage of each department's campaigns linked to a company goal, and shared "
            "with the other departments: {value} Read each department's pair of bars: how many of "
            "its campaigns serve a company goal, and how many anyone outside the department heard "
            "of?"
        ),
        wrong_answers=(
            sum_for_mean(
                lambda load: _by_department(load, how="sum"),
                feedback=(
                    "Those are numbers of campaigns, which grow with the size of each "
                    "department's programme. Take the `.mean()` of each True/False Series "
                    "instead of `.sum()`, then multiply by 100."
                ),
            ),
            the_other_part(
                _by_department,
                column="linked",
                feedback=(
                    "Your linked column counts the campaigns with no goal. A campaign is "
                    'linked when `company_goal` is anything but `"none"`: use `!=`, not `==`.'
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="3.17",
        title="How many campaigns duplicate another department's?",
        answer_name="n_duplicated",
        tables=("campaigns",),
        setup=SETUP_PAIRS,
        expected=_n_duplicated,
        checker=Number(integer=True),
        hints=(
            "In `pairs`, keep the rows where the two campaigns belong to different "
            "departments and ran at the same time; then count the distinct `campaign_id`s.",
            "Two campaigns ran at the same time when each started before the other ended: "
            '`(pairs["start"] <= pairs["end_other"]) & (pairs["start_other"] <= pairs["end"])`.',
            'other_department = pairs["department"] != pairs["department_other"]\n'
            'same_time = (pairs["start"] <= pairs["end_other"]) & '
            '(pairs["start_other"] <= pairs["end"])\n'
            "overlaps = pairs[other_department & same_time]\n"
            '# count each campaign once: .unique() on overlaps["campaign_id"], then len()',
        ),
        solution=SOLUTION_DUPLICATED,
        reveals=(
            "{value} campaigns duplicate another department's. Each of these campaigns ran on the "
            "same account, with the same objective, at the same time as another department's: two "
            "teams paying to say the same thing."
        ),
        wrong_answers=(
            WrongAnswer(
                "counted each pair once",
                lambda load: len(_overlap_pairs(load)) // 2,
                feedback=(
                    "You counted pairs of campaigns. The question counts campaigns: both "
                    "campaigns of a duplicated pair count, each once. Take `.unique()` of the "
                    "kept pairs' `campaign_id` column, then count what it gives."
                ),
            ),
            WrongAnswer(
                "same department kept",
                lambda load: _n_duplicated(load, other=False),
                feedback=(
                    "Every campaign is paired with itself, and overlaps itself. Keep only the "
                    "pairs from two different departments: "
                    '`pairs["department"] != pairs["department_other"]`.'
                ),
            ),
            WrongAnswer(
                "dates ignored",
                lambda load: _n_duplicated(load, dates=False),
                feedback=(
                    "You kept every pair from two departments, even months apart. A duplicate "
                    "runs at the same time: keep the pairs where each campaign started before "
                    "the other ended."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="3.18",
        extension=True,
        title="Where did the campaign budget go?",
        answer_name="budget_share",
        tables=("campaigns",),
        setup=SETUP_PAIRS + SOLUTION_DUPLICATED,
        expected=_budget_share,
        checker=SeriesCheck(index="kind of spending", percent=True, decimals=1),
        hints=(
            "Two shares of the total `budget_eur`: the budget of campaigns with no company goal, "
            "and the budget of the campaigns you found in 3.17.",
            '`campaigns["campaign_id"].isin(duplicated)` is True for the campaigns of 3.17. '
            "Keep the rows marked True, then add up their `budget_eur`, as with any filter.",
            'total = campaigns["budget_eur"].sum()\n'
            'no_goal = campaigns["company_goal"] == "none"\n'
            'is_duplicated = campaigns["campaign_id"].isin(duplicated)\n'
            '# budget_share = pd.Series({"no_goal": ..., "duplicated": ...}), each in % of total',
        ),
        solution=(
            'total = campaigns["budget_eur"].sum()\n'
            'no_goal = campaigns["company_goal"] == "none"\n'
            'is_duplicated = campaigns["campaign_id"].isin(duplicated)\n'
            "budget_share = pd.Series(\n"
            "    {\n"
            '        "no_goal": campaigns[no_goal]["budget_eur"].sum() / total * 100,\n'
            '        "duplicated": campaigns[is_duplicated]["budget_eur"].sum() / total * 100,\n'
            "    }\n"
            ")\n"
        ),
        reveals=(
            "The percentage of the total budget spent on campaigns linked to no goal, and on "
            "duplicated campaigns: {value} Read each share as: out of every 100 euros the "
            "departments spent on social media, how many went there? The two overlap: a duplicated"
            " campaign may also serve no goal."
        ),
        wrong_answers=(
            rows_for_amounts(
                lambda load: _budget_share(load, weight="campaigns"),
                feedback=(
                    "Those are shares of the number of campaigns. The question is about money: "
                    "add up the `budget_eur` of each group and divide by the total budget."
                ),
            ),
            WrongAnswer(
                "euros, not shares",
                lambda load: _budget_share(load, weight="euros"),
                feedback=(
                    "Those are amounts in euros. Divide each by the total budget, "
                    '`campaigns["budget_eur"].sum()`, and multiply by 100.'
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="3.19",
        extension=True,
        title="How much of the budget was judged on a vanity metric?",
        answer_name="vanity_budget_share",
        tables=("campaigns",),
        setup=SETUP_VANITY,
        expected=_vanity_budget_share,
        checker=Number(percent=True, decimals=1),
        hints=(
            "Mark the campaigns whose `result_metric` is one of the list `vanity`, then take "
            "their budget as a share of the total budget.",
            '`campaigns["result_metric"].isin(vanity)` is True for those campaigns.',
            'reports_vanity = campaigns["result_metric"].isin(vanity)\n'
            'vanity_budget = campaigns[reports_vanity]["budget_eur"].sum()\n'
            "# divide by the total budget, then multiply by 100",
        ),
        solution=(
            'reports_vanity = campaigns["result_metric"].isin(vanity)\n'
            'vanity_budget = campaigns[reports_vanity]["budget_eur"].sum()\n'
            'vanity_budget_share = vanity_budget / campaigns["budget_eur"].sum() * 100\n'
        ),
        reveals=(
            "{value} % of the budget went to campaigns judged on a vanity metric. Impressions, "
            "likes and followers can be reported as a success without saying whether anyone "
            "bought, applied for a job or got help."
        ),
        wrong_answers=(
            rows_for_amounts(
                lambda load: _vanity_budget_share(load, weight="campaigns"),
                feedback=(
                    "That is the share of campaigns that reported a vanity metric. The question "
                    "is about their budget: add up their `budget_eur` and divide by the total."
                ),
            ),
            the_other_part(
                _vanity_budget_share,
                feedback=(
                    "That is the budget of the campaigns judged on orders, leads, applications or "
                    "messages answered. The question asks for the others: `result_metric` in "
                    "`vanity`."
                ),
            ),
        ),
    )
)

_interpret(
    "3.20",
    "What do you read in the departments' campaigns?",
    "my_reading_campaigns",
    "In La Mijotière's data, most campaigns name no company goal and most stay inside the "
    "department that ran them; some run on the same account, with the same objective, at the "
    "same time as another department's. Much of the money goes to work that serves no goal or "
    "repeats someone else's, and about half of it is judged on likes, impressions or "
    "followers. Each department may be doing its best; together they are five separate "
    "plans, not one strategy.",
)

_ADVICE_GOVERNANCE = Options(
    "3.21",
    {
        "centralised": "Centralised: the communication team posts for every department.",
        "hub_and_spoke": "Hub and spoke: a central team sets goals; departments run campaigns.",
        "dandelion": "Dandelion: each product line runs its own hub, with its own accounts.",
        "organic": "Organic: each department keeps its own accounts, budget and plans.",
    },
)

register(
    Exercise(
        id="3.21",
        title="What would you tell your manager about who runs social media?",
        kind=ExerciseKind.DECIDE,
        answer_name="advice_governance",
        tables=(),
        expected=_ADVICE_GOVERNANCE.picks("hub_and_spoke"),
        checker=Choice(
            options=_ADVICE_GOVERNANCE.lettered,
            explanations=_ADVICE_GOVERNANCE.by_letter(
                {
                    "centralised": (
                        "one team cannot know recruiting, after-sales and promotions as well as "
                        "HR, customer service and sales do; it would become a queue, and "
                        "departments would open accounts of their own again."
                    ),
                    "dandelion": (
                        "a dandelion suits a group of several brands or business units, each big "
                        "enough for its own hub. La Mijotière is one brand with one e-shop: five "
                        "hubs would multiply the duplicates you found in 3.17."
                    ),
                    "organic": (
                        "that is how La Mijotière works today, and 3.16 to 3.19 show the result: "
                        "campaigns with no goal, unshared, sometimes duplicated."
                    ),
                }
            ),
        ),
        hints=(
            "Line up what you found: goals and sharing (3.16), duplicates (3.17), and where the "
            "money went if you did 3.18 and 3.19.",
            "Which model fixes what is missing, shared goals and a shared calendar, without "
            "taking the work away from the people who know each job?",
            "Think of the size of the company: one brand, five departments, one e-shop.",
        ),
        solution=_ADVICE_GOVERNANCE.solution("advice_governance", "hub_and_spoke"),
        reveals=(
            "Hub and spoke keeps the work with the departments and adds what they lack: goals "
            "and a calendar that everyone sees."
        ),
        discussion=(
            "The answer is hub and spoke. Today's organic set-up is what the notebook measured: "
            "most campaigns name no company goal and stay inside their department (3.16), some "
            "duplicate another department's on the same account at the same time (3.17), and much "
            "of the budget goes to work that serves no goal or is judged on likes and impressions "
            "(3.18, 3.19). Centralising everything would fix the duplicates but take recruiting "
            "posts away from HR and answers away from customer service, the people who know those "
            "jobs. A dandelion is a hub per business unit, built for groups of several brands; one "
            "brand with five departments would only get five silos with a new name. A hub and "
            "spoke, a small central team that owns the company's social-media goals, the shared "
            "calendar, the rules and the measures, with each department running its own campaigns "
            "inside them, keeps the knowledge "
            "where it is and adds the coordination that is missing. " + SIMULATED
        ),
        wrong_answers=(
            WrongAnswer("centralise", _ADVICE_GOVERNANCE.picks("centralised")),
            WrongAnswer("dandelion", _ADVICE_GOVERNANCE.picks("dandelion")),
            WrongAnswer("keep it organic", _ADVICE_GOVERNANCE.picks("organic")),
            option_text(_ADVICE_GOVERNANCE.lettered, _ADVICE_GOVERNANCE.letter("hub_and_spoke")),
        ),
    )
)

predict(
    "3.22",
    "Before you look: while followers grew, what did the tone do?",
    "my_guess_dashboard",
    {
        "rose": "It warmed up with the follower count: more fans, more praise.",
        "level": "It stayed about level, whatever the follower count did.",
        "fell": "It cooled down: more people talked about the brand less kindly.",
    },
    think=(
        "Net sentiment rises with praise and falls with complaints. What could a growing "
        "audience bring, in either direction, and what else could move the tone?"
    ),
    data_says=lambda load: _rose_level_fell(_tone_change(_net_sentiment_by_month(load)), 3),
    answer="fell",
)

register(
    Exercise(
        id="3.23",
        title="How engaged are the people the brand reaches, month by month?",
        answer_name="engagement_by_month",
        tables=("page_daily",),
        setup=SETUP_ENGAGEMENT,
        expected=_engagement_by_month,
        checker=SeriesCheck(index="month", percent=True, decimals=1),
        hints=(
            "`totals`, given above, has one row per month: divide its engagements by its reach, "
            "times 100.",
            '`totals["engagements"]` is a Series indexed by month: divided by '
            '`totals["reach"]`, each month is divided by its own reach.',
            'rate = totals["engagements"] / totals["reach"]\n'
            "# rate holds fractions: make them percentages",
        ),
        solution=SOLUTION_ENGAGEMENT,
        reveals=(
            "The engagement rate of the brand's accounts, month by month, in percent: {value} "
            "Which month stands out, and what ran on the Facebook page that month?"
        ),
        wrong_answers=(
            WrongAnswer(
                "engagement by followers",
                lambda load: _engagement_by_month(load, base="followers"),
                feedback=(
                    "You divided by followers. There is no single formula for engagement rate "
                    "(Hootsuite, 2019); this dashboard uses engagements ÷ reach, the people who "
                    "actually saw the posts."
                ),
            ),
            WrongAnswer(
                "engagement by impressions",
                lambda load: _engagement_by_month(load, base="impressions"),
                feedback=(
                    "You divided by impressions, which count the same person several times. "
                    "This dashboard uses engagements ÷ reach."
                ),
            ),
            WrongAnswer(
                "months as dates",
                lambda load: _engagement_by_month(load, monthly="first day"),
                feedback=_MONTHS_AS_DATES,
            ),
        ),
    )
)

register(
    Exercise(
        id="3.24",
        title="How warm is the conversation, month by month?",
        answer_name="net_sentiment_by_month",
        tables=("mentions",),
        setup=SETUP_NET_SENTIMENT,
        expected=_net_sentiment_by_month,
        checker=SeriesCheck(index="month", percent=True, decimals=1),
        hints=(
            "Chapter 1's net sentiment, per month instead of per channel: (positive − negative) "
            "÷ all mentions × 100.",
            '`pd.crosstab(mention_month, mentions["sentiment"])` counts each sentiment in each '
            "month, one row per month.",
            'counts = pd.crosstab(mention_month, mentions["sentiment"])\n'
            "# net_sentiment_by_month: (positive - negative) / each month's total * 100",
        ),
        solution=SOLUTION_NET_SENTIMENT,
        reveals=(
            "The net sentiment of all the public mentions, month by month, in points: {value} "
            "Compare the first months with the last ones, and with your guess in 3.22."
        ),
        wrong_answers=(
            subtracted_the_wrong_way(
                _net_sentiment_by_month,
                feedback=(
                    "Your values have the opposite sign: net sentiment is positive minus "
                    "negative, so a month with more praise than complaints is above zero."
                ),
            ),
            share_of_positives_only(
                lambda load: load("mentions"),
                lambda mentions: mentions["published_at"].dt.to_period("M"),
                feedback=(
                    "That is the share of positive mentions. Net sentiment also takes the "
                    "negative ones away: (positive − negative) ÷ all mentions × 100."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="3.25",
        title="How fast and how well does the service answer, month by month?",
        answer_name="service_by_month",
        tables=("support",),
        setup=SETUP_SERVICE,
        expected=_service_by_month,
        checker=FrameCheck(index="month", percent=("resolution_rate",), decimals=1),
        hints=(
            "`first_response`, given above, is the first column. The second is the share of "
            "`resolved` in each month, in percent, as `first_response` was made with `.median()`.",
            '`support["resolved"].groupby(support_month).mean()` is the share solved each month, '
            "as a fraction; `pd.DataFrame({...})` then puts two Series side by side.",
            'solved = support["resolved"].groupby(support_month).mean() * 100\n'
            '# service_by_month = pd.DataFrame({"first_response_min": ..., '
            '"resolution_rate": ...})',
        ),
        solution=SOLUTION_SERVICE,
        reveals=(
            "The service month by month: the median first-response time, in minutes, and the "
            "percentage of problems solved: {value} Do these two numbers move much from one month "
            "to the next?"
        ),
        wrong_answers=(
            mean_for_median(
                lambda load: _service_by_month(load, speed="mean"),
                feedback=(
                    "Your first_response_min is a mean. A few very slow answers pull a mean up; "
                    "the dashboard uses the median: the `first_response` given above."
                ),
            ),
            sum_for_mean(
                lambda load: _service_by_month(load).assign(
                    resolution_rate=load("support")
                    .groupby(load("support")["opened_at"].dt.to_period("M"))["resolved"]
                    .sum()
                ),
                feedback=(
                    "Your resolution_rate counts the resolved conversations. The rate is the "
                    "share resolved: `.mean()` of `resolved`, then times 100."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="3.26",
        title="What does the whole dashboard show?",
        answer_name="dashboard",
        tables=("page_daily", "mentions", "support", "competitors"),
        setup=(
            SETUP_REPORT
            + SETUP_ENGAGEMENT
            + SOLUTION_ENGAGEMENT
            + SETUP_NET_SENTIMENT
            + SOLUTION_NET_SENTIMENT
            + SETUP_SERVICE
            + SOLUTION_SERVICE
            + SETUP_DASHBOARD
        ),
        expected=_dashboard,
        checker=FrameCheck(
            index="month",
            percent=("engagement_rate", "share_of_voice", "net_sentiment", "resolution_rate"),
            decimals=1,
        ),
        hints=(
            "`first_four` lacks the two service measures: both are columns of your "
            "`service_by_month` (3.25), with the names the dashboard needs.",
            "Join the two tables: `.join` adds, on the right of `first_four`, the columns of the "
            "table you put in its brackets, month by month.",
            "# the four columns given above, then the two of 3.25:\n"
            "# dashboard = first_four.join(...)",
        ),
        solution="dashboard = first_four.join(service_by_month)\n",
        reveals=(
            "The dashboard, month by month: {value} Read the panels from left to right and top to "
            "bottom, from vanity metrics to business metrics: which ones would make a good slide, "
            "and which ones would worry you?"
        ),
        wrong_answers=(
            WrongAnswer(
                "the service columns left out",
                lambda load: _dashboard(load).drop(
                    columns=["first_response_min", "resolution_rate"]
                ),
                feedback=(
                    "Your dashboard has the four columns given above, not yet the service's: "
                    "join `first_four` with `service_by_month`."
                ),
            ),
            mean_for_median(
                lambda load: _dashboard(load, speed="mean"),
                feedback=(
                    "Your first_response_min holds means. The dashboard uses the median, as in "
                    "3.25: a few very slow answers pull a mean up."
                ),
            ),
        ),
    )
)

_interpret(
    "3.27",
    "What does the dashboard say that the follower count does not?",
    "my_reading_dashboard",
    "In La Mijotière's data, the vanity metrics look like a success: followers keep climbing, "
    "with a jump at the contest, and engagement rises in the last months. The rest does not "
    "follow: the brand's share of voice stays level, the tone of the conversation cools for "
    "months, and the service answers quickly but solves about the same share of problems all "
    "along. A report with only the first panel would call the strategy a success; the "
    "dashboard shows where the targets are needed.",
)

_SMART = Options(
    "3.28",
    {
        "followers": "Grow Facebook followers to 60,000 by 31 Dec 2026; owner: marketing lead.",
        "vague": "Improve customer satisfaction on social media by the end of 2026.",
        "resolution": "Raise the resolution rate to 70% by 31 Dec 2026; owner: service lead.",
        "five_minutes": "Answer every message within 5 minutes, day and night, from 1 July 2026.",
    },
)

register(
    Exercise(
        id="3.28",
        title="Which objective would you put on the dashboard?",
        kind=ExerciseKind.DECIDE,
        answer_name="smart_objective",
        tables=(),
        expected=_SMART.picks("resolution"),
        checker=Choice(
            options=_SMART.lettered,
            explanations=_SMART.by_letter(
                {
                    "followers": (
                        "it has a number, a date and an owner, but it serves no company goal: "
                        "followers are the vanity metric that rose without bringing buyers back "
                        "(3.2 to 3.4)."
                    ),
                    "vague": (
                        "it serves a company goal and has a date, but no number and no owner: "
                        "nobody could tell at the end of 2026 whether it was met, or whom to ask."
                    ),
                    "five_minutes": (
                        "it is specific and dated, but nobody owns it and it is not realistic: "
                        "answering every message within minutes, at night too, needs a team the "
                        "brand does not have, and in chapter 1 speed alone did not satisfy."
                    ),
                }
            ),
        ),
        hints=(
            "SMART (Doran, 1981): Specific, Measurable, Assignable, Realistic, Time-related. "
            "Test each option against the five letters, then ask which company goal it serves.",
            "Cross out an option as soon as something is missing: a number, an owner, a date, "
            "a target a team could reach, or a link to a company goal.",
            "Two options name a number, a date and an owner: which of the two measures is a "
            "business metric on your dashboard?",
        ),
        solution=_SMART.solution("smart_objective", "resolution"),
        reveals=(
            "A SMART objective on a business metric gives the dashboard a line to reach and a "
            "person to ask."
        ),
        discussion=(
            "The answer is the resolution rate's objective: it is Specific (the resolution rate of "
            "social-media conversations), Measurable (70%, the dashboard's last panel), Assignable "
            "(the customer-service lead), Realistic (chapter 1 found the in-house team already "
            "solves most of the problems it handles, so the gap is in how the agency's cases are "
            "handled) and Time-related (31 December 2026). The followers' objective looks just as "
            "tidy, with a number, a date and an owner, but it aims at followers, the vanity metric "
            "that jumped without bringing buyers back, and serves no company goal. Improving "
            "satisfaction names a goal and a date but no number and no owner. Answering within 5 "
            "minutes is dated and specific but unowned, and no team of the brand's size could meet "
            "it at night; besides, speed alone was not what satisfied customers. Doran's letters "
            "are a test to run on any objective before it goes on a dashboard (Doran, Management "
            "Review, 1981). " + SIMULATED
        ),
        wrong_answers=(
            WrongAnswer("followers target", _SMART.picks("followers")),
            WrongAnswer("no number, no owner", _SMART.picks("vague")),
            WrongAnswer("five-minute answers day and night", _SMART.picks("five_minutes")),
            option_text(_SMART.lettered, _SMART.letter("resolution")),
        ),
    )
)
