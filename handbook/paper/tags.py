"""Change the start tags of rendered HTML, found by Python's HTML parser, and leave the rest as it is.

`edit_tags` reads a fragment with `html.parser`, asks `edit` about each start tag (its name and
attributes, values unescaped) and writes back only the tags `edit` changes, through the template
`overrides/partials/handbook/start-tag.html`, which escapes every value. Elements `drop` names
(with their content) are left out. Everything else, text, comments and unchanged tags, is copied
byte for byte, so a chapter reused on the print page reads exactly as on the web.
"""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser, attrfind_tolerant, tagfind_tolerant

import jinja2

Attributes = list[tuple[str, str | None]]
TEMPLATE = "partials/handbook/start-tag.html"


def _spelling(raw: str, tag: str, attrs: Attributes) -> dict[str, str]:
    """The tag's and its attributes' names as the source writes them (the parser lowers them,
    but SVG's are mixed case), read with the parser's own patterns."""
    name = tagfind_tolerant.match(raw, 1)
    if not name:
        return {}
    written = [found.group(1) for found in attrfind_tolerant.finditer(raw, name.end())]
    pairs = zip([tag, *(attr for attr, _ in attrs)], [name.group(1), *written])
    return {lower: as_written for lower, as_written in pairs if as_written.lower() == lower}


class _Finder(HTMLParser):
    """Where each start tag of a fragment stands (start and end offset) and the spans of dropped elements."""

    def __init__(self, html: str, drop: Callable[[str, Attributes], bool]):
        super().__init__()
        self.at = 0  # where the tag being read starts
        self.html = html
        self.drop = drop
        self.tags: list[tuple[int, int, str, Attributes, bool, str]] = []  # start, end, tag, attributes, self-closing, text
        self.dropped: list[tuple[int, int]] = []
        self._dropping: tuple[str, int, int] | None = None  # tag, depth, start
        self.feed(html)
        self.close()

    # The parser reads the whole fragment in one `feed`, so these offsets are the fragment's.
    def parse_starttag(self, i: int) -> int:
        self.at = i
        return super().parse_starttag(i)

    def parse_endtag(self, i: int) -> int:
        self.at = i
        return super().parse_endtag(i)

    def _start(self, tag: str, attrs: Attributes, closed: bool) -> None:
        start = self.at
        raw = self.get_starttag_text() or ""
        end = start + len(raw)
        if self._dropping:
            name, depth, at = self._dropping
            if tag == name and not closed:
                self._dropping = (name, depth + 1, at)
        elif self.drop(tag, attrs):
            if closed:
                self.dropped.append((start, end))
            else:
                self._dropping = (tag, 1, start)
        else:
            self.tags.append((start, end, tag, attrs, closed, raw))

    def handle_starttag(self, tag: str, attrs: Attributes) -> None:
        self._start(tag, attrs, False)

    def handle_startendtag(self, tag: str, attrs: Attributes) -> None:
        self._start(tag, attrs, True)

    def handle_endtag(self, tag: str) -> None:
        if self._dropping and tag == self._dropping[0]:
            name, depth, at = self._dropping
            if depth > 1:
                self._dropping = (name, depth - 1, at)
            else:
                self.dropped.append((at, self.html.index(">", self.at) + 1))
                self._dropping = None


def edit_tags(env: jinja2.Environment, html: str, edit: Callable[[str, Attributes], Attributes | None],
              drop: Callable[[str, Attributes], bool] = lambda tag, attrs: False) -> str:
    """`html` with each start tag for which `edit(tag, attributes)` returns new attributes
    rewritten with them, and the elements `drop(tag, attributes)` names removed."""
    found = _Finder(html, drop)
    changes: list[tuple[int, int, str]] = list((start, end, "") for start, end in found.dropped)
    template = env.get_template(TEMPLATE)
    for start, end, tag, attrs, closed, raw in found.tags:
        new = edit(tag, attrs)
        if new is not None:
            written = _spelling(raw, tag, attrs)  # `viewBox`, not the parser's `viewbox`
            changes.append((start, end, template.render(tag=written.get(tag, tag), closed=closed,
                                                        attributes=[(written.get(name, name), value) for name, value in new])))
    parts, at = [], 0
    for start, end, text in sorted(changes):
        if start < at:  # inside a dropped element
            continue
        parts += [html[at:start], text]
        at = end
    return "".join(parts) + html[at:]


def elements(html: str, wanted: Callable[[str, Attributes], bool]) -> list[tuple[int, int]]:
    """Where the elements `wanted(tag, attributes)` names start and end (the outermost ones), in order."""
    return _Finder(html, wanted).dropped


def inner(element: str) -> str:
    """The content of an element's HTML, between its start and its end tag."""
    start = _Finder(element, lambda tag, attrs: False).tags[0]
    return element[start[1]:element.rindex("</")]


def section_ends(html: str) -> dict[str, int]:
    """Where each `##` section of a page's content ends, by id: at the next `<h2>`, or at the end."""
    headings = [(start, dict(attrs).get("id")) for start, _, tag, attrs, _, _ in _Finder(html, lambda tag, attrs: False).tags
                if tag == "h2"]
    ends = [start for start, _ in headings[1:]] + [len(html)]
    return {section_id: end for (_, section_id), end in zip(headings, ends) if section_id}


def classes(attrs: Attributes) -> list[str]:
    """The class names of a tag."""
    return (dict(attrs).get("class") or "").split()
