"""The SCORM 1.2 package in a stand-in LMS: what the course's pages tell the LMS, call by call.

The package is made from this test run's learner edition (tests/site_builds.py),
unzipped and served over HTTP beside ``lms.html``, a page that plays the LMS: it
defines SCORM 1.2's ``window.API``, keeps the values set on it, records every call
in ``window.calls``, and opens the manifest's launch page in a frame inside a frame
(as LMSs nest their players). The launch page finds the API by walking up its
parents and shows the course's pages in its own frame. The stand-in is as strict as
SCORM 1.2 runtimes such as SCORM Cloud's or scorm-again's: one session per attempt,
so an ``LMSInitialize`` after ``LMSFinish`` is refused ("false", error 101) and a
call outside the session too (error 301).
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
from browsing import DESKTOP, PHONE, Quiet
from playwright.sync_api import Browser, Frame, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from scorm_manifest import manifest_problems

from brakes.config import COURSE
from brakes.sphinxext import scorm_package as scorm

pytestmark = pytest.mark.browser

#: How long a test waits for a call the LMS should see: a page records itself in well under 1 s.
WAIT_MS = 5_000

#: Every stand-in page's head: no favicon asked of the server (a 404 in the console), and
#: frames that fill the window below the LMS's header, as an LMS's player shows a course.
HEAD = """<link rel="icon" href="data:,"><style>
html, body { height: 100%; margin: 0; } body { display: flex; flex-direction: column; }
header { padding: 0.5rem 1rem; background: #234; color: #fff; font: 16px sans-serif; }
iframe { flex: 1; border: 0; width: 100%; }
</style>"""
#: The stand-in LMS: SCORM 1.2's API on the top window, every call recorded with its result.
#: ``?store={...}`` starts it with values an earlier session left (suspend_data, status).
#: One session per attempt: not initialized, running, then finished for good.
LMS = """<!doctype html><html lang="en"><head><title>Stand-in LMS</title>{HEAD}<script>
window.calls = [];
const store = {"cmi.core.lesson_status": "not attempted", "cmi.suspend_data": ""};
Object.assign(store, JSON.parse(new URLSearchParams(location.search).get("store") || "{}"));
const messages = {"0": "No error", "101": "General exception", "301": "Not initialized"};
let session = "not initialized";
let error = "0";
const record = (name, args, result) => { calls.push([name, ...args, result]); return result; };
// A call the running session answers; before LMSInitialize or after LMSFinish, error 301.
const inSession = (name, args, answer, refused = "false") => {
  error = session === "running" ? "0" : "301";
  return record(name, args, error === "0" ? answer() : refused);
};
window.API = {
  LMSInitialize: (arg) => {
    error = session === "not initialized" ? "0" : "101";
    if (error === "0") session = "running";
    return record("LMSInitialize", [arg], error === "0" ? "true" : "false");
  },
  LMSFinish: (arg) => inSession("LMSFinish", [arg], () => { session = "finished"; return "true"; }),
  LMSGetValue: (key) => inSession("LMSGetValue", [key], () => store[key] ?? "", ""),
  LMSSetValue: (key, value) => inSession("LMSSetValue", [key, value], () => {
    store[key] = String(value);
    return "true";
  }),
  LMSCommit: (arg) => inSession("LMSCommit", [arg], () => "true"),
  LMSGetLastError: () => record("LMSGetLastError", [], error),
  LMSGetErrorString: (code) => record("LMSGetErrorString", [code], messages[code] ?? ""),
  LMSGetDiagnostic: (code) => record("LMSGetDiagnostic", [code], ""),
};
</script></head>
<body><header>Stand-in LMS</header><iframe title="player" src="player.html"></iframe></body></html>
""".replace("{HEAD}", HEAD)
#: The LMS's player: a frame without the API, holding the course's frame.
PLAYER = """<!doctype html><html lang="en"><head><title>Player</title>{HEAD}</head>
<body><iframe name="course" title="course" src="course/{launch}"></iframe></body></html>""".replace(
    "{HEAD}", HEAD
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
    (root / "player.html").write_text(PLAYER.replace("{launch}", scorm.LAUNCH), encoding="utf-8")
    (root / "blank.html").write_text("<!doctype html><title>Blank</title>" + HEAD, encoding="utf-8")
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
        first = archive.read(scorm.COURSE_PAGE).decode()
    tag = re.search(r'<script data-chapters="([^"]*)"[^>]*brakes-scorm\.js', first)
    assert tag, "the course's first page has no SCORM script"
    return json.loads(tag.group(1).replace("&quot;", '"'))


def course_frame(page: Page) -> Frame:
    """The LMS's frame that opened the package's launch page."""
    frame = page.frame(name="course")
    assert frame is not None
    return frame


def pages_frame(page: Page) -> Frame:
    """The frame showing the course's pages: the innermost below the LMS's (the launch page's)."""
    frame = course_frame(page)
    while frame.child_frames:
        frame = frame.child_frames[0]
    return frame


def calls(page: Page) -> list[list[Any]]:
    return page.evaluate("calls")


def shown(recorded: list[list[Any]]) -> str:
    """The calls one a line, as a failure or ``pytest -s`` prints them."""
    return "\n".join(json.dumps(call) for call in recorded)


def wait_until(page: Page, condition: str, arg: Any, what: str) -> None:
    """Wait a few seconds for ``condition(arg)`` on the LMS's window; fail with every call seen."""
    try:
        page.wait_for_function(condition, arg=arg, timeout=WAIT_MS)
    except PlaywrightTimeoutError:
        pytest.fail(f"the LMS never saw {what}; its calls:\n{shown(calls(page))}")


def wait_for_call(page: Page, *call: str) -> None:
    """Wait until the LMS has recorded a call that starts with ``call``."""
    condition = "(call) => calls.some((c) => call.every((part, i) => c[i] === part))"
    wait_until(page, condition, list(call), str(list(call)))


def wait_for_opened(page: Page, chapter: str) -> None:
    """Wait until the LMS keeps ``chapter`` among the pages opened (cmi.suspend_data)."""
    condition = (
        "(page) => calls.some((c) => c[0] === 'LMSSetValue'"
        " && c[1] === 'cmi.suspend_data' && c[2].includes(page))"
    )
    wait_until(page, condition, chapter, f"{chapter} saved as opened")


def set_values(recorded: list[list[Any]], key: str) -> list[str]:
    return [c[2] for c in recorded if c[0] == "LMSSetValue" and c[1] == key]


def test_the_package_is_a_scorm_1_2_package(package: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        assert manifest_problems(archive) == []


def test_the_chapters_tracked_are_the_course_chapters(package: Path) -> None:
    pages = chapters(package)
    for brake in ("control", "understanding", "strategy"):
        assert f"course/{brake}/index.html" in pages
    assert "course/setup.html" not in pages


def test_one_session_records_every_chapter_and_completes_the_course(
    page: Page, lms: str, package: Path
) -> None:
    pages = chapters(package)
    page.goto(lms + "lms.html")
    for chapter in pages:  # the learner walks the chapters in the LMS's frame
        pages_frame(page).goto(lms + "course/" + chapter)
        wait_for_opened(page, chapter)
    walked = calls(page)
    course_frame(page).goto(lms + "blank.html")  # then leaves the launch page
    wait_for_call(page, "LMSFinish")
    recorded = calls(page)
    print(shown(recorded))  # shown by -s
    names = [c[0] for c in recorded]
    assert recorded[0] == ["LMSInitialize", "", "true"]
    assert names.count("LMSInitialize") == 1  # one session for the whole visit
    assert "LMSFinish" not in [c[0] for c in walked]  # not while the learner reads
    assert names.count("LMSFinish") == 1  # once, when the launch page is left: the last call
    assert recorded[-2:] == [["LMSCommit", "", "true"], ["LMSFinish", "", "true"]]
    assert [c for c in recorded if c[-1] == "false"] == []  # no call refused
    assert set_values(recorded, "cmi.core.lesson_status") == ["incomplete", "completed"]
    saved, all_opened = "", False
    for number, call in enumerate(recorded):  # each page reads back what the pages before saved
        if call[:2] == ["LMSGetValue", "cmi.suspend_data"]:
            assert call[2] == saved
        if call[:2] == ["LMSSetValue", "cmi.suspend_data"]:
            saved = call[2]
            all_opened = json.loads(saved)["opened"] == pages
        if call[:3] == ["LMSSetValue", "cmi.core.lesson_status", "completed"]:
            assert all_opened, f"completed at call {number}, before every chapter was opened"
    assert json.loads(saved)["opened"] == pages


def test_a_later_session_completes_with_what_the_lms_kept(
    page: Page, lms: str, package: Path
) -> None:
    *read, last = chapters(package)
    opened = json.dumps({"opened": read})
    kept = {"cmi.core.lesson_status": "incomplete", "cmi.suspend_data": opened}
    page.goto(lms + "lms.html?store=" + quote(json.dumps(kept)))
    wait_for_call(page, "LMSInitialize")
    pages_frame(page).goto(lms + "course/" + last)
    wait_for_call(page, "LMSSetValue", "cmi.core.lesson_status", "completed")


def test_a_quiz_taken_reports_its_score(page: Page, lms: str) -> None:
    page.goto(lms + "lms.html")
    frame = pages_frame(page)
    frame.goto(lms + "course/course/control/index.html")
    wait_for_opened(page, "course/control/index.html")
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
    assert recorded[-1] == ["LMSCommit", "", "true"]


def test_a_window_the_lms_opened_finds_its_api(page: Page, lms: str) -> None:
    page.goto(lms + "blank.html")
    page.add_script_tag(content=LMS.split("<script>")[1].split("</script>")[0])
    with page.expect_popup() as opened:
        page.evaluate("url => window.open(url)", lms + "course/" + scorm.LAUNCH)
    opened.value.wait_for_load_state()
    wait_for_call(page, "LMSInitialize", "", "true")
    wait_for_call(page, "LMSSetValue", "cmi.core.lesson_status", "incomplete")  # by its first page


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_launch_page_fills_its_frame_and_the_keyboard_reaches_the_course(
    browser: Browser, lms: str, viewport: dict[str, int]
) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(lms + "lms.html")
    launch = course_frame(page)
    assert launch.url.endswith("/" + scorm.LAUNCH)
    size = launch.evaluate(
        """() => {
          const frame = document.querySelector("iframe").getBoundingClientRect();
          const root = document.documentElement;
          return {
            frame: [frame.left, frame.top, frame.width, frame.height],
            window: [0, 0, innerWidth, innerHeight],
            scrolls: root.scrollHeight > innerHeight || root.scrollWidth > innerWidth,
          };
        }"""
    )
    assert size["frame"] == size["window"]  # the course fills the launch page
    assert size["scrolls"] is False  # which never scrolls itself: one scrollbar, the course's
    title = launch.locator("iframe").get_attribute("title")
    assert title and title == launch.title()
    page.keyboard.press("Tab")  # from the LMS's page, the first Tab lands in the course's page
    assert (
        pages_frame(page).evaluate("document.hasFocus() && document.activeElement.tagName") == "A"
    )
    context.close()


def test_outside_an_lms_the_launch_page_shows_the_course_and_calls_nothing(
    page: Page, lms: str
) -> None:
    page.goto(lms + "course/" + scorm.LAUNCH)  # no parent, no opener: an unzipped package
    assert page.evaluate("window.API") is None
    frame = page.main_frame.child_frames[0]
    assert frame.url == lms + "course/" + scorm.COURSE_PAGE
    assert frame.locator("script[src*='brakes-scorm.js']").count() == 1


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
