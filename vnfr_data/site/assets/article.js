// Article pages: point at a record's link (or arrive from a record page at #e<n>)
// and its quoted words light up. Works without it: the highlights are plain HTML.
(function () {
  "use strict";
  function marks(keys) {
    var found = [];
    keys.forEach(function (key) {
      document.querySelectorAll('mark[data-ev~="' + key + '"]').forEach(function (m) { found.push(m); });
    });
    return found;
  }
  function light(keys, on) {
    marks(keys).forEach(function (m) { m.classList.toggle("on", on); });
  }
  function lightChips(keys, on) {
    keys.forEach(function (key) {
      document.querySelectorAll('a.chip[data-ev~="' + key + '"]').forEach(function (c) { c.classList.toggle("on", on); });
    });
  }
  var lit = [];
  function fromHash() {
    light(lit, false);
    lightChips(lit, false);
    lit = [];
    var key = decodeURIComponent(location.hash.slice(1));
    if (/^e[0-9]+$/.test(key) && document.getElementById(key)) {
      lit = [key];
      light(lit, true);
      lightChips(lit, true);
    }
  }
  document.querySelectorAll("a.chip[data-ev]").forEach(function (chip) {
    var keys = chip.getAttribute("data-ev").split(" ");
    ["mouseenter", "focus"].forEach(function (e) {
      chip.addEventListener(e, function () { light(keys, true); });
    });
    ["mouseleave", "blur"].forEach(function (e) {
      chip.addEventListener(e, function () { light(keys, false); light(lit, true); });
    });
  });
  // On a narrow screen the record links would bury the text: fold them (a tap opens them).
  if (window.matchMedia && window.matchMedia("(max-width: 63.99rem)").matches) {
    document.querySelectorAll("details.refs-box[open]").forEach(function (d) { d.open = false; });
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
