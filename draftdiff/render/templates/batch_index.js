// Sorting and filtering for the batch index; the table is already worst first without it.
(function () {
  "use strict";
  var table = document.getElementById("pairs");
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  var text = document.getElementById("filter-text");
  var outcome = document.getElementById("filter-outcome");
  var shown = document.getElementById("shown");

  function value(row, column, numeric) {
    var v = row.cells[column].getAttribute("data-v");
    return numeric ? parseFloat(v) : v.toLowerCase();
  }

  function sortBy(column) {
    var head = heads[column];
    var numeric = head.getAttribute("data-type") === "number";
    // A first click sorts numbers largest first (the worst), text A to Z.
    var was = head.getAttribute("aria-sort");
    var ascending = was ? was === "descending" : !numeric || column === 0;
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = value(a, column, numeric), y = value(b, column, numeric);
      var order = x < y ? -1 : x > y ? 1 : 0;
      if (!order) order = value(a, 0, true) - value(b, 0, true);  // ties: worst first
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    for (var i = 0; i < heads.length; i++) heads[i].removeAttribute("aria-sort");
    head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function filter() {
    var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
    var wanted = outcome.value;
    var count = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var haystack = row.textContent.toLowerCase();
      var show = (!wanted || row.getAttribute("data-outcome") === wanted) &&
        words.every(function (w) { return haystack.indexOf(w) >= 0; });
      row.hidden = !show;
      if (show) count++;
    });
    shown.textContent = count + " of " + body.rows.length + " pairs shown";
  }

  Array.prototype.forEach.call(heads, function (head, column) {
    head.querySelector("button").addEventListener("click", function () { sortBy(column); });
  });
  text.addEventListener("input", filter);
  outcome.addEventListener("change", filter);
  document.getElementById("filters").addEventListener("submit", function (e) {
    e.preventDefault();
  });
})();
