"""An optional "launch" button on notebook pages that opens the notebook on a company's JupyterHub.

Off by default: the site then makes no request to and has no link towards any
hub. Turn it on with the ``brakes_launch_url`` setting, a URL in which
``{path}`` stands for the notebook's path in the repository (for example
``exercises/01-where-they-talk.ipynb``)::

    make site SPHINXOPTS="-D brakes_launch_url=https://hub.example.com/hub/user-redirect/lab/tree/brakes/{path}"
    BRAKES_LAUNCH_URL='https://mybinder.org/v2/gh/org/repo/main?urlpath=lab/tree/{path}' make site

``brakes_launch_label`` names the service on the button ("JupyterHub" by
default). The button joins the theme's header buttons, with its rocket icon.
"""

from __future__ import annotations

import os
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

#: The environment variable read when ``brakes_launch_url`` is not set in conf.py or with -D.
ENV_VAR = "BRAKES_LAUNCH_URL"


def launch_url(template: str, notebook: str) -> str:
    """The launch link of one notebook: ``template`` with ``{path}`` replaced by its path."""
    return template.replace("{path}", quote(str(PurePosixPath(notebook)), safe="/"))


def _check(app: Sphinx, config: Config) -> None:
    template = config.brakes_launch_url or os.environ.get(ENV_VAR, "")
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
    app.connect("config-inited", _check)
    app.connect("html-page-context", _add_button, priority=600)
