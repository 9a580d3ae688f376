"""The site publishes the notebook kit, and the pages a learner starts from link to it."""

from __future__ import annotations

import posixpath
import re
import zipfile

import pytest

from brakes.config import COURSE
from brakes.trainer.kit import KIT_NAME, ZIP_NAME, wheel_name

pytestmark = pytest.mark.site

HREF = re.compile(r'href="([^"#]+)"')


def links_to_kit(html: str, page: str) -> bool:
    """Whether the page at ``page`` (relative to the site) has a link resolving to the kit."""
    folder = posixpath.dirname(page)
    return any(
        posixpath.normpath(posixpath.join(folder, href)) == f"_downloads/{ZIP_NAME}"
        for href in HREF.findall(html)
    )


def test_the_learner_edition_publishes_the_kit(sites: dict) -> None:
    archive = sites["learner"].html / "_downloads" / ZIP_NAME
    assert archive.is_file(), sites["learner"].log
    with zipfile.ZipFile(archive) as zipped:
        names = set(zipped.namelist())
    notebooks = {f"{KIT_NAME}/{p.name}" for p in COURSE.exercises_dir.glob("*.ipynb")}
    setup = {f"{KIT_NAME}/{n}" for n in (wheel_name(), "requirements.txt", "README.md")}
    assert names == notebooks | setup
    assert not [n for n in names if "/solutions/" in n or n.endswith(".sha256")]


def test_landing_page_getting_started_setup_and_every_notebook_page_link_the_kit(
    sites: dict,
) -> None:
    site = sites["learner"]
    pages = ["index.html", "course/getting-started.html", "course/setup.html"]
    pages += [p for p in site.documents() if p.startswith(("exercises/", "solutions/"))]
    assert len(pages) > 3, "no notebook page found: is the check blind?"
    for page in pages:
        html = (site.html / page).read_text(encoding="utf-8")
        assert links_to_kit(html, page), f"{page} does not link to the notebook kit"


def test_every_page_footer_names_both_licences_and_the_version(sites: dict) -> None:
    from brakes import __version__

    for edition, site in sites.items():
        for page in site.documents():
            html = (site.html / page).read_text(encoding="utf-8")
            assert "creativecommons.org/licenses/by/4.0/" in html, f"{edition}: {page}"
            assert "MIT licence" in html and f"Version {__version__}" in html, f"{edition}: {page}"
