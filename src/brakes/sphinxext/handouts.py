"""Link the PDF handouts from every page's footer, once ``make pdf`` has printed them.

The handouts are printed from a built site (:mod:`brakes.trainer.handouts`), so a
build can only link the ones an earlier print left in the folder that
``-D brakes_handouts=_build/pdf`` names (empty by default: no link). This edition's
handouts found there are copied into ``_downloads/`` and named in the footer
(``_templates/brakes-handouts.html``); a handout not found is no link and no stale copy.
Which ones were found is a setting of the build (``brakes_handouts_found``), so a
build that finds others rewrites every page's footer.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from brakes.sphinxext.editions import edition
from brakes.trainer.handouts import EDITION_HANDOUTS, TRAINER_PDF

LOGGER = logging.getLogger(__name__)
FOLDER = "_downloads"


def _find(app: Sphinx, config: Config) -> None:
    """Record which of this edition's handouts the ``brakes_handouts`` folder holds."""
    folder = config.brakes_handouts
    names = EDITION_HANDOUTS[edition(app.tags)]
    found = [n for n in names if folder and Path(app.confdir, folder, n).is_file()]
    config.brakes_handouts_found = tuple(found)


def _add_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    labels = {TRAINER_PDF: "the trainer's handout"}
    context["brakes_handouts"] = [
        (f"{FOLDER}/{name}", labels.get(name, "the course"))
        for name in app.config.brakes_handouts_found
    ]


def _copy(app: Sphinx, exception: Exception | None) -> None:
    """Copy the handouts found into the site; remove those a previous build copied."""
    if exception is not None or app.builder.format != "html":
        return
    for name in EDITION_HANDOUTS[edition(app.tags)]:
        target = Path(app.outdir, FOLDER, name)
        if name in app.config.brakes_handouts_found:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(app.confdir, app.config.brakes_handouts, name), target)
            LOGGER.info("handout copied: %s/%s", FOLDER, name)
        else:
            target.unlink(missing_ok=True)


def setup(app: Sphinx) -> None:
    """Register the settings; copy before the offline zip (priority 900) packs the site."""
    app.add_config_value("brakes_handouts", "", "html", str)
    app.add_config_value("brakes_handouts_found", (), "html", tuple)
    app.connect("config-inited", _find)
    app.connect("html-page-context", _add_context)
    app.connect("build-finished", _copy, priority=800)
