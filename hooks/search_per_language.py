"""Give every language its own search index, read by the handbook's search worker.

mkdocs-static-i18n merges every language into one ``search/search_index.json``, so a reader on
``/tr/`` would download and search all five languages. Material's search plugin has no setting
for this, so after the last language is built this hook splits the merged index: each language
gets ``search/search_index.json`` in its own folder (handbook/search/index.py), with its
language, how search reads its words (the ``search`` rules of its language pack), its synonyms
(translations/<language>/synonyms.yml, checked when the build starts) and the kind of every
section, and ``search/search_setup.json``, its options alone, for Material's page script. ``overrides/partials/handbook-search-config.html`` points each page at
its language's index and at ``docs/assets/javascripts/workers/handbook-search.js``, the worker whose
engine (``search-engine.js``) searches it.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from handbook.build import after_all_languages, once_per_build
from handbook.search.index import SETUP, prepare, setup, split
from handbook.search.synonyms import Synonym, as_config, load_synonyms, synonyms_file, unused
from handbook.content.site import Site
from handbook.content.source import DataError

log = logging.getLogger("mkdocs.hooks.search_per_language")


@once_per_build
def synonyms(config: MkDocsConfig) -> dict[str, list[Synonym]]:
    site = Site.of(config)
    try:
        return {language: load_synonyms(site.project_dir, language, site.language(language).search.letters)
                for language in site.languages}
    except DataError as error:  # one line, without a traceback
        raise PluginError(f"Search synonyms: {error}") from None


def on_config(config: MkDocsConfig) -> None:
    synonyms(config)


@after_all_languages  # once i18n has built every language and merged their entries
def on_post_build(config: MkDocsConfig) -> None:
    site = Site.of(config)
    merged_path = Path(config.site_dir) / "search" / "search_index.json"
    if not merged_path.exists():
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    for language, index in split(merged, site).items():
        entries, rules = synonyms(config)[language], site.language(language).search
        for entry in unused(entries, [doc["title"] + " " + doc["text"] for doc in index["docs"]], rules.letters):
            log.info("%s, line %s: no word of any section begins with '%s', so '%s' finds nothing; "
                     "write the handbook's word as its pages write it.", synonyms_file(language),
                     entry.line, "', '".join(entry.handbook), entry.everyday)
        prepared = prepare(index, language, rules.as_config(), as_config(entries))
        target = site.folder(Path(config.site_dir), language) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(prepared, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        address = f"{site.root(language)}search/search_index.json"
        (target.parent / SETUP).write_text(json.dumps(setup(prepared, address), ensure_ascii=False), encoding="utf-8")
