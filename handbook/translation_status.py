"""What a reader and a translator see of translation freshness (handbook/freshness.py), as HTML.

- `add_notices`: at each outdated section of a translated page, a short notice in the reader's
  language: the English of this section changed on DATE, with a link to the English section.
- `status_table`: the table of a language's translation status page (every language's on the
  English one): per page and section, up to date / outdated since when (with the English change
  in the repository) / not confirmed / missing.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping
from html import escape

from babel.dates import format_date

from .freshness import INTRO, TREE_FILE, Change, Section, Status

Words = Mapping[str, str]  # the `freshness` group of a language's ui.yml


def long_date(date: datetime.date, language: str) -> str:
    return format_date(date, "long", locale=language)


def notice(words: Words, language: str, change: Change, href: str, english: str) -> str:
    text = (words["notice"].replace("{date}", long_date(change.date, language)) if change.date
            else words["notice_undated"])
    return (f'<div class="admonition note hb-outdated" role="note"><p>{escape(text)} '
            f'<a href="{escape(href)}" hreflang="{english}">{escape(words["link"])}</a></p></div>')


def _after_heading(html: str, element_id: str, block: str) -> str | None:
    heading = re.search(r'<h([1-6])\b[^>]*\bid="' + re.escape(element_id) + r'"[^>]*>.*?</h\1>', html, re.DOTALL)
    return None if not heading else html[:heading.end()] + block + html[heading.end():]


def add_notices(html: str, outdated: list[tuple[Section, str]]) -> str:
    """Put each notice (the section and its notice's HTML) right after the section's heading: the
    page title for the intro, a decision-tool step's title for a node."""
    for section, block in outdated:
        if section.id == INTRO:
            title = re.search(r"<h1\b[^>]*>.*?</h1>", html, re.DOTALL)
            at = title.end() if title else 0
            html = html[:at] + block + html[at:]
            continue
        element = f"{section.id}--title" if section.file == TREE_FILE else section.id
        html = _after_heading(html, element, block) or html
    return html


def change_link(change: Change, section: Section, repo: str, words: Words) -> str:
    """A link to the English change in the repository: its commit, else the file's history."""
    href = f"{repo}/commit/{change.commit}" if change.commit else f"{repo}/commits/main/{section.file}"
    return f'<a href="{escape(href)}">{escape(words["english_change"])}</a>'


def state_cell(status: Status, language: str, words: Words, change: Callable[[Section], Change], repo: str) -> str:
    if status.state == "outdated":
        when = change(status.section)
        text = (words["outdated_since"].replace("{date}", long_date(when.date, language)) if when.date
                else words["outdated"])
        return f'<span class="hb-status hb-status--outdated">{escape(text)}</span> ({change_link(when, status.section, repo, words)})'
    key = {"up-to-date": "up_to_date", "unconfirmed": "unconfirmed", "missing": "missing"}[status.state]
    return f'<span class="hb-status hb-status--{status.state}">{escape(words[key])}</span>'


def summary(statuses: list[Status], words: Words) -> str:
    counts = {key: sum(1 for s in statuses if s.state == state) for key, state in
              (("up_to_date", "up-to-date"), ("outdated", "outdated"), ("unconfirmed", "unconfirmed"),
               ("missing", "missing"))}
    text = words["summary"]
    for key, count in counts.items():
        text = text.replace("{" + key + "}", str(count))
    return escape(text)


def status_table(rows: list[Section], columns: list[tuple[str, str, list[Status]]],
                 labels: Callable[[Section], tuple[str, str]], reader: str, words: Words,
                 change: Callable[[Section], Change], repo: str) -> str:
    """One row per English section, one status column per language: (code, native name, its
    statuses in the order of `rows`). `labels` gives a row's page and section cells as HTML, in the
    reader's language (`reader`, `words`); dates are written in it too."""
    several = len(columns) > 1
    head = "".join(f'<th scope="col"><span lang="{code}">{escape(name)}</span></th>' if several
                   else f'<th scope="col">{escape(words["status"])}</th>' for code, name, _ in columns)
    summaries = "".join(f'<p>{f"<span lang={chr(34)}{code}{chr(34)}>{escape(name)}</span>: " if several else ""}'
                        f'{summary(statuses, words)}</p>\n' for code, name, statuses in columns)
    body = []
    for index, section in enumerate(rows):
        page, title = labels(section)
        cells = "".join(f"<td>{state_cell(statuses[index], reader, words, change, repo)}</td>"
                        for _, _, statuses in columns)
        body.append(f'<tr data-hb-section="{escape(section.key)}" data-hb-page="{escape(section.page)}">'
                    f"<td>{page}</td><td>{title}</td>{cells}</tr>\n")
    return (f'<div class="hb-translation-status">\n{summaries}\n<table><thead><tr>'
            f'<th scope="col">{escape(words["page"])}</th><th scope="col">{escape(words["section"])}</th>{head}'
            f'</tr></thead><tbody>\n{"".join(body)}</tbody></table>\n</div>')
