// Highlight the search terms on an article opened from a search result (?highlight=...).
// A classic script (module scripts cannot load from file:// pages).
(function () {
  "use strict";
  var script = document.currentScript;
  var params = new URLSearchParams(window.location.search);
  if (!params.has("highlight") || !/^https?:$/.test(window.location.protocol)) {
    return;
  }
  // the bundle path may be relative to the page (relative URLs): make it absolute
  var bundle = new URL(script.dataset.bundle, window.location.href).href;
  import(bundle + "pagefind-highlight.js")
    .then(function () {
      // eslint-disable-next-line no-undef
      new PagefindHighlight({ highlightParam: "highlight" });
    })
    .catch(function () { /* no index: the page stays readable, just unhighlighted */ });
})();
