"""Rendering: MIME bundle, HTML that works on light and dark themes, code that stays code."""

from __future__ import annotations

import ast
import html
import re

import pytest
from suggested_code import displayed_code

from brakes.exercises.outcomes import OUTCOME_MIME, Kind, Status
from brakes.exercises.question import Question
from brakes.exercises.registry import all_exercises
from brakes.exercises.render import STYLES, Feedback


def feedback(status: Status = Status.INCORRECT, body: str = "Missing: 'forum' & <b>.") -> Feedback:
    return Feedback(
        exercise="0.2",
        title="Mentions per channel",
        kind=Kind.CHECK,
        lead={Status.INCORRECT: "Not quite.", Status.CORRECT: "Correct:"}.get(status, "x"),
        body=body + " Use `.sort_values()`.",
        status=status,
    )


def test_mime_bundle_has_text_html_and_record() -> None:
    bundle = feedback()._repr_mimebundle_()
    assert set(bundle) == {"text/plain", "text/html", OUTCOME_MIME}
    assert bundle[OUTCOME_MIME] == {
        "version": 1,
        "exercise": "0.2",
        "kind": "check",
        "status": "incorrect",
        "feedback": "Not quite. Missing: 'forum' & <b>. Use `.sort_values()`.",
    }
    assert bundle["text/plain"] == (
        "✗ [0.2] Not quite. Missing: 'forum' & <b>. Use `.sort_values()`."
    )


def test_html_is_escaped_self_contained_and_has_a_word() -> None:
    html = feedback().html()
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert "<code" in html and ".sort_values()</code>" in html
    assert "✗ Not quite</span>" in html
    assert not re.search(r"<(script|link|style)\b|https?://|url\(", html)
    assert "Exercise 0.2 · Mentions per channel" in html


def test_output_is_deterministic() -> None:
    assert feedback()._repr_mimebundle_() == feedback()._repr_mimebundle_()
    assert "0x" not in feedback().html()


def _luminance(hex_color: str) -> float:
    channels = [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("key", list(STYLES))
def test_badges_have_enough_contrast(key: str) -> None:
    """White text on each badge colour meets WCAG AA (4.5:1), whatever the theme."""
    ratio = 1.05 / (_luminance(STYLES[key].color) + 0.05)
    assert ratio >= 4.5


def test_text_inherits_the_theme_colour() -> None:
    html = feedback().html()
    assert "color:inherit" in html
    assert re.search(r"background:rgba\(\d+,\d+,\d+,0\.1\d?\)", html)


MULTI_LINE = 'grouped = support.groupby("answer_type")["satisfaction"]\n# take the mean of grouped'


def hint(body: str) -> Feedback:
    return Feedback(exercise="1.14", title="Mean", kind=Kind.HINT, lead="Hint 3 of 3:", body=body)


def test_a_hint_written_as_code_is_a_block_that_keeps_its_line_breaks() -> None:
    shown = hint(MULTI_LINE + " That was the last one.")
    blocks = re.findall(r"<pre [^>]*><code>(.*?)</code></pre>", shown.html(), re.DOTALL)
    assert [html.unescape(block) for block in blocks] == [MULTI_LINE]
    assert "white-space:pre" in shown.html()
    assert "</pre><div" in shown.html() and "That was the last one.</div>" in shown.html()
    assert shown.text == f"Hint 3 of 3:\n{MULTI_LINE}\n\nThat was the last one."


def test_code_in_a_sentence_stays_inline_unless_it_spans_lines() -> None:
    assert "<pre" not in hint("Start with: In La Mijotière's data, …").html()
    assert "<pre" not in hint("Use `len(mentions)`. That was the last one.").html()
    two_lines = hint("Try `a = 1\nb = 2` then check.").html()
    assert re.search(r"<pre [^>]*><code>a = 1\nb = 2</code></pre>", two_lines)


@pytest.mark.browser  # Chromium renders the displays
def test_every_hint_and_solution_block_copied_from_chromium_parses() -> None:
    """What a learner copies from each hint's and solution's code, rendered in Chromium, runs
    as Python (the kit test runs it in the notebook: tests/kit/test_workshop.py)."""
    shown: list[tuple[tuple[str, str], Feedback]] = []
    for each in all_exercises():
        question = Question(each, hint_log={})
        hints = range(1, len(each.hints) + 1)
        shown += [((each.id, f"hint {n}"), question.next_hint(n)) for n in hints]
        shown.append(((each.id, "solution"), question.show_solution()))
    copied = displayed_code(shown)
    failures = []
    for where, code in copied:
        try:
            ast.parse(code)
        except SyntaxError as error:
            failures.append(f"{where}: {error.msg}: {code!r}")
    assert not failures, "\n".join(failures)
    assert len({where for where, _ in copied if where[1] == "solution"}) == len(all_exercises())
