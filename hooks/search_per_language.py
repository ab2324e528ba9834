"""Give every language its own search index.

mkdocs-static-i18n merges every language into one ``search/search_index.json``, so a reader on
``/tr/`` would download and search all five languages. Material's search plugin has no setting
for this, so after the last language is built this hook splits the merged index: each language
gets ``search/search_index.json`` in its own folder, with locations relative to its own root.
The index's options (language, separator, pipeline) are the search plugin's, in mkdocs.yml.
``overrides/partials/handbook-search-config.html`` points each page at its language's index, and
``docs/assets/javascripts/workers/handbook-search.js`` folds diacritics.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from handbook.build import after_all_languages
from handbook.site import Site


def split_search_index(index: dict, site: Site) -> dict[str, dict]:
    """Split a merged search index into one index per language."""
    result: dict[str, dict] = {language: {**index, "docs": []} for language in site.languages}
    for doc in index.get("docs", []):
        language = site.language_of(doc["location"])
        # "tr/staying-calm/#x" -> "staying-calm/#x", "tr/" -> ""
        location = doc["location"][len(site.root(language)):]
        result[language]["docs"].append({**doc, "location": location})
    return result


@after_all_languages  # once i18n has built every language and merged their entries
def on_post_build(config: MkDocsConfig) -> None:
    site = Site.of(config)
    merged_path = Path(config.site_dir) / "search" / "search_index.json"
    if not merged_path.exists():
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    for language, index in split_search_index(merged, site).items():
        target = site.folder(Path(config.site_dir), language) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
