"""Generate every table of the brand's data from one seed.

Each table draws from its own random stream, spawned from the seed in the
fixed order of :data:`TABLE_NAMES`, so changing one table's generator never
shifts another's numbers. Tables that summarise others (``competitors``,
``campaigns``) read those frames, so the tables agree with each other.
"""

from __future__ import annotations

import math
from numbers import Integral, Real

import numpy as np
import pandas as pd

from brakes.config import COURSE
from brakes.data import schema
from brakes.data.audience import generate_audience
from brakes.data.campaigns import generate_campaigns
from brakes.data.competitors import generate_competitors
from brakes.data.mentions import generate_mentions
from brakes.data.page_daily import generate_page_daily
from brakes.data.sales import generate_sales
from brakes.data.staff import generate_staff
from brakes.data.support import generate_support
from brakes.errors import BrakesError

TABLE_NAMES: tuple[str, ...] = tuple(schema.TABLES)
DEFAULT_SEED: int = COURSE.default_seed
MAX_SCALE = 1000


def check_seed(seed: object) -> int:
    """Return ``seed`` as an int, or raise a :class:`BrakesError` saying what a seed must be."""
    if isinstance(seed, bool) or not isinstance(seed, Integral):
        raise BrakesError(
            f"seed must be a whole number such as {DEFAULT_SEED}, got {seed!r}; "
            "pass an int of 0 or more."
        )
    if seed < 0:
        raise BrakesError(f"seed must be 0 or more, got {seed}; pass a non-negative whole number.")
    return int(seed)


def check_scale(scale: object) -> float:
    """Return ``scale`` as a float, or raise a :class:`BrakesError` saying what it must be."""
    if isinstance(scale, bool) or not isinstance(scale, Real) or not math.isfinite(scale):
        raise BrakesError(f"scale must be a number such as 1 or 10, got {scale!r}.")
    if not 0 < scale <= MAX_SCALE:
        raise BrakesError(
            f"scale must be more than 0 and at most {MAX_SCALE}, got {scale}; "
            "1 gives about 40,000 mentions."
        )
    return float(scale)


def generate(seed: int = DEFAULT_SEED, scale: float = 1.0) -> dict[str, pd.DataFrame]:
    """Every table for ``seed``, typed as the schema says.

    ``scale`` multiplies the rows of mentions and support (and the mention
    counts of competitors); the other tables keep their size.

    The same seed gives the same tables on every run; another seed gives a
    different history in which the course's nine stories still hold.
    """
    seed = check_seed(seed)
    scale = check_scale(scale)
    children = np.random.SeedSequence(seed).spawn(len(TABLE_NAMES))
    rng = {
        name: np.random.default_rng(child)
        for name, child in zip(TABLE_NAMES, children, strict=True)
    }

    mentions = generate_mentions(rng["mentions"], scale)
    page_daily = generate_page_daily(rng["page_daily"])
    tables = {
        "mentions": mentions,
        "support": generate_support(rng["support"], scale),
        "audience": generate_audience(rng["audience"]),
        "staff": generate_staff(rng["staff"]),
        "page_daily": page_daily,
        "campaigns": generate_campaigns(rng["campaigns"], page_daily),
        "competitors": generate_competitors(rng["competitors"], mentions, page_daily, scale),
        "sales": generate_sales(rng["sales"]),
    }
    return {name: schema.coerce(tables[name], name, origin="the generator") for name in TABLE_NAMES}
