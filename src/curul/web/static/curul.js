// curul's dashboard: the little the pages need beyond htmx, with no inline script anywhere.
// After htmx swaps a page's content, move focus to its first heading so keyboard and screen-reader
// users land on the new result (and not on a control that no longer exists).
document.addEventListener("htmx:afterSwap", function (event) {
  var target = event.detail && event.detail.target;
  if (!target || target.id !== "contenido") return;
  var active = document.activeElement;
  if (active && active !== document.body && target.contains(active)) return;
  var heading = target.querySelector("h1");
  if (heading) {
    heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: true });
  }
});
