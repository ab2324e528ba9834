/*
 * The language switcher keeps the reader on the same section: mkdocs-static-i18n links each
 * language to the same page, and this adds the current #fragment (a section, or the decision
 * tool's answers) to those links, whenever the fragment changes.
 */
(function () {
  "use strict";

  function carryFragment() {
    var links = document.querySelectorAll("a.md-select__link[hreflang]");
    for (var i = 0; i < links.length; i++) {
      links[i].href = links[i].href.split("#")[0] + location.hash;
    }
  }

  window.addEventListener("hashchange", carryFragment);
  document.addEventListener("DOMContentLoaded", carryFragment);
  if (window.document$) window.document$.subscribe(carryFragment);  // Material's instant loading
  carryFragment();
})();
