"""The ``competitors`` table: the brand and its three competitors, month by month.

Carries story 9 ("me too"): Ustensia opens a TikTok account in month 3, La
Mijotière follows in month 10, and its share of voice stays where it was. The
brand's own rows are taken from ``mentions`` and ``page_daily``, so the tables
agree with each other.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from brakes.data import brand, stories
from brakes.data.mentions import expected_counts

# Background: how active and how followed each competitor is on each platform.
# Values follow brand.SOCIAL_PLATFORMS: facebook, twitter, instagram, tiktok, youtube.
POSTS_PER_MONTH = {
    "Ustensia": (45, 30, 40, 25, 4),
    "Cuivrelle": (30, 0, 35, 0, 6),
    "Fouet & Fils": (20, 15, 12, 0, 0),
}
FOLLOWERS_AT_JOIN = {
    "Ustensia": (35_000, 9_000, 22_000, 600, 12_000),
    "Cuivrelle": (15_000, 0, 18_000, 0, 6_000),
    "Fouet & Fils": (12_000, 2_500, 900, 0, 0),
}
MONTHLY_FOLLOWER_GROWTH = {
    "Ustensia": (0.006, 0.003, 0.02, 0.25, 0.01),
    "Cuivrelle": (0.004, 0.0, 0.02, 0.0, 0.01),
    "Fouet & Fils": (0.002, 0.001, 0.08, 0.0, 0.0),
}
VOICE_BY_PLATFORM = {
    "Ustensia": (1.0, 1.0, 1.0, 1.2, 1.1),
    "Cuivrelle": (0.9, 0.7, 1.3, 0.6, 1.1),
    "Fouet & Fils": (1.4, 1.0, 0.7, 0.4, 0.8),
}
"""How much more (or less) each competitor is talked about on a platform than on average."""
MENTION_NOISE = 0.06

_PLATFORM_CHANNEL = [brand.CHANNELS.index(p) for p in brand.SOCIAL_PLATFORMS]


def generate_competitors(
    rng: np.random.Generator, mentions: pd.DataFrame, page_daily: pd.DataFrame, scale: float
) -> pd.DataFrame:
    """One row per month, company and platform: account or not, posts, followers, mentions."""
    months = np.arange(1, brand.N_MONTHS + 1)
    grid = pd.MultiIndex.from_product(
        [brand.MONTHS, brand.COMPANIES, brand.SOCIAL_PLATFORMS],
        names=["month", "company", "platform"],
    ).to_frame(index=False)
    parts = [_brand_rows(mentions, page_daily)]
    market = expected_counts(scale)[:, _PLATFORM_CHANNEL]
    for company in brand.COMPETITORS:
        parts.append(_competitor_rows(rng, company, months, market))
    rows = pd.concat(parts, ignore_index=True)
    frame = grid.merge(rows, on=["month", "company", "platform"], how="left", validate="1:1")
    frame["present"] = _present(frame)
    return frame[["month", "company", "platform", "present", "posts", "followers", "mentions"]]


def _present(frame: pd.DataFrame) -> pd.Series:
    """Whether each company had an account on each platform that month (story 9's timeline)."""
    joined = [
        stories.JOIN_MONTH[company].get(platform, brand.N_MONTHS + 1)
        for company, platform in zip(frame["company"], frame["platform"], strict=True)
    ]
    return pd.Series(brand.month_number(frame["month"]) >= np.array(joined), index=frame.index)


def _brand_rows(mentions: pd.DataFrame, page_daily: pd.DataFrame) -> pd.DataFrame:
    """The brand's own figures, summed from the mentions and its accounts' daily statistics."""
    counted = _mentions_by_month(mentions)
    pages = page_daily.assign(
        month=brand.MONTHS[brand.month_number(page_daily["date"]) - 1],
        platform=page_daily["platform"].astype("str"),
    ).groupby(["month", "platform"])
    activity = pd.DataFrame({"posts": pages["posts"].sum(), "followers": pages["followers"].last()})
    full = pd.MultiIndex.from_product(
        [brand.MONTHS, brand.SOCIAL_PLATFORMS], names=["month", "platform"]
    )
    figures = pd.concat([activity, counted], axis=1).reindex(full).fillna(0).astype(np.int64)
    return figures.reset_index().assign(company=brand.BRAND)


def _mentions_by_month(mentions: pd.DataFrame) -> pd.Series:
    """The brand's mentions per month and social platform (counted with NumPy: millions of rows).

    Channels that are not social platforms (forums, blogs, review sites) are left out.
    """
    full = pd.MultiIndex.from_product(
        [brand.MONTHS, brand.SOCIAL_PLATFORMS], names=["month", "platform"]
    )
    channel = pd.Categorical(mentions["channel"], categories=brand.CHANNELS).codes
    platform = np.full(len(brand.CHANNELS) + 1, -1)  # code -1 (missing) maps to the last entry
    platform[_PLATFORM_CHANNEL] = np.arange(len(brand.SOCIAL_PLATFORMS))
    platform = platform[channel]
    month = brand.month_index(mentions["published_at"])
    social = platform >= 0
    cell = month[social] * len(brand.SOCIAL_PLATFORMS) + platform[social]
    counts = np.bincount(cell, minlength=len(full))
    return pd.Series(counts, index=full, name="mentions")


def _competitor_rows(
    rng: np.random.Generator, company: str, months: np.ndarray, market: np.ndarray
) -> pd.DataFrame:
    """A competitor's figures: its mentions follow the market, scaled by its weight in it."""
    joined = np.array(
        [stories.JOIN_MONTH[company].get(p, brand.N_MONTHS + 1) for p in brand.SOCIAL_PLATFORMS]
    )
    present = months[:, None] >= joined[None, :]
    since = np.maximum(months[:, None] - joined[None, :], 0)

    posts = rng.poisson(np.asarray(POSTS_PER_MONTH[company]) * present)
    growth = (1 + np.asarray(MONTHLY_FOLLOWER_GROWTH[company])) ** since
    wobble = rng.lognormal(0.0, 0.01, present.shape)
    followers = np.round(np.asarray(FOLLOWERS_AT_JOIN[company]) * growth * wobble * present)

    voice = stories.VOICE_VS_BRAND[company] * np.asarray(VOICE_BY_PLATFORM[company])
    boost = np.ones_like(market)
    if company == "Ustensia":
        tiktok = brand.SOCIAL_PLATFORMS.index("tiktok")
        boost[:, tiktok] = np.where(present[:, tiktok], stories.USTENSIA_TIKTOK_BOOST, 1.0)
    expected = market * voice * boost * rng.lognormal(0.0, MENTION_NOISE, market.shape)
    mentions = rng.poisson(expected)

    return pd.DataFrame(
        {
            "month": np.repeat(brand.MONTHS, len(brand.SOCIAL_PLATFORMS)),
            "platform": np.tile(brand.SOCIAL_PLATFORMS, len(months)),
            "posts": posts.ravel(),
            "followers": followers.ravel().astype(np.int64),
            "mentions": mentions.ravel(),
            "company": company,
        }
    )
