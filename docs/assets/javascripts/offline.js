/*
 * "Save for offline" on each language's home page (see handbook/offline/worker.py and sw.js).
 *
 * The control shows the size of the language's offline copy (listed in its offline.json). Choosing it
 * registers the site's service worker and saves every file of that language in the browser's
 * cache; later visits then work without a connection. A saved language can be removed again.
 * Browsers without service workers (or JavaScript) never see the control: it keeps its place on
 * the page, invisible, so that showing it moves nothing.
 */
(function () {
  "use strict";

  var PREFIX = "handbook-offline:";
  var item = document.querySelector(".hb-offline");
  if (!item || !("serviceWorker" in navigator) || !window.caches || !window.fetch) return;

  var button = item.querySelector("button");
  var status = item.querySelector(".hb-offline__status");
  var language = item.dataset.language;
  var root = new URL(item.dataset.root || "./", location.href);
  var manifestUrl = new URL("offline.json", location.href);  // the home page is the language root
  var manifest = null;
  var saved = false;

  // The site's languages, as the page's alternates name them.
  var languages = Array.prototype.map.call(document.querySelectorAll("link[rel=alternate][hreflang]"),
    function (link) { return link.hreflang; }).concat([language]);

  /* The language of a cache the site's worker names ("handbook-offline:<version>:<language>"), or
     null for any other cache on this origin, which is never touched. */
  function languageOf(name) {
    var parts = name.split(":");
    var own = parts.length === 3 && parts[0] + ":" === PREFIX && /^[0-9a-f]{16}$/.test(parts[1]);
    return own && languages.indexOf(parts[2]) >= 0 ? parts[2] : null;
  }

  function savedCaches() {
    return caches.keys().then(function (names) {
      return names.filter(function (name) { return languageOf(name) === language; });
    });
  }

  function show(message) {
    status.textContent = message || "";
  }

  function render() {
    button.disabled = false;
    if (saved) {
      button.textContent = item.dataset.remove;
      show(item.dataset.saved);
    } else {
      button.textContent = item.dataset.save.replace("{size}", item.dataset.size);
      show("");
    }
    item.classList.remove("hb-offline--waiting");
  }

  function save() {
    button.disabled = true;
    show(item.dataset.saving);
    return navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.href })
      .then(function () { return fetch(manifestUrl, { cache: "no-store" }); })
      .then(function (response) { return response.json(); })
      .then(function (fresh) {
        manifest = fresh;
        return caches.open(PREFIX + fresh.version + ":" + language).then(function (cache) {
          return cache.addAll(fresh.files.map(function (address) {
            return new Request(new URL(address, root).href, { cache: "reload" });
          }));
        });
      })
      .then(function () {
        return savedCaches().then(function (names) {
          return Promise.all(names.filter(function (name) {
            return name.split(":")[1] !== manifest.version;
          }).map(function (name) { return caches.delete(name); }));
        });
      })
      .then(function () { saved = true; render(); item.dataset.state = "saved"; },
            function () { render(); show(item.dataset.failed); });
  }

  function remove() {
    button.disabled = true;
    return savedCaches()
      .then(function (names) { return Promise.all(names.map(function (name) { return caches.delete(name); })); })
      .then(function () { return caches.keys(); })
      .then(function (names) {
        var others = names.some(function (name) { return languageOf(name) !== null; });
        if (others) return null;
        return navigator.serviceWorker.getRegistration(root.href).then(function (registration) {
          return registration && registration.unregister();
        });
      })
      .then(function () { saved = false; render(); item.dataset.state = "removed"; });
  }

  button.addEventListener("click", function () {
    if (saved) remove(); else save();
  });

  savedCaches().then(function (names) {
    saved = names.length > 0;
    render();
    item.dataset.state = saved ? "saved" : "ready";
    // Online after a deploy: the worker brings the saved copy up to date.
    if (saved && navigator.serviceWorker.controller) navigator.serviceWorker.controller.postMessage("update");
  });
})();
