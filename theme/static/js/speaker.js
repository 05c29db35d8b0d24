// A speaker page: show only one type of quotation (direct, mixed, reported).
// Without JavaScript every quotation is shown.
(function () {
  "use strict";
  var bar = document.querySelector(".speaker-types");
  if (!bar) {
    return;
  }
  bar.hidden = false;
  var buttons = bar.querySelectorAll("button");
  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      var type = button.dataset.type;
      buttons.forEach(function (b) { b.setAttribute("aria-pressed", b === button ? "true" : "false"); });
      document.querySelectorAll(".speaker-quote").forEach(function (q) {
        q.hidden = Boolean(type) && q.dataset.type !== type;
      });
      document.querySelectorAll(".speaker-article").forEach(function (a) {
        a.hidden = !a.querySelector(".speaker-quote:not([hidden])");
      });
    });
  });
})();
