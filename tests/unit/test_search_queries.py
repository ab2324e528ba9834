"""The search benchmark's queries: at least 30 per language, each aimed at sections that exist."""

from __future__ import annotations

import pytest

from handbook.commands.search_benchmark import load_queries
from handbook.content.source import DataError
from tests.support import LANGUAGES, ROOT, SITE


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_thirty_queries_aimed_at_real_sections(language: str) -> None:
    queries = load_queries(ROOT, language)
    assert len(queries) >= 30
    assert len({q.text for q in queries}) == len(queries), "a query is listed twice"
    for query in queries:
        for target in query.targets:
            page, _, section = target.partition("#")
            name = page.strip("/") or "index"
            assert name in SITE.pages(), f"{language}: {query.text!r} aims at a page that does not exist: {target}"
            if section and not name.startswith("decision-tool"):
                assert section in SITE.section_ids(language, name), f"{language}: {query.text!r}: no section {target}"


@pytest.mark.parametrize("text", ["- {query: x, kind: guess, targets: [a/]}\n", "- {query: x, kind: plain}\n",
                                  "- {query: x, kind: plain, targets: []}\n", "query: x\n"])
def test_a_malformed_query_is_refused_with_its_line(tmp_path, text: str) -> None:
    (tmp_path / "data" / "search-queries").mkdir(parents=True)
    (tmp_path / "data" / "search-queries" / "xx.yml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_queries(tmp_path, "xx")
    assert error.value.line == 1
    assert "kind" in error.value.fix or "query" in error.value.fix
