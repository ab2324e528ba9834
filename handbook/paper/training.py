"""Paper for a training room, read from a page's HTML as Markdown renders it.

- Knowledge checks ("Check your understanding"): each question is a bold paragraph followed by
  its options, closed boxes (`details.question`) whose summary is the option and whose body is
  the explanation. On paper the options are printed without their explanations, and the
  explanations become an answer key at the end.
- Role-play scenarios: each `##` section of the scenarios page has the situation (its first
  paragraph that opens with a bold word, "**Situation.**"), the roles (its first list: one item
  per role, the role's name in bold) and what good handling looks like (its second list). Each
  scenario prints as handouts: one sheet per role, and one for the observers with the
  good-handling checklist.

The pieces are the page's own rendered HTML, kept as markup (`Markup`) for the templates.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from handbook.paper.tags import Attributes, classes, elements, inner

CHECKS_SECTION = "check-your-understanding"

_H2 = re.compile(r'<h2\b[^>]*\sid="([^"]*)"[^>]*>(.*?)</h2>', re.S)
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_QUESTION = re.compile(r"<p><strong>(.*?)</strong></p>", re.S)
_OPTION = re.compile(r'<details class="question">\s*<summary>(.*?)</summary>(.*?)</details>', re.S)
_LEAD_PARAGRAPH = re.compile(r"<p>(<strong>.*?)</p>", re.S)  # a paragraph that opens with a bold word
_LIST = re.compile(r"<ul>(.*?)</ul>", re.S)
_ITEM = re.compile(r"<li>(.*?)</li>", re.S)
_LEAD = re.compile(r"^\s*<strong>(.*?)</strong>\s*", re.S)


@dataclass(frozen=True)
class Option:
    label: Markup  # "A. Repeat the request…"
    explanation: Markup  # the box's body: "<p>Right. …</p>"


@dataclass(frozen=True)
class Question:
    text: Markup  # "1. The customer has finished…"
    options: tuple[Option, ...]


@dataclass(frozen=True)
class Role:
    name: Markup  # "Staff member"
    brief: Markup


@dataclass(frozen=True)
class Scenario:
    id: str
    title: Markup
    situation: Markup  # "<strong>Situation.</strong> A customer…"
    roles: tuple[Role, ...]
    checklist: tuple[Markup, ...]


def sections(content: str) -> list[tuple[str, str, str]]:
    """(id, title HTML, body HTML) of every `##` section of a page's content."""
    found = list(_H2.finditer(content))
    return [(match.group(1), _HEADERLINK.sub("", match.group(2)).strip(),
             content[match.end():found[number + 1].start() if number + 1 < len(found) else len(content)])
            for number, match in enumerate(found)]


def knowledge_checks(content: str, section_id: str = CHECKS_SECTION) -> list[Question]:
    """The questions of a page's knowledge check (the section `section_id`), in order; none if
    the page has no check."""
    body = next((body for found, _, body in sections(content) if found == section_id), "")
    questions = []
    starts = list(_QUESTION.finditer(body))
    for number, start in enumerate(starts):
        end = starts[number + 1].start() if number + 1 < len(starts) else len(body)
        options = tuple(Option(Markup(option.group(1).strip()), Markup(option.group(2).strip()))
                        for option in _OPTION.finditer(body, start.end(), end))
        if options:
            questions.append(Question(Markup(start.group(1).strip()), options))
    return questions


def _option(tag: str, attrs: Attributes) -> bool:
    return tag == "details" and classes(attrs) == ["question"]


def _summary(tag: str, attrs: Attributes) -> bool:
    return tag == "summary"


def without_answers(content: str, render: Callable[[Markup], str]) -> str:
    """The page's content with each knowledge-check option replaced by `render(label)` (paper),
    the options found by an HTML parser (handbook/paper/tags.py)."""
    parts, at = [], 0
    for start, end in elements(content, _option) if "<details" in content else ():  # most pages have none
        option = content[start:end]
        label = next((inner(option[s:e]) for s, e in elements(option, _summary)), "")
        parts += [content[at:start], render(Markup(label.strip()))]
        at = end
    return "".join(parts) + content[at:]


def scenarios(content: str) -> list[Scenario]:
    """Every role-play scenario of the scenarios page: the `##` sections with roles."""
    found = []
    for section_id, title, body in sections(content):
        lists = _LIST.findall(body)
        first = _LEAD_PARAGRAPH.search(body)
        if len(lists) < 2 or not first:
            continue
        roles = []
        for item in _ITEM.findall(lists[0]):
            lead = _LEAD.match(item)
            if lead:
                roles.append(Role(Markup(lead.group(1).rstrip(":").strip()), Markup(item[lead.end():].strip())))
        if roles:
            found.append(Scenario(section_id, Markup(title), Markup(first.group(1).strip()),
                                  tuple(roles), tuple(Markup(item.strip()) for item in _ITEM.findall(lists[1]))))
    return found
