"""The translation status page's rows and notices, as pure functions of the statuses."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from handbook.content.site import Site
from handbook.content.words import Words, load_words
from handbook.decision_tree.load import load_trees
from handbook.decision_tree.render import Link, render_tool
from handbook.freshness.sections import INTRO, TREE_FILE, TREE_PAGE, Change, Section, Status
from handbook.templates import project_environment
from handbook.freshness.status import notice, outdated_notices, row_labels, status_table, tree_notices
from tests.fixture_tree import fixture_project
from tests.support import ROOT

ENGLISH = [Section("facts", INTRO, "Getting the facts", "0" * 12, "docs/en/facts.md"),
           Section("facts", "find-the-root-cause", "Find the root cause", "1" * 12, "docs/en/facts.md"),
           Section("glossary", INTRO, "Glossary", "2" * 12, "docs/en/glossary.md")]
TURKISH = [Status(ENGLISH[0], "up-to-date", "Gerçekleri öğrenmek"),
           Status(ENGLISH[1], "outdated", "Kök nedeni bulun"),
           Status(ENGLISH[2], "missing", "Glossary")]
WORDS = {"status": "Status", "page": "Page", "section": "Section", "up_to_date": "Up to date",
         "outdated": "Outdated", "outdated_since": "Outdated since {date}", "unconfirmed": "Not confirmed",
         "missing": "Missing", "english_change": "English change", "summary": "{up_to_date} / {outdated} / "
         "{unconfirmed} / {missing}", "notice": "The English changed on {date}.", "notice_undated": "The English changed.",
         "link": "Read the English"}


def test_rows_use_the_readers_titles_where_translated_and_mark_english_elsewhere() -> None:
    label = row_labels(ENGLISH, TURKISH, "tr", "en", lambda page: f"../{page}/")
    translated, missing = label(ENGLISH[1]), label(ENGLISH[2])
    assert (translated.page_title, translated.page_lang) == ("Gerçekleri öğrenmek", None)
    assert (translated.section_title, translated.section_lang, translated.section_href) == \
        ("Kök nedeni bulun", None, "../facts/#find-the-root-cause")
    assert (missing.page_title, missing.page_lang, missing.section_lang) == ("Glossary", "en", "en")


def test_the_table_escapes_titles_and_fills_its_placeholders() -> None:
    hostile = [Status(ENGLISH[0], "up-to-date", "<script>alert(1)</script>"), *TURKISH[1:]]
    html = status_table(project_environment(ROOT), ENGLISH, [("tr", "Türkçe", hostile)],
                        row_labels(ENGLISH, hostile, "tr", "en", lambda page: f"../{page}/"), "tr", WORDS,
                        lambda section: Change("abc", datetime.date(2026, 1, 2)), "https://example.org/repo")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "1 / 1 / 0 / 1" in html
    assert 'href="https://example.org/repo/commit/abc"' in html and "{date}" not in html


def test_a_notice_says_when_the_english_changed_and_links_to_it() -> None:
    html = notice(project_environment(ROOT), WORDS, "tr", Change("abc", datetime.date(2026, 1, 2)),
                  '../../facts/#x" onclick="y', "en")
    assert "2 Ocak 2026" in html and 'hreflang="en"' in html
    assert 'onclick="y' not in html


def _tree_status(node: str, state: str) -> Status:
    return Status(Section(TREE_PAGE, node, node, "3" * 12, TREE_FILE), state, node)


def test_notices_are_for_the_pages_outdated_sections_only_and_link_to_each() -> None:
    statuses = [*TURKISH, _tree_status("second", "outdated"), _tree_status("third", "up-to-date")]
    found = outdated_notices(project_environment(ROOT), statuses, "facts", WORDS, "tr", "en", "../../facts/",
                             lambda section: Change("abc", datetime.date(2026, 1, 2)))
    assert [section.id for section, _ in found] == ["find-the-root-cause"]
    assert 'href="../../facts/#find-the-root-cause"' in found[0][1]
    assert tree_notices(found) == {}
    tool = outdated_notices(project_environment(ROOT), statuses, TREE_PAGE, WORDS, "tr", "en", "../../decision-tool/",
                            lambda section: Change(None, None))
    assert list(tree_notices(tool)) == ["second"]


def test_a_step_of_the_tool_shows_its_notice_after_its_title_with_the_words_as_text(tmp_path: Path, site: Site) -> None:
    tree = load_trees(fixture_project(tmp_path))["tr"]
    words = Words("tr", site.root("tr"), load_words(site.project_dir, site.languages, site.default)["tr"])
    markup_like = {**WORDS, "notice": "<b>The English</b> changed on {date} & more.", "link": "<i>English</i>"}
    env = project_environment(ROOT)
    found = outdated_notices(env, [_tree_status("second", "outdated")], TREE_PAGE, markup_like, "tr", "en",
                             "../../decision-tool/", lambda section: Change("abc", datetime.date(2026, 1, 2)))
    html = render_tool(env, tree, words, lambda target: Link("../x/", "x", "x"), "../overview/", notices=tree_notices(found))
    notices = re.findall(r'<div class="admonition note hb-outdated".*?</div>', html, re.S)
    assert len(notices) == 1
    title = re.search(r'<h2 [^>]*id="second--title"[^>]*>.*?</h2>', html, re.S)
    assert html[title.end():].startswith(notices[0])
    assert "&lt;b&gt;The English&lt;/b&gt; changed on 2 Ocak 2026 &amp; more." in notices[0]
    assert "&lt;i&gt;English&lt;/i&gt;" in notices[0] and "<b>" not in html and "<i>" not in html
    assert 'href="../../decision-tool/#second" hreflang="en"' in notices[0]
