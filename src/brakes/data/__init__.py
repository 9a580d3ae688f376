"""The fictional brand's data: La Mijotière, a maker of small kitchen appliances in Lyon.

Eight tables over 18 months (January 2025 to June 2026), generated from a seed,
deterministically and fast. The course's stories, and every number that
makes them true, live in :mod:`brakes.data.stories`; each table's generator
lives in the module of the same name; :mod:`brakes.data.schema` declares every
column.

>>> from brakes.data import load, SeedSource
>>> mentions = load("mentions")                 # the default source: the published seed
>>> mentions = SeedSource(7).load("mentions")   # seed 7, passed explicitly
"""

from brakes.data import schema
from brakes.data.generator import DEFAULT_SEED, TABLE_NAMES, generate
from brakes.data.io import read_tables, write_tables
from brakes.data.source import (
    DataSource,
    FolderSource,
    SeedSource,
    active_source,
    default_source,
    load,
    source,
    use,
)

__all__ = [
    "DEFAULT_SEED",
    "TABLE_NAMES",
    "DataSource",
    "FolderSource",
    "SeedSource",
    "active_source",
    "default_source",
    "generate",
    "load",
    "read_tables",
    "schema",
    "source",
    "use",
    "write_tables",
]
