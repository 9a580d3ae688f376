"""Employees' names: drawn from the committed lists by the staff table's stream, everywhere alike.

The names once came from Faker, whose output changes between its versions;
now every install of the package draws the same names for the same seed.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from brakes.config import COURSE
from brakes.data import DEFAULT_SEED, generator, staff

Tables = dict[str, pd.DataFrame]

PUBLISHED_NAMES_SHA256 = "1335a4329610175dc7bbfe2b497d33c30aaabe1cd37c0ae341745e8ffd838ac0"
"""The published seed's 400 names, one a line in employee order: they change only on purpose."""


def names_bytes(frame: pd.DataFrame) -> bytes:
    """Each employee's name once, in employee order, one a line, as UTF-8."""
    return "\n".join(frame.drop_duplicates("employee_id")["name"]).encode("utf-8")


@pytest.mark.parametrize("seed", [DEFAULT_SEED, 7])
def test_two_draws_with_the_same_seed_give_the_same_bytes(seed: int) -> None:
    first, second = (staff.generate_staff(generator.table_stream(seed, "staff")) for _ in "ab")
    assert names_bytes(first) == names_bytes(second)


def test_the_published_names_are_the_ones_published(tables_for: Callable[[int], Tables]) -> None:
    digest = hashlib.sha256(names_bytes(tables_for(DEFAULT_SEED)["staff"])).hexdigest()
    assert digest == PUBLISHED_NAMES_SHA256, (
        "the published seed's names changed: if on purpose, say so in CHANGELOG.md "
        "and put the new digest here"
    )


@pytest.mark.parametrize("seed", [DEFAULT_SEED, 7])
def test_every_name_is_a_listed_first_name_and_a_listed_surname(
    seed: int, tables_for: Callable[[int], Tables]
) -> None:
    people = tables_for(seed)["staff"].drop_duplicates("employee_id")
    first, last = staff.name_list(staff.FIRST_NAMES), staff.name_list(staff.SURNAMES)
    parts = people["name"].str.split(" ", n=1)
    assert parts.str[0].isin(first).all()
    assert parts.str[1].isin(last).all()
    assert people["name"].is_unique
    # Drawn from the whole lists, not a few names over and over.
    assert parts.str[0].nunique() > len(first) / 2 and parts.str[1].nunique() > len(last) / 2


def test_a_first_name_holds_no_space_so_a_full_name_splits_back() -> None:
    spaced = [name for name in staff.name_list(staff.FIRST_NAMES) if " " in name]
    assert not spaced, f"use a hyphen in {spaced} (first_names.txt)"


def test_the_order_of_a_list_changes_nothing_and_a_repeated_name_is_refused(
    tmp_path: Path,
) -> None:
    lines = staff.SURNAMES.read_text(encoding="utf-8").splitlines()
    reordered = tmp_path / "reordered.txt"
    reordered.write_text("\n".join(reversed(lines)), encoding="utf-8")
    assert staff.name_list(reordered) == staff.name_list(staff.SURNAMES)

    repeated = tmp_path / "repeated.txt"
    repeated.write_text("# a comment\nMartin\n\nDupont\nMartin\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"repeated\.txt lists Martin more than once"):
        staff.name_list(repeated)


def test_the_package_ships_the_name_lists() -> None:
    """pyproject.toml's package-data names both lists, so the learners' wheel holds them."""
    pyproject = tomllib.loads((COURSE.root / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["brakes.data"]
    package = Path(staff.__file__).parent
    shipped = {path for pattern in patterns for path in package.glob(pattern)}
    assert {staff.FIRST_NAMES, staff.SURNAMES} <= shipped
