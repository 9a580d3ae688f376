"""What the learner edition's pages tell an LMS (SCORM 1.2), and nothing where there is none.

Every page of the learner edition carries ``brakes-scorm.js`` (in ``static/``). It
looks for an LMS's SCORM 1.2 API as the standard requires, up the parent windows,
then the opener's (``brakes-scorm-find.js``, loaded before it). Found, it records
which chapter pages the learner opened (in ``cmi.suspend_data``), sets the lesson
status to completed once all have been, and reports the quizzes' score; not found
(the normal site, the offline zip), it does nothing. In the package an LMS imports
(:mod:`brakes.sphinxext.scorm_package`) the API a page finds is its launch page's,
which holds the LMS's one session for the whole visit (``brakes-scorm-launch.js``).
The chapter pages are named in the script's tag (``data-chapters``) by the build:
the pages of the root document's "Course" table of contents that declare their
minutes (:func:`chapter_pages`), the course's reading path.
"""

from __future__ import annotations

import json
from typing import Any

from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from brakes.sphinxext.editions import edition
from brakes.sphinxext.minutes import page_minutes

LOGGER = logging.getLogger(__name__)

#: The caption of the root document's table of contents that lists the course's chapters.
COURSE_CAPTION = "Course"
#: The script every learner page carries (``static/brakes-scorm.js``).
SCRIPT = "brakes-scorm.js"
#: SCORM 1.2's search for the LMS's API, which :data:`SCRIPT` and the package's launch page use.
FIND_SCRIPT = "brakes-scorm-find.js"


def chapter_pages(env: BuildEnvironment) -> list[str]:
    """The docnames of the course's chapters, in reading order.

    They are the entries of the root document's "Course" table of contents whose
    page declares its minutes (:func:`brakes.sphinxext.minutes.page_minutes`):
    Getting started, the three brakes, Next steps; not the set-up guide. None in a
    site without that table of contents (the tests' small sites).
    """
    doctree = env.get_doctree(env.config.root_doc)
    for toc in doctree.findall(addnodes.toctree):
        if toc.get("caption") == COURSE_CAPTION:
            entries = [doc for _title, doc in toc["entries"] if doc in env.metadata]
            return [doc for doc in entries if page_minutes(env.metadata[doc])]
    return []


def _add_script(app: Sphinx, env: BuildEnvironment) -> None:
    """Give the learner edition's pages the SCORM scripts, with the chapter pages they track."""
    if app.builder.name != "html" or edition(app.tags) != "learner":
        return
    pages = [app.builder.get_target_uri(doc) for doc in chapter_pages(env)]
    if not pages:  # nothing to complete: a page would report the course completed on opening
        LOGGER.info("scorm: no %r table of contents, so no SCORM script", COURSE_CAPTION)
        return
    attributes: dict[str, Any] = {"data-chapters": json.dumps(pages)}
    app.add_js_file(FIND_SCRIPT, loading_method="defer")  # deferred scripts run in order
    app.add_js_file(SCRIPT, loading_method="defer", **attributes)


def setup(app: Sphinx) -> None:
    """Add the SCORM script to the learner edition once the chapters are known."""
    app.connect("env-updated", _add_script)
