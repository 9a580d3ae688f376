"""The French article the course is built from is named wherever the course cites its sources.

Each chapter's "Sources" section and CITATION.cff's references give its title, so a reader
can find the text whose three brakes the chapters follow (#20, point 7).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from brakes.config import COURSE

SOURCE_ARTICLE = "Les freins aux réseaux sociaux pour les entreprises"
SOURCES = re.compile(r"^## Sources\n(.*?)(?=^## |\Z)", re.M | re.S)


def chapter_pages() -> list[Path]:
    """course/<chapter>/index.md of every chapter that has notebooks (01a-control-… → control)."""
    notebooks = COURSE.solutions_dir.glob("0[1-9]*.ipynb")
    folders = {notebook.stem.split("-")[1] for notebook in notebooks}
    return [COURSE.root / "course" / folder / "index.md" for folder in sorted(folders)]


def test_each_chapter_names_the_source_article_in_its_sources() -> None:
    pages = chapter_pages()
    assert len(pages) == 3, f"expected the three chapters' pages, found {pages}"
    for page in pages:
        sources = SOURCES.search(page.read_text(encoding="utf-8"))
        assert sources, f"{page} has no '## Sources' section"
        assert SOURCE_ARTICLE in sources.group(1), f"{page}: its sources do not name the article"


def test_the_citation_file_references_the_source_article() -> None:
    citation = yaml.safe_load((COURSE.root / "CITATION.cff").read_text(encoding="utf-8"))
    titles = [reference["title"] for reference in citation.get("references", [])]
    assert SOURCE_ARTICLE in titles
