/* Time zones: fill the browser's zone into set-up, and say when it differs from the account's. */
(function () {
  "use strict";
  var zone = "";
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }
  if (!zone) return;

  var pick = document.querySelector("[data-browser-zone]");
  if (pick && !pick.dataset.chosen) {
    var known = pick.tagName !== "SELECT" || Array.prototype.some.call(pick.options, function (o) { return o.value === zone; });
    if (known) pick.value = zone;
  }

  function offsets(name) {  // two instants half a year apart: same offsets = same clock
    try {
      var f = new Intl.DateTimeFormat("en-GB", { timeZone: name, timeZoneName: "shortOffset" });
      return [Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15)].map(function (t) {
        return f.formatToParts(new Date(t)).filter(function (p) { return p.type === "timeZoneName"; })[0].value;
      }).join();
    } catch (e) { return name; }
  }

  var meta = document.querySelector('meta[name="fibrolog-zone"]');
  var warn = document.getElementById("zone-note");
  if (!meta || !warn || meta.content === zone || offsets(meta.content) === offsets(zone)) return;
  warn.querySelector("[data-phone-zone]").textContent = zone;
  warn.querySelector("[data-account-zone]").textContent = meta.content;
  var field = document.getElementById("id_timezone");
  var use = warn.querySelector("[data-use-zone]");
  if (field && use) {
    use.hidden = false;
    use.addEventListener("click", function () { field.value = zone; field.focus(); });
  }
  warn.hidden = false;
})();
