/* Turn on Web Push for this browser and give its subscription to the server. */
(function () {
  "use strict";
  var box = document.getElementById("push");
  if (!box || !("serviceWorker" in navigator) || !("PushManager" in window)) return;
  var button = box.querySelector("[data-push-on]"), status = box.querySelector("[data-push-status]");
  var token = document.querySelector('input[name="csrfmiddlewaretoken"]');

  function key(text) {
    var padded = (text + "===".slice((text.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = atob(padded), out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }

  button.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = "Asking this browser ...";
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (reg) {
      return reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key(box.dataset.pushKey) });
    }).then(function (subscription) {
      return fetch(box.dataset.subscribe, {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": token ? token.value : "" },
        body: JSON.stringify(subscription.toJSON())
      });
    }).then(function (response) {
      status.textContent = response.ok ? "Notifications are on for this device." : "The server did not keep it; please try again.";
    }).catch(function (error) {
      status.textContent = "Notifications could not be turned on here: " + error.message;
    });
  });
})();
