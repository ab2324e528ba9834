"""The translation status page's rows and notices, as pure functions of the statuses."""

from __future__ import annotations

import datetime

from handbook.freshness.sections import INTRO, Change, Section, Status
from handbook.templates import project_environment
from handbook.freshness.status import notice, row_labels, status_table
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
