// The search page. Served over http(s): Pagefind's UI with its filters. Opened from disk
// (file://, where Pagefind cannot load its index) or offline: the same search over
// search-index.js with MiniSearch. Both read ?q= (the header form). Everything shown is
// set as text, never as markup.
(function () {
  "use strict";
  var root = document.getElementById("search");
  if (!root) {
    return;
  }
  var params = new URLSearchParams(window.location.search);
  var query = params.get("q") || "";
  var header = document.getElementById("site-search-q");
  if (header && query) {
    header.value = query;
  }
  // From disk, Pagefind cannot load its index; offline, its result fragments may not all
  // be cached: both search the <script> index kept beside the site (and in the cache).
  if (window.location.protocol === "file:" || navigator.onLine === false) {
    fallback(root, query);
    return;
  }
  if (typeof PagefindUI === "undefined") {
    root.textContent = "The search index is missing: build the site with `make html`.";
    return;
  }
  var ui = new PagefindUI({
    element: "#search",
    bundlePath: new URL(root.dataset.bundle, window.location.href).pathname,
    baseUrl: new URL(root.dataset.baseUrl, window.location.href).pathname,
    // older years' bundles (pagefind_search writes one bundle per year)
    mergeIndex: (root.dataset.merge || "").split(/\s+/).filter(Boolean).map(function (path) {
      return { bundlePath: new URL(path, window.location.href).pathname };
    }),
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    highlightParam: "highlight",
    openFilters: ["speaker"],
    processResult: quoteResults,
    translations: { placeholder: "Search articles and quotes" }
  });
  if (query) {
    ui.triggerSearch(query);
  }

  // One search record per article; its quotations become results of their own here.
  // The record's "quotes" metadata lists [anchor, speaker, type, first word, words]:
  // where each quote stands among the record's words (records mode), or, for an
  // index made from the pages, [anchor, speaker, type] and Pagefind's anchors (each
  // quote's first piece has an id) give the position. A quote the query's words fall
  // inside (or whose speaker is the one filtered on) becomes a sub-result that opens
  // the article at that quote.
  var MARKS = /^[“”"'‘’«»„‹›]+|[“”"'‘’«»„‹›,]+$/g;

  function quoteResults(result) {
    var quotes;
    try {
      quotes = JSON.parse((result.meta && result.meta.quotes) || "[]");
    } catch (err) {
      return result;
    }
    if (!quotes.length) {
      return result;
    }
    var chosen = {};
    document.querySelectorAll("#search input[name='speaker']:checked").forEach(function (box) {
      chosen[box.value] = true;
    });
    var filtered = Object.keys(chosen).length > 0;
    var anchors = {};
    (result.anchors || []).forEach(function (a) { anchors[a.id] = a; });
    var all = null;
    var subs = [];
    quotes.forEach(function (q) {
      var start, words;
      if (q.length >= 5) {
        all = all || (result.content || "").split(/\s+/).filter(Boolean);
        start = q[3];
        words = all.slice(start, start + q[4]);
      } else if (anchors[q[0]] && anchors[q[0]].text) {
        start = anchors[q[0]].location;
        words = anchors[q[0]].text.split(/\s+/).filter(Boolean);
      } else {
        return;
      }
      var end = start + words.length;
      var hits = (result.locations || []).filter(function (w) { return w >= start && w < end; });
      if (filtered ? !chosen[q[1]] : !hits.length) {
        return;
      }
      var marked = words.map(function (word, i) {
        var text = escapeHtml(word);
        return hits.indexOf(start + i) >= 0 ? "<mark>" + text + "</mark>" : text;
      });
      var plain = words.join(" ").replace(MARKS, "");
      var short = plain.length > 90 ? plain.slice(0, 89) + "…" : plain;
      subs.push({
        title: "“" + short + "” — " + (q[1] || "unattributed"),
        url: result.url.split("#")[0] + "#" + q[0],
        locations: hits,
        excerpt: marked.join(" ")
      });
    });
    if (subs.length) {
      result.sub_results = subs;
    }
    return result;
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;");
  }

  function load(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error("cannot load " + src)); };
      document.head.appendChild(s);
    });
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function fallback(container, initial) {
    container.textContent = "";
    var form = el("form", "offline-search");
    form.setAttribute("role", "search");
    var label = el("label", "visually-hidden", "Search articles and quotes");
    label.htmlFor = "offline-q";
    var input = el("input");
    input.type = "search";
    input.id = "offline-q";
    input.placeholder = "Search articles and quotes";
    input.value = initial;
    var speakerLabel = el("label", "offline-search__filter", "Speaker ");
    var select = el("select");
    select.id = "offline-speaker";
    select.appendChild(el("option", null, "All speakers")).value = "";
    speakerLabel.appendChild(select);
    form.append(label, input, speakerLabel);
    var status = el("p", "offline-search__status");
    status.setAttribute("aria-live", "polite");
    var list = el("ol", "offline-search__results");
    container.append(form, status, list);
    status.textContent = "Loading the search index…";

    var base = root.dataset.baseUrl;
    Promise.all([load(root.dataset.minisearch), load(root.dataset.fallbackIndex)]).then(function () {
      var docs = window.ARCHIVE_SEARCH_INDEX.docs;
      var mini = new MiniSearch({
        fields: ["title", "text", "speakers"],
        storeFields: ["kind", "url", "title", "date", "speakers", "article", "text"],
        extractField: function (doc, field) {
          var value = doc[field];
          return Array.isArray(value) ? value.join(" ") : value;
        },
        searchOptions: { boost: { title: 2, speakers: 2 }, prefix: true, fuzzy: 0.15,
                         combineWith: "AND" }
      });
      mini.addAll(docs);
      var speakers = {};
      docs.forEach(function (d) { (d.speakers || []).forEach(function (s) { speakers[s] = 1; }); });
      Object.keys(speakers).sort().forEach(function (s) {
        select.appendChild(el("option", null, s)).value = s;
      });
      function run() {
        list.textContent = "";
        var q = input.value.trim();
        if (!q) { status.textContent = ""; return; }
        var chosen = select.value;
        var hits = mini.search(q, {
          filter: function (r) { return !chosen || (r.speakers || []).indexOf(chosen) >= 0; }
        });
        status.textContent = hits.length + " result" + (hits.length === 1 ? "" : "s") +
          " for " + q + " (offline search)";
        hits.slice(0, 50).forEach(function (r) {
          var item = el("li", "offline-search__result offline-search__result--" + r.kind);
          var link = el("a", "offline-search__link", r.title);
          link.href = base + r.url;
          var meta = el("p", "offline-search__meta",
                        (r.kind === "quotation" ? "Quotation in “" + r.article + "”, " : "") + r.date);
          var excerpt = el("p", "offline-search__excerpt",
                           r.kind === "quotation" ? "" : r.text.slice(0, 220) + "…");
          item.append(link, meta);
          if (excerpt.textContent) { item.appendChild(excerpt); }
          list.appendChild(item);
        });
      }
      input.addEventListener("input", run);
      select.addEventListener("change", run);
      form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
      run();
    }).catch(function (err) {
      status.textContent = "The offline search index could not be loaded (" + err.message + ").";
    });
  }
})();
