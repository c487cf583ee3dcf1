/* Check-ins waiting on this phone (IndexedDB), each sent once: the server keeps their ids.
   Loaded by the pages and by the service worker (importScripts), so it uses `self`. */
(function (root) {
  "use strict";
  var DB = "fibrolog", STORE = "checkins", ENDPOINT = "/checkin/sync/";

  function open() {
    return new Promise(function (resolve, reject) {
      var req = indexedDB.open(DB, 1);
      req.onupgradeneeded = function () { req.result.createObjectStore(STORE, { keyPath: "id" }); };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }

  function run(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(STORE, mode), req = work(t.objectStore(STORE));
        t.oncomplete = function () { db.close(); resolve(req ? req.result : undefined); };
        t.onerror = t.onabort = function () { db.close(); reject(t.error); };
      });
    });
  }

  function newId() {
    if (root.crypto && root.crypto.randomUUID) return root.crypto.randomUUID();
    var b = root.crypto.getRandomValues(new Uint8Array(16)), h = [];
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    for (var i = 0; i < 16; i++) h.push((b[i] + 256).toString(16).slice(1));
    return h.slice(0, 4).join("") + "-" + h.slice(4, 6).join("") + "-" + h.slice(6, 8).join("") +
      "-" + h.slice(8, 10).join("") + "-" + h.slice(10).join("");
  }

  function put(entry) { return run("readwrite", function (s) { return s.put(entry); }); }
  function all() { return run("readonly", function (s) { return s.getAll(); }); }
  function remove(id) { return run("readwrite", function (s) { return s.delete(id); }); }
  function clear() { return run("readwrite", function (s) { return s.clear(); }); }

  function json(response) {
    var type = response.headers.get("content-type") || "";
    if (response.redirected || type.indexOf("json") < 0) throw new Error("not logged in");
    return response.json().then(function (body) { return { status: response.status, body: body }; });
  }

  function send(entry, who) {
    return fetch(ENDPOINT, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": who.csrf, Accept: "application/json" },
      body: JSON.stringify({ id: entry.id, fields: entry.fields })
    }).then(json).then(function (res) {
      var status = res.body.status;
      if (status === "saved" || status === "already") return remove(entry.id).then(function () { return 1; });
      if (status === "invalid") {  // kept, not retried: the note shows why
        var errors = res.body.errors || {};
        entry.error = Object.keys(errors).map(function (k) { return errors[k].join(" "); }).join(" ");
        return put(entry).then(function () { return 0; });
      }
      throw new Error("unexpected answer " + res.status);
    });
  }

  var sending = null;

  /* Send every waiting check-in of the person logged in; one flush at a time per page. */
  function flush() {
    if (sending) return sending;
    sending = all().then(function (entries) {
      var mine = entries.filter(function (e) { return !e.error; });
      if (!mine.length) return { sent: 0, waiting: entries.length };
      return fetch(ENDPOINT, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(json)
        .then(function (res) {
          var who = res.body, sent = 0, chain = Promise.resolve();
          mine.forEach(function (entry) {
            if (entry.user !== who.user) return;  // another account's: never sent as this one
            chain = chain.then(function () { return send(entry, who); })
              .then(function (n) { sent += n; });
          });
          return chain.then(all).then(function (left) { return { sent: sent, waiting: left.length }; });
        });
    }).then(function (result) { sending = null; return result; },
            function (error) { sending = null; throw error; });
    return sending;
  }

  root.fibrologQueue = { newId: newId, put: put, all: all, remove: remove, clear: clear, flush: flush };
})(self);
