"""Hyphenation for the PDF in the languages Pyphen has no patterns for: Turkish and Kazakh.

Both languages split words into syllables by one regular rule: a syllable starts at the
consonant that stands before a vowel (Turkish *an-la-mak*, *Türk-çe*; Kazakh *тың-дау*,
*ай-ту*), and in Turkish two vowels side by side belong to two syllables (*sa-at*). The rule
is written as Liang patterns, the format of Pyphen's own dictionaries, and registered with
Pyphen under the language's code, so that `hyphens: auto` in a page marked `lang="tr"` or
`lang="kk"` breaks words where a reader of that language expects it. Each language's rule is
the `hyphenation` entry of its translations/<lang>/language.yml.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path

from handbook.content.languages import Hyphenation, Language


def patterns(rule: Hyphenation) -> list[str]:
    """Liang patterns for a rule: a break before consonant + vowel."""
    found = [f"1{c}{v}" for c in rule.consonants for v in rule.vowels]
    if rule.split_vowels:
        found += [f"{a}1{b}" for a in rule.vowels for b in rule.vowels]
    return found


def register(languages: Iterable[Language], directory: Path | None = None) -> None:
    """Make Pyphen (and so WeasyPrint) hyphenate every language that has a rule and that Pyphen
    does not know yet; the pattern files go to one new temporary folder, only when needed."""
    import pyphen  # WeasyPrint's dependency, needed for the PDFs only

    wanted = [language for language in languages
              if language.hyphenation and language.code not in pyphen.LANGUAGES]
    if not wanted:
        return
    target = Path(directory or tempfile.mkdtemp(prefix="hyphenation-"))
    for pack in wanted:
        language, rule = pack.code, pack.hyphenation
        path = target / f"hyph_{language}.dic"
        path.write_text("UTF-8\n" + "\n".join(patterns(rule)) + "\n", encoding="utf-8")
        pyphen.LANGUAGES[language] = path
        pyphen.LANGUAGES_LOWERCASE[language] = language
