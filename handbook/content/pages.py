"""The one reader of the handbook's Markdown pages: front matter, title, sections, their text and
their "what to say" boxes. Every part of the handbook that needs a page's structure asks here
(addresses and ids in handbook/content/site.py, fingerprints in handbook/freshness/sections.py, the phrasebook,
the decision tree's links and ids), so they all agree on what a section is:

- a heading is a line `#`, `##` or `###` + space + text, outside fenced code (``` or ~~~);
- a heading's id is its explicit `{#id}`; a `##`/`###` heading without one has `id` None and,
  for fingerprints and boxes, stays part of the section above;
- the intro (`INTRO`) is everything before the first `##`/`###` heading with an id, front
  matter included;
- a "what to say" box is a `!!! say` line and the indented or blank lines after it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from mkdocs.utils.meta import get_data

INTRO = "intro"

_HEADING = re.compile(r"^(#{1,3})\s+(.+?)\s*$")
_EXPLICIT_ID = re.compile(r"^(.*?)\s*\{\s*#([A-Za-z0-9_-]+)[^}]*\}$")
_SAY = re.compile(r"^!!! say\b")
_FENCE = ("```", "~~~")


@dataclass(frozen=True)
class Section:
    """A `##` or `###` heading of a page; `id` is None when the heading lacks an explicit id."""

    id: str | None
    title: str
    level: int
    line: int = field(default=0, compare=False)  # 0-based, in the text given to `headings`


@dataclass(frozen=True)
class PageSource:
    """What the handbook reads from a page's Markdown."""

    meta: dict
    title: str | None
    sections: tuple[Section, ...]
    texts: Mapping[str, str] = field(default_factory=dict, compare=False)  # by section id, `intro` first
    say_boxes: Mapping[str, tuple[str, ...]] = field(default_factory=dict, compare=False)  # by section id

    def section_ids(self) -> list[str]:
        """The explicit ids of the `##`/`###` sections, in order."""
        return [section.id for section in self.sections if section.id]

    def titles(self) -> dict[str, str]:
        """Each section's heading text by id; the page title for `intro`."""
        return {INTRO: self.title or "", **{s.id: s.title for s in self.sections if s.id}}


def headings(markdown: str) -> list[Section]:
    """Every `#`, `##` and `###` heading outside fenced code, with its line."""
    found: list[Section] = []
    fenced = False
    for number, line in enumerate(markdown.splitlines()):
        if line.lstrip().startswith(_FENCE):
            fenced = not fenced
            continue
        heading = None if fenced else _HEADING.match(line)
        if heading:
            explicit = _EXPLICIT_ID.match(heading.group(2))
            level = len(heading.group(1))
            found.append(Section(explicit.group(2), explicit.group(1), level, number) if explicit
                         else Section(None, heading.group(2), level, number))
    return found


def first_section_line(markdown: str) -> int | None:
    """The line of the first `##` heading, where the page's opening ends."""
    return next((h.line for h in headings(markdown) if h.level == 2), None)


def section_texts(markdown: str) -> dict[str, str]:
    """The text of each section, by id: `intro` first, then every `##`/`###` section with an id.
    A heading's `{#id}` is left out of the text: an id that moves (with its redirect in
    data/published-ids.yml) does not change what the section says."""
    lines = markdown.splitlines()
    starts = {h.line: h for h in headings(markdown) if h.level > 1 and h.id}
    texts: dict[str, list[str]] = {INTRO: []}
    current = INTRO
    for number, line in enumerate(lines):
        if number in starts:
            heading = starts[number]
            current = heading.id
            texts.setdefault(current, [])
            line = f"{'#' * heading.level} {heading.title}"
        texts[current].append(line)
    return {section: "\n".join(part) for section, part in texts.items()}


def say_boxes(markdown: str) -> dict[str, tuple[str, ...]]:
    """The `!!! say` boxes of a page body, as Markdown, by the id of the section they are in
    ("" before the first section with an id)."""
    lines = markdown.splitlines()
    starts = {h.line: h.id for h in headings(markdown) if h.level > 1 and h.id}
    fenced = {number for number, inside in enumerate(_fenced_lines(lines)) if inside}
    boxes: dict[str, list[str]] = {}
    section, current = "", None
    for number, line in enumerate(lines):
        if current is not None and (line.startswith("    ") or not line.strip()):
            current.append(line)
            continue
        if current is not None:
            boxes.setdefault(section, []).append("\n".join(current).rstrip())
            current = None
        if number in starts:
            section = starts[number]
        elif number not in fenced and _SAY.match(line):
            current = [line]
    if current is not None:
        boxes.setdefault(section, []).append("\n".join(current).rstrip())
    return {key: tuple(found) for key, found in boxes.items()}


def _fenced_lines(lines: list[str]) -> list[bool]:
    inside, fenced = [], False
    for line in lines:
        if line.lstrip().startswith(_FENCE):
            fenced = not fenced
            inside.append(True)
        else:
            inside.append(fenced)
    return inside


def parse_page(markdown: str) -> PageSource:
    """A page from its whole file: front matter (MkDocs' own reader), title (front matter, else
    the `#` heading), sections, their texts (front matter in the intro) and boxes."""
    body, meta = get_data(markdown)
    title = str(meta["title"]) if meta.get("title") else None
    found = headings(body)
    if title is None:
        title = next((h.title for h in found if h.level == 1), None)
    sections = tuple(h for h in found if h.level > 1)
    return PageSource(meta, title, sections, section_texts(markdown), say_boxes(body))
