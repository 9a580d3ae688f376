"""What a web server or Pages host needs from the build, and the statements every page links.

A small site built with ``-D brakes_site_url`` and ``-D brakes_contact`` checks the base
URL, the 404 page's ``<base>`` and the contact; both editions' test builds check
``.nojekyll``, the 404 page, the footer and what the privacy page says the browser keeps.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from docutils import nodes
from mini_site import run_sphinx

from brakes.sphinxext import publish

pytestmark = pytest.mark.site

SITE_URL = "https://pages.example.com/brakes"
CONTACT = "training@example.com"

#: A call that writes to the browser's storage, and the key it writes (a literal or a name).
STORAGE_WRITE = re.compile(
    r"(?P<store>local|session)Storage\.setItem\(\s*(?:(?P<q>[\"'])(?P<key>[^\"']+)(?P=q)|(?P<name>\w+))"
)
#: Storage keys that scripts build from a prefix held in a variable: the prefix, as written.
KEY_PREFIXES = {"storageKeyPrefix": "sphinx-design-tab-id-"}


def test_base_url_and_the_404_pages_base_come_from_the_site_address() -> None:
    assert publish.base_url("") == ""
    assert publish.base_url(SITE_URL) == SITE_URL + "/"
    assert publish.base_href(SITE_URL + "/", "404") == "/brakes/404.html"
    assert publish.base_href("https://course.example.com/", "404") == "/404.html"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A two-page site built with the site's address and a contact, as a Pages job builds it."""
    root = tmp_path_factory.mktemp("published")
    source = root / "site"
    source.mkdir()
    (source / "index.md").write_text("# Home\n\nWelcome.\n", encoding="utf-8")
    (source / "404.md").write_text(
        "---\norphan: true\n---\n\n# Not here\n\nWrite to {brakes-contact}`your trainer`.\n",
        encoding="utf-8",
    )
    options = ("-D", f"brakes_site_url={SITE_URL}", "-D", f"brakes_contact={CONTACT}")
    result = run_sphinx(source, root / "html", *options)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "html"


def test_every_page_names_its_canonical_address_on_the_published_site(published: Path) -> None:
    index = (published / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}/index.html" />' in index
    assert "<base " not in index


def test_the_404_page_resolves_its_links_from_the_site_root_at_any_depth(published: Path) -> None:
    page = (published / "404.html").read_text(encoding="utf-8")
    head = page[page.index("<head>") : page.index("</head>")]
    base = head.index('<base href="/brakes/404.html" />')
    first_url = min(head.index(tag) for tag in ("<link ", "<script src=") if tag in head)
    assert base < first_url, "the <base> must come before the first URL it resolves"
    # Sphinx hides the address from harvesters: entities, and "@" as %40 in the link.
    assert f'href="mailto:{quote(CONTACT)}"' in html.unescape(page)


def test_without_a_contact_the_role_reads_as_its_own_text() -> None:
    assert publish.contact_node("", "your trainer").astext() == "your trainer"
    page = publish.contact_node("https://intranet.example.com/help", "x")
    assert isinstance(page, nodes.reference) and page["refuri"] == page.astext()
    assert publish.contact_node("Training team, room 4", "x").astext() == "Training team, room 4"


def test_each_edition_has_nojekyll_and_a_404_page_with_a_way_back(sites: dict) -> None:
    for edition, site in sites.items():
        assert (site.html / publish.NO_JEKYLL).is_file(), f"{edition}: no .nojekyll"
        page = (site.html / "404.html").read_text(encoding="utf-8")
        article = page[page.index("<article") : page.index("</article>")]
        assert 'href="index.html"' in article, f"{edition}: the 404 page has no way back"


def test_every_page_links_the_privacy_and_accessibility_statements(sites: dict) -> None:
    missing = []
    for site in sites.values():
        for document in site.documents():
            page = (site.html / document).read_text(encoding="utf-8")
            footer = re.search(r'<p class="brakes-statements">.*?</p>', page, re.S)
            hrefs = re.findall(r'href="([^"]+)"', footer.group(0)) if footer else []
            here = posixpath.dirname(document)
            linked = {
                document if h == "#" else posixpath.normpath(posixpath.join(here, h)) for h in hrefs
            }
            for statement in ("course/privacy.html", "course/accessibility.html"):
                if statement not in linked:
                    missing.append(f"{site.edition} {document}: no link to {statement}")
    assert not missing, "\n".join(missing[:20])


def test_the_privacy_page_names_everything_the_sites_scripts_store(sites: dict) -> None:
    for site in sites.values():
        privacy = (site.html / "course" / "privacy.html").read_text(encoding="utf-8")
        unnamed, cookies = set(), []
        for script in (site.html / "_static").rglob("*.js"):
            text = script.read_text(encoding="utf-8", errors="replace")
            cookies += [script.name] if "document.cookie" in text else []
            for write in STORAGE_WRITE.finditer(text):
                key = write["key"] or KEY_PREFIXES.get(write["name"], write["name"])
                if f'<span class="pre">{key}</span>' not in privacy:  # as `key` in the text
                    unnamed.add(f"{key} ({write['store']} storage, {script.name})")
        assert not cookies, f"{site.edition}: scripts that touch cookies: {cookies}"
        assert not unnamed, f"{site.edition}: stored but not on the privacy page: {sorted(unnamed)}"


def test_the_statements_hold_no_placeholder_text(sites: dict) -> None:
    for site in sites.values():
        for name in ("privacy", "accessibility"):
            page = (site.html / "course" / f"{name}.html").read_text(encoding="utf-8")
            assert not re.search(r"\b(TODO|TBD|FIXME|XXX)\b", page), f"{name}: placeholder text"
        accessibility = (site.html / "course" / "accessibility.html").read_text(encoding="utf-8")
        assert "WCAG) 2.1" in accessibility and "<strong>AA</strong>" in accessibility
        assert "the team that runs this training in your company" in accessibility
