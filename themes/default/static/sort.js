// Progressive enhancement: column headers of `table.sortable` become buttons
// that sort the rows. Without JavaScript the table is simply sorted by name.
// A column of numbers sorts largest first on the first click (readers look
// for the biggest), a column of text from A to Z; the next click reverses.
document.querySelectorAll("table.sortable").forEach(function (table) {
  var body = table.tBodies[0];
  table.querySelectorAll("thead th").forEach(function (th, col) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    th.setAttribute("aria-sort", "none");
    button.addEventListener("click", function () {
      var current = th.getAttribute("aria-sort");
      var numeric = th.classList.contains("num");
      var ascending = numeric ? current === "descending" : current !== "ascending";
      table.querySelectorAll("thead th").forEach(function (o) { o.setAttribute("aria-sort", "none"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col], y = b.cells[col];
        var vx = x.dataset.value, vy = y.dataset.value;
        var cmp = vx !== undefined && vy !== undefined
          ? (vx === "" ? -1 : Number(vx)) - (vy === "" ? -1 : Number(vy))
          : x.textContent.trim().localeCompare(y.textContent.trim(), document.documentElement.lang);
        return ascending ? cmp : -cmp;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
