"""Notebooks executed side by side before Sphinx reads them, not one after another.

With ``nb_execution_mode = "cache"``, MyST-NB runs each outdated notebook
while Sphinx reads it, so a clean build runs them one at a time (and Sphinx's
``-j`` does not help: it hands out documents in chunks, and our solution
notebooks sort into the same chunk). Before reading starts, this module gives
every notebook that is about to be read, and whose code has no entry in the
notebook cache yet, to jupyter-cache's parallel executor: one process per core
runs them and stores their outputs in that cache. MyST-NB then finds each one
there, exactly as on a rebuild.

A notebook that fails here is not cached, so MyST-NB runs it again when it
reads it and reports the error with its traceback as it always did
(``nb_execution_raise_on_error``): the build fails as it did before, only later.

jupyter-cache knows a notebook by its code cells alone, and Sphinx re-reads a
page only when its file changes; but a solution notebook's outputs also come
from the course's package (the data, the checks, the plots). So the digest of
that code is kept beside the cache and in each edition's environment: when it
changes, the cache is emptied and every executed notebook is read and run again.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, cast

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging as sphinx_logging

from brakes.digest import files_digest

if TYPE_CHECKING:
    from myst_nb.core.config import NbParserConfig
    from myst_nb.sphinx_ import SphinxEnvType

LOGGER = sphinx_logging.getLogger(__name__)

#: Run in parallel only from this many notebooks: one runs as fast through MyST-NB itself.
MIN_NOTEBOOKS = 2
#: The package whose code a notebook runs; the build's own extension is left out.
PACKAGE = Path(__file__).resolve().parents[1]
#: Beside the notebook cache: the digest of the code its outputs were made with.
CODE_STAMP = "brakes-code.sha256"


def mystnb_config(env: BuildEnvironment) -> NbParserConfig:
    """MyST-NB's settings (its ``NbParserConfig``), which it keeps on the build environment."""
    return cast("SphinxEnvType", env).mystnb_config


def notebooks_to_run(app: Sphinx, docnames: list[str]) -> list[Path]:
    """The notebooks among ``docnames`` that MyST-NB would execute (not excluded by pattern)."""
    config = mystnb_config(app.env)
    found = []
    for docname in docnames:
        path = Path(app.env.doc2path(docname))
        if path.suffix != ".ipynb":
            continue
        posix = PurePosixPath(path.as_posix())  # as MyST-NB matches its exclude patterns
        if any(posix.match(pattern) for pattern in config.execution_excludepatterns):
            continue
        found.append(path)
    return found


def code_digest(package: Path = PACKAGE) -> str:
    """A SHA-256 over the names and bytes of the package's modules, but the Sphinx extension's."""
    modules = sorted(package.rglob("*.py"))
    return files_digest(
        (path, path.relative_to(package).as_posix())
        for path in modules
        if path.relative_to(package).parts[0] != "sphinxext"
    )


def _empty_a_stale_cache(cache_path: Path, digest: str) -> None:
    """Empty the notebook cache when its outputs were made with other code (or unknown code)."""
    stamp = cache_path / CODE_STAMP
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == digest:
        return
    if cache_path.is_dir():
        from jupyter_cache import get_cache

        cache = get_cache(cache_path)
        if cache.list_cache_records():
            LOGGER.info("the course's code changed: emptying the notebook cache")
            cache.clear_cache()
    cache_path.mkdir(parents=True, exist_ok=True)
    stamp.write_text(digest, encoding="utf-8")


def _reread_when_code_changed(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """The executed notebooks to read again because the package's code changed since last time."""
    config = mystnb_config(env)
    if config.execution_mode != "cache":
        return []
    digest = code_digest()
    _empty_a_stale_cache(Path(config.execution_cache_path), digest)
    previous = getattr(env, "brakes_code_digest", None)
    # Kept in the pickled environment for the next build, as Sphinx has extensions keep
    # their data; BuildEnvironment does not declare an extension's attributes.
    env.brakes_code_digest = digest  # type: ignore[attr-defined]
    if previous == digest:
        return []
    # Unknown code (None) too: an environment from before this check. A first build reads
    # every page anyway, so nothing is left unread then.
    unread = sorted(env.found_docs - added - changed - removed)
    paths = notebooks_to_run(app, unread)
    return [doc for path in paths if (doc := app.env.path2doc(str(path))) is not None]


def cores() -> int:
    """How many notebooks run at once: the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _run_uncached(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    config = mystnb_config(env)
    if config.execution_mode != "cache" or cores() < 2:
        return
    paths = notebooks_to_run(app, docnames)
    if len(paths) < MIN_NOTEBOOKS:
        return
    from jupyter_cache import get_cache
    from jupyter_cache.executors import load_executor

    cache = get_cache(config.execution_cache_path)
    uris = [str(cache.add_nb_to_project(str(path)).uri) for path in paths]
    pending = cache.list_unexecuted(filter_uris=uris)
    if len(pending) < MIN_NOTEBOOKS:
        return
    LOGGER.info("executing %d notebooks in parallel", len(pending))
    quiet = logging.getLogger(f"{__name__}.executor")
    quiet.setLevel(logging.WARNING)  # its per-notebook lines would drown Sphinx's output
    executor = load_executor(
        "temp-parallel" if config.execution_in_temp else "local-parallel", cache, logger=quiet
    )
    result = executor.run_and_cache(
        filter_pks=[record.pk for record in pending],
        timeout=config.execution_timeout,
        allow_errors=config.execution_allow_errors,
    )
    for uri in result.excepted + result.errored:
        LOGGER.info("notebook failed in parallel, MyST-NB will run it again: %s", uri)


def setup(app: Sphinx) -> None:
    """Re-read notebooks whose code changed; run the outdated ones before Sphinx reads them."""
    app.connect("env-get-outdated", _reread_when_code_changed)
    app.connect("env-before-read-docs", _run_uncached)
