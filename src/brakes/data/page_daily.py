"""The ``page_daily`` table: the brand's own accounts, one row per day and account.

Carries story 6 (nearly every post goes to Facebook), story 7 (the September
contest makes followers jump) and story 9 (the TikTok account opens in
October 2025).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from brakes.data import brand, stories

# Background: the size and habits of each account.
FOLLOWERS_START = {"facebook": 21_000, "twitter": 4_200, "instagram": 8_500, "tiktok": 0}
MONTHLY_FOLLOWER_GROWTH = {"facebook": 0.004, "twitter": 0.002, "instagram": 0.015, "tiktok": 0.0}
FOLLOWER_NOISE = 0.0015
"""Day-to-day wobble of the follower count, as a share of it."""
TIKTOK_NEW_FOLLOWERS_PER_DAY = 9.0
WEEKDAY_POSTING = (1.1, 1.1, 1.1, 1.1, 1.1, 0.75, 0.75)
IMPRESSIONS_PER_FOLLOWER = {"facebook": 0.02, "twitter": 0.03, "instagram": 0.04, "tiktok": 0.3}
"""Impressions a day without a post brings, per follower (older posts still circulate)."""
IMPRESSIONS_PER_POST = {"facebook": 0.06, "twitter": 0.08, "instagram": 0.12, "tiktok": 0.8}
"""Extra impressions per post and per follower (TikTok shows posts far beyond followers)."""
REACH_SHARE = (0.55, 0.75)
ENGAGEMENT_RATE = {"facebook": 0.012, "twitter": 0.008, "instagram": 0.035, "tiktok": 0.06}
UNFOLLOW_DAYS = 60


def account_days(platform: str) -> pd.DatetimeIndex:
    """The days on which the brand had an account on ``platform``."""
    joined = brand.MONTHS[stories.JOIN_MONTH[brand.BRAND][platform] - 1]
    return brand.DAYS[brand.DAYS.to_numpy() >= joined]


def generate_page_daily(rng: np.random.Generator) -> pd.DataFrame:
    """Draw each account's daily followers, posts and audience, sorted by date then platform."""
    frames = [_account(rng, platform) for platform in brand.CAMPAIGN_PLATFORMS]
    frame = pd.concat(frames, ignore_index=True)
    frame["platform"] = pd.Categorical(frame["platform"], brand.CAMPAIGN_PLATFORMS)
    return frame.sort_values(["date", "platform"], kind="stable", ignore_index=True)


def _account(rng: np.random.Generator, platform: str) -> pd.DataFrame:
    days = account_days(platform)
    n = len(days)
    contest = (
        (platform == stories.CONTEST_PLATFORM)
        & (days >= stories.CONTEST_START)
        & (days <= stories.CONTEST_END)
    )
    followers = _followers(rng, platform, days)

    rate = stories.POSTS_PER_DAY[platform] * np.asarray(WEEKDAY_POSTING)[days.day_of_week]
    posts = rng.poisson(rate + contest * stories.CONTEST_EXTRA_POSTS)
    per_follower = IMPRESSIONS_PER_FOLLOWER[platform] + IMPRESSIONS_PER_POST[platform] * posts
    impressions = np.round(followers * per_follower * rng.lognormal(0.0, 0.25, n))
    reach = np.round(impressions * rng.uniform(*REACH_SHARE, n))
    engagement_rate = ENGAGEMENT_RATE[platform] * rng.lognormal(0.0, 0.3, n)
    engagement_rate *= np.where(contest, stories.CONTEST_ENGAGEMENT_FACTOR, 1.0)
    engagements = rng.poisson(reach * np.minimum(engagement_rate, 0.5))

    return pd.DataFrame(
        {
            "date": days,
            "platform": platform,
            "followers": followers,
            "posts": posts,
            "impressions": impressions.astype(np.int64),
            "reach": reach.astype(np.int64),
            "engagements": engagements,
            "contest": contest,
        }
    )


def _followers(rng: np.random.Generator, platform: str, days: pd.DatetimeIndex) -> np.ndarray:
    """End-of-day followers: slow organic growth, plus the contest's jump on its account."""
    n = len(days)
    if FOLLOWERS_START[platform] == 0:
        ramp = np.linspace(0.5, 1.5, n)
        return np.cumsum(rng.poisson(TIKTOK_NEW_FOLLOWERS_PER_DAY * ramp)).astype(np.int64)

    daily_growth = MONTHLY_FOLLOWER_GROWTH[platform] / 30
    steps = daily_growth + FOLLOWER_NOISE * rng.standard_normal(n)
    followers = FOLLOWERS_START[platform] * np.exp(np.cumsum(steps))
    if platform == stories.CONTEST_PLATFORM:
        followers = followers + _contest_gain(rng, days, followers)
    return np.round(followers).astype(np.int64)


def _contest_gain(
    rng: np.random.Generator, days: pd.DatetimeIndex, organic: np.ndarray
) -> np.ndarray:
    """Followers the contest adds on each day: fast during it, a few leaving over two months."""
    during = (days >= stories.CONTEST_START) & (days <= stories.CONTEST_END)
    before = organic[np.argmax(during) - 1]
    total = stories.CONTEST_FOLLOWER_GAIN * before
    pace = np.linspace(2.0, 1.0, during.sum()) * rng.uniform(0.7, 1.3, during.sum())
    daily = np.zeros(len(days))
    daily[during] = total * pace / pace.sum()
    after = np.flatnonzero(days > stories.CONTEST_END)[:UNFOLLOW_DAYS]
    daily[after] = -stories.CONTEST_UNFOLLOW_SHARE * total / UNFOLLOW_DAYS
    return np.cumsum(daily)
