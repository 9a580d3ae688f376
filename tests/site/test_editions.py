"""Both editions build clean, and nothing of the trainer edition reaches the learner edition."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sphinx.util.tags import Tags

from brakes.config import COURSE
from brakes.sphinxext.editions import CAPTION, TRAINER_INDEX, TRAINER_PAGES, edition

pytestmark = pytest.mark.site

#: A MyST ``{only} trainer`` block in a page's source, fenced with backticks or colons: the
#: test's own reading of the sources, to know which sentences must never reach learners.
ONLY_TRAINER = re.compile(r"^(`{3,}|:{3,})\{only\}\s+trainer\s*$(.*?)^\1\s*$\n?", re.M | re.S)


def strip_trainer_blocks(text: str) -> str:
    """A page's source without its trainer-only blocks."""
    return ONLY_TRAINER.sub("", text)


class _Text(HTMLParser):
    """The visible text of an HTML page, without scripts and styles."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


#: Sphinx prints typographic quotes where the source has straight ones.
STRAIGHT_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def page_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.parts).split()).translate(STRAIGHT_QUOTES)


def trainer_sentences() -> list[str]:
    """Distinctive plain sentences of every trainer-only page and block in the sources."""
    sources = list((COURSE.root / "course" / "trainer").rglob("*.md"))
    chunks = [path.read_text(encoding="utf-8") for path in sources]
    for path in [COURSE.root / "index.md", *(COURSE.root / "course").rglob("*.md")]:
        chunks += [m.group(2) for m in ONLY_TRAINER.finditer(path.read_text(encoding="utf-8"))]
    # Text that the learner edition shows anyway (a phrase a quiz reuses) proves no leak.
    learner_sources = " ".join(
        strip_trainer_blocks(path.read_text(encoding="utf-8"))
        for path in [COURSE.root / "index.md", *(COURSE.root / "course").rglob("*.md")]
        if "trainer" not in path.relative_to(COURSE.root).parts
    )
    sentences = []
    for chunk in chunks:
        for line in chunk.splitlines():
            # A list item's marker ("- ", "2. ") is not part of its rendered text.
            words = re.sub(r"^(?:[-*+]|\d+\.)\s+", "", line.strip())
            # Plain prose lines only: no markup that the HTML would render differently.
            plain = len(words) > 40 and not re.search(r"[`*_#|{}\[\]<>:]", words)
            if plain and words[:40] not in learner_sources:
                sentences.append(words[:40])
    return sentences


@pytest.mark.parametrize("edition", COURSE.editions)
def test_edition_builds_clean(sites: dict, edition: str) -> None:
    site = sites[edition]
    assert site.returncode == 0, site.log
    # Each kernel start prints a notice on stderr that is not a Sphinx warning.
    log = "\n".join(line for line in site.log.splitlines() if "[IPKernelApp]" not in line)
    assert "WARNING" not in log and "ERROR" not in log, log
    assert (site.html / "index.html").is_file()


def test_trainer_text_only_in_trainer_edition(sites: dict) -> None:
    sentences = trainer_sentences()
    assert len(sentences) >= 10, "expected trainer-only text in the sources to check against"
    trainer = " ".join(page_text(p) for p in sites["trainer"].pages())
    learner_pages = sites["learner"].pages()
    learner = " ".join(page_text(p) for p in learner_pages)
    learner_raw = " ".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in sites["learner"].html.rglob("*")
        if p.is_file() and p.suffix in {".html", ".js", ".txt", ".md", ".ipynb", ".json"}
    )
    missing = [s for s in sentences if s not in trainer]
    assert not missing, f"trainer edition lacks: {missing[:3]}"
    leaked = [s for s in sentences if s in learner or s in learner_raw]
    assert not leaked, f"learner edition contains trainer text: {leaked[:3]}"
    assert not (sites["learner"].html / "course" / "trainer").exists()
    assert (sites["trainer"].html / "course" / "trainer" / "index.html").is_file()
    assert "trainer/index.html" not in learner_raw


def test_edition_follows_the_trainer_tag() -> None:
    assert edition(Tags()) == "learner"
    assert edition(Tags([COURSE.trainer_tag])) == "trainer"
    assert edition(Tags(["html", "format_html"])) == "learner"
    assert TRAINER_PAGES.startswith(TRAINER_INDEX.rsplit("/", 1)[0])


def test_trainer_pages_are_in_the_navigation_of_the_trainer_edition_only(sites: dict) -> None:
    for page in ("index.html", "course/glossary.html"):
        trainer = (sites["trainer"].html / page).read_text(encoding="utf-8")
        learner = (sites["learner"].html / page).read_text(encoding="utf-8")
        link = Path(TRAINER_INDEX).relative_to(Path(page).parent).as_posix() + ".html"
        assert CAPTION in trainer and link in trainer, f"{page}: no trainer pages in the menu"
        assert CAPTION not in learner and "trainer/index" not in learner


def test_learner_edition_publishes_no_source_that_holds_trainer_blocks(sites: dict) -> None:
    pages = [COURSE.root / "index.md", *(COURSE.root / "course").rglob("*.md")]
    with_blocks = [p for p in pages if ONLY_TRAINER.search(p.read_text(encoding="utf-8"))]
    assert with_blocks, "expected a page with an {only} trainer block"
    for path in with_blocks:
        source = path.relative_to(COURSE.root).as_posix()
        html = source.removesuffix(".md") + ".html"
        assert not (sites["learner"].html / "_sources" / source).exists(), source
        page = (sites["learner"].html / html).read_text("utf-8")
        assert "_sources/" not in page.replace("_sources/solutions/", ""), html
        assert "download-pdf-button" in page, f"{html}: the rest of the download menu is gone"
        # The trainer edition offers the page's whole source for download.
        assert (sites["trainer"].html / "_sources" / source).is_file(), source
