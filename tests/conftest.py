"""Shared fixtures and the run's order: both editions of the site, built once per test run.

The site tests (``tests/site/``) and the browser tests (``tests/browser/``)
read the same two builds, as `make site` and `make trainer` make them, whatever
the number of xdist workers (``site_builds.py``). The browser group starts first on
one worker, the quick unit tests on the others (:func:`_order`); tests that share a
costly session fixture are grouped onto one worker.

Hypothesis runs the "fast" profile (25 examples per property) unless
``HYPOTHESIS_PROFILE=thorough`` (250 examples; `make test` sets it).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from browser.browsing import WORKER_REPORT
from hypothesis import HealthCheck, settings
from playwright.sync_api import Browser, sync_playwright
from site_builds import RUN, BuiltSite, built_all
from xdist.scheduler import LoadScopeScheduling

from brakes.config import COURSE
from brakes.data import use
from brakes.trainer.browser import CHROMIUM, CHROMIUM_ARGS

_HYPOTHESIS = {"deadline": None, "suppress_health_check": list(HealthCheck), "database": None}
settings.register_profile("fast", max_examples=25, **_HYPOTHESIS)
settings.register_profile("thorough", max_examples=250, **_HYPOTHESIS)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))


def pytest_configure(config: pytest.Config) -> None:
    """Name this test run once, in the controller: xdist's workers inherit the name, so a site
    build one worker made is this run's build for all (set BRAKES_TEST_RUN to keep builds)."""
    if not hasattr(config, "workerinput"):
        os.environ.setdefault(RUN, uuid.uuid4().hex)


#: Slow tests by what makes them slow, longest first: with ``--dist loadgroup
#: --no-loadscope-reorder`` (`make test`) a free worker takes the next one, so the longest
#: start first and the short ones fill the gaps.
SLOW_FIRST = ("venv", "browser", "kernel", "site")

#: Unit tests that take seconds each (see `make test`'s slowest durations): marked "slow",
#: so `make test` runs them after the others and `make test-fast` leaves them out.
SLOW_UNITS = (
    "tests/exercises/test_never_raises.py",  # every exercise, 25 to 250 hostile answers each
    "tests/exercises/test_sealed_agreement.py",  # every known mistake, sealed and in clear
    "tests/kit/test_workshop.py",  # `brakes workshop` makes a kit, then it is searched
    "tests/kit/test_workshop_links.py",  # makes two workshop kits
    "tests/test_kit_build.py",  # builds the learners' wheel, twice
    "tests/test_import_cost.py",  # fresh interpreters
    "tests/test_dependencies.py",  # fresh interpreters without the trainer's libraries
    "tests/test_cli.py::test_exercises_check_names_each_drifted_notebook",
    "tests/test_cli.py::test_refuses_non_empty_folder_without_force",  # makes a workshop
    "tests/data/test_data_generation.py::test_same_seed_gives_the_same_bytes_in_two_processes",
    "tests/grading/test_grading_parts.py::test_a_workshop_kit_records_the_course_that_made_it",
    "tests/grading/test_grading_parts.py::test_a_worker_that_hangs_is_killed_with_all_it_started",
    "tests/grading/test_grading_cli.py::test_refuses_a_report_folder_with_files_unless_forced",
)


#: The longest chains of tests that must run one after the other: each edition's page walk
#: (test_pages.py: one Chromium visits every page of the edition; a minute or two each).
#: Handed out first, they run on two workers at once from the start; handed out after the
#: unit tests, one worker ran both walks alone at the end of the run for minutes.
LONGEST_CHAIN = ("tests/browser/test_pages.py",)


def _order(item: pytest.Item) -> tuple[int, int]:
    """The longest chain, then quick unit tests, then slow ones, then the slow kinds, longest
    first."""
    if item.nodeid.startswith(LONGEST_CHAIN):
        return 0, 0
    for rank, marker in enumerate(SLOW_FIRST):
        if item.get_closest_marker(marker):
            return 3, rank
    return (2, 0) if item.get_closest_marker("slow") else (1, 0)


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups (--dist loadgroup)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the slow unit tests; order them all."""
    for item in items:
        if item.nodeid.startswith(SLOW_UNITS):
            item.add_marker(pytest.mark.slow)
    items.sort(key=_order)


#: Tests that share a costly session fixture, by node id prefix: with ``--dist loadgroup``
#: one xdist worker runs each group, so the fixture is made once (a test left out of its
#: group still passes, on a worker that makes the fixture again).
GROUPS = {
    "room": ("tests/grading/",),  # the room graded once (tests/grading/conftest.py)
    "kit_venv": (  # the kit's environment (tests/kit/conftest.py)
        "tests/kit/test_notebook_kit.py::test_following_the_readme",
        "tests/kit/test_notebook_kit.py::test_brakes_doctor",
        "tests/kit/test_lab.py",  # JupyterLab from the kit's environment
    ),
}


class GroupScheduling(LoadScopeScheduling):
    """``--dist loadgroup`` by :data:`GROUPS`, in the order collected, a unit to a free worker.

    xdist 3.8 groups by ``xdist_group`` marks through a node id suffix that pytest 9 no
    longer reads, so its own loadgroup runs grouped tests on any worker.
    """

    def _split_scope(self, nodeid: str) -> str:
        if nodeid.startswith(LONGEST_CHAIN):  # one edition's page walk: "walk-learner"
            return "walk-" + nodeid.rpartition("[")[2].rstrip("]")
        return next((name for name, ids in GROUPS.items() if nodeid.startswith(ids)), nodeid)


def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> GroupScheduling | None:
    """Schedule ``--dist loadgroup`` with :class:`GroupScheduling`."""
    return GroupScheduling(config, log) if config.getvalue("dist") == "loadgroup" else None


#: What the workers' browser tests measured (first-load bytes, axe counts), for the summary.
BROWSER_REPORT: list[str] = []


@pytest.hookimpl(optionalhook=True)  # an xdist hook: absent with -p no:xdist
def pytest_testnodedown(node: Any, error: object) -> None:
    """Collect a finished worker's browser report (tests/browser/conftest.py)."""
    BROWSER_REPORT.extend(getattr(node, "workeroutput", {}).get(WORKER_REPORT, []))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print the workers' browser report: what the page walks measured, pass or fail."""
    if BROWSER_REPORT:
        terminalreporter.section("site as a browser sees it")
        for line in BROWSER_REPORT:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """Headless Chromium from Debian's package (never a downloaded build), one per worker.

    Playwright's sync API runs one instance per thread, so the browser tests and the
    JupyterLab tests that land on the same worker share this one.
    """
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs it (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def sites() -> dict[str, BuiltSite]:
    """Both editions, built once per test run (tests/site_builds.py), sharing the notebook cache."""
    return built_all(tuple(COURSE.editions))


@pytest.fixture(autouse=True)
def _reset_data_source() -> Iterator[None]:
    """Each test starts from the default data source, whatever seed the last one loaded."""
    yield
    use()
