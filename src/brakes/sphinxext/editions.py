"""Two editions from one source: the learner edition and the trainer edition (``-t trainer``).

Trainer pages live in ``course/trainer/`` (excluded from the learner build by
``conf.py``) and trainer blocks in ``{only} trainer`` fences. This module adds
the trainer pages to the navigation only in the trainer edition, and strips
trainer blocks from the page sources that the learner edition offers for
download, so no trainer text leaves with a learner's copy.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx

TRAINER_TOCTREE = """

```{toctree}
:hidden:
:caption: For trainers

course/trainer/index
```
"""

#: A MyST ``{only} trainer`` block, fenced with backticks or colons.
ONLY_TRAINER = re.compile(r"^(`{3,}|:{3,})\{only\}\s+trainer\s*$(.*?)^\1\s*$\n?", re.M | re.S)


def _add_trainer_toctree(app: Sphinx, docname: str, source: list[str]) -> None:
    if docname == app.config.root_doc and app.tags.has("trainer"):
        source[0] += TRAINER_TOCTREE


def strip_trainer_blocks(text: str) -> str:
    """The text without its trainer-only blocks."""
    return ONLY_TRAINER.sub("", text)


def _strip_downloadable_sources(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.tags.has("trainer") or app.builder.format != "html":
        return
    # The book theme copies sources without Sphinx's ".txt" (html_sourcelink_suffix = "").
    for path in Path(app.outdir, "_sources").rglob("*.md" + app.config.html_sourcelink_suffix):
        text = path.read_text(encoding="utf-8")
        stripped = strip_trainer_blocks(text)
        if stripped != text:
            path.write_text(stripped, encoding="utf-8")


def setup(app: Sphinx) -> None:
    """Connect the trainer navigation and the learner edition's source clean-up."""
    app.connect("source-read", _add_trainer_toctree)
    app.connect("build-finished", _strip_downloadable_sources)
