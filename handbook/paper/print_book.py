"""The handbook on paper: the whole handbook of one language as one page, and a one-page card.

The print page holds every chapter in navigation order after a cover and a table of contents.
The decision tool is represented by its overview of every question and outcome (the interactive
page itself is left out: on paper it would be an empty form). Each chapter's ids get the
chapter's name as prefix (`listening--listen-without-interrupting`), so that ids repeated across
chapters cannot collide. Links between chapters are rewritten to the print page's own anchors
and keep the section's web address in `data-web`; the print styles write that address after the
link, and the PDF also the page number, so a reader of the paper can find the section online.

The quick card is the home page's "A customer is angry right now" steps and the first questions
of the decision tool, with the tool's address, on one A4 page. Both documents are the templates
`overrides/partials/handbook/print-book.html` and `quick-card.html`.
"""

from __future__ import annotations

import dataclasses
import html
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import jinja2
from markupsafe import Markup

from handbook.paper import training as paper
from handbook.decision_tree.model import Outcome, Question, Tree
from handbook.paper.link_preview import LinkPreview
from handbook.paper.tags import Attributes, classes, edit_tags
from handbook.templates import render, render_document

SEPARATOR = "--"
TOOL_PAGE = "decision-tool"
ANGRY_SECTION = "angry-customer-right-now"
SCENARIOS_PAGE = "scenarios"
KEY_SECTION = "answer-key"
HANDOUTS = "handouts"
CARD_QUESTIONS = 2

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
    lang: str | None = None  # the language the page is written in, when not the book's (a fallback)


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
    preview: LinkPreview | None = None  # the page's link-preview tags


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


def _headerlink(tag: str, attrs: Attributes) -> bool:
    return tag == "a" and "headerlink" in classes(attrs)


def rewrite_chapter(env: jinja2.Environment, chapter: Chapter, by_path: dict[str, str]) -> str:
    """The chapter's content with prefixed ids and links into the print page, without permalink signs.

    The first `<h1>` gets the chapter's anchor as its only attribute. `by_path` maps the address
    path of every chapter ("/kk/listening/") to its name. A link to a chapter becomes a link to
    its anchor, with the web address in `data-web`; a link to another address of the site (the
    decision tool) becomes absolute; other links stay. The tags are found by an HTML parser
    (handbook/paper/tags.py) and only the changed ones are written anew.
    """
    site = urlsplit(chapter.url).netloc
    titled = False

    def link(attrs: Attributes) -> Attributes | None:
        href = dict(attrs).get("href")
        if href is None:
            return None
        target = urljoin(chapter.url, href)
        parts = urlsplit(target)
        if parts.netloc != site:
            return None
        chapter_name = by_path.get(parts.path)
        if chapter_name is not None:
            new, mark = [("href", f"#{anchor(chapter_name, parts.fragment or None)}"), ("data-web", target)], "hb-xref"
        else:
            new, mark = [("href", target)], "hb-web"
        edited = [item for name, value in attrs
                  for item in (new if name == "href" else [(name, f"{value} {mark}" if name == "class" else value)])]
        return edited if "class" in dict(attrs) else [*edited, ("class", mark)]

    def edit(tag: str, attrs: Attributes) -> Attributes | None:
        nonlocal titled
        if tag == "h1" and not titled:
            titled = True
            return [("id", anchor(chapter.name))]
        new = attrs
        if dict(attrs).get("id") not in (None, chapter.name):
            new = [(name, anchor(chapter.name, value) if name == "id" else value) for name, value in attrs]
        if tag == "a":
            new = link(new) or new
        return None if new is attrs else new

    return edit_tags(env, chapter.content, edit, drop=_headerlink)


def contents(chapters: list[Chapter]) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(anchor, title, [(anchor, title) of each `##` section]) of every chapter."""
    entries = []
    for chapter in chapters:
        h1 = _H1.search(chapter.content)
        sections = [(anchor(chapter.name, sid), plain(text)) for sid, text in _H2.findall(chapter.content)]
        entries.append((anchor(chapter.name), plain(h1.group(1)) if h1 else chapter.name, sections))
    return entries


def render_book(env: jinja2.Environment, book: Book, chapters: list[Chapter]) -> str:
    """The print page: cover, table of contents with page numbers in print, every chapter with
    its knowledge check as questions only, the role-play handouts and the answer key at the end."""
    by_path = {urlsplit(c.url).path: c.name for c in chapters}
    entries = contents(chapters)
    toc = [{"anchor": chapter_anchor, "title": title, "lang": chapter.lang,
            "sections": [{"anchor": a, "title": t} for a, t in sections]}
           for chapter, (chapter_anchor, title, sections) in zip(chapters, entries)]
    rewritten = [rewrite_chapter(env, c, by_path) for c in chapters]

    def option(label: Markup) -> str:
        return render(env, "quiz-option", label=label)

    body = [{"anchor": anchor(c.name), "lang": c.lang, "html": Markup(paper.without_answers(html, option))}
            for c, html in zip(chapters, rewritten)]
    keys = [{"anchor": anchor(c.name, KEY_SECTION), "title": title, "lang": c.lang, "questions": questions}
            for c, html, (_, title, _) in zip(chapters, rewritten, entries)
            if (questions := paper.knowledge_checks(html, anchor(c.name, paper.CHECKS_SECTION)))]
    handouts = [scenario for c, html in zip(chapters, rewritten) if c.name == SCENARIOS_PAGE
                for scenario in paper.scenarios(html)]
    words = book.words
    toc += [{"anchor": appendix, "title": words[word], "lang": None, "sections": []}
            for appendix, word, present in (("hb-handouts", "handouts_title", handouts), ("hb-answer-key", "answer_key", keys))
            if present]
    return render_document(env, "print-book", book=book, toc=toc, chapters=body, handouts=handouts, keys=keys)


def handouts_page(scenario_id: str) -> str:
    """The page name of a scenario's handouts: "handouts/angry-caller"."""
    return f"{HANDOUTS}/{scenario_id}"


def scenario_handouts(env: jinja2.Environment, chapter: Chapter) -> list[paper.Scenario]:
    """The role-play scenarios of the scenarios page, with their own ids and absolute links."""
    prefix = anchor(chapter.name, "")
    return [dataclasses.replace(scenario, id=scenario.id.removeprefix(prefix))
            for scenario in paper.scenarios(rewrite_chapter(env, chapter, {}))]


def render_handouts(env: jinja2.Environment, book: Book, scenario: paper.Scenario, scenario_url: str) -> str:
    """The handouts of one role-play scenario: a page per role and one for the observers."""
    return render_document(env, "handouts", book=book, scenario=scenario, scenario_url=scenario_url)


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


def render_card(env: jinja2.Environment, book: Book, home: Chapter, tree: Tree, tree_lang: str | None = None) -> str:
    """The quick card: the angry-customer steps and the first questions of the tool, one page;
    `tree_lang` names the tree's language when it is not the book's (a fallback)."""
    heading, steps = section(home.content, ANGRY_SECTION)
    steps = rewrite_chapter(env, Chapter("card", home.url, steps), {})
    questions = first_questions(tree)
    shown = {q.id for q in questions}
    items = [{"id": question.id, "text": question.text,
              "answers": [{"label": answer.label, "next": answer.next,
                           "outcome": target.title if isinstance(target, Outcome) else None,
                           "shown": target.id in shown}
                          for answer in question.answers for target in [tree.nodes[answer.next]]]}
             for question in questions]
    return render_document(env, "quick-card", book=book, heading=heading, steps=Markup(steps), questions=items,
                           home_lang=home.lang, tree_lang=tree_lang)
