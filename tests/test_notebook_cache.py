"""The notebook cache follows the course's code: a solution's outputs never outlive the code that
made them (jupyter-cache knows a notebook by its cells alone, Sphinx a page by its file)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest
from jupyter_cache import get_cache
from nbformat.v4 import new_code_cell, new_notebook, new_output

from brakes.sphinxext import execution


def cached_notebook(cache_path: Path, folder: Path) -> None:
    """One executed notebook stored in the cache at ``cache_path``."""
    nb = new_notebook(cells=[new_code_cell("print(1)", execution_count=1)])
    nb.cells[0].outputs = [new_output("stream", name="stdout", text="1\n")]
    path = folder / "a.ipynb"
    nbformat.write(nb, path)
    get_cache(cache_path).cache_notebook_file(path, check_validity=False)


def test_the_digest_covers_the_package_but_the_sphinx_extension(tmp_path: Path) -> None:
    package = tmp_path / "brakes"
    for name in ("plotting.py", "data/mentions.py", "sphinxext/quiz.py"):
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text("X = 1\n", encoding="utf-8")
    first = execution.code_digest(package)
    assert execution.code_digest(package) == first
    (package / "sphinxext" / "quiz.py").write_text("X = 2\n", encoding="utf-8")
    assert execution.code_digest(package) == first
    (package / "data" / "mentions.py").write_text("X = 2\n", encoding="utf-8")
    assert execution.code_digest(package) != first


def test_the_cache_is_emptied_only_when_the_code_changed(tmp_path: Path) -> None:
    cache_path = tmp_path / ".jupyter_cache"
    cached_notebook(cache_path, tmp_path)
    execution._empty_a_stale_cache(cache_path, "code-a")  # outputs of unknown code
    assert get_cache(cache_path).list_cache_records() == []
    cached_notebook(cache_path, tmp_path)
    execution._empty_a_stale_cache(cache_path, "code-a")
    assert len(get_cache(cache_path).list_cache_records()) == 1, "same code: kept"
    execution._empty_a_stale_cache(cache_path, "code-b")
    assert get_cache(cache_path).list_cache_records() == []
    assert (cache_path / execution.CODE_STAMP).read_text(encoding="utf-8") == "code-b"


def fake_build(tmp_path: Path, previous: str | None) -> tuple[SimpleNamespace, SimpleNamespace]:
    files = {
        "index": "index.md",
        "solutions/a": "solutions/a.ipynb",
        "exercises/a": "exercises/a.ipynb",
    }
    env = SimpleNamespace(
        mystnb_config=SimpleNamespace(
            execution_mode="cache",
            execution_cache_path=str(tmp_path / ".jupyter_cache"),
            execution_excludepatterns=["exercises/*"],
        ),
        found_docs=set(files),
        doc2path=lambda doc: files[doc],
        path2doc=lambda path: next(doc for doc, name in files.items() if name == path),
        brakes_code_digest=previous,
    )
    return SimpleNamespace(env=env), env


def test_a_code_change_rereads_the_executed_notebooks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(execution, "code_digest", lambda: "new")
    app, env = fake_build(tmp_path, previous="old")
    assert execution._reread_when_code_changed(app, env, set(), set(), set()) == ["solutions/a"]
    assert env.brakes_code_digest == "new"
    assert execution._reread_when_code_changed(app, env, set(), set(), set()) == []
    app, env = fake_build(tmp_path, previous=None)  # a first build reads everything anyway
    assert execution._reread_when_code_changed(app, env, set(env.found_docs), set(), set()) == []
    app, env = fake_build(tmp_path, previous=None)  # an environment older than the digest
    assert execution._reread_when_code_changed(app, env, set(), set(), set()) == ["solutions/a"]
    app, env = fake_build(tmp_path, previous="old")
    changed = {"solutions/a"}  # already read again: not returned twice
    assert execution._reread_when_code_changed(app, env, set(), changed, set()) == []
