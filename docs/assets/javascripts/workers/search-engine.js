/*
 * The handbook's search engine, in place of Material's lunr. Material starts the search worker
 * (handbook-search.js) with every page; the worker loads this file, handbook-words.js and the
 * language's index only when the reader starts to search. The page (search-config.js) says so
 * the moment the search box gets the focus or a finger touches the search button, on a channel
 * named in the worker's address (handbook-search.js#<channel>), so the index is downloaded and
 * read while Material's page still sets up its search, and the worker sends READY as soon as it
 * is (Material sends queries from the first READY on); Material's SETUP (from
 * search_setup.json, the index's options) starts it too, when the page could not say so first.
 *
 * A language's index (search/search_index.json, written by
 * hooks/search_per_language.py) holds the sections; words are read by handbook-words.js (folding,
 * stop words, a stemmer per language). A section scores by BM25 over its title and text; a query
 * word matches a page word with the same stem, a page word it starts (the reader is still
 * typing), or for a longer word one with a letter wrong, missing, extra or swapped. Everyday
 * words are replaced by the handbook's (the index's `synonyms`, from
 * translations/<language>/synonyms.yml). Sections that answer rank before quizzes, scenarios and
 * the decision tool (each section's `kind`); the tool's steps count as the tool's one row.
 */
"use strict";

/* How much a match in a section of this kind counts, against a chapter section (1). */
var KIND_WEIGHT = { section: 1, page: 0.7, quiz: 0.3, scenario: 0.6, tool: 0.55, overview: 0.4, guide: 0.5 };
var TITLE = 4, K1 = 1.2, B = 0.6;
// Pages in a result, and sections per page: more are hardly read, and each costs time to mark and send.
var MOST = 15, SECTIONS = 6, MOST_FOR_A_LETTER = 6, SECTIONS_FOR_A_LETTER = 2;

function Engine(index) {
  var docs = index.docs, self = this;
  var W = this.words = globalThis.handbookWords(index.config.words || {});
  this.docs = docs;
  this.owner = [];       // the document a document's words count for (a tool step: the tool)
  this.weight = [];      // how much a document's matches count
  this.length = [];      // words in a document
  this.postings = new Map();  // term -> Map(document -> weighted count)
  this.forms = new Map();     // folded page word -> its term
  this.latinForms = null;  // Kazakh: the page word in Latin letters, folded -> its term (when first needed)
  var pageOf = new Map();
  docs.forEach(function (doc, at) { if (doc.location.indexOf("#") < 0) pageOf.set(doc.location, at); });
  var cache = this.cache = new Map(), postings = this.postings, forms = this.forms;
  // Words outside tags and entities, in one pass; each page word is folded and stemmed once.
  var WORD_IN_HTML = /<[^>]*>|&[#\w]+;|([\p{L}\p{N}]+)/gu;
  docs.forEach(function (doc, at) {
    var owner = doc.kind === "step" ? pageOf.get(doc.location.split("#")[0]) : at;
    if (owner === undefined) owner = at;
    self.owner[at] = owner;
    self.weight[at] = KIND_WEIGHT[doc.kind] || 1;
    var count = 0;
    [[doc.title, TITLE], [doc.text, 1]].forEach(function (field) {
      var found, word, term, list;
      WORD_IN_HTML.lastIndex = 0;
      while ((found = WORD_IN_HTML.exec(field[0]))) {
        if (!(word = found[1])) continue;
        term = cache.get(word);
        if (term === undefined) {
          var folded = W.fold(word);
          cache.set(word, term = W.termOfFolded(folded));
          if (term) forms.set(folded, term);
        }
        if (!term) continue;
        count++;
        list = postings.get(term);
        if (!list) postings.set(term, list = new Map());
        list.set(owner, (list.get(owner) || 0) + field[1]);
      }
    });
    self.length[owner] = (self.length[owner] || 0) + count;
  });
  var total = 0, n = 0;
  this.length.forEach(function (length) { if (length) { total += length; n++; } });
  this.average = total / Math.max(n, 1);
  this.count = n;
  this.surface = Array.from(this.forms.keys()).sort();
  this.terms = Array.from(this.postings.keys());
  this.synonyms = this.readSynonyms(index.config.synonyms || {});
}

/* The term of a page word (remembered: pages repeat their words). */
Engine.prototype.termOf = function (word) {
  var known = this.cache.get(word);
  if (known === undefined) this.cache.set(word, known = this.words.term(word));
  return known;
};

/* Synonyms as term sequences: "money back" -> [["money", "back"], [["refund"]]]. */
Engine.prototype.readSynonyms = function (synonyms) {
  var W = this.words, list = [];
  Object.keys(synonyms).forEach(function (phrase) {
    var from = W.words(phrase).filter(function (word) { return !W.isStopWord(word); })
      .map(function (word) { return W.stem(W.fold(word)); });
    var to = [].concat(synonyms[phrase]).map(function (target) {
      return W.words(target).map(W.term).filter(Boolean);
    });
    if (from.length) list.push({ from: from, to: to });
  });
  return list.sort(function (a, b) { return b.from.length - a.from.length; });
};

/* Inverse document frequency: words on nearly every page count for little. */
Engine.prototype.idf = function (term) {
  var df = this.postings.get(term).size;
  var idf = Math.log(1 + (this.count - df + 0.5) / (df + 0.5));
  return df > this.count / 3 ? idf * 0.3 : idf;
};

/* Page words starting with `prefix`: binary search in the sorted list of folded page words. */
/* Kazakh page words in Latin letters, made when a reader first types Latin letters on a Kazakh page. */
Engine.prototype.latin = function () {
  if (!this.latinForms) {
    this.latinForms = new Map();
    this.cache.forEach(function (term, word) { if (term) this.latinForms.set(this.words.latin(word), term); }, this);
    this.latinForms.delete("");
    this.latinSurface = Array.from(this.latinForms.keys()).sort();
  }
};

Engine.prototype.startingWith = function (prefix, limit, inLatin) {
  var list = inLatin ? this.latinSurface : this.surface, forms = inLatin ? this.latinForms : this.forms;
  var low = 0, high = list.length, found = [];
  while (low < high) {
    var middle = (low + high) >> 1;
    if (list[middle] < prefix) low = middle + 1; else high = middle;
  }
  for (var i = low; i < list.length && list[i].startsWith(prefix) && found.length < limit; i++)
    found.push(forms.get(list[i]));
  return found;
};

/* At most `most` edits (a letter wrong, missing, extra, or two swapped) from `a` to `b`. */
function close(a, b, most) {
  if (Math.abs(a.length - b.length) > most) return false;
  var previous = null, row = [], before = [];
  for (var j = 0; j <= b.length; j++) row[j] = j;
  for (var i = 1; i <= a.length; i++) {
    var next = [i], best = i;
    for (j = 1; j <= b.length; j++) {
      var cost = a[i - 1] === b[j - 1] ? 0 : 1;
      var value = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + cost);
      if (previous && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, previous[j - 2] + 1);
      next[j] = value;
      if (value < best) best = value;
    }
    if (best > most) return false;
    previous = row; row = next;
  }
  return row[b.length] <= most;
}

/* Index terms a query word matches, each with how much the match counts. */
Engine.prototype.matches = function (word, last) {
  var found = new Map(), self = this, W = this.words;
  function add(term, weight) {
    if (term && self.postings.has(term) && (found.get(term) || 0) < weight) found.set(term, weight);
  }
  W.readings(word).forEach(function (reading) {
    var folded = reading[0], term = reading[1], weight = reading[2];
    add(term, weight);
    if (last || folded.length >= 3)
      self.startingWith(folded, last && folded.length < 3 ? 30 : 200).forEach(function (t) { add(t, 0.8 * weight); });
    if (term.length >= 4)
      self.startingWith(term, 100).forEach(function (t) { add(t, 0.6 * weight); });
  });
  if (W.inLatin && !/[\u0400-\u04ff]/.test(word)) {  // Kazakh in Latin letters
    this.latin();
    var latin = W.fold(word);
    this.startingWith(latin, last || latin.length >= 3 ? 200 : 0, true).forEach(function (t) { add(t, 0.9); });
  }
  if (!found.size) {
    var folded = W.fold(word);
    if (folded.length >= 5) {
      var stem = W.stem(folded), most = folded.length >= 8 ? 2 : 1;
      this.terms.forEach(function (t) {
        if (t.length >= 3 && close(stem, t, most)) add(t, 0.5);
      });
    }
  }
  return found;
};

/* The query as clauses: one per word, or one per everyday phrase found in the synonyms. */
Engine.prototype.clauses = function (query) {
  var W = this.words, typed = W.words(query), clauses = [];
  var content = typed.filter(function (word) { return !W.isStopWord(word); });
  if (content.length) typed = content;
  var stems = typed.map(function (word) { return W.stem(W.fold(word)); });
  for (var i = 0; i < typed.length;) {
    var last = i === typed.length - 1, synonym = null;
    // a longer word the pages do not have may be an everyday word mistyped ("boundries")
    var typo = stems[i].length >= 5 && !this.postings.has(stems[i]);
    for (var s = 0; s < this.synonyms.length && !synonym; s++) {
      var from = this.synonyms[s].from;
      if (from.every(function (part, k) { return stems[i + k] === part; })) synonym = this.synonyms[s];
    }
    for (s = 0; s < this.synonyms.length && !synonym && typo; s++) {
      if (this.synonyms[s].from.length === 1 && close(stems[i], this.synonyms[s].from[0], 1)) synonym = this.synonyms[s];
    }
    if (synonym) {
      // the words as typed count a little; each of the handbook's phrases counts fully, as the
      // mean of its words, so a section needs all of a phrase's words to match it best
      var span = typed.slice(i, i + synonym.from.length), typedWords = new Map();
      span.forEach(function (word) {
        this.matches(word, false).forEach(function (weight, term) { typedWords.set(term, Math.max(typedWords.get(term) || 0, 0.6 * weight)); });
      }, this);
      var alternatives = [[typedWords]].concat(synonym.to.map(function (terms) {
        return terms.map(function (term) {
          var part = new Map();
          this.startingWith(term, 50).forEach(function (t) { part.set(t, 0.8); });
          if (this.postings.has(term)) part.set(term, 1);
          return part;
        }, this);
      }, this));
      clauses.push({ word: span.join(" "), alternatives: alternatives });
      i += span.length;
    } else {
      clauses.push({ word: typed[i], alternatives: [[this.matches(typed[i], last)]] });
      i++;
    }
  }
  return clauses;
};

Engine.prototype.search = function (query) {
  var clauses = this.clauses(query), self = this;
  if (!clauses.length) return { items: [] };
  var scores = new Map(), hits = new Map(), marked = new Set();
  // A clause counts for coverage as much as its rarest match: a section without "client" may
  // still answer "bullied by a client", one without "bullied" does not.
  var rarest = Math.log(1 + this.count), worth = clauses.map(function (clause) {
    var most = 0;
    clause.alternatives.forEach(function (parts) {
      parts.forEach(function (part) {
        part.forEach(function (weight, term) { most = Math.max(most, weight * self.idf(term)); marked.add(term); });
      });
    });
    return most || rarest;
  });
  var total = worth.reduce(function (a, b) { return a + b; }, 0);
  clauses.forEach(function (clause, c) {
    var best = new Map();
    clause.alternatives.forEach(function (parts) {
      var sum = new Map();
      parts.forEach(function (part) {
        self.partScores(part).forEach(function (value, doc) { sum.set(doc, (sum.get(doc) || 0) + value / parts.length); });
      });
      sum.forEach(function (value, doc) { if (value > (best.get(doc) || 0)) best.set(doc, value); });
    });
    best.forEach(function (value, doc) {
      scores.set(doc, (scores.get(doc) || 0) + value);
      if (!hits.has(doc)) hits.set(doc, new Set());
      hits.get(doc).add(c);
    });
  });
  var ranked = [];
  scores.forEach(function (score, doc) {
    var covered = 0;
    hits.get(doc).forEach(function (c) { covered += worth[c]; });
    covered /= total;
    ranked.push({ doc: doc, score: score * covered * covered * self.weight[doc] });
  });
  ranked.sort(function (a, b) { return b.score - a.score; });

  // one or two letters match most pages: one screenful, each page with its best sections, until the next key
  var short = query.trim().length < 3, groups = new Map();
  var most = short ? MOST_FOR_A_LETTER : MOST, sections = short ? SECTIONS_FOR_A_LETTER : SECTIONS;
  ranked.forEach(function (entry) {
    var doc = self.docs[entry.doc], page = doc.location.split("#")[0];
    if (groups.has(page) ? groups.get(page).length >= sections : groups.size >= most) return;
    var terms = {};
    clauses.forEach(function (clause, c) { terms[clause.word] = hits.get(entry.doc).has(c); });
    var item = {
      location: doc.location, title: self.mark(doc.title, marked), text: self.mark(doc.text, marked),
      score: entry.score, terms: terms
    };
    if (!groups.has(page)) groups.set(page, []);
    groups.get(page).push(item);
  });
  groups.forEach(function (items, page) {  // Material's result list needs the page in each group
    if (!items.some(function (item) { return item.location === page; })) {
      var at = self.docs.findIndex(function (doc) { return doc.location === page; });
      if (at >= 0) items.push({ location: page, title: self.docs[at].title, text: self.docs[at].text, score: 0, terms: {} });
    }
  });
  return { items: Array.from(groups.values()) };
};

/* Each document's best BM25 score over the terms of one query word, weighted by how they matched. */
Engine.prototype.partScores = function (part) {
  var self = this, best = new Map();
  part.forEach(function (weight, term) {
    var idf = self.idf(term);
    self.postings.get(term).forEach(function (count, doc) {
      var norm = count * (K1 + 1) / (count + K1 * (1 - B + B * self.length[doc] / self.average));
      var value = weight * idf * norm;
      if (value > (best.get(doc) || 0)) best.set(doc, value);
    });
  });
  return best;
};

/* The HTML with every word that matched in <mark>, outside tags and entities. */
Engine.prototype.mark = function (html, marked) {
  var self = this;
  return html.split(/(<[^>]*>|&[#\w]+;)/).map(function (part, at) {
    if (at % 2) return part;
    return part.replace(/[\p{L}\p{N}]+/gu, function (word) {
      return marked.has(self.termOf(word)) ? "<mark>" + word + "</mark>" : word;
    });
  }).join("");
};

self.HandbookSearch = Engine;
