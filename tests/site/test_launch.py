"""The launch button: absent by default, and pointing at the configured hub when turned on."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from mini_site import HUB, JUPYTERHUB, REPOSITORY
from sphinx.errors import ConfigError

from brakes import settings
from brakes.sphinxext import launch, notebook_kit

pytestmark = pytest.mark.site

#: A link that opens a notebook on a hub, on Binder or on Colab.
LAUNCH_LINK = re.compile(r'href="[^"]*(?:user-redirect|mybinder|colab)[^"]*"')


def test_launch_url_puts_the_notebook_path_in_place() -> None:
    assert (
        launch.launch_url(HUB, "exercises/01 where they talk.ipynb")
        == "https://hub.example.com/hub/user-redirect/lab/tree/brakes/exercises/01%20where%20they%20talk.ipynb"
    )


def test_setting_is_read_from_the_environment_and_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    config = SimpleNamespace(brakes_launch_url="")
    monkeypatch.setenv(launch.ENV_VAR, HUB)
    launch._check(None, config)  # type: ignore[arg-type]
    assert config.brakes_launch_url == HUB
    for wrong in ("https://hub.example.com/no-placeholder", "ftp://hub/{path}"):
        with pytest.raises(ConfigError, match="brakes_launch_url"):
            launch._check(None, SimpleNamespace(brakes_launch_url=wrong))  # type: ignore[arg-type]


def test_no_launch_button_or_hub_link_by_default(sites: dict) -> None:
    # The set-up page shows a hub's administrators nbgitpuller's link with placeholders, as text
    # to copy (brakes.trainer.kit.steps.HUB_IMAGE): no page may link to a hub, Binder or Colab.
    for site in sites.values():
        for page in site.documents():
            text = (site.html / page).read_text(encoding="utf-8")
            assert "launch-buttons" not in text, page
            assert not LAUNCH_LINK.findall(text), page


def test_launch_button_links_each_notebook_to_the_hub(mini_site: Path) -> None:
    page = (mini_site / "exercises" / "demo.html").read_text(encoding="utf-8")
    expected = HUB.replace("{path}", "exercises/demo.ipynb")
    assert f'href="{expected}"' in page
    assert "fa-rocket" in page and "JupyterHub" in page
    index = (mini_site / "index.html").read_text(encoding="utf-8")
    assert "user-redirect" not in index, "only notebook pages get the button"


def test_with_a_repository_the_theme_links_each_notebook_to_binder_colab_and_the_hub(
    mini_site: Path,
) -> None:
    page = (mini_site / "exercises" / "demo.html").read_text(encoding="utf-8")
    repo = REPOSITORY.removeprefix("https://github.com/")
    assert f"https://mybinder.org/v2/gh/{repo}/main?urlpath=lab/tree/exercises/demo.ipynb" in page
    assert f"https://colab.research.google.com/github/{repo}/blob/main/exercises/demo.ipynb" in page
    pulled = REPOSITORY.replace("https://", "https%3A//")
    assert f"{JUPYTERHUB}/hub/user-redirect/git-pull?repo={pulled}&urlpath=lab/tree/" in page


def test_repository_url_must_be_https() -> None:
    config = SimpleNamespace(
        brakes_repository_url="http://github.com/x/y",
        brakes_binderhub_url="https://mybinder.org",
        brakes_jupyterhub_url="",
        html_theme_options={},
    )
    with pytest.raises(ConfigError, match="brakes_repository_url must be an https:// URL"):
        launch._use_theme_buttons(None, config)  # type: ignore[arg-type]


def test_site_url_from_the_command_line_beats_the_environment_and_is_checked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(settings.declared("site_url").env or "", "https://env.example.org/")
    given = SimpleNamespace(brakes_site_url="https://cli.example.org/brakes/")
    notebook_kit._resolve_site_url(None, given)  # type: ignore[arg-type]
    assert given.brakes_site_url == "https://cli.example.org/brakes"
    unset = SimpleNamespace(brakes_site_url="")
    notebook_kit._resolve_site_url(None, unset)  # type: ignore[arg-type]
    assert unset.brakes_site_url == "https://env.example.org"
    with pytest.raises(ConfigError, match=r"site_url .*https://"):
        notebook_kit._resolve_site_url(None, SimpleNamespace(brakes_site_url="example.org"))  # type: ignore[arg-type]
