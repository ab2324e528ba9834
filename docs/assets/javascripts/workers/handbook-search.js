/*
 * Search worker of the handbook: Material's own worker, with folding, loaded when first needed.
 *
 * Material's worker (search.*.min.js of mkdocs-material 9.8, passed as ?material=...) indexes
 * with lunr 2.3 and has no setting for accent-insensitive search. This wrapper adds one step to
 * lunr's indexing pipeline: every word of every page is indexed folded (lower case, Turkish
 * dotted and dotless i alike, accents and special letters replaced), and a Kazakh word also in
 * the 2021 Latin alphabet, folded the same way. Queries are folded before Material reads them.
 * So "musteri" finds "müşteri", "vidskiptavin" finds "viðskiptavin", "токтату" (Russian keyboard)
 * finds "тоқтату", and "şağym" or "sagym" finds "шағым".
 *
 * The folded words keep the position of the word they come from, so Material's result list
 * highlights the word as the page writes it, whatever the reader typed.
 *
 * Material's worker is imported only when the first message arrives, which is when the page has
 * loaded the search index, which is when the reader starts to search
 * (overrides/partials/handbook-search-config.html).
 */
"use strict";

/* Letters that lose more than an accent: Icelandic, Turkish, Kazakh Cyrillic to Russian. */
var LETTERS = {
  "ı": "i", "ð": "d", "þ": "th", "æ": "ae", "ø": "o", "œ": "oe", "ß": "ss",
  "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
  "ё": "е", "й": "и"
};
var SPECIAL = new RegExp("[" + Object.keys(LETTERS).join("") + "]", "g");

/* Kazakh Cyrillic in the Latin alphabet of 2021 (before folding). */
var LATIN = {
  "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ё": "io",
  "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n",
  "ң": "ñ", "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū",
  "ү": "ü", "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "ch", "ш": "ş", "щ": "şş", "ъ": "",
  "ы": "y", "і": "ı", "ь": "", "э": "e", "ю": "iu", "я": "ia"
};
var CYRILLIC = /[\u0400-\u04ff]/;
var CYRILLIC_LETTER = /[\u0400-\u04ff]/g;

/* Lower-case (Turkish İ and I both become i), replace special letters, drop accents. */
function fold(text) {
  return String(text)
    .replace(/[İI]/g, "i")
    .toLowerCase()
    .replace(SPECIAL, function (letter) { return LETTERS[letter]; })
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

/* A Kazakh word in Latin letters, or "" when the word has no Cyrillic. */
function latin(word) {
  if (!CYRILLIC.test(word)) return "";
  return word.toLowerCase().replace(CYRILLIC_LETTER, function (letter) {
    return letter in LATIN ? LATIN[letter] : letter;
  });
}

/* A word's indexed forms: folded, and a Kazakh word's folded Latin form too (words repeat). */
var FORMS = new Map();
function forms(word) {
  var known = FORMS.get(word);
  if (known) return known;
  var folded = fold(word), transliterated = latin(word);
  known = transliterated && fold(transliterated) !== folded ? [folded, fold(transliterated)] : [folded];
  FORMS.set(word, known);
  return known;
}

/* lunr pipeline step: each word in its indexed forms, all at the word's own position. */
function handbookFold(token) {
  var words = forms(token.toString());
  if (words.length === 1) return token.update(function () { return words[0]; });
  return words.map(function (word) { return token.clone(function () { return word; }); });
}

function addFolding(lunr) {
  lunr.Pipeline.registerFunction(handbookFold, "handbookFold");
  var add = lunr.Builder.prototype.add;
  // Material builds its index with lunr.Builder and empties the pipeline first (mkdocs.yml:
  // `pipeline: []`); the step is added to the builder just before the first page goes in.
  lunr.Builder.prototype.add = function () {
    if (!this.handbookFolding) {
      this.handbookFolding = true;
      this.pipeline.add(handbookFold);
      this.searchPipeline.add(handbookFold);
    }
    return add.apply(this, arguments);
  };
}

// Material's SearchMessageType values, QUERY = 2 carries the reader's query: see
// src/templates/assets/javascripts/integrations/search/worker/message/index.ts in
// mkdocs-material 9.8 (github.com/squidfunk/mkdocs-material); recheck them when upgrading.
var QUERY = 2;

function prepare(message) {
  if (message && message.type === QUERY && typeof message.data === "string")
    return { type: QUERY, data: fold(message.data) };
  return message;
}

/* Material's worker registers its message handler with addEventListener; keep it here. */
var handlers = [];
var listen = self.addEventListener.bind(self);
self.addEventListener = function (type, handler, options) {
  if (type !== "message") return listen(type, handler, options);
  handlers.push(handler);
};

var material = new URL(self.location.href).searchParams.get("material");
listen("message", function (event) {
  if (material) {
    importScripts(material);  // synchronous: Material's handler is registered when it returns
    addFolding(self.lunr);
    material = null;
  }
  var message = { data: prepare(event.data) };
  handlers.forEach(function (handler) { handler(message); });
});
