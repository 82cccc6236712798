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
