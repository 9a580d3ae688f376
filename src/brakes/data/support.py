"""The ``support`` table: customer-service conversations opened on the brand's accounts.

Carries story 2 (web-form redirects do more harm than no answer, the
fast-but-shallow agency, resolution and then speed drive satisfaction) and
the service side of story 7 (satisfied, resolved customers are the ones who
buy again).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from brakes.data import brand, stories
from brakes.data.sampling import draw, draw_times, ids, rows, weight_table, weights

SUPPORT_AT_SCALE_1 = 4_000

# Background: when customers write, where, and about what.
CALENDAR_MONTH_VOLUME = (1.35, 1.0, 0.95, 0.95, 1.0, 0.95, 0.85, 0.8, 0.95, 1.0, 1.15, 1.3)
"""January's broken Christmas gifts and December's late parcels fill the inbox."""
HOUR_VOLUME = (
    *(0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 1.6, 1.8, 1.8, 1.7),  # 0:00-11:00
    *(1.7, 1.8, 1.8, 1.7, 1.6, 1.5, 1.6, 1.8, 1.9, 1.6, 1.0, 0.5),  # 12:00-23:00
)  # fmt: skip
OFFICE_HOURS = (9, 18)
"""The in-house team works weekdays from 9:00 to 18:00."""
CHANNEL_SHARE = {"facebook": 0.45, "twitter": 0.35, "instagram": 0.20}
LINE_SHARE = {"Tourbillon": 0.26, "Perle": 0.2, "Croustille": 0.17, "Arôme": 0.23, "Mijote": 0.14}
TOPIC_SHARE = {
    "product_quality": 0.30,
    "delivery": 0.28,
    "price": 0.07,
    "customer_service": 0.10,
    "usage_recipe": 0.15,
    "promotion": 0.10,
}
BOUGHT_AGAIN_RANGE = (0.02, 0.95)


def generate_support(rng: np.random.Generator, scale: float) -> pd.DataFrame:
    """Draw the conversations, oldest first, from the first message to the repeat purchase."""
    n = rows(SUPPORT_AT_SCALE_1, scale)
    day_weights = np.asarray(CALENDAR_MONTH_VOLUME)[brand.DAYS.month - 1]
    day, opened = draw_times(rng, n, brand.DAYS, day_weights, HOUR_VOLUME)
    month = brand.DAY_MONTH[day]
    hour = (opened - opened.astype("datetime64[D]")).astype("timedelta64[h]").astype(np.int64)
    weekday = brand.DAYS.day_of_week[day]

    channel = draw(
        rng, weights(CHANNEL_SHARE, brand.OWN_CHANNELS), size=n, categories=brand.OWN_CHANNELS
    )
    # Story 5 echo: a sliding Tourbillon opens more conversations.
    line_share = np.tile(weights(LINE_SHARE, brand.PRODUCT_LINES), (brand.N_MONTHS, 1))
    slide = stories.slide_progress(np.arange(1, brand.N_MONTHS + 1))
    line_share[:, brand.PRODUCT_LINES.index(stories.SLIDE_LINE)] *= (
        1 + stories.SLIDE_SUPPORT_BOOST * slide
    )
    line = draw(rng, line_share, month - 1, categories=brand.PRODUCT_LINES)
    topic = draw(rng, weights(TOPIC_SHARE, brand.TOPICS), size=n, categories=brand.TOPICS)

    # Story 2: the agency covers evenings and weekends, and part of office hours.
    office = (weekday < 5) & (hour >= OFFICE_HOURS[0]) & (hour < OFFICE_HOURS[1])
    agency = ~office | (rng.random(n) < stories.AGENCY_SHARE_IN_OFFICE_HOURS)
    handler = np.where(agency, 0, 1)
    mix = weight_table(stories.ANSWER_MIX, brand.HANDLERS, brand.ANSWER_TYPES)
    answer = draw(rng, mix, handler, categories=brand.ANSWER_TYPES)
    unanswered = answer == brand.ANSWER_TYPES.index("none")

    median = weights(stories.FIRST_RESPONSE_MEDIAN_MIN, brand.HANDLERS)[handler]
    spread = weights(stories.FIRST_RESPONSE_SPREAD, brand.HANDLERS)[handler]
    response = np.round(median * np.exp(spread * rng.standard_normal(n)), 1)
    response = np.where(unanswered, np.nan, np.maximum(response, 0.5))

    resolved = rng.random(n) < weights(stories.RESOLVE_RATE, brand.ANSWER_TYPES)[answer]
    satisfaction = _satisfaction(rng, answer, resolved, response)
    # Story 7: coming back to buy depends on how the customer was served.
    chance = (
        stories.BOUGHT_AGAIN_BASE
        + stories.BOUGHT_AGAIN_PER_STAR * (satisfaction - 1)
        + stories.BOUGHT_AGAIN_IF_RESOLVED * resolved
        + weights(stories.BOUGHT_AGAIN_BY_ANSWER, brand.ANSWER_TYPES)[answer]
    )
    bought_again = rng.random(n) < np.clip(chance, *BOUGHT_AGAIN_RANGE)
    surveyed = rng.random(n) < stories.SURVEY_ANSWER_RATE
    # Story 2: a web form or an unsolved problem brings the customer back to the inbox.
    again = (
        weights(stories.CONTACTED_AGAIN_BY_ANSWER, brand.ANSWER_TYPES)[answer]
        + stories.CONTACTED_AGAIN_IF_UNRESOLVED * ~resolved
    )
    contacted_again = rng.random(n) < np.clip(again, 0.0, 1.0)

    return pd.DataFrame(
        {
            "conversation_id": ids("C", n),
            "opened_at": opened,
            "channel": pd.Categorical.from_codes(channel, brand.OWN_CHANNELS),
            "handled_by": pd.Categorical.from_codes(handler, brand.HANDLERS),
            "first_response_min": response,
            "answer_type": pd.Categorical.from_codes(answer, brand.ANSWER_TYPES),
            "resolved": resolved,
            "satisfaction": pd.arrays.IntegerArray(satisfaction, mask=~surveyed),
            "contacted_again": contacted_again,
            "bought_again": bought_again,
            "product_line": pd.Categorical.from_codes(line, brand.PRODUCT_LINES),
            "topic": pd.Categorical.from_codes(topic, brand.TOPICS),
        }
    )


def _satisfaction(
    rng: np.random.Generator, answer: np.ndarray, resolved: np.ndarray, response: np.ndarray
) -> np.ndarray:
    """The 1-5 score each customer would give.

    Resolution matters most, then the kind of answer (a web form does harm);
    once the problem is solved, the sooner the first answer came the better.
    """
    minutes = np.nan_to_num(response, nan=stories.SATISFACTION_REFERENCE_MIN)
    speed = -stories.SATISFACTION_PER_LOG_MINUTE * np.log(
        minutes / stories.SATISFACTION_REFERENCE_MIN
    )
    latent = (
        stories.SATISFACTION_BASE
        + stories.SATISFACTION_IF_RESOLVED * resolved
        + weights(stories.SATISFACTION_BY_ANSWER, brand.ANSWER_TYPES)[answer]
        + speed * resolved
        + stories.SATISFACTION_NOISE * rng.standard_normal(len(answer))
    )
    return np.clip(np.round(latent), 1, 5).astype(np.int64)
