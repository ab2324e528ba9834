/*
 * How the handbook's search reads a word, the same way for the pages and for the reader's query:
 * folded (lower case, Turkish dotted and dotless i alike, accents dropped, the language's special
 * letters replaced: Kazakh letters as on a Russian keyboard), then cut to a stem by a light
 * stemmer, which works on folded words, so that "müşterilerin" and "musteriler", "reiðan" and
 * "reidur", "себебі" and "себеп" meet. Common words of the language (stop words) are not indexed.
 *
 * The rules of a language come from its language pack (translations/<language>/language.yml,
 * `search`), carried in its search index (`config.words`): which stemmer (by name: the stemmers
 * are code, below), the letters folded, the stop words, and for Kazakh the Latin spelling.
 * `self.handbookWords(rules)` gives the word handling of one language. Used by the search engine
 * (search-engine.js).
 */
"use strict";

(function (scope) {
  var WORD = /[\p{L}\p{N}]+/gu;
  var ACCENTED = /[^\u0000-\u007f]/;  // a letter that may carry an accent (as Python: any combining mark goes)

  /* Folding with a language's special letters (`letters`: {ð: "d"}): lower case (Turkish İ and I
     both become i), special letters replaced, accents dropped. */
  function folding(letters) {
    var special = Object.keys(letters).length ? new RegExp("[" + Object.keys(letters).join("") + "]", "g") : null;
    return function fold(text) {
      var folded = String(text).replace(/[İI]/g, "i").toLowerCase();
      if (special) folded = folded.replace(special, function (letter) { return letters[letter]; });
      return ACCENTED.test(folded) ? folded.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : folded;
    };
  }

  /* The Latin spellings, by name (a pack's `latin_spelling`): Kazakh. Each function ends with the
     language's folding, `fold`. */

  /* Kazakh written in Latin letters (the 2021 alphabet or informally, "qoshtasu", "koshtasu"),
     as folded Cyrillic: longest spelling first. */
  var LATIN_TO_CYRILLIC = [
    ["shch", "щ"], ["sh", "ш"], ["ch", "ч"], ["zh", "ж"], ["ts", "ц"], ["kh", "х"], ["gh", "г"],
    ["ya", "я"], ["ia", "я"], ["yu", "ю"], ["iu", "ю"], ["yo", "е"], ["io", "е"],
    ["ş", "ш"], ["ç", "ч"], ["ğ", "г"], ["ñ", "н"], ["ä", "а"], ["ö", "о"], ["ü", "у"], ["ū", "у"],
    ["ı", "и"], ["a", "а"], ["b", "б"], ["c", "ц"], ["d", "д"], ["e", "е"], ["f", "ф"], ["g", "г"],
    ["h", "х"], ["i", "и"], ["j", "ж"], ["k", "к"], ["l", "л"], ["m", "м"], ["n", "н"], ["o", "о"],
    ["p", "п"], ["q", "к"], ["r", "р"], ["s", "с"], ["t", "т"], ["u", "у"], ["v", "в"], ["w", "у"],
    ["x", "кс"], ["y", "ы"], ["z", "з"]
  ];
  function cyrillic(latinWord, fold) {
    var word = latinWord.toLowerCase(), out = "";
    outer: for (var i = 0; i < word.length;) {
      for (var k = 0; k < LATIN_TO_CYRILLIC.length; k++) {
        var pair = LATIN_TO_CYRILLIC[k];
        if (word.startsWith(pair[0], i)) { out += pair[1]; i += pair[0].length; continue outer; }
      }
      out += word[i++];
    }
    return fold(out);
  }

  /* A Kazakh word in the Latin alphabet of 2021, folded ("шағым" -> "sagym"), or "" for a word
     without Cyrillic: how a reader may type it without the alphabet's special letters. */
  var LATIN = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ё": "io",
    "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n",
    "ң": "ñ", "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū",
    "ү": "ü", "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "ch", "ш": "ş", "щ": "şş", "ъ": "",
    "ы": "y", "і": "ı", "ь": "", "э": "e", "ю": "iu", "я": "ia"
  };
  function latin(word, fold) {
    var lower = word.toLowerCase();
    if (!/[\u0400-\u04ff]/.test(lower)) return "";
    return fold(lower.replace(/[\u0400-\u04ff]/g, function (letter) { return letter in LATIN ? LATIN[letter] : letter; }));
  }

  /* A word typed with the keyboard left on the English layout, as the Russian layout has it. */
  var QWERTY = "qwertyuiop[]asdfghjkl;'zxcvbnm,.";
  var JCUKEN = "йцукенгшщзхъфывапролджэячсмитьбю";
  function russianLayout(latinWord, fold) {
    var out = "";
    for (var i = 0; i < latinWord.length; i++) {
      var at = QWERTY.indexOf(latinWord[i]);
      out += at < 0 ? latinWord[i] : JCUKEN[at];
    }
    return fold(out);
  }

  /* Light stemmers: suffixes (folded, longest first) cut from the end, `rounds` times at most,
     never leaving fewer than `min` letters. Kazakh then undoes the consonant alternation of a
     stem before a vowel (себебі -> себеп, тілегі -> тілек, жағы -> жақ). */
  /* "ly/4": cut "ly" only when at least 4 letters remain ("calmly", not "bully"); "er!": only
     as the word's last suffix (Turkish "sinirlenir", not "müşteri" from "müşteriler"). */
  function sorted(list) {
    var byLastLetter = {};  // only the suffixes a word's last letter allows are tried
    list.map(function (entry) {
      var parts = entry.replace("!", "").split("/");
      return { suffix: parts[0], min: parts[1] ? +parts[1] : 0, last: entry.indexOf("!") >= 0 };
    }).sort(function (a, b) { return b.suffix.length - a.suffix.length; }).forEach(function (rule) {
      var letter = rule.suffix[rule.suffix.length - 1];
      (byLastLetter[letter] = byLastLetter[letter] || []).push(rule);
    });
    return byLastLetter;
  }
  /* The stemmers, by name (a pack's `stemmer`). */
  var STEMMERS = {
    english: { min: 3, rounds: 1, undouble: true, suffixes: sorted([
      "izations", "isations", "ization", "isation", "ations", "ation", "itions", "ition", "ities", "ity",
      "ments", "ment", "nesses", "ness", "ingly", "ings", "ing", "izing", "ising", "ized", "ised",
      "izes", "ises", "ize", "ise", "ied", "ies", "ily", "ly/4", "ers",
      "er", "ed", "es", "s", "ful", "ive", "ives", "ous", "ally", "al", "y", "e", "able", "ably"]) },
    turkish: { min: 4, rounds: 4, suffixes: sorted([
      "lar", "ler", "lari", "leri", "larin", "lerin", "imiz", "umuz", "iniz", "unuz", "niz", "nuz",
      "siniz", "sunuz", "sin", "sun", "im", "um", "in", "un", "si", "su", "nin", "nun", "dan", "den",
      "tan", "ten", "nda", "nde", "da", "de", "ta", "te", "ya", "ye", "na", "ne", "yi", "yu", "ni", "nu",
      "yla", "yle", "la", "le", "ki", "dir", "dur", "tir", "tur", "di", "du", "ti", "tu", "mis", "mus",
      "iyor", "uyor", "yor", "mak", "mek", "ma", "me", "mamak", "memek", "ir!", "ur!", "ar!", "er!",
      "an", "en", "yan", "yen",
      "sa", "se", "ken", "arak", "erek", "ince", "unca", "ip", "up", "dik", "duk", "tik", "tuk",
      "ecek", "acak", "yecek", "yacak", "lik", "luk", "siz", "suz", "li",
      "lu", "i", "u", "a", "e", "mali", "meli", "abil", "ebil", "yin", "yiniz", "in", "iz", "uz",
      "cak", "cek"]) },
    icelandic: { min: 3, rounds: 2, suffixes: sorted([
      "arinnar", "anna", "unum", "inum", "innar", "inni", "inn", "ins", "inu", "ina", "ja/4", "du/4", "di/4",
      "num", "nir", "nar", "nna", "ur", "ar", "ir", "um", "an", "ri", "ra", "rar", "rir", "ast", "ist",
      "adi", "udu", "adu", "udum", "adir", "ud", "ad", "a", "i", "u", "s", "ns", "ni", "na", "legur",
      "legt", "leg", "lega", "legir", "lausn", "andi", "endur", "anda"]) },
    portuguese: { min: 3, rounds: 2, suffixes: sorted([
      "amentos", "imentos", "amento", "imento", "acoes", "icoes", "acao", "icao", "mente", "ancias",
      "ancia", "encias", "encia", "ados", "idos", "adas", "idas", "ado", "ido", "ada", "ida", "ando",
      "endo", "indo", "aram", "eram", "iram", "avam", "ariam", "arao", "ava", "ar", "er", "ir", "ou",
      "eu", "iu", "am", "em", "oes", "aes", "ais", "eis", "ois", "is", "es", "os", "as", "s", "o", "a",
      "e", "ivel", "avel", "ismo", "ista", "idade", "idades", "oso", "osa", "osos", "osas", "ivo", "iva"]) },
    kazakh: { min: 3, rounds: 4, alternation: true, suffixes: sorted([
      "лар", "лер", "дар", "дер", "тар", "тер", "ымыз", "имиз", "мыз", "миз", "ыныз", "иниз", "ныз",
      "низ", "ын", "ин", "ы", "и", "сы", "си", "ым", "им", "м", "нын", "нин", "дын", "дин", "тын",
      "тин", "га", "ге", "ка", "ке", "на", "не", "а", "е", "ны", "ни", "ды", "ди", "ты", "ти", "да",
      "де", "та", "те", "нда", "нде", "дан", "ден", "тан", "тен", "нан", "нен", "мен", "бен", "пен",
      "ган", "ген", "кан", "кен", "атын", "етин", "итын", "итин", "у", "ады", "еди", "иды", "иди",
      "са", "се", "ып", "ип", "ма", "ме", "уы", "уи", "лык", "лик", "дык", "дик",
      "тык", "тик", "сыз", "сиз", "лы", "ли", "ды", "ди", "гы", "ги", "кы", "ки",
      "ушы", "уши", "удын", "удин", "сын", "син", "сына", "сине", "сында", "синде", "сынан", "синен"]) }
  };

  /* Cut a folded word to its stem by `rules` (a stemmer of STEMMERS). */
  function stem(rules, word) {
    for (var round = 0; round < rules.rounds; round++) {
      var cut = false, candidates = rules.suffixes[word[word.length - 1]] || [];
      for (var i = 0; i < candidates.length; i++) {
        var suffix = candidates[i].suffix, min = Math.max(rules.min, candidates[i].min);
        if (candidates[i].last && round > 0) continue;
        if (word.length - suffix.length >= min && word.endsWith(suffix)) {
          word = word.slice(0, -suffix.length);
          cut = true;
          break;
        }
      }
      if (!cut) break;
    }
    if (rules.alternation) word = word.replace(/б$/, "п").replace(/г$/, "к").replace(/ю$/, "и");
    if (rules.undouble) word = word.replace(/([bdgmnprt])\1$/, "$1");
    return word;
  }

  /* Words of a text, in order (letters and digits). */
  function words(text) {
    return String(text).match(WORD) || [];
  }

  /* The word handling of one language, from the rules of its pack (`config.words` of its index):
     {stemmer: name or null, latin_spelling: name or null, fold: {letter: letters}, stop_words: [...]}. */
  scope.handbookWords = function (rules) {
    var fold = folding(rules.fold || {});
    var stemmer = STEMMERS[rules.stemmer];
    var stemOf = stemmer ? function (folded) { return stem(stemmer, folded); } : function (folded) { return folded; };
    var stop = new Set((rules.stop_words || []).map(fold));
    var inLatin = rules.latin_spelling === "kazakh";

    /* The indexed term of a folded page word, or "" for a stop word. */
    function termOfFolded(folded) {
      return stop.has(folded) ? "" : stemOf(folded);
    }

    /* The ways a query word can be read: folded as typed, and for a language typed in Latin
       letters also as its own letters and as typed on the wrong keyboard layout. Each is
       [folded word, term, weight]. */
    function readings(word) {
      var folded = fold(word), list = [[folded, stemOf(folded), 1]];
      if (inLatin && /^[a-zçğıñäöüūş']+$/.test(word.toLowerCase())) {
        var asCyrillic = cyrillic(word, fold);
        list.push([asCyrillic, stemOf(asCyrillic), 1]);
        var asLayout = russianLayout(word.toLowerCase(), fold);
        if (asLayout !== asCyrillic) list.push([asLayout, stemOf(asLayout), 0.8]);
      }
      return list;
    }

    return {
      fold: fold, stem: stemOf, termOfFolded: termOfFolded, words: words,
      term: function (word) { return termOfFolded(fold(word)); }, readings: readings, inLatin: inLatin,
      latin: function (word) { return inLatin ? latin(word, fold) : ""; },
      isStopWord: function (word) { return stop.has(fold(word)); }
    };
  };
  scope.handbookWords.stemmers = Object.keys(STEMMERS);  // the names a pack may give
  scope.handbookWords.latinSpellings = ["kazakh"];
})(self);
