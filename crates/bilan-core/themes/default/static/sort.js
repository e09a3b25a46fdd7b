// Progressive enhancement: column headers of `table.sortable` become buttons
// that sort the rows. Without JavaScript the table is simply sorted by name.
// A column of numbers sorts largest first on the first click (readers look
// for the biggest), a column of text from A to Z; the next click reverses.
document.querySelectorAll("table.sortable").forEach(function (table) {
  var body = table.tBodies[0];
  // In the DSFR theme, the package's own sort button (`fr-btn--sort`) beside
  // the column's title, as its examples write it; its name says the column.
  var dsfr = table.closest(".fr-table") !== null;
  table.querySelectorAll("thead th").forEach(function (th, col) {
    var title = th.textContent.trim();
    var button = document.createElement("button");
    button.type = "button";
    th.textContent = "";
    if (dsfr) {
      var cell = document.createElement("div");
      cell.className = "fr-cell--sort";
      var span = document.createElement("span");
      span.className = "fr-cell__title";
      span.textContent = title;
      button.className = "fr-btn--sort fr-btn fr-btn--sm";
      button.textContent = (table.dataset.sortLabel || "Sort") + " " + title;
      cell.appendChild(span);
      cell.appendChild(button);
      th.appendChild(cell);
    } else {
      button.textContent = title;
      th.appendChild(button);
    }
    th.setAttribute("aria-sort", "none");
    button.addEventListener("click", function () {
      var current = th.getAttribute("aria-sort");
      var numeric = th.classList.contains("num");
      var ascending = numeric ? current === "descending" : current !== "ascending";
      table.querySelectorAll("thead th").forEach(function (o) {
        o.setAttribute("aria-sort", "none");
        var b = o.querySelector("button");
        if (dsfr && b) { b.removeAttribute("aria-sort"); }
      });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      // The DSFR draws the arrow from the button's own attribute.
      if (dsfr) { button.setAttribute("aria-sort", ascending ? "ascending" : "descending"); }
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
