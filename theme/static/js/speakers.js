// The speakers index at scale: a find box over names and roles, and A–Z by surname.
// Without JavaScript every speaker is listed, most quoted first.
(function () {
  "use strict";
  var tools = document.querySelector(".speakers-tools");
  if (!tools) {
    return;
  }
  tools.hidden = false;
  var input = tools.querySelector("#speakers-filter");
  var count = tools.querySelector(".speakers-count");
  var letters = tools.querySelectorAll(".speakers-az button");
  var rows = Array.prototype.slice.call(document.querySelectorAll(".speakers-table tbody tr"));
  var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
  var letter = "";
  function apply() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row, i) {
      var ok = (!letter || row.dataset.name.charAt(0) === letter) &&
        words.every(function (w) { return texts[i].indexOf(w) >= 0; });
      row.hidden = !ok;
      shown += ok ? 1 : 0;
    });
    document.querySelectorAll(".speakers-group").forEach(function (group) {
      group.hidden = !group.querySelector("tbody tr:not([hidden])");
    });
    count.textContent = (words.length || letter)
      ? shown + " of " + rows.length + " speakers"
      : "";
  }
  input.addEventListener("input", apply);
  letters.forEach(function (button) {
    button.addEventListener("click", function () {
      letter = button.dataset.letter;
      letters.forEach(function (b) { b.setAttribute("aria-pressed", b === button ? "true" : "false"); });
      if (letter) {
        // A–Z reads in the order of the alphabet: sort each table by surname
        document.querySelectorAll(".speakers-table").forEach(function (table) {
          var th = table.querySelector("thead th");
          if (th.getAttribute("aria-sort") !== "ascending") {
            var b = th.querySelector("button");
            if (b) { b.click(); }
          }
        });
      }
      apply();
    });
  });
})();
