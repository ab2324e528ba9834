"""Hyphenation for the PDF in the languages Pyphen has no patterns for: Turkish and Kazakh.

Both languages split words into syllables by one regular rule: a syllable starts at the
consonant that stands before a vowel (Turkish *an-la-mak*, *Türk-çe*; Kazakh *тың-дау*,
*ай-ту*), and in Turkish two vowels side by side belong to two syllables (*sa-at*). The rule
is written as Liang patterns, the format of Pyphen's own dictionaries, and registered with
Pyphen under the language's code, so that `hyphens: auto` in a page marked `lang="tr"` or
`lang="kk"` breaks words where a reader of that language expects it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

RULES: dict[str, tuple[str, str, bool]] = {
    # language: (vowels, consonants, whether two vowels side by side are split)
    "tr": ("aâeıiîoöuüû", "bcçdfgğhjklmnprsştvyz", True),
    "kk": ("аәеёиіоөұүуыэюя", "бвгғджзйкқлмнңпрстфхһцчшщ", False),
}


def patterns(language: str) -> list[str]:
    """Liang patterns for a language of `RULES`: a break before consonant + vowel."""
    vowels, consonants, split_vowels = RULES[language]
    found = [f"1{c}{v}" for c in consonants for v in vowels]
    if split_vowels:
        found += [f"{a}1{b}" for a in vowels for b in vowels]
    return found


def register(directory: Path | None = None) -> None:
    """Make Pyphen (and so WeasyPrint) hyphenate every language of `RULES`."""
    import pyphen  # WeasyPrint's dependency, needed for the PDFs only

    target = Path(directory or tempfile.mkdtemp(prefix="hyphenation-"))
    for language in RULES:
        if language in pyphen.LANGUAGES:
            continue
        path = target / f"hyph_{language}.dic"
        path.write_text("UTF-8\n" + "\n".join(patterns(language)) + "\n", encoding="utf-8")
        pyphen.LANGUAGES[language] = path
        pyphen.LANGUAGES_LOWERCASE[language] = language
