// Highlight the search terms on an article opened from a search result (?highlight=...).
const params = new URLSearchParams(window.location.search);
if (params.has("highlight")) {
  const bundle = document.querySelector("script[data-bundle]").dataset.bundle;
  import(bundle + "pagefind-highlight.js")
    .then(() => {
      // eslint-disable-next-line no-undef
      new PagefindHighlight({ highlightParam: "highlight" });
    })
    .catch(() => {
      // no index (e.g. opened from disk): the page stays readable, just unhighlighted
    });
}
