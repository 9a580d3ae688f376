"""The theme's big stylesheets cut down to the rules the site uses, with PurgeCSS.

Every page loads the stylesheets of pydata-sphinx-theme (377 KB), sphinx-design
(55 KB) and MyST-NB (43 KB): mostly Bootstrap and component rules no page of
the course uses, and half the weight of a page's first load. After each HTML
build, PurgeCSS (npm, pinned in ``package.json``; ``npm ci`` installs it, and
``make site`` runs it) keeps the rules whose classes, ids, tags and attributes
appear in the built pages or in the scripts that change them, and the trimmed
files replace the copies Sphinx wrote into ``_static/``. CSS variables are all
kept (other stylesheets read them); ``@keyframes`` and ``@font-face`` only where
a kept rule uses them.

Sphinx copies the theme's files again on every build, so the trimmed result is
cached next to Sphinx's state (:data:`FOLDER` in the doctree folder), with the
originals it came from, and reused while its inputs (the originals, the pages,
the scripts, the settings below) are unchanged: a rebuild with nothing edited
does not run PurgeCSS. Without Node.js or PurgeCSS (a trainer on macOS or
Windows, who builds the site with Python alone) the build keeps the full
stylesheets and says so in one line (:data:`UNTRIMMED`), even under ``-q``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from brakes.config import COURSE
from brakes.digest import files_digest
from brakes.sphinxext.page_speed import stock_theme

LOGGER = logging.getLogger(__name__)

#: The stylesheets trimmed, as globs relative to the site's root: the theme's, Sphinx's and
#: the extensions'. Ours (brakes.css, brakes-icons.css) are small and written to measure.
TRIMMED = (
    "_static/styles/pydata-sphinx-theme.css",
    "_static/styles/sphinx-book-theme.css",
    "_static/sphinx-design.min.css",
    "_static/mystnb.*.css",
    "_static/basic.css",
    "_static/pygments.css",
)
#: What PurgeCSS reads to find the selectors in use: the pages and every script they load.
CONTENT = ("**/*.html", "**/*.js")
#: Never read as content: Font Awesome's script (not loaded; it names every icon there is).
NOT_CONTENT = ("_static/scripts/fontawesome.js",)
#: Classes that scripts build from pieces at run time, which PurgeCSS cannot find in any
#: file (regular expressions; a matching selector keeps its whole rule). None so far: a
#: browser test draws pages in several states with the trimmed and the full stylesheets
#: and compares (tests/browser/test_trimmed_css.py).
SAFELIST_GREEDY: tuple[str, ...] = ()
#: Where the cache lives, inside Sphinx's doctree folder.
FOLDER = "trimmed-css"
#: PurgeCSS, as ``npm ci`` installs it from package-lock.json.
PURGECSS = COURSE.root / "node_modules" / "purgecss"
#: What a build without Node.js or PurgeCSS says, once.
UNTRIMMED = "stylesheets left untrimmed: install Node.js and run `npm ci` to trim them"

#: Runs PurgeCSS's API on a JSON job (argv[1]); writes each result to its output path.
_NODE_SCRIPT = """
const fs = require("fs");
const job = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const { PurgeCSS } = require(job.purgecss);
const options = {
  content: job.content,
  css: job.css.map((item) => item.source),
  safelist: { greedy: job.greedy.map((pattern) => new RegExp(pattern)) },
  keyframes: true, // @keyframes no kept rule animates (Font Awesome's spin, beat…)
  fontFace: true, // @font-face no kept rule uses
};
const outputs = new Map(job.css.map((item) => [item.source, item.output]));
new PurgeCSS().purge(options).then((results) => {
  results.forEach((result) => fs.writeFileSync(outputs.get(result.file), result.css));
}).catch((error) => { console.error(error); process.exit(1); });
"""


class TrimError(RuntimeError):
    """PurgeCSS ran and failed."""


@dataclass(frozen=True)
class Stylesheet:
    """One trimmed stylesheet: where the site has it, and its cached original and trimmed copy."""

    relative: str
    cache: Path

    @property
    def original(self) -> Path:
        return self.cache / "original" / self.relative

    @property
    def trimmed(self) -> Path:
        return self.cache / "trimmed" / self.relative


def stylesheets(site: Path) -> list[str]:
    """The stylesheets of :data:`TRIMMED` the built site holds, relative to its root."""
    return sorted({p.relative_to(site).as_posix() for g in TRIMMED for p in site.glob(g)})


def content_files(site: Path) -> list[Path]:
    """The pages and scripts PurgeCSS reads, in a fixed order."""
    found = {p for pattern in CONTENT for p in site.glob(pattern) if p.is_file()}
    return sorted(p for p in found if p.relative_to(site).as_posix() not in NOT_CONTENT)


def purgecss_version() -> str | None:
    """The installed PurgeCSS's version, or None when it is not installed."""
    manifest = PURGECSS / "package.json"
    if not manifest.is_file():
        return None
    return str(json.loads(manifest.read_text(encoding="utf-8"))["version"])


def inputs_digest(site: Path, sheets: list[str], version: str) -> str:
    """A SHA-256 over everything the trimmed files depend on."""
    settings = json.dumps([version, SAFELIST_GREEDY, sheets]).encode()
    paths = [site / sheet for sheet in sheets] + content_files(site)
    return files_digest(((path, path.relative_to(site).as_posix()) for path in paths), settings)


def run_purgecss(site: Path, sheets: list[Stylesheet], node: str) -> None:
    """Trim ``sheets`` (their originals, already cached) against the site's pages and scripts,
    with the Node.js at ``node``."""
    job = {
        "purgecss": str(PURGECSS),
        "content": [str(path) for path in content_files(site)],
        "css": [{"source": str(s.original), "output": str(s.trimmed)} for s in sheets],
        "greedy": list(SAFELIST_GREEDY),
    }
    for sheet in sheets:
        sheet.trimmed.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="brakes-purgecss-") as scratch:
        job_file = Path(scratch, "job.json")
        job_file.write_text(json.dumps(job), encoding="utf-8")
        done = subprocess.run(
            [node, "-e", _NODE_SCRIPT, str(job_file)], capture_output=True, text=True, check=False
        )
    if done.returncode != 0:
        raise TrimError((done.stderr or done.stdout).strip()[-2000:])


def trim(site: Path, cache: Path) -> bool | None:
    """Replace the site's big stylesheets by trimmed copies; False when reused from the cache.

    None when Node.js or PurgeCSS is not installed: the site keeps the full stylesheets.
    """
    version, node = purgecss_version(), shutil.which("node")
    if version is None or node is None:
        return None
    names = stylesheets(site)
    sheets = [Stylesheet(name, cache) for name in names]
    digest = inputs_digest(site, names, version)
    stamp = cache / "inputs.sha256"
    fresh = not (
        stamp.is_file()
        and stamp.read_text(encoding="utf-8") == digest
        and all(sheet.trimmed.is_file() for sheet in sheets)
    )
    if fresh:
        for sheet in sheets:
            sheet.original.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(site / sheet.relative, sheet.original)
        run_purgecss(site, sheets, node)
        stamp.write_text(digest, encoding="utf-8")
    for sheet in sheets:
        target = site / sheet.relative
        if target.read_bytes() != sheet.trimmed.read_bytes():
            shutil.copyfile(sheet.trimmed, target)
    return fresh


def restore_originals(site: Path, cache: Path) -> None:
    """Put the untrimmed stylesheets back where the site holds trimmed ones.

    MyST-NB copies its stylesheet at the end of every build and refuses, with a
    warning, to overwrite a file that differs from it: it must find its own.
    """
    originals = cache / "original"
    for original in sorted(originals.rglob("*.css")):
        target = site / original.relative_to(originals)
        if target.is_file() and target.read_bytes() != original.read_bytes():
            shutil.copyfile(original, target)


def _restore_site(app: Sphinx, exception: Exception | None) -> None:
    if app.builder.format == "html":
        restore_originals(Path(app.outdir), Path(app.doctreedir, FOLDER))


def _say(app: Sphinx, message: str) -> None:
    """Log ``message`` as information; under ``-q`` (`make site`), where Sphinx shows none,
    write it to stderr, where the build's warnings go: it is a fact, not a warning, and must
    not fail a build under ``-W``."""
    if app.quiet:
        print(message, file=sys.stderr)
    else:
        LOGGER.info(message)


def _trim_site(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html" or stock_theme(app.config):
        return
    try:
        done = trim(Path(app.outdir), Path(app.doctreedir, FOLDER))
    except TrimError as error:
        LOGGER.warning("PurgeCSS failed, the stylesheets stay whole: %s", error)
        return
    if done is None:
        _say(app, UNTRIMMED)
    elif done:
        LOGGER.info("stylesheets trimmed with PurgeCSS: %s", ", ".join(stylesheets(app.outdir)))


def setup(app: Sphinx) -> None:
    """Trim after the pages are written, before the offline zip (priority 900) is made.

    The originals go back first (priority 400), before the extensions copy their files.
    """
    app.connect("build-finished", _restore_site, priority=400)
    app.connect("build-finished", _trim_site, priority=800)
