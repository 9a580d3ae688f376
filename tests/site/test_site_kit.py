"""The site publishes the notebook kit, and the pages a learner starts from link to it."""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import nbformat
import pytest
from mini_site import run_sphinx

from brakes.config import COURSE
from brakes.sphinxext import offline
from brakes.trainer.kit import KIT_NAME, ZIP_NAME, wheel_name
from brakes.trainer.kit.adapt import GUARD_TAG

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
    pages = {n for n in names if n.startswith(f"{KIT_NAME}/course/") and n.endswith(".html")}
    assert f"{KIT_NAME}/course/setup.html" in pages, "no site address: the kit carries its pages"
    assert names - pages == notebooks | setup
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


#: The public address the second mini site is built with.
SITE_URL = "https://course.example.org/brakes"
#: A sentence only the trainer edition shows: a page the kit carries must not hold it.
TRAINER_ONLY = "Facilitators read this sentence only."
#: Links of a README or a notebook's Markdown: ``[text](target)`` and ``<https://…>``.
MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)[^)]*\)|<(https?://[^>\s]+)>")
ATTRIBUTE_LINK = re.compile(r'(?:href|src)="([^"]+)"')


def kit_pages() -> dict[str, str]:
    """A site holding each page the kit's notebooks link to (found in the real notebooks)."""
    linked = set()
    for path in COURSE.exercises_dir.glob("*.ipynb"):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "markdown":
                linked |= {m[0] for m in MARKDOWN_LINK.findall(cell.source) if "course/" in m[0]}
    docs = {posixpath.normpath(posixpath.join("exercises", link)).split("#")[0] for link in linked}
    assert len(docs) >= 3, f"the kit's notebooks link to too few pages: {docs}"
    stub = (
        "# {title}\n\nSee [the set-up](/course/setup.md), the {{notebook-kit}}`kit` and "
        "[the glossary](/course/glossary.md).\n\n````{{only}} trainer\n{trainer}\n````\n"
    )
    pages = {doc: stub.format(title=doc, trainer=TRAINER_ONLY) for doc in sorted(docs)}
    pages["course/setup.md"] = "# Set-up\n\nInstall the kit.\n"
    pages["course/glossary.md"] = "# Glossary\n\nWords.\n"
    toctree = "\n".join(posixpath.splitext(doc)[0] for doc in pages)
    pages["index.md"] = f"# Home\n\n```{{toctree}}\n{toctree}\n```\n"
    pages["course/trainer/index.md"] = "# For trainers\n\nThe trainer edition's own page.\n"
    return pages


@pytest.fixture(scope="module")
def kit_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Mini sites with the pages the kit links to: without an address (trainer edition, so
    the carried pages must still be the learner's), and with one (from the environment)."""
    root = tmp_path_factory.mktemp("kit-sites")
    source = root / "source"
    for name, text in kit_pages().items():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_text(text, encoding="utf-8")
    built = {}
    for name, options, address in (
        ("no address", ["-t", COURSE.trainer_tag], None),
        ("address", [], SITE_URL + "/"),
    ):
        html = root / name.replace(" ", "-")
        with pytest.MonkeyPatch.context() as patch:
            patch.delenv("BRAKES_SITE_URL", raising=False)
            if address:
                patch.setenv("BRAKES_SITE_URL", address)
            result = run_sphinx(source, html, *options)
        assert result.returncode == 0, result.stdout + result.stderr
        built[name] = html
    return built


def unzipped_kit(html: Path, into: Path) -> Path:
    with zipfile.ZipFile(html / "_downloads" / ZIP_NAME) as archive:
        archive.extractall(into)
    return into / KIT_NAME


def kit_links(kit: Path) -> list[tuple[str, str]]:
    """(file, link) for every link of the kit's notebooks, README and pages."""
    found = [
        ("README.md", link)
        for m in MARKDOWN_LINK.findall((kit / "README.md").read_text(encoding="utf-8"))
        for link in m
        if link
    ]
    for path in sorted(kit.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "markdown":
                found += [
                    (path.name, link)
                    for m in MARKDOWN_LINK.findall(cell.source)
                    for link in m
                    if link
                ]
    for page in sorted(kit.rglob("*.html")):
        name = page.relative_to(kit).as_posix()
        found += [(name, link) for link in ATTRIBUTE_LINK.findall(page.read_text("utf-8"))]
    return found


def dead_links(kit: Path, site: Path, site_url: str) -> list[str]:
    """Each link of the kit that leads nowhere: a relative one to a file the kit lacks, one
    to the site's address whose page the site lacks; other websites are not followed."""
    dead = []
    for name, link in kit_links(kit):
        parts = urlsplit(link)
        if parts.scheme == "data" or (not parts.scheme and not parts.path):
            continue  # an inlined image, an anchor on the same page
        if site_url and link.startswith(site_url + "/"):
            page = site / urlsplit(link[len(site_url) + 1 :]).path
            if not (page / "index.html" if page.is_dir() else page).is_file():
                dead.append(f"{name}: {link}")
        elif not parts.scheme:
            folder = posixpath.dirname(name)
            if not (kit / posixpath.normpath(posixpath.join(folder, parts.path))).is_file():
                dead.append(f"{name}: {link}")
    return dead


def test_no_dead_link_in_the_kit_with_or_without_the_sites_address(
    kit_sites: dict[str, Path], tmp_path: Path
) -> None:
    for name, site_url in (("no address", ""), ("address", SITE_URL)):
        kit = unzipped_kit(kit_sites[name], tmp_path / name.replace(" ", "-"))
        links = [link for _, link in kit_links(kit)]
        assert sum("course/" in link for link in links) >= 18, "no course link: is it blind?"
        assert dead_links(kit, kit_sites[name], site_url) == [], name
        cells = nbformat.read(kit / "00-getting-started.ipynb", as_version=4).cells
        (first_cell,) = [c for c in cells if GUARD_TAG in c.metadata.get("tags", [])]
        readme = (kit / "README.md").read_text(encoding="utf-8")
        if site_url:
            assert f"{SITE_URL}/course/setup.html" in first_cell.source
            assert f"<{SITE_URL}/>" in readme
            assert not (kit / "course").exists(), "with an address the kit carries no page"
        else:
            assert "(course/setup.html)" in first_cell.source
            assert (kit / "course" / "setup.html").is_file()
            pages = "".join(p.read_text("utf-8") for p in (kit / "course").rglob("*.html"))
            assert TRAINER_ONLY not in pages and "<link " not in pages


def test_the_offline_zip_holds_no_link_to_itself(kit_sites: dict[str, Path]) -> None:
    html = kit_sites["address"]
    archive = html / "_downloads" / offline.zip_name("learner")
    assert 'class="brakes-offline"' in (html / "index.html").read_text("utf-8"), "no footer link"
    with zipfile.ZipFile(archive) as zipped:
        pages = [n for n in zipped.namelist() if n.endswith(".html")]
        assert len(pages) > 3
        for page in pages:
            text = zipped.read(page).decode("utf-8")
            assert offline.zip_name("learner") not in text, f"{page} links to its own zip"
