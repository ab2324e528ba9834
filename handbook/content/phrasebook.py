"""The phrasebook, generated: every "what to say" box of the chapters, grouped by situation.

data/phrasebook.yml names, for each situation (a `##` section of docs/<lang>/phrasebook.md),
the chapter sections whose boxes it gathers. At build time each situation gets, in the reader's
language, those boxes copied from the chapters, each followed by a link back to its section; so
the phrasebook can never say something the chapters do not. Every box of every chapter is in
exactly one situation: a box nobody listed, or a listed section without a box, stops the build.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from handbook.content.pages import headings, parse_page
from handbook.content.site import Site
from handbook.content.source import DataError, YamlSource, read_yaml

PHRASEBOOK_FILE = "data/phrasebook.yml"
PAGE = "phrasebook"
_LINK_TEXT = re.compile(r"[\[\]\\]")
_ENTRY = re.compile(r"^([a-z0-9-]+)#([A-Za-z0-9_-]+)(?: \(box (\d+)\))?$")


@dataclass(frozen=True)
class Entry:
    """One chapter section whose boxes a situation gathers; `box` picks one of them (1, 2...)."""

    page: str
    section: str
    box: int | None = None


def say_boxes(markdown: str) -> dict[str, list[str]]:
    """The `!!! say` boxes of a page, as Markdown, by the id of the section they are in."""
    return {section: list(boxes) for section, boxes in parse_page(markdown).say_boxes.items()}


@dataclass(frozen=True)
class Situations:
    """data/phrasebook.yml: situation id -> the chapter sections it gathers."""

    entries: dict[str, list[Entry]]
    source: YamlSource


def load_situations(project_dir: Path) -> Situations:
    """data/phrasebook.yml, checked for form."""
    source = read_yaml(project_dir, PHRASEBOOK_FILE, "restore it from the repository's history.")
    if not isinstance(source.data, dict) or not source.data:
        raise DataError(PHRASEBOOK_FILE, source.line(), "there is no list of situations.",
                        "write each situation id of the phrasebook page, then under it '  - page#section' lines.")
    situations: dict[str, list[Entry]] = {}
    for situation, entries in source.data.items():
        if not isinstance(entries, list) or not entries:
            raise DataError(PHRASEBOOK_FILE, source.line(situation), f"the situation '{situation}' lists no sections.",
                            "under it, list the chapter sections whose boxes it shows, as '  - page#section'.")
        situations[situation] = []
        for index, text in enumerate(entries):
            match = _ENTRY.match(text) if isinstance(text, str) else None
            if not match:
                raise DataError(PHRASEBOOK_FILE, source.line(situation, index), f"'{text}' is not a section.",
                                "write it as 'page#section', e.g. 'listening#acknowledge-the-feeling', "
                                "or 'page#section (box 2)' for one box of a section that has several.")
            page, section, box = match.groups()
            situations[situation].append(Entry(page, section, int(box) if box else None))
    return Situations(situations, source)


def check(situations: Situations, site: Site) -> None:
    """Every box of the default language's chapters is in exactly one situation, and the page
    has a `##` section for every situation."""
    headings = set(site.section_ids(site.default, PAGE))
    boxes = {page: site.source(site.default, page).say_boxes for page in site.pages() if page != PAGE}
    taken: dict[tuple[str, str, int], str] = {}
    line = situations.source.line
    for situation, entries in situations.entries.items():
        if situation not in headings:
            raise DataError(PHRASEBOOK_FILE, line(situation), f"docs/{site.default}/{PAGE}.md has no section "
                            f"'{situation}'.", f"add '## <title> {{#{situation}}}' to the phrasebook page in every "
                            "language, or correct the id here.")
        for index, entry in enumerate(entries):
            found = boxes.get(entry.page, {}).get(entry.section, [])
            numbers = [entry.box] if entry.box else list(range(1, len(found) + 1))
            if not found or any(n > len(found) for n in numbers):
                raise DataError(PHRASEBOOK_FILE, line(situation, index), f"docs/{site.default}/{entry.page}.md has "
                                f"no 'what to say' box {'number ' + str(entry.box) + ' ' if entry.box else ''}"
                                f"in the section '{entry.section}'.",
                                "correct the page or section id, or remove the line if the box was removed.")
            for number in numbers:
                key = (entry.page, entry.section, number)
                if key in taken:
                    raise DataError(PHRASEBOOK_FILE, line(situation, index), f"box {number} of "
                                    f"{entry.page}#{entry.section} is already in the situation '{taken[key]}'.",
                                    "list each box in one situation only; use '(box N)' to split a section.")
                taken[key] = situation
    for page, sections in boxes.items():
        for section, found in sections.items():
            for number in range(1, len(found) + 1):
                if (page, section, number) not in taken:
                    raise DataError(PHRASEBOOK_FILE, None, f"the 'what to say' box {number} of "
                                    f"docs/{site.default}/{page}.md#{section} is in no situation.",
                                    f"add '  - {page}#{section}' under the situation it belongs to.")


def fill(page_markdown: str, situations: Situations, boxes_of: Callable[[str], Mapping[str, Sequence[str]]],
         title_of: Callable[[str, str], str]) -> str:
    """The phrasebook page with each situation's boxes appended to its section, each followed
    by a link to the chapter section it comes from."""
    out: list[str] = []
    situation: str | None = None

    def close() -> None:
        for entry in situations.entries.get(situation or "", []):
            found = boxes_of(entry.page).get(entry.section, [])
            chosen = [found[entry.box - 1]] if entry.box and entry.box <= len(found) else \
                ([] if entry.box else found)
            for box in chosen:
                title = _LINK_TEXT.sub(r"\\\g<0>", title_of(entry.page, entry.section))  # brackets stay text
                out.extend(["", box, "", f"→ [{title}]({entry.page}.md#{entry.section})"])
        out.append("")

    starts = {h.line: h.id for h in headings(page_markdown) if h.level == 2 and h.id}
    for number, line in enumerate(page_markdown.splitlines()):
        if number in starts:
            if situation:
                close()
            situation = starts[number]
        out.append(line)
    if situation:
        close()
    return "\n".join(out) + "\n"
