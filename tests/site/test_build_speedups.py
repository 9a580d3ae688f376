"""What keeps builds fast: nothing redone on a rebuild that did not change, notebooks run side by
side, the theme's stylesheets trimmed to the rules the pages use.

`make bench` measures the time; these tests check the behaviour behind it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from mini_site import run_sphinx

from brakes.config import COURSE
from brakes.sphinxext import execution, icons, offline, template_cache, trim_css

#: A two-page site (no notebook) built with the course's conf.py.
PAGES = {
    "index.md": "# Home\n\n```{toctree}\npage\n```\n",
    "page.md": "# A page\n\nSome prose.\n\n```{note}\nA note.\n```\n",
}


def write_site(root: Path, pages: dict[str, str]) -> Path:
    source = root / "source"
    for name, text in pages.items():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_text(text, encoding="utf-8")
    return source


def stamps(folder: Path) -> dict[str, int]:
    """Each file's modification time, by path relative to ``folder``."""
    return {
        path.relative_to(folder).as_posix(): path.stat().st_mtime_ns
        for path in folder.rglob("*")
        if path.is_file()
    }


@pytest.mark.site
def test_a_rebuild_with_nothing_changed_redoes_no_work_and_an_edit_redoes_it(
    tmp_path: Path,
) -> None:
    source = write_site(tmp_path, PAGES)
    html, doctrees = tmp_path / "html", tmp_path / "html" / ".doctrees"
    # Two builds: the second links the stylesheets written at the end of the first (MyST-NB's,
    # the icons') with their checksums, so its pages differ from the first build's once.
    for _ in range(2):
        built = run_sphinx(source, html)
        assert built.returncode == 0, built.stdout + built.stderr
    site_zip = html / "_downloads" / offline.zip_name("learner")
    kept = {
        "zip": site_zip,
        "icons": html / "_static" / "brakes-icons.css",
        "PurgeCSS's output": doctrees / trim_css.FOLDER / "inputs.sha256",
    }
    before = {name: path.stat().st_mtime_ns for name, path in kept.items()}
    compiled = stamps(doctrees / template_cache.FOLDER)
    assert compiled, "no template was kept compiled"

    again = run_sphinx(source, html)
    assert again.returncode == 0, again.stdout + again.stderr
    rewritten = [name for name, path in kept.items() if path.stat().st_mtime_ns != before[name]]
    assert not rewritten, f"redone on a rebuild with nothing changed: {rewritten}"
    assert stamps(doctrees / template_cache.FOLDER) == compiled

    (source / "page.md").write_text(PAGES["page.md"] + "\nA new sentence.\n", encoding="utf-8")
    edited = run_sphinx(source, html)
    assert edited.returncode == 0, edited.stdout + edited.stderr
    assert site_zip.stat().st_mtime_ns != before["zip"]
    with zipfile.ZipFile(site_zip) as archive:
        assert "A new sentence." in archive.read(f"{offline.TOP}/page.html").decode()
    assert kept["PurgeCSS's output"].stat().st_mtime_ns != before["PurgeCSS's output"]


def test_the_site_zip_is_made_again_only_when_a_file_changed(tmp_path: Path) -> None:
    site = tmp_path / "html"
    (site / "_static").mkdir(parents=True)
    (site / "index.html").write_text("<p>one</p>", encoding="utf-8")
    (site / "_static" / "app.css").write_text("p {}", encoding="utf-8")
    target, stamp = site / "_downloads" / "x-site.zip", tmp_path / "zip.sha256"
    assert offline.build_zip(site, target, stamp)
    assert not offline.build_zip(site, target, stamp)
    (site / "index.html").write_text("<p>two</p>", encoding="utf-8")
    assert offline.build_zip(site, target, stamp)
    with zipfile.ZipFile(target) as archive:
        assert archive.read(f"{offline.TOP}/index.html") == b"<p>two</p>"
        assert f"{offline.TOP}/_static/app.css" in archive.namelist()


def test_a_file_is_written_only_when_its_text_changes(tmp_path: Path) -> None:
    target = tmp_path / "_static" / "brakes-icons.css"
    assert icons.write_if_changed(target, "a {}")
    assert not icons.write_if_changed(target, "a {}")
    assert icons.write_if_changed(target, "b {}")
    assert target.read_text(encoding="utf-8") == "b {}"


THEME_CSS = "_static/styles/pydata-sphinx-theme.css"


def css_site(root: Path, page: str) -> Path:
    """A built site's shape: one page and the theme's stylesheet, with a used and an unused rule."""
    site = root / "html"
    (site / "_static" / "styles").mkdir(parents=True)
    (site / "index.html").write_text(page, encoding="utf-8")
    (site / THEME_CSS).write_text(
        ".used { color: red }\n.unused { color: blue }\n:root { --shade: #eee }\n",
        encoding="utf-8",
    )
    return site


@pytest.mark.site
def test_purgecss_keeps_the_rules_the_pages_use_and_runs_again_only_on_a_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert trim_css.purgecss_version(), "PurgeCSS is missing: run `npm ci` (make does)"
    site, cache = css_site(tmp_path, '<div class="used">x</div>'), tmp_path / "cache"
    original = (site / THEME_CSS).read_text(encoding="utf-8")
    assert trim_css.trim(site, cache) is True
    trimmed = (site / THEME_CSS).read_text(encoding="utf-8")
    assert ".used" in trimmed and ".unused" not in trimmed and "--shade" in trimmed
    assert (cache / "original" / THEME_CSS).read_text(encoding="utf-8") == original

    # Sphinx copies the full file again on the next build: the cached trim is put back.
    (site / THEME_CSS).write_text(original, encoding="utf-8")

    def no_purgecss(*args: object) -> None:
        raise AssertionError("PurgeCSS ran again though nothing changed")

    monkeypatch.setattr(trim_css, "run_purgecss", no_purgecss)
    assert trim_css.trim(site, cache) is False
    assert (site / THEME_CSS).read_text(encoding="utf-8") == trimmed

    monkeypatch.undo()
    (site / THEME_CSS).write_text(original, encoding="utf-8")
    (site / "index.html").write_text('<div class="unused">x</div>', encoding="utf-8")
    assert trim_css.trim(site, cache) is True
    assert ".unused" in (site / THEME_CSS).read_text(encoding="utf-8")

    trim_css.restore_originals(site, cache)
    assert (site / THEME_CSS).read_text(encoding="utf-8") == original


def test_without_purgecss_the_stylesheets_stay_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = css_site(tmp_path, "<p>x</p>")
    whole = (site / THEME_CSS).read_bytes()
    monkeypatch.setattr(trim_css, "PURGECSS", tmp_path / "not-installed")
    assert trim_css.trim(site, tmp_path / "cache") is None
    assert (site / THEME_CSS).read_bytes() == whole


#: A notebook that records when it started and ended, in a file named after it.
TIMED_CELL = (
    "import pathlib, time\n"
    "start = time.time()\n"
    "time.sleep(2)\n"
    "pathlib.Path('{name}.times').write_text(f'{{start}} {{time.time()}}')\n"
)


def timed_notebook(name: str) -> str:
    cell = {
        "cell_type": "code",
        "execution_count": None,
        "metadata": {},
        "outputs": [],
        "source": TIMED_CELL.format(name=name),
    }
    title = {"cell_type": "markdown", "metadata": {}, "source": f"# Notebook {name}"}
    return json.dumps(
        {
            "cells": [title, cell],
            "metadata": {
                "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}
            },
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    )


@pytest.mark.site
@pytest.mark.kernel
@pytest.mark.skipif(execution.cores() < 2, reason="one core: notebooks run one at a time")
def test_notebooks_run_side_by_side_before_sphinx_reads_them(tmp_path: Path) -> None:
    source = write_site(
        tmp_path,
        {
            "index.md": "# Home\n\n```{toctree}\nsolutions/a\nsolutions/b\n```\n",
            "solutions/a.ipynb": timed_notebook("a"),
            "solutions/b.ipynb": timed_notebook("b"),
        },
    )
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-c", str(COURSE.root)]
    command += [str(source), str(tmp_path / "out" / "html")]
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=os.environ)
    log = done.stdout + done.stderr
    assert done.returncode == 0, log
    assert "executing 2 notebooks in parallel" in log
    assert log.count("Using cached notebook") == 2, log  # MyST-NB ran neither itself
    (a_start, a_end), (b_start, b_end) = (
        map(float, (source / "solutions" / f"{name}.times").read_text().split())
        for name in ("a", "b")
    )
    assert a_start < b_end and b_start < a_end, "the two notebooks did not run at the same time"
