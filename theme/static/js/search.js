// The search page: Pagefind's UI with its filters, prefilled from ?q= (the header form).
// Configuration comes from data- attributes, never from text pasted into the script.
(function () {
  "use strict";
  var root = document.getElementById("search");
  if (!root || typeof PagefindUI === "undefined") {
    if (root) {
      root.textContent = "The search index is missing: build the site with `make html`.";
    }
    return;
  }
  var ui = new PagefindUI({
    element: "#search",
    bundlePath: root.dataset.bundle,
    baseUrl: root.dataset.baseUrl,
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    highlightParam: "highlight",
    openFilters: ["speaker"],
    translations: { placeholder: "Search articles and quotes" }
  });
  var params = new URLSearchParams(window.location.search);
  var query = params.get("q");
  if (query) {
    ui.triggerSearch(query);
  }
  var header = document.getElementById("site-search-q");
  if (header && query) {
    header.value = query;
  }
})();
