// The search page. Served over http(s): Pagefind's search API, with filters. Opened from disk
// (file://, where Pagefind cannot load its index) or offline: the same search over
// search-index.js and its parts with MiniSearch. Both read ?q= (the header form), draw
// results the same way (resultItem), and rank an article's quotes the same way
// (quoteResults), so a quote comes in the same place online and from disk. Everything
// shown is set as text, never as markup.
(function () {
  "use strict";
  var MARKS = /^[“”"'‘’«»„‹›]+|[“”"'‘’«»„‹›,]+$/g;
  var RESULTS_PAGE = 10;   // results drawn at a time
  var QUOTES_SHOWN = 3;    // quote results under an article before "more quotes"
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
    var wide = window.matchMedia("(min-width: 48em)").matches;
    container.textContent = "";
    var form = el("form", "pagefind-ui__form");
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Search articles and quotes");
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
    // the filters fold to one line on a narrow screen, so results start on the first
    var panel = el("details", "pagefind-ui__filter-panel");
    panel.open = wide;
    panel.appendChild(el("summary", "search-filters__summary", "Filters"));
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
    function speakerCards(q, mine) {
      cards.textContent = "";
      if (!speakersUrl || !terms(q).length) { return; }
      if (!speakersLoad) {
        speakersLoad = fetch(speakersUrl).then(function (r) { return r.ok ? r.json() : []; })
          .catch(function () { return []; });
      }
      speakersLoad.then(function (all) {
        if (mine !== serial) { return; }
        drawCards(cards, all, q, container.dataset.baseUrl, function (name) {
          // the speaker's articles that best match the query, as Pagefind ranks them
          var only = { speaker: { any: [name] } };
          return pagefind.search(q, { filters: only }).then(function (found) {
            if (mine !== serial || !found) { return []; }
            return Promise.all(found.results.slice(0, 3).map(function (r) { return r.data(); }));
          });
        });
      });
    }

    function drawMore(search) {
      if (!search) { return; }
      var slice = search.results.slice(search.shown, search.shown + RESULTS_PAGE);
      search.shown += slice.length;
      more.hidden = search.shown >= search.results.length;
      Promise.all(slice.map(function (r) { return r.data(); })).then(function (items) {
        if (search.serial !== serial) { return; }
        items.forEach(function (data) {
          list.appendChild(resultItem(data, search.words, chosen.speaker || {}, true));
        });
      });
    }

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

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // A word as the ranking compares it: folded, without the punctuation around it.
  function bare(word) {
    return fold(word).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  }

  // The query's words, folded, once each ("Tony Blair's" -> tony, blair).
  function terms(q) {
    var seen = {};
    return fold(q || "").split(/[^\p{L}\p{N}]+/u).filter(function (t) {
      if ((t.length < 2 && !/\d/.test(t)) || seen[t]) { return false; }
      seen[t] = true;
      return true;
    });
  }

  function prefixed(word, ts) {
    var b = bare(word);
    for (var i = 0; i < ts.length; i++) {
      if (b.indexOf(ts[i]) === 0) { return ts[i]; }
    }
    return null;
  }

  // Speakers whose names hold every word of the query (each word a name's beginning),
  // as cards before the results: their page, how often quoted, their role, and for the
  // first of them their best-matching quotes: articles(name) gives (a promise of) the
  // speaker's best-matching articles, Pagefind-shaped, whose quotes by them are ranked
  // as under a result.
  function drawCards(cards, all, q, base, articles) {
    cards.textContent = "";
    var ts = terms(q);
    if (!ts.length) { return; }
    (all || []).filter(function (s) {
      var parts = fold(s.name).split(/\s+/);
      return ts.every(function (w) {
        return parts.some(function (p) { return p.indexOf(w) === 0; });
      });
    }).slice(0, 3).forEach(function (s, i) {
      var card = el("li", "search-speakers__card");
      var link = el("a", "search-speakers__name", s.name);
      link.href = base + s.url;
      card.appendChild(link);
      var facts = s.quotes + " quotation" + (s.quotes === 1 ? "" : "s") +
        (s.role ? " · " + s.role : "") + (s.kind === "organization" ? " · organization" : "");
      card.appendChild(el("span", "search-speakers__facts", facts));
      cards.appendChild(card);
      if (i === 0 && articles) {
        bestQuotes(s.name, q, articles).then(function (best) {
          if (!best.length || !card.isConnected) { return; }
          var list = el("ol", "search-speakers__quotes");
          list.setAttribute("aria-label", "Best-matching quotes of " + s.name);
          best.forEach(function (sub) {
            var item = el("li");
            var a = el("a", null, sub.title.replace(/ — [^—]*$/, ""));
            a.href = sub.url;
            item.append(a, el("span", "search-speakers__in", " in " + sub.article));
            list.appendChild(item);
          });
          card.appendChild(list);
        });
      }
    });
  }

  // The speaker's three best-matching quotes: from their best-matching articles, in
  // that order, each article's quotes by them ranked as under a result.
  function bestQuotes(name, q, articles) {
    var picked = {};
    picked[name] = true;
    var words = q.split(/\s+/).filter(Boolean);
    return Promise.resolve(articles(name)).then(function (items) {
      var best = [];
      (items || []).forEach(function (data) {
        var title = (data.meta && data.meta.title) || data.url;
        quoteResults(data, words, picked).slice(0, 2).forEach(function (sub) {
          sub.article = title;
          best.push(sub);
        });
      });
      return best.slice(0, 3);
    }).catch(function () { return []; });
  }

  // One article result: title, date and speakers, the excerpt, and the article's
  // quotes that match as results of their own (the best QUOTES_SHOWN, then "more").
  // data has Pagefind's shape ({url, meta: {title, date, quotes}, filters: {speaker},
  // excerpt, content, locations}); the offline search makes the same from its records.
  // Online, links carry ?highlight= for the article page (highlight.js); from disk
  // Pagefind's highlighter cannot load, and links stay plain.
  function resultItem(data, words, picked, highlight) {
    var lit = highlight ? words : [];
    var item = el("li", "pagefind-ui__result");
    var inner = el("div", "pagefind-ui__result-inner");
    var title = el("p", "pagefind-ui__result-title");
    var link = el("a", "pagefind-ui__result-link", (data.meta && data.meta.title) || data.url);
    link.href = highlighted(data.url, lit);
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
    var quotes = quoteResults(data, words, picked);
    quotes.forEach(function (sub, i) {
      var nested = el("div", "pagefind-ui__result-nested");
      nested.hidden = i >= QUOTES_SHOWN;
      var subTitle = el("p", "pagefind-ui__result-title");
      var subLink = el("a", "pagefind-ui__result-link", sub.title);
      subLink.href = highlighted(sub.url, lit);
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

  // The fewest consecutive words holding one of each query word a quote holds
  // (positions: [word index, query word] in order); 0 when it holds fewer than two.
  function span(positions, wanted) {
    if (wanted < 2) { return 0; }
    var best = Infinity, have = {}, count = 0, left = 0;
    positions.forEach(function (p, right) {
      have[p[1]] = (have[p[1]] || 0) + 1;
      if (have[p[1]] === 1) { count++; }
      while (count === wanted) {
        best = Math.min(best, p[0] - positions[left][0] + 1);
        var t = positions[left][1];
        if (--have[t] === 0) { count--; }
        left++;
      }
    });
    return best;
  }

  // One search record per article; its quotations become results of their own here.
  // The record's "quotes" metadata lists [anchor, speaker, type, first word, words]:
  // where each quote stands among the record's words (records mode; a sixth element,
  // when present, is the quote's own words), or, for an index made from the pages,
  // [anchor, speaker, type] and Pagefind's anchors (each quote's first piece has an id)
  // give the position. A quote holding a word of the query (or whose speaker's name
  // does, or whose speaker is the one filtered on) becomes a sub-result that opens the
  // article at that quote. Ranked by how many of the query's words the quote and its
  // speaker hold, then by how close together they stand, then in the article's order:
  // the same order online and from disk, whatever index found the article.
  function quoteResults(data, words, picked) {
    var quotes = (data.meta && data.meta.quotes) || "[]";
    if (typeof quotes === "string") {
      try {
        quotes = JSON.parse(quotes);
      } catch (err) {
        return [];
      }
    }
    var filtered = Object.keys(picked).length > 0;
    var ts = terms(words.join(" "));
    var anchors = {};
    (data.anchors || []).forEach(function (a) { anchors[a.id] = a; });
    var all = null;
    var located = data.locations || [];
    var subs = [];
    quotes.forEach(function (q, order) {
      var start, own;
      if (q.length >= 6) {
        start = -1;
        own = q[5].split(/\s+/).filter(Boolean);
      } else if (q.length >= 5) {
        all = all || (data.content || "").split(/\s+/).filter(Boolean);
        start = q[3];
        own = all.slice(start, start + q[4]);
      } else if (anchors[q[0]] && anchors[q[0]].text) {
        start = anchors[q[0]].location;
        own = anchors[q[0]].text.split(/\s+/).filter(Boolean);
      } else {
        return;
      }
      var positions = [];
      var marks = own.map(function (word, i) {
        var t = prefixed(word, ts);
        if (t) { positions.push([i, t]); }
        return !!t || (start >= 0 && located.indexOf(start + i) >= 0);
      });
      var held = {};
      positions.forEach(function (p) { held[p[1]] = true; });
      // the speaker's name counts when it holds every query word the quote does not:
      // "Fischer budget" finds Yusuf Fischer's words on the budget, "Karl Fischer" does
      // not find Yusuf Fischer's
      var name = fold(q[1] || "").split(/\s+/);
      var rest = ts.filter(function (t) { return !held[t]; });
      if (rest.length && rest.every(function (t) {
        return name.some(function (p) { return p.indexOf(t) === 0; });
      })) {
        rest.forEach(function (t) { held[t] = true; });
      }
      var rank = Object.keys(held).length;
      if (filtered ? !picked[q[1]] : !(rank || marks.indexOf(true) >= 0)) {
        return;
      }
      var inText = {};
      positions.forEach(function (p) { inText[p[1]] = true; });
      var plain = own.join(" ").replace(MARKS, "");
      // "indirect plans": reported speech led by its own verb, not by "said that"
      var kind = String(q[2]).split(" ")[0];
      var lead = String(q[2]).slice(kind.length + 1) || "said that";
      var cut = plain.lastIndexOf(" ", 89);
      var short = plain.length > 90 ? plain.slice(0, cut > 40 ? cut : 89) + "…" : plain;
      subs.push({
        // reported speech is no quotation: it is shown as reported, without marks
        title: kind === "indirect"
          ? (q[1] ? q[1] + " " + lead + " " : "Reported: ") + short.replace(/^that\s+/i, "")
          : "“" + short + "” — " + (q[1] || "unattributed"),
        url: data.url.split("#")[0] + "#" + q[0],
        words: own,
        marks: marks,
        rank: rank,
        span: span(positions, Object.keys(inText).length),
        order: order
      });
    });
    return subs.sort(function (a, b) {
      return (b.rank - a.rank) || (a.span - b.span) || (a.order - b.order);
    });
  }

  // An excerpt of an offline record, as Pagefind makes one: about 30 words around the
  // first word of the query, escaped, the query's words in <mark>.
  function excerptOf(text, ts) {
    var words = text.split(/\s+/).filter(Boolean);
    var at = 0;
    for (var i = 0; i < words.length; i++) {
      if (prefixed(words[i], ts)) { at = i; break; }
    }
    var from = Math.max(0, at - 12);
    return words.slice(from, from + 30).map(function (w) {
      var safe = w.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
      return prefixed(w, ts) ? "<mark>" + safe + "</mark>" : safe;
    }).join(" ");
  }

  // From disk or offline: search-index.js names the parts of the index (newest
  // articles first) and lists the speakers. The newest part is searched as soon as it
  // is loaded; older parts are added one by one and the results drawn again.
  function fallback(container, initial) {
    container.textContent = "";
    var form = el("form", "offline-search");
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Search articles and quotes");
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
    var status = el("p", "pagefind-ui__message offline-search__status");
    status.setAttribute("aria-live", "polite");
    var cards = el("ul", "search-speakers");
    cards.setAttribute("aria-label", "Speakers");
    var list = el("ol", "pagefind-ui__results");
    var more = el("button", "pagefind-ui__button", "Load more results");
    more.type = "button";
    more.hidden = true;
    container.append(form, status, cards, list, more);
    status.textContent = "Loading the search index…";

    var base = root.dataset.baseUrl;
    var mini = null;
    var loaded = 0;
    var parts = [];
    var hits = [];
    var shown = 0;
    var byId = {};
    var speakerCardsFor = null;
    Promise.all([load(root.dataset.minisearch), load(root.dataset.fallbackIndex)]).then(function () {
      var index = window.ARCHIVE_SEARCH_INDEX;
      parts = index.parts;
      mini = new MiniSearch({
        fields: ["title", "text", "speakers"],
        storeFields: [],
        extractField: function (doc, field) {
          var value = doc[field];
          return Array.isArray(value) ? value.join(" ") : value;
        },
        searchOptions: { boost: { title: 2, speakers: 2 }, prefix: true, fuzzy: 0.15,
                         combineWith: "AND" }
      });
      (index.speakers || []).map(function (s) { return s[0]; }).sort().forEach(function (s) {
        select.appendChild(el("option", null, s)).value = s;
      });
      input.addEventListener("input", run);
      select.addEventListener("change", run);
      form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
      more.addEventListener("click", drawMore);
      var speakers = (index.speakers || []).map(function (s) {
        return { name: s[0], url: s[1], quotes: s[2], role: s[3], kind: s[4] };
      });
      var cardsFor = function () {
        drawCards(cards, speakers, input.value, base, function (name) {
          return mini.search(input.value.trim(), {
            filter: function (r) { return (byId[r.id].speakers || []).indexOf(name) >= 0; }
          }).slice(0, 3).map(function (hit) { return record(byId[hit.id], terms(input.value)); });
        });
      };
      speakerCardsFor = cardsFor;
      return parts.reduce(function (chain, src) {
        return chain.then(function () { return load(base + src); }).then(function () {
          var key = src.replace(/^.*\//, "").replace(/\.js$/, "");
          var docs = window.ARCHIVE_SEARCH_PARTS[key].docs;
          docs.forEach(function (d) { byId[d.id] = d; });
          mini.addAll(docs);
          delete window.ARCHIVE_SEARCH_PARTS[key];
          loaded++;
          run();
        });
      }, Promise.resolve());
    }).catch(function (err) {
      status.textContent = "The offline search index could not be loaded (" + err.message + ").";
    });

    function run() {
      list.textContent = "";
      more.hidden = true;
      var q = input.value.trim();
      if (speakerCardsFor) { speakerCardsFor(); }
      if (!q || !mini) { status.textContent = loaded < parts.length ? status.textContent : ""; return; }
      var chosen = select.value;
      hits = mini.search(q, {
        filter: function (r) { return !chosen || (byId[r.id].speakers || []).indexOf(chosen) >= 0; }
      });
      shown = 0;
      status.textContent = hits.length + " result" + (hits.length === 1 ? "" : "s") +
        " for " + q + " (offline search" +
        (loaded < parts.length ? ", " + loaded + " of " + parts.length + " parts loaded" : "") + ")";
      drawMore();
    }

    // an offline record as Pagefind gives a result's data
    function record(doc, ts) {
      return {
        url: base + doc.url,
        meta: { title: doc.title, date: doc.date, quotes: doc.quotes },
        filters: { speaker: doc.speakers },
        excerpt: excerptOf(doc.text, ts),
        content: doc.text
      };
    }

    function drawMore() {
      var q = input.value.trim();
      var words = q.split(/\s+/).filter(Boolean);
      var ts = terms(q);
      var picked = {};
      if (select.value) { picked[select.value] = true; }
      hits.slice(shown, shown + RESULTS_PAGE).forEach(function (hit) {
        var doc = byId[hit.id];
        list.appendChild(resultItem(record(doc, ts), words, picked, false));
      });
      shown = Math.min(hits.length, shown + RESULTS_PAGE);
      more.hidden = shown >= hits.length;
    }
  }
})();
