"""Sphinx configuration: the repository root is the Sphinx source.

Two editions come from one source. The learner edition is the default; the
trainer edition is built with ``-t trainer`` and adds the facilitator pages
(``course/trainer/``) and the ``{only} trainer`` blocks. Which one is being built
is asked of ``brakes.sphinxext.editions.edition``, here as in the extension.
"""

import sys

# Speed: nbformat (read by MyST-NB) imports jsonschema, which imports rfc3987_syntax when
# it is installed (JupyterLab's dependencies bring it) and compiles a grammar for 1-3 s to
# check "iri" strings, which no notebook schema has. The build goes without: jsonschema
# treats it as not installed. (Before the extension's import below, which loads nbformat.)
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]

from brakes.config import COURSE  # noqa: E402
from brakes.sphinxext.editions import TRAINER_PAGES, edition  # noqa: E402

project = "Releasing the Brakes"
author = "The Releasing the Brakes authors"
copyright = "2026, the Releasing the Brakes authors"
release = COURSE.version

EDITION = edition(tags)  # noqa: F821 (Sphinx injects `tags`)

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
    "bench",  # make bench's results (results.md would be a page)
    "node_modules",
    "_templates",
    "README.md",
    "CONTRIBUTING.md",
    "CHANGELOG.md",
    "LICENSE-CONTENT.md",
    "binder",
    "build",
    "scripts",
    "**/.ipynb_checkpoints",
]
if EDITION == "learner":
    exclude_patterns.append(TRAINER_PAGES)

# MyST and notebooks -------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist", "dollarmath", "tasklist", "attrs_inline"]
# Prices are not maths: "$1,200 in cash and $1,200" stays text. Only $x$ with no
# space inside the dollars and no digit right after the closing one is maths.
# (A page with maths would load MathJax from a CDN: the browser tests forbid it.)
myst_dmath_allow_space = False
myst_dmath_allow_digits = False
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

# HTML ----------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_title = "Releasing the Brakes" + (" — trainer edition" if EDITION == "trainer" else "")
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = True
# The theme's templates that we fix for accessibility and weight live here (see
# each file's header); the extension adds its own CSS, JS and favicon.
templates_path = ["_templates"]
html_theme_options = {
    "use_download_button": True,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "navigation_with_keys": False,
    # The footer names the licences, links the privacy and accessibility statements,
    # offers the whole site as a zip for offline use and, after `make pdf`, as PDF.
    "footer_content_items": [
        "copyright.html",
        "brakes-licence.html",
        "brakes-statements.html",
        "brakes-offline.html",
        "brakes-handouts.html",
    ],
    # One search field per page: the sidebar's on a desktop, the article header's magnifier
    # on a phone. pydata-sphinx-theme 0.20 puts a third in the top bar unless this is set
    # (its navbar_persistent default), which the book theme's own theme.conf cannot undo.
    "navbar_persistent": [],
}
# default_mode: the theme's colour mode before the reader picks one. Unset, the
# theme's script logs "Got invalid theme mode" on every page.
html_context = {"edition": EDITION, "default_mode": "auto"}

# Publishing (brakes.sphinxext.publish, README "Publishing the site"): html_baseurl, the
# canonical address of every page, comes from the site's public address, the one setting
# -D brakes_site_url=https://… or BRAKES_SITE_URL; the build writes .nojekyll and the
# 404 page. The statements' contact: -D brakes_contact=… or BRAKES_CONTACT.

# Launch buttons (off by default; see brakes.sphinxext.launch and the README).
# With the course's Git repository, on any Git host, the theme's own Binder, Colab (on
# github.com only) and (with brakes_jupyterhub_url) nbgitpuller buttons:
# -D brakes_repository_url=https://… or BRAKES_REPOSITORY_URL. A host whose name holds
# neither github, gitlab nor bitbucket also needs -D brakes_repository_provider=gitlab (or
# the software it runs). For a company hub without Git, a URL with {path}:
# -D brakes_launch_url=… or BRAKES_LAUNCH_URL.
brakes_repository_url = ""
brakes_repository_provider = ""
brakes_launch_url = ""
