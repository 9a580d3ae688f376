"""Publishing the site on a company's web server or Pages: base URL, ``.nojekyll``, 404, contact.

- **One address.** ``html_baseurl`` (the canonical link of every page) comes
  from the site's public address, the ``site_url`` setting that the notebook
  kit's links use too (``-D brakes_site_url=…`` or ``BRAKES_SITE_URL``), unless
  conf.py or ``-D html_baseurl=…`` gives one of its own.
- **.nojekyll.** GitHub Pages, publishing from a branch, runs Jekyll, which
  hides every folder whose name starts with ``_`` (``_static``, ``_images``,
  ``_downloads``): an empty ``.nojekyll`` at the site's root turns that off.
- **The 404 page** (``404.md``). Pages hosts serve ``404.html`` at whatever
  address was missing, ``/course/gone/page.html`` as well as ``/gone``; its
  links are relative to the site's root, so with a known address the page gets
  a ``<base>`` naming its own path (no host: it never sends the browser to
  another server) and its styles and links hold at any depth.
- **Contact.** ``{brakes-contact}`text``` names whom readers write to about
  privacy and accessibility: the ``contact`` setting (``-D brakes_contact=…``
  or ``BRAKES_CONTACT``; an e-mail address or a web page) as a link, else the
  role's own text, so a site built without it still reads as a sentence.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

from brakes.errors import BrakesError
from brakes.sphinxext.launch import config_setting

#: The page hosts serve for a missing address (``404.md`` at the source's root).
NOT_FOUND_PAGE = "404"
#: The file that turns off GitHub Pages' Jekyll step.
NO_JEKYLL = ".nojekyll"


def base_url(site_url: str) -> str:
    """``html_baseurl`` for the site published at ``site_url`` (empty when there is none)."""
    return site_url.rstrip("/") + "/" if site_url else ""


def base_href(baseurl: str, pagename: str) -> str:
    """The ``<base>`` of ``pagename`` (its own path on the server) for a site at ``baseurl``."""
    return urlsplit(base_url(baseurl)).path + pagename + ".html"


def contact_node(contact: str, fallback: str) -> nodes.Node:
    """``contact`` as a link (``mailto:`` for an e-mail address), or ``fallback`` as text."""
    if not contact:
        return nodes.Text(fallback)
    if contact.startswith(("https://", "http://")):
        return nodes.reference(contact, contact, refuri=contact)
    if "@" in contact and " " not in contact:
        return nodes.reference(contact, contact, refuri="mailto:" + contact)
    return nodes.Text(contact)


def _contact_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Any,
    options: Any = None,
    content: Any = None,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    contact = inliner.document.settings.env.config.brakes_contact
    return [contact_node(contact, text)], []


def _resolve(app: Sphinx, config: Config) -> None:
    """The contact from -D or the environment; ``html_baseurl`` from the site's address."""
    try:
        config.brakes_contact = config_setting(config, "contact")
    except BrakesError as error:
        raise ConfigError(str(error)) from None
    if not config.html_baseurl:
        config.html_baseurl = base_url(config.brakes_site_url)


def _base_on_not_found_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if pagename == NOT_FOUND_PAGE and app.config.html_baseurl:
        href = base_href(app.config.html_baseurl, pagename)
        context["metatags"] = f'<base href="{href}" />\n' + context.get("metatags", "")


def _write_no_jekyll(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        Path(app.outdir, NO_JEKYLL).touch()


def setup(app: Sphinx) -> None:
    """Declare the contact; set the base URL after the site's address is resolved (priority 600)."""
    app.add_config_value("brakes_contact", "", "env", types=frozenset({str}))
    app.add_role("brakes-contact", _contact_role)
    app.connect("config-inited", _resolve, priority=600)
    app.connect("html-page-context", _base_on_not_found_page)
    app.connect("build-finished", _write_no_jekyll)
