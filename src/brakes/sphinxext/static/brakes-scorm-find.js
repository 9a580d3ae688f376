// SCORM 1.2's search for the LMS's API (ADL's findAPI), written once for the two scripts
// that need it: every learner page's brakes-scorm.js and the SCORM package's launch page
// (brakes-scorm-launch.js). Loaded before them; defines window.brakesFindAPI(win), which
// gives the API object, or null where there is none (the normal site, the offline zip).
window.brakesFindAPI = (() => {
  // The API object of `win`, or null; a window of another origin cannot be read.
  const apiOf = (win) => {
    try {
      return win.API && typeof win.API.LMSInitialize === "function" ? win.API : null;
    } catch (error) {
      if (error.name === "SecurityError") return null;
      throw error;
    }
  };

  // `start` and up to 7 of its parents.
  const search = (start) => {
    let win = start;
    for (let tries = 0; tries <= 7; tries += 1) {
      const api = apiOf(win);
      if (api || !win.parent || win.parent === win) return api;
      win = win.parent;
    }
    return null;
  };

  // This window and its parents, then the window that opened it and its parents.
  return (win) => search(win) || (win.opener ? search(win.opener) : null);
})();
