"""A learner notebook as a kit hands it out: its first cell's set-up address, its links.

Every learner notebook starts with a guard cell (:func:`guard_source`): where
the course's package is missing, it says in one sentence how to install it and
where the set-up page is. Its Markdown links name the course's pages as the
site's sources do (``../course/data-dictionary.md``), which the site turns
into links between its pages. A kit leaves the site, so the site's build
points both where the kit can follow them (:func:`readdress_guard`,
:func:`retarget_links`). Notebooks are written as :func:`dumps` gives them, so
the same notebook always gives the same bytes.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable

import nbformat
from nbformat import NotebookNode

#: The guard cell's tag, so tools can tell it from the solution's own cells.
GUARD_TAG = "brakes-guard"
#: The set-up page the guard names by default: the page as a kit without the site's
#: address carries it, next to the notebooks.
SETUP_ADDRESS = "course/setup.html"
#: What a learner notebook's first code cell runs. IPython shows an exception with a
#: ``_render_traceback_`` method as the lines it returns: here, one sentence.
_GUARD_TEMPLATE = """\
# Is the course's package, brakes, installed where this notebook runs? If not, this says how.
import importlib.util

if importlib.util.find_spec("brakes") is None:

    class BrakesNotInstalled(Exception):
        def _render_traceback_(self):
            return [str(self)]

    raise BrakesNotInstalled(
        "This notebook needs the course's package, brakes, which is not installed here: "
        "in the notebook kit's folder run  python -m pip install -r requirements.txt  then "
        "restart the kernel (Kernel > Restart), and if that fails follow the kit's README.md "
        "or the Set-up page of the course's website ({setup})."
    )"""
#: An inline Markdown link or image, ``[text](target "title")``: the target is group 2.
LINK = re.compile(r"(!?\[[^\]]*\]\()([^)\s]+)((?:\s+\"[^\"]*\")?\))")


def guard_source(setup: str = SETUP_ADDRESS) -> str:
    """The guard cell's code, naming ``setup`` as the set-up page's address."""
    return _GUARD_TEMPLATE.replace("{setup}", setup)


def readdress_guard(notebook: NotebookNode, setup: str) -> None:
    """Make a learner notebook's guard cell name the set-up page at ``setup``."""
    for cell in notebook.cells:
        if GUARD_TAG in (cell.get("metadata", {}).get("tags") or []):
            cell.source = guard_source(setup)


def markdown_links(notebook: NotebookNode) -> list[str]:
    """Every link target of the notebook's Markdown cells, in order."""
    return [
        match.group(2)
        for cell in notebook.cells
        if cell.cell_type == "markdown"
        for match in LINK.finditer(cell.source)
    ]


def retarget_links(notebook: NotebookNode, target: Callable[[str], str]) -> NotebookNode:
    """A copy of ``notebook`` whose Markdown links point to ``target(link)`` instead."""
    copied = copy.deepcopy(notebook)
    for cell in copied.cells:
        if cell.cell_type == "markdown":
            cell.source = LINK.sub(
                lambda match: match.group(1) + target(match.group(2)) + match.group(3),
                cell.source,
            )
    return copied


def dumps(notebook: NotebookNode) -> str:
    """The notebook as JSON text, the same for the same content on any machine."""
    return nbformat.writes(notebook) + "\n"
