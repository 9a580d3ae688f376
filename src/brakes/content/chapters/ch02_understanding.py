"""Chapter 2, lack of understanding: who uses what, and the "so far so good" that was not.

Two notebooks, each stating its prompts in Markdown (see CONTRIBUTING.md).
``02a-understanding-who-uses-what`` (2.1 to 2.16) loads the customer and staff
surveys, the brand's page statistics and the mentions, and asks whether
employees' own habits match where customers are, whether the brand's posts go
where its segments are, what each platform is used for, and which attitudes
and how much training each department has. ``02b-understanding-so-far-so-good``
(2.17 to 2.25) loads ``mentions`` and ``sales`` and asks when the Tourbillon's
trouble showed, in what people wrote and in what the e-shop sold, and which of
two alarm rules, on sales or on what people wrote, would have rung first.

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
    columns_swapped,
    counts_for_shares,
    days_for_weeks,
    difference_for_change,
    filter_left_out,
    grouped_the_other_way,
    median_for_mean,
    normalised_the_other_way,
    number_for_letter,
    option_text,
    ratio_for_change,
    rows_for_amounts,
    share_of_a_subset,
    subtracted_the_wrong_way,
    sum_for_mean,
)
from brakes.content.reference import crosstab, remembered
from brakes.data.brand import ATTITUDES, SURVEY_PLATFORMS, TOPICS
from brakes.exercises.checkers import (
    Choice,
    FrameCheck,
    Number,
    SeriesCheck,
)
from brakes.exercises.model import Exercise, ExerciseKind, Load, WrongAnswer
from brakes.exercises.registry import register

#: What counts as "using" a platform in both surveys.
WEEKLY_OR_MORE = ("weekly", "daily")
#: The brand's four accounts (TikTok since October 2025), as in ``page_daily``.
BRAND_ACCOUNTS = ("facebook", "twitter", "instagram", "tiktok")
#: The accounts the brand's team has watched from the first day (chapter 1's ``accounts``).
WATCHED_ACCOUNTS = ("facebook", "twitter", "instagram")
#: The sales team's rule: a line is in trouble when its 4-week share of units falls below this.
SALES_ALARM_PCT = 26
#: The listening rule: an alarm when the 4-week average net sentiment falls below this.
LISTENING_ALARM = 0
#: Weeks in a rolling average.
WINDOW = 4

#: What the first notebook's set-up cells define for the exercises after them.
SETUP_SURVEYS = (
    'weekly_or_more = ["weekly", "daily"]\n'
    'brand_accounts = ["facebook", "twitter", "instagram", "tiktok"]\n'
)
SETUP_PEOPLE = SETUP_SURVEYS + 'people = staff.drop_duplicates("employee_id")\n'
#: 2.3's worked step: the employees' percentages, and the customers' weekly marks.
SETUP_STAFF_USE = SETUP_SURVEYS + (
    'staff_weekly = staff["frequency"].isin(weekly_or_more)\n'
    'staff_use = staff_weekly.groupby(staff["platform"]).mean() * 100\n'
    'customer_weekly = audience["frequency"].isin(weekly_or_more)\n'
)
#: 2.7's worked step: each account's posts over the whole period.
SETUP_POSTS = 'posts = page_daily.groupby("platform")["posts"].sum()\n'

#: What the second notebook's set-up cells define.
SETUP_WEEKS = (
    'accounts = ["facebook", "twitter", "instagram"]\n'
    'mentions["week"] = mentions["published_at"].dt.to_period("W").dt.start_time\n'
    'tourbillon_talk = mentions[mentions["product_line"] == "Tourbillon"]\n'
    'tourbillon_sales = sales[sales["product_line"] == "Tourbillon"]\n'
)
SETUP_RECIPE = SETUP_WEEKS + (
    "def weekly_net_sentiment(talk):\n"
    '    by_sentiment = pd.crosstab(talk["week"], talk["sentiment"])\n'
    '    return (by_sentiment["positive"] - by_sentiment["negative"]) '
    "/ by_sentiment.sum(axis=1) * 100\n"
    'on_accounts = tourbillon_talk[tourbillon_talk["channel"].isin(accounts)]\n'
)
SETUP_SIGNALS = SETUP_RECIPE + (
    'units_of_line = tourbillon_sales.groupby("week")["units"].sum()\n'
    'units_of_week = sales.groupby("week")["units"].sum()\n'
    "signals = pd.DataFrame(\n"
    "    {\n"
    '        "sales_share": units_of_line / units_of_week * 100,\n'
    '        "talk_everywhere": weekly_net_sentiment(tourbillon_talk),\n'
    '        "talk_own_accounts": weekly_net_sentiment(on_accounts),\n'
    "    }\n"
    ").rolling(4).mean()\n"
)

#: Shown with every interpret cell's reading: the data are made up, the sources are not.
SIMULATED = (
    "These are La Mijotière's simulated data: they illustrate the pattern, they do not prove "
    "how real companies or customers behave."
)


# ---------------------------------------------------------------------------
# Predict and interpret cells
# ---------------------------------------------------------------------------


_interpret = partial(interpret, simulated=SIMULATED)


# ---------------------------------------------------------------------------
# Notebook A: who uses what
# ---------------------------------------------------------------------------


def _weekly(survey: pd.DataFrame, frequencies: tuple[str, ...] = WEEKLY_OR_MORE) -> pd.Series:
    return survey["frequency"].isin(frequencies)


def _use_by_platform(survey: pd.DataFrame, how: str = "mean") -> pd.Series:
    use = _weekly(survey).groupby(survey["platform"]).agg(how)
    return use * 100 if how == "mean" else use


def _customer_use(load: Load) -> pd.Series:
    return _use_by_platform(load("audience"))


def _use_gap(load: Load, how: str = "mean") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "staff": _use_by_platform(load("staff"), how),
            "customers": _use_by_platform(load("audience"), how),
        }
    )


def _segment_use_long(load: Load) -> pd.Series:
    audience = load("audience")
    return _weekly(audience).groupby([audience["segment"], audience["platform"]]).mean() * 100


def _segment_use(load: Load) -> pd.DataFrame:
    return _segment_use_long(load).unstack()


def _posts(load: Load) -> pd.Series:
    return load("page_daily").groupby("platform")["posts"].sum()


def _post_share(load: Load) -> pd.Series:
    posts = _posts(load)
    return posts / posts.sum() * 100


def _posts_vs_audience(load: Load) -> pd.DataFrame:
    segment_use = _segment_use(load)
    accounts = list(BRAND_ACCOUNTS)
    return pd.DataFrame(
        {
            "posts": _post_share(load),
            "students": segment_use.loc["students", accounts],
            "seniors": segment_use.loc["seniors", accounts],
        }
    )


def _topic_mix(load: Load, normalize: str | bool = "index") -> pd.DataFrame:
    mentions = load("mentions")
    mix = crosstab(mentions["channel"], mentions["topic"], normalize=normalize)
    return mix * 100 if normalize else mix


def _people(load: Load) -> pd.DataFrame:
    return load("staff").drop_duplicates("employee_id")


def _habits_match(use_gap: pd.DataFrame) -> str:
    """2.1's option the data support: the same favourite platform or not, and who uses more."""
    if use_gap["staff"].idxmax() != use_gap["customers"].idxmax():
        return "different"
    more = ((use_gap["staff"] - use_gap["customers"]).dropna() > 0).all()
    return "same_but_more" if more else "same"


def _attitude_mix(load: Load, normalize: str | bool = "index") -> pd.DataFrame:
    people = _people(load)
    mix = crosstab(people["department"], people["attitude"], normalize=normalize)
    return mix * 100 if normalize else mix


def _trained_share(load: Load) -> pd.Series:
    return _people(load).groupby("department")["trained"].mean() * 100


def _confidence_table(
    load: Load, keys: tuple[str, str] = ("trained", "attitude"), how: str = "mean"
) -> pd.DataFrame:
    return _people(load).groupby(list(keys))["confidence"].agg(how).unstack()


predict(
    "2.1",
    "Before you look: are employees where the customers are?",
    "my_guess_habits",
    {
        "same": "Yes: the platforms employees use most are those customers use most.",
        "same_but_more": "Mostly: the same favourites, though employees use each one a bit more.",
        "different": "No: the platforms employees use most are not the customers' favourites.",
    },
    think="Think of your own week online, then of a customer who buys a blender or a kettle.",
    data_says=lambda load: _habits_match(_use_gap(load)),
    answer="different",
)

register(
    Exercise(
        id="2.2",
        extension=True,
        title="Which platforms do customers use every week?",
        answer_name="customer_use",
        tables=("audience",),
        setup=SETUP_SURVEYS,
        expected=_customer_use,
        checker=SeriesCheck(index="platform", percent=True, decimals=1),
        hints=(
            "Mark each row of `audience` as weekly-or-more or not, then take the share of "
            "marked rows on each platform.",
            '`audience["frequency"].isin(weekly_or_more)` gives True or False for each row; '
            "group those values by the platform column and take their mean, the share of True.",
            'weekly = audience["frequency"].isin(weekly_or_more)\n'
            'shares = weekly.groupby(audience["platform"]).mean()\n'
            "# shares holds fractions: make them percentages",
        ),
        solution=(
            'weekly = audience["frequency"].isin(weekly_or_more)\n'
            'customer_use = weekly.groupby(audience["platform"]).mean() * 100\n'
        ),
        reveals=(
            "The percentage of customers who use each platform every week: {value} Sort it to read"
            " it: `customer_use.sort_values(ascending=False)`."
        ),
        wrong_answers=(
            sum_for_mean(
                lambda load: _use_by_platform(load("audience"), "sum"),
                feedback=(
                    "Those are numbers of customers. The answer is the share of customers, in "
                    "percent: take the `.mean()` of the True/False values instead of `.sum()`, "
                    "then multiply by 100."
                ),
            ),
            WrongAnswer(
                "daily only",
                lambda load: (
                    _weekly(load("audience"), ("daily",))
                    .groupby(load("audience")["platform"])
                    .mean()
                    * 100
                ),
                feedback=(
                    "You counted only the daily users. A customer who uses a platform every "
                    "week counts too: test the frequency with `.isin(weekly_or_more)`."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="2.3",
        title="How do employees' habits compare with customers'?",
        answer_name="use_gap",
        tables=("audience", "staff"),
        setup=SETUP_STAFF_USE,
        expected=_use_gap,
        checker=FrameCheck(index="platform", percent=("staff", "customers"), decimals=1),
        hints=(
            "Copy the second line of the cell above, which gives `staff_use`, and change it "
            "for the customers: `customer_weekly` and the `audience` table.",
            "`pd.DataFrame({...})` builds a table from Series that share an index, one key "
            'per column: here `"staff"` and `"customers"`.',
            'customer_use = customer_weekly.groupby(audience["platform"]).mean() * 100\n'
            '# now build use_gap from staff_use and customer_use, columns "staff", "customers"',
        ),
        solution=(
            'customer_use = customer_weekly.groupby(audience["platform"]).mean() * 100\n'
            'use_gap = pd.DataFrame({"staff": staff_use, "customers": customer_use})\n'
        ),
        reveals=(
            "Weekly use of each platform, in percent: {value} On which platforms is the staff "
            "bar the longer one?"
        ),
        wrong_answers=(
            columns_swapped(
                _use_gap,
                "staff",
                "customers",
                feedback=(
                    "Your two columns are the wrong way round: `staff` comes from the `staff` "
                    "table and `customers` from the `audience` table."
                ),
            ),
            sum_for_mean(
                lambda load: _use_gap(load).assign(
                    customers=_use_by_platform(load("audience"), "sum")
                ),
                feedback=(
                    "Your `customers` column holds numbers of customers, and the two surveys "
                    "have different sizes. Compare shares: take the `.mean()` of the True/False "
                    "values, times 100, as the cell above does for `staff_use`."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="2.4",
        extension=True,
        title="Does each customer segment use the same platforms?",
        answer_name="segment_use",
        tables=("audience",),
        setup=SETUP_SURVEYS,
        expected=_segment_use,
        checker=FrameCheck(index="segment", percent=SURVEY_PLATFORMS, decimals=1),
        hints=(
            "The same share as in 2.2, but for each pair of segment and platform; then one row "
            "per segment, one column per platform.",
            "Grouping by a list of two columns gives a two-level index; `.unstack()` turns its "
            "inner level, the platform, into columns.",
            'weekly = audience["frequency"].isin(weekly_or_more)\n'
            'by_pair = weekly.groupby([audience["segment"], audience["platform"]]).mean() * 100\n'
            "# one row per segment: unstack by_pair",
        ),
        solution=(
            'weekly = audience["frequency"].isin(weekly_or_more)\n'
            'by_pair = weekly.groupby([audience["segment"], audience["platform"]]).mean()\n'
            "segment_use = by_pair.unstack() * 100\n"
        ),
        reveals=(
            "The percentage of each segment who use each platform every week: {value} Read one "
            "column at a time: is Facebook, or TikTok, the same for seniors and for students?"
        ),
        wrong_answers=(
            WrongAnswer(
                "not unstacked",
                _segment_use_long,
                feedback=(
                    "The values are right, but in one long column with a two-level index. The "
                    "answer has one row per segment and one column per platform: add "
                    "`.unstack()`."
                ),
            ),
            grouped_the_other_way(
                lambda load: _segment_use(load).T,
                feedback=(
                    "Your table has one row per platform. Group by the segment first and the "
                    "platform second, so that `.unstack()` gives one row per segment."
                ),
            ),
        ),
    )
)

_interpret(
    "2.5",
    "What do you read in the two surveys?",
    "my_reading_surveys",
    "In La Mijotière's surveys, the platforms employees use most in their own lives, Facebook "
    "and LinkedIn, are not where customers are most: customers are on YouTube and Instagram, "
    "and far more of them read forums and review sites than employees do. The segments differ "
    "too: students hardly use Facebook, seniors use it most. A team that plans from its own "
    "habits would aim at the wrong places.",
)

predict(
    "2.6",
    "Before you look: how many of the brand's posts go to Facebook?",
    "my_guess_facebook",
    think="The brand has four accounts: Facebook, Twitter, Instagram and, since October "
    "2025, TikTok. Would a busy team spread its posts evenly?",
    data_says=lambda load: round(_post_share(load)["facebook"]),
    answer=78,
)

register(
    Exercise(
        id="2.7",
        title="Where does the brand publish?",
        answer_name="post_share",
        tables=("page_daily",),
        setup=SETUP_POSTS,
        expected=_post_share,
        checker=SeriesCheck(index="platform", percent=True, decimals=1),
        hints=(
            "`posts` holds each account's number of posts: divide it by the total number of "
            "the brand's posts.",
            "`posts.sum()` is that total; dividing a Series by a number divides each of its "
            "values, and gives shares that add up to 1.",
            "shares = posts / posts.sum()\n# shares holds fractions: make them percentages",
        ),
        solution="post_share = posts / posts.sum() * 100\n",
        reveals=(
            "Each account's share of the brand's posts, in percent: {value} Compare the Facebook "
            "share with your guess in 2.6."
        ),
        wrong_answers=(
            counts_for_shares(
                _posts,
                feedback=(
                    "Those are numbers of posts. The answer is each account's share of all "
                    "posts, in percent: divide by the total, then multiply by 100."
                ),
            ),
            rows_for_amounts(
                lambda load: load("page_daily")["platform"].value_counts(normalize=True) * 100,
                feedback=(
                    "That is the share of rows, one row per day and account: it says how long "
                    "each account has existed, not how much the brand posts there. Start from "
                    "`posts`, the cell above's number of posts of each account."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="2.8",
        extension=True,
        title="Do the brand's posts go where its segments are?",
        answer_name="posts_vs_audience",
        tables=("page_daily", "audience"),
        setup=SETUP_SURVEYS,
        expected=_posts_vs_audience,
        checker=FrameCheck(index="platform", percent=("posts", "students", "seniors"), decimals=1),
        hints=(
            "Three columns for the brand's four accounts: the share of the brand's posts (as in "
            "2.7), and the share of students and of seniors who use each platform weekly (from "
            "the table of 2.4).",
            '`segment_use.loc["students", brand_accounts]` picks one row of the table of 2.4 '
            "and only the four platforms where the brand has an account.",
            'posts = page_daily.groupby("platform")["posts"].sum()\n'
            "posts_vs_audience = pd.DataFrame(\n"
            "    {\n"
            '        "posts": posts / posts.sum() * 100,\n'
            '        "students": segment_use.loc["students", brand_accounts],\n'
            "    }\n"
            ")\n"
            "# add the third column, seniors, the same way",
        ),
        solution=(
            'weekly = audience["frequency"].isin(weekly_or_more)\n'
            'by_pair = weekly.groupby([audience["segment"], audience["platform"]]).mean()\n'
            "use_by_segment = by_pair.unstack() * 100\n"
            'posts = page_daily.groupby("platform")["posts"].sum()\n'
            "posts_vs_audience = pd.DataFrame(\n"
            "    {\n"
            '        "posts": posts / posts.sum() * 100,\n'
            '        "students": use_by_segment.loc["students", brand_accounts],\n'
            '        "seniors": use_by_segment.loc["seniors", brand_accounts],\n'
            "    }\n"
            ")\n"
        ),
        reveals=(
            "For each of the brand's accounts: its share of the posts, and the percentage of "
            "students and of seniors who use it every week: {value} Read each platform's three "
            "bars: where do the brand's posts go, and where is each segment?"
        ),
        wrong_answers=(
            columns_swapped(
                _posts_vs_audience,
                "students",
                "seniors",
                feedback=(
                    "Your `students` and `seniors` columns are the wrong way round: pick the row "
                    'of each segment by its own name, `segment_use.loc["students", '
                    "brand_accounts]`."
                ),
            ),
            counts_for_shares(
                lambda load: _posts_vs_audience(load).assign(posts=_posts(load)),
                feedback=(
                    "Your `posts` column holds numbers of posts. The other two columns are "
                    "percentages, so make it one too: each account's share of all posts, "
                    "times 100."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="2.9",
        extension=True,
        title="What do people talk about on each platform?",
        answer_name="topic_mix",
        tables=("mentions",),
        expected=_topic_mix,
        checker=FrameCheck(index="channel", percent=TOPICS, decimals=1),
        hints=(
            "One row per channel, one column per topic, each row adding up to 100.",
            '`pd.crosstab(mentions["channel"], mentions["topic"])` counts the mentions of each '
            'pair; `normalize="index"` turns each row into shares of that row.',
            'mix = pd.crosstab(mentions["channel"], mentions["topic"], normalize="index")\n'
            "# mix holds fractions: make them percentages",
        ),
        solution=(
            "topic_mix = (\n"
            '    pd.crosstab(mentions["channel"], mentions["topic"], normalize="index") * 100\n'
            ")\n"
        ),
        reveals=(
            "Each channel's mentions by topic, in percent of the channel's mentions: {value} In a "
            "new cell, `topic_mix.idxmax(axis=1)` names each channel's most common topic: is it "
            "the same job everywhere?"
        ),
        wrong_answers=(
            normalised_the_other_way(
                _topic_mix,
                feedback=(
                    'With `normalize="columns"` each topic is split between channels. The '
                    "question splits each channel's mentions between topics: use "
                    '`normalize="index"`, so each row adds up to 100.'
                ),
            ),
            counts_for_shares(
                lambda load: _topic_mix(load, normalize=False),
                feedback=(
                    "Those are numbers of mentions. The question asks for each channel's "
                    'split between topics in percent: add `normalize="index"` and multiply '
                    "by 100, so each row adds up to 100."
                ),
            ),
        ),
    )
)

_interpret(
    "2.10",
    "What do you read in where the brand posts?",
    "my_reading_posts",
    "In La Mijotière's data, most of the brand's posts go to Facebook, which suits the seniors "
    "but reaches few students, who live on Instagram and TikTok, where the brand posts little. "
    "And people use each platform for a different job: recipes and demonstrations on YouTube, "
    "TikTok and blogs, product quality on review sites and forums, service questions on "
    "Twitter. One account used like a Swiss-army knife cannot do all of these jobs.",
)

#: 2.11's options, named by the attitude they describe.
_ATTITUDE_OPTIONS = {
    "flee": "Flee: what customers write about us online is better left unread.",
    "so_far_so_good": "So far so good: our results are fine; social media can wait.",
    "delegate": "Delegate: an agency or one in-house specialist should take care of it.",
    "follow_the_wind": "Follow the wind: open an account wherever the trade press says it happens.",
}

predict(
    "2.11",
    "Before you look: which attitude is the most common among employees?",
    "my_guess_attitude",
    _ATTITUDE_OPTIONS,
    think="Think of the five departments: marketing, customer service, HR, sales and "
    "communication. Which one is the largest, and what do you hear in its corridors?",
    data_says=lambda load: _people(load)["attitude"].value_counts().idxmax(),
    answer="so_far_so_good",
)

register(
    Exercise(
        id="2.12",
        title="Which attitudes does each department hold?",
        answer_name="attitude_mix",
        tables=("staff",),
        setup=SETUP_PEOPLE,
        expected=_attitude_mix,
        checker=FrameCheck(index="department", percent=ATTITUDES, decimals=1),
        hints=(
            "Use `people`, one row per employee. You want one row per department, one column "
            "per attitude, each row adding up to 100.",
            '`pd.crosstab(people["department"], people["attitude"])` counts the employees of '
            'each pair; `normalize="index"` makes each row a set of shares.',
            'mix = pd.crosstab(people["department"], people["attitude"], normalize="index")\n'
            "# mix holds fractions: make them percentages",
        ),
        solution=(
            'attitude_mix = pd.crosstab(people["department"], people["attitude"], '
            'normalize="index") * 100\n'
        ),
        reveals=(
            "Each department's employees by attitude, in percent of the department: {value} Read "
            "the chart one department at a time: which colour is the longest bar in each? Then "
            "compare with your guess in 2.11."
        ),
        wrong_answers=(
            normalised_the_other_way(
                _attitude_mix,
                feedback=(
                    'With `normalize="columns"` each attitude is split between departments, so '
                    "the big departments win everywhere. The question splits each department: "
                    'use `normalize="index"`.'
                ),
            ),
            WrongAnswer(
                "counts of rows",
                lambda load: crosstab(load("staff")["department"], load("staff")["attitude"]),
                feedback=(
                    "Those are counts, and from `staff`, which has one row per employee and "
                    "platform, so each person is counted nine times. Use `people` and "
                    '`normalize="index"`, then multiply by 100.'
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="2.13",
        extension=True,
        title="Who has been trained, department by department?",
        answer_name="trained_share",
        tables=("staff",),
        setup=SETUP_PEOPLE,
        expected=_trained_share,
        checker=SeriesCheck(index="department", percent=True, decimals=1),
        hints=(
            "For each department, the share of its employees whose `trained` is True.",
            "The mean of a True/False column in each group is the share of True: group "
            "`people` by `department` and take the mean of `trained`.",
            'trained = people.groupby("department")["trained"].mean()\n'
            "# trained holds fractions: make them percentages",
        ),
        solution='trained_share = people.groupby("department")["trained"].mean() * 100\n',
        reveals=(
            "The percentage of each department's employees who have been trained: {value} Which "
            "department answers customers on social media every day, and where does it stand here?"
        ),
        wrong_answers=(
            sum_for_mean(
                lambda load: _people(load).groupby("department")["trained"].sum(),
                feedback=(
                    "Those are numbers of trained employees, which grow with the size of the "
                    "department. Take the `.mean()` of `trained` instead of `.sum()`, times 100."
                ),
            ),
            share_of_a_subset(
                _people,
                "trained",
                "department",
                feedback=(
                    "That splits the trained employees between departments (it adds up to "
                    "100). The question is what share of each department was trained: group "
                    "all of `people` by `department`."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="2.14",
        extension=True,
        title="How confident do employees feel, by attitude and training?",
        answer_name="confidence_table",
        tables=("staff",),
        setup=SETUP_PEOPLE,
        expected=_confidence_table,
        checker=FrameCheck(index="training status (False or True)", decimals=2),
        hints=(
            "The mean `confidence` for each pair of training status and attitude, then one row "
            "for the untrained (False), one for the trained (True), and one column per "
            "attitude.",
            '`people.groupby(["trained", "attitude"])["confidence"].median()` gives a '
            "two-level Series of medians; `.unstack()` turns its inner level into columns.",
            'by_pair = people.groupby(["trained", "attitude"])["confidence"]\n'
            "# take the mean of by_pair, then unstack it",
        ),
        solution=(
            'by_pair = people.groupby(["trained", "attitude"])["confidence"].mean()\n'
            "confidence_table = by_pair.unstack()\n"
        ),
        reveals=(
            "The mean confidence of the untrained (False) and the trained (True), by attitude: "
            "{value} Read it two ways: along each row (does the attitude matter?) and between the "
            "two bars of each attitude (does training?)."
        ),
        wrong_answers=(
            grouped_the_other_way(
                lambda load: _confidence_table(load, ("attitude", "trained")),
                feedback=(
                    "Your table has one row per attitude. Group by `trained` first and the "
                    "attitude second, so that `.unstack()` gives one row per training status."
                ),
            ),
            median_for_mean(
                lambda load: _confidence_table(load, how="median"),
                feedback=(
                    "Those are medians, which on a 1-to-5 score are almost always a whole "
                    "number and hide the differences. Take the `.mean()`."
                ),
            ),
        ),
    )
)

_interpret(
    "2.15",
    "What do you read in the staff survey?",
    "my_reading_staff",
    "In La Mijotière's survey, 'so far so good' is the most common attitude, and each "
    "department leans its own way: marketing follows the wind, sales mostly thinks all is well, "
    "many in HR look away, and customer service is split between looking away, "
    "waiting and delegating. Feeling sure is not the same "
    "as understanding: the 'so far so good' staff feel almost as confident as the enthusiasts. "
    "Customer service, which answers customers every day, is among the least trained. Within "
    "most attitudes the trained feel surer, but a survey cannot tell whether the training built "
    "that confidence or the confident asked for training.",
)

_ADVICE_WHO = Options(
    "2.16",
    {
        "agency": "Hand all four accounts to an agency that reports to management every month.",
        "team": "Ask customers where they are, then train a team from several departments.",
        "marketing": "Let marketing run it all: its people are the most at ease with social media.",
        "assistant": "Keep Léa in charge of every account, and hire an assistant to share her "
        "load.",
    },
)

register(
    Exercise(
        id="2.16",
        title="What would you tell your manager about who should run social media?",
        kind=ExerciseKind.DECIDE,
        answer_name="advice_who",
        tables=(),
        expected=_ADVICE_WHO.picks("team"),
        checker=Choice(
            options=_ADVICE_WHO.lettered,
            explanations=_ADVICE_WHO.by_letter(
                {
                    "agency": (
                        "an agency brings hours and tools, not understanding inside the company: "
                        "nobody in customer service or sales learns where the customers are (2.3, "
                        "2.4), and a monthly report does not train the people who answer customers "
                        "every day (2.13)."
                    ),
                    "marketing": (
                        "marketing's confidence comes with following the wind (2.12, 2.14); "
                        "feeling sure and using social media a lot personally is not knowing "
                        "where the customers are (2.3)."
                    ),
                    "assistant": (
                        "an assistant shares Léa's workload, not the understanding: it stays with "
                        "two people in communication, customer service stays among the least "
                        "trained (2.13), and nobody asks the customers where they are, so the "
                        "posts keep going where they went (2.7, 2.8)."
                    ),
                }
            ),
        ),
        hints=(
            "Go back over what you found: where staff and customers are (2.3, 2.4), where the "
            "posts go (2.7, 2.8), and who is trained and confident (2.12 to 2.14).",
            "Rule out every option that one of your numbers contradicts.",
            "Only one option starts from the customers rather than from the staff's habits, "
            "and spreads the understanding beyond one person.",
        ),
        solution=_ADVICE_WHO.solution("advice_who", "team"),
        reveals=(
            "That is the way past the understanding brake: start from the customers, not from "
            "our own habits, and spread what we learn beyond one person or one department."
        ),
        discussion=(
            "The answer is to ask customers where they are and train a team from several "
            "departments, and each part rests on a number from this notebook. Start from "
            "the customers: the platforms employees use most, Facebook and LinkedIn, are not "
            "the customers' favourites, and segments differ, so a plan built on staff habits "
            "aims at the wrong places (2.3, 2.4): Facebook already gets most of the posts while "
            "students live on Instagram and TikTok (2.7, 2.8), and people use each platform for "
            "a different job (2.9). A small team from several departments: attitudes differ by "
            "department (2.12), and customer service, which answers customers, is among the "
            "least trained (2.13). An agency or an assistant for Léa adds hands but "
            "keeps the understanding outside the departments that meet customers, and "
            "marketing alone brings confidence that comes with following the wind, not "
            "with knowing the customers (2.14). In two sentences "
            "for the manager: our own habits are not our customers'; let us ask customers where "
            "they are and what they use each platform for, and give a small trained team from "
            "marketing, customer service and sales the job of choosing a platform for each "
            "purpose. " + SIMULATED
        ),
        wrong_answers=(
            WrongAnswer("an agency", _ADVICE_WHO.picks("agency")),
            WrongAnswer("marketing alone", _ADVICE_WHO.picks("marketing")),
            WrongAnswer("an assistant for the guru", _ADVICE_WHO.picks("assistant")),
            option_text(_ADVICE_WHO.lettered, _ADVICE_WHO.letter("team")),
        ),
    )
)


# ---------------------------------------------------------------------------
# Notebook B: so far so good
# ---------------------------------------------------------------------------


@remembered("mentions")
def _tourbillon_talk(load: Load) -> pd.DataFrame:
    """The Tourbillon's mentions, with their week, as the set-up makes them."""
    mentions = load("mentions")
    mentions["week"] = mentions["published_at"].dt.to_period("W").dt.start_time
    return mentions[mentions["product_line"] == "Tourbillon"]


def _tourbillon_sales(load: Load) -> pd.DataFrame:
    """The Tourbillon's weekly sales, as the set-up makes them."""
    sales = load("sales")
    return sales[sales["product_line"] == "Tourbillon"]


def _weekly_net_sentiment(talk: pd.DataFrame) -> pd.Series:
    counts = crosstab(talk["week"], talk["sentiment"])
    return (counts["positive"] - counts["negative"]) / counts.sum(axis=1) * 100


def _on_accounts(talk: pd.DataFrame) -> pd.DataFrame:
    return talk[talk["channel"].isin(WATCHED_ACCOUNTS)]


def _half_year_units(load: Load, line: str | None = "Tourbillon") -> tuple[int, int]:
    sales = load("sales")
    if line is not None:
        sales = sales[sales["product_line"] == line]
    first = sales.loc[sales["week"] < "2025-07-01", "units"].sum()
    second = sales.loc[
        (sales["week"] >= "2025-07-01") & (sales["week"] < "2026-01-01"), "units"
    ].sum()
    return int(first), int(second)


def _sales_change(load: Load) -> float:
    first, second = _half_year_units(load)
    return (second / first - 1) * 100


def _weekly_share(load: Load, column: str = "units") -> pd.Series:
    sales = load("sales")
    tourbillon = sales[sales["product_line"] == "Tourbillon"]
    return tourbillon.groupby("week")[column].sum() / sales.groupby("week")[column].sum() * 100


def _weekly_net(load: Load) -> pd.Series:
    return _weekly_net_sentiment(_tourbillon_talk(load))


@remembered("mentions")
def _weekly_pair(load: Load) -> pd.DataFrame:
    """The Tourbillon's weekly net sentiment everywhere and on the brand's watched accounts."""
    talk = _tourbillon_talk(load)
    return pd.DataFrame(
        {
            "everywhere": _weekly_net_sentiment(talk),
            "own_accounts": _weekly_net_sentiment(_on_accounts(talk)),
        }
    )


def _net_average(load: Load, how: str = "mean", dropna: bool = True) -> pd.DataFrame:
    smoothed = _weekly_pair(load).rolling(WINDOW).agg(how)
    return smoothed.dropna() if dropna else smoothed


@remembered("mentions", "sales")
def _signals(load: Load) -> pd.DataFrame:
    """The three 4-week averages the second notebook's set-up cell builds."""
    weekly = _weekly_pair(load)
    return (
        pd.DataFrame(
            {
                "sales_share": _weekly_share(load),
                "talk_everywhere": weekly["everywhere"],
                "talk_own_accounts": weekly["own_accounts"],
            }
        )
        .rolling(WINDOW)
        .mean()
    )


def _first_week(signal: pd.Series, limit: float) -> pd.Timestamp:
    return signal[signal < limit].index[0]


def _weeks_of_warning(load: Load, talk: str = "talk_everywhere") -> int:
    signals = _signals(load)
    sales_alarm = _first_week(signals["sales_share"], SALES_ALARM_PCT)
    listening_alarm = _first_week(signals[talk], LISTENING_ALARM)
    return (sales_alarm - listening_alarm).days // 7


def _first_sign(weeks_of_warning: int) -> str:
    """2.17's option the data support: the talk first, the sales first, or both together."""
    return "talk" if weeks_of_warning > 4 else "sales" if weeks_of_warning < -4 else "both"


predict(
    "2.17",
    "Before you look: if the Tourbillon ran into trouble, where would it show first?",
    "my_guess_first_sign",
    {
        "sales": "In the sales figures, before anyone complained about it online.",
        "talk": "In what people wrote online, before the sales figures moved.",
        "both": "In both at about the same time, within a few weeks of each other.",
    },
    think="Think of how you behave when an appliance disappoints you: do you stop buying "
    "first, or say so first, and where?",
    data_says=lambda load: _first_sign(_weeks_of_warning(load)),
    answer="talk",
)

register(
    Exercise(
        id="2.18",
        title="Did the Tourbillon sell less in the second half of 2025?",
        answer_name="sales_change",
        tables=("mentions", "sales"),
        setup=SETUP_WEEKS,
        expected=_sales_change,
        checker=Number(percent=True, decimals=2),
        hints=(
            "Two totals of Tourbillon `units`: the weeks before 1 July 2025, and the weeks from "
            "1 July to the end of 2025; then the change from the first to the second, in "
            "percent.",
            "A date column compares with a date written as text: "
            '`tourbillon_sales["week"] < "2025-07-01"` is True for the weeks of the first half. '
            "Combine two conditions with `&`, each in brackets.",
            'before_july = tourbillon_sales["week"] < "2025-07-01"\n'
            'first_half = tourbillon_sales[before_july]["units"].sum()\n'
            "# second_half: the weeks from 2025-07-01 and before 2026-01-01\n"
            "# then the change from first_half to second_half, in percent",
        ),
        solution=(
            'before_july = tourbillon_sales["week"] < "2025-07-01"\n'
            'in_2025 = tourbillon_sales["week"] < "2026-01-01"\n'
            'first_half = tourbillon_sales[before_july]["units"].sum()\n'
            'second_half = tourbillon_sales[~before_july & in_2025]["units"].sum()\n'
            "sales_change = (second_half / first_half - 1) * 100\n"
        ),
        reveals=(
            "A change of {value} % from the first half of 2025 to the second. This is the number a"
            " sales report would show at the end of 2025. Would it worry anyone?"
        ),
        wrong_answers=(
            ratio_for_change(
                lambda load: _half_year_units(load)[1] / _half_year_units(load)[0] * 100,
                feedback=(
                    "That is the second half as a percentage of the first (100 means the same). "
                    "The change is the ratio minus 1, then times 100."
                ),
            ),
            difference_for_change(
                lambda load: _half_year_units(load)[1] - _half_year_units(load)[0],
                feedback=(
                    "That is a difference in units. The answer is a change in percent of the "
                    "first half: divide the second half by the first, subtract 1, multiply by "
                    "100."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="2.19",
        extension=True,
        title="What share of the units sold is a Tourbillon, week by week?",
        answer_name="weekly_share",
        tables=("mentions", "sales"),
        setup=SETUP_WEEKS,
        expected=_weekly_share,
        checker=SeriesCheck(index="week", percent=True, decimals=1),
        hints=(
            "Two weekly totals of `units`: the Tourbillon's and all five lines'; divide the "
            "first by the second.",
            '`sales.groupby("week")["units"].sum()` gives all the units of each week; two '
            "Series indexed by week divide week by week.",
            'tourbillon_units = tourbillon_sales.groupby("week")["units"].sum()\n'
            'all_units = sales.groupby("week")["units"].sum()\n'
            "# divide, then multiply by 100",
        ),
        solution=(
            'tourbillon_units = tourbillon_sales.groupby("week")["units"].sum()\n'
            'all_units = sales.groupby("week")["units"].sum()\n'
            "weekly_share = tourbillon_units / all_units * 100\n"
        ),
        reveals=(
            "The Tourbillon's share of the units sold each week, in percent: {value} A share takes"
            " out what moves every line at once (summer, Black Friday, Christmas): does the "
            "Tourbillon's line ever leave its usual level, and when?"
        ),
        wrong_answers=(
            counts_for_shares(
                lambda load: _tourbillon_sales(load).groupby("week")["units"].sum(),
                feedback=(
                    "Those are the Tourbillon's units, which rise and fall with the season for "
                    "every line. Divide them by all the units sold the same week, times 100."
                ),
            ),
            WrongAnswer(
                "share of revenue",
                lambda load: _weekly_share(load, "revenue_eur"),
                feedback=(
                    "That is a share of revenue, which moves with prices and discounts too. The "
                    "question is about `units`: appliances sold."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="2.20",
        extension=True,
        title="What did people say about the Tourbillon, week by week?",
        answer_name="weekly_net",
        tables=("mentions", "sales"),
        setup=SETUP_WEEKS,
        expected=_weekly_net,
        checker=SeriesCheck(index="week", percent=True, decimals=1),
        hints=(
            "Chapter 1's net sentiment, with one row per week instead of one per channel, on "
            "the Tourbillon's mentions only.",
            '`pd.crosstab(tourbillon_talk["week"], tourbillon_talk["sentiment"])` counts each '
            "sentiment in each week; `.sum(axis=1)` adds up each row.",
            'counts = pd.crosstab(tourbillon_talk["week"], tourbillon_talk["sentiment"])\n'
            'difference = counts["positive"] - counts["negative"]\n'
            "# divide difference by each week's total, then multiply by 100",
        ),
        solution=(
            'counts = pd.crosstab(tourbillon_talk["week"], tourbillon_talk["sentiment"])\n'
            'weekly_net = (counts["positive"] - counts["negative"]) / counts.sum(axis=1) * 100\n'
        ),
        reveals=(
            "The net sentiment of the Tourbillon's mentions each week, in points: {value} The "
            "values jump from week to week. The next exercise smooths them."
        ),
        wrong_answers=(
            subtracted_the_wrong_way(
                _weekly_net,
                feedback=(
                    "Your values have the opposite sign: net sentiment is positive minus "
                    "negative, so a week with more praise than complaints is above zero."
                ),
            ),
            filter_left_out(
                lambda load: _weekly_net_sentiment(
                    load("mentions").assign(
                        week=lambda m: m["published_at"].dt.to_period("W").dt.start_time
                    )
                ),
                feedback=(
                    "You used the mentions of every product line. The question is about the "
                    "Tourbillon: use `tourbillon_talk`."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="2.21",
        extension=True,
        title="What does the tone look like once the weekly noise is smoothed?",
        answer_name="net_average",
        tables=("mentions", "sales"),
        setup=SETUP_RECIPE,
        expected=_net_average,
        checker=FrameCheck(index="week", percent=("everywhere", "own_accounts"), decimals=1),
        hints=(
            "Two weekly series of net sentiment, one for all the Tourbillon's mentions and one "
            "for those on the brand's three accounts; then their 4-week averages, without the "
            "first weeks that have none.",
            "`weekly_net_sentiment(on_accounts)` gives the second series. On a table, "
            "`.rolling(4).mean()` averages each column over 4 weeks, and `.dropna()` drops "
            "the rows with a missing value.",
            "weekly = pd.DataFrame(\n"
            "    {\n"
            '        "everywhere": weekly_net_sentiment(tourbillon_talk),\n'
            '        "own_accounts": weekly_net_sentiment(on_accounts),\n'
            "    }\n"
            ")\n"
            "# net_average: the 4-week average of weekly, without missing values",
        ),
        solution=(
            "weekly = pd.DataFrame(\n"
            "    {\n"
            '        "everywhere": weekly_net_sentiment(tourbillon_talk),\n'
            '        "own_accounts": weekly_net_sentiment(on_accounts),\n'
            "    }\n"
            ")\n"
            "net_average = weekly.rolling(4).mean().dropna()\n"
        ),
        reveals=(
            "The 4-week moving average of the Tourbillon's net sentiment, everywhere and on the "
            "brand's own accounts: {value} Read the plot: does each line leave its usual level, "
            "and does it cross the dashed line at zero? If so, when?"
        ),
        wrong_answers=(
            WrongAnswer(
                "not smoothed",
                _weekly_pair,
                feedback=(
                    "Those are the weekly values themselves. Average each column over 4 weeks "
                    "with `.rolling(4).mean()`, then drop the first rows with `.dropna()`."
                ),
            ),
            WrongAnswer(
                "rolling sum",
                lambda load: _net_average(load, how="sum"),
                feedback=(
                    "You added up 4 weeks instead of averaging them, so your values are about "
                    "four times too large: use `.rolling(4).mean()`."
                ),
            ),
            WrongAnswer(
                "kept the empty weeks",
                lambda load: _net_average(load, dropna=False),
                feedback=(
                    "The first three weeks have no 4-week average (NaN): drop them with "
                    "`.dropna()`."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="2.22",
        title="Which alarm would have rung first, and how many weeks apart?",
        answer_name="weeks_apart",
        tables=("mentions", "sales"),
        setup=SETUP_SIGNALS,
        expected=_weeks_of_warning,
        checker=Number(integer=True),
        hints=(
            "Find two weeks in `signals`: the first in which `talk_everywhere` is below 0, and "
            "the first in which `sales_share` is below 26. Then count the weeks between them.",
            'A Series filtered by its own values, `signals["sales_share"][signals["sales_share"] '
            "< 26]`, keeps the weeks below 26; `.index[0]` is the first of them. One date minus "
            "another gives a duration, whose `.days` you can divide by 7.",
            'sales_alarm = signals[signals["sales_share"] < 26].index[0]\n'
            "# listening_alarm: the same with talk_everywhere below 0\n"
            "# weeks_apart = (sales_alarm - listening_alarm).days / 7",
        ),
        solution=(
            'listening_alarm = signals[signals["talk_everywhere"] < 0].index[0]\n'
            'sales_alarm = signals[signals["sales_share"] < 26].index[0]\n'
            "weeks_apart = (sales_alarm - listening_alarm).days / 7\n"
        ),
        reveals=(
            "{value} weeks from the listening alarm to the sales alarm (positive when the "
            "listening alarm rang first). Which alarm rang first, and how far apart were they? "
            "Compare with your prediction in 2.17."
        ),
        wrong_answers=(
            days_for_weeks(
                _weeks_of_warning,
                feedback=(
                    "That is a number of days. The answer counts weeks: divide the `.days` by 7."
                ),
            ),
            subtracted_the_wrong_way(
                _weeks_of_warning,
                feedback=(
                    "Your sign is reversed: count from the listening alarm to the sales alarm, "
                    "the sales alarm's week minus the listening alarm's, so that a positive "
                    "number means the listening alarm rang first."
                ),
            ),
        ),
    )
)

register(
    Exercise(
        id="2.23",
        extension=True,
        title="And a team that watched only the brand's own accounts?",
        answer_name="weeks_apart_own",
        tables=("mentions", "sales"),
        setup=SETUP_SIGNALS,
        expected=lambda load: _weeks_of_warning(load, "talk_own_accounts"),
        checker=Number(integer=True),
        hints=(
            "The same count as 2.22, with the alarm taken from `talk_own_accounts` instead of "
            "`talk_everywhere`.",
            'Change one column name in your code of 2.22: `signals["talk_own_accounts"] < 0` '
            "marks the weeks when the tone on the brand's own accounts was below zero.",
            'own_alarm = signals[signals["talk_own_accounts"] < 0].index[0]\n'
            "# the sales alarm is the same as in 2.22; count the weeks between the two",
        ),
        solution=(
            'own_alarm = signals[signals["talk_own_accounts"] < 0].index[0]\n'
            'sales_alarm = signals[signals["sales_share"] < 26].index[0]\n'
            "weeks_apart_own = (sales_alarm - own_alarm).days / 7\n"
        ),
        reveals=(
            "{value} weeks from the listening alarm to the sales alarm, listening only on the "
            "brand's own accounts. Compare with 2.22: what does watching only your own pages "
            "change?"
        ),
        wrong_answers=(
            WrongAnswer(
                "listened everywhere",
                _weeks_of_warning,
                feedback=(
                    "That is the count for a team that listens everywhere, the answer of "
                    '2.22. Here the alarm comes from `signals["talk_own_accounts"]`.'
                ),
            ),
            days_for_weeks(
                lambda load: _weeks_of_warning(load, "talk_own_accounts"),
                feedback=(
                    "That is a number of days. The answer counts weeks: divide the `.days` by 7."
                ),
            ),
        ),
    )
)

_interpret(
    "2.24",
    "What do you read in the two signals?",
    "my_reading_signals",
    "In La Mijotière's data, the Tourbillon sold as much in the second half of 2025 as in the "
    "first, so a sales report said all was well; meanwhile what people wrote about it turned "
    "from praise to complaints from the summer on, and its share of sales fell only in early "
    "2026. Listening everywhere, an alarm on the tone would have rung about half a year before "
    "the sales alarm; watching only the brand's own accounts, it would have rung weeks later, "
    "because the slide was milder there than on forums, review sites, blogs and YouTube.",
)

_ADVICE_SALES = Options(
    "2.25",
    {
        "wait": "Wait for the first quarter's sales figures of 2026, then decide on firm ground.",
        "listen_weekly": "Read forums and reviews weekly, with an alert when the tone turns "
        "negative.",
        "agency_monthly": "Have the agency read the Facebook and Instagram comments once every "
        "month.",
        "returns": "Ask the product team to go through the Tourbillon's returns and repairs.",
    },
)

register(
    Exercise(
        id="2.25",
        title="What would you tell the sales director who says all is well?",
        kind=ExerciseKind.DECIDE,
        answer_name="advice_sales",
        tables=(),
        expected=_ADVICE_SALES.picks("listen_weekly"),
        checker=Choice(
            options=_ADVICE_SALES.lettered,
            explanations=_ADVICE_SALES.by_letter(
                {
                    "wait": (
                        "the sales were the later of the two signals: the sales alarm rang after "
                        "the listening alarm (2.22), so waiting for firm sales figures means "
                        "acting once the tone had been below zero for months (2.21)."
                    ),
                    "agency_monthly": (
                        "the brand's own accounts gave the alarm weeks later than listening "
                        "everywhere (2.22, 2.23), and once a month is too slow for a signal that "
                        "moves week by week."
                    ),
                    "returns": (
                        "returns and repairs are worth a look, but they count only the owners who "
                        "send the blender back, and they set up no habit that would catch the next "
                        "slide; what people wrote had turned before the sales did (2.21, 2.22)."
                    ),
                }
            ),
        ),
        hints=(
            "Line up what you found: the sales in 2025 (2.18, 2.19), the tone (2.20, 2.21), "
            "and the two alarms (2.22, 2.23).",
            "Which option would have seen the slide earliest, and where did the slide show most?",
            "The right option listens where the slide was strongest, often enough to catch a "
            "change within weeks, with a rule that says when to act.",
        ),
        solution=_ADVICE_SALES.solution("advice_sales", "listen_weekly"),
        reveals=(
            "That is listening as a habit, not a project: a few places, every week, and a "
            "threshold agreed in advance so that a slide turns into an action."
        ),
        discussion=(
            "The answer is to read forums and reviews weekly, with an alert on the tone. The "
            "sales director is right about 2025: the Tourbillon sold as "
            "much in the second half as in the first (2.18), and its share of units held until "
            "the new year (2.19). But what people wrote had turned months earlier (2.20, 2.21): "
            "an alert on the 4-week tone would have rung about half a year before the sales "
            "alarm (2.22), which rules out waiting for firmer sales figures. The slide was "
            "strongest where the brand does not speak: watching only its own accounts, the "
            "alarm would have rung later (2.23), so the agency's monthly look at two "
            "accounts would have missed much of the warning. The returns and repairs are "
            "worth reading, but they count only the owners who send a blender back, and they "
            "build no habit for the next time. In two sentences for the director: our sales were "
            "flat, but what customers wrote about the Tourbillon on forums and review sites had "
            "been sliding since the summer; let us read those places every week and agree now "
            "on the threshold at which the product and sales teams meet. " + SIMULATED
        ),
        wrong_answers=(
            WrongAnswer("wait for sales", _ADVICE_SALES.picks("wait")),
            WrongAnswer("own accounts monthly", _ADVICE_SALES.picks("agency_monthly")),
            WrongAnswer("returns and repairs", _ADVICE_SALES.picks("returns")),
            number_for_letter(_ADVICE_SALES.letter("listen_weekly")),
        ),
    )
)
