/*
 * The language switcher keeps the reader on the same section: mkdocs-static-i18n links each
 * language to the same page, and this adds the current #fragment (a section, or the decision
 * tool's answers) to those links, whenever the fragment changes.
 */
(function () {
  "use strict";

  var SWITCHER_LINK = "a.md-select__link[hreflang]";

  function carryFragment() {
    var links = document.querySelectorAll(SWITCHER_LINK);
    for (var i = 0; i < links.length; i++) {
      links[i].href = links[i].href.split("#")[0] + location.hash;
    }
  }

  // Material rewrites clicks on alternate-language links from its sitemaps, which are made for
  // sites whose languages mirror each other path for path; here it would drop the #section.
  // The links already point at the right page, so they are left to the browser.
  document.addEventListener("click", function (event) {
    if (event.target instanceof Element && event.target.closest(SWITCHER_LINK)) {
      carryFragment();
      event.stopPropagation();
    }
  }, true);

  // Material's search dialog has no accessible name; give it the search box's own label.
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    var input = document.querySelector(".md-search__input");
    if (dialog && input && !dialog.hasAttribute("aria-label"))
      dialog.setAttribute("aria-label", input.getAttribute("aria-label") || input.placeholder);
  }

  // A section that moved: send a reader who followed an old link to where it is now. Any
  // fragment is safe here: a malformed %-escape is read as written, and only the list's own
  // entries count (#constructor or #__proto__ is no moved section).
  function followMovedSection() {
    var data = document.getElementById("hb-redirects");
    var moved = data ? JSON.parse(data.textContent) : {};
    var fragment = location.hash.slice(1);
    try { fragment = decodeURIComponent(fragment); } catch (error) { /* keep it as written */ }
    var target = Object.prototype.hasOwnProperty.call(moved, fragment) ? moved[fragment] : null;
    if (typeof target === "string" && target) location.replace(target);
  }

  window.addEventListener("hashchange", carryFragment);
  window.addEventListener("hashchange", followMovedSection);
  followMovedSection();
  nameSearchDialog();
  carryFragment();
})();
