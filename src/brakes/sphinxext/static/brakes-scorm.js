// SCORM 1.2 inside an LMS: tell it which chapters the learner opened, when the
// course is complete, and the quizzes' score. On the normal site no LMS's API
// is found and the script does nothing else (brakes.sphinxext.scorm).
//
// What the LMS keeps (cmi.suspend_data, read back on every page, so it holds
// across pages and sessions): {"opened": [chapter pages], "quiz": {page: [right, asked]}}.
// The chapter pages come from the build, in this script tag's data-chapters.
(() => {
  const script = document.currentScript;

  // SCORM 1.2's search, up the parents then the opener's (brakes-scorm-find.js, loaded first).
  // In the SCORM package the API found is its launch page's (brakes-scorm-launch.js): it holds
  // the LMS's one session for the visit and answers this page's LMSInitialize and LMSFinish.
  const api = window.brakesFindAPI(window);
  if (!api || String(api.LMSInitialize("")) !== "true") return;

  // This page's path from the site's root (course/control/index.html), as data-chapters names it.
  const root = new URL(document.documentElement.dataset.content_root || "./", location.href);
  const page = decodeURIComponent(location.pathname.slice(root.pathname.length)) || "index.html";
  const chapters = JSON.parse(script.dataset.chapters || "[]");

  const read = () => {
    try {
      const saved = JSON.parse(api.LMSGetValue("cmi.suspend_data") || "{}");
      return { opened: saved.opened || [], quiz: saved.quiz || {} };
    } catch (error) {
      if (error instanceof SyntaxError) return { opened: [], quiz: {} }; // not ours: start anew
      throw error;
    }
  };
  const state = read();
  const save = () => api.LMSSetValue("cmi.suspend_data", JSON.stringify(state));

  // Opened: this page counts once. Complete when every chapter page has been opened.
  if (chapters.includes(page) && !state.opened.includes(page)) {
    state.opened.push(page);
    save();
  }
  const status = String(api.LMSGetValue("cmi.core.lesson_status"));
  if (status !== "completed" && status !== "passed") {
    const done = chapters.every((chapter) => state.opened.includes(chapter));
    const wanted = done ? "completed" : "incomplete";
    if (status !== wanted) api.LMSSetValue("cmi.core.lesson_status", wanted);
    // "suspend": the LMS keeps suspend_data for the learner's next session.
    api.LMSSetValue("cmi.core.exit", done ? "" : "suspend");
  }

  // A page's quiz is taken when each of its questions has an answer; the first answer counts.
  // The score is the share of right first answers over every quiz taken, in percent.
  const questions = document.querySelectorAll(".brakes-quiz");
  const first = new Map();
  document.addEventListener("change", (event) => {
    const input = event.target;
    if (!input.matches(".brakes-quiz input[type=radio]") || first.has(input.name)) return;
    first.set(input.name, input.closest(".brakes-quiz-option").dataset.verdict === "right");
    if (first.size < questions.length) return;
    state.quiz[page] = [[...first.values()].filter(Boolean).length, first.size];
    save();
    const taken = Object.values(state.quiz);
    const right = taken.reduce((sum, [r]) => sum + r, 0);
    const asked = taken.reduce((sum, [, n]) => sum + n, 0);
    api.LMSSetValue("cmi.core.score.min", "0");
    api.LMSSetValue("cmi.core.score.max", "100");
    api.LMSSetValue("cmi.core.score.raw", String(Math.round((100 * right) / asked)));
    api.LMSCommit("");
  });

  // Leaving the page ends its session (the launch page's API only notes it): pagehide and
  // beforeunload may both come, once is enough.
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    api.LMSCommit("");
    api.LMSFinish("");
  };
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
})();
