"""What a reader and a translator see of translation freshness (handbook/freshness/sections.py), as HTML
from the templates overrides/partials/handbook/outdated-notice.html and translation-status.html.

- `outdated_notices`, placed by `add_notices` (in the page's Markdown) or, for the decision
  tool's steps (`tree_notices`), by the tool's template after each step's title: at each outdated section of a translated page, a short notice in the
  reader's language: the English of this section changed on DATE, with a link to the English section.
- `status_table`: the table of a language's translation status page (every language's on the
  English one): per page and section, up to date / outdated since when (with the English change
  in the repository) / not confirmed / missing.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import jinja2
from babel.dates import format_date
from markupsafe import Markup

from handbook.content.pages import headings
from handbook.freshness.sections import INTRO, TREE_FILE, Change, Section, Status
from handbook.templates import fill, render

Words = Mapping[str, str]  # the `freshness` group of a language's ui.yml


def long_date(date: datetime.date, language: str) -> str:
    return format_date(date, "long", locale=language)


def notice(env: jinja2.Environment, words: Words, language: str, change: Change, href: str, english: str) -> str:
    """The notice at an outdated section, in the reader's language."""
    text = fill(words["notice"], date=long_date(change.date, language)) if change.date else words["notice_undated"]
    return render(env, "outdated-notice", text=text, href=href, english=english, words=words)


def outdated_notices(env: jinja2.Environment, statuses: list[Status], page: str, words: Words, language: str,
                     english: str, english_page: str, change: Callable[[Section], Change]) -> list[tuple[Section, Markup]]:
    """The notices of the outdated sections of the translated page `page`, each with its section;
    `english_page` is the English page's address from this one."""
    return [(status.section, Markup(notice(env, words, language, change(status.section),
                                           english_page + ("" if status.section.id == INTRO else f"#{status.section.id}"),
                                           english)))
            for status in statuses if status.section.page == page and status.state == "outdated"]


def tree_notices(outdated: list[tuple[Section, Markup]]) -> dict[str, Markup]:
    """The notices of the decision tool's steps (the tree file's sections), by node id."""
    return {section.id: block for section, block in outdated if section.file == TREE_FILE}


def add_notices(markdown: str, outdated: list[tuple[Section, str]]) -> str:
    """A page's Markdown with each notice (the section and its notice's HTML) right after the
    section's heading, the page title's for the intro (at the top when the title is in the front
    matter). Tree nodes are not in the Markdown: the tool's template places theirs."""
    found = headings(markdown)
    at = {h.id: h.line + 1 for h in found if h.level > 1 and h.id}
    at[INTRO] = next((h.line + 1 for h in found if h.level == 1), 0)
    lines = markdown.splitlines()
    for section, block in sorted(outdated, key=lambda item: -at.get(item[0].id, -1)):
        if section.file != TREE_FILE and section.id in at:
            lines[at[section.id]:at[section.id]] = ["", block, ""]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Label:
    """A row's page and section cells, in the reader's language; `*_lang` marks English text
    on another language's page (None when the text is in the reader's language)."""

    page_href: str
    page_title: str
    page_lang: str | None
    section_href: str
    section_title: str
    section_lang: str | None


def row_labels(english: list[Section], own: list[Status], reader: str, default: str,
               href_of: Callable[[str], str]) -> Callable[[Section], Label]:
    """How the status page in `reader`'s language names each row: page and section titles in the
    reader's language where they are translated (`own`: the reader's statuses, none for the
    default language), else the English ones, marked as English. `href_of(page)`: the page's
    address from the status page."""
    mine = {status.section.key: status for status in own}
    english_titles = {section.page: section.title for section in english if section.id == INTRO}

    def label(section: Section) -> Label:
        href = href_of(section.page)
        status, intro = mine.get(section.key), mine.get(f"{section.page}#{INTRO}")
        translated = reader == default or (status is not None and status.state != "missing")
        page_translated = reader == default or (intro is not None and intro.state != "missing")
        title = status.title if status and translated else section.title
        page_title = intro.title if intro and intro.state != "missing" else english_titles.get(section.page, section.page)
        anchor = "" if section.id == INTRO else f"#{section.id}"
        return Label(href, page_title, None if page_translated else default,
                     href + anchor, title or section.id, None if translated else default)

    return label


def change_href(change: Change, section: Section, repo: str) -> str:
    """The English change in the repository: its commit, else the file's history."""
    return f"{repo}/commit/{change.commit}" if change.commit else f"{repo}/commits/main/{section.file}"


def state_cell(status: Status, language: str, words: Words, change: Callable[[Section], Change], repo: str) -> dict:
    if status.state == "outdated":
        when = change(status.section)
        text = fill(words["outdated_since"], date=long_date(when.date, language)) if when.date else words["outdated"]
        return {"state": status.state, "text": text, "change_href": change_href(when, status.section, repo)}
    key = {"up-to-date": "up_to_date", "unconfirmed": "unconfirmed", "missing": "missing"}[status.state]
    return {"state": status.state, "text": words[key], "change_href": None}


def summary(statuses: list[Status], words: Words) -> str:
    counts = {key: sum(1 for s in statuses if s.state == state) for key, state in
              (("up_to_date", "up-to-date"), ("outdated", "outdated"), ("unconfirmed", "unconfirmed"),
               ("missing", "missing"))}
    return fill(words["summary"], **counts)


def status_table(env: jinja2.Environment, rows: list[Section], columns: list[tuple[str, str, list[Status]]],
                 labels: Callable[[Section], Label], reader: str, words: Words,
                 change: Callable[[Section], Change], repo: str) -> str:
    """One row per English section, one status column per language: (code, native name, its
    statuses in the order of `rows`). `labels` gives a row's page and section cells, in the
    reader's language (`reader`, `words`); dates are written in it too."""
    table = [{"key": section.key, "page": section.page, "id": section.id, **vars(labels(section)),
              "cells": [state_cell(statuses[index], reader, words, change, repo) for _, _, statuses in columns]}
             for index, section in enumerate(rows)]
    shown = [{"code": code, "name": name, "summary": summary(statuses, words)} for code, name, statuses in columns]
    return render(env, "translation-status", columns=shown, several=len(columns) > 1, rows=table, words=words)
