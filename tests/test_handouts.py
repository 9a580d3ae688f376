"""The PDF handouts (brakes.trainer.handouts), printed by Chromium from two small sites.

The pages copy the theme's layout (sidebar, article, footer) in a few lines, so the
test prints in seconds without a site build.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser
from pypdf import PdfReader

from brakes.trainer.handouts import (
    course_order,
    learner_handout,
    print_handout,
    trainer_handout,
)

pytestmark = pytest.mark.browser

SIDEBAR_TEXT = "Sidebar words never printed"
FOOTER_TEXT = "Footer words never printed"
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head><body>
<div class="bd-sidebar-primary"><nav class="bd-links bd-docs-nav" aria-label="Main">
<p>{sidebar}</p><ul>
<li><a class="reference internal" href="{up}index.html">First page</a></li>
<li><a class="reference internal" href="{up}second.html#part">Second page</a></li>{guide}
</ul></nav></div>
<main class="bd-main"><article class="bd-article"><section>
<h1>{title}</h1><p>{title} prose for everyone.</p>{notes}
</section></article></main>
<footer class="bd-footer"><p>{footer}</p></footer>
</body></html>
"""
GUIDE_LINK = (
    '\n<li><a class="reference internal" href="{up}course/trainer/index.html">Guide</a></li>'
)
NOTE = '<div class="admonition"><p class="admonition-title">{title}</p><p>{text}</p></div>'
SHARED_NOTE = NOTE.format(title="Key points", text="Key points for everyone.")
TRAINER_NOTE = NOTE.format(title="Facilitator notes", text="Ask the room before showing it.")


def write_site(root: Path, trainer: bool) -> Path:
    """A site of two pages (and, for the trainer, a guide page), in the theme's layout."""
    pages = {
        "index.html": ("First page", SHARED_NOTE),
        "second.html": ("Second page", SHARED_NOTE + (TRAINER_NOTE if trainer else "")),
    }
    if trainer:
        pages["course/trainer/index.html"] = ("Trainer guide", "")
    for path, (title, notes) in pages.items():
        up = "../" * path.count("/")
        guide = GUIDE_LINK.format(up=up) if trainer else ""
        page = PAGE.format(
            title=title, up=up, guide=guide, notes=notes, sidebar=SIDEBAR_TEXT, footer=FOOTER_TEXT
        )
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(page, encoding="utf-8")
    return root


def text_of(pdf: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_handouts_print_the_articles_in_course_order_without_the_sidebar(
    tmp_path: Path, chromium: Browser
) -> None:
    # The worker's Chromium (tests/conftest.py): a second sync Playwright in one worker fails.
    learner = write_site(tmp_path / "learner", trainer=False)
    trainer = write_site(tmp_path / "trainer", trainer=True)
    assert course_order(learner) == ["index.html", "second.html"]
    learner_pdf = print_handout(
        chromium, learner, learner_handout(learner), tmp_path / "learner.pdf"
    )
    pages = trainer_handout(chromium, trainer, learner)
    trainer_pdf = print_handout(chromium, trainer, pages, tmp_path / "trainer.pdf")

    reader = PdfReader(learner_pdf)
    assert len(reader.pages) > 0
    assert [item.title for item in reader.outline] == ["First page", "Second page"]
    text = text_of(learner_pdf)
    assert "First page prose for everyone." in text and "Second page prose" in text
    assert SIDEBAR_TEXT not in text and FOOTER_TEXT not in text
    assert "Ask the room" not in text

    assert [page.path for page in pages] == ["course/trainer/index.html", "second.html"]
    text = text_of(trainer_pdf)
    assert "Trainer guide prose" in text and "Ask the room before showing it." in text
    assert "Second page prose" not in text and "Key points for everyone." not in text
    assert SIDEBAR_TEXT not in text
