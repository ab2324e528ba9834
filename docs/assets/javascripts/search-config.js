/*
 * Each language searches its own index with the handbook's worker (workers/search-engine.js):
 * this sets the page config's base and worker (this element's data-base, data-worker) before
 * Material's script reads it. Material's request for the index gets search_setup.json (its
 * options) instead, once the reader starts to search; the worker, told at once on its own
 * channel, downloads the index itself. Material's sitemap.xml requests are not sent: the
 * language switcher's links already name the same page. Pasted or dictated text arrives without
 * a key, and Material reads the box on "keyup": such changes are passed on as a key release.
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

(function (box) {
  "use strict";
  if (!box) return;
  function release() { box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true })); }
  box.addEventListener("input", function (event) { if (!event.isComposing) release(); });
  box.addEventListener("compositionend", release);  // the input method's word is done
})(document.querySelector("input.md-search__input"));
