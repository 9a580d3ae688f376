"""Write ``src/brakes/sphinxext/icons.json``: the SVG paths of every icon the site draws.

Run ``make icons`` after adding a name to :data:`ICONS` or after upgrading the
theme, and commit the JSON file. The build only reads that file
(:mod:`brakes.sphinxext.icons`); it never parses the theme's 1.56 MB
``fontawesome.js`` itself.

Two kinds of icons are written:

- ``classes``: the ``<i class="fa-solid fa-NAME">`` icons of :data:`ICONS`,
  which the theme's script would have drawn (header buttons, sidebar, search,
  colour mode, launch button);
- ``glyphs``: each rule of the theme's stylesheet that shows an icon as a CSS
  ``::before``/``::after`` glyph of its web font (admonition titles, download
  links…), with the icon that has the same code point.

The paths come from the installed theme's own Font Awesome Free copy (icons
CC BY 4.0, https://fontawesome.com/license/free), so shapes match the theme.
``python scripts/make_icons.py --check`` exits 1 when the committed file differs.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import pydata_sphinx_theme

ROOT = Path(__file__).resolve().parents[1]
#: The file this script writes and the build reads.
TARGET = ROOT / "src" / "brakes" / "sphinxext" / "icons.json"

#: Every ``<i>`` icon the site shows, by Font Awesome style: the theme's own
#: (header buttons, sidebar, search, colour mode, launch) plus any a page adds.
#: A site test fails when a page uses one that is not listed here.
ICONS: dict[str, tuple[str, ...]] = {
    "solid": (
        "angle-left",
        "angle-right",
        "arrow-up",
        "bars",
        "chevron-down",
        "circle-half-stroke",
        "code",
        "download",
        "expand",
        "file",
        "file-pdf",
        "list",
        "magnifying-glass",
        "moon",
        "outdent",
        "rocket",
        "sun",
        "xmark",
    ),
    "regular": (),
    "brands": (),
}

_THEME = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"
#: The theme's Font Awesome script and its stylesheet, as installed.
BUNDLE = _THEME / "scripts" / "fontawesome.js"
STYLESHEET = _THEME / "styles" / "pydata-sphinx-theme.css"

#: In the bundle, each style's icons end where the script registers them.
_PACK_END = re.compile(r'\("(fab|far|fas)",\w+\),\w+\("fa-(?:brands|regular|solid)",\w+\)')
_ICON = re.compile(
    r'(?:"(?P<quoted>[a-z0-9-]+)"|\b(?P<bare>[a-z][a-z0-9]*)):'
    r'\[(?P<width>\d+),(?P<height>\d+),\[[^\]]*\],"(?P<code>[0-9a-f]+)",'
    r'(?P<path>"(?:[^"\\]|\\.)*"|\[[^\]]*\])\]'
)
_PACK_NAMES = {"fab": "brands", "far": "regular", "fas": "solid"}

#: In the theme's stylesheet: an icon variable, and a rule that shows one as a glyph.
_ICON_VAR = re.compile(r'--pst-icon-(?P<name>[a-z-]+):(?P<value>"[^"]*"|var\(--pst-icon-[a-z-]+\))')
_GLYPH_RULE = re.compile(r"(?P<selector>[^{}]+)\{[^{}]*content:var\(--pst-icon-(?P<name>[a-z-]+)\)")


@dataclass(frozen=True)
class BundleIcon:
    """One icon of the bundle: its style and name, its box, SVG path and web-font code point."""

    style: str
    name: str
    width: int
    height: int
    path: str
    code: str

    @property
    def key(self) -> str:
        """How icons.json names it: ``style/name``."""
        return f"{self.style}/{self.name}"


class MissingIconError(LookupError):
    """An icon of :data:`ICONS` is not in the theme's Font Awesome bundle."""


def read_bundle(text: str) -> dict[str, dict[str, BundleIcon]]:
    """Every icon of the theme's ``fontawesome.js``, as ``{style: {name: icon}}``."""
    packs: dict[str, dict[str, BundleIcon]] = {}
    start = 0
    for end in _PACK_END.finditer(text):
        style = _PACK_NAMES[end[1]]
        icons = {}
        for match in _ICON.finditer(text, start, end.start()):
            parts = re.findall(r'"((?:[^"\\]|\\.)*)"', match["path"])
            path = " ".join(part for part in parts if part)
            name = match["quoted"] or match["bare"]
            width, height = int(match["width"]), int(match["height"])
            icons[name] = BundleIcon(style, name, width, height, path, match["code"])
        packs.setdefault(style, icons)
        start = end.end()
    return packs


def _code_point(value: str) -> str:
    """The code point of a CSS content string: a literal character or a ``\\f0f3`` escape."""
    text = value.strip('"')
    escaped = re.fullmatch(r"\\([0-9a-fA-F]+)\s*", text)
    return escaped[1].lower() if escaped else f"{ord(text[0]):x}"


def glyphs(
    stylesheet: str, packs: dict[str, dict[str, BundleIcon]]
) -> list[tuple[str, BundleIcon]]:
    """Each of the stylesheet's glyph rules (its selector) with the icon it shows, in order."""
    variables = {m["name"]: m["value"] for m in _ICON_VAR.finditer(stylesheet)}

    def resolve(name: str) -> str | None:
        seen = set()
        value = variables.get(name)
        while value and value.startswith("var(") and name not in seen:
            seen.add(name)
            name = value[len("var(--pst-icon-") : -1]
            value = variables.get(name)
        return value if value and value.startswith('"') and len(value) > 2 else None

    by_code = {}
    for style in ("regular", "brands", "solid"):  # solid last: it wins a shared code point
        by_code.update({icon.code: icon for icon in packs.get(style, {}).values()})
    found = []
    for rule in _GLYPH_RULE.finditer(stylesheet):
        value = resolve(rule["name"])
        icon = by_code.get(_code_point(value)) if value else None
        if icon is not None:
            found.append((rule["selector"].strip(), icon))
    return found


def icon_data(bundle: str, stylesheet: str, icons: dict[str, tuple[str, ...]] = ICONS) -> dict:
    """What icons.json holds: the paths of the ``icons`` and of the theme's glyph icons."""
    packs = read_bundle(bundle)
    missing = [f"{s} {n}" for s, names in icons.items() for n in names if n not in packs.get(s, {})]
    if missing:
        raise MissingIconError(
            f"icons not found in the theme's Font Awesome bundle: {', '.join(missing)}; "
            "check the names on fontawesome.com (Free set) or the theme version"
        )
    glyph_rules = glyphs(stylesheet, packs)
    used = [packs[s][n] for s, names in icons.items() for n in names]
    used += [icon for _, icon in glyph_rules]
    return {
        "about": (
            "Generated by scripts/make_icons.py (make icons) from pydata-sphinx-theme "
            f"{version('pydata-sphinx-theme')}: Font Awesome Free icons, CC BY 4.0, "
            "https://fontawesome.com/license/free. Do not edit by hand."
        ),
        "paths": {
            icon.key: {"width": icon.width, "height": icon.height, "path": icon.path}
            for icon in sorted(set(used), key=lambda icon: icon.key)
        },
        "classes": {style: sorted(names) for style, names in icons.items() if names},
        "glyphs": [[selector, icon.key] for selector, icon in glyph_rules],
    }


def render(data: dict) -> str:
    """icons.json's text: stable, one entry a line, so a diff shows what changed."""
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check``, compare) icons.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if icons.json is stale")
    args = parser.parse_args(argv)
    text = render(
        icon_data(BUNDLE.read_text(encoding="utf-8"), STYLESHEET.read_text(encoding="utf-8"))
    )
    if args.check:
        stale = not TARGET.is_file() or TARGET.read_text(encoding="utf-8") != text
        if stale:
            print(f"{TARGET.relative_to(ROOT)} is stale: run `make icons` and commit it")
        return int(stale)
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)} ({len(text):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
