"""The course as printed handouts: the learner edition as one PDF, and the trainer's own.

Chromium prints each built page (Playwright's ``page.pdf()``, with Debian's
``/usr/bin/chromium``) with a print stylesheet (``handouts.css``) that keeps the
article alone, figures whole and code unbroken; pypdf joins the pages, in the
order of the site's table of contents, into one PDF with a bookmark per page.

- The learner handout: every page of the learner edition.
- The trainer handout: the trainer's guide (agendas, running a workshop) and, from
  each other page of the trainer edition, only the notes a learner never sees (the
  facilitator notes, the expected answers on the seed the edition was built with):
  the notes whose title the same page of the learner edition lacks.

``make pdf`` builds both editions, runs ``python -m brakes.trainer.handouts``, and
builds the editions again with ``-D brakes_handouts=_build/pdf`` so that each links
its own PDF (:mod:`brakes.sphinxext.handouts`).
"""

from __future__ import annotations

import argparse
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from brakes.config import COURSE
from brakes.errors import BrakesError
from brakes.trainer.browser import chromium

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

# Playwright and pypdf are imported where they print and join, not with this module: the
# Sphinx extension reads the handouts' names here (brakes.sphinxext.handouts).

LEARNER_PDF = "releasing-the-brakes.pdf"
#: For trainers alone: it holds the expected answers.
TRAINER_PDF = "releasing-the-brakes-trainer.pdf"
#: The handouts each edition links (the trainer edition also offers the learners' one).
EDITION_HANDOUTS = {"learner": (LEARNER_PDF,), "trainer": (LEARNER_PDF, TRAINER_PDF)}
#: The pages only the trainer edition has, printed whole in the trainer handout.
TRAINER_GUIDE = "course/trainer/"
STYLESHEET = Path(__file__).with_name("handouts.css")
#: The table of contents in the sidebar of the site's landing page: every page, in order.
SIDEBAR = re.compile(r'<nav class="[^"]*\bbd-docs-nav\b.*?</nav>', re.DOTALL)
SIDEBAR_LINK = re.compile(r'class="reference internal" href="([^"#]*)(?:#[^"]*)?"')
#: Each note's title, as the page shows it.
NOTE_TITLES = "els => els.map(e => e.textContent.trim())"
#: Before printing: load every image now, open folded notes and cells, and, for a page
#: printed for its trainer's notes alone, keep its title and the notes whose title is not
#: one of the learner page's (``keep`` is that list, or null to print the whole article).
PREPARE = """async (learnerTitles) => {
  for (const img of document.images) img.loading = "eager";
  await Promise.all([...document.images].map(img => img.decode().catch(() => null)));
  document.querySelectorAll("details").forEach(d => { d.open = true; });
  document.querySelectorAll(".toggle-hidden").forEach(e => e.classList.remove("toggle-hidden"));
  if (learnerTitles === null) return;
  document.getElementById("jb-print-toc")?.remove();
  const article = document.querySelector("article.bd-article");
  const heading = article.querySelector("h1").cloneNode(true);
  const notes = [...article.querySelectorAll(".admonition")].filter(note => {
    const title = note.querySelector(":scope > .admonition-title");
    return title && !learnerTitles.includes(title.textContent.trim())
      && !note.parentElement.closest(".admonition");
  });
  article.replaceChildren(heading, ...notes);
}"""
#: A page's bookmark: its heading's text, without the heading's "#" link.
HEADING = """() => {
  const heading = document.querySelector("article h1")?.cloneNode(true);
  heading?.querySelectorAll(".headerlink").forEach(link => link.remove());
  return heading ? heading.textContent.trim() : null;
}"""
#: Printed at the foot of every sheet: the course, its version and the page's title.
FOOTER = (
    '<div style="font-size:8px;width:100%;margin:0 12mm;color:#555">'
    'Releasing the Brakes {version} · <span class="title"></span></div>'
)


@dataclass(frozen=True)
class PrintedPage:
    """One page of a handout: its path in the built site, and what of it is printed.

    ``learner_titles`` is None to print the whole article; otherwise the page is
    printed for its trainer's notes alone: those whose title is not in it.
    """

    path: str
    learner_titles: tuple[str, ...] | None = None


def course_order(site: Path) -> list[str]:
    """Every page of the built ``site`` in course order, read from its landing page's sidebar."""
    index = site / "index.html"
    if not index.is_file():
        raise BrakesError(f"no built site in {site}: build it first (make site, make trainer)")
    sidebar = SIDEBAR.search(index.read_text(encoding="utf-8"))
    if sidebar is None:
        raise BrakesError(f"{index} has no table of contents in its sidebar: is it the course?")
    pages = ["index.html"]
    for link in SIDEBAR_LINK.findall(sidebar.group(0)):
        if link and link not in pages:
            pages.append(link)
    return pages


def _open(page: Page, site: Path, path: str) -> None:
    page.goto((site / path).resolve().as_uri(), wait_until="load")


def learner_handout(site: Path) -> list[PrintedPage]:
    """The learner handout: every page of the learner edition, whole, in course order."""
    return [PrintedPage(path) for path in course_order(site)]


def trainer_handout(browser: Browser, trainer: Path, learner: Path) -> list[PrintedPage]:
    """The trainer handout: the trainer's guide whole, then every other page's trainer notes.

    A page of the trainer edition is printed for its notes when it holds a note whose
    title its learner edition lacks; a page with no such note is left out.
    """
    order = course_order(trainer)
    guide = [p for p in order if p.startswith(TRAINER_GUIDE) or not (learner / p).is_file()]
    printed = [PrintedPage(path) for path in guide]
    page = browser.new_page()
    for path in (p for p in order if p not in guide):
        _open(page, learner, path)
        learner_titles = page.eval_on_selector_all(".admonition > .admonition-title", NOTE_TITLES)
        _open(page, trainer, path)
        titles = page.eval_on_selector_all(".admonition > .admonition-title", NOTE_TITLES)
        if set(titles) - set(learner_titles):
            printed.append(PrintedPage(path, tuple(learner_titles)))
    page.close()
    return printed


def print_handout(browser: Browser, site: Path, pages: Sequence[PrintedPage], out: Path) -> Path:
    """Print ``pages`` of ``site`` (A4, the print stylesheet) and join them into ``out``.

    Each page starts on a new sheet and gets a bookmark named after its title.
    """
    from pypdf import PdfReader, PdfWriter

    if not pages:
        raise BrakesError(f"nothing to print from {site}: no page was chosen")
    writer = PdfWriter()
    page = browser.new_page(color_scheme="light")
    page.emulate_media(media="print")
    for printed in pages:
        _open(page, site, printed.path)
        page.add_style_tag(path=STYLESHEET)
        titles = list(printed.learner_titles) if printed.learner_titles is not None else None
        page.evaluate(PREPARE, titles)
        first = len(writer.pages)
        pdf = page.pdf(
            format="A4",
            margin={"top": "14mm", "bottom": "16mm", "left": "14mm", "right": "14mm"},
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=FOOTER.format(version=COURSE.version),
        )
        writer.append(PdfReader(io.BytesIO(pdf)))
        title = page.evaluate(HEADING) or printed.path
        writer.add_outline_item(title=title, page_number=first)
    page.close()
    writer.add_metadata({"/Title": f"Releasing the Brakes {COURSE.version}"})
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(".part")
    with partial.open("wb") as stream:
        writer.write(stream)
    partial.replace(out)
    return out


def make_handouts(learner: Path, trainer: Path | None, out: Path) -> list[Path]:
    """Print the handout of the learner edition ``learner`` and, given ``trainer``, the
    trainer's, into the folder ``out``."""
    with chromium() as browser:
        made = [print_handout(browser, learner, learner_handout(learner), out / LEARNER_PDF)]
        if trainer is not None:
            pages = trainer_handout(browser, trainer, learner)
            made.append(print_handout(browser, trainer, pages, out / TRAINER_PDF))
    return made


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m brakes.trainer.handouts``: print the built editions' handouts (make pdf)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learner", type=Path, default=COURSE.root / "_build" / "html")
    parser.add_argument("--trainer", type=Path, default=COURSE.root / "_build" / "trainer")
    parser.add_argument("--out", type=Path, default=COURSE.root / "_build" / "pdf")
    args = parser.parse_args(argv)
    from pypdf import PdfReader

    try:
        made = make_handouts(args.learner, args.trainer, args.out)
    except BrakesError as error:
        parser.exit(1, f"error: {error}\n")
    for path in made:
        print(f"{path}: {len(PdfReader(path).pages)} pages, {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
