// Register the archive's service worker, so a visited archive can be searched offline.
// Not on file:// pages (browsers refuse service workers there; the search page has its
// own fallback).
(function () {
  "use strict";
  var script = document.currentScript;
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(window.location.protocol)) {
    return;
  }
  var url = new URL(script.dataset.sw, window.location.href);
  navigator.serviceWorker.register(url.href, { scope: new URL("./", url).pathname })
    .catch(function () { /* no offline copy: the site works as before */ });
})();
