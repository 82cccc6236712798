// Communique explorer: small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  // GET forms: drop empty fields so URLs stay short and shareable (…?type=VISIT, not …?actor=&type=VISIT&…).
  document.querySelectorAll("form[method='get']").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input[name], select[name]").forEach(function (field) {
        if (!field.value) { field.disabled = true; }
      });
      window.setTimeout(function () {
        form.querySelectorAll("[disabled]").forEach(function (f) { f.disabled = false; });
      }, 0);
    });
  });

  // Article legend: click an actor to bring its mentions forward; click again to show all.
  var active = null;
  document.querySelectorAll(".legend-item[data-actor]").forEach(function (button) {
    button.addEventListener("click", function () {
      var id = button.getAttribute("data-actor");
      document.querySelectorAll(".actor.focus, .legend-item.active").forEach(function (el) {
        el.classList.remove("focus", "active");
      });
      if (active === id) {
        active = null;
        document.body.classList.remove("focusing");
        return;
      }
      active = id;
      document.body.classList.add("focusing");
      button.classList.add("active");
      document.querySelectorAll(".actor[data-actor]").forEach(function (el) {
        if (el.getAttribute("data-actor") === id) { el.classList.add("focus"); }
      });
    });
  });

  // Event page: bring the first evidence sentence into view.
  var evidence = document.querySelector(".event-layout mark.evidence");
  if (evidence && document.body.classList.contains("page-event")) {
    evidence.scrollIntoView({ block: "center" });
  }
})();

// Sortable tables: click a column header to sort the rows shown (numbers as numbers, dates as text);
// a cell's data-sort attribute, when present, is the value sorted on (e.g. event date, else reported date).
(function () {
  "use strict";
  function value(row, index) {
    var cell = row.children[index];
    if (!cell) { return ""; }
    var v = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
    var n = Number(v.replace(/,/g, ""));
    return v !== "" && !isNaN(n) ? n : v.toLowerCase();
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var headers = table.querySelectorAll("thead th");
    headers.forEach(function (th, index) {
      th.classList.add("sortable-th");
      th.setAttribute("tabindex", "0");
      th.setAttribute("title", "Sort by this column");
      function sort() {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = value(a, index), y = value(b, index);
          if (x === y) { return 0; }
          return (x > y ? 1 : -1) * (ascending ? 1 : -1);
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
    });
  });
})();
