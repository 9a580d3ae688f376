"""Lighthouse on a phone: each page type of the site, and the same page on the stock theme.

Lighthouse (npm, pinned in ``benchmarks/lighthouse/package-lock.json``, apart from
the test tools so that `make test` never installs its 185 MB) loads each page
with its default mobile settings: a mid-range phone's screen, 4× slower CPU and
a slow 4G network, simulated. Each page is measured :data:`RUNS` times and the
median run kept, as Lighthouse advises against its run-to-run variance.

The pages are served gzip-compressed (:class:`_Gzip`), as GitHub Pages serves
them, GitLab Pages with the .gz copies its template writes, and nginx or IIS with
compression on: sent uncompressed, every page is slower (README, "Publishing the site").

The stock theme's pages come from the same course built a second time with
``-D brakes_stock_theme=1`` (``brakes.sphinxext.page_speed``): the theme's own
templates, scripts, icons and stylesheets, none of the course's lightening.
"""

from __future__ import annotations

import gzip
import json
import shutil
from io import BytesIO
from pathlib import Path
from typing import Any

from benchmarks.build import FLAGS
from benchmarks.timing import BIN, ROOT, BenchError, copy_course, run
from benchmarks.weight import Quiet, serve
from brakes.sphinxext.page_speed import PAGE_TYPES
from brakes.trainer.browser import CHROMIUM, CHROMIUM_ARGS

#: The npm package that pins Lighthouse, and where `npm ci --prefix` installs it.
PACKAGE = ROOT / "benchmarks" / "lighthouse"
CLI = PACKAGE / "node_modules" / "lighthouse" / "cli" / "index.js"
#: Runs per page; the median run (by performance score) is kept.
RUNS = 3
CATEGORIES = ("performance", "accessibility", "best-practices")
#: The audits reported beside the scores, in milliseconds (CLS: a unitless shift).
METRICS = {
    "lcp_ms": "largest-contentful-paint",
    "fcp_ms": "first-contentful-paint",
    "tbt_ms": "total-blocking-time",
    "cls": "cumulative-layout-shift",
}
#: What the server compresses: the text files a Pages host or a configured nginx or IIS does.
COMPRESSED = (".html", ".css", ".js", ".svg", ".json", ".txt")


class _Gzip(Quiet):
    """A static server that gzips text files for a client that accepts it, as Pages hosts do."""

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return BytesIO(body)


def missing_tools() -> str | None:
    """Why Lighthouse cannot run here, or None."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (`make test` installs it: apt-get install chromium)"
    if not CLI.is_file():
        return f"Lighthouse is not installed: npm ci --prefix {PACKAGE.relative_to(ROOT)}"
    return None


def lighthouse(url: str) -> dict[str, Any]:
    """One Lighthouse run of ``url`` (mobile defaults): scores (0-100) and metrics."""
    done = run(
        [
            "node",
            CLI,
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={' '.join(['--headless=new', *CHROMIUM_ARGS])}",
        ],
        env={"CHROME_PATH": str(CHROMIUM)},
        timeout=300,
    )
    report = json.loads(done.stdout)
    if report.get("runtimeError"):
        raise BenchError(f"Lighthouse failed on {url}: {report['runtimeError']['message']}")
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    metrics = {key: report["audits"][audit]["numericValue"] for key, audit in METRICS.items()}
    failed = sorted(
        audit["id"]
        for name in ("accessibility", "best-practices")
        for ref in report["categories"][name]["auditRefs"]
        if ref["weight"] and (audit := report["audits"][ref["id"]])["score"] not in (1, None)
    )
    return (
        scores
        | {k: round(v, 3 if k == "cls" else 0) for k, v in metrics.items()}
        | {"failed_audits": failed}
    )


def median_run(url: str, runs: int) -> dict[str, Any]:
    """The run with the median performance score of ``runs`` runs, and every run's score."""
    measured = sorted((lighthouse(url) for _ in range(runs)), key=lambda r: r["performance"])
    kept = measured[(len(measured) - 1) // 2]
    return kept | {"performance_runs": [r["performance"] for r in measured]}


def measure(site: Path, runs: int) -> dict[str, dict[str, Any]]:
    """Each page of :data:`PAGE_TYPES` in ``site``, served compressed."""
    with serve(site, _Gzip) as base:
        return {kind: median_run(base + page, runs) for kind, page in PAGE_TYPES.items()}


def build(course: Path, out: Path, *, stock: bool, cache: Path | None) -> Path:
    """The learner edition of ``course`` in ``out``/html, on the stock theme with ``stock``.

    ``cache`` (a jupyter-cache folder of an earlier build) is copied first, so that
    notebooks whose source is unchanged are not executed again.
    """
    if cache is not None and cache.is_dir() and not (out / ".jupyter_cache").exists():
        shutil.copytree(cache, out / ".jupyter_cache")
    switch = ["-D", "brakes_stock_theme=1"] if stock else []
    run(
        [BIN / "sphinx-build", *FLAGS, *switch, "-d", out / ".doctrees", course, out / "html"],
        cwd=course,
    )
    return out / "html"


def bench_lighthouse(
    work: Path, built: tuple[Path, Path] | None, cache: Path | None, runs: int = RUNS
) -> dict[str, Any]:
    """Our pages and the stock theme's, page type by page type, from one copy of the course.

    ``built``: a copy of the course and our site already built from it (by the build
    section), or None to make both here.
    """
    if built is None:
        course = copy_course(work / "course")
        ours = build(course, work / "ours", stock=False, cache=cache)
    else:
        course, ours = built
    stock = build(course, work / "stock", stock=True, cache=cache)
    for site in (ours, stock):
        missing = [page for page in PAGE_TYPES.values() if not (site / page).is_file()]
        if missing:
            raise BenchError(f"pages missing from {site}: {', '.join(missing)}")
    version = json.loads((CLI.parents[1] / "package.json").read_text(encoding="utf-8"))["version"]
    return {
        "lighthouse": version,
        "runs": runs,
        "pages": PAGE_TYPES,
        "ours": measure(ours, runs),
        "stock": measure(stock, runs),
    }
