"""The SCORM 1.2 package in a stand-in LMS: what the course's pages tell the LMS, call by call.

The package is made from this test run's learner edition (tests/site_builds.py),
unzipped and served over HTTP beside ``lms.html``, a page that plays the LMS: it
defines SCORM 1.2's ``window.API``, keeps the values set on it, records every call
in ``window.calls``, and shows the course in a frame inside a frame (as LMSs nest
their players), so the page finds the API by walking up its parents.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from browsing import DESKTOP, Quiet
from playwright.sync_api import Browser, Frame, Page
from scorm_manifest import manifest_problems

from brakes.config import COURSE
from brakes.sphinxext import scorm_package as scorm

pytestmark = pytest.mark.browser

#: No favicon asked of the server (a 404 in the console).
ICON = '<link rel="icon" href="data:,">'
#: The stand-in LMS: SCORM 1.2's API on the top window, every call recorded with its result.
#: ``?store={...}`` starts it with values an earlier session left (suspend_data, status).
LMS = """<!doctype html><html lang="en"><head><title>Stand-in LMS</title>{ICON}<script>
window.calls = [];
const store = {"cmi.core.lesson_status": "not attempted", "cmi.suspend_data": ""};
Object.assign(store, JSON.parse(new URLSearchParams(location.search).get("store") || "{}"));
const record = (name, args, result) => { calls.push([name, ...args, result]); return result; };
window.API = {
  LMSInitialize: (arg) => record("LMSInitialize", [arg], "true"),
  LMSFinish: (arg) => record("LMSFinish", [arg], "true"),
  LMSGetValue: (key) => record("LMSGetValue", [key], store[key] ?? ""),
  LMSSetValue: (key, value) => {
    store[key] = String(value);
    return record("LMSSetValue", [key, value], "true");
  },
  LMSCommit: (arg) => record("LMSCommit", [arg], "true"),
  LMSGetLastError: () => record("LMSGetLastError", [], "0"),
  LMSGetErrorString: (code) => record("LMSGetErrorString", [code], "No error"),
  LMSGetDiagnostic: (code) => record("LMSGetDiagnostic", [code], ""),
};
</script></head><body><iframe title="player" src="player.html"></iframe></body></html>""".replace(
    "{ICON}", ICON
)
#: The LMS's player: a frame without the API, holding the course's frame.
PLAYER = """<!doctype html><html lang="en"><head><title>Player</title>{ICON}</head>
<body><iframe name="course" title="course" src="course/{launch}"></iframe></body></html>""".replace(
    "{ICON}", ICON
)


@pytest.fixture(scope="module")
def package(sites: dict, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The SCORM package of this run's learner edition, as `make scorm` writes it."""
    target = tmp_path_factory.mktemp("scorm") / scorm.package_name(COURSE.version)
    scorm.write_package(sites["learner"].html, target, COURSE.version)
    return target


@pytest.fixture(scope="module")
def lms(package: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base address of a server holding the LMS's pages and the package, unzipped in course/."""
    root = tmp_path_factory.mktemp("lms")
    with zipfile.ZipFile(package) as archive:
        archive.extractall(root / "course")
    (root / "lms.html").write_text(LMS, encoding="utf-8")
    (root / "player.html").write_text(PLAYER.format(launch=scorm.LAUNCH), encoding="utf-8")
    (root / "blank.html").write_text("<!doctype html><title>Blank</title>" + ICON, encoding="utf-8")
    handler = functools.partial(Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def console() -> list[str]:
    """The console errors, uncaught exceptions and failed requests of the test's page."""
    return []


@pytest.fixture
def page(browser: Browser, console: list[str]) -> Iterator[Page]:
    """A fresh desktop page whose console errors and uncaught exceptions fail the test."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and console.append(f"{m.text} {m.location}"))
    page.on("pageerror", lambda error: console.append(f"{error} {error.stack}"))
    page.on("response", lambda r: r.status >= 400 and console.append(f"{r.status} {r.url}"))
    yield page
    context.close()
    assert console == []


def chapters(package: Path) -> list[str]:
    """The chapter pages the build told the script to track (its tag's data-chapters)."""
    with zipfile.ZipFile(package) as archive:
        launch = archive.read(scorm.LAUNCH).decode()
    tag = re.search(r'<script data-chapters="([^"]*)"[^>]*brakes-scorm\.js', launch)
    assert tag, "the launch page has no SCORM script"
    return json.loads(tag.group(1).replace("&quot;", '"'))


def course_frame(page: Page) -> Frame:
    frame = page.frame(name="course")
    assert frame is not None
    return frame


def wait_for_call(page: Page, *call: str) -> None:
    """Wait until the LMS has recorded a call that starts with ``call``."""
    page.wait_for_function(
        "(call) => calls.some((c) => call.every((part, i) => c[i] === part))", arg=list(call)
    )


def calls(page: Page) -> list[list[Any]]:
    return page.evaluate("calls")


def sessions(recorded: list[list[Any]]) -> list[list[list[Any]]]:
    """The calls split at each LMSInitialize: one list per page opened."""
    split: list[list[list[Any]]] = []
    for call in recorded:
        if call[0] == "LMSInitialize":
            split.append([])
        split[-1].append(call)
    return split


def set_values(session: list[list[Any]], key: str) -> list[str]:
    return [c[2] for c in session if c[0] == "LMSSetValue" and c[1] == key]


def test_the_package_is_a_scorm_1_2_package(package: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        assert manifest_problems(archive) == []


def test_the_chapters_tracked_are_the_course_chapters(package: Path) -> None:
    pages = chapters(package)
    for brake in ("control", "understanding", "strategy"):
        assert f"course/{brake}/index.html" in pages
    assert "course/setup.html" not in pages


def test_opening_every_chapter_completes_the_course(page: Page, lms: str, package: Path) -> None:
    pages = chapters(package)
    page.goto(lms + "lms.html")
    wait_for_call(page, "LMSInitialize")
    frame = course_frame(page)
    for chapter in pages:
        frame.goto(lms + "course/" + chapter)
        page.wait_for_function(
            "(page) => calls.some((c) => c[1] === 'cmi.suspend_data' && c[2].includes(page))",
            arg=chapter,
        )
    frame.goto(lms + "course/" + scorm.LAUNCH)  # leaving the last chapter ends its session
    page.wait_for_function(
        "(n) => calls.filter((c) => c[0] === 'LMSInitialize').length > n", arg=len(pages) + 1
    )
    recorded = calls(page)
    print("\n".join(json.dumps(call) for call in recorded))  # shown by -s, or on a failure
    per_page = sessions(recorded)
    assert len(per_page) == len(pages) + 2  # the launch page, each chapter, the launch page
    for session in per_page[:-1]:  # every page left: committed, then finished
        assert session[0] == ["LMSInitialize", "", "true"]
        assert [c[0] for c in session[-2:]] == ["LMSCommit", "LMSFinish"]
    statuses = [set_values(s, "cmi.core.lesson_status") for s in per_page]
    assert statuses[0] == ["incomplete"]
    assert statuses[-2] == ["completed"]  # the last chapter's page, and not before
    assert all(status == [] for status in statuses[1:-2] + statuses[-1:])
    saved = ""
    for session in per_page:  # each page reads back what the page before it saved
        read = [c[2] for c in session if c[:2] == ["LMSGetValue", "cmi.suspend_data"]]
        assert read == [saved]
        saved = (set_values(session, "cmi.suspend_data") or [saved])[-1]
    assert json.loads(saved)["opened"] == pages


def test_a_later_session_completes_with_what_the_lms_kept(
    page: Page, lms: str, package: Path
) -> None:
    *read, last = chapters(package)
    opened = json.dumps({"opened": read})
    kept = {"cmi.core.lesson_status": "incomplete", "cmi.suspend_data": opened}
    page.goto(lms + "lms.html?store=" + quote(json.dumps(kept)))
    wait_for_call(page, "LMSInitialize")
    course_frame(page).goto(lms + "course/" + last)
    wait_for_call(page, "LMSSetValue", "cmi.core.lesson_status", "completed")


def test_a_quiz_taken_reports_its_score(page: Page, lms: str, package: Path) -> None:
    page.goto(lms + "lms.html")
    frame = course_frame(page)
    frame.goto(lms + "course/course/control/index.html")
    wait_for_call(page, "LMSInitialize")
    quizzes = frame.locator(".brakes-quiz").evaluate_all("qs => qs.map((q) => q.id)")
    assert len(quizzes) > 1
    for number, quiz in enumerate(quizzes):  # the first answered wrong, the others right
        verdict = "wrong" if number == 0 else "right"
        frame.locator(f"#{quiz} .brakes-quiz-option[data-verdict={verdict}] label").first.click()
        if number < len(quizzes) - 1:  # not taken until every question has an answer
            assert not any(c[1:2] == ["cmi.core.score.raw"] for c in calls(page))
    expected = str(round(100 * (len(quizzes) - 1) / len(quizzes)))
    wait_for_call(page, "LMSSetValue", "cmi.core.score.raw", expected)
    recorded = calls(page)
    assert ["LMSSetValue", "cmi.core.score.min", "0", "true"] in recorded
    assert ["LMSSetValue", "cmi.core.score.max", "100", "true"] in recorded
    assert recorded[-1][0] == "LMSCommit"


def test_a_window_the_lms_opened_finds_its_api(page: Page, lms: str) -> None:
    page.goto(lms + "blank.html")
    page.add_script_tag(content=LMS.split("<script>")[1].split("</script>")[0])
    with page.expect_popup() as opened:
        page.evaluate("url => window.open(url)", lms + "course/" + scorm.LAUNCH)
    opened.value.wait_for_load_state()
    wait_for_call(page, "LMSInitialize")


def test_without_an_lms_a_page_calls_nothing_and_logs_no_error(
    page: Page, console: list[str], lms: str, package: Path
) -> None:
    chapter = chapters(package)[0]
    page.goto(lms + "course/" + chapter)  # no parent, no opener: the normal site
    assert page.locator("script[src*='brakes-scorm.js']").count() == 1
    page.goto(lms + "blank.html")  # leaving the page runs its pagehide too
    assert console == []
    # In a frame of another origin (localhost against 127.0.0.1), whose window may not be read.
    page.goto(lms.replace("127.0.0.1", "localhost") + "blank.html")
    page.evaluate(
        "url => new Promise((done) => { const f = document.createElement('iframe');"
        " f.onload = done; f.src = url; document.body.append(f); })",
        lms + "course/" + chapter,
    )
    page.goto(lms + "blank.html")
    assert [error for error in console if "brakes-scorm" in error] == []
    # The theme's scripts and Sphinx's highlighter read localStorage, which Chromium denies a
    # frame of another origin here (SecurityError): not this script's doing, nor this test's.
    console.clear()
