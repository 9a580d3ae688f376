"""The table `make bench` prints, and ``bench/results.json`` beside it.

Each row is one figure: what was measured, what it is measured against (in
the same run), the figure itself (a ratio, a count or a rate), the target the
issue sets, and whether it was met. A section that did not run says why.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table


@dataclass(frozen=True)
class Row:
    """One line of the table."""

    name: str
    measured: str
    against: str
    figure: str
    target: str
    met: bool | None  # None: no target, or not measured


def _s(seconds: float) -> str:
    return f"{seconds:.2f} s"


def _kb(count: float) -> str:
    return f"{count / 1000:,.0f} KB"


def _build(r: dict[str, Any]) -> list[Row]:
    floor = r["import_floor_s"]
    return [
        Row(
            f"clean build ({r['notebooks']} notebooks)",
            _s(r["clean_s"]),
            f"serial floor {_s(r['serial_floor_s'])}",
            f"{r['clean_over_serial_floor']:.2f}×",
            "≤ 0.70×" if r["notebooks"] >= 6 else "(6+ notebooks)",
            r["clean_over_serial_floor"] <= 0.7 if r["notebooks"] >= 6 else None,
        ),
        Row(
            f"least a clean build could take on {r['cores']} cores",
            f"{_s(r['besides_notebooks_s'])} + notebooks / {r['cores']}",
            f"serial floor {_s(r['serial_floor_s'])}",
            f"{r['best_clean_over_serial_floor']:.2f}×",
            "",
            None,
        ),
        Row(
            "rebuild, nothing changed",
            _s(r["no_change_s"]),
            f"import floor {_s(floor)}",
            f"{r['no_change_over_import_floor']:.2f}×",
            "≤ 1.20×",
            r["no_change_over_import_floor"] <= 1.2,
        ),
        Row(
            "rebuild, one chapter's prose edited",
            _s(r["prose_edit_s"]),
            f"import floor {_s(floor)}",
            f"{r['prose_edit_over_import_floor']:.2f}×",
            "",
            None,
        ),
    ]


def _nbval(r: dict[str, Any]) -> list[Row]:
    return [
        Row(
            f"nbval, {r['notebooks']} notebooks, -n 2 --dist loadfile",
            _s(r["parallel_s"]),
            f"serial {_s(r['serial_s'])}",
            f"{r['parallel_over_serial']:.2f}×",
            "",
            None,
        )
    ]


def _checks(r: dict[str, Any]) -> list[Row]:
    return [
        Row(
            f"check() latency, {r['checks']} checks of {r['exercises']} exercises",
            f"p50 {r['p50_ms']:.1f} ms",
            "",
            f"p95 {r['p95_ms']:.1f} ms",
            "p95 < 20 ms",
            r["p95_ms"] < 20,
        )
    ]


def _data(r: dict[str, Any]) -> list[Row]:
    rows = []
    for scale, m in r["scales"].items():
        rows.append(
            Row(
                f"data generation {scale}",
                f"{m['rows']:,} rows in {_s(m['wall_s'])}",
                f"({m['rows_per_cpu_s'] / 1e6:.2f} M rows per CPU s)",
                f"{m['rows_per_s'] / 1e6:.2f} M rows/s",
                "≥ 1 M rows/s" if scale != "1x" else "",
                m["rows_per_s"] >= 1e6 if scale != "1x" else None,
            )
        )
    if "per_row_100x_over_10x" in r:
        rows.append(
            Row(
                "data generation, cost per row",
                "100× against 10×",
                "",
                f"{r['per_row_100x_over_10x']:.2f}×",
                "near 1 (linear)",
                None,
            )
        )
    return rows


#: `brakes grade` against one-by-one nbconvert runs, sandbox and re-check included (issue 19).
GRADING_TARGET = 3.0


def _grading(r: dict[str, Any]) -> list[Row]:
    return [
        Row(
            f"brakes grade, {r['submissions']} submissions, {r['jobs']} jobs",
            _s(r["grade_s"]),
            f"one by one {_s(r['one_by_one_s'])}",
            f"{r['throughput_ratio']:.2f}×",
            f"≥ {GRADING_TARGET:.2f}×",
            r["throughput_ratio"] >= GRADING_TARGET,
        )
    ]


def _weight(r: dict[str, Any]) -> list[Row]:
    over = sorted(d for d, p in r["pages"].items() if p["bytes"] > 600_000)
    return [
        Row(
            f"first load, heaviest of {len(r['pages'])} pages",
            _kb(r["heaviest_bytes"]),
            f"gzip {_kb(r['heaviest_gzip_bytes'])}",
            f"{len(over)} page{'s' if len(over) != 1 else ''} over 600 KB"
            + (f", {r['failed_requests']} requests failed" if r["failed_requests"] else ""),
            "every page ≤ 600 KB",
            None if r["failed_requests"] else not over,  # a failed request is weight not counted
        )
    ]


#: Issue 22 point 7, each page type on a phone (Lighthouse's default mobile throttling).
LIGHTHOUSE_TARGET = {"performance": 95, "lcp_ms": 2500, "accessibility": 100, "best-practices": 100}


def _lighthouse_met(page: dict[str, Any]) -> bool:
    target = LIGHTHOUSE_TARGET
    return (
        page["performance"] >= target["performance"]
        and page["lcp_ms"] < target["lcp_ms"]
        and page["accessibility"] >= target["accessibility"]
        and page["best-practices"] >= target["best-practices"]
    )


def _lighthouse(r: dict[str, Any]) -> list[Row]:
    rows = []
    for kind, ours in r["ours"].items():
        stock = r["stock"][kind]
        rows.append(
            Row(
                f"Lighthouse {r['lighthouse']} mobile, {kind} page (median of {r['runs']})",
                f"perf {ours['performance']}, LCP {_s(ours['lcp_ms'] / 1000)}",
                f"stock theme: perf {stock['performance']}, LCP {_s(stock['lcp_ms'] / 1000)}",
                f"LCP {ours['lcp_ms'] / stock['lcp_ms']:.2f}×; "
                f"a11y {ours['accessibility']}, BP {ours['best-practices']}",
                "perf ≥ 95, LCP < 2.5 s, a11y and BP 100",
                _lighthouse_met(ours),
            )
        )
    return rows


SECTIONS: dict[str, Callable[[dict[str, Any]], list[Row]]] = {
    "build": _build,
    "nbval": _nbval,
    "checks": _checks,
    "data": _data,
    "grading": _grading,
    "weight": _weight,
    "lighthouse": _lighthouse,
}


def rows(results: dict[str, Any]) -> list[Row]:
    """The table's rows for every section in ``results``; a skipped section says why."""
    found = []
    for name, section in SECTIONS.items():
        value = results.get(name)
        if value is None:
            continue
        if "skipped" in value:
            found.append(Row(name, "skipped", value["skipped"], "", "", None))
        else:
            found.extend(section(value))
    return found


def table(results: dict[str, Any]) -> Table:
    """The rich table of :func:`rows`."""
    grid = Table(title="Releasing the Brakes: `make bench` (ratios measured side by side)")
    for header in ("measure", "measured", "against", "figure", "target", "met"):
        grid.add_column(header)
    verdicts = {True: "yes", False: "NO", None: ""}
    for row in rows(results):
        grid.add_row(row.name, row.measured, row.against, row.figure, row.target, verdicts[row.met])
    return grid


def markdown(results: dict[str, Any]) -> str:
    """The same table in Markdown, for the README's Performance section."""
    lines = ["| measure | measured | against | figure | target | met |", "| --- " * 6 + "|"]
    verdicts = {True: "yes", False: "**no**", None: ""}
    for row in rows(results):
        cells = (row.name, row.measured, row.against, row.figure, row.target, verdicts[row.met])
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def write(results: dict[str, Any], path: Path, console: Console) -> None:
    """Print the table and write ``path`` (JSON) and its Markdown twin ``path.md``."""
    console.print(table(results))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    path.with_suffix(".md").write_text(markdown(results) + "\n", encoding="utf-8")
    console.print(f"written: {path} and {path.with_suffix('.md')}")
