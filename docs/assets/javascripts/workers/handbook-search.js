/*
 * Search worker of the handbook, in place of Material's: it answers Material's search interface
 * with the same messages (SETUP -> READY, QUERY -> RESULT, as in mkdocs-material 9.8's
 * src/templates/assets/javascripts/integrations/search/worker/message/index.ts; recheck them when
 * upgrading), so the search box and result list stay Material's own.
 *
 * Material starts this worker with every page, so it is small: the engine (search-engine.js,
 * with handbook-words.js) and the language's index (search/search_index.json) are downloaded
 * only when the reader starts to search. The page (search-config.js) says so the moment the
 * search box gets the focus or a finger touches the search button, on a channel named by this
 * worker's address (handbook-search.js#<channel>), so the index is downloaded and read while
 * Material's page is still setting up its search, and READY is sent as soon as it is: Material
 * sends queries from the first READY on. Material's SETUP (from search_setup.json, the index's
 * options) starts it too, when the page could not say so first.
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var engine = null, starting = null;

/* Download and read the index at `address` (once), then tell Material's page. */
function start(address) {
  if (starting) return;
  starting = fetch(address).then(function (response) { return response.json(); });
  importScripts("handbook-words.js", "search-engine.js");  // while the index downloads
  starting.then(function (index) {
    engine = new self.HandbookSearch(index);
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
