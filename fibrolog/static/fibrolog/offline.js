/* Installable and offline: register the service worker, keep the check-in shell, queue a
   check-in saved with no connection and send it when the connection returns. Without this
   script every page works as before; the check-in then needs a connection. */
(function () {
  "use strict";
  var queue = self.fibrologQueue;
  var userMeta = document.querySelector('meta[name="fibrolog-user"]');
  var user = userMeta ? userMeta.content : "";
  var note = document.getElementById("phone-queue");

  function say(text) {
    if (!note) return;
    note.textContent = text;
    note.hidden = !text;
  }

  function plural(n) { return n === 1 ? "1 check-in" : n + " check-ins"; }

  function showWaiting() {
    return queue.all().then(function (entries) {
      var failed = entries.filter(function (e) { return e.error; });
      if (failed.length) {
        say("A check-in saved on this phone could not be sent: " + failed[0].error);
      } else if (entries.length) {
        say(plural(entries.length) + " saved on this phone, will send when online.");
      }
      return entries.length;
    });
  }

  function flush() {
    if (!user || !navigator.onLine) return Promise.resolve();
    return queue.flush().then(function (result) {
      if (result.sent) say("Sent " + plural(result.sent) + " saved on this phone. Thank you.");
      if (result.waiting) return showWaiting();
    }, function () { return showWaiting(); });
  }

  function diaryDay(zone, dayStart) {
    var parts = {};
    new Intl.DateTimeFormat("en-CA", {
      timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23"
    }).formatToParts(new Date()).forEach(function (p) { parts[p.type] = p.value; });
    var day = new Date(Date.UTC(+parts.year, +parts.month - 1, +parts.day));
    if (+parts.hour < dayStart) day.setUTCDate(day.getUTCDate() - 1);
    return day.toISOString().slice(0, 10);
  }

  function fields(form) {
    var out = {};
    new FormData(form).forEach(function (value, name) {
      if (name === "csrfmiddlewaretoken" || typeof value !== "string") return;
      if (name in out) out[name] = [].concat(out[name], value);
      else out[name] = value;
    });
    return out;
  }

  function keep(form) {
    var entry = { id: queue.newId(), user: user, fields: fields(form), saved_at: new Date().toISOString() };
    return queue.put(entry).then(function () {
      form.reset();
      say("Saved on this phone, will send when online.");
      if (navigator.serviceWorker) {
        navigator.serviceWorker.ready.then(function (reg) {
          if (reg.sync) return reg.sync.register("checkins");
        }).catch(function () {});
      }
      return flush();
    });
  }

  var shell = document.querySelector("form[data-offline-shell]");
  if (shell) {
    var day = diaryDay(shell.dataset.zone || "UTC", +(shell.dataset.dayStart || 0));
    shell.elements.day.value = day;
    var label = document.querySelector("[data-shell-day]");
    if (label) label.textContent = day;
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.matches("form.checkin") && user && (form.hasAttribute("data-offline-shell") || !navigator.onLine)) {
      event.preventDefault();
      if (shell === form) form.elements.day.value = diaryDay(form.dataset.zone || "UTC", +(form.dataset.dayStart || 0));
      keep(form);
    } else if (form.matches('form[action="/logout/"]') && !form.dataset.cleared) {
      event.preventDefault();  // send what waits, then forget everything this phone keeps
      var go = function () {
        form.dataset.cleared = "1";
        Promise.all([queue.clear(), self.caches ? caches.keys().then(function (names) {
          return Promise.all(names.map(function (n) { return caches.delete(n); }));
        }) : null]).catch(function () {}).then(function () { form.submit(); });
      };
      (navigator.onLine ? queue.flush() : Promise.resolve()).catch(function () {}).then(queue.all).then(function (left) {
        if (!left.length || window.confirm(plural(left.length) + " saved on this phone will be lost. Log out anyway?")) go();
      });
    }
  });

  window.addEventListener("online", flush);
  if (navigator.serviceWorker) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
    navigator.serviceWorker.addEventListener("message", function (event) {
      var result = event.data && event.data.queue;
      if (result && result.sent) say("Sent " + plural(result.sent) + " saved on this phone. Thank you.");
    });
  }
  function keepShell(name, response) {
    return caches.open(name).then(function (cache) { return cache.put("/today/shell/", response); });
  }
  if (user && navigator.onLine && self.caches && location.pathname === "/today/" && !shell) {
    // Kept twice, one copy after the other: a write cut short (the page left mid-write, which
    // loses the old entry too) costs at most one copy, and the service worker reads either.
    fetch("/today/shell/", { credentials: "same-origin" }).then(function (response) {
      if (!response.ok || response.redirected) return;
      var copy = response.clone();
      return keepShell("fibrolog-shell", response).then(function () { return keepShell("fibrolog-shell-b", copy); })
        .then(function () { document.documentElement.setAttribute("data-shell-kept", ""); });
    }).catch(function () {});
  }
  if (user) showWaiting().then(flush);
})();
