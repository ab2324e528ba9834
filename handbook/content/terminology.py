"""One term, one word: each language's key terms (translations/<lang>/terms.yml), checked in its text.

A term file names, per key term of the handbook, the words that count as the term in that
language (`use`) and the competing words that must not appear (`avoid`). The glossary page must
contain a `use` form of every term; no page of the language and no text of its decision tree may
contain an `avoid` word. Words are matched at the start of a word, so a stem ("tehlike işaret")
covers its inflected forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from handbook.content.source import DataError, YamlSource, read_yaml
from handbook.content.languages import Language, load_language

TERMS_FILE = "translations/{language}/terms.yml"
# Words marked as another language (*müşteri*{lang=tr}) belong to that language's own check.
_OTHER_LANGUAGE = re.compile(r"\*[^*\n]+\*\{\s*lang=[a-z-]+\s*\}")


@dataclass(frozen=True)
class Term:
    """One key term in one language: its accepted forms and the words it replaces."""

    key: str
    use: tuple[str, ...]
    avoid: tuple[str, ...]
    line: int | None


@dataclass(frozen=True)
class Conflict:
    """A competing word found where the term's own word belongs."""

    file: str
    line: int
    word: str
    term: Term

    def __str__(self) -> str:
        return (f"{self.file}, line {self.line}: '{self.word}' is a competing word for the term "
                f"'{self.term.key}'. Fix: write '{self.term.use[0]}' (the word this language's "
                f"terms.yml lists for it), changing only the grammar, not the term.")


def fold(text: str, language: Language) -> str:
    """Lower case as the language writes it (its pack's `capitals`: Turkish dotted and dotless i)."""
    return language.lower(text)


def _word_list(source: YamlSource, key: str, field: str, required: bool) -> tuple[str, ...]:
    value = source.data[key].get(field, [] if not required else None)
    if value is None or (required and not value):
        raise DataError(source.file, source.line(key), f"the term '{key}' has no '{field}' words.",
                        f"add '{field}: [...]' with the word or words this language uses for it.")
    if not isinstance(value, list) or not all(isinstance(word, str) and word.strip() for word in value):
        raise DataError(source.file, source.line(key, field), f"'{field}' of the term '{key}' must be a list of words.",
                        f"write it as {field}: [first word, second word].")
    return tuple(word.strip() for word in value)


def load_terms(project_dir: Path, language: str, required: set[str] | None = None) -> list[Term]:
    """The terms of one language; `required` (the default language's keys) must all be there."""
    file = TERMS_FILE.format(language=language)
    source = read_yaml(project_dir, file, f"copy translations/en/terms.yml to {file} and give each "
                                          "term the words your language uses for it.")
    if not isinstance(source.data, dict):
        raise DataError(file, 1, "the file must list the terms by name.", "start each term on its own line, "
                        "e.g. 'red-flag: {use: [...], avoid: [...]}'.")
    missing = sorted((required or set()) - set(source.data))
    if missing:
        raise DataError(file, None, f"the terms {', '.join(missing)} are missing.",
                        "add them with the words your language uses (see translations/en/terms.yml).")
    pack = load_language(project_dir, language)
    terms = []
    for key, entry in source.data.items():
        if required is not None and key not in required:
            raise DataError(file, source.line(key), f"'{key}' is not one of the handbook's key terms.",
                            "check the spelling against translations/en/terms.yml, or remove it.")
        if not isinstance(entry, dict):
            raise DataError(file, source.line(key), f"the term '{key}' must have 'use' and 'avoid' lists.",
                            "write it as {use: [...], avoid: [...]}.")
        terms.append(Term(key, tuple(fold(w, pack) for w in _word_list(source, key, "use", True)),
                          tuple(fold(w, pack) for w in _word_list(source, key, "avoid", False)),
                          source.line(key)))
    return terms


def _starts_word(form: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(form))


def conflicts(text: str, file: str, language: Language, terms: list[Term]) -> list[Conflict]:
    """Every competing word in one text, with its line."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        folded = fold(_OTHER_LANGUAGE.sub(" ", line), language)
        for term in terms:
            for word in term.avoid:
                if _starts_word(word).search(folded):
                    found.append(Conflict(file, number, word, term))
    return found


def missing_from_glossary(glossary: str, language: Language, terms: list[Term]) -> list[Term]:
    """The terms whose own word the glossary page never uses."""
    folded = fold(_OTHER_LANGUAGE.sub(" ", glossary), language)
    return [term for term in terms if not any(_starts_word(form).search(folded) for form in term.use)]
