// Instant search: as the user types, ask the server for the result list (the same matching as
// /officials?q=) and put it under the box. Without JavaScript the form submits to /page/search.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var results = document.getElementById("results");
  if (!input || !results || !window.fetch) return;
  var timer = null, last = null, controller = null;
  function update() {
    var q = input.value.trim();
    if (q === last) return;
    last = q;
    if (controller) controller.abort();
    if (!q) { results.innerHTML = ""; return; }
    controller = window.AbortController ? new AbortController() : null;
    fetch("/page/search?fragment=1&q=" + encodeURIComponent(q), controller ? { signal: controller.signal } : {})
      .then(function (r) { return r.ok ? r.text() : ""; })
      .then(function (html) {
        var holder = document.createElement("div");
        holder.innerHTML = html;
        var fresh = holder.querySelector("#results");
        if (fresh) results.innerHTML = fresh.innerHTML;
      })
      .catch(function () { /* aborted or offline: keep what is shown */ });
  }
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(update, 150);
  });
})();
