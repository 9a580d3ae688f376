"""Launch buttons on any Git host: a tiny site (one page, one notebook, the launch extension,
no execution) built under -W with a GitLab repository, a company's own host, and GitHub."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sphinx.application import Sphinx
from sphinx.errors import ConfigError
from sphinx.util.docutils import docutils_namespace

from brakes.sphinxext import launch

#: The notebook page the launch menu is looked for on.
NOTEBOOK = "demo"
CONF = """\
extensions = ["myst_nb", "brakes.sphinxext.launch"]
html_theme = "sphinx_book_theme"
nb_execution_mode = "off"
exclude_patterns = ["_build"]
"""
INDEX = """# Demo

```{toctree}
demo
```
"""


def _notebook() -> dict:
    return {
        "cells": [{"cell_type": "markdown", "id": "title", "metadata": {}, "source": "# Demo"}],
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def build(root: Path, **settings: str) -> str:
    """Build the tiny site in ``root`` with ``settings`` (as -D gives them), warnings as errors;
    return the notebook page's HTML."""
    source = root / "src"
    source.mkdir()
    (source / "conf.py").write_text(CONF, encoding="utf-8")
    (source / "index.md").write_text(INDEX, encoding="utf-8")
    (source / f"{NOTEBOOK}.ipynb").write_text(json.dumps(_notebook()), encoding="utf-8")
    warnings = io.StringIO()
    with docutils_namespace():  # as sphinx-build does: each build registers its nodes anew
        app = Sphinx(
            source,
            source,
            root / "_build" / "html",
            root / "_build" / "doctrees",
            "html",
            confoverrides=settings,
            status=None,
            warning=warnings,
            warningiserror=True,
        )
        app.build()
    assert not warnings.getvalue(), warnings.getvalue()
    return (root / "_build" / "html" / f"{NOTEBOOK}.html").read_text(encoding="utf-8")


def test_a_gitlab_repository_gets_binder_and_no_colab_under_w(tmp_path: Path) -> None:
    page = build(tmp_path, brakes_repository_url="https://gitlab.com/org/brakes")
    assert "https://mybinder.org/v2/gl/org%2Fbrakes/main?urlpath=lab/tree/demo.ipynb" in page
    assert "colab" not in page.lower()


def test_a_company_git_host_works_once_its_software_is_named(tmp_path: Path) -> None:
    repository = "https://git.example.com/training/brakes"
    page = build(
        tmp_path,
        brakes_repository_url=repository,
        brakes_repository_provider="gitlab",
        brakes_jupyterhub_url="https://hub.example.com",
    )
    pull = "https://hub.example.com/hub/user-redirect/git-pull?repo=https%3A//git.example.com/"
    assert f"{pull}training/brakes&urlpath=lab/tree/brakes/demo.ipynb" in page
    assert "mybinder.org/v2/git/https%3A//git.example.com/training/brakes/main" in page
    assert "colab" not in page.lower()


def test_a_github_repository_gets_colab(tmp_path: Path) -> None:
    page = build(tmp_path, brakes_repository_url="https://github.com/org/brakes")
    assert "https://colab.research.google.com/github/org/brakes/blob/main/demo.ipynb" in page


def test_an_unnamed_host_without_its_software_is_one_line_naming_the_setting() -> None:
    with pytest.raises(ConfigError, match="set brakes_repository_provider to github") as error:
        launch.repository_provider("https://git.example.com/training/brakes")
    assert "\n" not in str(error.value)
    with pytest.raises(ConfigError, match="brakes_repository_provider must be one of"):
        launch.repository_provider("https://git.example.com/training/brakes", "gitea")
    assert launch.repository_provider("https://gitlab.example.com/t/brakes") == "gitlab"


def test_colab_only_from_github_com() -> None:
    assert launch.offers_colab("https://github.com/org/brakes")
    assert not launch.offers_colab("https://github.example.com/org/brakes")  # GitHub Enterprise
    assert not launch.offers_colab("https://gitlab.com/org/brakes")
