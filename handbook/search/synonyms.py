"""Everyday words readers search with, and the handbook's words for them: translations/<language>/synonyms.yml.

Each line maps what a reader might type to the word or words the handbook uses:

    yelling: shouting
    money back: [refund, reimburse]

The search finds the handbook's word's sections when the reader types the everyday one. A
translator edits the file as plain text; any mistake stops the build with the file, the line
and the fix. An entry whose handbook word occurs in no section of that language finds nothing:
`unused` lists them (the benchmark prints them, a test keeps the shipped files free of them).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from handbook.content.source import DataError, YamlSource, read_yaml

_WORD = re.compile(r"[^\W_]+")
Letters = dict[str, str]  # a language's folded letters (its pack's search rules): {"ð": "d"}


def synonyms_file(language: str) -> str:
    return f"translations/{language}/synonyms.yml"


@dataclass(frozen=True)
class Synonym:
    everyday: str
    handbook: tuple[str, ...]
    line: int | None


def load_synonyms(root: Path, language: str, letters: Letters | None = None) -> list[Synonym]:
    """A language's synonyms, checked; a language without the file has none."""
    file = synonyms_file(language)
    if not (root / file).exists():
        return []
    return check_synonyms(read_yaml(root, file, ""), letters)


def check_synonyms(source: YamlSource, letters: Letters | None = None) -> list[Synonym]:
    """The entries of a parsed synonyms file, or the DataError naming the first bad line."""
    if source.data is None:
        return []
    if not isinstance(source.data, dict):
        raise DataError(source.file, source.line(), "the file must be a list of 'everyday words: handbook word' lines.",
                        "write one line per entry, for example  yelling: shouting")
    entries = []
    for everyday, target in source.data.items():
        line = source.line(everyday)
        words = [target] if isinstance(target, str) else target
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and _WORD.search(w) for w in words):
            raise DataError(source.file, line, f"'{everyday}' must be followed by the handbook's word, or a list of them.",
                            f"write it as  {everyday}: word  or  {everyday}: [word, other word]")
        if not _WORD.search(everyday):
            raise DataError(source.file, line, f"'{everyday}' has no letters to search for.",
                            "write the word a reader would type before the colon.")
        if any(fold(everyday, letters) == fold(word, letters) for word in words):
            raise DataError(source.file, line, f"'{everyday}' is mapped to itself.",
                            "remove the line, or map the word to a different word the handbook uses.")
        entries.append(Synonym(everyday, tuple(words), line))
    return entries


def fold(text: str, letters: Letters | None = None) -> str:
    """Lower case, the language's special letters replaced, without accents: as the search worker
    folds (docs/assets/javascripts/workers/handbook-words.js)."""
    text = text.replace("İ", "i").replace("I", "i").lower().translate(str.maketrans(letters or {}))
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def unused(entries: list[Synonym], texts: list[str], letters: Letters | None = None) -> list[Synonym]:
    """Entries none of whose handbook words begins a word of the language's sections."""
    words = sorted({fold(word, letters) for word in {word for text in texts for word in _WORD.findall(text)}})  # each once

    def found(target: str) -> bool:
        return all(any(word.startswith(part) for word in words)
                   for part in (fold(word, letters) for word in _WORD.findall(target)))

    return [entry for entry in entries if not any(found(target) for target in entry.handbook)]


def as_config(entries: list[Synonym]) -> dict[str, list[str]]:
    """The entries as the search index carries them to the worker."""
    return {entry.everyday: list(entry.handbook) for entry in entries}
