"""The nine stories of the course hold on every seed, with believable effect sizes.

Each ``measure_*`` function computes a story's numbers with the plain pandas
a learner would write; each test checks the direction, the size the
exercises rely on, and an upper bound that keeps the story believable.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pytest

Tables = dict[str, pd.DataFrame]
SEEDS = [2026, 1, 7, 42, 123, 999]
OWN = ["facebook", "twitter", "instagram"]
NO_VOICE = ["forum", "blog", "review_site", "youtube"]
WEEKLY_OR_MORE = ["weekly", "daily"]


def month_of(dates: pd.Series) -> pd.Series:
    """Month of the history: 1 for January 2025 to 18 for June 2026."""
    return (dates.dt.year - 2025) * 12 + dates.dt.month


def net_sentiment(mentions: pd.DataFrame) -> float:
    """(positive - negative) / all mentions, in points."""
    positive = (mentions["sentiment"] == "positive").mean()
    negative = (mentions["sentiment"] == "negative").mean()
    return (positive - negative) * 100


def weekly_use_share(survey: pd.DataFrame) -> pd.Series:
    """Percentage of people using each platform weekly or daily."""
    weekly = survey["frequency"].isin(WEEKLY_OR_MORE)
    return weekly.groupby(survey["platform"], observed=True).mean() * 100


def measure_story_1(tables: Tables) -> dict[str, float]:
    mentions = tables["mentions"]
    no_voice = mentions[mentions["channel"].isin(NO_VOICE)]
    own = mentions[mentions["channel"].isin(OWN)]
    answered = mentions[mentions["brand_answered"]]
    return {
        "no_voice_share": len(no_voice) / len(mentions) * 100,
        "net_gap": net_sentiment(own) - net_sentiment(no_voice),
        "answers_on_own": answered["channel"].isin(OWN).mean() * 100,
    }


def measure_story_2(tables: Tables) -> dict[str, float]:
    support = tables["support"]
    by_answer = support.groupby("answer_type", observed=True)
    satisfaction = by_answer["satisfaction"].mean()
    bought_again = by_answer["bought_again"].mean() * 100
    by_handler = support.groupby("handled_by", observed=True)
    response = by_handler["first_response_min"].median()
    resolved = by_handler["resolved"].mean() * 100
    return {
        "satisfaction_gap": satisfaction["public_resolution"] - satisfaction["redirect_form"],
        "bought_again_gap": bought_again["public_resolution"] - bought_again["redirect_form"],
        "speed_ratio": response["in_house"] / response["agency"],
        "resolution_gap": resolved["in_house"] - resolved["agency"],
    }


RESPONSE_BANDS = [0, 15, 60, 240, float("inf")]
"""First-response bands in minutes: within 15 minutes, within the hour, within 4 hours, later."""


def measure_story_2_harm(tables: Tables) -> dict[str, float]:
    """A poor reply does more harm than none: web form versus no answer at all."""
    support = tables["support"]
    by_answer = support.groupby("answer_type", observed=True)
    satisfaction = by_answer["satisfaction"].mean()
    bought_again = by_answer["bought_again"].mean() * 100
    return {
        "satisfaction_none_minus_form": satisfaction["none"] - satisfaction["redirect_form"],
        "bought_again_none_minus_form": bought_again["none"] - bought_again["redirect_form"],
    }


def measure_story_2_resolution(tables: Tables) -> dict[str, object]:
    """Resolution, not visibility: the resolved score higher whatever the kind of answer."""
    support = tables["support"]
    by_both = support.groupby(["answer_type", "resolved"], observed=True)["satisfaction"].mean()
    gaps = by_both.unstack("resolved")
    return {
        "smallest_resolution_gap": (gaps[True] - gaps[False]).min(),
        "best_answer": support.groupby("answer_type", observed=True)["satisfaction"]
        .mean()
        .idxmax(),
    }


def measure_story_2_speed(tables: Tables) -> list[float]:
    """Mean satisfaction of resolved conversations, fastest first-response band first."""
    resolved = tables["support"][lambda frame: frame["resolved"]]
    band = pd.cut(resolved["first_response_min"], RESPONSE_BANDS)
    return resolved.groupby(band, observed=True)["satisfaction"].mean().tolist()


def measure_story_2_teams(tables: Tables) -> pd.DataFrame:
    """Per team: median first response, share answered within the hour, resolved, web forms."""
    support = tables["support"]
    answered = support.dropna(subset=["first_response_min"])
    within_hour = (answered["first_response_min"] <= 60).groupby(
        answered["handled_by"], observed=True
    )
    by_team = support.groupby("handled_by", observed=True)
    return pd.DataFrame(
        {
            "median_response": by_team["first_response_min"].median(),
            "within_hour": within_hour.mean() * 100,
            "resolved": by_team["resolved"].mean() * 100,
            "web_form": (support["answer_type"] == "redirect_form")
            .groupby(support["handled_by"], observed=True)
            .mean()
            * 100,
        }
    )


def measure_story_2_contacted_again(tables: Tables) -> dict[str, float]:
    """Share of customers who had to write again, by kind of answer and by resolution."""
    support = tables["support"]
    by_answer = support.groupby("answer_type", observed=True)["contacted_again"].mean() * 100
    by_resolution = support.groupby("resolved")["contacted_again"].mean() * 100
    return {
        "form_minus_public": by_answer["redirect_form"] - by_answer["public_resolution"],
        "unresolved_minus_resolved": by_resolution[False] - by_resolution[True],
        "public": by_answer["public_resolution"],
    }


def measure_story_3(tables: Tables) -> dict[str, float]:
    mentions = tables["mentions"]
    negative = mentions[mentions["sentiment"] == "negative"]
    growth = negative["reach_7d"] / negative["reach_first_day"]
    answered = growth[negative["brand_answered"]].median()
    unanswered = growth[~negative["brand_answered"]].median()
    return {"answered": answered, "unanswered": unanswered, "ratio": unanswered / answered}


def measure_story_4(tables: Tables) -> dict[str, object]:
    customers = weekly_use_share(tables["audience"])
    staff = weekly_use_share(tables["staff"])
    difference = (staff - customers).abs()
    return {
        "customer_top": customers.idxmax(),
        "staff_top": staff.idxmax(),
        "platforms_20_apart": int((difference >= 20).sum()),
        "largest_difference": difference.max(),
    }


def measure_story_4_training(tables: Tables) -> dict[str, float]:
    """Who was trained for social media at work, and how sure of themselves they feel."""
    people = tables["staff"].drop_duplicates("employee_id")
    trained = people.groupby("department", observed=True)["trained"].mean() * 100
    confidence = people.groupby("trained")["confidence"].mean()
    by_attitude = people.groupby("attitude", observed=True)["confidence"].mean()
    return {
        "trained_pct": people["trained"].mean() * 100,
        "marketing_minus_service": trained["marketing"] - trained["customer_service"],
        "confidence_gap": confidence[True] - confidence[False],
        "sure_without_a_plan": by_attitude["so_far_so_good"] - by_attitude["delegate"],
    }


def measure_story_5(tables: Tables) -> dict[str, float]:
    mentions = tables["mentions"]
    month = month_of(mentions["published_at"])
    tourbillon = mentions["product_line"] == "Tourbillon"
    early = net_sentiment(mentions[tourbillon & (month <= 6)])
    later = net_sentiment(mentions[tourbillon & month.between(7, 12)])
    others_early = net_sentiment(mentions[~tourbillon & (month <= 6)])
    others_later = net_sentiment(mentions[~tourbillon & month.between(7, 12)])

    sales = tables["sales"].assign(month=lambda frame: month_of(frame["week"]))
    change = {}
    for line, weeks in sales.groupby("product_line", observed=True):
        base = weeks.loc[weeks["month"] <= 6, "units"].mean()
        change[line] = (
            (weeks.loc[weeks["month"].between(7, 12), "units"].mean() / base - 1) * 100,
            (weeks.loc[weeks["month"] >= 14, "units"].mean() / base - 1) * 100,
        )
    others = [value for line, pair in change.items() if line != "Tourbillon" for value in pair]
    return {
        "sentiment_drop": early - later,
        "others_sentiment_change": abs(others_early - others_later),
        "sales_change_7_12": change["Tourbillon"][0],
        "sales_change_14_18": change["Tourbillon"][1],
        "others_largest_sales_change": max(abs(value) for value in others),
    }


def first_week_below(signal: pd.Series, limit: float) -> pd.Timestamp:
    """The first week in which a 4-week average is below ``limit``."""
    return signal[signal < limit].index[0]


def measure_story_5_alarms(tables: Tables) -> dict[str, float]:
    """Weeks from a listening alarm (tone below zero) to the sales alarm (share below 26%)."""
    mentions = tables["mentions"].assign(
        week=lambda frame: frame["published_at"].dt.to_period("W").dt.start_time
    )
    talk = mentions[mentions["product_line"] == "Tourbillon"]
    sales = tables["sales"]
    tourbillon = sales[sales["product_line"] == "Tourbillon"].groupby("week")["units"].sum()
    share = tourbillon / sales.groupby("week")["units"].sum() * 100

    def weekly_net(frame: pd.DataFrame) -> pd.Series:
        counts = pd.crosstab(frame["week"], frame["sentiment"])
        return (counts["positive"] - counts["negative"]) / counts.sum(axis=1) * 100

    signals = (
        pd.DataFrame(
            {
                "sales": share,
                "everywhere": weekly_net(talk),
                "own": weekly_net(talk[talk["channel"].isin(OWN)]),
            }
        )
        .rolling(4)
        .mean()
    )
    sales_alarm = first_week_below(signals["sales"], 26)
    everywhere = first_week_below(signals["everywhere"], 0)
    own = first_week_below(signals["own"], 0)
    return {
        "warning_everywhere": (sales_alarm - everywhere).days / 7,
        "warning_own": (sales_alarm - own).days / 7,
        "everywhere_month": everywhere.month + 12 * (everywhere.year - 2025),
        "sales_month": sales_alarm.month + 12 * (sales_alarm.year - 2025),
    }


def measure_story_6(tables: Tables) -> dict[str, float]:
    page = tables["page_daily"]
    posts = page.groupby("platform", observed=True)["posts"].sum()
    audience = tables["audience"]
    students = weekly_use_share(audience[audience["segment"] == "students"])
    return {
        "facebook_post_share": posts["facebook"] / posts.sum() * 100,
        "students_facebook": students["facebook"],
        "students_elsewhere_min": students[["instagram", "tiktok", "youtube"]].min(),
    }


def measure_story_7(tables: Tables) -> dict[str, float]:
    page = tables["page_daily"]
    facebook = page[page["platform"] == "facebook"].set_index("date")["followers"]
    jump = facebook["2025-09-30"] / facebook["2025-08-31"] - 1
    contest_months = month_of(page.loc[page["contest"], "date"]).unique()

    sales = tables["sales"].assign(month=lambda frame: month_of(frame["week"]))

    def repeat_rate(weeks: pd.DataFrame) -> float:
        repeat = weeks["repeat_customers"].sum()
        return repeat / (repeat + weeks["new_customers"].sum()) * 100

    before = repeat_rate(sales[sales["month"].between(6, 8)])
    after = repeat_rate(sales[sales["month"].between(10, 12)])

    support = tables["support"]
    by_resolution = support.groupby("resolved")["bought_again"].mean() * 100
    by_score = support.groupby("satisfaction")["bought_again"].mean() * 100
    return {
        "follower_jump": jump * 100,
        "contest_months": list(contest_months),
        "repeat_rate_change": after - before,
        "resolved_gap": by_resolution[True] - by_resolution[False],
        "bought_again_rises_with_satisfaction": by_score.is_monotonic_increasing,
        "score_5_vs_1": by_score[5] - by_score[1],
    }


def overlapping_campaigns(campaigns: pd.DataFrame) -> pd.DataFrame:
    """Campaigns of another department on the same platform, same objective, same dates."""
    pairs = campaigns.merge(campaigns, on=["platform", "objective"], suffixes=("", "_other"))
    overlap = (
        (pairs["department"] != pairs["department_other"])
        & (pairs["start"] <= pairs["end_other"])
        & (pairs["start_other"] <= pairs["end"])
    )
    ids = pairs.loc[overlap, "campaign_id"].unique()
    return campaigns[campaigns["campaign_id"].isin(ids)]


def measure_story_8(tables: Tables) -> dict[str, float]:
    campaigns = tables["campaigns"]
    overlapping = overlapping_campaigns(campaigns)
    return {
        "without_goal": (campaigns["company_goal"] == "none").mean() * 100,
        "not_shared": (~campaigns["shared_with_other_departments"]).mean() * 100,
        "overlapping": len(overlapping),
        "overlap_budget_share": overlapping["budget_eur"].sum()
        / campaigns["budget_eur"].sum()
        * 100,
    }


def measure_story_9(tables: Tables) -> dict[str, float]:
    competitors = tables["competitors"].assign(month=lambda frame: month_of(frame["month"]))
    on_tiktok = competitors[(competitors["platform"] == "tiktok") & competitors["present"]]
    first_month = on_tiktok.groupby("company", observed=True)["month"].min()

    def share_of_voice(months: pd.DataFrame) -> float:
        by_company = months.groupby("company", observed=True)["mentions"].sum()
        return by_company["La Mijotière"] / by_company.sum() * 100

    before = share_of_voice(competitors[competitors["month"].between(4, 9)])
    after = share_of_voice(competitors[competitors["month"].between(10, 15)])
    brand_tiktok = on_tiktok[on_tiktok["company"] == "La Mijotière"]
    return {
        "ustensia_joins": first_month["Ustensia"],
        "brand_joins": first_month["La Mijotière"],
        "brand_tiktok_posts": brand_tiktok["posts"].sum(),
        "share_of_voice_gain": after - before,
    }


@pytest.mark.parametrize("seed", SEEDS)
def test_story_1_conversation_happens_where_the_brand_is_silent(
    tables_for: Callable[[int], Tables], seed: int
) -> None:
    story = measure_story_1(tables_for(seed))
    assert 55 <= story["no_voice_share"] <= 80
    assert 20 <= story["net_gap"] <= 60
    assert story["answers_on_own"] >= 90


@pytest.mark.parametrize("seed", SEEDS)
def test_story_2_web_forms_and_the_fast_agency_serve_customers_worse(
    tables_for: Callable[[int], Tables], seed: int
) -> None:
    story = measure_story_2(tables_for(seed))
    assert 0.5 <= story["satisfaction_gap"] <= 2.3
    assert 10 <= story["bought_again_gap"] <= 45
    assert 2 <= story["speed_ratio"] <= 15
    assert 10 <= story["resolution_gap"] <= 35


@pytest.mark.parametrize("seed", SEEDS)
def test_story_2_a_web_form_does_more_harm_than_no_answer(
    tables_for: Callable[[int], Tables], seed: int
) -> None:
    story = measure_story_2_harm(tables_for(seed))
    assert 0.1 <= story["satisfaction_none_minus_form"] <= 1
    assert 2 <= story["bought_again_none_minus_form"] <= 25


@pytest.mark.parametrize("seed", SEEDS)
def test_story_2_resolution_not_visibility_drives_satisfaction(
    tables_for: Callable[[int], Tables], seed: int
) -> None:
    story = measure_story_2_resolution(tables_for(seed))
    assert 1 <= story["smallest_resolution_gap"] <= 3
    assert story["best_answer"] == "public_resolution"


@pytest.mark.parametrize("seed", SEEDS)
def test_story_2_a_faster_answer_satisfies_more_once_resolved(
    tables_for: Callable[[int], Tables], seed: int
) -> None:
    within_15, within_60, within_240, later = measure_story_2_speed(tables_for(seed))
    assert within_15 > within_60 > within_240 > later
    assert 0.6 <= within_15 - later <= 2.5


@pytest.mark.parametrize("seed", SEEDS)
def test_story_2_the_in_house_team_answers_within_the_hour_and_resolves_more(
    tables_for: Callable[[int], Tables], seed: int
) -> None:
    teams = measure_story_2_teams(tables_for(seed))
    agency, in_house = teams.loc["agency"], teams.loc["in_house"]
    assert 55 < in_house["within_hour"] < 80
    assert 8 <= agency["median_response"] <= 18 < in_house["median_response"]
    assert 40 <= agency["resolved"] <= 60
    assert in_house["resolved"] >= 65
    assert agency["web_form"] >= in_house["web_form"] + 25


@pytest.mark.parametrize("seed", SEEDS)
def test_story_2_web_forms_and_unsolved_problems_bring_customers_back_to_the_inbox(
    tables_for: Callable[[int], Tables], seed: int
) -> None:
    story = measure_story_2_contacted_again(tables_for(seed))
    assert 25 <= story["form_minus_public"] <= 60
    assert 25 <= story["unresolved_minus_resolved"] <= 60
    assert story["public"] <= 15


@pytest.mark.parametrize("seed", SEEDS)
def test_story_3_unanswered_negative_mentions_keep_spreading(
    tables_for: Callable[[int], Tables], seed: int
) -> None:
    story = measure_story_3(tables_for(seed))
    assert 1.0 <= story["answered"] <= 1.3
    assert 2 <= story["ratio"] <= 5


@pytest.mark.parametrize("seed", SEEDS)
def test_story_4_staff_habits_differ_from_customers(
    tables_for: Callable[[int], Tables], seed: int
) -> None:
    story = measure_story_4(tables_for(seed))
    assert story["staff_top"] in ("facebook", "linkedin")
    assert story["customer_top"] in ("instagram", "youtube")
    assert story["platforms_20_apart"] >= 2
    assert story["largest_difference"] <= 70


@pytest.mark.parametrize("seed", SEEDS)
def test_story_4_the_front_line_is_least_trained_and_the_trained_feel_surer(
    tables_for: Callable[[int], Tables], seed: int
) -> None:
    story = measure_story_4_training(tables_for(seed))
    assert 10 <= story["trained_pct"] <= 35
    assert story["marketing_minus_service"] >= 15
    assert 0.4 <= story["confidence_gap"] <= 1.5
    assert story["sure_without_a_plan"] >= 0.8


@pytest.mark.parametrize("seed", SEEDS)
def test_story_5_tourbillon_sentiment_slides_before_its_sales(
    tables_for: Callable[[int], Tables], seed: int
) -> None:
    story = measure_story_5(tables_for(seed))
    assert 25 <= story["sentiment_drop"] <= 60
    assert story["others_sentiment_change"] <= 10
    assert abs(story["sales_change_7_12"]) <= 5
    assert -40 <= story["sales_change_14_18"] <= -15
    assert story["others_largest_sales_change"] <= 8


@pytest.mark.parametrize("seed", SEEDS)
def test_story_5_a_listening_alarm_rings_months_before_the_sales_alarm(
    tables_for: Callable[[int], Tables], seed: int
) -> None:
    story = measure_story_5_alarms(tables_for(seed))
    assert 7 <= story["everywhere_month"] <= 9
    assert 13 <= story["sales_month"] <= 15
    assert 18 <= story["warning_everywhere"] <= 40
    assert 6 <= story["warning_own"] <= story["warning_everywhere"] - 6


@pytest.mark.parametrize("seed", SEEDS)
def test_story_6_everything_goes_to_facebook_while_students_are_elsewhere(
    tables_for: Callable[[int], Tables], seed: int
) -> None:
    story = measure_story_6(tables_for(seed))
    assert 70 <= story["facebook_post_share"] <= 95
    assert story["students_facebook"] < 35
    assert story["students_elsewhere_min"] >= story["students_facebook"] + 30


@pytest.mark.parametrize("seed", SEEDS)
def test_story_7_contest_brings_followers_service_brings_customers_back(
    tables_for: Callable[[int], Tables], seed: int
) -> None:
    story = measure_story_7(tables_for(seed))
    assert 25 <= story["follower_jump"] <= 80
    assert story["contest_months"] == [9]
    assert abs(story["repeat_rate_change"]) <= 1.5
    assert 15 <= story["resolved_gap"] <= 45
    assert story["bought_again_rises_with_satisfaction"]
    assert 30 <= story["score_5_vs_1"] <= 80


@pytest.mark.parametrize("seed", SEEDS)
def test_story_8_campaigns_serve_no_goal_stay_siloed_and_overlap(
    tables_for: Callable[[int], Tables], seed: int
) -> None:
    story = measure_story_8(tables_for(seed))
    assert 60 <= story["without_goal"] <= 90
    assert 65 <= story["not_shared"] <= 90
    assert story["overlapping"] >= 2
    assert 15 <= story["overlap_budget_share"] <= 70


@pytest.mark.parametrize("seed", SEEDS)
def test_story_9_joining_tiktok_after_ustensia_wins_no_share_of_voice(
    tables_for: Callable[[int], Tables], seed: int
) -> None:
    story = measure_story_9(tables_for(seed))
    assert story["ustensia_joins"] == 3
    assert story["brand_joins"] == 10
    assert story["brand_tiktok_posts"] >= 30
    assert -5 < story["share_of_voice_gain"] < 2
