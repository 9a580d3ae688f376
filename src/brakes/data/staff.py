"""The ``staff`` table: an employee survey, one row per employee and platform.

Carries the employee side of story 4: employees live on Facebook and LinkedIn,
and judge the brand's audience by their own habits. Each employee also holds
one of the four attitudes of brake 2, which shapes their use and confidence,
and says whether they were trained for social media at work (drawn last, so
the other columns are what they were before the column existed).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from brakes.data import brand, stories
from brakes.data.audience import frequencies, long_format
from brakes.data.sampling import draw, ids, weight_table, weights

DEPARTMENT_SIZE = {
    "marketing": 60,
    "customer_service": 120,
    "hr": 25,
    "sales": 160,
    "communication": 35,
}
ATTITUDE_BY_DEPARTMENT = {
    "marketing": {"flee": 0.05, "so_far_so_good": 0.25, "delegate": 0.15, "follow_the_wind": 0.55},
    "customer_service": {
        "flee": 0.25,
        "so_far_so_good": 0.35,
        "delegate": 0.30,
        "follow_the_wind": 0.10,
    },
    "hr": {"flee": 0.45, "so_far_so_good": 0.25, "delegate": 0.20, "follow_the_wind": 0.10},
    "sales": {"flee": 0.20, "so_far_so_good": 0.50, "delegate": 0.15, "follow_the_wind": 0.15},
    "communication": {
        "flee": 0.10,
        "so_far_so_good": 0.20,
        "delegate": 0.40,
        "follow_the_wind": 0.30,
    },
}
CONFIDENCE_BY_ATTITUDE = {
    "flee": 1.8,
    "so_far_so_good": 3.8,
    "delegate": 2.5,
    "follow_the_wind": 3.9,
}
"""Mean confidence (1-5): those who think all is well feel as sure as the enthusiasts."""
CONFIDENCE_NOISE = 0.8
NAMES_DIR = Path(__file__).with_name("names")
"""The committed name lists, shipped in the package: every install draws the same names."""
FIRST_NAMES = NAMES_DIR / "first_names.txt"
SURNAMES = NAMES_DIR / "surnames.txt"


def generate_staff(rng: np.random.Generator) -> pd.DataFrame:
    """Draw each employee's department, attitude, confidence, name, training and platform use."""
    sizes = [DEPARTMENT_SIZE[d] for d in brand.DEPARTMENTS]
    department = rng.permutation(np.repeat(np.arange(len(brand.DEPARTMENTS)), sizes))
    n = len(department)
    attitude = draw(
        rng,
        weight_table(ATTITUDE_BY_DEPARTMENT, brand.DEPARTMENTS, brand.ATTITUDES),
        department,
        categories=brand.ATTITUDES,
    )
    mean = weights(CONFIDENCE_BY_ATTITUDE, brand.ATTITUDES)[attitude]
    confidence = np.clip(np.round(mean + CONFIDENCE_NOISE * rng.standard_normal(n)), 1, 5)
    habit = weights(stories.ATTITUDE_USE, brand.ATTITUDES)[attitude][:, None]
    frequency = frequencies(
        rng, np.clip(weights(stories.STAFF_WEEKLY_USE, brand.SURVEY_PLATFORMS) * habit, 0, 0.95)
    )
    person = {
        "employee_id": ids("E", n),
        "name": _names(rng, n),
        "department": pd.Categorical.from_codes(department, brand.DEPARTMENTS),
        "attitude": pd.Categorical.from_codes(attitude, brand.ATTITUDES),
        "confidence": confidence.astype(np.int64),
    }
    person["trained"] = _trained(rng, department, confidence)
    frame = long_format(person, frequency)
    return frame[
        [
            "employee_id",
            "name",
            "department",
            "platform",
            "frequency",
            "attitude",
            "confidence",
            "trained",
        ]
    ]


def _trained(
    rng: np.random.Generator, department: np.ndarray, confidence: np.ndarray
) -> np.ndarray:
    """Whether each employee was trained: a chance by department, higher for the more confident."""
    base = weights(stories.TRAINED_BY_DEPARTMENT, brand.DEPARTMENTS)[department]
    odds = base / (1 - base) * stories.TRAINED_ODDS_PER_CONFIDENCE ** (confidence - 3)
    return rng.random(len(department)) < odds / (1 + odds)


def _names(rng: np.random.Generator, count: int) -> np.ndarray:
    """``count`` distinct names, each a first name and a surname, drawn by the table's stream."""
    first, last = name_list(FIRST_NAMES), name_list(SURNAMES)
    pairs = rng.choice(len(first) * len(last), size=count, replace=False)
    return np.array([f"{first[p // len(last)]} {last[p % len(last)]}" for p in pairs])


@cache
def name_list(path: Path) -> tuple[str, ...]:
    """The names of one committed list (one a line, ``#`` for comments), sorted.

    Sorted so that reordering the file changes nothing; a name listed twice
    could be drawn twice, so it is refused.
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    names = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise ValueError(f"{path.name} lists {', '.join(repeated)} more than once")
    return tuple(sorted(names))
