"""The nine stories the data must tell, and every number that makes each one true.

Each exercise of the course leads the learner to one of these stories, and
``tests/data/test_data_stories.py`` proves each holds on many seeds. To make a story
stronger or weaker, change its numbers here: the table generators read them
and contain no story-specific constants of their own.

Sentiment is drawn from a latent "mood" (see ``mentions.py``): a mention's
mood is the sum of the shifts below plus logistic noise, and it is negative
below ``-SENTIMENT_CUT``, positive above ``+SENTIMENT_CUT``. One unit of mood
moves net sentiment by roughly 35 to 40 points.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
import pandas as pd

from brakes.data.brand import BRAND

SENTIMENT_CUT = 0.9
"""Half-width of the neutral band of the latent mood."""


@dataclass(frozen=True)
class World:
    """How far one seed's history strays from the designed one.

    The published seed tells the stories exactly as designed below. Any other
    seed, such as a workshop's, draws its own world within :data:`VOLUME_RANGE`
    and :data:`SPREAD_RANGE`, so that even the numbers that average out over
    thousands of rows (how many mentions there are, a median over all of them)
    differ from the published solutions' while every story still holds.
    """

    volume: float = 1.0
    """Multiplies how many mentions and support conversations there are, and the market's size."""
    spread: float = 1.0
    """Multiplies how much every mention's reach grows over its first week (story 3)."""


DESIGNED = World()
"""The published seed's world: every number in this module as written."""
VOLUME_RANGE = (0.94, 1.06)
SPREAD_RANGE = (0.88, 1.12)

# ---------------------------------------------------------------------------
# Story 1 (control): the conversation happens where the brand does not speak,
# and it is more negative there. Used by mentions.py.
# Forum, blog, review-site and YouTube mentions are about 63% of the total; the
# brand answers only on its own accounts.
# ---------------------------------------------------------------------------
CHANNEL_SHARE = MappingProxyType(
    {
        "facebook": 0.14,
        "twitter": 0.07,
        "instagram": 0.11,
        "tiktok": 0.05,
        "youtube": 0.14,
        "forum": 0.21,
        "blog": 0.09,
        "review_site": 0.19,
    }
)
CHANNEL_MOOD = MappingProxyType(
    {
        "facebook": 0.8,
        "twitter": 0.4,
        "instagram": 0.95,
        "tiktok": 0.65,
        "youtube": 0.3,
        "forum": -0.15,
        "blog": 0.35,
        "review_site": -0.2,
    }
)
ANSWER_RATE = MappingProxyType({"negative": 0.45, "neutral": 0.22, "positive": 0.18})
"""Share of mentions the brand answers on its own accounts, by sentiment; zero elsewhere."""
TIKTOK_ANSWER_FACTOR = 0.5
"""Once on TikTok (story 9), the brand answers there half as often as on its older accounts."""
ANSWER_DELAY_MEDIAN_H = 4.0

# ---------------------------------------------------------------------------
# Story 2 (control): redirecting to a web form satisfies less and brings fewer
# repeat purchases than a public resolution, and even less than no answer at
# all (a poor reply does more harm than none, as Sprout Social's "Call-Out
# Culture" survey found). Resolution, not visibility, drives satisfaction, and
# among resolved cases a faster first answer does better (as the Twitter /
# Applied Marketing Science study found). The agency answers fast but resolves
# less; the in-house team, the model, answers most customers within the hour
# and solves most problems. Used by support.py.
# ---------------------------------------------------------------------------
AGENCY_SHARE_IN_OFFICE_HOURS = 0.3
"""Outside office hours (weekdays 9:00-18:00) the agency handles everything."""
FIRST_RESPONSE_MEDIAN_MIN = MappingProxyType({"agency": 12.0, "in_house": 45.0})
FIRST_RESPONSE_SPREAD = MappingProxyType({"agency": 0.6, "in_house": 1.1})
"""Log-normal spread of the first-response time: the in-house team has slow days too."""
ANSWER_MIX = MappingProxyType(
    {
        "agency": {
            "redirect_form": 0.53,
            "public_resolution": 0.10,
            "private_message": 0.27,
            "none": 0.10,
        },
        "in_house": {
            "redirect_form": 0.14,
            "public_resolution": 0.47,
            "private_message": 0.31,
            "none": 0.08,
        },
    }
)
RESOLVE_RATE = MappingProxyType(
    {"redirect_form": 0.35, "public_resolution": 0.86, "private_message": 0.78, "none": 0.08}
)
SATISFACTION_BASE = 2.3
SATISFACTION_IF_RESOLVED = 1.5
SATISFACTION_BY_ANSWER = MappingProxyType(
    {"redirect_form": -1.2, "public_resolution": 0.2, "private_message": -0.1, "none": -0.2}
)
"""A link to a web form reads as a brush-off: customers resent it more than silence."""
SATISFACTION_PER_LOG_MINUTE = 0.5
"""For a solved problem, points of satisfaction lost each time the first answer takes e times
longer than SATISFACTION_REFERENCE_MIN (and gained each time it is e times faster)."""
SATISFACTION_REFERENCE_MIN = 30.0
"""The first-response time at which speed neither adds nor takes away satisfaction."""
SATISFACTION_NOISE = 0.85
SURVEY_ANSWER_RATE = 0.85
"""Share of customers who answer the satisfaction survey (the rest are missing)."""
CONTACTED_AGAIN_BY_ANSWER = MappingProxyType(
    {"redirect_form": 0.30, "public_resolution": 0.05, "private_message": 0.10, "none": 0.20}
)
CONTACTED_AGAIN_IF_UNRESOLVED = 0.35
"""Chance the customer writes again about the same problem within 30 days = a base by kind of
answer (a web form often leads nowhere) + this when the problem was not solved."""

# ---------------------------------------------------------------------------
# Story 3 (control): unanswered negative mentions keep spreading, answered ones
# stop. Used by mentions.py: reach after 7 days = first-day reach x (1 + growth),
# growth being a median below times a log-normal spread.
# ---------------------------------------------------------------------------
GROWTH_MEDIAN = MappingProxyType({"negative": 1.9, "neutral": 0.25, "positive": 0.35})
"""Median extra reach over the first week, as a share of the first day's reach."""
GROWTH_ANSWERED_BASE = 0.06
GROWTH_ANSWERED_PER_HOUR = 0.012
"""An answered negative mention grows only a little, more the longer the brand took to answer."""
GROWTH_ANSWERED_CAP_H = 24.0
GROWTH_SPREAD = 0.5

# ---------------------------------------------------------------------------
# Story 4 (understanding): employees' own platform habits differ from where
# customers are. Used by audience.py and staff.py: share of people who use each
# platform weekly or daily.
# ---------------------------------------------------------------------------
CUSTOMER_WEEKLY_USE = MappingProxyType(
    {
        "young_families": {
            "facebook": 0.50,
            "instagram": 0.72,
            "youtube": 0.70,
            "tiktok": 0.38,
            "twitter": 0.12,
            "linkedin": 0.18,
            "pinterest": 0.40,
            "forum": 0.38,
            "review_site": 0.22,
        },
        "food_lovers": {
            "facebook": 0.55,
            "instagram": 0.68,
            "youtube": 0.78,
            "tiktok": 0.30,
            "twitter": 0.14,
            "linkedin": 0.14,
            "pinterest": 0.45,
            "forum": 0.55,
            "review_site": 0.25,
        },
        "seniors": {
            "facebook": 0.66,
            "instagram": 0.30,
            "youtube": 0.55,
            "tiktok": 0.08,
            "twitter": 0.08,
            "linkedin": 0.05,
            "pinterest": 0.15,
            "forum": 0.30,
            "review_site": 0.20,
        },
        "students": {
            "facebook": 0.18,
            "instagram": 0.88,
            "youtube": 0.86,
            "tiktok": 0.78,
            "twitter": 0.22,
            "linkedin": 0.12,
            "pinterest": 0.20,
            "forum": 0.22,
            "review_site": 0.12,
        },
    }
)
STAFF_WEEKLY_USE = MappingProxyType(
    {
        "facebook": 0.74,
        "instagram": 0.36,
        "youtube": 0.45,
        "tiktok": 0.12,
        "twitter": 0.25,
        "linkedin": 0.66,
        "pinterest": 0.12,
        "forum": 0.07,
        "review_site": 0.05,
    }
)
"""Employees' weekly use of each platform; an employee's attitude then scales it (ATTITUDE_USE)."""
ATTITUDE_USE = MappingProxyType(
    {"flee": 0.55, "so_far_so_good": 1.0, "delegate": 0.9, "follow_the_wind": 1.2}
)
TRAINED_BY_DEPARTMENT = MappingProxyType(
    {"marketing": 0.40, "customer_service": 0.10, "hr": 0.15, "sales": 0.10, "communication": 0.35}
)
"""Chance that an employee of middling confidence (3 of 5) was trained for social media at work:
the front line (customer service) least often. Used by staff.py."""
TRAINED_ODDS_PER_CONFIDENCE = 1.8
"""Odds of having been trained multiply by this for each point of confidence above 3 (and divide
below): the trained feel surer, and a survey cannot tell which came first."""

# ---------------------------------------------------------------------------
# Story 5 (understanding): "so far so good". Tourbillon blenders' sentiment
# slides from month 7, sales hold until month 13, then fall. Used by
# mentions.py and sales.py.
# ---------------------------------------------------------------------------
SLIDE_LINE = "Tourbillon"
SLIDE_START_MONTH = 7
SLIDE_FULL_MONTH = 11
SLIDE_MOOD_DROP = 1.5
"""Mood lost at full slide on forums, blogs, review sites and YouTube ..."""
SLIDE_OWN_CHANNEL_FACTOR = 0.6
"""... and only this fraction of it on the channels the brand watches."""
SLIDE_QUALITY_SHARE = 0.35
"""Share of the line's mentions that turn to product quality once the slide is full."""
SLIDE_SUPPORT_BOOST = 0.6
"""At full slide, Tourbillon opens this much more support conversations than before."""
SLIDE_SALES_DROP = MappingProxyType({13: 0.06, 14: 0.16, 15: 0.24, 16: 0.26, 17: 0.26, 18: 0.26})
"""Share of Tourbillon's weekly sales lost, by month; zero before month 13."""


def slide_progress(month: np.ndarray) -> np.ndarray:
    """How far Tourbillon's slide has gone in each month, from 0 (not begun) to 1 (full)."""
    span = SLIDE_FULL_MONTH - SLIDE_START_MONTH + 1
    return np.clip((month - SLIDE_START_MONTH + 1) / span, 0.0, 1.0)


# ---------------------------------------------------------------------------
# Story 6 (understanding): the Swiss-army knife. The brand posts almost
# everything on Facebook; students barely use it (CUSTOMER_WEEKLY_USE above).
# Used by page_daily.py.
# ---------------------------------------------------------------------------
POSTS_PER_DAY = MappingProxyType(
    {"facebook": 2.8, "twitter": 0.3, "instagram": 0.35, "tiktok": 0.35}
)

# ---------------------------------------------------------------------------
# Story 7 (strategy): a Facebook contest in September 2025 brings followers
# but no repeat purchases; service quality is what brings customers back.
# Used by page_daily.py, campaigns.py (the contest is a campaign), sales.py
# (the repeat-purchase rate ignores the contest) and support.py (bought_again).
# ---------------------------------------------------------------------------
CONTEST_PLATFORM = "facebook"
CONTEST_START = pd.Timestamp("2025-09-08")
CONTEST_END = pd.Timestamp("2025-09-21")
CONTEST_FOLLOWER_GAIN = 0.38
"""Facebook followers gained over the contest, as a share of those before it."""
CONTEST_UNFOLLOW_SHARE = 0.10
"""Share of the contest's new followers who leave again over the next two months."""
CONTEST_EXTRA_POSTS = 2.0
CONTEST_ENGAGEMENT_FACTOR = 5.0
REPEAT_RATE = MappingProxyType(
    {"Tourbillon": 0.30, "Perle": 0.34, "Croustille": 0.27, "Arôme": 0.38, "Mijote": 0.31}
)
"""Share of a week's buyers who had bought before: flat, whatever the follower count."""
BOUGHT_AGAIN_BASE = 0.06
BOUGHT_AGAIN_PER_STAR = 0.11
BOUGHT_AGAIN_IF_RESOLVED = 0.12
BOUGHT_AGAIN_BY_ANSWER = MappingProxyType(
    {"redirect_form": -0.12, "public_resolution": 0.02, "private_message": 0.0, "none": 0.0}
)
"""Chance to buy again = base + per star of satisfaction above 1 + bonus when resolved
+ a nudge by kind of answer (a web form is one more hurdle, a public answer reassures)."""

# ---------------------------------------------------------------------------
# Story 8 (strategy): departments run initiatives alone. Most serve no company
# goal and are not shared, and some duplicate each other. Used by campaigns.py.
# ---------------------------------------------------------------------------
SHARE_WITHOUT_GOAL = (0.66, 0.76)
"""Range the share of campaigns linked to no company goal is drawn from."""
SHARE_NOT_SHARED = (0.70, 0.82)
"""Range the share of campaigns kept inside their department is drawn from."""
PLANTED_OVERLAPS = (
    # department A, department B, platform, objective: same thing, same time.
    ("marketing", "communication", "facebook", "awareness"),
    ("marketing", "sales", "facebook", "sales"),
    ("marketing", "customer_service", "facebook", "engagement"),
    ("communication", "hr", "instagram", "awareness"),
    ("sales", "marketing", "instagram", "leads"),
    ("marketing", "communication", "tiktok", "engagement"),
    ("sales", "customer_service", "twitter", "engagement"),
    ("hr", "communication", "facebook", "recruitment"),
)
OVERLAP_BUDGET_FACTOR = 1.5
"""Duplicated campaigns are each department's big push of the season: larger budgets."""

# ---------------------------------------------------------------------------
# Story 9 (strategy): "me too". Ustensia opens a TikTok account in month 3;
# La Mijotière follows in month 10, posts there, and its share of voice does
# not move. Used by mentions.py, page_daily.py and competitors.py.
# ---------------------------------------------------------------------------
BRAND_TIKTOK_MONTH = 10
JOIN_MONTH = MappingProxyType(
    {
        # company -> platform -> first month with an account (absent: never)
        BRAND: {"facebook": 1, "twitter": 1, "instagram": 1, "tiktok": BRAND_TIKTOK_MONTH},
        "Ustensia": {"facebook": 1, "twitter": 1, "instagram": 1, "youtube": 1, "tiktok": 3},
        "Cuivrelle": {"facebook": 1, "instagram": 1, "youtube": 1},
        "Fouet & Fils": {"facebook": 1, "twitter": 1, "instagram": 6},
    }
)
BRAND_TIKTOK_MENTION_BUMP = 1.25
"""Brand mentions on TikTok rise by a quarter once it posts there: too little to matter."""
VOICE_VS_BRAND = MappingProxyType({"Ustensia": 1.35, "Cuivrelle": 0.8, "Fouet & Fils": 0.6})
"""Each competitor's mention volume relative to the brand's."""
USTENSIA_TIKTOK_BOOST = 1.6
"""Factor on Ustensia's TikTok mentions once it posts there."""
