"""One matplotlib look for every plot of the course, and one-call charts drawn from a table.

The palette is Okabe and Ito's (2008), designed to stay distinct for the common
forms of colour blindness. Notebooks call ``use_course_style()`` once; the chart
helpers (``bars``, ``scatter_labelled``…) call it themselves.

Each helper draws one chart from the learner's Series or DataFrame, with a title,
axis labels with units and the course palette, and writes an alt text for it:
``alt_text(fig)`` returns it, and ``fig.savefig("chart.png")`` stores it in the
PNG's ``Description`` (the SVG's too). A table the helper cannot draw raises a
``BrakesError`` that says what was wrong and what to pass, never a traceback.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Hashable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import matplotlib as mpl
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from cycler import cycler
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from brakes.errors import BrakesError

if TYPE_CHECKING:
    # Newer than the oldest matplotlib we support (3.8): only the type checker reads it.
    from matplotlib.typing import RcKeyType

#: Okabe–Ito colours, in the order plots use them.
PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black
)

#: Colours with a meaning, used the same way in every chapter.
SENTIMENT_COLOURS = {"negative": "#D55E00", "neutral": "#999999", "positive": "#0072B2"}

#: Reference lines (zero, threshold, trend) and point labels: present but quiet.
REFERENCE_COLOUR = "#555555"

STYLE: dict[RcKeyType, Any] = {
    "axes.prop_cycle": cycler(color=PALETTE),
    "figure.figsize": (8, 4.5),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.titlesize": 13,
    "axes.titleweight": "bold",
    "axes.labelsize": 11,
    "legend.frameon": False,
    "font.size": 11,
    # Dates on an axis as "Jan / Feb / … / 2026", never overlapping full dates.
    "date.converter": "concise",
    # The site shows plots on light and dark backgrounds: keep the figure opaque.
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    # Long titles and labels stay inside the saved image.
    "figure.autolayout": True,
}

#: Column-name endings and the unit they stand for, for default axis labels.
UNITS = {
    "_pct": "%",
    "_min": "minutes",
    "_h": "hours",
    "_eur": "€",
    "_days": "days",
}

#: One panel of a dashboard (``small_multiples``), in inches: two side by side are as wide as
#: every other chart of the course, so on the page their text shows at the same size.
PANEL_SIZE = (STYLE["figure.figsize"][0] / 2, 3.0)

#: Alt texts list the values of at most this many bars, points or lines; beyond, a summary.
ALT_MAX_ITEMS = 12


def use_course_style() -> None:
    """Apply the course's plot style to every figure that follows."""
    mpl.rcParams.update(STYLE)


# ---------------------------------------------------------------------------
# Alt text: kept on the Axes, read from the figure, written into saved images
# ---------------------------------------------------------------------------


def alt_text(chart: Figure | Axes) -> str:
    """The alt text the helpers wrote for a figure (all its charts) or for one Axes.

    An empty string if no helper drew on it.
    """
    if isinstance(chart, Axes):
        return getattr(chart, "_brakes_alt_text", "")
    return "\n".join(text for ax in chart.axes if (text := alt_text(ax)))


def _savefig_with_alt(fig: Figure, fname: Any, *args: Any, **kwargs: Any) -> Any:
    """``Figure.savefig``, adding the alt text as the PNG or SVG ``Description``."""
    description = alt_text(fig)
    fmt = kwargs.get("format")
    if fmt is None and isinstance(fname, (str, os.PathLike)):
        fmt = os.path.splitext(os.fspath(fname))[1].lstrip(".").lower() or None
    fmt = (fmt or mpl.rcParams["savefig.format"]).lower()
    if description and fmt in ("png", "svg"):
        kwargs["metadata"] = {"Description": description, **(kwargs.get("metadata") or {})}
    return Figure.savefig(fig, fname, *args, **kwargs)


def _set_alt(ax: Axes, text: str) -> None:
    """Keep the chart's alt text on its Axes, and make the figure's savefig carry it."""
    ax._brakes_alt_text = text  # type: ignore[attr-defined]
    fig = ax.figure.figure  # the whole figure, which saves its subfigures too
    # An instance attribute shadows Figure.savefig (plt.savefig goes through it too);
    # a partial of a module function, unlike a closure, keeps the figure picklable.
    fig.savefig = functools.partial(_savefig_with_alt, fig)  # type: ignore[method-assign]


def _values_text(pairs: Iterable[tuple[Any, str]]) -> str:
    """'a 3.1, b 2.0, …' for at most ALT_MAX_ITEMS pairs, then how many more."""
    pairs = list(pairs)
    shown = ", ".join(f"{name} {value}" for name, value in pairs[:ALT_MAX_ITEMS])
    more = len(pairs) - ALT_MAX_ITEMS
    return shown + (f", and {more} more" if more > 0 else "")


# ---------------------------------------------------------------------------
# Checking the learner's table and naming things
# ---------------------------------------------------------------------------


def _fail(helper: str, message: str) -> BrakesError:
    return BrakesError(f"{helper}: {message}")


def _table(helper: str, data: Any) -> pd.DataFrame | pd.Series:
    """The learner's table, or a one-line error saying what a table is."""
    if not isinstance(data, (pd.Series, pd.DataFrame)):
        raise _fail(
            helper,
            f"expects a table (a pandas Series or DataFrame), got a {type(data).__name__}; "
            "pass the variable that holds your result",
        )
    if data.empty:
        raise _fail(helper, "your table is empty; check the filter or grouping that made it")
    return data


def _columns_text(frame: pd.DataFrame) -> str:
    names = [str(name) for name in frame.columns]
    index_names = [str(name) for name in frame.index.names if name is not None]
    text = f"its columns are {', '.join(names) or '(none)'}"
    return text + (f" and its index is {', '.join(index_names)}" if index_names else "")


def _column(helper: str, frame: pd.DataFrame, name: Hashable, role: str) -> pd.Series:
    """A column of the frame, or a level of its index, by name; else a one-line error."""
    if name in frame.columns:
        column = frame[name]
        if isinstance(column, pd.DataFrame):
            raise _fail(helper, f"your table has several columns named {name!r}; rename them")
        return column
    if name is not None and name in frame.index.names:
        return pd.Series(frame.index.get_level_values(name), index=frame.index, name=name)
    raise _fail(helper, f"no column {name!r} (for {role}) in your table; {_columns_text(frame)}")


def _numbers(helper: str, values: pd.Series, role: str) -> pd.Series:
    """The values as floats, or an error if they are text or have gaps."""
    if values.dtype == bool or not pd.api.types.is_numeric_dtype(values):
        raise _fail(
            helper,
            f"{role} must be numbers, but {values.name!r} holds {values.dtype} values; "
            "pick a column of numbers",
        )
    missing = values.isna()
    if missing.any():
        where = ", ".join(str(label) for label in values.index[missing][:5])
        raise _fail(
            helper,
            f"{int(missing.sum())} value(s) of {values.name!r} are missing (NaN), at {where}; "
            "drop or fill them first, e.g. with .dropna()",
        )
    return values.astype(float)


def _label_text(value: Any) -> str:
    """A row label as people read it: ('agency', 'Perle') becomes 'agency / Perle'."""
    if isinstance(value, tuple):
        return " / ".join(str(part) for part in value)
    return str(value)


def _row_labels(index: pd.Index) -> list[str]:
    """Readable names for rows; a True/False index reads 'brand answered: yes/no'."""
    if pd.api.types.is_bool_dtype(index.dtype):
        prefix = f"{_readable(index.name)}: " if index.name is not None else ""
        return [prefix + ("yes" if value else "no") for value in index]
    return [_label_text(value) for value in index]


def _readable(name: Any) -> str:
    """A column name as words: 'net_sentiment' becomes 'net sentiment'."""
    return str(name).replace("_", " ")


def _sentence(text: str) -> str:
    """The text ending with one full stop (a title may end with '?' or '.')."""
    text = text.rstrip()
    return text if text.endswith((".", "?", "!")) else text + "."


def axis_label(name: Any) -> str:
    """A default axis label from a column name, with its unit if the name gives one.

    ``share_pct`` becomes "Share (%)", ``resolution_rate`` "Resolution rate (%)",
    ``median_first_response_min`` "Median first response (minutes)", and
    ``net_sentiment`` "Net sentiment".
    """
    text = str(name) if name is not None else "value"
    if text.endswith("_rate"):  # the course's rates are in percent, and keep their name
        return f"{_readable(text).capitalize()} (%)"
    for ending, unit in UNITS.items():
        if text.endswith(ending) and len(text) > len(ending):
            return f"{_readable(text[: -len(ending)]).capitalize()} ({unit})"
    return _readable(text).capitalize()


def _is_percent(name: Any, label: str) -> bool:
    return "%" in label or any(str(name).endswith(end) for end in ("_pct", "_rate", "_share"))


def _formatter(values: pd.Series, decimals: int | None, label: str) -> Any:
    """How a value is written on a chart: whole numbers plainly, others to one decimal."""
    if decimals is None:
        decimals = 0 if np.allclose(values, np.round(values)) else 1
    suffix = "%" if "%" in label else ""
    return lambda value: f"{value:,.{decimals}f}{suffix}"


def _marked(helper: str, highlight: Iterable[Any] | None, names: list[str]) -> set[str]:
    """The rows to highlight, by name; an error names any that are not rows of the table."""
    marked = {_label_text(item) for item in (highlight or ())}
    unknown = marked - set(names)
    if unknown:
        raise _fail(
            helper,
            f"highlight names {', '.join(sorted(unknown))}, which are not rows of your "
            f"table; its rows are {', '.join(names)}",
        )
    return marked


def _start(ax: Axes | None, title: str) -> Axes:
    """Apply the course style; a new figure and Axes unless the learner passed one."""
    use_course_style()
    if ax is None:
        _, ax = plt.subplots()
    # On the left, a long title wraps at the figure's edge rather than over the legend.
    ax.set_title(title, loc="left", wrap=True)
    return ax


def _reference_line(ax: Axes, where: float | None, *, horizontal: bool, label: str = "") -> None:
    if where is None:
        return
    draw = ax.axhline if horizontal else ax.axvline
    draw(where, color=REFERENCE_COLOUR, linewidth=1, zorder=1, label=label or None)


def _series_of_numbers(helper: str, data: Any, value: str | None) -> pd.Series:
    """One column of numbers to draw as bars: the Series itself, or ``value`` of a frame."""
    data = _table(helper, data)
    if isinstance(data, pd.DataFrame):
        if value is None:
            numeric = [name for name in data.columns if pd.api.types.is_numeric_dtype(data[name])]
            if len(numeric) != 1:
                raise _fail(
                    helper,
                    f"your table has {len(numeric)} columns of numbers "
                    f"({', '.join(map(str, numeric)) or 'none'}); say which one to draw, "
                    f"e.g. value={str(numeric[0] if numeric else 'column')!r}",
                )
            value = numeric[0]
        data = _column(helper, data, value, "the bar lengths")
    return _numbers(helper, data, "the bar lengths")


def _value_labels(ax: Axes, bars: Any, values: Iterable[float], write: Any) -> None:
    """Write each bar's value just past its end, on the outside."""
    for bar, value in zip(bars, values, strict=True):
        ax.annotate(
            write(value),
            (value, bar.get_y() + bar.get_height() / 2),
            xytext=(4 if value >= 0 else -4, 0),
            textcoords="offset points",
            ha="left" if value >= 0 else "right",
            va="center",
            fontsize=9,
        )
    ax.margins(x=0.12)


# ---------------------------------------------------------------------------
# The charts
# ---------------------------------------------------------------------------


def _draws_an_answer(helper: Any) -> Any:
    """Let a plot cell run before its exercise is done: with ``...`` it says so and draws nothing.

    Learner notebooks keep ``conversation_map = ...`` until the learner answers;
    the plot under the check must not stop the notebook with an error then.
    """

    @functools.wraps(helper)
    def draw(data: Any, *args: Any, **kwargs: Any) -> Any:
        if data is Ellipsis:
            print(
                f"{helper.__name__}: nothing to draw yet; fill in your answer above, then run "
                "this cell again."
            )
            return None
        return helper(data, *args, **kwargs)

    return draw


@_draws_an_answer
def bars(
    data: pd.Series | pd.DataFrame,
    value: str | None = None,
    *,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    sort: bool = True,
    highlight: Iterable[Any] | None = None,
    decimals: int | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Horizontal bars, one per row, its value written at the end; biggest on top if ``sort``.

    ``highlight`` lists rows to draw in the second colour (e.g. the no-voice channels).
    """
    helper = "bars"
    values = _series_of_numbers(helper, data, value)
    # barh draws the first value at the bottom: biggest last, or the table's first row last.
    values = values.sort_values() if sort else values.iloc[::-1]
    names = _row_labels(values.index)
    xlabel = xlabel or axis_label(values.name)
    ylabel = ylabel if ylabel is not None else _readable(values.index.name or "").capitalize()
    title = title or f"{xlabel} by {ylabel or 'row'}"
    marked = _marked(helper, highlight, names)
    colours = [PALETTE[1] if name in marked else PALETTE[0] for name in names]

    ax = _start(ax, title)
    drawn = ax.barh(names, values, color=colours, zorder=2)
    write = _formatter(values, decimals, xlabel)
    _value_labels(ax, drawn, values, write)
    if (values < 0).any():
        _reference_line(ax, 0, horizontal=False)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(axis="y", visible=False)
    listed = list(zip(names[::-1], map(write, values.iloc[::-1]), strict=True))
    highlighted = f" Highlighted: {', '.join(sorted(marked))}." if marked else ""
    _set_alt(
        ax,
        f"Bar chart: {_sentence(title)} {xlabel} for each {(ylabel or 'row').lower()}: "
        f"{_values_text(listed)}.{highlighted}",
    )
    return ax


@_draws_an_answer
def grouped_bars(
    frame: pd.DataFrame,
    *,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    legend_title: str | None = None,
    decimals: int | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Horizontal bars side by side: one group of bars per row, one colour per column.

    E.g. a table indexed by platform with columns ``staff`` and ``customers``.
    """
    helper = "grouped_bars"
    frame = _table(helper, frame)
    if isinstance(frame, pd.Series):
        raise _fail(
            helper,
            "your table has a single column; use bars(...) for it, or give grouped_bars a "
            "table with one column per group (e.g. from pd.crosstab or .unstack())",
        )
    if len(frame.columns) > len(PALETTE):
        raise _fail(
            helper,
            f"your table has {len(frame.columns)} columns, more than the "
            f"{len(PALETTE)} colours of a readable chart; keep fewer columns",
        )
    columns = {name: _numbers(helper, frame[name], "the bar lengths") for name in frame.columns}
    names = _row_labels(frame.index)
    xlabel = xlabel or "Value"
    ylabel = ylabel if ylabel is not None else _readable(frame.index.name or "").capitalize()
    title = title or f"{xlabel} by {ylabel or 'row'}"
    legend_title = legend_title if legend_title is not None else _readable(frame.columns.name or "")

    ax = _start(ax, title)
    count = len(columns)
    height = 0.8 / count
    positions = np.arange(len(names))[::-1]  # the table's first row on top
    all_values = pd.concat(list(columns.values()))
    write = _formatter(all_values, decimals, xlabel)
    for number, (name, values) in enumerate(columns.items()):
        offset = (count - 1) / 2 * height - number * height
        drawn = ax.barh(
            positions + offset,
            values,
            height=height,
            color=PALETTE[number],
            label=_label_text(name),
            zorder=2,
        )
        _value_labels(ax, drawn, values, write)
    ax.set_yticks(positions, names)
    if (all_values < 0).any():
        _reference_line(ax, 0, horizontal=False)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(axis="y", visible=False)
    _legend_outside(ax, legend_title)
    described = "; ".join(
        f"{_label_text(name)}: " + _values_text(zip(names, map(write, values), strict=True))
        for name, values in columns.items()
    )
    _set_alt(
        ax,
        f"Grouped bar chart: {_sentence(title)} {xlabel} for each {(ylabel or 'row').lower()}, "
        f"one bar per "
        f"{legend_title or 'group'}. {described}.",
    )
    return ax


def _points(helper: str, frame: Any, x: str, y: str) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    """The table, and its x and y columns as numbers."""
    frame = _table(helper, frame)
    if isinstance(frame, pd.Series):
        raise _fail(
            helper,
            f"needs a table with two columns of numbers (x={x!r} and y={y!r}); yours is a "
            "single Series: put columns side by side with pd.DataFrame({...})",
        )
    xs = _numbers(helper, _column(helper, frame, x, "x, across"), "x")
    ys = _numbers(helper, _column(helper, frame, y, "y, up"), "y")
    return frame, xs, ys


def _zero_if_percent(ax: Axes, name: str, label: str, values: pd.Series, *, axis: str) -> None:
    """Percentages start at zero, so a small gap does not look like a big one."""
    if _is_percent(name, label) and values.min() >= 0:
        if axis == "x":
            ax.set_xlim(left=0)
        else:
            ax.set_ylim(bottom=0)


#: Where a point's name may go, in points from the point, tried in order: beside it first,
#: then further up or down (with a thin line back to its point).
BESIDE = [(7, 4), (7, -12), (-7, 4), (-7, -12)] + [
    (side * 9, step * 11) for step in (1, -1, 2, -2, 3, -3, 4, -4, 5, -5) for side in (1, -1)
]


def _place_labels(
    ax: Axes,
    xs: Iterable[float],
    ys: Iterable[float],
    names: list[str],
    offsets: list[tuple[int, int]] = BESIDE,
    colours: list[str] | None = None,
    **style: Any,
) -> list[Any]:
    """Write each name next to its point where it overlaps no other name, point or edge.

    Tries ``offsets`` in order; a name not in the first place gets a line to its point.
    """
    fig = ax.figure
    fig.canvas.draw()  # settle the layout, so that positions on screen are final
    frame = ax.get_window_extent()
    points = list(zip(xs, ys, strict=True))
    anchors = ax.transData.transform(np.array(points, dtype=float))
    dot = 7 * fig.dpi / 72  # half the width of a point drawn with s=90, in pixels
    placed = [
        mpl.transforms.Bbox.from_extents(px - dot, py - dot, px + dot, py + dot)
        for px, py in anchors
    ]

    def fits(box: Any, own: Any) -> bool:
        inside = frame.contains(box.x0, box.y0) and frame.contains(box.x1, box.y1)
        return inside and not any(box.overlaps(other) for other in placed if other is not own)

    texts = []
    for number in sorted(range(len(names)), key=lambda number: -anchors[number][1]):
        name, point = names[number], points[number]
        if colours:
            style["color"] = colours[number]
        chosen = 0  # if nowhere is free: the first place, overlapping
        for position, offset in enumerate(offsets):
            trial = _annotate(ax, name, point, offset, leader=False, **style)
            box = trial.get_window_extent()
            trial.remove()
            if fits(box, placed[number]):
                chosen = position
                break
        text = _annotate(ax, name, point, offsets[chosen], leader=chosen > 0, **style)
        placed.append(text.get_window_extent())
        texts.append(text)
    return texts


def _annotate(
    ax: Axes,
    name: str,
    point: tuple[float, float],
    offset: tuple[int, int],
    leader: bool,
    **style: Any,
) -> Any:
    """A name at ``offset`` points from its point, with a thin line back to it if ``leader``."""
    dx, dy = offset
    line = {"arrowstyle": "-", "color": "#999999", "linewidth": 0.6, "shrinkB": 6}
    return ax.annotate(
        name,
        point,
        xytext=offset,
        textcoords="offset points",
        ha="left" if dx >= 0 else "right",
        va=_vertical(dy),
        arrowprops=line if leader else None,
        **style,
    )


def _vertical(dy: float) -> str:
    """Text above an offset that goes up, below one that goes down, centred on a level one."""
    return "center" if dy == 0 else ("bottom" if dy > 0 else "top")


def _legend_outside(ax: Axes, title: str | None) -> None:
    """The legend to the right of the chart, where it never hides a point or a line."""
    ax.legend(title=title or None, loc="upper left", bbox_to_anchor=(1.01, 1), borderaxespad=0)


@_draws_an_answer
def scatter_labelled(
    frame: pd.DataFrame,
    x: str,
    y: str,
    *,
    label: str | None = None,
    highlight: Iterable[Any] | None = None,
    highlight_name: str = "highlighted",
    others_name: str = "others",
    hline: float | None = None,
    vline: float | None = None,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """One point per row, ``x`` across and ``y`` up, each point named (by the index, or ``label``).

    ``highlight`` lists rows to draw in a second colour, with a legend naming both groups;
    ``hline=0`` draws a grey line at y = 0 (``vline`` the same across).
    """
    helper = "scatter_labelled"
    frame, xs, ys = _points(helper, frame, x, y)
    names = (
        _row_labels(frame.index)
        if label is None
        else [_label_text(v) for v in _column(helper, frame, label, "the point names")]
    )
    xlabel = xlabel or axis_label(x)
    ylabel = ylabel or axis_label(y)
    title = title or f"{ylabel} against {xlabel}"
    marked = _marked(helper, highlight, names)
    is_marked = np.array([name in marked for name in names], dtype=bool)

    ax = _start(ax, title)
    _reference_line(ax, hline, horizontal=True)
    _reference_line(ax, vline, horizontal=False)
    if marked:
        ax.scatter(xs[~is_marked], ys[~is_marked], s=90, color=PALETTE[0], label=others_name)
        ax.scatter(xs[is_marked], ys[is_marked], s=90, color=PALETTE[1], label=highlight_name)
        _legend_outside(ax, None)
    else:
        ax.scatter(xs, ys, s=90, color=PALETTE[0])
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.margins(x=0.12, y=0.1)  # room for the names
    _zero_if_percent(ax, x, xlabel, xs, axis="x")
    _zero_if_percent(ax, y, ylabel, ys, axis="y")
    _place_labels(ax, xs, ys, names, fontsize=9, color="#333333")
    write_x = _formatter(xs, None, xlabel)
    write_y = _formatter(ys, None, ylabel)
    listed = [
        (name + (f" ({highlight_name})" if flag else ""), f"({write_x(px)}, {write_y(py)})")
        for name, px, py, flag in zip(names, xs, ys, is_marked, strict=True)
    ]
    _set_alt(
        ax,
        f"Scatter plot: {_sentence(title)} Across: {xlabel}. Up: {ylabel}. One labelled point "
        f"per row, (across, up): {_values_text(listed)}.",
    )
    return ax


@_draws_an_answer
def scatter_groups(
    frame: pd.DataFrame,
    x: str,
    y: str,
    group: str,
    *,
    label: str | None = None,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    legend_title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """One point per row, ``x`` across and ``y`` up, one colour per value of ``group``.

    ``group`` (and ``label``, to name each point) may be a column or a level of the index,
    e.g. ``group="handled_by", label="product_line"`` for a (handled_by, product_line) table.
    """
    helper = "scatter_groups"
    frame, xs, ys = _points(helper, frame, x, y)
    groups = _column(helper, frame, group, "the colours")
    kinds = list(dict.fromkeys(groups))
    if len(kinds) > len(PALETTE):
        raise _fail(
            helper,
            f"{group!r} has {len(kinds)} different values, more than the {len(PALETTE)} "
            "colours of a readable chart; group by a column with fewer values",
        )
    xlabel = xlabel or axis_label(x)
    ylabel = ylabel or axis_label(y)
    title = title or f"{ylabel} against {xlabel}, by {_readable(group)}"
    legend_title = legend_title if legend_title is not None else _readable(group)

    ax = _start(ax, title)
    summaries = []
    for number, kind in enumerate(kinds):
        rows = (groups == kind).to_numpy()
        ax.scatter(xs[rows], ys[rows], s=90, color=PALETTE[number], label=_label_text(kind))
        summaries.append(
            f"{_label_text(kind)}: {int(rows.sum())} point(s), median "
            f"{_formatter(xs, None, xlabel)(xs[rows].median())} across and "
            f"{_formatter(ys, None, ylabel)(ys[rows].median())} up"
        )
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if label is not None:
        ax.margins(x=0.12, y=0.1)  # room for the names
    _zero_if_percent(ax, x, xlabel, xs, axis="x")
    _zero_if_percent(ax, y, ylabel, ys, axis="y")
    _legend_outside(ax, legend_title)
    if label is not None:
        names = [_label_text(v) for v in _column(helper, frame, label, "the point names")]
        _place_labels(ax, xs, ys, names, fontsize=9, color="#333333")
    _set_alt(
        ax,
        f"Scatter plot: {_sentence(title)} Across: {xlabel}. Up: {ylabel}. One point per row, "
        f"one colour per {legend_title or 'group'}. {'; '.join(summaries)}.",
    )
    return ax


@_draws_an_answer
def before_after(
    frame: pd.DataFrame,
    before: str | None = None,
    after: str | None = None,
    *,
    moments: tuple[str, str] | None = None,
    names: Mapping[Any, str] | None = None,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    legend_title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """One line per row, from its ``before`` value to its ``after`` value (a slope chart).

    By default the table's two columns, in order. ``moments`` names the two ends
    (e.g. ``("first day", "after 7 days")``); ``names`` renames rows for the legend.
    """
    helper = "before_after"
    frame = _table(helper, frame)
    if isinstance(frame, pd.Series):
        raise _fail(helper, "needs a table with two columns (before and after); yours is a Series")
    if before is None and after is None:
        if len(frame.columns) != 2:
            raise _fail(
                helper,
                f"your table has {len(frame.columns)} columns; say which two to compare, "
                f"e.g. before={str(frame.columns[0])!r}, after=... ({_columns_text(frame)})",
            )
        before, after = frame.columns
    if before is None or after is None:
        raise _fail(helper, "give both before=... and after=..., or neither")
    if len(frame) > len(PALETTE):
        raise _fail(
            helper,
            f"your table has {len(frame)} rows, more lines than the {len(PALETTE)} colours "
            "of a readable chart; keep fewer rows",
        )
    starts = _numbers(helper, _column(helper, frame, before, "before"), "before")
    ends = _numbers(helper, _column(helper, frame, after, "after"), "after")
    row_names = [
        (names or {}).get(key, default)
        for key, default in zip(frame.index, _row_labels(frame.index), strict=True)
    ]
    moments = moments or (axis_label(before), axis_label(after))
    ylabel = ylabel or "Value"
    xlabel = xlabel if xlabel is not None else ""
    title = title or f"{ylabel}: {moments[0]} and {moments[1]}"

    ax = _start(ax, title)
    write = _formatter(pd.concat([starts, ends]), None, ylabel)
    described = []
    colours = list(PALETTE[: len(frame)])
    for name, start, end, colour in zip(row_names, starts, ends, colours, strict=True):
        ax.plot([0, 1], [start, end], marker="o", linewidth=3, color=colour, label=name)
        described.append(f"{name} from {write(start)} to {write(end)}")
    ax.set_xlim(-0.3, 1.3)
    ax.set_ylim(bottom=0, top=max(starts.max(), ends.max()) * 1.08)
    _legend_outside(ax, legend_title)
    ax.set_xticks([0, 1], list(moments))
    ax.grid(axis="x", visible=False)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    for where, values, side in ((0, starts, -1), (1, ends, 1)):
        offsets = [(side * 9, step * 7) for step in (0, 1, -1, 2, -2, 3, -3)]
        texts = [write(value) for value in values]
        _place_labels(ax, [where] * len(values), values, texts, offsets, colours, fontsize=10)
    _set_alt(
        ax,
        f"Line chart: {_sentence(title)} {ylabel} at two moments, {moments[0]} and {moments[1]}, "
        f"one line per row: {'; '.join(described)}.",
    )
    return ax


@_draws_an_answer
def line_over_time(
    data: pd.Series | pd.DataFrame,
    *,
    threshold: float | None = None,
    threshold_label: str | None = None,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    legend_title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """One line over time per column (a Series is one line); the index holds the dates.

    ``threshold`` draws a dashed line at that value (e.g. an alert level), named by
    ``threshold_label``. Values that are all positive are drawn from zero.
    """
    helper = "line_over_time"
    data = _table(helper, data)
    frame = data.to_frame() if isinstance(data, pd.Series) else data
    index = frame.index
    if isinstance(index, pd.PeriodIndex):
        frame = frame.set_axis(index.to_timestamp())
    elif not (
        pd.api.types.is_datetime64_any_dtype(index) or pd.api.types.is_numeric_dtype(index)
    ) or isinstance(index, pd.MultiIndex):
        raise _fail(
            helper,
            f"the index of your table should be dates (or week numbers), but it holds "
            f"{_label_text(index[0])!r}, …; put the dates in the index, e.g. "
            ".set_index('week'), or one line per column with .unstack()",
        )
    if len(frame.columns) > len(PALETTE):
        raise _fail(
            helper,
            f"your table has {len(frame.columns)} columns, more lines than the "
            f"{len(PALETTE)} colours of a readable chart; keep fewer columns",
        )
    lines = {name: _numbers(helper, frame[name], "the values") for name in frame.columns}
    frame = frame.sort_index()
    xlabel = xlabel or axis_label(frame.index.name or "date")
    single = len(lines) == 1
    ylabel = ylabel or axis_label(next(iter(lines)) if single else "value")
    title = title or f"{ylabel} over time"

    ax = _start(ax, title)
    all_values = pd.concat(list(lines.values()))
    write = _formatter(all_values, None, ylabel)
    described = []
    for number, (name, values) in enumerate(lines.items()):
        values = values.sort_index()
        ax.plot(
            values.index,
            values,
            linewidth=2,
            color=PALETTE[number],
            label=None if single else _label_text(name),
        )
        top, bottom = values.idxmax(), values.idxmin()
        described.append(
            f"{'S' if single else _label_text(name) + ': s'}tarts at {write(values.iloc[0])}, "
            f"ends at {write(values.iloc[-1])}, highest {write(values[top])} at {_when(top)}, "
            f"lowest {write(values[bottom])} at {_when(bottom)}"
        )
    if threshold is not None:
        ax.axhline(
            threshold,
            color=REFERENCE_COLOUR,
            linestyle="--",
            linewidth=1.5,
            label=threshold_label or f"threshold ({write(threshold)})",
        )
    if all_values.min() >= 0 and (threshold is None or threshold >= 0):
        ax.set_ylim(bottom=0)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if not single or threshold is not None:
        _legend_outside(ax, legend_title)
    period = f"from {_when(frame.index[0])} to {_when(frame.index[-1])}"
    reference = (
        f" A dashed line marks {threshold_label or 'a threshold'} at {write(threshold)}."
        if threshold is not None
        else ""
    )
    _set_alt(
        ax,
        f"Line chart: {_sentence(title)} {ylabel} {period}. {'; '.join(described)}.{reference}",
    )
    return ax


def _when(moment: Any) -> str:
    """A date as '3 Mar 2025'; anything else as it is."""
    if isinstance(moment, pd.Timestamp):
        return f"{moment.day} {moment:%b %Y}"
    return _label_text(moment)


@_draws_an_answer
def scatter_trend(
    frame: pd.DataFrame,
    x: str,
    y: str,
    *,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """One point per row and the straight line that fits them best, with the correlation r.

    r (Pearson's, from −1 to +1) is in the legend and the alt text.
    """
    helper = "scatter_trend"
    frame, xs, ys = _points(helper, frame, x, y)
    if len(frame) < 3 or xs.nunique() < 2:
        raise _fail(
            helper,
            "a trend needs at least 3 rows with different x values; your table has "
            f"{len(frame)} row(s) and {xs.nunique()} different x value(s)",
        )
    xlabel = xlabel or axis_label(x)
    ylabel = ylabel or axis_label(y)
    title = title or f"{ylabel} against {xlabel}"
    r = float(np.corrcoef(xs, ys)[0, 1])
    slope, intercept = np.polyfit(xs, ys, 1)

    ax = _start(ax, title)
    ax.scatter(xs, ys, s=40, color=PALETTE[0], alpha=0.8, label=f"{len(frame)} points")
    ends = np.array([xs.min(), xs.max()])
    ax.plot(
        ends,
        slope * ends + intercept,
        color=PALETTE[3],
        linewidth=2,
        label=f"trend, correlation r = {r:+.2f}",
    )
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    _zero_if_percent(ax, x, xlabel, xs, axis="x")
    _zero_if_percent(ax, y, ylabel, ys, axis="y")
    ax.legend(loc="best")
    strength = _strength(r)
    _set_alt(
        ax,
        f"Scatter plot with trend line: {_sentence(title)} Across: {xlabel}. Up: {ylabel}. "
        f"{len(frame)} points and a straight trend line. Correlation r = {r:+.2f}, a "
        f"{strength} {'positive' if r >= 0 else 'negative'} link.",
    )
    return ax


def _strength(r: float) -> str:
    """Words for the size of a correlation, for the alt text."""
    size = abs(r)
    if size >= 0.7:
        return "strong"
    if size >= 0.4:
        return "moderate"
    if size >= 0.2:
        return "weak"
    return "very weak"


@_draws_an_answer
def small_multiples(
    frame: pd.DataFrame,
    *,
    titles: Mapping[Any, str] | None = None,
    ylabels: Mapping[Any, str] | None = None,
    targets: Mapping[Any, float] | None = None,
    target_label: str = "target",
    columns: int = 3,
    title: str | None = None,
) -> Figure:
    """A dashboard: one small line chart over time per column of a table indexed by dates.

    Panels follow the table's column order, ``columns`` to a row. ``titles`` names each
    panel and ``ylabels`` its vertical axis (both by default the column name, with its
    unit); ``targets`` draws a dashed line on the panels it names (e.g. a SMART target),
    labelled ``target_label``. Each panel is a :func:`line_over_time` chart, so each keeps
    its own alt text.
    """
    helper = "small_multiples"
    frame = _table(helper, frame)
    if isinstance(frame, pd.Series):
        raise _fail(
            helper,
            "needs a table with one column per measure; yours is a single Series: put the "
            "measures side by side with pd.DataFrame({...})",
        )
    names = list(frame.columns)
    titles, ylabels = dict(titles or {}), dict(ylabels or {})
    targets = dict(targets or {})
    named = [*titles, *ylabels, *targets]
    unknown = sorted({str(name) for name in named if name not in names})
    if unknown:
        raise _fail(
            helper,
            f"titles, ylabels or targets name {', '.join(unknown)}, which are not columns of "
            f"your table; its columns are {', '.join(map(str, names))}",
        )
    if columns < 1:
        raise _fail(helper, f"columns must be 1 or more, not {columns}")
    rows = -(-len(names) // columns)
    use_course_style()
    width, height = PANEL_SIZE
    fig, grid = plt.subplots(rows, columns, figsize=(width * columns, height * rows), squeeze=False)
    panels = list(grid.flat)
    for name, ax in zip(names, panels, strict=False):
        line_over_time(
            frame[name],
            ax=ax,
            title=titles.get(name, axis_label(name)),
            ylabel=ylabels.get(name, axis_label(name)),
            threshold=targets.get(name),
            threshold_label=target_label,
        )
        ax.set_xlabel("")
        if pd.api.types.is_datetime64_any_dtype(frame.index) or isinstance(
            frame.index, pd.PeriodIndex
        ):  # a few dates per small panel, so their labels never run into each other
            locator = mdates.AutoDateLocator(minticks=3, maxticks=5)
            ax.xaxis.set_major_locator(locator)
            ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        if name in targets:  # room above or below the target line, and its legend inside
            low, high = ax.get_ylim()
            room = 0.08 * (high - low)
            ax.set_ylim(min(low, targets[name] - room), max(high, targets[name] + room))
            ax.get_legend().remove()
            ax.legend(loc="best", fontsize=8)
    for ax in panels[len(names) :]:
        ax.set_visible(False)
    if title:
        fig.suptitle(title, x=0.01, ha="left", fontsize=14, fontweight="bold")
    return fig
