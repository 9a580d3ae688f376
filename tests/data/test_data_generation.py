"""Generation: deterministic, seed-sensitive, typed by the schema, sized and scaled as promised."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from brakes.data import DEFAULT_SEED, TABLE_NAMES, generate, generator, schema, stories
from brakes.data.sampling import draw, weight_table, weights
from brakes.errors import BrakesError
from brakes.exercises.checkers.numeric import close

Tables = dict[str, pd.DataFrame]

WRITE_IN_A_NEW_PROCESS = """
import sys
from brakes.data import generate, write_tables
write_tables(generate(int(sys.argv[1])), sys.argv[2])
"""


def checksums(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_same_seed_gives_the_same_bytes_in_two_processes(tmp_path: Path) -> None:
    folders = [tmp_path / "first", tmp_path / "second"]
    for folder in folders:
        subprocess.run(
            [sys.executable, "-c", WRITE_IN_A_NEW_PROCESS, str(DEFAULT_SEED), str(folder)],
            check=True,
        )
    first, second = (checksums(folder) for folder in folders)
    assert sorted(first) == sorted(f"{name}.csv" for name in TABLE_NAMES)
    assert first == second


def test_different_seeds_give_different_tables(tables_for: Callable[[int], Tables]) -> None:
    one, other = tables_for(1), tables_for(7)
    for name in TABLE_NAMES:
        assert not one[name].equals(other[name]), name


def test_every_column_has_the_schema_dtype(tables_for: Callable[[int], Tables]) -> None:
    tables = tables_for(DEFAULT_SEED)
    for name, frame in tables.items():
        for column in schema.TABLES[name].columns:
            assert frame[column.name].dtype == column.pandas_dtype, (name, column.name)


def test_the_published_seed_is_the_designed_world_and_others_stray_within_range() -> None:
    assert generator.world_for(DEFAULT_SEED) == stories.DESIGNED == stories.World()
    worlds = [generator.world_for(seed) for seed in range(40)]
    for world in worlds:
        assert stories.VOLUME_RANGE[0] <= world.volume <= stories.VOLUME_RANGE[1]
        assert stories.SPREAD_RANGE[0] <= world.spread <= stories.SPREAD_RANGE[1]
    # Drawn, not fixed: the worlds cover most of each range.
    assert np.ptp([w.volume for w in worlds]) > 0.8 * np.diff(stories.VOLUME_RANGE)[0]
    assert np.ptp([w.spread for w in worlds]) > 0.8 * np.diff(stories.SPREAD_RANGE)[0]
    assert generator.world_for(7) == generator.world_for(7)


def test_a_workshop_s_counts_and_medians_are_not_the_published_ones(
    tables_for: Callable[[int], Tables],
) -> None:
    """Numbers that average out over thousands of rows still move with the world (issue #13)."""

    def spread(mentions: pd.DataFrame) -> pd.Series:
        negative = mentions[mentions["sentiment"] == "negative"]
        ratio = negative["reach_7d"] / negative["reach_first_day"]
        return ratio.groupby(negative["brand_answered"]).median()

    published = tables_for(DEFAULT_SEED)
    for seed in (7, 11):
        tables = tables_for(seed)
        world = generator.world_for(seed)
        assert len(tables["mentions"]) == round(40_000 * world.volume) != 40_000
        assert len(tables["support"]) == round(4_000 * world.volume) != 4_000
        medians, published_medians = spread(tables["mentions"]), spread(published["mentions"])
        assert not close(medians, published_medians).all(), (seed, medians, published_medians)


def test_sizes_at_the_default_seed(tables_for: Callable[[int], Tables]) -> None:
    tables = tables_for(DEFAULT_SEED)
    platforms = 9
    assert len(tables["mentions"]) == 40_000
    assert len(tables["support"]) == 4_000
    assert len(tables["audience"]) == 1_500 * platforms
    assert tables["audience"]["respondent_id"].nunique() == 1_500
    assert len(tables["staff"]) == 400 * platforms
    assert tables["staff"]["name"].nunique() == 400
    assert len(tables["page_daily"]) == 546 * 3 + 273
    assert len(tables["campaigns"]) == 80
    assert len(tables["competitors"]) == 18 * 4 * 5
    assert len(tables["sales"]) == 78 * 5


def test_scale_multiplies_mentions_and_support_only(tables_for: Callable[[int], Tables]) -> None:
    base = tables_for(DEFAULT_SEED)
    half = generate(DEFAULT_SEED, scale=0.5)
    assert len(half["mentions"]) == 20_000
    assert len(half["support"]) == 2_000
    for name in ("audience", "staff", "page_daily", "campaigns", "sales"):
        pd.testing.assert_frame_equal(half[name], base[name])
    mentions = half["competitors"]["mentions"].sum() / base["competitors"]["mentions"].sum()
    assert mentions == pytest.approx(0.5, rel=0.05)


def test_identifiers_are_unique(tables_for: Callable[[int], Tables]) -> None:
    tables = tables_for(DEFAULT_SEED)
    for name, key in [
        ("mentions", "mention_id"),
        ("support", "conversation_id"),
        ("campaigns", "campaign_id"),
    ]:
        assert tables[name][key].is_unique, name
    assert not tables["page_daily"].duplicated(["date", "platform"]).any()
    assert not tables["sales"].duplicated(["week", "product_line"]).any()
    assert not tables["competitors"].duplicated(["month", "company", "platform"]).any()


def test_values_are_coherent(tables_for: Callable[[int], Tables]) -> None:
    tables = tables_for(DEFAULT_SEED)
    mentions = tables["mentions"]
    assert mentions["published_at"].is_monotonic_increasing
    assert mentions["published_at"].between("2025-01-01", "2026-07-01").all()
    assert (mentions["reach_first_day"] >= 1).all()
    assert (mentions["reach_7d"] >= mentions["reach_first_day"]).all()
    assert (mentions["answer_delay_h"].notna() == mentions["brand_answered"]).all()
    assert not mentions.loc[mentions["channel"].isin(["forum", "blog"]), "brand_answered"].any()

    support = tables["support"]
    assert (support["first_response_min"].isna() == (support["answer_type"] == "none")).all()
    assert support["satisfaction"].dropna().between(1, 5).all()
    assert support["satisfaction"].notna().mean() > 0.75

    campaigns = tables["campaigns"]
    assert (campaigns["end"] >= campaigns["start"]).all()
    assert (campaigns.loc[campaigns["platform"] == "tiktok", "start"] >= "2025-10-01").all()

    page = tables["page_daily"]
    assert page.loc[page["platform"] == "tiktok", "date"].min() == pd.Timestamp("2025-10-01")

    sales = tables["sales"]
    assert (sales["week"].dt.day_of_week == 0).all()
    assert (sales["new_customers"] + sales["repeat_customers"] <= sales["units"]).all()


def test_tables_agree_with_each_other(tables_for: Callable[[int], Tables]) -> None:
    tables = tables_for(DEFAULT_SEED)
    competitors = tables["competitors"]
    brand = competitors[competitors["company"] == "La Mijotière"]
    mentions = tables["mentions"]
    social = mentions[mentions["channel"].isin(["facebook", "twitter", "instagram", "tiktok"])]
    assert brand["mentions"].sum() - brand.loc[
        brand["platform"] == "youtube", "mentions"
    ].sum() == (len(social))
    assert brand["posts"].sum() == tables["page_daily"]["posts"].sum()

    page = tables["page_daily"]
    facebook = page[page["platform"] == "facebook"].set_index("date")["followers"]
    contest = tables["campaigns"].query("result_metric == 'followers' and platform == 'facebook'")
    gain = facebook["2025-09-21"] - facebook["2025-09-07"]
    assert gain in set(contest["result_value"])


def test_magnitudes_are_realistic(tables_for: Callable[[int], Tables]) -> None:
    tables = tables_for(DEFAULT_SEED)
    reach = tables["mentions"]["reach_first_day"]
    assert 30 <= reach.median() <= 1_000
    assert 10_000 <= reach.max() <= 2_000_000
    followers = tables["page_daily"].groupby("platform", observed=True)["followers"].max()
    assert 10_000 <= followers["facebook"] <= 100_000
    assert 1_000 <= followers["tiktok"] <= followers["facebook"]
    budget = tables["campaigns"]["budget_eur"]
    assert budget.min() >= 300 and budget.max() <= 40_000
    assert 1_000 <= budget.median() <= 10_000
    weekly_units = tables["sales"].groupby("product_line", observed=True)["units"].mean()
    assert weekly_units.between(100, 2_000).all()


@pytest.mark.parametrize("seed", [-1, 1.5, "7", True, None, np.float64(3)])
def test_bad_seed_is_a_clear_user_error(seed: object) -> None:
    with pytest.raises(BrakesError, match="seed must be"):
        generate(seed)  # type: ignore[arg-type]


@pytest.mark.parametrize("scale", [0, -1, 1001, float("nan"), float("inf"), "2", True])
def test_bad_scale_is_a_clear_user_error(scale: object) -> None:
    with pytest.raises(BrakesError, match="scale must be"):
        generate(DEFAULT_SEED, scale)  # type: ignore[arg-type]


def test_numpy_integers_are_accepted_as_seeds(tables_for: Callable[[int], Tables]) -> None:
    pd.testing.assert_frame_equal(generate(np.int64(7))["campaigns"], tables_for(7)["campaigns"])


def fingerprints(tables: Tables) -> dict[str, str]:
    """A SHA-256 of each table's CSV text: equal fingerprints, byte-identical tables."""
    return {
        name: hashlib.sha256(frame.to_csv(index=False).encode()).hexdigest()
        for name, frame in tables.items()
    }


EXTRA = schema.Table(
    name="extra",
    title="A table added by a test",
    description="Proves that a new table leaves the others alone.",
    grain="row",
    columns=(schema.Column("value", "float64", "A random number.", unit="none"),),
)


def generate_extra(rng: np.random.Generator, page_daily: pd.DataFrame) -> pd.DataFrame:
    """A new table that reads another one and draws from its own stream."""
    return pd.DataFrame({"value": rng.random(len(page_daily))})


def test_adding_a_table_leaves_every_other_table_byte_identical(
    tables_for: Callable[[int], Tables], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = fingerprints(tables_for(DEFAULT_SEED))  # before the patch
    # The new table goes first, so that a positional stream would shift every other table.
    monkeypatch.setattr(schema, "TABLES", {"extra": EXTRA, **schema.TABLES})
    monkeypatch.setattr(
        generator,
        "GENERATORS",
        {"extra": generator.TableGenerator(generate_extra, reads=("page_daily",))}
        | dict(generator.GENERATORS),
    )
    with_extra = generate(DEFAULT_SEED)
    assert list(with_extra) == ["extra", *TABLE_NAMES]
    assert len(with_extra["extra"]) == len(with_extra["page_daily"])
    assert fingerprints({name: with_extra[name] for name in TABLE_NAMES}) == expected


def test_removing_or_reordering_tables_leaves_the_others_byte_identical(
    tables_for: Callable[[int], Tables], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = fingerprints(tables_for(DEFAULT_SEED))  # before the patch
    kept = [name for name in reversed(TABLE_NAMES) if name != "audience"]
    monkeypatch.setattr(schema, "TABLES", {name: schema.TABLES[name] for name in kept})
    monkeypatch.setattr(
        generator, "GENERATORS", {name: generator.GENERATORS[name] for name in kept}
    )
    fewer = generate(DEFAULT_SEED)
    assert list(fewer) == kept
    assert fingerprints(fewer) == {name: expected[name] for name in kept}


def test_streams_are_keyed_by_a_stable_hash_of_the_table_name() -> None:
    first = generator.table_stream(DEFAULT_SEED, "support").random(3)
    again = generator.table_stream(DEFAULT_SEED, "support").random(3)
    other = generator.table_stream(DEFAULT_SEED, "mentions").random(3)
    np.testing.assert_array_equal(first, again)
    assert not np.array_equal(first, other)


def test_schema_and_generators_must_declare_the_same_tables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(schema, "TABLES", {"extra": EXTRA, **schema.TABLES})
    with pytest.raises(ValueError, match="disagree on the tables"):
        generate(DEFAULT_SEED)


def test_a_generator_reading_itself_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    looping = generator.TableGenerator(generate_extra, reads=("extra",))
    monkeypatch.setattr(schema, "TABLES", {"extra": EXTRA, **schema.TABLES})
    monkeypatch.setattr(generator, "GENERATORS", {"extra": looping, **generator.GENERATORS})
    with pytest.raises(ValueError, match="'extra' reads itself"):
        generate(DEFAULT_SEED)


# --- Named weights and their checks (brakes.data.sampling) ---------------------------------


def test_weights_follow_the_order_of_the_categories() -> None:
    np.testing.assert_array_equal(weights({"b": 2, "a": 1}, ["a", "b"]), [1.0, 2.0])


def test_weights_name_a_missing_category() -> None:
    with pytest.raises(ValueError, match="missing 'c'"):
        weights({"a": 1, "b": 2}, ["a", "b", "c"])


def test_weights_name_an_unknown_category() -> None:
    with pytest.raises(ValueError, match="unknown 'z'"):
        weights({"a": 1, "b": 2, "z": 3}, ["a", "b"])


def test_weight_table_checks_groups_and_categories() -> None:
    table = {"g1": {"a": 1, "b": 0}, "g2": {"a": 0, "b": 1}}
    np.testing.assert_array_equal(weight_table(table, ["g1", "g2"], ["a", "b"]), np.eye(2))
    with pytest.raises(ValueError, match="missing 'g3'"):
        weight_table(table, ["g1", "g2", "g3"], ["a", "b"])
    with pytest.raises(ValueError, match="missing 'c'"):
        weight_table(table, ["g1", "g2"], ["a", "b", "c"])


def test_draw_follows_the_weights_of_each_group() -> None:
    rng = np.random.default_rng(0)
    codes = draw(rng, np.eye(3), np.array([2, 0, 1, 2]), categories=["a", "b", "c"])
    np.testing.assert_array_equal(codes, [2, 0, 1, 2])


def test_draw_refuses_a_table_with_the_wrong_number_of_columns() -> None:
    rng = np.random.default_rng(0)
    with pytest.raises(ValueError, match="has 2 columns but there are 3 categories"):
        draw(rng, np.ones((1, 2)), size=5, categories=["a", "b", "c"])


@pytest.mark.parametrize(("group", "bad"), [([0, 1, 2], 2), ([-1, 0], -1)])
def test_draw_refuses_a_group_out_of_range(group: list[int], bad: int) -> None:
    rng = np.random.default_rng(0)
    with pytest.raises(ValueError, match=f"group index {bad} is out of range"):
        draw(rng, np.ones((2, 3)), np.array(group))


def test_draw_refuses_negative_or_empty_weights() -> None:
    rng = np.random.default_rng(0)
    with pytest.raises(ValueError, match="non-negative"):
        draw(rng, np.array([0.5, -0.1, 0.6]), size=3)
    with pytest.raises(ValueError, match="non-negative"):
        draw(rng, np.zeros((1, 3)), size=3)
