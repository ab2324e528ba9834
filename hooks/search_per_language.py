"""Give every language its own search index.

mkdocs-static-i18n merges every language into one ``search/search_index.json``, so a reader on
``/tr/`` downloads and searches all five languages. Material's search plugin has no setting for
this, so after the last language is built this hook splits the merged index: the default language
stays at ``search/search_index.json``, every other language gets ``<lang>/search/search_index.json``
with locations relative to its own root. ``overrides/main.html`` points each page at its
language's root, and ``docs/assets/javascripts/workers/handbook-search.js`` folds diacritics.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

# Split on white space, hyphens, dashes and punctuation of all five languages. Stemming, stop
# words and lunr's ASCII-only trimmer are switched off (empty pipeline): the worker folds
# diacritics and a query is a prefix, so "müşteri" finds "müşterilerin" and "клиент" finds
# "клиенттерді" in every language alike.
SEPARATOR = r"[\s\-\u2010-\u2015.,;:!?()\[\]{}\"'«»‘’“”„…/]+"


def language_of(location: str, languages: list[str], default: str) -> str:
    """The language a search location belongs to, from its first path segment."""
    first = location.split("/", 1)[0].split("#", 1)[0]
    return first if first in languages and first != default else default


def split_search_index(index: dict, languages: list[str], default: str) -> dict[str, dict]:
    """Split a merged Material search index into one index per language."""
    config = {**index.get("config", {}), "lang": ["en"], "pipeline": [], "separator": SEPARATOR}
    result: dict[str, dict] = {
        language: {**index, "config": config, "docs": []} for language in languages
    }
    for doc in index.get("docs", []):
        language = language_of(doc["location"], languages, default)
        location = doc["location"]
        if language != default:  # "tr/staying-calm/#x" -> "staying-calm/#x", "tr/" -> ""
            location = location[len(language):].lstrip("/")
        result[language]["docs"].append({**doc, "location": location})
    return result


@event_priority(-200)  # after mkdocs-static-i18n has built every language and merged the index
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins["i18n"]
    if i18n.building:  # one of the per-language builds; the outer build finishes last
        return
    site = Path(config.site_dir)
    merged_path = site / "search" / "search_index.json"
    if not merged_path.exists():
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    languages = list(i18n.build_languages)
    for language, index in split_search_index(merged, languages, i18n.default_language).items():
        folder = site if language == i18n.default_language else site / language
        target = folder / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
