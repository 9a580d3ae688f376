"""The fictional brand's data: La Mijotière, a maker of small kitchen appliances in Lyon.

Eight tables over 18 months (January 2025 to June 2026), generated from a seed,
deterministically and fast. The course's nine stories, and every number that
makes them true, live in :mod:`brakes.data.stories`; each table's generator
lives in the module of the same name; :mod:`brakes.data.schema` declares every
column.

>>> from brakes.data import load
>>> mentions = load("mentions")          # the active source: the default seed
>>> mentions = load("mentions", seed=7)  # seed 7, which becomes the active source
"""

from brakes.data import schema
from brakes.data.generator import DEFAULT_SEED, TABLE_NAMES, generate
from brakes.data.io import read_tables, write_tables
from brakes.data.source import active_source, load, use

__all__ = [
    "DEFAULT_SEED",
    "TABLE_NAMES",
    "active_source",
    "generate",
    "load",
    "read_tables",
    "schema",
    "use",
    "write_tables",
]
