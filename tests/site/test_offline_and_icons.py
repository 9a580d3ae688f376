"""The site as a download (zip for offline use) and its icons (no Font Awesome script)."""

from __future__ import annotations

import importlib.util
import re
import sys
import zipfile
from types import ModuleType

import pytest
from test_editions import trainer_sentences

from brakes.config import COURSE
from brakes.sphinxext import icons
from brakes.sphinxext.offline import TOP, zip_name

pytestmark = pytest.mark.site

ICON_CLASS = re.compile(r'class="([^"]*\bfa-[^"]*)"')


@pytest.mark.parametrize("edition", COURSE.editions)
def test_site_zip_holds_the_whole_edition_and_every_page_links_it(
    sites: dict, edition: str
) -> None:
    site = sites[edition]
    archive = site.html / "_downloads" / zip_name(edition)
    assert archive.is_file(), site.log
    with zipfile.ZipFile(archive) as zipped:
        names = set(zipped.namelist())
    assert f"{TOP}/index.html" in names
    assert f"{TOP}/_static/brakes-icons.css" in names
    assert not [n for n in names if n.endswith("-site.zip")], "the zip must not hold itself"
    assert not [n for n in names if n.endswith((".map", "fontawesome.js"))], "unused files"
    # Seven solution notebooks with their plots, and the notebook kit (0.3 MB), are inside.
    assert archive.stat().st_size < 3_500_000, f"the zip weighs {archive.stat().st_size:,} bytes"
    pages = site.documents()
    assert {f"{TOP}/{page}" for page in pages} <= names
    for page in pages:
        depth = page.count("/")
        link = f'href="{"../" * depth}_downloads/{zip_name(edition)}"'
        assert link in (site.html / page).read_text(encoding="utf-8"), f"{page} lacks the zip link"


def test_learner_zip_holds_no_trainer_text(sites: dict) -> None:
    sentences = trainer_sentences()
    with zipfile.ZipFile(sites["learner"].html / "_downloads" / zip_name("learner")) as zipped:
        names = zipped.namelist()
        assert not [n for n in names if "/course/trainer/" in n or "/." in n]
        for name in names:
            if name.endswith((".html", ".md", ".txt", ".ipynb", ".js", ".json")):
                text = zipped.read(name).decode("utf-8", errors="replace")
                leaked = [s for s in sentences if s in text]
                assert not leaked, f"{name} holds trainer text: {leaked[:2]}"


def _make_icons() -> ModuleType:
    """scripts/make_icons.py, imported as a module."""
    path = COURSE.root / "scripts" / "make_icons.py"
    spec = importlib.util.spec_from_file_location("make_icons", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("edition", COURSE.editions)
def test_no_page_loads_font_awesome_and_every_icon_it_uses_is_drawn(
    sites: dict, edition: str
) -> None:
    site = sites[edition]
    declared = icons.load().class_names()
    used: dict[str, str] = {}
    for page in site.documents():
        text = (site.html / page).read_text(encoding="utf-8")
        assert "fontawesome.js" not in text, f"{page} still loads Font Awesome's script"
        for classes in ICON_CLASS.findall(text):
            for name in classes.split():
                if name.startswith("fa-") and name not in icons.MODIFIERS:
                    used.setdefault(name, page)
    missing = {name: page for name, page in used.items() if name not in declared}
    assert not missing, (
        f"icons used but not in icons.json: {missing}; add them to ICONS in "
        "scripts/make_icons.py and run `make icons`"
    )
    css = (site.html / "_static" / "brakes-icons.css").read_text(encoding="utf-8")
    assert css == icons.icons_css(icons.load())
    for name in used:
        assert f".fa-solid.{name}," in css or f".fa-brands.{name}," in css


def test_icons_file_is_what_the_script_makes_from_the_installed_theme() -> None:
    """icons.json is in sync with scripts/make_icons.py's ICONS and the theme's Font Awesome."""
    make_icons = _make_icons()
    bundle = make_icons.BUNDLE.read_text("utf-8")
    fresh = make_icons.render(
        make_icons.icon_data(bundle, make_icons.STYLESHEET.read_text("utf-8"))
    )
    assert icons.DATA.read_text("utf-8") == fresh, "icons.json is stale: run `make icons`"
    assert icons.load().class_names() == {
        f"fa-{name}" for names in make_icons.ICONS.values() for name in names
    }


def test_theme_glyphs_become_masks() -> None:
    """Admonition and download-link icons (CSS glyphs in the theme) are drawn without the font."""
    css = icons.icons_css(icons.load())
    for selector in (".admonition.note>.admonition-title:after", "a.reference.download:before"):
        rule = next(line for line in css.splitlines() if line.startswith(selector))
        assert '--brakes-glyph: url("data:image/svg+xml,' in rule and 'content: ""' in rule


def test_unknown_icon_is_reported_by_name() -> None:
    make_icons = _make_icons()
    bundle = make_icons.BUNDLE.read_text("utf-8")
    with pytest.raises(make_icons.MissingIconError, match="solid no-such-icon"):
        make_icons.icon_data(bundle, "", icons={"solid": ("no-such-icon",)})
