/*
 * Material loads "search/search_index.json" from the site root and has no setting to change it.
 * Each language has its own index under its own root, searched by the handbook's own worker
 * (stemming, synonyms, typos, folding of diacritics and keyboard layouts) in place of Material's:
 * this rewrites the two addresses in Material's page config before Material's script reads it
 * (it runs first: deferred, and placed before Material's). Material's script then downloads only
 * the index's options (search_setup.json); the worker downloads the index itself, off the page's
 * main thread. The language's root and the worker's address come from this script element's
 * data-base and data-worker (overrides/partials/handbook-search-config.html).
 *
 * Material's script (mkdocs-material 9.8) also downloads, on every page load, the whole search
 * index, and a sitemap.xml next to every <link rel="alternate">, to map pages between language
 * versions. Here the index is sent for only when the reader starts to search (the search box
 * gets the focus: a tap, a click or the keyboard shortcut, or a finger touches the search
 * button), or when a page opened from a search result highlights the words found; and the
 * sitemaps are never requested, because every link of the language switcher already names the
 * same page in the other language. When the reader starts to search, this script also tells the
 * worker at once, on a channel only this page and its worker know (named in the worker's
 * address), so the worker downloads its engine and index without waiting for Material.
 */
(function (script, el) {
  "use strict";
  var config = JSON.parse(el.textContent);
  config.base = script.dataset.base;
  var index = new URL("search/search_index.json", new URL(config.base, location.href)).href;
  var setup = new URL("search/search_setup.json", new URL(config.base, location.href)).href;
  var channel = "handbook-search-" + Math.random().toString(36).slice(2);
  config.search = new URL(script.dataset.worker + "#" + channel, location.href).href;
  el.textContent = JSON.stringify(config);

  var request = XMLHttpRequest.prototype, open = request.open, send = request.send;
  var waiting = [], searching = false;
  request.open = function (method, url) {
    this.hbAddress = new URL(url, location.href);
    if (this.hbAddress.href !== index) return open.apply(this, arguments);
    this.hbAddress = new URL(setup);  // the worker downloads the index itself
    return open.call(this, method, setup);
  };
  request.send = function () {
    var address = this.hbAddress;
    if (address && /\/sitemap\.xml$/.test(address.pathname)) return;
    if (address && address.href === setup && !searching) return void waiting.push(this);
    return send.apply(this, arguments);
  };
  function startSearching() {
    if (searching) return;
    searching = true;
    new BroadcastChannel(channel).postMessage({ index: index });
    waiting.splice(0).forEach(function (xhr) { send.call(xhr); });
  }
  document.addEventListener("focusin", function (event) {
    if (event.target instanceof Element && event.target.closest("form[name=search]")) startSearching();
  });
  document.addEventListener("pointerdown", function (event) {  // a finger on the search button: start now
    if (event.target instanceof Element && event.target.closest("[for=__search], form[name=search]")) startSearching();
  });
  if (/[?&][hq]=/.test(location.search)) startSearching();
})(document.currentScript, document.getElementById("__config"));
