"""A workshop kit holds no dead link, with the site's address or without it."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import nbformat
import pytest

from brakes.cli import main
from brakes.config import COURSE
from brakes.trainer.kit.adapt import ASK_THE_TRAINER, GUARD_TAG, OFF_KIT, linked_page
from brakes.trainer.workshop import WORKSHOP_NAME, CheckoutPages, workshop_notebook

SITE_URL = "https://course.example.com/brakes"
#: A Markdown link's target, or an autolink's (<https://…>).
MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)[^)]*\)|<(https?://[^>\s]+)>")
#: The address the guard cell names for the set-up page, in parentheses at the end of its message.
GUARD_ADDRESS = re.compile(r"\(([^()\s]*setup[^()\s]*)\)")
#: How many links to the course's pages the learner notebooks hold (checked, so no test is blind).
COURSE_LINKS = 20


@pytest.fixture(scope="module")
def kits(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two workshop kits made by the trainer's command: without an address, and with one."""
    built = {}
    for name, options in (("no address", []), ("address", ["--site-url", SITE_URL + "/"])):
        out = tmp_path_factory.mktemp("workshop-links")
        with pytest.MonkeyPatch.context() as patch:
            patch.delenv("BRAKES_SITE_URL", raising=False)
            assert main(["workshop", "--seed", "2029", "--out", str(out), "--force", *options]) == 0
        built[name] = out / "participants" / WORKSHOP_NAME
    return built


def kit_links(kit: Path) -> list[tuple[str, str]]:
    """(file, link) for every Markdown link of the kit's README and notebooks, and the address
    each notebook's guard cell names for the set-up page."""
    readme = (kit / "README.md").read_text(encoding="utf-8")
    found = [("README.md", link) for m in MARKDOWN_LINK.findall(readme) for link in m if link]
    for path in sorted(kit.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "markdown":
                found += [
                    (path.name, ln) for m in MARKDOWN_LINK.findall(cell.source) for ln in m if ln
                ]
            elif GUARD_TAG in cell.metadata.get("tags", []):
                found += [(path.name, link) for link in GUARD_ADDRESS.findall(cell.source)]
    return found


def dead_links(kit: Path, site_url: str) -> list[str]:
    """Each link that leads nowhere: a relative one to a file the kit lacks, or one to the site
    whose page has no source in the course (other websites are not followed)."""
    dead = []
    for name, link in kit_links(kit):
        parts = urlsplit(link)
        if not parts.scheme and not parts.path:
            continue  # an anchor on the same page
        if not parts.scheme:
            if not (kit / posixpath.normpath(parts.path)).is_file():
                dead.append(f"{name}: {link}")
        elif site_url and link.startswith(site_url + "/"):
            path = urlsplit(link[len(site_url) + 1 :]).path
            page = (
                posixpath.splitext(path)[0] if path and not path.endswith("/") else path + "index"
            )
            if not any((COURSE.root / f"{page}{suffix}").is_file() for suffix in (".md", ".ipynb")):
                dead.append(f"{name}: {link}")
    return dead


def test_no_dead_link_in_a_workshop_kit_with_or_without_the_sites_address(
    kits: dict[str, Path],
) -> None:
    for name, site_url in (("no address", ""), ("address", SITE_URL)):
        assert dead_links(kits[name], site_url) == [], name
    to_site = [link for _, link in kit_links(kits["address"]) if link.startswith(SITE_URL + "/")]
    assert sum("/course/" in link for link in to_site) >= COURSE_LINKS, "is the count blind?"
    assert f"{SITE_URL}/course/setup.html" in to_site
    assert f"<{SITE_URL}/>" in (kits["address"] / "README.md").read_text(encoding="utf-8")


def test_without_an_address_the_pages_are_named_and_the_trainer_asked(
    kits: dict[str, Path],
) -> None:
    kit = kits["no address"]
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(kit.glob("*.ipynb"))}
    assert sum(text.count(OFF_KIT) for text in texts.values()) == COURSE_LINKS
    assert f"data dictionary{OFF_KIT} describes every column" in texts["00-getting-started.ipynb"]
    assert all(ASK_THE_TRAINER in text for text in texts.values()), "a guard cell names no one"
    readme = (kit / "README.md").read_text(encoding="utf-8")
    assert "ask your trainer for its address" in readme and "course/setup.html" not in readme


def test_a_link_to_a_page_keeps_its_anchor_and_other_links_stay(tmp_path: Path) -> None:
    links = ["../course/data-dictionary.md#mentions", "00-getting-started.ipynb", "#here"]
    links += ["https://example.org/x.md", "data/mentions.csv", "../course/no-such-page.md"]
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell(
                " ".join(f"[{n}]({link})" for n, link in enumerate(links))
            )
        ]
    )
    path = tmp_path / "00-getting-started.ipynb"
    nbformat.write(notebook, path)
    pages = CheckoutPages(COURSE.root, frozenset({"exercises/00-getting-started"}))
    for site_url, first in (
        (SITE_URL, f"[0]({SITE_URL}/course/data-dictionary.html#mentions)"),
        ("", f"0{OFF_KIT}"),
    ):
        cell = nbformat.reads(workshop_notebook(path, pages, site_url), as_version=4).cells[0]
        others = " ".join(f"[{n}]({link})" for n, link in enumerate(links) if n)
        assert cell.source == f"{first} {others}", site_url


def test_the_site_and_a_workshop_map_a_course_link_by_one_rule() -> None:
    page = linked_page("../course/data-dictionary.md#mentions", {"course/data-dictionary"})
    assert page is not None and page.address() == "course/data-dictionary.html#mentions"
    assert page.address(lambda docname: f"{docname}/") == "course/data-dictionary/#mentions"
    for other in ("../course/glossary.md", "https://example.org/x.md", "#here", "data/x.csv"):
        assert linked_page(other, {"course/data-dictionary"}) is None, other


def test_a_site_address_that_is_not_http_is_one_line_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert (
        main(["workshop", "--seed", "2029", "--out", str(out), "--site-url", "course.example"]) == 2
    )
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "site_url" in error and "https://" in error, error
    assert not out.exists()
