// Filters of the territories table: region, departement and a text filter,
// kept in the URL (?region=84&departement=74&q=arve) so a filtered view can
// be shared. Without JavaScript the whole table shows.
(function () {
  "use strict";
  var form = document.getElementById("filtres");
  var table = document.querySelector("table.sortable");
  var status = document.getElementById("filtres-etat");
  if (!form || !table || !status) { return; }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var foot = table.tFoot;
  var region = form.elements.region;
  var dep = form.elements.departement;
  var text = form.elements.q;

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  var folded = rows.map(function (r) { return fold(r.dataset.text || r.cells[0].textContent); });

  function apply(share) {
    var r = region.value;
    var d = dep.value;
    var t = fold(text.value);
    var shown = 0;
    rows.forEach(function (row, i) {
      var ok = (!r || row.dataset.region === r) &&
        (!d || (" " + row.dataset.departments + " ").indexOf(" " + d + " ") >= 0) &&
        (!t || folded[i].indexOf(t) >= 0);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    // The totals are those of the whole table: hidden while filtered.
    if (foot) { foot.hidden = shown !== rows.length; }
    var label = shown === 1 ? status.dataset.one : status.dataset.many;
    status.textContent = (r || d || t) ? label.replace("{}", shown).replace("{}", rows.length) : "";
    if (share && window.history && window.history.replaceState) {
      var url = new URL(window.location.href);
      [["region", region.value], ["departement", dep.value], ["q", text.value]].forEach(function (p) {
        if (p[1]) { url.searchParams.set(p[0], p[1]); } else { url.searchParams.delete(p[0]); }
      });
      try { window.history.replaceState(null, "", url.href); } catch (e) { /* file:// may refuse */ }
    }
  }

  var params = new URLSearchParams(window.location.search);
  region.value = params.get("region") || "";
  dep.value = params.get("departement") || "";
  text.value = params.get("q") || "";
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("input", function () { apply(true); });
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(true); });
  apply(false);
}());
