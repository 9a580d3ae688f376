"""Launch buttons on notebook pages: the theme's (Binder, JupyterHub, Colab) and a company hub's.

Both are off by default: the site then makes no request to, and has no link
towards, any hub.

**From a repository** (the theme's own buttons). Set ``brakes_repository_url``
to the course's Git repository, on any Git host; the theme then adds a launch
menu to every notebook page: Binder (its environment is the repository's
``binder/`` folder; ``-D brakes_binderhub_url=`` turns it off, e.g. for a
repository mybinder.org cannot reach), Colab when the repository is on
github.com (the one host Colab opens notebooks from), and, when
``brakes_jupyterhub_url`` is set, a JupyterHub that pulls the repository with
nbgitpuller::

    make site SPHINXOPTS="-D brakes_repository_url=https://github.com/org/brakes"
    BRAKES_REPOSITORY_URL=https://gitlab.com/org/brakes make site

The theme builds its links for the software the host runs, GitHub, GitLab or
Bitbucket, read from the host's name (``gitlab.com``, ``gitlab.example.com``).
A company's own host named otherwise (``git.example.com``) needs it said::

    export BRAKES_REPOSITORY_URL=https://git.example.com/training/brakes
    make site SPHINXOPTS="-D brakes_repository_provider=gitlab"

**A company hub without Git** (our own button). nbgitpuller needs a Git
repository the hub can reach; a hub where the course is installed from the
notebook kit has none, and the theme cannot link to it. ``brakes_launch_url``
is then a URL in which ``{path}`` stands for the notebook's path (for example
``exercises/01a-control-where-people-talk.ipynb``)::

    make site SPHINXOPTS="-D brakes_launch_url=https://hub.example.com/hub/user-redirect/lab/tree/brakes/{path}"

``brakes_launch_label`` names that service on its button ("JupyterHub" by
default). The button joins the theme's header buttons, with its rocket icon.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote, urlsplit

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

from brakes import settings

#: The environment variable read when ``brakes_launch_url`` is not set in conf.py or with -D.
ENV_VAR = settings.declared("launch_url").env
#: The environment variable read when ``brakes_repository_url`` is not set.
REPOSITORY_ENV_VAR = settings.declared("repository_url").env
#: Where Colab opens a notebook of a GitHub repository.
COLAB_URL = "https://colab.research.google.com"
#: The one Git host Colab opens notebooks from (not GitHub Enterprise, not GitLab).
COLAB_HOST = "github.com"
#: The Git hosting software sphinx-book-theme builds links for (its ``repository_provider``).
PROVIDERS = ("github", "gitlab", "bitbucket")


def repository_provider(repository: str, given: str = "") -> str:
    """The software of the Git host of ``repository``: ``given``, else the one its host name holds.

    The theme needs it to build its links; passed to the theme always, so that the
    theme never guesses it and never stops the build with an error naming its own
    option, which our settings do not have.
    """
    if given:
        if given not in PROVIDERS:
            raise ConfigError(
                f"brakes_repository_provider must be one of {', '.join(PROVIDERS)} "
                f"(got {given!r}): the software the Git host of brakes_repository_url runs"
            )
        return given
    host = (urlsplit(repository).hostname or "").lower()
    for provider in PROVIDERS:
        if provider in host:
            return provider
    raise ConfigError(
        f"brakes_repository_url {repository} is on a Git host whose name does not say "
        f"what it runs: set brakes_repository_provider to {', '.join(PROVIDERS)} "
        "(e.g. -D brakes_repository_provider=gitlab)"
    )


def offers_colab(repository: str) -> bool:
    """Whether Colab can open the notebooks of ``repository``: only from github.com."""
    return (urlsplit(repository).hostname or "").lower() == COLAB_HOST


def theme_launch_options(
    repository: str, branch: str, provider: str, binderhub: str, jupyterhub: str, colab: bool
) -> dict[str, Any]:
    """The theme options that turn on its launch buttons for ``repository`` on ``provider``."""
    buttons: dict[str, Any] = {"notebook_interface": "jupyterlab"}
    if binderhub:
        buttons["binderhub_url"] = binderhub
    if jupyterhub:
        buttons["jupyterhub_url"] = jupyterhub
    if colab:
        buttons["colab_url"] = COLAB_URL
    return {
        "repository_url": repository,
        "repository_branch": branch,
        "repository_provider": provider,
        "path_to_docs": "",
        "launch_buttons": buttons,
    }


def _use_theme_buttons(app: Sphinx, config: Config) -> None:
    repository = config_setting(config, "repository_url")
    if not repository:
        return
    for name in ("brakes_repository_url", "brakes_binderhub_url", "brakes_jupyterhub_url"):
        value = repository if name == "brakes_repository_url" else getattr(config, name)
        if value and not value.startswith("https://"):
            raise ConfigError(f"{name} must be an https:// URL (got {value!r})")
    repository = repository.rstrip("/")
    options = dict(config.html_theme_options or {})
    options.update(
        theme_launch_options(
            repository,
            config.brakes_repository_branch,
            repository_provider(repository, config.brakes_repository_provider),
            config.brakes_binderhub_url,
            config.brakes_jupyterhub_url,
            config.brakes_colab and offers_colab(repository),
        )
    )
    config.html_theme_options = options


def launch_url(template: str, notebook: str) -> str:
    """The launch link of one notebook: ``template`` with ``{path}`` replaced by its path."""
    return template.replace("{path}", quote(str(PurePosixPath(notebook)), safe="/"))


def config_setting(config: Config, name: str) -> str:
    """A site setting: ``-D brakes_<name>`` (or conf.py) first, else its environment variable.

    The precedence is :mod:`brakes.settings`' (command line > environment > default).
    """
    given = getattr(config, f"brakes_{name}") or None
    return str(settings.resolve(command_line={name: given}).values[name].value or "")


def _check(app: Sphinx, config: Config) -> None:
    template = config_setting(config, "launch_url")
    if template and "{path}" not in template:
        raise ConfigError(
            f"brakes_launch_url must contain {{path}} where the notebook's path goes "
            f"(got {template!r}), e.g. https://hub.example.com/hub/user-redirect/lab/tree/{{path}}"
        )
    if template and not template.startswith(("https://", "http://")):
        raise ConfigError(f"brakes_launch_url must be an http(s) URL (got {template!r})")
    config.brakes_launch_url = template


def _add_button(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    template = app.config.brakes_launch_url
    if not template or doctree is None or "header_buttons" not in context:
        return
    source = app.env.doc2path(pagename, False)
    if source.suffix != ".ipynb":
        return
    label = app.config.brakes_launch_label
    context["header_buttons"].append(
        {
            "type": "group",
            "tooltip": f"Launch this notebook on {label}",
            "icon": "fas fa-rocket",
            "label": "launch-buttons",
            "buttons": [
                {
                    "type": "link",
                    "text": label,
                    "tooltip": f"Open this notebook on {label}",
                    "icon": "fas fa-rocket",
                    "url": launch_url(template, source.as_posix()),
                    "label": "launch-hub-button",
                }
            ],
        }
    )


def setup(app: Sphinx) -> None:
    """Declare the settings and add the button after the theme's own header buttons."""
    app.add_config_value("brakes_launch_url", "", "html", types=frozenset({str}))
    app.add_config_value("brakes_launch_label", "JupyterHub", "html", types=frozenset({str}))
    app.add_config_value("brakes_repository_url", "", "html", types=frozenset({str}))
    app.add_config_value("brakes_repository_branch", "main", "html", types=frozenset({str}))
    app.add_config_value("brakes_repository_provider", "", "html", types=frozenset({str}))
    app.add_config_value(
        "brakes_binderhub_url", "https://mybinder.org", "html", types=frozenset({str})
    )
    app.add_config_value("brakes_jupyterhub_url", "", "html", types=frozenset({str}))
    app.add_config_value("brakes_colab", True, "html", types=frozenset({bool}))
    app.connect("config-inited", _check)
    app.connect("config-inited", _use_theme_buttons)
    app.connect("html-page-context", _add_button, priority=600)
