"""The chart helpers: one call draws a titled, labelled chart in the palette, with alt text.

Small hand-made tables shaped like chapter 1's answers, so each test says what it draws.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex
from PIL import Image

from brakes.errors import BrakesError
from brakes.plotting import (
    PALETTE,
    alt_text,
    axis_label,
    bars,
    before_after,
    grouped_bars,
    line_over_time,
    scatter_groups,
    scatter_labelled,
    scatter_trend,
    small_multiples,
)


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


@pytest.fixture
def conversation_map() -> pd.DataFrame:
    """Like exercise 1.4's answer: one row per channel."""
    return pd.DataFrame(
        {"share_pct": [13.8, 6.9, 20.9, 18.9], "net_sentiment": [25.0, 4.0, -20.7, -30.6]},
        index=pd.Index(["facebook", "twitter", "forum", "review_site"], name="channel"),
    )


@pytest.fixture
def reach_week() -> pd.DataFrame:
    """Like exercise 1.7's answer: indexed by brand_answered."""
    return pd.DataFrame(
        {"reach_first_day": [130.5, 141.0], "reach_7d": [399.5, 161.0]},
        index=pd.Index([False, True], name="brand_answered"),
    )


@pytest.fixture
def speed_vs_resolution() -> pd.DataFrame:
    """Like exercise 1.13's answer: indexed by (handled_by, product_line)."""
    index = pd.MultiIndex.from_product(
        [["agency", "in_house"], ["Perle", "Mijote", "Arôme"]],
        names=["handled_by", "product_line"],
    )
    return pd.DataFrame(
        {
            "median_first_response_min": [11.8, 12.2, 11.4, 43.3, 45.4, 45.3],
            "resolution_rate": [53.0, 48.7, 47.0, 70.7, 74.7, 69.7],
        },
        index=index,
    )


def colours(artists: list) -> set[str]:
    return {to_hex(artist.get_facecolor()) for artist in artists}


def point_colours(ax: plt.Axes) -> list[str]:
    """One colour per point drawn (a scatter with one colour stores it once)."""
    return [
        to_hex(points.get_facecolors()[0 if len(points.get_facecolors()) == 1 else number])
        for points in ax.collections
        for number in range(len(points.get_offsets()))
    ]


def texts(ax: plt.Axes) -> list[str]:
    return [text.get_text() for text in ax.texts]


# ---------------------------------------------------------------------------
# Each helper: title, labels, one artist per row, palette colours, alt text
# ---------------------------------------------------------------------------


def test_bars_one_bar_per_row_biggest_on_top_with_values() -> None:
    answer_rate = pd.Series(
        [25.2, 0.0, 27.4], index=pd.Index(["facebook", "forum", "twitter"], name="channel")
    ).rename("answer_rate")
    ax = bars(answer_rate, title="Where the brand answers", highlight=["forum"])
    assert ax.get_title(loc="left") == "Where the brand answers"
    assert ax.get_xlabel() == "Answer rate (%)"
    assert ax.get_ylabel() == "Channel"
    assert len(ax.patches) == 3
    assert [label.get_text() for label in ax.get_yticklabels()] == ["forum", "facebook", "twitter"]
    assert colours(ax.patches) == {PALETTE[0].lower(), PALETTE[1].lower()}
    assert texts(ax) == ["0.0%", "25.2%", "27.4%"]
    assert ax.get_xlim()[0] == 0
    alt = alt_text(ax.figure)
    assert alt.startswith("Bar chart: Where the brand answers.")
    assert "twitter 27.4%" in alt and "forum 0.0%" in alt and "Highlighted: forum" in alt


def test_bars_unsorted_keeps_the_tables_order_from_the_top() -> None:
    series = pd.Series([1, 3, 2], index=["a", "b", "c"], name="units")
    ax = bars(series, sort=False)
    assert [label.get_text() for label in ax.get_yticklabels()] == ["c", "b", "a"]


def test_grouped_bars_one_colour_per_column_and_a_legend() -> None:
    platforms = pd.DataFrame(
        {"staff": [13.8, 11.7, 13.2], "customers": [12.0, 13.2, 7.4]},
        index=pd.Index(["facebook", "instagram", "linkedin"], name="platform"),
    )
    ax = grouped_bars(platforms, title="Not on the same platforms", xlabel="Share (%)")
    assert ax.get_title(loc="left") == "Not on the same platforms"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Share (%)", "Platform")
    assert len(ax.patches) == 6
    assert colours(ax.patches) == {PALETTE[0].lower(), PALETTE[1].lower()}
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["staff", "customers"]
    alt = alt_text(ax)
    assert "staff: facebook 13.8%" in alt and "customers:" in alt and "linkedin 7.4%" in alt


def test_scatter_labelled_names_every_point(conversation_map: pd.DataFrame) -> None:
    ax = scatter_labelled(
        conversation_map,
        x="share_pct",
        y="net_sentiment",
        hline=0,
        highlight=["forum", "review_site"],
        highlight_name="brand has no voice",
        title="Map of the conversation",
        xlabel="Share of all mentions (%)",
        ylabel="Net sentiment (points)",
    )
    assert ax.get_title(loc="left") == "Map of the conversation"
    assert ax.get_xlabel() == "Share of all mentions (%)"
    assert ax.get_ylabel() == "Net sentiment (points)"
    assert sum(len(points.get_offsets()) for points in ax.collections) == 4
    assert set(point_colours(ax)) == {PALETTE[0].lower(), PALETTE[1].lower()}
    assert sorted(texts(ax)) == ["facebook", "forum", "review_site", "twitter"]
    assert ax.get_xlim()[0] == 0  # a share starts at zero
    assert any(list(line.get_ydata()) == [0, 0] for line in ax.lines)  # the zero line
    alt = alt_text(ax.figure)
    for channel in conversation_map.index:
        assert channel in alt
    assert "review_site (brand has no voice) (18.9%, -30.6)" in alt


def test_scatter_labelled_defaults_come_from_the_column_names(
    conversation_map: pd.DataFrame,
) -> None:
    ax = scatter_labelled(conversation_map, x="share_pct", y="net_sentiment")
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Share (%)", "Net sentiment")
    assert ax.get_title(loc="left") == "Net sentiment against Share (%)"


def test_scatter_groups_with_a_two_level_index(speed_vs_resolution: pd.DataFrame) -> None:
    ax = scatter_groups(
        speed_vs_resolution,
        x="median_first_response_min",
        y="resolution_rate",
        group="handled_by",
        label="product_line",
        title="Fast but solves less",
    )
    assert ax.get_title(loc="left") == "Fast but solves less"
    assert ax.get_xlabel() == "Median first response (minutes)"
    assert ax.get_ylabel() == "Resolution rate (%)"
    assert [len(points.get_offsets()) for points in ax.collections] == [3, 3]
    assert point_colours(ax) == [PALETTE[0].lower()] * 3 + [PALETTE[1].lower()] * 3
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["agency", "in_house"]
    assert sorted(texts(ax)) == sorted(["Perle", "Mijote", "Arôme"] * 2)
    assert ax.get_ylim()[0] == 0
    alt = alt_text(ax)
    assert "agency: 3 point(s)" in alt and "in_house: 3 point(s)" in alt


def test_before_after_one_line_per_row(reach_week: pd.DataFrame) -> None:
    ax = before_after(
        reach_week,
        moments=("first day", "after 7 days"),
        names={False: "not answered", True: "answered"},
        title="A week in the life of a complaint",
        ylabel="Median reach (people)",
    )
    assert ax.get_title(loc="left") == "A week in the life of a complaint"
    assert ax.get_ylabel() == "Median reach (people)"
    assert [label.get_text() for label in ax.get_xticklabels()] == ["first day", "after 7 days"]
    assert len(ax.lines) == 2
    assert [to_hex(line.get_color()) for line in ax.lines] == [p.lower() for p in PALETTE[:2]]
    assert [line.get_label() for line in ax.lines] == ["not answered", "answered"]
    assert ax.get_ylim()[0] == 0
    assert sorted(texts(ax)) == ["130.5", "141.0", "161.0", "399.5"]
    alt = alt_text(ax)
    assert "not answered from 130.5 to 399.5" in alt and "answered from 141.0 to 161.0" in alt


def test_before_after_names_a_true_false_index_in_words(reach_week: pd.DataFrame) -> None:
    ax = before_after(reach_week)
    assert [line.get_label() for line in ax.lines] == ["brand answered: no", "brand answered: yes"]


def test_line_over_time_one_line_per_column_and_a_threshold() -> None:
    weeks = pd.date_range("2025-01-06", periods=10, freq="W-MON", name="week")
    units = pd.DataFrame({"Perle": np.arange(10) + 500, "Mijote": np.arange(10) + 250}, weeks)
    ax = line_over_time(units, threshold=600, threshold_label="target", title="Units per week")
    assert ax.get_title(loc="left") == "Units per week"
    assert ax.get_xlabel() == "Week"
    data_lines = [line for line in ax.lines if line.get_label() in ("Perle", "Mijote")]
    assert [len(line.get_xdata()) for line in data_lines] == [10, 10]
    assert [to_hex(line.get_color()) for line in data_lines] == [p.lower() for p in PALETTE[:2]]
    assert "target" in [text.get_text() for text in ax.get_legend().get_texts()]
    assert ax.get_ylim()[0] == 0
    alt = alt_text(ax)
    assert "Perle: starts at 500, ends at 509" in alt and "target at 600" in alt
    assert "6 Jan 2025" in alt


def test_line_over_time_a_series_is_one_line_named_by_its_column() -> None:
    weeks = pd.date_range("2025-01-06", periods=5, freq="W-MON", name="week")
    net = pd.Series([10.0, -5.0, 3.0, 2.0, 1.0], weeks, name="net_sentiment")
    ax = line_over_time(net)
    assert ax.get_ylabel() == "Net sentiment"
    assert len(ax.lines) == 1
    assert ax.get_ylim()[0] < -5  # negative values: no zero floor
    assert "lowest -5 at 13 Jan 2025" in alt_text(ax)


def test_scatter_trend_reports_the_correlation() -> None:
    rng = np.random.default_rng(0)
    posts = rng.integers(0, 7, 40)
    weekly = pd.DataFrame({"posts": posts, "engagements": posts * 30 + rng.normal(0, 20, 40)})
    r = weekly["posts"].corr(weekly["engagements"])
    ax = scatter_trend(weekly, x="posts", y="engagements", title="Posts and engagement")
    assert ax.get_title(loc="left") == "Posts and engagement"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Posts", "Engagements")
    assert len(ax.collections[0].get_offsets()) == 40
    assert to_hex(ax.lines[0].get_color()) in [p.lower() for p in PALETTE]
    assert f"r = {r:+.2f}" in ax.get_legend().get_texts()[1].get_text()
    assert f"Correlation r = {r:+.2f}" in alt_text(ax)


# ---------------------------------------------------------------------------
# Alt text reaches the saved image; default labels carry units
# ---------------------------------------------------------------------------


def test_savefig_writes_the_alt_text_into_the_png(
    conversation_map: pd.DataFrame, tmp_path: Path
) -> None:
    ax = scatter_labelled(conversation_map, x="share_pct", y="net_sentiment")
    path = tmp_path / "map.png"
    ax.figure.savefig(path)
    assert Image.open(path).info["Description"] == alt_text(ax.figure)
    plt.savefig(tmp_path / "through_pyplot.png")
    assert Image.open(tmp_path / "through_pyplot.png").info["Description"] == alt_text(ax)


def test_two_charts_on_one_figure_have_both_alt_texts(conversation_map: pd.DataFrame) -> None:
    fig, (left, right) = plt.subplots(1, 2)
    bars(conversation_map, value="share_pct", ax=left)
    scatter_labelled(conversation_map, x="share_pct", y="net_sentiment", ax=right)
    assert alt_text(fig) == alt_text(left) + "\n" + alt_text(right)


@pytest.mark.parametrize(
    ("column", "label"),
    [
        ("share_pct", "Share (%)"),
        ("resolution_rate", "Resolution rate (%)"),
        ("median_first_response_min", "Median first response (minutes)"),
        ("revenue_eur", "Revenue (€)"),
        ("net_sentiment", "Net sentiment"),
    ],
)
def test_axis_label_from_a_column_name(column: str, label: str) -> None:
    assert axis_label(column) == label


# ---------------------------------------------------------------------------
# A table the helper cannot draw: one line that says what to pass
# ---------------------------------------------------------------------------


def test_unknown_column_names_the_columns(conversation_map: pd.DataFrame) -> None:
    with pytest.raises(BrakesError) as caught:
        scatter_labelled(conversation_map, x="share", y="net_sentiment")
    message = str(caught.value)
    assert message.startswith("scatter_labelled: no column 'share'")
    assert "its columns are share_pct, net_sentiment and its index is channel" in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("draw", "expected"),
    [
        (lambda t: bars([1, 2, 3]), "bars: expects a table (a pandas Series or DataFrame)"),
        (lambda t: bars(t.iloc[0:0], value="share_pct"), "bars: your table is empty"),
        (lambda t: bars(t), "say which one to draw, e.g. value='share_pct'"),
        (
            lambda t: bars(t, value="share_pct", highlight=["tiktok"]),
            "highlight names tiktok, which are not rows of your table",
        ),
        (lambda t: grouped_bars(t["share_pct"]), "use bars(...) for it"),
        (
            lambda t: scatter_labelled(
                t.assign(share_pct=t.index), x="share_pct", y="net_sentiment"
            ),
            "x must be numbers, but 'share_pct' holds",
        ),
        (
            lambda t: scatter_trend(
                t.assign(share_pct=[1.0, np.nan, 2.0, 3.0]), "share_pct", "net_sentiment"
            ),
            "1 value(s) of 'share_pct' are missing (NaN), at twitter",
        ),
        (
            lambda t: scatter_groups(t, "share_pct", "net_sentiment", group="handler"),
            "no column 'handler'",
        ),
        (lambda t: before_after(t.assign(extra=1)), "your table has 3 columns; say which two"),
        (lambda t: line_over_time(t), "the index of your table should be dates"),
        (lambda t: scatter_trend(t.iloc[:2], "share_pct", "net_sentiment"), "at least 3 rows"),
    ],
)
def test_bad_tables_raise_one_line_that_says_what_to_do(
    conversation_map: pd.DataFrame, draw, expected: str
) -> None:
    with pytest.raises(BrakesError) as caught:
        draw(conversation_map)
    assert expected in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_placeholder_answer_draws_nothing_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    """The note is ordinary output (stdout), not stderr: JupyterLab shows stderr as an error."""
    assert scatter_labelled(..., x="share_pct", y="net_sentiment") is None
    said = capsys.readouterr()
    assert "scatter_labelled: nothing to draw yet; fill in your answer above" in said.out
    assert said.err == ""


def test_small_multiples_one_panel_per_column_with_targets(
    capsys: pytest.CaptureFixture[str],
) -> None:
    months = pd.period_range("2025-01", periods=6, freq="M", name="month")
    kpis = pd.DataFrame(
        {
            "followers": [100, 110, 150, 152, 155, 160],
            "net_sentiment": [10.0, 8.0, 2.0, -1.0, -3.0, -2.0],
            "resolution_rate": [55.0, 56.0, 54.0, 57.0, 55.0, 56.0],
            "first_response_min": [14.0, 15.0, 13.0, 14.0, 16.0, 15.0],
        },
        months,
    )
    fig = small_multiples(
        kpis,
        titles={"followers": "Followers (vanity)"},
        ylabels={"followers": "Followers (accounts)"},
        targets={"resolution_rate": 70},
        target_label="target, Dec 2026",
        title="Dashboard",
    )
    shown = [ax for ax in fig.axes if ax.get_visible()]
    assert len(fig.axes) == 6 and len(shown) == 4
    assert [ax.get_title(loc="left") for ax in shown] == [
        "Followers (vanity)",
        "Net sentiment",
        "Resolution rate (%)",
        "First response (minutes)",
    ]
    assert [ax.get_legend() is not None for ax in shown] == [False, False, True, False]
    assert shown[0].get_ylabel() == "Followers (accounts)"
    bottom, top = shown[2].get_ylim()
    assert top - 70 >= 0.05 * (top - bottom)  # the target line is not on the panel's edge
    assert "target, Dec 2026 at 70" in alt_text(fig)
    assert fig._suptitle.get_text() == "Dashboard"
    with pytest.raises(BrakesError, match="which are not columns of your table"):
        small_multiples(kpis, targets={"satisfaction": 4})
    with pytest.raises(BrakesError, match="satisfaction, which are not columns"):
        small_multiples(kpis, ylabels={"satisfaction": "Score"})
    with pytest.raises(BrakesError, match="single Series"):
        small_multiples(kpis["followers"])
    assert small_multiples(...) is None
    assert "nothing to draw yet" in capsys.readouterr().out


def test_a_two_column_dashboard_is_as_wide_as_every_other_chart() -> None:
    """On the page its text then shows at the size of the other charts' text."""
    months = pd.period_range("2025-01", periods=6, freq="M", name="month")
    kpis = pd.DataFrame(
        {"followers": range(6), "net_sentiment": range(6), "reach": range(6)}, months
    )
    chart = line_over_time(kpis["followers"])
    dashboard = small_multiples(kpis, columns=2)
    assert dashboard.get_size_inches()[0] == pytest.approx(chart.figure.get_size_inches()[0])
