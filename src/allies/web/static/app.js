// allies pages: draw charts from the JSON specs in the page, mark the cited
// sentence, size the confidence meter. No inline scripts (CSP forbids them).
(function () {
  "use strict";

  function drawCharts() {
    var specs = document.querySelectorAll("script.chart-spec");
    if (!specs.length) { return; }
    if (typeof window.Plotly === "undefined") {
      specs.forEach(function (el) {
        var box = document.getElementById(el.dataset.target);
        if (box) { box.textContent = "Charts need plotly.min.js, which this server could not find."; }
      });
      return;
    }
    specs.forEach(function (el) {
      var box = document.getElementById(el.dataset.target);
      if (!box) { return; }
      var spec = JSON.parse(el.textContent);
      window.Plotly.newPlot(box, spec.data, spec.layout, { displaylogo: false, responsive: true }).then(function () {
        box.classList.add("drawn");
      });
      if (box.dataset.clickable === "yes") {
        box.on("plotly_click", function (event) {
          var point = event.points && event.points[0];
          var link = point && point.customdata;
          // Only same-site paths: the link text comes from the page's own data.
          if (typeof link === "string" && link.charAt(0) === "/" && link.charAt(1) !== "/") {
            window.location.assign(link);
          }
        });
      }
    });
  }

  function markSentence() {
    var match = /^#s(\d+)$/.exec(window.location.hash);
    if (!match) { return; }
    var target = document.getElementById("s" + match[1]);
    if (!target) { return; }
    document.querySelectorAll(".sentence.highlight").forEach(function (el) {
      if (el !== target) { el.classList.remove("highlight"); }
    });
    target.classList.add("highlight");
    target.scrollIntoView({ block: "center" });
  }

  function sizeMeters() {
    document.querySelectorAll(".meter-fill[data-width]").forEach(function (el) {
      var width = Math.max(0, Math.min(100, parseInt(el.dataset.width, 10) || 0));
      el.style.width = width + "%";
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    sizeMeters();
    markSentence();
    drawCharts();
  });
  window.addEventListener("hashchange", markSentence);
})();
