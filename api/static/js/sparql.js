// The SPARQL page: YASGUI (vendored under /static/vendor/yasgui) on this server's /sparql, with the
// named queries as examples. Without JavaScript the plain form posts to /sparql.
(function () {
  "use strict";
  var el = document.getElementById("yasgui");
  if (!el || !window.Yasgui) return;
  var plain = document.getElementById("plain-sparql");
  var first = plain ? plain.querySelector("textarea").value : "";
  var yasgui = new window.Yasgui(el, {
    requestConfig: { endpoint: el.getAttribute("data-endpoint"), method: "POST" },
    copyEndpointOnNewTab: false,
    persistenceId: null,
    populateFromUrl: false,
    endpointCatalogueOptions: { getData: function () { return []; } },
    yasqe: { value: first, autocompleters: ["variables", "prefixes"] }
  });
  window.vnkgYasgui = yasgui;
  if (plain) plain.hidden = true;
  Array.prototype.forEach.call(document.querySelectorAll("button.load-example"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var pre = document.querySelector('pre.query[data-name="' + button.getAttribute("data-target") + '"]');
      var tab = yasgui.getTab();
      tab.setQuery(pre.textContent);
      el.scrollIntoView({ behavior: "smooth" });
    });
  });
})();
