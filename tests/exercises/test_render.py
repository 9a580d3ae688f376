"""Rendering: MIME bundle, HTML that works on light and dark themes, deterministic output."""

from __future__ import annotations

import re

import pytest

from brakes.exercises.outcomes import OUTCOME_MIME, Kind, Status
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
