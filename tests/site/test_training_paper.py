"""Paper for a training room: every role-play scenario prints as handouts, a page per role and one
for the observers (checked in PDFs made with WeasyPrint, as `python3 tasks.py pdf` makes them),
and the printed handbook asks its knowledge checks without giving the answers away."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from handbook.paper import pdf
from tests.pdf_text import page_texts as pdf_page_texts
from tests.support import LANGUAGES, SITE, Build


def markdown_text(text: str) -> str:
    """Markdown inline text as it reads: without ** and with links reduced to their words."""
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).replace("**", "").strip()


def source_scenarios(language: str) -> dict[str, tuple[list[tuple[str, str]], list[str]]]:
    """From docs/<language>/scenarios.md: each scenario's roles (name, brief) and its checklist
    (the first and the second list of its section)."""
    found = {}
    parts = re.split(r"^## .*\{#([a-z0-9-]+)\}\s*$", SITE.source_of(language, "scenarios").read_text(encoding="utf-8"),
                     flags=re.M)
    for section_id, body in zip(parts[1::2], parts[2::2]):
        lists = [block for block in re.split(r"\n\s*\n", body) if block.lstrip().startswith("- ")]
        roles = [re.match(r"- \*\*(.+?):\*\*\s*(.*)", line).groups() for line in lists[0].strip().splitlines()]
        checklist = [markdown_text(line[2:]) for line in lists[1].strip().splitlines()]
        found[section_id] = ([(name, markdown_text(brief)) for name, brief in roles], checklist)
    return found


def page_texts(file: Path) -> list[str]:
    """The text of each page of a PDF, with words hyphenated at line ends joined again."""
    texts = []
    for page in pdf_page_texts(file):
        text = re.sub(r"[\u2010\u00ad-]\s*\n\s*", "", page)
        texts.append(" ".join(text.split()))
    return texts


def opening(text: str, words: int = 6) -> str:
    return " ".join(text.split()[:words])


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_scenario_prints_a_page_per_role_and_one_for_the_observers(
        build: Build, tmp_path: Path, language: str) -> None:
    scenarios = source_scenarios(language)
    assert len(scenarios) >= 10
    for scenario_id, (roles, checklist) in scenarios.items():
        handouts = SITE.built_file(build.site, language, f"handouts/{scenario_id}")
        target = tmp_path / f"{scenario_id}.pdf"
        pdf.render(handouts, target, build.site)
        pages = page_texts(target)
        assert len(pages) == len(roles) + 1, f"{scenario_id}: {len(pages)} pages for {len(roles)} roles"
        for page, (name, brief) in zip(pages, roles):
            assert name in page and opening(brief) in page, f"{scenario_id}: the page of '{name}'"
            others = [opening(other) for other_name, other in roles if other_name != name]
            assert not any(other in page for other in others), f"{scenario_id}: '{name}' sees another brief"
        observers = pages[-1]
        assert all(opening(item, 4) in observers for item in checklist), f"{scenario_id}: the observers' checklist"
        assert not any(opening(brief) in observers for _, brief in roles)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_scenario_links_to_its_handouts(build: Build, language: str) -> None:
    page = SITE.built_file(build.site, language, "scenarios")
    html = page.read_text(encoding="utf-8")
    for scenario_id in source_scenarios(language):
        section = html[html.index(f'<h2 id="{scenario_id}"'):]
        section = section[:section.find("<h2", 1) if "<h2" in section[1:] else len(section)]
        link = re.search(r'<p class="hb-handouts-link"><a href="([^"]+)">([^<]+)</a></p>', section)
        assert link, f"{scenario_id} has no 'Print the handouts'"
        target = urljoin(f"/{SITE.page_url(language, 'scenarios')}", link.group(1))
        assert (build.site / target.lstrip("/") / "index.html").is_file()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_print_page_asks_the_knowledge_checks_and_answers_them_at_the_end(build: Build, language: str) -> None:
    html = (SITE.folder(build.site, language) / "print" / "index.html").read_text(encoding="utf-8")
    key_at = html.index('<h1 id="hb-answer-key">')
    chapters, key = html[:key_at], html[key_at:]
    assert "<details" not in chapters, "an option opens on its answer on the print page"
    explanations = re.findall(r'\?\?\? question "[^"]*"\n\n\s+(.+)', SITE.source_of(language, "listening").read_text(
        encoding="utf-8"))
    assert len(explanations) >= 6
    for explanation in explanations:
        words = opening(markdown_text(explanation), 5)
        assert words not in chapters and words in key, words
    assert html.index('<h1 id="hb-handouts">') < key_at
