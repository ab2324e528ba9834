"""The language pack: what differs by language besides its words, in translations/<lang>/language.yml.

One file per language holds its locale (language_TERRITORY: numbers, sizes, link previews), its
Hunspell dictionary and the Debian packages that bring it, how it writes kilobyte and megabyte,
its hyphenation rule for the PDF when Pyphen has none, the team that reviews it, the facts the
checks need (letters, common words, a search word, the knowledge checks' verdicts), and how search
reads its words (`search`: stop words, letters folded, the stemmer by name). The build,
the commands and the tests read it through `Site.language(code)`; CI reads it through

    python -m handbook.content.languages packages     # the Debian packages every configured language needs
    python -m handbook.content.languages codes        # the configured languages, default first
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from handbook.content.source import DataError, YamlSource, read_yaml

_LOCALE = re.compile(r"^[a-z]{2,3}_[A-Z]{2}$")
_TEAM = re.compile(r"^@[\w.-]+/[\w.-]+$")
# The stemmers and Latin spellings the search worker knows, by name (docs/assets/javascripts/workers/handbook-words.js).
STEMMERS = ("english", "turkish", "icelandic", "portuguese", "kazakh")
LATIN_SPELLINGS = ("kazakh",)


def pack_file(code: str) -> str:
    return f"translations/{code}/language.yml"


@dataclass(frozen=True)
class Hyphenation:
    """A syllable starts at the consonant before a vowel; `split_vowels`: two vowels side by
    side belong to two syllables."""

    vowels: str
    consonants: str
    split_vowels: bool


@dataclass(frozen=True)
class SearchRules:
    """How search reads the language's words, the pages' and the reader's alike: special letters
    folded to what a reader types instead (`fold`), common words not searched for (`stop_words`),
    the stemmer that cuts a word to its stem (none: words match as typed, folded), and the Latin
    spelling readers may type the language in (Kazakh)."""

    stemmer: str | None = None
    latin_spelling: str | None = None
    fold: tuple[tuple[str, str], ...] = ()
    stop_words: tuple[str, ...] = ()

    @property
    def letters(self) -> dict[str, str]:
        return dict(self.fold)

    def as_config(self) -> dict:
        """The rules as the search index carries them to the worker."""
        return {"stemmer": self.stemmer, "latin_spelling": self.latin_spelling, "fold": self.letters,
                "stop_words": list(self.stop_words)}


@dataclass(frozen=True)
class Language:
    code: str
    locale: str  # "pt_PT"
    dictionary: str  # Hunspell's name: "pt_PT"
    packages: tuple[str, ...]  # Debian packages: ("hunspell-pt-pt",)
    size_units: tuple[str, str]  # kilobyte, megabyte
    team: str  # "@difficult-clients-handbook/translators-pt"
    hyphenation: Hyphenation | None
    letters: str
    common_words: tuple[str, ...]
    search_word: str
    knowledge_check: tuple[str, str]  # how an explanation starts: right, not right
    search: SearchRules = SearchRules()
    capitals: tuple[tuple[str, str], ...] = ()  # capitals with another small letter: (("İ", "i"), ("I", "ı"))

    def lower(self, text: str) -> str:
        """Small letters as the language writes them (Turkish: İ is i, I is ı)."""
        for capital, small in self.capitals:
            text = text.replace(capital, small)
        return text.lower()


def _text(source: YamlSource, key: str, fix: str, pattern: re.Pattern | None = None) -> str:
    value = source.data.get(key)
    if not isinstance(value, str) or not value.strip() or (pattern and not pattern.match(value)):
        raise DataError(source.file, source.line(key), f"'{key}' is missing or not written as expected.", fix)
    return value


def _texts(source: YamlSource, key: str, fix: str, count: int | None = None) -> tuple[str, ...]:
    value = source.data.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value) \
            or (count is not None and len(value) != count):
        raise DataError(source.file, source.line(key), f"'{key}' must be a list of {count or 'one or more'} texts.", fix)
    return tuple(value)


def _search_rules(source: YamlSource) -> SearchRules:
    """The pack's `search` block, checked; a language without one is searched by whole words, folded."""
    rules = source.data.get("search")
    if rules is None:
        return SearchRules()
    if not isinstance(rules, dict) or set(rules) - {"stemmer", "latin_spelling", "fold", "stop_words"}:
        raise DataError(source.file, source.line("search"), "'search' may hold only stemmer, latin_spelling, fold and stop_words.",
                        "write them as in translations/en/language.yml, or remove 'search' to match whole words.")
    stemmer, latin = rules.get("stemmer"), rules.get("latin_spelling")
    if stemmer is not None and stemmer not in STEMMERS:
        raise DataError(source.file, source.line("search", "stemmer"), f"search's stemmer '{stemmer}' is not one the search knows.",
                        f"write one of {', '.join(STEMMERS)}, or remove the line: words then match as typed.")
    if latin is not None and latin not in LATIN_SPELLINGS:
        raise DataError(source.file, source.line("search", "latin_spelling"), f"search's latin_spelling '{latin}' is not one the search knows.",
                        f"write one of {', '.join(LATIN_SPELLINGS)}, or remove the line.")
    fold = rules.get("fold") or {}
    if not isinstance(fold, dict) or not all(isinstance(k, str) and len(k) == 1 and isinstance(v, str) and v
                                             for k, v in fold.items()):
        raise DataError(source.file, source.line("search", "fold"), "search's 'fold' must map single letters to what a reader types instead.",
                        "write it as  fold: {ð: d, þ: th}")
    stop_words = rules.get("stop_words") or ""
    if not isinstance(stop_words, str):
        raise DataError(source.file, source.line("search", "stop_words"), "search's 'stop_words' must be words separated by spaces, on one line.",
                        "write it as  stop_words: a an the")
    return SearchRules(stemmer, latin, tuple(fold.items()), tuple(stop_words.split()))


def _capitals(source: YamlSource) -> tuple[tuple[str, str], ...]:
    capitals = source.data.get("capitals") or {}
    if not isinstance(capitals, dict) or not all(isinstance(k, str) and len(k) == 1 and isinstance(v, str) and len(v) == 1
                                                 for k, v in capitals.items()):
        raise DataError(source.file, source.line("capitals"), "'capitals' must map single capital letters to their small letter.",
                        "write it as  capitals: {İ: i, I: ı}  or remove it when the usual small letters are right.")
    return tuple(capitals.items())


def load_language(project_dir: Path, code: str) -> Language:
    """A language's pack, checked; every problem is a DataError with the line and the fix."""
    source = read_yaml(project_dir, pack_file(code), f"copy translations/en/language.yml there and adapt every value "
                       f"to the language (python3 tasks.py new-language {code} writes a start).")
    if not isinstance(source.data, dict):
        raise DataError(source.file, 1, "the file must be a list of `key: value` lines.",
                        "copy translations/en/language.yml and adapt every value.")
    hyphenation = source.data.get("hyphenation")
    if hyphenation is not None:
        if not (isinstance(hyphenation, dict) and isinstance(hyphenation.get("vowels"), str)
                and isinstance(hyphenation.get("consonants"), str) and isinstance(hyphenation.get("split_vowels"), bool)):
            raise DataError(source.file, source.line("hyphenation"), "'hyphenation' needs vowels, consonants and split_vowels.",
                            "write the lower-case vowels and consonants as one word each, and split_vowels: true or false; "
                            "or remove 'hyphenation' when Pyphen knows the language.")
        hyphenation = Hyphenation(hyphenation["vowels"], hyphenation["consonants"], hyphenation["split_vowels"])
    verdicts = source.data.get("knowledge_check")
    if not (isinstance(verdicts, dict) and all(isinstance(verdicts.get(k), str) and verdicts[k] for k in ("right", "wrong"))):
        raise DataError(source.file, source.line("knowledge_check"), "'knowledge_check' needs 'right' and 'wrong'.",
                        "write how a knowledge check's explanation starts in this language, as in translations/en/language.yml.")
    units = _texts(source, "size_units", "write the language's symbols for kilobyte and megabyte: [kB, MB].", 2)
    return Language(
        code=code,
        locale=_text(source, "locale", "write language_TERRITORY, e.g. pt_PT.", _LOCALE),
        dictionary=_text(source, "dictionary", "write the Hunspell dictionary's name, e.g. pt_PT (hunspell -D lists them)."),
        packages=_texts(source, "packages", "list the Debian packages of the dictionary, e.g. [hunspell-pt-pt]."),
        size_units=(units[0], units[1]),
        team=_text(source, "team", "write the reviewing team as @organisation/team.", _TEAM),
        hyphenation=hyphenation,
        letters=_text(source, "letters", "write the letters of the language's alphabet its text cannot do without."),
        common_words=_texts(source, "common_words", "list three common words of the language."),
        search_word=_text(source, "search_word", "write a word readers of this language search for, e.g. 'client'."),
        knowledge_check=(verdicts["right"], verdicts["wrong"]),
        search=_search_rules(source),
        capitals=_capitals(source),
    )


def packages(languages: list[Language]) -> list[str]:
    """The Debian packages the languages need, each once, in order."""
    return list(dict.fromkeys(package for language in languages for package in language.packages))


def main(argv: list[str]) -> int:
    from handbook.content.site import Site

    if argv not in (["packages"], ["codes"]):
        print(__doc__)
        return 2
    site = Site.load()
    try:
        found = [site.language(code) for code in site.languages]
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    print(" ".join(packages(found) if argv == ["packages"] else site.languages))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
