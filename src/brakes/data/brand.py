"""The fictional brand's world: names, channels, categories and calendar that never change.

Everything here is a fact of the made-up world of La Mijotière, shared by all
tables. Tunable effect sizes (how strongly the data tells each story) live in
:mod:`brakes.data.stories` instead.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

BRAND = "La Mijotière"
"""The brand: a mid-sized maker of small kitchen appliances in Lyon, with its own e-shop."""

COMPETITORS = ("Ustensia", "Cuivrelle", "Fouet & Fils")
COMPANIES = (BRAND, *COMPETITORS)

PRODUCT_LINES = ("Tourbillon", "Perle", "Croustille", "Arôme", "Mijote")
"""Blenders, kettles, toasters, coffee makers and slow cookers, in that order."""

CHANNELS = (
    "facebook",
    "twitter",
    "instagram",
    "tiktok",
    "youtube",
    "forum",
    "blog",
    "review_site",
)
"""Every place where people mention the brand in public."""

OWN_CHANNELS = ("facebook", "twitter", "instagram")
"""Channels where the brand has had an official account from the first day."""

NO_VOICE_CHANNELS = ("youtube", "forum", "blog", "review_site")
"""Channels where the brand never speaks: no account, no answer."""

SOCIAL_PLATFORMS = ("facebook", "twitter", "instagram", "tiktok", "youtube")
"""Platforms where a company can hold an account (the competitors table compares them)."""

CAMPAIGN_PLATFORMS = ("facebook", "twitter", "instagram", "tiktok")
"""Platforms where the brand's departments can run an initiative (its own accounts)."""

SURVEY_PLATFORMS = (
    "facebook",
    "instagram",
    "youtube",
    "tiktok",
    "twitter",
    "linkedin",
    "pinterest",
    "forum",
    "review_site",
)
"""Platforms the customer and employee surveys ask about."""

AUTHOR_TYPES = ("customer", "prospect", "journalist", "influencer", "employee")
TOPICS = ("product_quality", "delivery", "price", "customer_service", "usage_recipe", "promotion")
SENTIMENTS = ("negative", "neutral", "positive")
FREQUENCIES = ("never", "monthly", "weekly", "daily")

HANDLERS = ("agency", "in_house")
ANSWER_TYPES = ("redirect_form", "public_resolution", "private_message", "none")

SEGMENTS = ("young_families", "food_lovers", "seniors", "students")
AGE_BANDS = ("18-24", "25-34", "35-44", "45-54", "55-64", "65+")

DEPARTMENTS = ("marketing", "customer_service", "hr", "sales", "communication")
ATTITUDES = ("flee", "so_far_so_good", "delegate", "follow_the_wind")
"""The four attitudes to social media of brake 2 (lack of understanding)."""

OBJECTIVES = ("awareness", "engagement", "leads", "recruitment", "support", "sales")
COMPANY_GOALS = (
    "grow_eshop_sales",
    "improve_customer_satisfaction",
    "become_employer_of_choice",
    "launch_mijote_abroad",
    "none",
)
"""The company's yearly goals, plus ``none`` for an initiative linked to no goal."""

RESULT_METRICS = (
    "impressions",
    "likes",
    "followers",
    "leads",
    "applications",
    "messages_answered",
    "orders",
)

START = pd.Timestamp("2025-01-01")
END = pd.Timestamp("2026-06-30")
N_MONTHS = 18
"""Eighteen months of history, January 2025 (month 1) to June 2026 (month 18)."""

DAYS = pd.date_range(START, END, freq="D")
MONTHS = pd.date_range(START, END, freq="MS")
WEEKS = pd.date_range(START, END, freq="W-MON")
"""Mondays inside the period: each week of the sales table is named by its Monday."""


def month_number(dates: pd.DatetimeIndex | pd.Series | np.ndarray) -> np.ndarray:
    """Month of the history, 1 for January 2025 to 18 for June 2026."""
    index = pd.DatetimeIndex(dates)
    return np.asarray((index.year - START.year) * 12 + index.month, dtype=np.int64)


def month_index(moments: pd.Series | np.ndarray) -> np.ndarray:
    """Index in :data:`MONTHS` of each moment of the history (0 for January 2025).

    The same as ``month_number(moments) - 1``, by a binary search over the month
    starts rather than a calendar breakdown of every moment: fast on millions.
    """
    values = np.asarray(moments, dtype="datetime64[s]")
    return np.searchsorted(MONTHS.values.astype("datetime64[s]"), values, side="right") - 1


DAY_MONTH = month_number(DAYS)
"""The month number of each day in :data:`DAYS`, for vectorised look-ups by day index."""
