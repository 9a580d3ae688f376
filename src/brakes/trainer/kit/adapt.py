"""A learner notebook as a kit hands it out: its first cell's set-up address, its links.

Every learner notebook starts with a guard cell (:func:`guard_source`): where
the course's package is missing, it says in one sentence how to install it and
where the set-up page is. Its Markdown links name the course's pages as the
site's sources do (``../course/data-dictionary.md``), which the site turns
into links between its pages. A kit leaves the site, so the site's build and
``brakes workshop`` point both where the kit can follow them
(:func:`readdress_guard`, :func:`retarget_links`): a link to a page
(:func:`linked_page`) goes to that page on the site's address
(:meth:`PageLink.address`), to the copy the kit carries, or, where the kit has
neither, becomes plain text naming the page (:data:`OFF_KIT`). Notebooks are
written as :func:`dumps` gives them, so the same notebook always gives the same
bytes.
"""

from __future__ import annotations

import copy
import posixpath
import re
from collections.abc import Callable, Container
from typing import NamedTuple
from urllib.parse import urlsplit

import nbformat
from nbformat import NotebookNode

#: The guard cell's tag, so tools can tell it from the solution's own cells.
GUARD_TAG = "brakes-guard"
#: The kit's notebooks' folder among the site's sources: their links are relative to it.
NOTEBOOKS = "exercises"
#: What a page's name becomes in the site's HTML build (Sphinx's default ``html_link_suffix``).
PAGE_SUFFIX = ".html"
#: The course page that explains the set-up, step by step, as the site names it (a docname).
SETUP_PAGE = "course/setup"
#: The set-up page the guard names by default: the page as a kit without the site's
#: address carries it, next to the notebooks.
SETUP_ADDRESS = SETUP_PAGE + PAGE_SUFFIX
#: A link to a page the kit can neither carry nor address, as plain text: its text and this.
OFF_KIT = " (on the course's website)"
#: What the guard cell says of the set-up page's address where the kit knows none.
ASK_THE_TRAINER = "ask your trainer for its address"
#: What a learner notebook's first code cell runs. IPython shows an exception with a
#: ``_render_traceback_`` method as the lines it returns: here, one sentence. Its advice
#: depends on where the notebook runs: Colab has no kit folder (the learner uploads the
#: kit's wheel; the data come with the package); a JupyterHub has its own JupyterLab and
#: keeps only the home folder (the wheel alone, into the user's site-packages); elsewhere,
#: the kit's requirements.txt. Colab's kernel has imported google.colab; JupyterHub sets
#: JUPYTERHUB_USER for every user's server, whose kernels inherit it.
_GUARD_TEMPLATE = """\
# Is the course's package, brakes, installed where this notebook runs? If not, this says how.
import importlib.util
import os
import sys

if importlib.util.find_spec("brakes") is None:

    class BrakesNotInstalled(Exception):
        def _render_traceback_(self):
            return [str(self)]

    if "google.colab" in sys.modules:
        how = (
            "on Colab, which has no kit folder, upload the kit's wheel (the brakes-….whl file "
            "of the notebook kit) with the Files panel on the left, run  %pip install "
            "brakes-*.whl  in a new cell, then restart the session (Runtime > Restart session); "
            "the data come with the package"
        )
    elif "JUPYTERHUB_USER" in os.environ:
        how = (
            "on a JupyterHub, install the kit's wheel alone (the hub has its own JupyterLab): "
            "in the folder of the kit's brakes-….whl file, run  %pip install --user "
            "brakes-*.whl  in a new cell, then restart the kernel (Kernel > Restart), or ask "
            "the hub's administrators to install it for everyone"
        )
    else:
        how = (
            "in the notebook kit's folder run  python -m pip install -r requirements.txt  "
            "then restart the kernel (Kernel > Restart)"
        )
    raise BrakesNotInstalled(
        "This notebook needs the course's package, brakes, which is not installed here: "
        + how
        + ", and if that fails follow the kit's README.md or the Set-up page of the course's "
        "website ({setup})."
    )"""
#: An inline Markdown link or image, ``[text](target "title")``, in named parts.
LINK = re.compile(
    r"(?P<open>!?\[(?P<text>[^\]]*)\]\()(?P<target>[^)\s]+)(?P<close>(?:\s+\"[^\"]*\")?\))"
)


def guard_source(setup: str = SETUP_ADDRESS) -> str:
    """The guard cell's code, naming ``setup`` as the set-up page's address."""
    return _GUARD_TEMPLATE.replace("{setup}", setup)


class PageLink(NamedTuple):
    """A kit notebook's link to one of the site's pages: the page's name and the link's anchor."""

    docname: str  # "course/data-dictionary"
    anchor: str  # "#mentions", or "" for the page's top

    def address(self, uri: Callable[[str], str] | None = None) -> str:
        """Where the link goes, from the site's root: ``course/data-dictionary.html#mentions``.

        ``uri`` gives a page's address from its name (a Sphinx builder's
        ``get_target_uri``); without it, the HTML build's ``docname.html``.
        """
        return (uri(self.docname) if uri else self.docname + PAGE_SUFFIX) + self.anchor


def linked_page(link: str, pages: Container[str]) -> PageLink | None:
    """The page of the site a kit notebook's ``link`` names, when it is one of ``pages``.

    The notebooks link a page by its source, relative to their folder
    (``../course/data-dictionary.md#mentions``). None for a link to another
    website, to an anchor of the same notebook, or to a name not in ``pages``
    (a file beside the notebooks, a page the site does not have).
    """
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    docname = posixpath.splitext(posixpath.normpath(posixpath.join(NOTEBOOKS, parts.path)))[0]
    if docname not in pages:
        return None
    return PageLink(docname, f"#{parts.fragment}" if parts.fragment else "")


def readdress_guard(notebook: NotebookNode, setup: str) -> None:
    """Make a learner notebook's guard cell name the set-up page at ``setup``."""
    for cell in notebook.cells:
        if GUARD_TAG in (cell.get("metadata", {}).get("tags") or []):
            cell.source = guard_source(setup)


def markdown_links(notebook: NotebookNode) -> list[str]:
    """Every link target of the notebook's Markdown cells, in order."""
    return [
        match.group("target")
        for cell in notebook.cells
        if cell.cell_type == "markdown"
        for match in LINK.finditer(cell.source)
    ]


def retarget_links(notebook: NotebookNode, target: Callable[[str], str | None]) -> NotebookNode:
    """A copy of ``notebook`` whose Markdown links point to ``target(link)`` instead.

    Where ``target`` gives None, the link leads nowhere the kit can follow: it
    becomes its text followed by :data:`OFF_KIT`, so the sentence still names the page.
    """

    def relinked(match: re.Match[str]) -> str:
        new = target(match.group("target"))
        if new is None:
            return match.group("text") + OFF_KIT
        return match.group("open") + new + match.group("close")

    copied = copy.deepcopy(notebook)
    for cell in copied.cells:
        if cell.cell_type == "markdown":
            cell.source = LINK.sub(relinked, cell.source)
    return copied


def dumps(notebook: NotebookNode) -> str:
    """The notebook as JSON text, the same for the same content on any machine."""
    return nbformat.writes(notebook) + "\n"
