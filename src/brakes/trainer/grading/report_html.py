"""report.html: the class at a glance, the notebooks that did not run, and each learner, offline.

Every verdict is the grader's re-check; what a notebook showed is beside it,
and the rows where the two differ are listed first (:func:`_flagged`).

One self-contained file: styles inline, the plot embedded as a PNG data URL,
no script, and a Content-Security-Policy that forbids fetching or running
anything, so it reads the same with no network. Everything that comes from a
notebook (names, answers, feedback, error messages) is escaped: a learner's
``<script>`` shows as text.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path

from brakes.exercises.model import ExerciseKind
from brakes.trainer.grading.plot import STRUGGLE_BELOW, success_plot
from brakes.trainer.grading.results import SUCCESS, ExerciseSummary, Graded, most_missed
from brakes.trainer.grading.status import RunStatus

#: Wrong-answer messages shown per most-missed exercise.
MESSAGES_SHOWN = 3
#: The columns of a learner's table.
_LEARNER_HEAD = (
    "Exercise",
    "Re-check",
    "Shown in the notebook",
    "Hints",
    "Solution",
    "Feedback or answer",
)

_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;
margin:0;background:#fff}
main{max-width:72rem;margin:0 auto;padding:1rem 1.5rem 3rem}
h1{font-size:1.7rem;margin:.5rem 0}h2{border-bottom:1px solid #d0d7de;padding-bottom:.2rem;
margin-top:2.2rem}h3{margin:1.4rem 0 .4rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.n{text-align:right;white-space:nowrap}
.badge{display:inline-block;padding:0 .45em;border-radius:3px;color:#fff;font-weight:600;
white-space:nowrap;font-size:.9em}
.ok{background:#1a7f37}.bad{background:#cf222e}.none{background:#57606a}.warn{background:#9a6700}
.noted{background:#0969da}
.words{white-space:pre-wrap;border-left:4px solid #0969da;background:#f6f8fa;margin:.2rem 0 .8rem;
padding:.4rem .7rem}
.summary{background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:.6rem 1rem}
.summary p{margin:.2rem 0}img{max-width:100%;height:auto}
nav a{margin-right:1rem}
"""

#: Badge colour class per status; every badge also says its status in words.
_BADGES = {
    "correct": "ok",
    "recorded": "noted",
    "ran": "ok",
    "incorrect": "bad",
    "error": "warn",
    "raised": "warn",
    "not_attempted": "none",
    "not_checked": "none",
}


def esc(value: object) -> str:
    """Text from a notebook, made inert: every <, >, &, and quote escaped."""
    return html.escape(str(value), quote=True)


def badge(status: str) -> str:
    """A status as a coloured label that also reads as a word."""
    return f'<span class="badge {_BADGES.get(status, "bad")}">{esc(status)}</span>'


def _table(
    head: Sequence[str], rows: Sequence[Sequence[str]], numeric: AbstractSet[int] = frozenset()
) -> str:
    """A table whose cells are already HTML (escape before passing text)."""
    header = "".join(f"<th scope='col'>{esc(h)}</th>" for h in head)
    body = "".join(
        "<tr>"
        + "".join(
            f"<td class='n'>{c}</td>" if i in numeric else f"<td>{c}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"


def _problems(results: Sequence[Graded]) -> str:
    """One line per notebook that did not run cleanly: failed, raised, or flooded its output."""
    failed = [r for r in results if r.run.status is not RunStatus.RAN or r.run.reason]
    if not failed:
        return "<p>Every notebook ran to its end without an error.</p>"
    rows = [
        [
            esc(r.submission.learner),
            esc(r.submission.notebook),
            badge(r.run.status),
            esc(r.run.reason),
        ]
        for r in failed
    ]
    return _table(["Learner", "Notebook", "Status", "Why"], rows)


def _flagged(results: Sequence[Graded]) -> str:
    """Every row whose re-check differs from what the notebook showed: a forged or stale check."""
    rows = [
        [
            esc(r.submission.learner),
            esc(r.submission.notebook),
            esc(row.exercise),
            badge(row.shown),
            badge(row.status),
            f"<strong>{esc(row.flag)}</strong>: {esc(row.feedback)}",
        ]
        for r in results
        for row in r.rows
        if row.flag
    ]
    if not rows:
        return "<p>Every check a notebook showed agrees with the grader's re-check.</p>"
    head = ["Learner", "Notebook", "Exercise", "Shown in the notebook", "Re-check", "Why"]
    return (
        "<p>The notebook displayed one verdict and the grader's re-check of the learner's answer "
        "gave another: a check record made by hand or by changed code, or an answer changed or "
        "deleted after its check. The report counts the re-check.</p>" + _table(head, rows)
    )


def _glance(summaries: Sequence[ExerciseSummary]) -> str:
    if not summaries:
        return "<p>No exercise of the course was found in the submissions.</p>"
    png, alt = success_plot(summaries)
    image = (
        f'<figure><img src="data:image/png;base64,{base64.b64encode(png).decode("ascii")}" '
        f'alt="{esc(alt)}"><figcaption>Orange bars: fewer than '
        f"{STRUGGLE_BELOW:.0%} of the learners who had the exercise succeeded. Predictions and "
        "readings count as done once written down.</figcaption></figure>"
    )
    rows = [
        [
            esc(s.exercise.id),
            esc(s.exercise.title),
            str(s.learners),
            str(s.succeeded),
            f"{s.rate:.0%}",
            str(s.hints),
            str(s.used_hints),
            str(s.solutions),
        ]
        for s in summaries
    ]
    head = [
        "Exercise",
        "Title",
        "Learners",
        "Succeeded",
        "Success rate",
        "Hints shown",
        "Learners who used hints",
        "Solutions shown",
    ]
    return image + _table(head, rows, numeric={2, 3, 4, 5, 6, 7})


def _learners_count(count: int) -> str:
    return f"{count} learner" + ("" if count == 1 else "s")


def _missed(summaries: Sequence[ExerciseSummary]) -> str:
    worst = most_missed(summaries)
    if not worst:
        return "<p>No exercise was missed.</p>"
    parts = []
    for s in worst:
        breakdown = ", ".join(f"{n} {status}" for status, n in s.misses.most_common())
        parts.append(
            f"<h3>{esc(s.exercise.id)} · {esc(s.exercise.title)}</h3>"
            f"<p>Missed by {s.missed} of {_learners_count(s.learners)} ({esc(breakdown)}); "
            f"{s.used_hints} asked for a hint, {s.solutions} looked at the solution.</p>"
        )
        if s.wrong:
            items = "".join(
                f"<li>{esc(message)} <strong>({count}×)</strong></li>"
                for message, count in s.wrong.most_common(MESSAGES_SHOWN)
            )
            parts.append(f"<p>Commonest wrong-answer messages:</p><ol>{items}</ol>")
        else:
            parts.append(
                "<p>No wrong answer was checked: the misses are unanswered or not run.</p>"
            )
    return "".join(parts)


def _own_words(results: Sequence[Graded], summaries: Sequence[ExerciseSummary]) -> str:
    readings = [s.exercise for s in summaries if s.exercise.kind is ExerciseKind.INTERPRET]
    if not readings:
        return "<p>No interpretation exercise in these notebooks.</p>"
    parts = []
    for exercise in readings:
        parts.append(f"<h3>{esc(exercise.id)} · {esc(exercise.title)}</h3>")
        written = [
            (r.submission.learner, row.answer)
            for r in results
            for row in r.rows
            if row.exercise == exercise.id and row.answer
        ]
        if not written:
            parts.append("<p>Nobody wrote a reading yet.</p>")
        for learner, words in written:
            parts.append(
                f"<p><strong>{esc(learner)}</strong></p><div class='words'>{esc(words)}</div>"
            )
    return "".join(parts)


def _learners(results: Sequence[Graded]) -> str:
    parts = []
    learners: dict[str, list[Graded]] = {}
    for result in results:
        learners.setdefault(result.submission.learner, []).append(result)
    for number, (learner, theirs) in enumerate(sorted(learners.items()), start=1):
        done = sum(row.status in SUCCESS for r in theirs for row in r.rows if row.exercise)
        total = sum(1 for r in theirs for row in r.rows if row.exercise)
        parts.append(
            f"<h3 id='learner-{number}'>{esc(learner)}</h3><p>{done} of {total} exercises done.</p>"
        )
        for result in theirs:
            run = result.run
            reason = f" — {esc(run.reason)}" if run.reason else ""
            parts.append(
                f"<p>{esc(result.submission.notebook)}: {badge(run.status)} "
                f"in {run.seconds:.1f} s{reason}</p>"
            )
            rows = [
                [
                    esc(row.exercise or "—"),
                    badge(row.status),
                    (badge(row.shown) if row.shown else "—")
                    + (f" <strong>{esc(row.flag)}</strong>" if row.flag else ""),
                    str(row.hints_used),
                    "yes" if row.solution_seen else "no",
                    f"<div class='words'>{esc(row.answer)}</div>"
                    if row.answer
                    else esc(row.feedback),
                ]
                for row in result.rows
            ]
            parts.append(_table(_LEARNER_HEAD, rows, {3}))
    return "".join(parts)


def render_html(
    results: Sequence[Graded], summaries: Sequence[ExerciseSummary], lines: Sequence[str]
) -> str:
    """The whole report as one HTML page."""
    summary = "".join(f"<p>{esc(line)}</p>" for line in lines)
    sections = [
        ("problems", "Notebooks that did not run cleanly", _problems(results)),
        ("flagged", "Shown in the notebook, not on re-check", _flagged(results)),
        ("glance", "The class at a glance", _glance(summaries)),
        ("missed", "Most-missed exercises", _missed(summaries)),
        ("words", "In the learners' own words", _own_words(results, summaries)),
        ("learners", "Learner by learner", _learners(results)),
    ]
    nav = "".join(f"<a href='#{key}'>{esc(title)}</a>" for key, title, _ in sections)
    body = "".join(
        f"<section id='{key}'><h2>{esc(title)}</h2>{content}</section>"
        for key, title, content in sections
    )
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; "
        "img-src data:; style-src 'unsafe-inline'\">"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>Grading report</title><style>{_CSS}</style></head><body><main>"
        f"<h1>Grading report</h1><div class='summary'>{summary}</div><nav>{nav}</nav>{body}"
        "</main></body></html>\n"
    )


def write_html(
    results: Sequence[Graded],
    summaries: Sequence[ExerciseSummary],
    lines: Sequence[str],
    path: Path,
) -> None:
    """Write the report page to ``path`` (UTF-8)."""
    path.write_text(render_html(results, summaries, lines), encoding="utf-8")
