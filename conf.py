"""Sphinx configuration: the repository root is the Sphinx source.

Two editions come from one source. The learner edition is the default; the
trainer edition is built with ``-t trainer`` and adds the facilitator pages
(``course/trainer/``) and the ``{only} trainer`` blocks.
"""

from brakes.config import COURSE

project = "Releasing the Brakes"
author = "The Releasing the Brakes authors"
copyright = "2026, the Releasing the Brakes authors"
release = COURSE.version

TRAINER = tags.has("trainer")  # noqa: F821 (Sphinx injects `tags`)

extensions = [
    "myst_nb",
    "sphinx_design",
    "sphinx_copybutton",
    "sphinx_togglebutton",
    "brakes.sphinxext",
]

# Everything that is not course content stays out of the source scan.
exclude_patterns = [
    "_build",
    ".venv",
    ".git",
    ".ci",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    ".jupyter_cache",
    "jupyter_execute",
    "src",
    "tests",
    "benchmarks",
    "README.md",
    "**/.ipynb_checkpoints",
]
if not TRAINER:
    exclude_patterns.append("course/trainer/**")

# MyST and notebooks -------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist", "dollarmath", "tasklist", "attrs_inline"]
myst_heading_anchors = 3

# Solution notebooks are executed at build time (cached by jupyter-cache), so a
# page never shows stale outputs; nbval separately proves the stored outputs are
# the real ones. Learner notebooks are shown as they are: unexecuted, to download.
nb_execution_mode = "cache"
nb_execution_excludepatterns = ["exercises/*"]
nb_execution_timeout = 180
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_merge_streams = True
nb_mime_priority_overrides = [
    ("html", "application/vnd.brakes.check+json", None),
]

# HTML ----------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_title = "Releasing the Brakes" + (" — trainer edition" if TRAINER else "")
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = True
html_theme_options = {
    "use_download_button": True,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "navigation_with_keys": False,
}
html_context = {"edition": "trainer" if TRAINER else "learner"}
