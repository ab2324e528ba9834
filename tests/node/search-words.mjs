// Reads {languages: {code: rules}, words: {code: [word, ...]}} (JSON, path in argv) and prints how
// the search worker's word handling (docs/assets/javascripts/workers/handbook-words.js) reads each
// word with each language's rules: {stemmers, latinSpellings, languages: {code: {fold, term}}}.
// Used by tests/unit/test_search_words.py to hold it to the language packs and to the Python side.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

globalThis.self = globalThis;
createRequire(import.meta.url)("../../docs/assets/javascripts/workers/handbook-words.js");
const Words = globalThis.handbookWords;
const { languages, words } = JSON.parse(readFileSync(process.argv[2], "utf8"));
const read = {};
for (const [code, rules] of Object.entries(languages)) {
  const W = Words(rules);
  read[code] = { fold: words[code].map(W.fold), term: words[code].map(W.term) };
}
process.stdout.write(JSON.stringify({ stemmers: Words.stemmers, latinSpellings: Words.latinSpellings, languages: read }));
