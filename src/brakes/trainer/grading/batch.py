"""``brakes grade``: run every submission in parallel, judge its answers, write the report.

The report is report.csv (one row per learner and exercise), gradebook.csv
(one row per learner) and report.html. The trainer's mistakes (no kit, no
notebooks, a report folder with files in it, Windows) stop the command before
anything runs; a learner's notebook, however broken or hostile, only ever
becomes a line of the report. The exit code is 1 when a notebook could not
be run to its end or an original changed, else 0.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from brakes.data.source import FolderSource
from brakes.errors import BrakesError
from brakes.outdir import prepare_output_dir
from brakes.trainer.grading.kit import given_notebooks, locate, version_warning
from brakes.trainer.grading.options import GradeOptions
from brakes.trainer.grading.report_csv import write_csv, write_gradebook
from brakes.trainer.grading.report_html import write_html
from brakes.trainer.grading.result import Result
from brakes.trainer.grading.results import Graded, answer_names, graded, summarise
from brakes.trainer.grading.runner import Runner
from brakes.trainer.grading.sandbox import isolation_line
from brakes.trainer.grading.status import FAILED, RunStatus
from brakes.trainer.grading.submissions import Submission, changed_since, find_submissions
from brakes.trainer.workshop import UNKNOWN_COMMIT, course_build

CSV_NAME = "report.csv"
GRADEBOOK_NAME = "gradebook.csv"
HTML_NAME = "report.html"
#: Why grading refuses to start on Windows, and what to use instead.
ON_WINDOWS = (
    "grading needs Linux (each notebook runs under Linux's process and memory limits); "
    "on Windows, run it under WSL, the Windows Subsystem for Linux "
    "(https://learn.microsoft.com/windows/wsl/install)"
)


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
    gradebook: Path
    grader: dict[str, str]  # the course version and commit that judged the answers
    kit: dict[str, str] | None  # the ones that made the kit, if it records them

    @property
    def exit_code(self) -> int:
        """1 when a notebook could not be run to its end or an original changed, else 0."""
        return 1 if self.changed or any(r.failed for r in self.results) else 0

    def lines(self) -> list[str]:
        """The summary a trainer reads in the terminal (and at the top of report.html)."""
        return [
            *summary_lines(
                self.results,
                self.changed,
                self.options,
                self.seconds,
                grader=self.grader,
                kit=self.kit,
            ),
            f"Report: {self.csv} ({self.rows} rows), {self.gradebook} and {self.html}.",
        ]


def plural(count: int, word: str) -> str:
    """``1 notebook``, ``2 notebooks``."""
    return f"{count} {word}" + ("" if count == 1 else "s")


def on_windows() -> bool:
    """Whether this is Windows, where grading cannot hold its limits."""
    return os.name == "nt" or sys.platform == "win32"


def recheck_line(results: Sequence[Graded], grader: dict[str, str]) -> str:
    """Where the verdicts come from, and how many differ from what the notebooks showed."""
    flagged = sum(bool(row.flag) for result in results for row in result.rows)
    commit = grader["commit"]
    by = f"brakes {grader['version']}" + (
        f" (commit {commit[:12]})" if commit != UNKNOWN_COMMIT else ""
    )
    return (
        "Verdicts come from the grader's re-check: each exercise's answer variable, read back "
        f"from the notebook's kernel once its cells had run, judged by {by} on the kit's tables; "
        f"{plural(flagged, 'row')} differ from what the notebook showed (flagged)."
    )


def summary_lines(
    results: Sequence[Graded],
    changed: Sequence[Submission],
    options: GradeOptions,
    seconds: float,
    *,
    grader: dict[str, str],
    kit: dict[str, str] | None = None,
) -> list[str]:
    """How many notebooks ran, which did not and why, where the verdicts come from, and whether
    the originals are intact; a grader of another course version than the kit's says so first."""
    learners = len({r.submission.learner for r in results})
    counts = Counter(r.run.status for r in results)
    ran = counts[RunStatus.RAN] + counts[RunStatus.RAISED]
    lines = [
        isolation_line(all(r.run.isolated for r in results)),
        *filter(None, [version_warning(kit, grader)]),
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
    lines.append(recheck_line(results, grader))
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
) -> list[Result]:
    """Run every submission, ``jobs`` at a time, with a progress bar on stderr."""
    runs: dict[int, Result] = {}
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
    """Grade every notebook under ``submissions_dir`` against ``kit``'s data; write the report.

    Each answer is judged here, with this installation's checks, on the kit's
    tables as this process reads them (never a notebook's scratch copy).
    """
    if on_windows():
        raise BrakesError(ON_WINDOWS)
    options = options or GradeOptions()
    start = time.monotonic()
    found = locate(kit)
    given = given_notebooks(found)
    submissions = find_submissions(submissions_dir)
    out = prepare_output_dir(Path(out), force=options.force)
    with Runner(found, options, answer_names()) as runner:
        runs = run_all(runner, submissions, options.parallel, progress)
    load = FolderSource(found.data).load
    results = tuple(graded(s, r, given, load=load) for s, r in zip(submissions, runs, strict=True))
    changed = tuple(changed_since(submissions))
    summaries = summarise(results)
    csv_path, gradebook_path, html_path = out / CSV_NAME, out / GRADEBOOK_NAME, out / HTML_NAME
    rows = write_csv(results, csv_path)
    write_gradebook(results, gradebook_path)
    seconds = time.monotonic() - start
    report = BatchReport(
        results,
        changed,
        options,
        seconds,
        csv_path,
        html_path,
        rows,
        gradebook=gradebook_path,
        grader=course_build(),
        kit=found.course,
    )
    write_html(results, summaries, report.lines(), html_path)
    return report
