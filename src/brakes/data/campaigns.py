"""The ``campaigns`` table: social-media initiatives each department ran on its own.

Carries story 8: most initiatives serve no company goal and are not shared,
and some duplicate another department's (same platform, objective and dates).
The September contest of story 7 and the TikTok launch of story 9 are here
too, as the departments reported them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from brakes.data import brand, stories
from brakes.data.page_daily import account_days
from brakes.data.sampling import draw, ids, weight_table

# Background: who runs what, where, for how long and for how much.
DEPARTMENT_COUNT = {
    "marketing": 28,
    "customer_service": 10,
    "hr": 10,
    "sales": 16,
    "communication": 16,
}
OBJECTIVE_BY_DEPARTMENT = {
    "marketing": {
        "awareness": 0.30,
        "engagement": 0.35,
        "leads": 0.10,
        "recruitment": 0.0,
        "support": 0.0,
        "sales": 0.25,
    },
    "customer_service": {
        "awareness": 0.0,
        "engagement": 0.35,
        "leads": 0.0,
        "recruitment": 0.0,
        "support": 0.65,
        "sales": 0.0,
    },
    "hr": {
        "awareness": 0.35,
        "engagement": 0.10,
        "leads": 0.0,
        "recruitment": 0.55,
        "support": 0.0,
        "sales": 0.0,
    },
    "sales": {
        "awareness": 0.0,
        "engagement": 0.10,
        "leads": 0.45,
        "recruitment": 0.0,
        "support": 0.0,
        "sales": 0.45,
    },
    "communication": {
        "awareness": 0.55,
        "engagement": 0.35,
        "leads": 0.0,
        "recruitment": 0.10,
        "support": 0.0,
        "sales": 0.0,
    },
}
PLATFORM_BY_DEPARTMENT = {
    "marketing": {"facebook": 0.50, "twitter": 0.10, "instagram": 0.28, "tiktok": 0.12},
    "customer_service": {"facebook": 0.60, "twitter": 0.30, "instagram": 0.10, "tiktok": 0.0},
    "hr": {"facebook": 0.65, "twitter": 0.10, "instagram": 0.20, "tiktok": 0.05},
    "sales": {"facebook": 0.65, "twitter": 0.10, "instagram": 0.20, "tiktok": 0.05},
    "communication": {"facebook": 0.50, "twitter": 0.20, "instagram": 0.20, "tiktok": 0.10},
}
DURATION_DAYS = (7, 29)
BUDGET_MEDIAN_EUR = 2_500
BUDGET_SPREAD = 0.75
BUDGET_RANGE_EUR = (300, 40_000)
BUDGET_BY_OBJECTIVE = {
    "awareness": 1.2,
    "engagement": 1.0,
    "leads": 1.0,
    "recruitment": 0.8,
    "support": 0.5,
    "sales": 1.5,
}
LINKED_GOALS = tuple(goal for goal in brand.COMPANY_GOALS if goal != "none")
"""The company goals a campaign can serve (whether it serves one at all is drawn first)."""
GOAL_BY_OBJECTIVE = {
    "awareness": {
        "grow_eshop_sales": 0.4,
        "improve_customer_satisfaction": 0.0,
        "become_employer_of_choice": 0.2,
        "launch_mijote_abroad": 0.4,
    },
    "engagement": {
        "grow_eshop_sales": 0.5,
        "improve_customer_satisfaction": 0.3,
        "become_employer_of_choice": 0.0,
        "launch_mijote_abroad": 0.2,
    },
    "leads": {
        "grow_eshop_sales": 1.0,
        "improve_customer_satisfaction": 0.0,
        "become_employer_of_choice": 0.0,
        "launch_mijote_abroad": 0.0,
    },
    "recruitment": {
        "grow_eshop_sales": 0.0,
        "improve_customer_satisfaction": 0.0,
        "become_employer_of_choice": 1.0,
        "launch_mijote_abroad": 0.0,
    },
    "support": {
        "grow_eshop_sales": 0.0,
        "improve_customer_satisfaction": 1.0,
        "become_employer_of_choice": 0.0,
        "launch_mijote_abroad": 0.0,
    },
    "sales": {
        "grow_eshop_sales": 0.8,
        "improve_customer_satisfaction": 0.0,
        "become_employer_of_choice": 0.0,
        "launch_mijote_abroad": 0.2,
    },
}
SHARING_WEIGHT_IF_GOAL = 3.0
"""A campaign tied to a company goal is three times as likely to be shared."""
RESULT_PER_EURO = {
    "impressions": 35.0,
    "likes": 0.9,
    "followers": 0.12,
    "leads": 1 / 35,
    "applications": 1 / 120,
    "orders": 1 / 55,
}
MESSAGES_PER_DAY = 10.0
THEMES = {
    "awareness": ("Made in Lyon", "Les coulisses de l'atelier", "La Mijotière en cuisine"),
    "engagement": ("Défi {line}", "Recette de la semaine", "Vos plus belles tablées"),
    "leads": ("Newsletter gourmande", "Offre découverte {line}", "Guide des recettes {line}"),
    "recruitment": ("On recrute à Lyon", "Rejoignez l'atelier", "Stages d'été"),
    "support": ("SAV en direct", "Les questions du mardi", "Tutos {line}"),
    "sales": ("Offre spéciale {line}", "Vente flash {line}", "Prix doux {line}"),
}
MONTH_NAMES = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def generate_campaigns(rng: np.random.Generator, page_daily: pd.DataFrame) -> pd.DataFrame:
    """Draw the departments' campaigns, plant the overlaps, then link, share, budget and score."""
    reported = _reported_campaigns(rng, page_daily)
    pairs = _overlapping_pairs(rng)
    left = dict(DEPARTMENT_COUNT)
    for department in pd.concat([reported["department"], pairs["department"]]):
        left[department] -= 1
    frame = pd.concat([reported, pairs, _everyday_campaigns(rng, left)], ignore_index=True)
    frame = frame.sort_values("start", kind="stable", ignore_index=True)

    is_reported = frame["reported"].to_numpy(dtype=bool)
    goal = _goals(rng, frame["objective"], is_reported)
    drawn = _budgets(rng, frame["objective"], frame["duplicate"].to_numpy(dtype=bool))
    budget = np.where(is_reported, frame["budget_eur"], drawn)
    days = (frame["end"] - frame["start"]).dt.days.to_numpy() + 1
    metric, value = _results(rng, frame["objective"], days, budget)
    return pd.DataFrame(
        {
            "campaign_id": ids("CA", len(frame)),
            "name": np.where(is_reported, frame["name"], _names(rng, frame)),
            "department": frame["department"],
            "platform": frame["platform"],
            "start": frame["start"],
            "end": frame["end"],
            "objective": frame["objective"],
            "company_goal": goal,
            "budget_eur": budget.astype(np.int64),
            "result_metric": np.where(is_reported, frame["result_metric"], metric),
            "result_value": np.where(is_reported, frame["result_value"], value).astype(np.int64),
            "shared_with_other_departments": _sharing(rng, goal),
        }
    )


def _reported_campaigns(rng: np.random.Generator, page_daily: pd.DataFrame) -> pd.DataFrame:
    """The contest (story 7) and the TikTok launch (story 9), with the follower gains reported."""
    followers = page_daily.pivot(index="date", columns="platform", values="followers")
    contest_gain = (
        followers.loc[stories.CONTEST_END, stories.CONTEST_PLATFORM]
        - followers.loc[stories.CONTEST_START - pd.Timedelta(days=1), stories.CONTEST_PLATFORM]
    )
    launch_start = account_days("tiktok")[0]
    launch_end = launch_start + pd.offsets.MonthEnd(0)
    budgets = np.round(rng.uniform(5_000, 9_000, 2), -2)
    return pd.DataFrame(
        {
            "name": ["Grand jeu concours Tourbillon", "Lancement TikTok"],
            "department": ["marketing", "communication"],
            "platform": [stories.CONTEST_PLATFORM, "tiktok"],
            "start": [stories.CONTEST_START, launch_start],
            "end": [stories.CONTEST_END, launch_end],
            "objective": ["engagement", "awareness"],
            "budget_eur": budgets,
            "result_metric": ["followers", "followers"],
            "result_value": [contest_gain, followers.loc[launch_end, "tiktok"]],
            "reported": True,
            "duplicate": False,
        }
    )


def _overlapping_pairs(rng: np.random.Generator) -> pd.DataFrame:
    """Story 8's duplicates: two departments, same platform and objective, overlapping dates."""
    rows = []
    for first, second, platform, objective in stories.PLANTED_OVERLAPS:
        days = account_days(platform)
        span = int(rng.integers(*DURATION_DAYS))
        start = days[rng.integers(0, len(days) - 2 * DURATION_DAYS[1])]
        other_start = start + pd.Timedelta(days=int(rng.integers(0, int(span * 0.6))))
        other_span = int(rng.integers(*DURATION_DAYS))
        for department, begin, length in ((first, start, span), (second, other_start, other_span)):
            rows.append(
                {
                    "department": department,
                    "platform": platform,
                    "start": begin,
                    "end": begin + pd.Timedelta(days=length - 1),
                    "objective": objective,
                    "reported": False,
                    "duplicate": True,
                }
            )
    return pd.DataFrame(rows)


def _everyday_campaigns(rng: np.random.Generator, count: dict[str, int]) -> pd.DataFrame:
    """The rest: each department's usual initiatives, drawn independently."""
    department = np.repeat(np.arange(len(brand.DEPARTMENTS)), [count[d] for d in brand.DEPARTMENTS])
    n = len(department)
    objective = draw(
        rng,
        weight_table(OBJECTIVE_BY_DEPARTMENT, brand.DEPARTMENTS, brand.OBJECTIVES),
        department,
        categories=brand.OBJECTIVES,
    )
    platform = draw(
        rng,
        weight_table(PLATFORM_BY_DEPARTMENT, brand.DEPARTMENTS, brand.CAMPAIGN_PLATFORMS),
        department,
        categories=brand.CAMPAIGN_PLATFORMS,
    )
    span = rng.integers(*DURATION_DAYS, n)
    offset = rng.integers(0, len(brand.DAYS) - DURATION_DAYS[0], n)
    start = brand.DAYS[offset]
    # TikTok initiatives only start once the brand has an account there.
    tiktok_days = account_days("tiktok")
    on_tiktok = platform == brand.CAMPAIGN_PLATFORMS.index("tiktok")
    start = start.where(~on_tiktok, tiktok_days[offset % (len(tiktok_days) - DURATION_DAYS[0])])
    end = pd.Series(start + pd.to_timedelta(span - 1, unit="D")).clip(upper=brand.END)
    return pd.DataFrame(
        {
            "department": np.asarray(brand.DEPARTMENTS)[department],
            "platform": np.asarray(brand.CAMPAIGN_PLATFORMS)[platform],
            "start": start,
            "end": end,
            "objective": np.asarray(brand.OBJECTIVES)[objective],
            "reported": False,
            "duplicate": False,
        }
    )


def _goals(rng: np.random.Generator, objective: pd.Series, reported: np.ndarray) -> np.ndarray:
    """Most campaigns serve no company goal; the reported contest and launch serve none."""
    n = len(objective)
    without = round(n * rng.uniform(*stories.SHARE_WITHOUT_GOAL))
    linked = rng.choice(np.flatnonzero(~reported), size=n - without, replace=False)
    goal_probs = weight_table(GOAL_BY_OBJECTIVE, brand.OBJECTIVES, LINKED_GOALS)
    group = objective.map(brand.OBJECTIVES.index).to_numpy()
    drawn = draw(rng, goal_probs, group, categories=LINKED_GOALS)
    goals = np.full(n, "none", dtype=object)
    goals[linked] = np.asarray(LINKED_GOALS)[drawn[linked]]
    return goals


def _sharing(rng: np.random.Generator, goal: np.ndarray) -> np.ndarray:
    """Few campaigns are shared beyond their department, more often those tied to a goal."""
    n = len(goal)
    shared_count = n - round(n * rng.uniform(*stories.SHARE_NOT_SHARED))
    weight = np.where(goal == "none", 1.0, SHARING_WEIGHT_IF_GOAL)
    chosen = rng.choice(n, size=shared_count, replace=False, p=weight / weight.sum())
    shared = np.zeros(n, dtype=bool)
    shared[chosen] = True
    return shared


def _budgets(rng: np.random.Generator, objective: pd.Series, duplicate: np.ndarray) -> np.ndarray:
    """Budgets in euros, rounded to 50: hundreds to tens of thousands."""
    factor = objective.map(BUDGET_BY_OBJECTIVE).to_numpy(dtype=float) * np.where(
        duplicate, stories.OVERLAP_BUDGET_FACTOR, 1.0
    )
    budget = BUDGET_MEDIAN_EUR * factor * rng.lognormal(0.0, BUDGET_SPREAD, len(objective))
    return np.round(np.clip(budget, *BUDGET_RANGE_EUR) / 50) * 50


def _results(
    rng: np.random.Generator, objective: pd.Series, days: np.ndarray, budget: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """What each department measured and reported: a vanity metric as often as not."""
    n = len(objective)
    by_objective = {
        "awareness": "impressions",
        "leads": "leads",
        "recruitment": "applications",
        "support": "messages_answered",
        "sales": "orders",
    }
    engagement = np.where(rng.random(n) < 0.6, "likes", "followers")
    metric = np.array([by_objective.get(o, "") for o in objective], dtype=object)
    metric = np.where(metric == "", engagement, metric)
    per_euro = np.array([RESULT_PER_EURO.get(m, 0.0) for m in metric])
    value = np.where(metric == "messages_answered", days * MESSAGES_PER_DAY, budget * per_euro)
    value = np.maximum(np.round(value * rng.lognormal(0.0, 0.4, n)), 1)
    return metric, value


def _names(rng: np.random.Generator, frame: pd.DataFrame) -> np.ndarray:
    """French campaign names such as « Recette de la semaine – mars 2025 »."""
    names = []
    lines = rng.choice(brand.PRODUCT_LINES, size=len(frame))
    picks = rng.integers(0, 3, len(frame))
    for objective, start, line, pick in zip(
        frame["objective"], frame["start"], lines, picks, strict=True
    ):
        theme = THEMES[objective][pick].format(line=line)
        names.append(f"{theme} – {MONTH_NAMES[start.month - 1]} {start.year}")
    return np.array(names, dtype=object)
