// Overview page: search and filter the records of window.VNFR_INDEX (search-index.js).
// Plain DOM, no framework; the results are links to the record pages.
(function () {
  "use strict";
  var index = window.VNFR_INDEX;
  var form = document.getElementById("filters");
  if (!index || !form) { return; }
  form.hidden = false;
  var LIMIT = 200;
  var KIND = { events: "event", statements: "statement", agreements: "agreement", figures: "figure", actors: "actor" };
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "d").toLowerCase();
  }
  var records = index.records.map(function (r) {
    return { r: r, hay: fold(r.label + " " + r.text + " " + r.id) };
  });
  var fields = ["q", "table", "type", "source", "actor", "from", "to"];
  var inputs = {};
  fields.forEach(function (name) { inputs[name] = form.elements.namedItem(name); });
  var list = document.getElementById("results");
  var status = document.getElementById("result-count");

  function value(name) { return inputs[name].value.trim(); }
  function matches(item, words, f) {
    var r = item.r;
    if (f.table && r.table !== f.table) { return false; }
    if (f.type && r.table + ":" + r.type !== f.type) { return false; }
    if (f.source && r.sources.indexOf(f.source) < 0) { return false; }
    if (f.actor && r.actors.indexOf(f.actor) < 0) { return false; }
    if (f.from || f.to) {
      if (!r.date) { return false; }
      if (f.from && (r.date_end || r.date) < f.from) { return false; }
      if (f.to && r.date > f.to) { return false; }
    }
    for (var i = 0; i < words.length; i++) {
      if (item.hay.indexOf(words[i]) < 0) { return false; }
    }
    return true;
  }
  function run() {
    var f = {};
    fields.forEach(function (name) { f[name] = value(name); });
    var words = fold(f.q).split(/\s+/).filter(Boolean);
    var any = fields.some(function (name) { return f[name]; });
    list.textContent = "";
    if (!any) {
      status.textContent = "Type a word or choose a filter to list records (" + records.length + " in all).";
      return;
    }
    var hits = records.filter(function (item) { return matches(item, words, f); });
    status.textContent = hits.length === 1 ? "1 record matches." :
      hits.length + " records match" + (hits.length > LIMIT ? "; the first " + LIMIT + " are shown." : ".");
    hits.slice(0, LIMIT).forEach(function (item) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = item.r.href;
      a.textContent = item.r.label;
      li.appendChild(a);
      var meta = document.createElement("span");
      meta.className = "kind";
      meta.textContent = KIND[item.r.table] + (item.r.type ? " · " + item.r.type.replace(/_/g, " ") : "") +
        (item.r.when ? " · " + item.r.when : "");
      li.appendChild(meta);
      list.appendChild(li);
    });
  }
  var params = new URLSearchParams(location.search);
  fields.forEach(function (name) {
    if (params.has(name)) { inputs[name].value = params.get(name); }
    inputs[name].addEventListener("input", run);
    inputs[name].addEventListener("change", run);
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  form.addEventListener("reset", function () { setTimeout(run, 0); });
  run();
  if (params.has("q")) { inputs.q.focus(); }
})();
