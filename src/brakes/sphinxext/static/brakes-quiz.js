// Repeat a quiz answer's verdict in the question's live region, so screen
// readers announce it. The explanation itself is shown by CSS alone.
document.addEventListener("change", (event) => {
  const input = event.target;
  if (!input.matches(".brakes-quiz input[type=radio]")) return;
  const option = input.closest(".brakes-quiz-option");
  const status = input.closest(".brakes-quiz").querySelector(".brakes-quiz-status");
  const why = option.querySelector(".brakes-quiz-why");
  if (status && why) status.textContent = why.textContent;
});
