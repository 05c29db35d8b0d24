// "Who is quoted": choosing a speaker highlights their quotes. The page works without it:
// every quote carries its speaker as text, and the panel links each quote.
(function () {
  "use strict";
  // Each quote's label gets a button that copies the quote's permalink.
  if (navigator.clipboard) {
    document.querySelectorAll("a.quote-ref").forEach(function (ref) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "quote-copy";
      button.textContent = "copy link";
      button.setAttribute("aria-label", "Copy the link to " + ref.dataset.quote);
      button.addEventListener("click", function () {
        var url = new URL(ref.getAttribute("href"), window.location.href).href;
        navigator.clipboard.writeText(url).then(function () {
          button.textContent = "copied";
          setTimeout(function () { button.textContent = "copy link"; }, 1500);
        });
      });
      ref.after(button);
    });
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
