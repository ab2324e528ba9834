"""One search index per language, as the handbook's search worker reads it.

mkdocs-static-i18n merges every language into one index; `split` gives each language its own,
with locations relative to the language's root. `prepare` then sets the language, how its words
are read (`words`: the search rules of its language pack, handbook/content/languages.py), the
synonyms (handbook/search/synonyms.py) and each section's `kind`, which the worker
(docs/assets/javascripts/workers/search-engine.js) weighs: a chapter's section answers a
question; a page's introduction, a quiz, a role-play scenario, the trainer's and sources pages,
the decision tool and its overview of every question less so; the tool's steps count as the
tool's one result.

Material's page script downloads and parses the index on the page's main thread and copies it to
its worker; on a phone that is the slow part of the first search. So Material's page gets only
`SETUP` (the index's options, no sections) and the worker downloads the index itself.
"""

from __future__ import annotations

from handbook.content.site import Site

QUIZ = "check-your-understanding"
SETUP = "search_setup.json"  # next to each language's search_index.json
# Pages whose sections are not the chapters' own answer, and how the worker weighs them.
PAGE_KINDS = {"scenarios": "scenario", "decision-tool-overview": "overview", "trainers-guide": "guide",
              "sources": "guide", "decision-tool": "tool"}


def split(index: dict, site: Site) -> dict[str, dict]:
    """Split a merged search index into one index per language."""
    result: dict[str, dict] = {language: {**index, "docs": []} for language in site.languages}
    for doc in index.get("docs", []):
        language = site.language_of(doc["location"])
        # "tr/staying-calm/#x" -> "staying-calm/#x", "tr/" -> ""
        location = doc["location"][len(site.root(language)):]
        result[language]["docs"].append({**doc, "location": location})
    return result


def kind(location: str) -> str:
    """How the worker weighs a section: section, page, quiz, scenario, guide, tool, step, overview."""
    page, _, section = location.partition("#")
    page_kind = PAGE_KINDS.get(page.strip("/"))
    if page_kind == "tool" and section:
        return "step"
    if page_kind:
        return page_kind
    if section == QUIZ:
        return "quiz"
    return "section" if section else "page"


def prepare(index: dict, language: str, words: dict, synonyms: dict[str, list[str]]) -> dict:
    """A language's index with its language, its word rules, its synonyms and the kind of every section."""
    config = {**index["config"], "lang": [language], "words": words, "synonyms": synonyms}
    return {**index, "config": config, "docs": [{**doc, "kind": kind(doc["location"])} for doc in index["docs"]]}


def setup(index: dict, address: str) -> dict:
    """What Material's page script reads: the index's options, without the sections, and where
    the worker finds the index (`address`, from the site's root: "tr/search/search_index.json")."""
    return {"config": {**index["config"], "index": address}, "docs": []}
