"""Structural parity: every language has the same blocks and links as English, section by section.

For each section of a page (by its id; the text before the first `##` is the "(intro)"), a
translation must have as many paragraphs, list items, table rows and boxes of each kind ("what to
say", tip, warning, note, details...) as the default language, and link to the same targets
(page and section id). Differences that are on purpose are declared, each with its reason, in
data/parity-exceptions.yml.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.meta import get_data

from handbook.content.source import DataError, read_yaml

EXCEPTIONS_FILE = "data/parity-exceptions.yml"
INTRO = "(intro)"


@dataclass
class Shape:
    """What one section is made of, as far as a translation must keep it."""
    paragraphs: int = 0
    list_items: int = 0
    table_rows: int = 0
    boxes: Counter = field(default_factory=Counter)
    links: set = field(default_factory=set)

    def differences(self, other: "Shape") -> list[str]:
        """How `other` differs from this (English) shape, in words."""
        found = []
        for name in ("paragraphs", "list_items", "table_rows"):
            mine, theirs = getattr(self, name), getattr(other, name)
            if mine != theirs:
                found.append(f"{theirs} {name.replace('_', ' ')} where English has {mine}")
        for kind in sorted(set(self.boxes) | set(other.boxes)):
            if self.boxes[kind] != other.boxes[kind]:
                found.append(f"{other.boxes[kind]} '{kind}' boxes where English has {self.boxes[kind]}")
        if missing := sorted(self.links - other.links):
            found.append("no link to " + ", ".join(missing))
        if extra := sorted(other.links - self.links):
            found.append("a link English does not have, to " + ", ".join(extra))
        return found


class _KeepTree(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        self.md.parity_root = root


class _KeepTreeExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_KeepTree(md), "parity_keep_tree", 0)


def converter(config: MkDocsConfig) -> markdown.Markdown:
    """A Markdown converter with the site's own extensions, as mkdocs.yml configures them."""
    return markdown.Markdown(extensions=[*config.markdown_extensions, _KeepTreeExtension()],
                             extension_configs=config.mdx_configs)


def _target(href: str, page: str) -> str:
    if "://" in href or href.startswith("mailto:"):
        return href
    path, _, fragment = href.partition("#")
    if not path:
        return f"{page}#{fragment}"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)).removesuffix(".md")
    return f"{target}#{fragment}" if fragment else target


def _count(element: etree.Element, shape: Shape, page: str) -> None:
    classes = (element.get("class") or "").split()
    if element.tag == "p":
        shape.paragraphs += 1
    elif element.tag == "li":
        shape.list_items += 1
    elif element.tag == "tr":
        shape.table_rows += 1
    elif element.tag == "div" and "admonition" in classes:
        shape.boxes[next((c for c in classes if c != "admonition"), "note")] += 1
    elif element.tag == "details":
        shape.boxes["details " + " ".join(classes)] += 1
    elif element.tag == "a" and element.get("href"):
        shape.links.add(_target(element.get("href"), page))
    for child in element:
        _count(child, shape, page)


def page_shape(text: str, page: str, md: markdown.Markdown) -> dict[str, Shape]:
    """The shape of each section of one Markdown page, by section id, in page order."""
    body, _meta = get_data(text)
    md.reset()
    md.convert(body)
    sections = {INTRO: Shape()}
    current = sections[INTRO]
    for element in md.parity_root:
        if element.tag in ("h2", "h3"):
            current = sections.setdefault(element.get("id") or "".join(element.itertext()), Shape())
        elif element.tag != "h1":
            _count(element, current, page)
    return sections


def page_differences(english: str, translation: str, page: str, md: markdown.Markdown) -> list[str]:
    """Every section where `translation` differs from `english`, one line each."""
    reference, other = page_shape(english, page, md), page_shape(translation, page, md)
    lines = [f"section #{s}: missing" for s in reference if s not in other]
    lines += [f"section #{s}: English has no such section" for s in other if s not in reference]
    for section in reference.keys() & other.keys():
        if found := reference[section].differences(other[section]):
            lines.append(f"section #{section}: " + "; ".join(found))
    return sorted(lines)


def declared_exceptions(project_dir: Path) -> set[tuple[str, str, str]]:
    """data/parity-exceptions.yml: (language, page, section) allowed to differ, each with a reason."""
    source = read_yaml(project_dir, EXCEPTIONS_FILE, "create it with '[]' (no exceptions).")
    entries = source.data or []
    found = set()
    for index, entry in enumerate(entries if isinstance(entries, list) else [None]):
        if not (isinstance(entry, dict) and {"language", "page", "section", "reason"} <= entry.keys()
                and str(entry["reason"]).strip()):
            raise DataError(EXCEPTIONS_FILE, source.line(index), "an exception needs a language, a page, a "
                            "section and a reason.", "write it as in the example at the top of the file.")
        found.add((entry["language"], entry["page"], entry["section"]))
    return found
