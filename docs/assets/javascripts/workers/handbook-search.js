/*
 * Search worker of the handbook: Material's own worker, with folding.
 *
 * Material's worker has no setting for accent-insensitive search, and its lunr language
 * plugins trim Cyrillic away when several languages are on. This wrapper loads Material's
 * worker (its address is passed as ?material=...) and folds the text of every document and
 * every query the same way, so that "musteri" finds "müşteri", "negociacao" finds
 * "negociação", "vidskiptavin" finds "viðskiptavin" and "токтату" (Russian keyboard) finds
 * "тоқтату". The folded text goes into extra fields; titles and text are shown unchanged.
 */
"use strict";

var LETTERS = {
  "ı": "i", "ð": "d", "þ": "th", "æ": "ae", "ø": "o", "œ": "oe", "ß": "ss",
  "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
  "ё": "е", "й": "и"
};
var SPECIAL = new RegExp("[" + Object.keys(LETTERS).join("") + "]", "g");

/* Lower-case (Turkish İ and I both become i), replace special letters, drop accents. */
function fold(text) {
  return String(text)
    .replace(/[İI]/g, "i")
    .toLowerCase()
    .replace(SPECIAL, function (letter) { return LETTERS[letter]; })
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

/*
 * A query word is searched as typed (so Material highlights it in the results) and folded (so
 * it also matches words typed without their accents); words with search syntax only folded.
 */
function expand(word) {
  var folded = fold(word);
  if (/^[+\-]|[:~^*"]/.test(word) || folded === word.toLowerCase()) return folded;
  return word.toLowerCase() + " " + folded;
}

// Material's SearchMessageType values (SETUP = 0 carries the index, QUERY = 2 a query), as
// its search.*.min.js worker reads them in mkdocs-material 9.8; recheck them when upgrading.
var SETUP = 0;
var QUERY = 2;

function prepare(message) {
  if (message && message.type === SETUP) {
    var fields = message.data.config.fields;
    fields.folded_title = fields.title || { boost: 1000 };
    fields.folded_text = fields.text || { boost: 1 };
    message.data.docs.forEach(function (doc) {
      doc.folded_title = fold(doc.title || "");
      doc.folded_text = fold(doc.text || "");
    });
  } else if (message && message.type === QUERY && typeof message.data === "string") {
    message.data = message.data.split(/\s+/).map(expand).join(" ");
  }
  return message;
}

var listen = self.addEventListener.bind(self);
self.addEventListener = function (type, handler, options) {
  if (type !== "message") return listen(type, handler, options);
  return listen(type, function (event) {
    handler({ data: prepare(event.data) });
  }, options);
};

importScripts(new URL(self.location.href).searchParams.get("material"));
