"""A trainer without Node.js builds the site: the stylesheets stay whole, said in one line.

`make site` on macOS or Windows with Python alone: sphinx-build runs under ``-W -q``
with no ``node`` on the PATH; the build succeeds and says once that the stylesheets
were left untrimmed, and how to trim them (brakes.sphinxext.trim_css).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mini_site import run_sphinx

from brakes.sphinxext.trim_css import UNTRIMMED

pytestmark = pytest.mark.site

#: A home page with its chapters' table of contents, as the course's has it.
HOME = "# Home\n\n```{toctree}\n:caption: Course\n\nchapter\n```\n"
#: What a machine without Node.js lacks.
NODE_TOOLS = {"node", "nodejs", "npm", "npx"}


def path_without_node(farm: Path) -> str:
    """A PATH with every program of this one but Node.js's, linked into ``farm``."""
    farm.mkdir()
    for folder in os.environ["PATH"].split(os.pathsep):
        for program in sorted(Path(folder).glob("*")) if Path(folder).is_dir() else []:
            link = farm / program.name
            if program.name not in NODE_TOOLS and not link.exists():
                link.symlink_to(program)
    return str(farm)


def test_without_node_the_site_builds_untrimmed_and_says_so_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", path_without_node(tmp_path / "bin"))
    source = tmp_path / "site"
    source.mkdir()
    (source / "index.md").write_text(HOME, encoding="utf-8")
    (source / "chapter.md").write_text("# A chapter\n\nText.\n", encoding="utf-8")
    built = run_sphinx(source, tmp_path / "html")
    assert built.returncode == 0, built.stdout + built.stderr
    said = [line for line in built.stderr.splitlines() if "untrimmed" in line]
    assert said == [UNTRIMMED], built.stderr
    theme = tmp_path / "html" / "_static" / "styles" / "pydata-sphinx-theme.css"
    assert theme.stat().st_size > 300_000, "the theme's stylesheet was trimmed without Node.js"
