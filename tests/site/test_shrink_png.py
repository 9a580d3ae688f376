"""The site's PNG figures re-encoded with a palette: smaller, with no pixel noticeably changed."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from mini_site import run_sphinx
from PIL import Image

from brakes.plotting import line_over_time
from brakes.sphinxext import offline
from brakes.sphinxext.shrink_png import MAX_CHANGE, shrink_file, shrink_png


def draw_chart(**savefig: object) -> bytes:
    """A course chart as matplotlib saves it: full colour, with its alt text inside."""
    weeks = pd.date_range("2025-01-06", periods=40, freq="W-MON", name="week")
    rng = np.random.default_rng(7)
    lines = pd.DataFrame(
        {"forum": 40 + rng.normal(0, 6, 40).cumsum(), "reviews": 20 + rng.normal(0, 4, 40)},
        weeks,
    )
    ax = line_over_time(lines, threshold=30, threshold_label="alarm level", ylabel="Mentions")
    out = io.BytesIO()
    ax.figure.savefig(out, format="png", **savefig)
    plt.close(ax.figure)
    return out.getvalue()


@pytest.fixture
def chart_png() -> bytes:
    return draw_chart()


def pixels(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as image:
        return np.asarray(image.convert("RGB"), dtype=int)


def test_a_chart_keeps_its_look_text_and_resolution_in_well_under_half_the_bytes(
    chart_png: bytes,
) -> None:
    shrunk = shrink_png(chart_png)
    assert len(shrunk) < 0.5 * len(chart_png)
    assert np.abs(pixels(shrunk) - pixels(chart_png)).max() <= MAX_CHANGE
    with Image.open(io.BytesIO(chart_png)) as before, Image.open(io.BytesIO(shrunk)) as after:
        assert (before.mode, after.mode) == ("RGBA", "P")
        assert after.size == before.size
        assert after.text["Description"] == before.text["Description"]
        assert "alarm level" in after.text["Description"]
        assert after.info["dpi"] == pytest.approx(before.info["dpi"], abs=0.01)
    assert shrink_png(shrunk) is shrunk  # a palette PNG is left as it is


def png(array: np.ndarray) -> bytes:
    out = io.BytesIO()
    Image.fromarray(array.astype(np.uint8)).save(out, "PNG")
    return out.getvalue()


def test_a_photograph_or_a_transparent_chart_stays_as_it_was() -> None:
    rng = np.random.default_rng(1)
    photo = png(rng.integers(0, 256, (120, 160, 3)))  # thousands of colours, no palette fits
    assert shrink_png(photo) is photo
    see_through = draw_chart(transparent=True)  # a palette copy would lose the transparency
    assert shrink_png(see_through) is see_through


def test_a_file_is_replaced_only_by_a_smaller_copy(tmp_path: Path, chart_png: bytes) -> None:
    path = tmp_path / "chart.png"
    path.write_bytes(chart_png)
    saved = shrink_file(path)
    assert saved > 0 and path.stat().st_size == len(chart_png) - saved
    shrunk_at = path.stat().st_mtime_ns
    assert shrink_file(path) == 0
    assert path.stat().st_mtime_ns == shrunk_at


@pytest.mark.site
def test_the_built_site_and_its_zip_carry_the_shrunk_figure_and_the_source_is_untouched(
    tmp_path: Path, chart_png: bytes
) -> None:
    source = tmp_path / "source"
    source.mkdir()
    (source / "index.md").write_text("# Home\n\n![A line chart](chart.png)\n", encoding="utf-8")
    (source / "chart.png").write_bytes(chart_png)
    html = tmp_path / "html"
    built = run_sphinx(source, html)
    assert built.returncode == 0, built.stdout + built.stderr

    on_site = (html / "_images" / "chart.png").read_bytes()
    assert on_site == shrink_png(chart_png) != chart_png
    assert (source / "chart.png").read_bytes() == chart_png
    with zipfile.ZipFile(html / "_downloads" / offline.zip_name("learner")) as archive:
        assert archive.read(f"{offline.TOP}/_images/chart.png") == on_site
