/*
 * Without a connection, a page the site's worker answers from the saved copy says so, with the
 * date that copy was saved (the Date its server gave the page), so that an old copy is never
 * taken for the current handbook. The words come from this script element's data-words, in the
 * page's language (translations/<language>/ui.yml, offline.saved_copy).
 */
(function (script) {
  "use strict";
  if (navigator.onLine !== false || !window.caches || !("serviceWorker" in navigator)) return;
  var words = script.dataset.words;
  var PREFIX = "handbook-offline:";

  function savedResponse(names) {
    var own = new RegExp("^" + PREFIX + "[0-9a-f]{16}:" + document.documentElement.lang + "$");
    return names.filter(function (name) { return own.test(name); }).reduce(function (answer, name) {
      return answer.then(function (found) {
        return found || caches.open(name).then(function (cache) { return cache.match(location.href, { ignoreSearch: true }); });
      });
    }, Promise.resolve(undefined));
  }

  caches.keys().then(savedResponse).then(function (response) {
    var date = response && new Date(response.headers.get("Date"));
    if (!date || isNaN(date)) return;
    var notice = document.createElement("p");
    notice.className = "hb-saved-copy";
    notice.setAttribute("role", "status");
    notice.textContent = words.replace("{date}", date.toLocaleDateString(document.documentElement.lang,
      { year: "numeric", month: "long", day: "numeric" }));
    var article = document.querySelector("article") || document.body;
    article.insertBefore(notice, article.firstChild);
  });
})(document.currentScript);
