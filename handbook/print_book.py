"""The handbook on paper: the whole handbook of one language as one page, and a one-page card.

The print page holds every chapter in navigation order after a cover and a table of contents.
The decision tool is represented by its overview of every question and outcome (the interactive
page itself is left out: on paper it would be an empty form). Each chapter's ids get the
chapter's name as prefix (`listening--listen-without-interrupting`), so that ids repeated across
chapters cannot collide. Links between chapters are rewritten to the print page's own anchors
and keep the section's web address in `data-web`; the print styles write that address after the
link, and the PDF also the page number, so a reader of the paper can find the section online.

The quick card is the home page's "A customer is angry right now" steps and the first questions
of the decision tool, with the tool's address, on one A4 page.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from .decision_tree.model import Outcome, Question, Tree
from .decision_tree.render import inline

SEPARATOR = "--"
TOOL_PAGE = "decision-tool"
ANGRY_SECTION = "angry-customer-right-now"
CARD_QUESTIONS = 2

_ID = re.compile(r'(\sid=")([^"]*)(")')
_LINK = re.compile(r"<a\s([^>]*)>")
_HREF = re.compile(r'\bhref="([^"]*)"')
_CLASS = re.compile(r'\bclass="([^"]*)"')
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_H2 = re.compile(r'<h2\b[^>]*\sid="([^"]*)"[^>]*>(.*?)</h2>', re.S)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Chapter:
    """One page of the handbook: its name (file stem), web address and rendered content."""

    name: str
    url: str  # absolute: "https://handbook.example.org/kk/listening/"
    content: str  # the page's HTML as Markdown renders it, without the theme


@dataclass(frozen=True)
class Book:
    """What the print page and the card say about themselves, in their language."""

    language: str
    title: str
    description: str
    home_url: str
    tool_url: str
    stylesheet: str  # address of print-book.css relative to the page
    words: dict[str, str]  # the `print` group of ui.yml


def nav_pages(nav: object) -> list[str]:
    """The pages of mkdocs.yml's `nav:` by name (file name without .md), in order."""
    if isinstance(nav, str):
        return [nav.rsplit("/", 1)[-1][: -len(".md")]] if nav.endswith(".md") else []
    items = nav.values() if isinstance(nav, dict) else nav if isinstance(nav, list) else []
    return [name for item in items for name in nav_pages(item)]


def anchor(chapter: str, section: str | None = None) -> str:
    """The print page's id of a chapter, or of a section inside it."""
    return chapter if section is None else f"{chapter}{SEPARATOR}{section}"


def plain(fragment: str) -> str:
    """The text of an HTML fragment, without tags and permalink signs."""
    return html.unescape(_TAG.sub("", _HEADERLINK.sub("", fragment))).strip()


def _add_class(attributes: str, name: str) -> str:
    if _CLASS.search(attributes):
        return _CLASS.sub(lambda m: f'class="{m.group(1)} {name}"', attributes, count=1)
    return f'{attributes} class="{name}"'


def rewrite_chapter(chapter: Chapter, by_path: dict[str, str]) -> str:
    """The chapter's content with prefixed ids and links into the print page.

    `by_path` maps the address path of every chapter ("/kk/listening/") to its name. A link to
    a chapter becomes a link to its anchor, with the web address in `data-web`; a link to
    another address of the site (the decision tool) becomes absolute; other links stay.
    """
    content = _HEADERLINK.sub("", chapter.content)
    content = _H1.sub(lambda m: f'<h1 id="{anchor(chapter.name)}">{m.group(1)}</h1>', content, count=1)
    content = _ID.sub(lambda m: m.group(0) if m.group(2) == chapter.name
                      else f"{m.group(1)}{anchor(chapter.name, m.group(2))}{m.group(3)}", content)
    site = urlsplit(chapter.url).netloc

    def link(match: re.Match) -> str:
        attributes = match.group(1)
        href = _HREF.search(attributes)
        if not href:
            return match.group(0)
        target = urljoin(chapter.url, html.unescape(href.group(1)))
        parts = urlsplit(target)
        if parts.netloc != site:
            return match.group(0)
        name = by_path.get(parts.path)
        if name is not None:
            new = f'href="#{anchor(name, parts.fragment or None)}" data-web="{html.escape(target)}"'
            attributes = _add_class(attributes.replace(href.group(0), new), "hb-xref")
        else:
            attributes = _add_class(attributes.replace(href.group(0), f'href="{html.escape(target)}"'),
                                    "hb-web")
        return f"<a {attributes}>"

    return _LINK.sub(link, content)


def contents(chapters: list[Chapter]) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(anchor, title, [(anchor, title) of each `##` section]) of every chapter."""
    entries = []
    for chapter in chapters:
        h1 = _H1.search(chapter.content)
        sections = [(anchor(chapter.name, sid), plain(text)) for sid, text in _H2.findall(chapter.content)]
        entries.append((anchor(chapter.name), plain(h1.group(1)) if h1 else chapter.name, sections))
    return entries


def _head(book: Book, title: str) -> str:
    e = html.escape
    # The page number before a cross-reference's web address, in the PDF only (target-counter is
    # paged media; browsers skip the declaration and keep the address alone).
    page_word = book.words["page"].replace('"', "")
    return f"""<!doctype html>
<html lang="{book.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
<meta name="description" content="{e(book.description)}">
<link rel="stylesheet" href="{e(book.stylesheet)}">
<style>@media print {{ a.hb-xref::after {{ content: " (" attr(data-web) ")"; content: " ({page_word} " target-counter(attr(href url), page) ", " attr(data-web) ")"; }} }}</style>
</head>
"""


def render_book(book: Book, chapters: list[Chapter]) -> str:
    """The print page: cover, table of contents with page numbers in print, every chapter."""
    e = html.escape
    by_path = {urlsplit(c.url).path: c.name for c in chapters}
    toc = []
    for chapter_anchor, title, sections in contents(chapters):
        items = "".join(f'<li><a href="#{a}">{e(t)}</a></li>' for a, t in sections)
        toc.append(f'<li><a href="#{chapter_anchor}">{e(title)}</a>' + (f"<ol>{items}</ol>" if items else "") + "</li>")
    body = "\n".join(f'<section class="hb-chapter" aria-labelledby="{anchor(c.name)}">\n'
                     f"{rewrite_chapter(c, by_path)}\n</section>" for c in chapters)
    words = book.words
    return _head(book, book.title) + f"""<body class="hb-book">
<header class="hb-cover">
  <p class="hb-cover__name">{e(book.title)}</p>
  <p class="hb-cover__description">{e(book.description)}</p>
  <p class="hb-cover__online">{e(words["online"])} <a href="{e(book.home_url)}">{e(book.home_url)}</a></p>
</header>
<nav class="hb-toc" aria-labelledby="hb-contents">
  <h2 id="hb-contents" class="hb-toc__title">{e(words["contents"])}</h2>
  <ol>{"".join(toc)}</ol>
</nav>
<main>
{body}
</main>
</body>
</html>
"""


def section(content: str, section_id: str) -> tuple[str, str]:
    """(title, body HTML) of the `##` section `section_id` of a page's content."""
    start = re.search(rf'<h2\b[^>]*\sid="{re.escape(section_id)}"[^>]*>(.*?)</h2>', content, re.S)
    if not start:
        raise LookupError(f"the home page has no section '{section_id}'")
    following = re.compile(r"<h2\b").search(content, start.end())
    return plain(start.group(1)), content[start.end():following.start() if following else len(content)]


def first_questions(tree: Tree, count: int = CARD_QUESTIONS) -> list[Question]:
    """The start question and those after it on the way that leads on to more questions."""
    found = [tree.question(tree.start)]
    while len(found) < count:
        onward = [a.next for a in found[-1].answers if isinstance(tree.nodes[a.next], Question)]
        if not onward:
            break
        found.append(tree.question(onward[-1]))
    return found


def render_card(book: Book, home: Chapter, tree: Tree) -> str:
    """The quick card: the angry-customer steps and the first questions of the tool, one page."""
    e = html.escape
    words = book.words
    title, steps = section(home.content, ANGRY_SECTION)
    steps = rewrite_chapter(Chapter("card", home.url, steps), {})
    questions = first_questions(tree)
    shown = {q.id for q in questions}
    items = []
    for number, question in enumerate(questions, start=1):
        answers = []
        for answer in question.answers:
            target = tree.nodes[answer.next]
            if isinstance(target, Outcome):
                result = f"<strong>{inline(target.title)}</strong>"
            elif target.id in shown:
                result = e(words["card_next"])
            else:
                result = f'<a href="{e(book.tool_url)}#{e(target.id)}">{e(words["card_tool_short"])}</a>'
            answers.append(f"<li>{inline(answer.label)} → {result}</li>")
        items.append(f'<li><p><a href="{e(book.tool_url)}#{e(question.id)}">{inline(question.text)}</a></p>'
                     f'<ul>{"".join(answers)}</ul></li>')
    return _head(book, f"{words['card']}: {title}") + f"""<body class="hb-card">
<main>
<p class="hb-card__book">{e(book.title)} · {e(words["card"])}</p>
<h1>{e(title)}</h1>
{steps}
<h2>{e(words["card_questions"])}</h2>
<ol class="hb-card__questions">{"".join(items)}</ol>
<p class="hb-card__tool">{e(words["card_tool"])} <a class="hb-card__url" href="{e(book.tool_url)}">{e(book.tool_url)}</a></p>
</main>
</body>
</html>
"""
