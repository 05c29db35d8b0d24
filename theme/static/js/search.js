// The search page. Served over http(s): Pagefind's search API, with filters. Opened from disk
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
  online(root, query);

  // Over http(s): Pagefind's search API (pagefind.js), drawn by this script. Pagefind's
  // own UI draws filter values and excerpts with innerHTML, so a tag or speaker named
  // "<img onerror=…>" would run; here every string is set as text (excerpts keep only
  // Pagefind's <mark>s). Class names follow Pagefind UI's, for themes that style them.
  function online(container, initial) {
    var FILTERS = ["speaker", "category", "tag", "year"];
    var SHOWN_VALUES = 12;   // a long facet shows its top values and a filter box
    var PAGE = 10;           // results drawn at a time
    var QUOTES_SHOWN = 3;    // quote results under an article before "more quotes"
    var wide = window.matchMedia("(min-width: 48em)").matches;
    container.textContent = "";
    var form = el("form", "pagefind-ui__form");
    form.setAttribute("role", "search");
    var label = el("label", "visually-hidden", "Search articles and quotes");
    label.htmlFor = "search-q";
    var input = el("input", "pagefind-ui__search-input");
    input.type = "search";
    input.id = "search-q";
    input.placeholder = "Search articles and quotes";
    input.autocomplete = "off";
    input.value = initial;
    form.append(label, input);
    var drawer = el("div", "pagefind-ui__drawer");
    var panel = el("div", "pagefind-ui__filter-panel");
    panel.setAttribute("aria-label", "Filters");
    var area = el("div", "pagefind-ui__results-area");
    var status = el("p", "pagefind-ui__message");
    status.setAttribute("aria-live", "polite");
    var list = el("ol", "pagefind-ui__results");
    var more = el("button", "pagefind-ui__button", "Load more results");
    more.type = "button";
    more.hidden = true;
    var cards = el("ul", "search-speakers");  // speakers the query names, before results
    cards.setAttribute("aria-label", "Speakers");
    area.append(status, cards, list, more);
    drawer.append(panel, area);
    container.append(form, drawer);

    var chosen = {};        // filter name -> {value: true}
    var groups = {};        // filter name -> {block, values, box, all}
    var pagefind = null;
    var totals = {};
    var current = null;     // the search being drawn: {results, shown, words}
    var timer = null;
    var serial = 0;

    var bundle = new URL(root.dataset.bundle, window.location.href).pathname;
    import(bundle + "pagefind.js").then(function (module) {
      pagefind = module;
      return pagefind.options({
        baseUrl: new URL(root.dataset.baseUrl, window.location.href).pathname
      });
    }).then(function () {
      // older years' bundles (pagefind_search writes one bundle per year)
      var merges = (root.dataset.merge || "").split(/\s+/).filter(Boolean);
      return Promise.all(merges.map(function (path) {
        return pagefind.mergeIndex(new URL(path, window.location.href).pathname);
      }));
    }).then(function () {
      return pagefind.filters();
    }).then(function (all) {
      totals = all || {};
      FILTERS.forEach(function (name) {
        if (totals[name] && Object.keys(totals[name]).length) {
          groups[name] = facet(name);
          panel.appendChild(groups[name].block);
        }
      });
      drawFacets(totals);
      run();
    }).catch(function (err) {
      status.textContent = "The search index could not be loaded (" + err.message +
        "): build the site with `make html`.";
    });

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 200);
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
    more.addEventListener("click", function () { drawMore(current); });

    function facet(name) {
      var block = el("details", "pagefind-ui__filter-block");
      block.open = name === "speaker" && wide;
      var summary = el("summary", "pagefind-ui__filter-name", name);
      var group = el("fieldset", "pagefind-ui__filter-group");
      group.appendChild(el("legend", "visually-hidden", "Filter by " + name));
      var box = null;
      if (Object.keys(totals[name]).length > SHOWN_VALUES) {
        box = el("input", "search-facet__filter");
        box.type = "search";
        box.placeholder = "Find a " + name;
        box.setAttribute("aria-label", "Find a " + name);
        box.addEventListener("input", function () { drawFacets(lastCounts); });
        group.appendChild(box);
      }
      var values = el("div", "search-facet__values");
      var toggle = el("button", "search-facet__more");
      toggle.type = "button";
      toggle.hidden = true;
      var entry = { block: block, values: values, box: box, all: false, toggle: toggle };
      toggle.addEventListener("click", function () {
        entry.all = !entry.all;
        drawFacets(lastCounts);
      });
      group.append(values, toggle);
      block.append(summary, group);
      return entry;
    }

    var lastCounts = {};
    function drawFacets(counts) {
      lastCounts = counts || {};
      Object.keys(groups).forEach(function (name) {
        var entry = groups[name];
        var have = lastCounts[name] || {};
        var picked = chosen[name] || {};
        var needle = entry.box ? entry.box.value.trim().toLowerCase() : "";
        // no empty values (unless ticked); the most frequent first
        var names = Object.keys(totals[name]).filter(function (v) {
          return (have[v] || 0) > 0 || picked[v];
        }).filter(function (v) {
          return !needle || v.toLowerCase().indexOf(needle) >= 0;
        }).sort(function (a, b) {
          return name === "year" ? (a < b ? 1 : -1) :
            ((have[b] || 0) - (have[a] || 0)) || a.localeCompare(b);
        });
        var limit = entry.all || needle ? names.length : SHOWN_VALUES;
        entry.values.textContent = "";
        names.slice(0, limit).forEach(function (value, i) {
          var row = el("div", "pagefind-ui__filter-value");
          var box = el("input", "pagefind-ui__filter-checkbox");
          box.type = "checkbox";
          box.name = name;
          box.value = value;
          box.id = "filter-" + name + "-" + i;
          box.checked = !!picked[value];
          box.addEventListener("change", function () {
            chosen[name] = chosen[name] || {};
            if (box.checked) { chosen[name][value] = true; } else { delete chosen[name][value]; }
            run();
          });
          var text = el("label", "pagefind-ui__filter-label", value + " ");
          text.htmlFor = box.id;
          text.appendChild(el("span", "count", String(have[value] || 0)));
          row.append(box, text);
          entry.values.appendChild(row);
        });
        entry.toggle.hidden = names.length <= SHOWN_VALUES || !!needle;
        entry.toggle.textContent = entry.all ? "Show fewer" : "Show all " + names.length;
      });
    }

    function activeFilters() {
      var filters = {};
      Object.keys(chosen).forEach(function (name) {
        var values = Object.keys(chosen[name]);
        if (values.length) { filters[name] = { any: values }; }
      });
      return filters;
    }

    function run() {
      if (!pagefind) { return; }
      var q = input.value.trim();
      var filters = activeFilters();
      var url = new URL(window.location.href);
      if (q) { url.searchParams.set("q", q); } else { url.searchParams.delete("q"); }
      window.history.replaceState(null, "", url);
      var mine = ++serial;
      speakerCards(q, mine);
      if (!q && !Object.keys(filters).length) {
        list.textContent = "";
        status.textContent = "";
        more.hidden = true;
        drawFacets(totals);
        return;
      }
      pagefind.search(q || null, { filters: filters }).then(function (search) {
        if (mine !== serial || !search) { return; }  // a newer search is on its way
        drawFacets(search.filters);
        list.textContent = "";
        current = { results: search.results, shown: 0, words: q.split(/\s+/).filter(Boolean),
                    serial: mine };
        status.textContent = search.results.length + " result" +
          (search.results.length === 1 ? "" : "s") + (q ? " for " + q : "");
        drawMore(current);
      });
    }

    // A query that names a speaker ("Peskov", "tony blair") shows the speaker first:
    // their page and how often they are quoted (speakers/index.json, loaded once).
    var speakersUrl = container.dataset.speakers;
    var speakersLoad = null;
    function fold(text) {
      return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    }
    function speakerCards(q, mine) {
      cards.textContent = "";
      var words = fold(q).split(/[^\w'’-]+/).filter(function (w) { return w.length > 1; });
      if (!speakersUrl || !words.length) { return; }
      if (!speakersLoad) {
        speakersLoad = fetch(speakersUrl).then(function (r) { return r.ok ? r.json() : []; })
          .catch(function () { return []; });
      }
      speakersLoad.then(function (all) {
        if (mine !== serial) { return; }
        all.filter(function (s) {
          var parts = fold(s.name).split(/\s+/);
          return words.every(function (w) {
            return parts.some(function (p) { return p.indexOf(w) === 0; });
          });
        }).slice(0, 3).forEach(function (s) {
          var card = el("li", "search-speakers__card");
          var link = el("a", "search-speakers__name", s.name);
          link.href = container.dataset.baseUrl + s.url;
          card.appendChild(link);
          var facts = s.quotes + " quotation" + (s.quotes === 1 ? "" : "s") +
            (s.role ? " · " + s.role : "") + (s.kind === "organization" ? " · organization" : "");
          card.appendChild(el("span", "search-speakers__facts", facts));
          cards.appendChild(card);
        });
      });
    }

    function drawMore(search) {
      if (!search) { return; }
      var slice = search.results.slice(search.shown, search.shown + PAGE);
      search.shown += slice.length;
      more.hidden = search.shown >= search.results.length;
      Promise.all(slice.map(function (r) { return r.data(); })).then(function (items) {
        if (search.serial !== serial) { return; }
        items.forEach(function (data) { list.appendChild(result(data, search.words)); });
      });
    }

    function result(data, words) {
      var item = el("li", "pagefind-ui__result");
      var inner = el("div", "pagefind-ui__result-inner");
      var title = el("p", "pagefind-ui__result-title");
      var link = el("a", "pagefind-ui__result-link", (data.meta && data.meta.title) || data.url);
      link.href = highlighted(data.url, words);
      title.appendChild(link);
      inner.appendChild(title);
      var facts = [];
      if (data.meta && data.meta.date) { facts.push(data.meta.date); }
      var speakers = (data.filters && data.filters.speaker) || [];
      if (speakers.length) {
        facts.push(speakers.slice(0, 4).join(", ") + (speakers.length > 4 ? " and others" : ""));
      }
      if (facts.length) { inner.appendChild(el("p", "search-result__facts", facts.join(" · "))); }
      var excerpt = el("p", "pagefind-ui__result-excerpt");
      marked(excerpt, data.excerpt || "");
      inner.appendChild(excerpt);
      var quotes = quoteResults(data);
      quotes.forEach(function (sub, i) {
        var nested = el("div", "pagefind-ui__result-nested");
        nested.hidden = i >= QUOTES_SHOWN;
        var subTitle = el("p", "pagefind-ui__result-title");
        var subLink = el("a", "pagefind-ui__result-link", sub.title);
        subLink.href = highlighted(sub.url, words);
        subTitle.appendChild(subLink);
        var subExcerpt = el("p", "pagefind-ui__result-excerpt");
        sub.words.forEach(function (word, j) {
          if (j) { subExcerpt.appendChild(document.createTextNode(" ")); }
          subExcerpt.appendChild(sub.marks[j] ? el("mark", null, word) :
                                 document.createTextNode(word));
        });
        nested.append(subTitle, subExcerpt);
        inner.appendChild(nested);
      });
      if (quotes.length > QUOTES_SHOWN) {
        var rest = el("button", "search-result__more-quotes",
                      (quotes.length - QUOTES_SHOWN) + " more quotes");
        rest.type = "button";
        rest.addEventListener("click", function () {
          inner.querySelectorAll(".pagefind-ui__result-nested").forEach(function (n) {
            n.hidden = false;
          });
          rest.remove();
        });
        inner.appendChild(rest);
      }
      item.appendChild(inner);
      return item;
    }

    // Pagefind's excerpt is escaped text with <mark> around the hits: keep the marks,
    // and set everything else as text.
    function marked(node, html) {
      var decoder = document.createElement("textarea");
      html.split(/(<mark>|<\/mark>)/).reduce(function (inMark, part) {
        if (part === "<mark>") { return true; }
        if (part === "</mark>") { return false; }
        decoder.innerHTML = part.replace(/<[^>]*>/g, "");
        var text = decoder.value;
        if (text) { node.appendChild(inMark ? el("mark", null, text) : document.createTextNode(text)); }
        return inMark;
      }, false);
    }

    function highlighted(url, words) {
      if (!words.length) { return url; }
      var hash = url.indexOf("#") >= 0 ? url.slice(url.indexOf("#")) : "";
      var path = hash ? url.slice(0, url.indexOf("#")) : url;
      var params = words.map(function (w) { return "highlight=" + encodeURIComponent(w); });
      return path + (path.indexOf("?") >= 0 ? "&" : "?") + params.join("&") + hash;
    }

    // One search record per article; its quotations become results of their own here.
    // The record's "quotes" metadata lists [anchor, speaker, type, first word, words]:
    // where each quote stands among the record's words (records mode), or, for an
    // index made from the pages, [anchor, speaker, type] and Pagefind's anchors (each
    // quote's first piece has an id) give the position. A quote the query's words fall
    // inside (or whose speaker is the one filtered on) becomes a sub-result that opens
    // the article at that quote; those holding more of the query's words come first.
    function quoteResults(data) {
      var quotes;
      try {
        quotes = JSON.parse((data.meta && data.meta.quotes) || "[]");
      } catch (err) {
        return [];
      }
      var picked = chosen.speaker || {};
      var filtered = Object.keys(picked).length > 0;
      var anchors = {};
      (data.anchors || []).forEach(function (a) { anchors[a.id] = a; });
      var all = null;
      var subs = [];
      quotes.forEach(function (q, order) {
        var start, words;
        if (q.length >= 5) {
          all = all || (data.content || "").split(/\s+/).filter(Boolean);
          start = q[3];
          words = all.slice(start, start + q[4]);
        } else if (anchors[q[0]] && anchors[q[0]].text) {
          start = anchors[q[0]].location;
          words = anchors[q[0]].text.split(/\s+/).filter(Boolean);
        } else {
          return;
        }
        var end = start + words.length;
        var hits = (data.locations || []).filter(function (w) { return w >= start && w < end; });
        if (filtered ? !picked[q[1]] : !hits.length) {
          return;
        }
        var distinct = {};
        hits.forEach(function (w) { distinct[all ? all[w] : w] = true; });
        var plain = words.join(" ").replace(MARKS, "");
        var cut = plain.lastIndexOf(" ", 89);
        var short = plain.length > 90 ? plain.slice(0, cut > 40 ? cut : 89) + "…" : plain;
        subs.push({
          // reported speech is no quotation: it is shown as reported, without marks
          // (plugins/offline_search/offline.py quote_title() words it the same way)
          title: q[2] === "indirect"
            ? (q[1] ? q[1] + " said that " : "Reported: ") + short.replace(/^that\s+/i, "")
            : "“" + short + "” — " + (q[1] || "unattributed"),
          url: data.url.split("#")[0] + "#" + q[0],
          words: words,
          marks: words.map(function (_, i) { return hits.indexOf(start + i) >= 0; }),
          rank: Object.keys(distinct).length,
          order: order
        });
      });
      return subs.sort(function (a, b) { return (b.rank - a.rank) || (a.order - b.order); });
    }
  }

  var MARKS = /^[“”"'‘’«»„‹›]+|[“”"'‘’«»„‹›,]+$/g;

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
