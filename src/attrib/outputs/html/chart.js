(function () {
  "use strict";
  var table = document.getElementById("groups");
  var body = table.tBodies[0];
  function value(row, key) {
    var raw = row.getAttribute("data-" + key);
    var n = parseFloat(raw);
    return isNaN(n) ? raw : n;
  }
  table.querySelectorAll("thead button[data-key]").forEach(function (button) {
    button.addEventListener("click", function () {
      var cell = button.parentNode;
      var key = button.getAttribute("data-key");
      var ascending = cell.getAttribute("aria-sort") !== "ascending";
      table.querySelectorAll("thead th").forEach(function (th) { th.removeAttribute("aria-sort"); });
      cell.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = value(a, key);
        var y = value(b, key);
        var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
})();
