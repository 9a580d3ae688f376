"""The ``sales`` table: the e-shop's weekly sales per product line.

Carries story 5 (Tourbillon's sales hold for months while its sentiment slides,
then fall) and story 7 (the repeat-purchase rate ignores the contest).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from brakes.data import brand, stories

# Background: what each line sells, at what price, and the calendar of a kitchen shop.
WEEKLY_UNITS = {"Tourbillon": 650, "Perle": 520, "Croustille": 410, "Arôme": 480, "Mijote": 260}
PRICE_EUR = {"Tourbillon": 89.0, "Perle": 49.0, "Croustille": 59.0, "Arôme": 119.0, "Mijote": 79.0}
CALENDAR_MONTH_SALES = (1.04, 0.96, 0.97, 1.0, 1.04, 0.99, 0.93, 0.86, 0.98, 1.0, 1.07, 1.12)
"""January sales, Mother's Day in May, a summer lull, Black Friday and Christmas.
Both halves of the year weigh the same over their weeks, so half-years compare fairly."""
UNITS_NOISE = 0.03
"""Week-to-week wobble of units sold, as a share of them."""
UNITS_PER_BUYER = 1.04
REPEAT_RATE_NOISE = 0.015
"""Week-to-week wobble of the repeat-purchase rate, in share of buyers."""
DISCOUNT_WEEKS = {
    "2025-01-13": 0.10,
    "2025-01-20": 0.10,
    "2025-11-24": 0.20,
    "2026-01-12": 0.10,
    "2026-01-19": 0.10,
}
"""Weeks of sales (soldes) and Black Friday, with their average discount."""


def generate_sales(rng: np.random.Generator) -> pd.DataFrame:
    """Draw units, revenue and new versus returning buyers for every week and line."""
    weeks = brand.WEEKS
    month = brand.month_number(weeks)
    season = np.asarray(CALENDAR_MONTH_SALES)[weeks.month - 1]
    discount = np.array([DISCOUNT_WEEKS.get(f"{week:%Y-%m-%d}", 0.0) for week in weeks])
    frames = []
    for line in brand.PRODUCT_LINES:
        drop = np.zeros(len(weeks))
        if line == stories.SLIDE_LINE:
            drop = np.array([stories.SLIDE_SALES_DROP.get(m, 0.0) for m in month])
        expected = WEEKLY_UNITS[line] * season * (1 - drop)
        units = np.round(expected * rng.lognormal(0.0, UNITS_NOISE, len(weeks))).astype(np.int64)
        buyers = np.round(units / UNITS_PER_BUYER).astype(np.int64)
        wobble = REPEAT_RATE_NOISE * rng.standard_normal(len(weeks))
        repeat = np.round(buyers * np.clip(stories.REPEAT_RATE[line] + wobble, 0.0, 1.0))
        paid = PRICE_EUR[line] * (1 - discount) * rng.uniform(0.97, 1.0, len(weeks))
        frames.append(
            pd.DataFrame(
                {
                    "week": weeks,
                    "product_line": line,
                    "units": units,
                    "revenue_eur": np.round(units * paid, 2),
                    "new_customers": (buyers - repeat).astype(np.int64),
                    "repeat_customers": repeat.astype(np.int64),
                }
            )
        )
    frame = pd.concat(frames, ignore_index=True)
    frame["product_line"] = pd.Categorical(frame["product_line"], brand.PRODUCT_LINES)
    return frame.sort_values(["week", "product_line"], kind="stable", ignore_index=True)
