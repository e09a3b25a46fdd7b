// bilan search: reads ?q=, searches as you type, and shows results grouped
// by kind. The index is a set of scripts under recherche/ (so it also works
// from file://): meta.js, t-XX.js (words by their first two letters) and
// d-N.js (documents). Only the files a query needs are loaded.
(function () {
  "use strict";
  var box = document.getElementById("recherche-resultats");
  var input = document.getElementById("recherche-q");
  var status = document.getElementById("recherche-etat");
  if (!box || !input || !status) { return; }
  var L = box.dataset;
  var meta = null;
  var shards = {};
  var chunks = {};
  var waiting = {};

  window.BILAN_SEARCH = {
    meta: function (m) { meta = m; done("meta"); },
    shard: function (name, words) { shards[name] = words; done("t-" + name); },
    docs: function (n, rows) { chunks[n] = rows; done("d-" + n); },
    lastMs: null
  };

  function done(name) { if (waiting[name]) { waiting[name].resolve(); } }

  // Loads recherche/NAME.js once; resolves when it has run (or failed).
  function load(name) {
    if (!waiting[name]) {
      var w = {};
      w.promise = new Promise(function (resolve) { w.resolve = resolve; });
      waiting[name] = w;
      var s = document.createElement("script");
      s.src = L.base + name + ".js";
      s.onerror = function () { w.resolve(); };
      document.head.appendChild(s);
    }
    return waiting[name].promise;
  }

  // The same folding as the index (src/search.rs): no accents, lowercase,
  // one space between words.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/œ/g, "oe").replace(/æ/g, "ae")
      .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  function shardOf(word) {
    var safe = function (c) { return /[a-z0-9]/.test(c) ? c : "_"; };
    var chars = Array.from(word);
    return safe(chars[0]) + safe(chars[1]);
  }

  function kindOf(id) {
    if (id < meta.kinds[0]) { return 0; }
    return id < meta.kinds[0] + meta.kinds[1] ? 1 : 2;
  }

  // Ids of the documents with a word starting with `word`, and how well
  // each matches (2: the whole word, 1: its beginning).
  function matches(word) {
    var found = new Map();
    var words = shards[shardOf(word)] || {};
    Object.keys(words).forEach(function (key) {
      if (key.lastIndexOf(word, 0) !== 0) { return; }
      var exact = key === word ? 2 : 1;
      var id = 0;
      words[key].forEach(function (gap) {
        id += gap;
        found.set(id, Math.max(found.get(id) || 0, exact));
      });
    });
    return found;
  }

  function plural(n) {
    return (n === 1 ? L.one : L.many).replace("{}", n.toLocaleString(document.documentElement.lang));
  }

  var current = 0;

  function search(query, started) {
    var run = ++current;
    var q = fold(query);
    var words = q.split(" ").filter(function (w) { return Array.from(w).length >= 2; });
    if (!words.length) { show([], 0, query, started); return; }
    var needed = words.map(shardOf).filter(function (s, i, all) {
      return all.indexOf(s) === i && meta.shards.indexOf(s) >= 0;
    });
    Promise.all(needed.map(function (s) { return load("t-" + s); })).then(function () {
      if (run !== current) { return; }
      // Every word must match: intersect, adding up how well each matched.
      var score = null;
      words.forEach(function (w) {
        var m = matches(w);
        var next = new Map();
        (score || m).forEach(function (v, id) {
          if (m.has(id)) { next.set(id, (score ? v : 0) + m.get(id)); }
        });
        score = next;
      });
      var ids = Array.from(score.keys());
      // The best candidates of each kind are read to rank them by title.
      ids.sort(function (a, b) { return score.get(b) - score.get(a) || a - b; });
      var picked = [[], [], []];
      ids.forEach(function (id) { var k = kindOf(id); if (picked[k].length < 24) { picked[k].push(id); } });
      var shown = picked[0].concat(picked[1], picked[2]);
      var files = shown.map(function (id) { return Math.floor(id / meta.chunk); })
        .filter(function (c, i, all) { return all.indexOf(c) === i; });
      Promise.all(files.map(function (c) { return load("d-" + c); })).then(function () {
        if (run !== current) { return; }
        var results = shown.map(function (id) {
          var row = chunks[Math.floor(id / meta.chunk)][id % meta.chunk];
          var title = fold(row[1]);
          var rank = score.get(id);
          if (title === q) { rank += 100; } else if (title.lastIndexOf(q, 0) === 0) { rank += 50; }
          var titleWords = title.split(" ");
          if (words.every(function (w) { return titleWords.some(function (t) { return t.lastIndexOf(w, 0) === 0; }); })) { rank += 20; }
          return { id: id, kind: row[0], title: row[1], href: row[2], sub: row[3], rank: rank };
        });
        results.sort(function (a, b) { return b.rank - a.rank || a.title.localeCompare(b.title); });
        show(results, ids.length, query, started);
      });
    });
  }

  function show(results, total, query, started) {
    box.textContent = "";
    var labels = [L.territories, L.projects, L.pages];
    [0, 1, 2].forEach(function (kind) {
      var group = results.filter(function (r) { return r.kind === kind; });
      if (!group.length) { return; }
      var h = document.createElement("h2");
      h.textContent = labels[kind];
      box.appendChild(h);
      var ul = document.createElement("ul");
      ul.className = "search-results";
      group.slice(0, 20).forEach(function (r) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = L.root + r.href;
        a.textContent = r.title;
        li.appendChild(a);
        if (r.sub) {
          var span = document.createElement("span");
          span.className = "meta";
          span.textContent = r.sub;
          li.appendChild(span);
        }
        ul.appendChild(li);
      });
      box.appendChild(ul);
      if (group.length > 20) {
        var more = document.createElement("p");
        more.className = "meta";
        more.textContent = L.more.replace("{}", group.length - 20);
        box.appendChild(more);
      }
    });
    if (!query.trim()) {
      status.textContent = "";
    } else {
      status.textContent = total ? plural(total) : L.none;
    }
    window.BILAN_SEARCH.lastMs = performance.now() - started;
  }

  function update(push) {
    var started = performance.now();
    var q = input.value;
    if (push && window.history && window.history.replaceState) {
      var url = new URL(window.location.href);
      if (q) { url.searchParams.set("q", q); } else { url.searchParams.delete("q"); }
      try { window.history.replaceState(null, "", url.href); } catch (e) { /* file:// may refuse */ }
    }
    if (meta) { search(q, started); } else { load("meta").then(function () { search(q, started); }); }
  }

  input.value = new URLSearchParams(window.location.search).get("q") || "";
  input.addEventListener("input", function () { update(true); });
  input.form.addEventListener("submit", function (e) { e.preventDefault(); update(true); });
  ["recherche-site", "recherche-menu"].forEach(function (id) {
    var box = document.getElementById(id);
    if (box) { box.value = input.value; }
  });
  load("meta").then(function () { if (input.value) { update(false); } });
}());
