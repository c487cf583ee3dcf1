// Show the crisis resources on the same page the moment a self-harm answer above 0 is chosen.
// Without JavaScript they appear on the result page instead, before the score.
document.addEventListener("change", (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== "radio") return;
  const box = document.getElementById("crisis");
  const group = document.querySelectorAll(`input[name="${input.name}"][data-crisis]`);
  if (!box || group.length === 0) return;
  if (input.checked && input.dataset.crisis) box.hidden = false;
});
