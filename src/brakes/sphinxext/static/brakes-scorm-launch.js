// The SCORM package's launch page (scorm-launch.html, written by
// brakes.sphinxext.scorm_package): one LMS session for the learner's whole visit.
//
// In SCORM 1.2 a SCO has one session per attempt: once LMSFinish is called, a strict LMS
// refuses the next LMSInitialize (error 101). The course has many pages, each of which
// would open and close a session (brakes-scorm.js), so this page holds the only one: it
// finds the LMS's API, initializes once, shows the course in its frame and gives the
// pages inside it a window.API of its own. That API answers the pages' LMSInitialize and
// LMSFinish itself and passes every other call to the LMS; this page commits and finishes
// once, when it is left. Without an LMS it defines no API, and the pages do nothing.
//
// Loaded in the launch page's head, before its frame: the API exists before any page
// inside the frame looks for it.
(() => {
  const lms = window.brakesFindAPI(window); // before defining ours, which it would find
  if (!lms || String(lms.LMSInitialize("")) !== "true") return;

  let finished = false;
  const forward = (name) => (...args) => lms[name](...args);
  // Once the session has ended, a page still leaving gets "false" (or "") and the LMS no call.
  const whileOpen = (call, closed) => (...args) => (finished ? closed : call(...args));
  window.API = {
    LMSInitialize: () => "true",
    LMSFinish: () => "true",
    LMSGetValue: whileOpen(forward("LMSGetValue"), ""),
    LMSSetValue: whileOpen(forward("LMSSetValue"), "false"),
    LMSCommit: whileOpen(forward("LMSCommit"), "false"),
    LMSGetLastError: forward("LMSGetLastError"),
    LMSGetErrorString: forward("LMSGetErrorString"),
    LMSGetDiagnostic: forward("LMSGetDiagnostic"),
  };

  window.addEventListener("pagehide", () => {
    if (finished) return;
    finished = true;
    lms.LMSCommit("");
    lms.LMSFinish("");
  });
})();
