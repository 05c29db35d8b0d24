// "Who is quoted": choosing a speaker highlights their quotes. The page works without it:
// every quote carries its speaker as text, and the panel links each quote.
(function () {
  "use strict";
  // The quote a link opened (#q-3; the speaker label after each quote is that link, so
  // a tap or Enter opens it) gets a line of details after its label: its type and cue,
  // the speaker's page, and a button that copies its permalink. No other quote carries
  // a control, so none reserves space in the text. Set as text, never as markup.
  var TYPES = { direct: "Direct quotation", mixed: "Mixed: quoted words in reported speech",
                indirect: "Reported speech (paraphrase, not verbatim)" };
  function targetInfo() {
    document.querySelectorAll(".quote-info").forEach(function (b) { b.remove(); });
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!/^q-\d+$/.test(id)) {
      return;
    }
    var ref = document.querySelector('a.quote-ref[data-quote="' + id + '"]');
    var quote = document.getElementById(id);
    if (!ref || !quote) {
      return;
    }
    var info = document.createElement("span");
    info.className = "quote-info";
    info.setAttribute("role", "note");
    var type = (quote.className.match(/quote--(direct|mixed|indirect)/) || [])[1];
    var parts = [TYPES[type] || "Quotation"];
    if (quote.dataset.cue) { parts.push("cue “" + quote.dataset.cue + "”"); }
    info.appendChild(document.createTextNode(parts.join(" · ")));
    var page = quote.dataset.speaker && document.querySelector(
      '.who-quoted__speaker[data-speaker="' + quote.dataset.speaker + '"] a.who-quoted__page');
    if (page) {
      info.appendChild(document.createTextNode(" · "));
      var link = document.createElement("a");
      link.href = page.href;
      link.textContent = "all quotes by " + ref.lastChild.textContent;
      info.appendChild(link);
    }
    if (navigator.clipboard) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "quote-copy";
      button.textContent = "copy link";
      button.setAttribute("aria-label", "Copy the link to this quote");
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(window.location.href).then(function () {
          button.textContent = "copied";
          setTimeout(function () { button.textContent = "copy link"; }, 1500);
        });
      });
      info.appendChild(document.createTextNode(" "));
      info.appendChild(button);
    }
    ref.after(info);
  }
  targetInfo();
  window.addEventListener("hashchange", targetInfo);
  // On a narrow screen the panel starts folded to its summary line
  var fold = document.querySelector("details.who-quoted__fold");
  if (fold && window.matchMedia("(max-width: 40em)").matches && !window.location.hash) {
    fold.open = false;
  }
  var panel = document.querySelector(".who-quoted");
  if (!panel) {
    return;
  }
  var quotes = document.querySelectorAll(".quote[data-quote]");
  function highlight(key, on) {
    quotes.forEach(function (q) {
      q.classList.toggle("is-highlighted", on && q.dataset.speaker === key);
    });
    document.body.classList.toggle("has-highlight", on);
  }
  panel.querySelectorAll(".who-quoted__speaker").forEach(function (item) {
    var name = item.querySelector(".who-quoted__name");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "who-quoted__toggle";
    button.setAttribute("aria-pressed", "false");
    button.textContent = name.textContent;  // text, never markup
    name.replaceWith(button);
    button.addEventListener("click", function () {
      var on = button.getAttribute("aria-pressed") !== "true";
      panel.querySelectorAll(".who-quoted__toggle").forEach(function (b) {
        b.setAttribute("aria-pressed", "false");
      });
      button.setAttribute("aria-pressed", on ? "true" : "false");
      highlight(item.dataset.speaker, on);
    });
  });
})();
