"""Two editions from one source: the learner edition (default) and the trainer edition.

:func:`edition` says which one is being built (``-t trainer``, the tag named by
``COURSE.trainer_tag``); ``conf.py`` and every module of the extension ask it.

No trainer text reaches the learner edition, by Sphinx's own means:

- pages under :data:`TRAINER_DIR` are left out by ``exclude_patterns``
  (``conf.py`` adds :data:`TRAINER_PAGES` in the learner edition);
- ``{only} trainer`` blocks are dropped by Sphinx before it writes a page and
  its search-index entry;
- a page whose source holds such a block does not publish that source
  (``_sources/``, the download menu's source button) in the learner edition;
- the trainer pages join the navigation only in the trainer edition: a hidden
  toctree that :class:`TrainerPagesInNavigation` adds to the root document.
"""

from __future__ import annotations

from collections.abc import Set
from pathlib import Path
from typing import Any, Literal

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.environment.collectors import EnvironmentCollector
from sphinx.transforms import SphinxTransform
from sphinx.util.tags import Tags

from brakes.config import COURSE

Edition = Literal["learner", "trainer"]

#: The folder of the facilitator pages, and its index (the page the navigation links).
TRAINER_DIR = "course/trainer"
TRAINER_INDEX = f"{TRAINER_DIR}/index"
#: The ``exclude_patterns`` entry that keeps the facilitator pages out of the learner edition.
TRAINER_PAGES = f"{TRAINER_DIR}/**"
#: The caption of the trainer pages in the navigation.
CAPTION = "For trainers"


def edition(tags: Tags) -> Edition:
    """The edition being built: ``"trainer"`` with ``-t trainer``, else ``"learner"``."""
    return "trainer" if tags.has(COURSE.trainer_tag) else "learner"


class TrainerPagesInNavigation(SphinxTransform):
    """In the trainer edition, add the facilitator pages to the root document's navigation.

    The same node as a hidden ``{toctree}`` captioned :data:`CAPTION` at the page's end;
    the learner edition never names the excluded pages, so it has nothing to warn about.
    """

    default_priority = 500

    def apply(self, **kwargs: Any) -> None:
        if self.env.docname != self.config.root_doc or edition(self.app.tags) != "trainer":
            return
        section = next(iter(self.document.findall(nodes.section)), None)
        if section is None:
            return
        toctree = addnodes.toctree(
            parent=self.env.docname,
            entries=[(None, TRAINER_INDEX)],
            includefiles=[TRAINER_INDEX],
            maxdepth=-1,
            caption=CAPTION,
            rawcaption=CAPTION,  # what Sphinx's message-preserving transform would have set
            glob=False,
            hidden=True,
            includehidden=False,
            numbered=0,
            titlesonly=False,
        )
        section += nodes.compound("", toctree, classes=["toctree-wrapper"])


class WithheldSources(EnvironmentCollector):
    """Note the pages whose source holds a block this edition leaves out (``{only} trainer``)."""

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        _withheld(env).discard(docname)

    def merge_other(
        self, app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment
    ) -> None:
        _withheld(env).update(_withheld(other) & docnames)

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        if any(
            not app.tags.eval_condition(node["expr"]) for node in doctree.findall(addnodes.only)
        ):
            _withheld(app.env).add(app.env.docname)


def _withheld(env: BuildEnvironment) -> set[str]:
    if not hasattr(env, "brakes_withheld_sources"):
        env.brakes_withheld_sources = set()  # type: ignore[attr-defined]
    return env.brakes_withheld_sources  # type: ignore[attr-defined]


def _withhold_source(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Publish no source for a page that holds text this edition leaves out.

    Sphinx copies a page's source to ``_sources/`` only when ``sourcename`` is
    set once every handler has run; the book theme has already added its
    "download source" button (priority 501), so this takes that one button out
    of the download menu and keeps the others (.ipynb, print to PDF). A copy
    left by an earlier build is removed.
    """
    if pagename not in _withheld(app.env) or not context.get("sourcename"):
        return
    Path(app.outdir, "_sources", context["sourcename"]).unlink(missing_ok=True)
    context["sourcename"] = ""
    for group in context.get("header_buttons", []):
        if group.get("label") == "download-buttons":
            group["buttons"] = [
                button
                for button in group["buttons"]
                if button.get("label") != "download-source-button"
            ]


def setup(app: Sphinx) -> None:
    """Register the trainer navigation and the withholding of sources."""
    app.add_transform(TrainerPagesInNavigation)
    app.add_env_collector(WithheldSources)
    app.connect("html-page-context", _withhold_source, priority=600)
