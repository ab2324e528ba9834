/*
 * The root 404 page holds every language's text (overrides/404.html): show the one of the
 * address's first folder (/kk/... in Kazakh), or the default language's. The site's own path
 * comes from this script element's data-site-path.
 */
(function (script) {
  "use strict";
  var base = script.dataset.sitePath, path = location.pathname;
  var rest = path.indexOf(base) === 0 ? path.slice(base.length) : path.replace(/^\//, "");
  var first = rest.split("/")[0], blocks = document.querySelectorAll("[data-hb-not-found]");
  if (!blocks.length) return;
  var chosen = blocks[0].getAttribute("data-hb-not-found");
  blocks.forEach(function (block) { if (block.getAttribute("data-hb-not-found") === first) chosen = first; });
  blocks.forEach(function (block) {
    var shown = block.getAttribute("data-hb-not-found") === chosen;
    block.hidden = !shown;
    if (shown) {
      document.documentElement.lang = chosen;
      document.title = block.querySelector("h1").textContent;
    }
  });
})(document.currentScript);
