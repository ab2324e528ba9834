/*
 * How the handbook's search reads a word, the same way for the pages and for the reader's query:
 * folded (lower case, Turkish dotted and dotless i alike, accents and special letters replaced,
 * Kazakh letters as on a Russian keyboard), then cut to a stem by a light stemmer of the page's
 * language, which works on folded words, so that "müşterilerin" and "musteriler", "reiðan" and
 * "reidur", "себебі" and "себеп" meet. Common words of a language (stop words) are not indexed.
 *
 * Used by the search worker (handbook-search.js, with importScripts) and by the browser tests.
 */
"use strict";

(function (scope) {
  /* Letters that lose more than an accent: Icelandic, Turkish, Kazakh Cyrillic to Russian. */
  var LETTERS = {
    "ı": "i", "ð": "d", "þ": "th", "æ": "ae", "ø": "o", "œ": "oe", "ß": "ss",
    "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
    "ё": "е", "й": "и"
  };
  var SPECIAL = new RegExp("[" + Object.keys(LETTERS).join("") + "]", "g");
  var WORD = /[\p{L}\p{N}]+/gu;

  /* Lower-case (Turkish İ and I both become i), replace special letters, drop accents. */
  var ACCENTED = /[\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f]/;
  function fold(text) {
    var folded = String(text)
      .replace(/[İI]/g, "i")
      .toLowerCase()
      .replace(SPECIAL, function (letter) { return LETTERS[letter]; });
    return ACCENTED.test(folded) ? folded.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : folded;
  }

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
  function cyrillic(latinWord) {
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
  function latin(word) {
    var lower = word.toLowerCase();
    if (!/[\u0400-\u04ff]/.test(lower)) return "";
    return fold(lower.replace(/[\u0400-\u04ff]/g, function (letter) { return letter in LATIN ? LATIN[letter] : letter; }));
  }

  /* A word typed with the keyboard left on the English layout, as the Russian layout has it. */
  var QWERTY = "qwertyuiop[]asdfghjkl;'zxcvbnm,.";
  var JCUKEN = "йцукенгшщзхъфывапролджэячсмитьбю";
  function russianLayout(latinWord) {
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
  var STEMMERS = {
    en: { min: 3, rounds: 1, undouble: true, suffixes: sorted([
      "izations", "isations", "ization", "isation", "ations", "ation", "itions", "ition", "ities", "ity",
      "ments", "ment", "nesses", "ness", "ingly", "ings", "ing", "izing", "ising", "ized", "ised",
      "izes", "ises", "ize", "ise", "ied", "ies", "ily", "ly/4", "ers",
      "er", "ed", "es", "s", "ful", "ive", "ives", "ous", "ally", "al", "y", "e", "able", "ably"]) },
    tr: { min: 4, rounds: 4, suffixes: sorted([
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
    is: { min: 3, rounds: 2, suffixes: sorted([
      "arinnar", "anna", "unum", "inum", "innar", "inni", "inn", "ins", "inu", "ina", "ja/4", "du/4", "di/4",
      "num", "nir", "nar", "nna", "ur", "ar", "ir", "um", "an", "ri", "ra", "rar", "rir", "ast", "ist",
      "adi", "udu", "adu", "udum", "adir", "ud", "ad", "a", "i", "u", "s", "ns", "ni", "na", "legur",
      "legt", "leg", "lega", "legir", "lausn", "andi", "endur", "anda"]) },
    pt: { min: 3, rounds: 2, suffixes: sorted([
      "amentos", "imentos", "amento", "imento", "acoes", "icoes", "acao", "icao", "mente", "ancias",
      "ancia", "encias", "encia", "ados", "idos", "adas", "idas", "ado", "ido", "ada", "ida", "ando",
      "endo", "indo", "aram", "eram", "iram", "avam", "ariam", "arao", "ava", "ar", "er", "ir", "ou",
      "eu", "iu", "am", "em", "oes", "aes", "ais", "eis", "ois", "is", "es", "os", "as", "s", "o", "a",
      "e", "ivel", "avel", "ismo", "ista", "idade", "idades", "oso", "osa", "osos", "osas", "ivo", "iva"]) },
    kk: { min: 3, rounds: 4, alternation: true, suffixes: sorted([
      "лар", "лер", "дар", "дер", "тар", "тер", "ымыз", "имиз", "мыз", "миз", "ыныз", "иниз", "ныз",
      "низ", "ын", "ин", "ы", "и", "сы", "си", "ым", "им", "м", "нын", "нин", "дын", "дин", "тын",
      "тин", "га", "ге", "ка", "ке", "на", "не", "а", "е", "ны", "ни", "ды", "ди", "ты", "ти", "да",
      "де", "та", "те", "нда", "нде", "дан", "ден", "тан", "тен", "нан", "нен", "мен", "бен", "пен",
      "ган", "ген", "кан", "кен", "атын", "етин", "итын", "итин", "у", "ады", "еди", "иды", "иди",
      "са", "се", "ып", "ип", "ма", "ме", "уы", "уи", "лык", "лик", "дык", "дик",
      "тык", "тик", "сыз", "сиз", "лы", "ли", "ды", "ди", "гы", "ги", "кы", "ки",
      "ушы", "уши", "удын", "удин", "сын", "син", "сына", "сине", "сында", "синде", "сынан", "синен"]) }
  };

  function stem(language, word) {
    var rules = STEMMERS[language];
    if (!rules) return word;
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

  /* Words too common to tell sections apart (folded). */
  var STOP = {
    en: "a about an and are as at be been but by can could did do does for from get gets got had has have he her his how i if in into is it its me my no not of on or our she should so some that the their them then there they this to too up us very want was we were what when where which who why will with would you your",
    tr: "etmek etmeyin etti eder yapmak olmak olarak olan gibi kadar nasil acaba ama ancak bana bazi be ben beni benim bir biz bize bu buna bunu da daha de defa diye en gibi hem hep her hic icin ile ise ki kim mi mu ne neden nasil niye o ona onu onun ve veya ya yani sen siz size",
    is: "a af annad at eda ef eg en enn fra fyrir hann hun hvad hvernig i med mig mer min nu og ofan oll sem sig sin sinn til um thad thae their thu thvi thetta upp ur var vera vid",
    pt: "a ao aos as com como da das de do dos e ela ele em eu isso lhe mas me meu na nas nao no nos o os ou para pela pelo por qual que se sem seu sua tem um uma",
    kk: "бир бул да де деп жане ал ол мен сен сиз биз олар не ма ме ба бе па пе осы сол жур дейди деди"
  };
  var STOP_SETS = {};
  function stopWords(language) {
    if (!STOP_SETS[language]) STOP_SETS[language] = new Set((STOP[language] || "").split(" "));
    return STOP_SETS[language];
  }

  /* The indexed term of a page word, or "" for a stop word. */
  function term(language, word) {
    var folded = fold(word);
    if (stopWords(language).has(folded)) return "";
    return stem(language, folded);
  }

  /* Words of a text, in order (letters and digits). */
  function words(text) {
    return String(text).match(WORD) || [];
  }

  /* The ways a query word can be read: folded as typed, and for Kazakh in Latin letters also as
     Cyrillic and as typed on the wrong keyboard layout. Each is [folded word, term, weight]. */
  function readings(language, word) {
    var folded = fold(word), list = [[folded, stem(language, folded), 1]];
    if (language === "kk" && /^[a-zçğıñäöüūş']+$/.test(word.toLowerCase())) {
      var asCyrillic = cyrillic(word);
      list.push([asCyrillic, stem(language, asCyrillic), 1]);
      var asLayout = russianLayout(word.toLowerCase());
      if (asLayout !== asCyrillic) list.push([asLayout, stem(language, asLayout), 0.8]);
    }
    return list;
  }

  scope.handbookWords = {
    fold: fold, stem: stem, term: term, words: words, readings: readings, latin: latin,
    isStopWord: function (language, word) { return stopWords(language).has(fold(word)); }
  };
})(self);
