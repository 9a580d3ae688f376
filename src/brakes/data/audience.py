"""The ``audience`` table: a customer survey of platform use, one row per respondent and platform.

Carries the customer side of stories 4 (customers are on Instagram, YouTube
and forums, not where employees are) and 6 (students barely use Facebook).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from brakes.data import brand, stories
from brakes.data.sampling import draw, ids, weight_table, weights

RESPONDENTS = 1_500
SEGMENT_SHARE = {"young_families": 0.3, "food_lovers": 0.3, "seniors": 0.2, "students": 0.2}
AGE_BY_SEGMENT = {
    "young_families": {
        "18-24": 0.05,
        "25-34": 0.50,
        "35-44": 0.40,
        "45-54": 0.05,
        "55-64": 0.0,
        "65+": 0.0,
    },
    "food_lovers": {
        "18-24": 0.05,
        "25-34": 0.20,
        "35-44": 0.25,
        "45-54": 0.25,
        "55-64": 0.20,
        "65+": 0.05,
    },
    "seniors": {
        "18-24": 0.0,
        "25-34": 0.0,
        "35-44": 0.0,
        "45-54": 0.05,
        "55-64": 0.45,
        "65+": 0.50,
    },
    "students": {
        "18-24": 0.85,
        "25-34": 0.15,
        "35-44": 0.0,
        "45-54": 0.0,
        "55-64": 0.0,
        "65+": 0.0,
    },
}
PROPENSITY_SPREAD = 0.2
"""Some people are online more than others, on every platform."""
DAILY_SHARE = {
    "facebook": 0.6,
    "instagram": 0.65,
    "youtube": 0.45,
    "tiktok": 0.7,
    "twitter": 0.5,
    "linkedin": 0.3,
    "pinterest": 0.3,
    "forum": 0.3,
    "review_site": 0.1,
}
"""Among weekly-or-more users of each survey platform, share who use it daily."""
MONTHLY_SHARE = {
    "facebook": 0.5,
    "instagram": 0.5,
    "youtube": 0.6,
    "tiktok": 0.4,
    "twitter": 0.4,
    "linkedin": 0.4,
    "pinterest": 0.5,
    "forum": 0.6,
    "review_site": 0.75,
}
"""Among the others, share who still use the platform monthly rather than never."""


def frequencies(rng: np.random.Generator, weekly_use: np.ndarray) -> np.ndarray:
    """Frequency codes (0 never to 3 daily) from each person's chance of weekly-or-more use.

    ``weekly_use`` has one row per person and one column per survey platform;
    the result has the same shape. The staff survey uses it too.
    """
    weekly = rng.random(weekly_use.shape) < weekly_use
    daily = rng.random(weekly_use.shape) < weights(DAILY_SHARE, brand.SURVEY_PLATFORMS)
    monthly = rng.random(weekly_use.shape) < weights(MONTHLY_SHARE, brand.SURVEY_PLATFORMS)
    return np.where(weekly, np.where(daily, 3, 2), np.where(monthly, 1, 0))


def long_format(per_person: dict[str, np.ndarray], frequency: np.ndarray) -> pd.DataFrame:
    """One row per person and platform: each person's columns repeated, platforms in order."""
    platforms = len(brand.SURVEY_PLATFORMS)
    people = frequency.shape[0]
    frame = pd.DataFrame({key: np.repeat(values, platforms) for key, values in per_person.items()})
    frame["platform"] = pd.Categorical.from_codes(
        np.tile(np.arange(platforms), people), brand.SURVEY_PLATFORMS
    )
    frame["frequency"] = pd.Categorical.from_codes(
        frequency.ravel(), brand.FREQUENCIES, ordered=True
    )
    return frame


def generate_audience(rng: np.random.Generator) -> pd.DataFrame:
    """Draw each respondent's segment, age band and use of every platform."""
    segment = draw(
        rng, weights(SEGMENT_SHARE, brand.SEGMENTS), size=RESPONDENTS, categories=brand.SEGMENTS
    )
    age_table = weight_table(AGE_BY_SEGMENT, brand.SEGMENTS, brand.AGE_BANDS)
    age = draw(rng, age_table, segment, categories=brand.AGE_BANDS)
    use = weight_table(stories.CUSTOMER_WEEKLY_USE, brand.SEGMENTS, brand.SURVEY_PLATFORMS)[segment]
    propensity = rng.lognormal(0.0, PROPENSITY_SPREAD, RESPONDENTS)[:, None]
    frequency = frequencies(rng, np.clip(use * propensity, 0.0, 0.97))
    person = {
        "respondent_id": ids("R", RESPONDENTS),
        "segment": pd.Categorical.from_codes(segment, brand.SEGMENTS),
        "age_band": pd.Categorical.from_codes(age, brand.AGE_BANDS, ordered=True),
    }
    frame = long_format(person, frequency)
    return frame[["respondent_id", "segment", "age_band", "platform", "frequency"]]
