// curul's dashboard: draw the Vega-Lite charts a page carries. Each chart is an element whose
// data-spec attribute holds the spec built on the server as JSON (data inline: nothing is fetched). Vega runs its expressions through the vendored
// interpreter (no eval, so the Content-Security-Policy needs no 'unsafe-eval'); numbers use Peru's
// format (decimal point, thousands comma). Each chart gets SVG and PNG download links. After htmx
// swaps and settles a page's content, the new charts are drawn too. Without JavaScript the table beside each
// chart carries the same figures.
(function () {
  "use strict";
  var LOCALE = { decimal: ".", thousands: ",", grouping: [3], currency: ["S/ ", ""] };

  function darkConfig() {
    if (!window.matchMedia || !window.matchMedia("(prefers-color-scheme: dark)").matches) return {};
    var ink = "#e6e6e6";
    return {
      axis: { labelColor: ink, titleColor: ink, domainColor: "#999", tickColor: "#999", gridColor: "#444" },
      legend: { labelColor: ink, titleColor: ink },
      title: { color: ink },
    };
  }

  function downloads(box, view, name, labels) {
    var bar = document.createElement("p");
    bar.className = "chart-downloads";
    ["svg", "png"].forEach(function (kind) {
      var link = document.createElement("a");
      link.textContent = labels[kind];
      link.href = "#";
      link.setAttribute("download", name + "." + kind);
      link.addEventListener("click", function (event) {
        if (link.dataset.ready) return;
        event.preventDefault();
        view.toImageURL(kind, kind === "png" ? 2 : 1).then(function (url) {
          link.href = url;
          link.dataset.ready = "1";
          link.click();
        });
      });
      bar.appendChild(link);
      bar.appendChild(document.createTextNode(" "));
    });
    box.appendChild(bar);
  }

  function draw(root) {
    if (!window.vegaEmbed || !window.vegaInterpreter) return;
    root.querySelectorAll("[data-spec]").forEach(function (box) {
      if (box.dataset.drawn) return;
      box.dataset.drawn = "1";
      var spec = JSON.parse(box.dataset.spec);
      var target = document.createElement("div");
      target.className = "vega-target";
      box.insertBefore(target, box.firstChild);
      var labels = { svg: box.dataset.svgLabel || "SVG", png: box.dataset.pngLabel || "PNG" };
      window
        .vegaEmbed(target, spec, {
          mode: "vega-lite",
          renderer: "svg",
          actions: false,
          ast: true,
          expr: window.vegaInterpreter.expressionInterpreter,
          defaultStyle: false,
          formatLocale: LOCALE,
          config: darkConfig(),
        })
        .then(function (result) {
          box.classList.add("drawn");
          var svg = target.querySelector("svg");
          if (svg) svg.setAttribute("aria-label", spec.description || "");
          downloads(box, result.view, box.dataset.name || "grafico", labels);
        })
        .catch(function (error) {
          box.dataset.error = String(error);
        });
    });
  }

  // A form's mistake comes back as a 422 with the form and its message: show it like any answer.
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr && event.detail.xhr.status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    draw(document);
  });
  // After htmx has swapped and settled a page's content (settling rewrites attributes), draw anew.
  document.addEventListener("htmx:afterSettle", function (event) {
    draw(event.detail && event.detail.target ? event.detail.target : document);
  });
})();
