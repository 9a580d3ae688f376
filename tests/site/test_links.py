"""Every internal link, anchor and asset of both editions resolves, and every asset is local."""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from brakes.config import COURSE

pytestmark = pytest.mark.site

#: (tag, attribute) pairs that point at another file; the first group are assets.
ASSET_ATTRS = {("link", "href"), ("script", "src"), ("img", "src"), ("source", "src")}
ASSET_ATTRS |= {("iframe", "src"), ("video", "src"), ("audio", "src"), ("object", "data")}
LINK_ATTRS = {("a", "href"), ("area", "href")}
FETCHED_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest"}
CSS_URL = re.compile(r"url\(\s*(['\"]?)(?P<url>[^'\")]+)\1\s*\)")


class _Refs(HTMLParser):
    """The ids of a page and every reference it makes."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str, bool]] = []  # (tag, url, is_asset)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(values[name] or "")
        for attr, value in attrs:
            if value is None:
                continue
            if (tag, attr) in ASSET_ATTRS:
                # <link rel="index|search|next"> names a page, not an asset to fetch.
                rel = set(str(values.get("rel") or "").split())
                self.refs.append((tag, value, tag != "link" or bool(rel & FETCHED_RELS)))
            elif (tag, attr) in LINK_ATTRS:
                self.refs.append((tag, value, False))


@cache
def parse(path: Path) -> _Refs:
    parser = _Refs()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_references(root: Path) -> list[str]:
    """Every reference of the built site at ``root`` that does not resolve, as readable lines."""
    problems = []
    for page in sorted(root.rglob("*.html")):
        if page.relative_to(root).parts[0].startswith("_"):
            continue  # theme template files copied into _static/
        for tag, url, is_asset in parse(page).refs:
            parts = urlsplit(url)
            where = f"{page.relative_to(root)}: <{tag}> {url}"
            if parts.scheme in ("http", "https") or url.startswith("//"):
                if is_asset:
                    problems.append(f"{where}: an asset from the network (breaks offline)")
                continue
            if parts.scheme or not (parts.path or parts.fragment):
                continue  # mailto:, data:, javascript:, or a bare "#"
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_relative_to(root.resolve()):
                problems.append(f"{where}: points outside the site")
            elif not target.is_file():
                problems.append(f"{where}: no such file")
            elif (
                parts.fragment
                and target.suffix == ".html"
                and unquote(parts.fragment) not in parse(target).ids
            ):
                problems.append(f"{where}: no anchor #{parts.fragment}")
    for sheet in sorted(root.glob("_static/**/*.css")):
        for match in CSS_URL.finditer(sheet.read_text(encoding="utf-8")):
            url = match["url"].strip()
            if url.startswith(("data:", "#")):
                continue
            if urlsplit(url).scheme or url.startswith("//"):
                problems.append(f"{sheet.relative_to(root)}: url({url}) from the network")
            elif not (sheet.parent / unquote(urlsplit(url).path)).is_file():
                problems.append(f"{sheet.relative_to(root)}: url({url}) has no file")
    return problems


@pytest.mark.parametrize("edition", COURSE.editions)
def test_every_internal_link_anchor_and_asset_resolves(sites: dict, edition: str) -> None:
    root = sites[edition].html
    assert (root / "index.html").is_file(), sites[edition].log
    problems = broken_references(root)
    assert not problems, f"{len(problems)} broken references:\n" + "\n".join(problems[:40])


def test_crawler_finds_what_is_broken(tmp_path: Path) -> None:
    """The crawler itself: a missing page, a missing anchor, a remote script and a missing font."""
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / "a.css").write_text("x { src: url(missing.woff2) }")
    (tmp_path / "b.html").write_text('<h1 id="here">B</h1>')
    (tmp_path / "index.html").write_text(
        '<a href="b.html#here">ok</a><a href="b.html#gone">anchor</a><a href="nope.html">page</a>'
        '<script src="https://cdn.example.org/x.js"></script><a href="https://example.org">ok</a>'
        '<link rel="stylesheet" href="_static/a.css"><a href="#">top</a>'
    )
    problems = "\n".join(broken_references(tmp_path))
    assert "#gone" in problems and "nope.html" in problems and "cdn.example.org" in problems
    assert "missing.woff2" in problems
    assert "b.html#here" not in problems and "https://example.org" not in problems
