"""One matplotlib look for every plot of the course, with a colour-blind-safe palette.

The palette is Okabe and Ito's (2008), designed to stay distinct for the common
forms of colour blindness. Notebooks call ``use_course_style()`` once.
"""

from __future__ import annotations

import matplotlib as mpl
from cycler import cycler

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

STYLE = {
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
}


def use_course_style() -> None:
    """Apply the course's plot style to every figure that follows."""
    mpl.rcParams.update(STYLE)
