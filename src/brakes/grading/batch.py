"""``brakes grade``: run every submission in parallel, then write report.csv and report.html.

The trainer's mistakes (no kit, no notebooks, a report folder with files in
it) stop the command before anything runs; a learner's notebook, however
broken or hostile, only ever becomes a line of the report. The exit code is 1
when a notebook could not be run to its end or an original changed, else 0.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from brakes.grading.kit import given_notebooks, locate
from brakes.grading.options import GradeOptions
from brakes.grading.report_csv import write_csv
from brakes.grading.report_html import write_html
from brakes.grading.results import Graded, graded, summarise
from brakes.grading.runner import Run, Runner
from brakes.grading.status import FAILED, RunStatus
from brakes.grading.submissions import Submission, changed_since, find_submissions
from brakes.outdir import prepare_output_dir

CSV_NAME = "report.csv"
HTML_NAME = "report.html"


@dataclass(frozen=True)
class BatchReport:
    """What a grading run did: its results, the originals that changed, the report's files."""

    results: tuple[Graded, ...]
    changed: tuple[Submission, ...]
    options: GradeOptions
    seconds: float
    csv: Path
    html: Path
    rows: int

    @property
    def exit_code(self) -> int:
        """1 when a notebook could not be run to its end or an original changed, else 0."""
        return 1 if self.changed or any(r.failed for r in self.results) else 0

    def lines(self) -> list[str]:
        """The summary a trainer reads in the terminal (and at the top of report.html)."""
        return [
            *summary_lines(self.results, self.changed, self.options, self.seconds),
            f"Report: {self.csv} ({self.rows} rows) and {self.html}.",
        ]


def plural(count: int, word: str) -> str:
    """``1 notebook``, ``2 notebooks``."""
    return f"{count} {word}" + ("" if count == 1 else "s")


def summary_lines(
    results: Sequence[Graded], changed: Sequence[Submission], options: GradeOptions, seconds: float
) -> list[str]:
    """How many notebooks ran, which did not and why, and whether the originals are intact."""
    learners = len({r.submission.learner for r in results})
    counts = Counter(r.run.status for r in results)
    ran = counts[RunStatus.RAN] + counts[RunStatus.RAISED]
    lines = [
        f"Graded {plural(len(results), 'notebook')} from {plural(learners, 'learner')} "
        f"in {seconds:.1f} s "
        f"({options.jobs} at a time; each limited to {options.timeout:g} s and "
        f"{options.memory_mb} MB).",
    ]
    raised = (
        f" ({counts[RunStatus.RAISED]} with cells that raised an error)"
        if counts[RunStatus.RAISED]
        else ""
    )
    failed = [f"{counts[s]} {s.value}" for s in RunStatus if s in FAILED and counts[s]]
    not_run = f"; {sum(counts[s] for s in FAILED)} did not: {', '.join(failed)}" if failed else ""
    lines.append(f"{ran} ran to the end{raised}{not_run}.")
    if not sys.platform.startswith("linux"):
        lines.append("Note: the memory limit is only known to hold on Linux; check it here.")
    if changed:
        names = ", ".join(s.notebook for s in changed)
        lines.append(
            f"WARNING: {plural(len(changed), 'original notebook')} changed during grading: {names}."
        )
    else:
        lines.append(
            f"The originals are unchanged (SHA-256 of {plural(len(results), 'notebook')} "
            "checked before and after)."
        )
    return lines


def run_all(
    runner: Runner, submissions: Sequence[Submission], jobs: int, progress: bool
) -> list[Run]:
    """Run every submission, ``jobs`` at a time, with a progress bar on stderr."""
    runs: dict[int, Run] = {}
    bar = tqdm(
        total=len(submissions),
        desc="grading",
        unit="notebook",
        file=sys.stderr,
        disable=not progress,
    )
    pool = ThreadPoolExecutor(max_workers=jobs)
    try:
        futures = {pool.submit(runner.run, s): i for i, s in enumerate(submissions)}
        for future in as_completed(futures):
            index = futures[future]
            runs[index] = future.result()
            bar.set_postfix_str(
                f"{submissions[index].learner}: {runs[index].status}", refresh=False
            )
            bar.update()
    except BaseException:  # Ctrl-C or a bug: leave no kernel running behind us
        runner.stop_all()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    finally:
        bar.close()
    pool.shutdown()
    return [runs[i] for i in range(len(submissions))]


def grade(
    kit: Path,
    submissions_dir: Path,
    out: Path,
    options: GradeOptions | None = None,
    *,
    progress: bool = True,
) -> BatchReport:
    """Grade every notebook under ``submissions_dir`` against ``kit``'s data; write the report."""
    options = options or GradeOptions()
    start = time.monotonic()
    found = locate(kit)
    given = given_notebooks(found)
    submissions = find_submissions(submissions_dir)
    out = prepare_output_dir(Path(out), force=options.force)
    with Runner(found.data, options) as runner:
        runs = run_all(runner, submissions, options.jobs, progress)
    results = tuple(graded(s, r, given) for s, r in zip(submissions, runs, strict=True))
    changed = tuple(changed_since(submissions))
    summaries = summarise(results)
    csv_path, html_path = out / CSV_NAME, out / HTML_NAME
    rows = write_csv(results, csv_path)
    seconds = time.monotonic() - start
    report = BatchReport(results, changed, options, seconds, csv_path, html_path, rows)
    write_html(results, summaries, report.lines(), html_path)
    return report
