/*
 * The handbook's search worker, started by Material with every page, so kept small: it answers
 * Material's messages (SETUP -> READY, QUERY -> RESULT, as mkdocs-material 9.8's
 * integrations/search/worker/message/index.ts) and loads search-engine.js and the index only when
 * the reader starts to search (see search-engine.js).
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var engine = null, starting = null;

/* Download the engine and the index at `address` side by side (once), read it, tell Material's page. */
function start(address) {
  if (starting) return;
  starting = Promise.all([
    fetch(address).then(function (response) { return response.json(); }),
    import("./handbook-words.js"), import("./search-engine.js")
  ]).then(function (loaded) {
    engine = new self.HandbookSearch(loaded[0]);
    postMessage({ type: READY });
  });
}

if (self.location.hash.length > 1) {
  new BroadcastChannel(self.location.hash.slice(1)).addEventListener("message", function (event) {
    start(new URL(event.data.index, self.location.href));
  });
}

self.addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {  // the index's address is from the site's root
    start(new URL(message.data.config.index, new URL("../../../", self.location.href)));
  } else if (message.type === QUERY) {
    postMessage({ type: RESULT, data: engine ? engine.search(String(message.data)) : { items: [] } });
  }
});
