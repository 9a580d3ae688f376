"""The ``mentions`` table: every public mention of the brand over 18 months.

Carries stories 1 (where the conversation is), 3 (unanswered negatives keep
spreading), 5 (Tourbillon's sentiment slides) and 9 (the TikTok "me too").
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from brakes.data import brand, stories
from brakes.data.sampling import draw, draw_times, ids, rows, weight_table, weights

MENTIONS_AT_SCALE_1 = 40_000

# Background of the world, not part of any story: when and by whom people write.
CALENDAR_MONTH_VOLUME = (1.05, 0.92, 0.95, 0.97, 1.0, 0.95, 0.88, 0.82, 1.0, 1.02, 1.2, 1.35)
"""Seasonality of the conversation, January to December: Christmas gifts talk most."""
MONTHLY_GROWTH = 0.01
WEEKDAY_VOLUME = (1.0, 1.0, 1.02, 1.0, 0.95, 0.9, 1.05)
HOUR_VOLUME = (
    *(0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 1.4, 1.5, 1.5, 1.7),  # 0:00-11:00
    *(2.2, 2.0, 1.5, 1.4, 1.5, 1.7, 2.0, 2.4, 2.6, 2.4, 1.6, 0.8),  # 12:00-23:00
)  # fmt: skip
TIKTOK_GROWTH = (0.6, 1.4)
"""TikTok's weight in the conversation grows linearly from the first month to the last."""
LINE_SHARE = {"Tourbillon": 0.27, "Perle": 0.19, "Croustille": 0.16, "Arôme": 0.24, "Mijote": 0.14}
AUTHOR_BY_CHANNEL = {
    "facebook": {
        "customer": 0.70,
        "prospect": 0.17,
        "journalist": 0.01,
        "influencer": 0.04,
        "employee": 0.08,
    },
    "twitter": {
        "customer": 0.62,
        "prospect": 0.15,
        "journalist": 0.08,
        "influencer": 0.08,
        "employee": 0.07,
    },
    "instagram": {
        "customer": 0.60,
        "prospect": 0.15,
        "journalist": 0.02,
        "influencer": 0.18,
        "employee": 0.05,
    },
    "tiktok": {
        "customer": 0.60,
        "prospect": 0.15,
        "journalist": 0.00,
        "influencer": 0.23,
        "employee": 0.02,
    },
    "youtube": {
        "customer": 0.50,
        "prospect": 0.20,
        "journalist": 0.03,
        "influencer": 0.27,
        "employee": 0.00,
    },
    "forum": {
        "customer": 0.72,
        "prospect": 0.26,
        "journalist": 0.00,
        "influencer": 0.01,
        "employee": 0.01,
    },
    "blog": {
        "customer": 0.40,
        "prospect": 0.10,
        "journalist": 0.25,
        "influencer": 0.25,
        "employee": 0.00,
    },
    "review_site": {
        "customer": 0.88,
        "prospect": 0.12,
        "journalist": 0.00,
        "influencer": 0.00,
        "employee": 0.00,
    },
}
TOPIC_BY_CHANNEL = {
    "facebook": {
        "product_quality": 0.20,
        "delivery": 0.15,
        "price": 0.08,
        "customer_service": 0.20,
        "usage_recipe": 0.15,
        "promotion": 0.22,
    },
    "twitter": {
        "product_quality": 0.18,
        "delivery": 0.20,
        "price": 0.10,
        "customer_service": 0.27,
        "usage_recipe": 0.08,
        "promotion": 0.17,
    },
    "instagram": {
        "product_quality": 0.15,
        "delivery": 0.08,
        "price": 0.07,
        "customer_service": 0.10,
        "usage_recipe": 0.30,
        "promotion": 0.30,
    },
    "tiktok": {
        "product_quality": 0.20,
        "delivery": 0.05,
        "price": 0.08,
        "customer_service": 0.05,
        "usage_recipe": 0.45,
        "promotion": 0.17,
    },
    "youtube": {
        "product_quality": 0.35,
        "delivery": 0.03,
        "price": 0.10,
        "customer_service": 0.02,
        "usage_recipe": 0.45,
        "promotion": 0.05,
    },
    "forum": {
        "product_quality": 0.35,
        "delivery": 0.12,
        "price": 0.12,
        "customer_service": 0.15,
        "usage_recipe": 0.24,
        "promotion": 0.02,
    },
    "blog": {
        "product_quality": 0.25,
        "delivery": 0.03,
        "price": 0.10,
        "customer_service": 0.04,
        "usage_recipe": 0.50,
        "promotion": 0.08,
    },
    "review_site": {
        "product_quality": 0.45,
        "delivery": 0.22,
        "price": 0.13,
        "customer_service": 0.17,
        "usage_recipe": 0.01,
        "promotion": 0.02,
    },
}
TOPIC_MOOD = {
    "product_quality": -0.3,
    "delivery": -0.6,
    "price": -0.3,
    "customer_service": -0.7,
    "usage_recipe": 0.6,
    "promotion": 0.5,
}
AUTHOR_MOOD = {
    "customer": 0.0,
    "prospect": 0.1,
    "journalist": 0.1,
    "influencer": 0.5,
    "employee": 0.9,
}
REACH_MEDIAN = {
    "facebook": 90,
    "twitter": 140,
    "instagram": 180,
    "tiktok": 450,
    "youtube": 600,
    "forum": 70,
    "blog": 220,
    "review_site": 45,
}
"""Median first-day reach of a customer's mention, in people."""
REACH_BY_AUTHOR = {
    "customer": 1.0,
    "prospect": 0.8,
    "journalist": 6.0,
    "influencer": 9.0,
    "employee": 1.3,
}
REACH_SPREAD = 1.1
REACH_CAP = 2_000_000
ANSWER_DELAY_SPREAD = 1.0
ANSWER_DELAY_RANGE_H = (0.05, 96.0)

_CHANNEL = {name: code for code, name in enumerate(brand.CHANNELS)}
_NO_VOICE = np.isin(brand.CHANNELS, brand.NO_VOICE_CHANNELS)


def _day_weights() -> np.ndarray:
    """Probability that a mention falls on each day of the period."""
    month = brand.DAY_MONTH
    season = np.asarray(CALENDAR_MONTH_VOLUME)[brand.DAYS.month - 1]
    weekday = np.asarray(WEEKDAY_VOLUME)[brand.DAYS.day_of_week]
    day = season * weekday * (1 + MONTHLY_GROWTH * (month - 1))
    return day / day.sum()


def _channel_shares(me_too_bump: bool = True) -> np.ndarray:
    """Share of each channel in each month, shape (months, channels).

    TikTok grows over the period; with ``me_too_bump`` the brand's own TikTok
    account (story 9) adds a few mentions there from the month it joins.
    """
    months = np.arange(1, brand.N_MONTHS + 1)
    shares = np.tile(weights(stories.CHANNEL_SHARE, brand.CHANNELS), (brand.N_MONTHS, 1))
    low, high = TIKTOK_GROWTH
    shares[:, _CHANNEL["tiktok"]] *= low + (high - low) * (months - 1) / (brand.N_MONTHS - 1)
    if me_too_bump:
        joined = months >= stories.BRAND_TIKTOK_MONTH
        shares[joined, _CHANNEL["tiktok"]] *= stories.BRAND_TIKTOK_MENTION_BUMP
    return shares / shares.sum(axis=1, keepdims=True)


def expected_counts(scale: float, me_too_bump: bool = False) -> np.ndarray:
    """Expected number of brand mentions per month and channel, shape (months, channels).

    The competitors table sizes the other companies' conversation from this,
    so every company lives in the same market, with the same seasons.
    """
    per_month = np.bincount(brand.DAY_MONTH - 1, weights=_day_weights())
    total = rows(MENTIONS_AT_SCALE_1, scale)
    return total * per_month[:, None] * _channel_shares(me_too_bump)


def generate_mentions(
    rng: np.random.Generator, scale: float, world: stories.World = stories.DESIGNED
) -> pd.DataFrame:
    """Draw the mentions, oldest first: who wrote what, where, with which tone and reach.

    ``scale`` already carries the world's volume; ``world.spread`` scales the reach's growth.
    """
    n = rows(MENTIONS_AT_SCALE_1, scale)

    day, published = draw_times(rng, n, brand.DAYS, _day_weights(), HOUR_VOLUME)
    month = brand.DAY_MONTH[day]

    channel = draw(rng, _channel_shares(), month - 1, categories=brand.CHANNELS)
    author_table = weight_table(AUTHOR_BY_CHANNEL, brand.CHANNELS, brand.AUTHOR_TYPES)
    author = draw(rng, author_table, channel, categories=brand.AUTHOR_TYPES)
    line = draw(
        rng, weights(LINE_SHARE, brand.PRODUCT_LINES), size=n, categories=brand.PRODUCT_LINES
    )
    topic_table = weight_table(TOPIC_BY_CHANNEL, brand.CHANNELS, brand.TOPICS)
    topic = draw(rng, topic_table, channel, categories=brand.TOPICS)

    # Story 5: as Tourbillon slides, more of its mentions are quality complaints,
    # and its mood drops, most where the brand is not listening.
    on_slide_line = line == brand.PRODUCT_LINES.index(stories.SLIDE_LINE)
    sliding = on_slide_line * stories.slide_progress(month)
    to_quality = rng.random(n) < sliding * stories.SLIDE_QUALITY_SHARE
    topic = np.where(to_quality, brand.TOPICS.index("product_quality"), topic)
    slide_weight = np.where(_NO_VOICE[channel], 1.0, stories.SLIDE_OWN_CHANNEL_FACTOR)

    mood = (
        weights(stories.CHANNEL_MOOD, brand.CHANNELS)[channel]
        + weights(TOPIC_MOOD, brand.TOPICS)[topic]
        + weights(AUTHOR_MOOD, brand.AUTHOR_TYPES)[author]
        - stories.SLIDE_MOOD_DROP * sliding * slide_weight
        + rng.logistic(size=n)
    )
    sentiment = (mood > -stories.SENTIMENT_CUT).astype(np.int64) + (mood > stories.SENTIMENT_CUT)

    answered, delay = _answers(rng, channel, month, sentiment)
    first_day, seven_days = _reach(rng, channel, author, sentiment, answered, delay, world.spread)

    return pd.DataFrame(
        {
            "mention_id": ids("M", n),
            "published_at": published,
            "channel": pd.Categorical.from_codes(channel, brand.CHANNELS),
            "author_type": pd.Categorical.from_codes(author, brand.AUTHOR_TYPES),
            "product_line": pd.Categorical.from_codes(line, brand.PRODUCT_LINES),
            "topic": pd.Categorical.from_codes(topic, brand.TOPICS),
            "sentiment": pd.Categorical.from_codes(sentiment, brand.SENTIMENTS, ordered=True),
            "reach_first_day": first_day,
            "reach_7d": seven_days,
            "brand_answered": answered,
            "answer_delay_h": delay,
        }
    )


def _answers(
    rng: np.random.Generator, channel: np.ndarray, month: np.ndarray, sentiment: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Whether the brand answered each mention, and after how many hours (NaN if not).

    Story 1: the brand answers only where it has an account: its three
    historical accounts, and TikTok (less often) once it joins in story 9.
    """
    own = np.isin(channel, [_CHANNEL[c] for c in brand.OWN_CHANNELS]).astype(float)
    on_tiktok = (channel == _CHANNEL["tiktok"]) & (month >= stories.BRAND_TIKTOK_MONTH)
    reachable = own + on_tiktok * stories.TIKTOK_ANSWER_FACTOR
    rate = weights(stories.ANSWER_RATE, brand.SENTIMENTS)[sentiment] * reachable
    answered = rng.random(len(channel)) < rate
    hours = stories.ANSWER_DELAY_MEDIAN_H * rng.lognormal(0.0, ANSWER_DELAY_SPREAD, len(channel))
    delay = np.round(np.clip(hours, *ANSWER_DELAY_RANGE_H), 2)
    return answered, np.where(answered, delay, np.nan)


def _reach(
    rng: np.random.Generator,
    channel: np.ndarray,
    author: np.ndarray,
    sentiment: np.ndarray,
    answered: np.ndarray,
    delay: np.ndarray,
    spread: float,
) -> tuple[np.ndarray, np.ndarray]:
    """First-day and 7-day reach in people (story 3: unanswered negatives keep spreading).

    ``spread`` multiplies every mention's growth over the week (see :class:`stories.World`).
    """
    n = len(channel)
    median = (
        weights(REACH_MEDIAN, brand.CHANNELS)[channel]
        * weights(REACH_BY_AUTHOR, brand.AUTHOR_TYPES)[author]
    )
    first_day = np.clip(np.round(median * rng.lognormal(0.0, REACH_SPREAD, n)), 1, REACH_CAP)

    waited = np.minimum(np.nan_to_num(delay), stories.GROWTH_ANSWERED_CAP_H)
    answered_growth = stories.GROWTH_ANSWERED_BASE + stories.GROWTH_ANSWERED_PER_HOUR * waited
    usual_growth = weights(stories.GROWTH_MEDIAN, brand.SENTIMENTS)[sentiment]
    calmed = answered & (sentiment == brand.SENTIMENTS.index("negative"))
    growth = np.where(calmed, answered_growth, usual_growth)
    growth = spread * growth * rng.lognormal(0.0, stories.GROWTH_SPREAD, n)
    seven_days = np.maximum(np.round(first_day * (1.0 + growth)), first_day)
    return first_day.astype(np.int64), seven_days.astype(np.int64)
