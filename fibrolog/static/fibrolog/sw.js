/* fibrolog's service worker: keeps the check-in shell and its files for use offline.
   Personal pages are never cached: only the check-in shell (no values) and static files. */
"use strict";
importScripts("/static/fibrolog/queue.js");

var VERSION = "__VERSION__";
var ASSETS = ["__ASSETS__"];
var STATIC_CACHE = "fibrolog-static-" + VERSION;
var SHELL_CACHE = "fibrolog-shell";
var SHELL = "/today/shell/";

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(STATIC_CACHE).then(function (cache) { return cache.addAll(ASSETS); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("fibrolog-static-") === 0 && name !== STATIC_CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function offlinePage() {
  // The page keeps the shell in two caches (offline.js): the first holds the newest.
  return caches.open(SHELL_CACHE).then(function (cache) { return cache.match(SHELL); })
    .then(function (shell) { return shell || caches.open(SHELL_CACHE + "-b").then(function (cache) { return cache.match(SHELL); }); })
    .then(function (shell) {
      return shell || new Response(
        "<!doctype html><meta charset=utf-8><meta name=viewport content='width=device-width'>" +
        "<title>Offline · fibrolog</title><p>You are offline, and this phone has no check-in " +
        "saved for offline use yet: open Today once while online.</p>",
        { headers: { "Content-Type": "text/html; charset=utf-8" } });
    });
}

self.addEventListener("fetch", function (event) {
  var request = event.request, url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(offlinePage));
  } else if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok && ASSETS.indexOf(url.pathname) >= 0) {
        var copy = response.clone();
        caches.open(STATIC_CACHE).then(function (cache) { cache.put(request, copy); });
      }
      return response;
    }).catch(function () {
      return caches.match(request).then(function (hit) { return hit || Response.error(); });
    }));
  }
});

function tellPages(result) {
  return self.clients.matchAll({ type: "window" }).then(function (pages) {
    pages.forEach(function (page) { page.postMessage({ queue: result }); });
  });
}

self.addEventListener("sync", function (event) {
  if (event.tag === "checkins") event.waitUntil(self.fibrologQueue.flush().then(tellPages));
});

self.addEventListener("push", function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = {}; }
  event.waitUntil(self.registration.showNotification(data.title || "fibrolog", {
    body: data.body || "Time for your check-in.",
    icon: "/static/fibrolog/icons/icon-192.png",
    tag: "fibrolog-reminder",
    data: { url: data.url || "/today/" }
  }));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var target = (event.notification.data && event.notification.data.url) || "/today/";
  event.waitUntil(self.clients.matchAll({ type: "window" }).then(function (pages) {
    for (var i = 0; i < pages.length; i++) {
      if ("focus" in pages[i]) return pages[i].navigate(target).then(function (p) { return p && p.focus(); });
    }
    return self.clients.openWindow(target);
  }));
});
