/* dutygraph report: filter and sort the responsibility matrix. The page is complete
   without this script; it only hides rows (the hidden attribute) and reorders them. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  // a link to a task's text opens the collapsed appendix it sits in
  function reveal() {
    var target = location.hash && document.getElementById(location.hash.slice(1));
    var box = target && target.closest("details");
    if (box && !box.open) { box.open = true; target.scrollIntoView(); }
  }
  window.addEventListener("hashchange", reveal);
  reveal();
  var input = document.getElementById("mx-filter");
  var role = document.getElementById("mx-role");
  var count = document.getElementById("mx-count");
  var tables = Array.prototype.slice.call(document.querySelectorAll("table.mx"));
  if (!input || !tables.length) { return; }
  var ROLES = ["L", "S", "I", "V"];
  var all = [];
  tables.forEach(function (table) {
    var units = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) {
      return th.textContent.toLowerCase();
    });
    var body = table.tBodies[0];
    Array.prototype.forEach.call(body.rows, function (tr, i) {
      var marks = [];
      Array.prototype.forEach.call(tr.cells, function (cell, j) {
        if (cell.tagName === "TD" && cell.className) {
          marks.push({ unit: units[j], col: j, roles: cell.className.split(" ") });
        }
      });
      var row = { tr: tr, table: table, i: i, text: tr.cells[0].textContent.toLowerCase(),
                  marks: marks };
      tr.dutygraph = row;
      all.push(row);
    });
    table.tHead.rows[0].addEventListener("click", function (ev) {
      var th = ev.target.closest("th");
      if (th) { sortBy(table, th); }
    });
  });

  function matches(row, q, r) {
    var hasRole = function (m) { return !r || m.roles.indexOf(r) >= 0; };
    if (!q || row.text.indexOf(q) >= 0) { return !r || row.marks.some(hasRole); }
    return row.marks.some(function (m) { return m.unit.indexOf(q) >= 0 && hasRole(m); });
  }

  var pending = false;
  function apply() {
    pending = false;
    var q = input.value.trim().toLowerCase();
    var r = role ? role.value : "";
    var shown = 0;
    for (var k = 0; k < all.length; k++) {
      var ok = matches(all[k], q, r);
      if (all[k].tr.hidden === ok) { all[k].tr.hidden = !ok; }
      if (ok) { shown++; }
    }
    if (count) { count.textContent = shown + " / " + all.length; }
  }
  function schedule() {
    if (!pending) { pending = true; window.requestAnimationFrame(apply); }
  }
  input.addEventListener("input", schedule);
  if (role) { role.addEventListener("change", schedule); }

  function rank(row, col) {
    var m = row.marks.filter(function (x) { return x.col === col; })[0];
    if (!m) { return ROLES.length; }
    for (var k = 0; k < ROLES.length; k++) {
      if (m.roles.indexOf(ROLES[k]) >= 0) { return k; }
    }
    return ROLES.length - 1;
  }
  function sortBy(table, th) {
    var col = th.cellIndex;
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) {
      c.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
    var rows = Array.prototype.map.call(table.tBodies[0].rows, function (tr) {
      return tr.dutygraph;
    });
    rows.sort(function (a, b) {
      var d = col === 0 ? 0 : rank(a, col) - rank(b, col);
      if (d) { return d * dir; }
      return col === 0 ? (a.i - b.i) * dir : a.i - b.i;
    });
    var frag = document.createDocumentFragment();
    rows.forEach(function (row) { frag.appendChild(row.tr); });
    table.tBodies[0].appendChild(frag);
  }
  apply();
})();
