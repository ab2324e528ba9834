"""The language pack: what differs by language besides its words, in translations/<lang>/language.yml.

One file per language holds its locale (language_TERRITORY: numbers, sizes, link previews), its
Hunspell dictionary and the Debian packages that bring it, how it writes kilobyte and megabyte,
its hyphenation rule for the PDF when Pyphen has none, the team that reviews it, and the facts the
checks need (letters, common words, a search word, the knowledge checks' verdicts). The build,
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
