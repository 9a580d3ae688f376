"""Generate every table of the brand's data from one seed.

:data:`GENERATORS` declares, for each table, the function that draws it and
the tables it reads. Each table draws from its own random stream, derived
from the seed and a stable hash of the table's *name* (:func:`table_stream`),
so adding, removing or reordering a table never shifts another's numbers.
Tables that summarise others (``competitors``, ``campaigns``) read those
frames, so the tables agree with each other.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from numbers import Integral, Real

import numpy as np
import pandas as pd

from brakes.config import COURSE
from brakes.data import schema, stories
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
    value = float(scale)
    if not 0 < value <= MAX_SCALE:
        raise BrakesError(
            f"scale must be more than 0 and at most {MAX_SCALE}, got {scale}; "
            "1 gives about 40,000 mentions."
        )
    return value


@dataclass(frozen=True)
class TableGenerator:
    """How one table is drawn: ``function(rng, *tables it reads[, scale][, world=world])``.

    ``reads`` names the tables passed after the random generator, in that
    order; ``scaled`` says whether ``scale`` (times the world's volume) is
    passed next; ``worldly`` whether the seed's :class:`stories.World` is passed
    by name.
    """

    function: Callable[..., pd.DataFrame]
    reads: tuple[str, ...] = ()
    scaled: bool = False
    worldly: bool = False


GENERATORS: Mapping[str, TableGenerator] = {
    "mentions": TableGenerator(generate_mentions, scaled=True, worldly=True),
    "support": TableGenerator(generate_support, scaled=True),
    "audience": TableGenerator(generate_audience),
    "staff": TableGenerator(generate_staff),
    "page_daily": TableGenerator(generate_page_daily),
    "campaigns": TableGenerator(generate_campaigns, reads=("page_daily",)),
    "competitors": TableGenerator(
        generate_competitors, reads=("mentions", "page_daily"), scaled=True
    ),
    "sales": TableGenerator(generate_sales),
}
"""Every table's generator, by table name; :mod:`brakes.data.schema` declares the same names."""


def table_stream(seed: int, name: str) -> np.random.Generator:
    """The random stream of table ``name``: the seed plus a stable hash of the name.

    SHA-256 rather than :func:`hash`, which Python salts per process.
    """
    key = int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "little")
    return np.random.default_rng(np.random.SeedSequence([seed, key]))


def world_for(seed: int) -> stories.World:
    """The world of ``seed``: the designed one for the published seed, a sibling for any other.

    Drawn from its own stream, so no table's numbers shift because of it.
    """
    if seed == DEFAULT_SEED:
        return stories.DESIGNED
    rng = table_stream(seed, "world")
    return stories.World(
        volume=float(rng.uniform(*stories.VOLUME_RANGE)),
        spread=float(rng.uniform(*stories.SPREAD_RANGE)),
    )


def _generation_order(names: list[str]) -> list[str]:
    """``names`` with every table after the tables it reads; a missing or circular read raises."""
    done: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in done:
            return
        if name in visiting:
            raise ValueError(f"table {name!r} reads itself through {', '.join(sorted(visiting))}")
        if name not in GENERATORS:
            raise ValueError(f"a generator reads table {name!r}, which has no generator")
        visiting.add(name)
        for read in GENERATORS[name].reads:
            visit(read)
        visiting.discard(name)
        done.append(name)

    for name in names:
        visit(name)
    return done


def generate(seed: int = DEFAULT_SEED, scale: float = 1.0) -> dict[str, pd.DataFrame]:
    """Every table for ``seed``, typed as the schema says.

    ``scale`` multiplies the rows of mentions and support (and the mention
    counts of competitors); the other tables keep their size.

    The same seed gives the same tables on every run; another seed gives a
    different history, in a slightly different world (:func:`world_for`), in
    which the course's nine stories still hold.
    """
    seed = check_seed(seed)
    scale = check_scale(scale)
    names = list(schema.TABLES)
    if set(names) != set(GENERATORS):
        raise ValueError(
            "the schema and the generators disagree on the tables: "
            f"schema {sorted(names)}, generators {sorted(GENERATORS)}"
        )
    world = world_for(seed)
    tables: dict[str, pd.DataFrame] = {}
    for name in _generation_order(names):
        spec = GENERATORS[name]
        inputs = [tables[read] for read in spec.reads]
        extra = [scale * world.volume] if spec.scaled else []
        named = {"world": world} if spec.worldly else {}
        tables[name] = spec.function(table_stream(seed, name), *inputs, *extra, **named)
    return {name: schema.coerce(tables[name], name, origin="the generator") for name in names}
