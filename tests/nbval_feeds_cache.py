"""A pytest plugin for nbval's run of the solution notebooks: its outputs become the site's.

``make test`` runs ``pytest -p nbval_feeds_cache --nbval solutions``. nbval runs
each notebook cell by cell in a fresh kernel and compares the outputs with the
stored ones; this plugin then stores that run, outputs and all, in the notebook
caches of both editions the tests build (``site_builds.py``), as MyST-NB would have
after running the notebook itself. The site builds that follow find every
solution notebook there and execute none: each one runs once for nbval and the
site together, in the same kernel and folder MyST-NB would use.

Only a notebook whose every cell ran and passed is stored; any other is left for
the site build to run (and to report, as before).
"""

from __future__ import annotations

import copy
from collections import defaultdict
from pathlib import Path

import pytest
from nbformat import NotebookNode
from nbval.plugin import IPyNbCell, IPyNbFile
from site_builds import cache_of, locked

from brakes.config import COURSE

_FAILED: set[str] = set()
_SECONDS: defaultdict[str, float] = defaultdict(float)


def _notebook_of(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Note how long each notebook's cells took and which notebooks had a failing cell."""
    _SECONDS[_notebook_of(report.nodeid)] += report.duration
    if report.failed:
        _FAILED.add(_notebook_of(report.nodeid))


def executed(notebook: IPyNbFile, cells: list[IPyNbCell]) -> NotebookNode | None:
    """The notebook with nbval's fresh outputs in its code cells, or None if a cell did not run."""
    if any(not hasattr(cell, "test_outputs") for cell in cells):
        return None  # skipped, or stopped before its outputs were read
    result = copy.deepcopy(notebook.nb)
    code = [cell for cell in result.cells if cell.cell_type == "code"]
    if len(code) != len(cells):
        return None
    for count, (cell, ran) in enumerate(zip(code, cells, strict=True), start=1):
        cell.execution_count = count
        cell.outputs = copy.deepcopy(ran.test_outputs)
        for output in cell.outputs:
            if output.output_type == "execute_result":
                output.execution_count = count
    return result


def store(path: Path, notebook: NotebookNode, seconds: float) -> None:
    """Cache ``notebook`` as the executed ``path``, as MyST-NB caches a run it made."""
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    from brakes.sphinxext.execution import _empty_a_stale_cache, code_digest

    for edition in COURSE.editions:
        with locked(edition):
            _empty_a_stale_cache(cache_of(edition), code_digest())
            get_cache(cache_of(edition)).cache_notebook_bundle(
                CacheBundleIn(notebook, str(path), data={"execution_seconds": seconds}),
                check_validity=False,
                overwrite=True,
            )


def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """After a notebook's last cell, store its run if every cell passed."""
    if not isinstance(item, IPyNbCell) or (nextitem is not None and nextitem.parent is item.parent):
        return
    notebook = item.parent
    name = _notebook_of(item.nodeid)
    if name in _FAILED:
        return
    cells = [other for other in item.session.items if other.parent is notebook]
    run = executed(notebook, cells)
    if run is not None:
        store(Path(notebook.path), run, _SECONDS[name])
