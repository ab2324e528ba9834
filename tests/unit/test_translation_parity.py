"""Every language says the same as English, block for block: a structural parity check per section.

For each page and each section (by its id; the text before the first h2 is the "(intro)"), every
translation has the same number of paragraphs, list items, table rows, boxes of each kind ("what to
say", tip, warning, note, details...) and links to the same targets (page and section id) as the
English page. Differences that are on purpose are declared, with a reason, in
data/parity-exceptions.yml.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import markdown
import pytest
import yaml
from markdown.treeprocessors import Treeprocessor
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import get_yaml_loader

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
DEFAULT = "en"
INTRO = "(intro)"
# Generated at build time from the chapters, so it has no text of its own to compare.
GENERATED = {"phrasebook"}


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


def _markdown() -> markdown.Markdown:
    """A Markdown converter with the site's own extensions, from mkdocs.yml."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())
    names, settings = [], {}
    for item in config.get("markdown_extensions", []):
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        names.append(name)
        if options:
            settings[name] = options
    return markdown.Markdown(extensions=[*names, _KeepTreeExtension()], extension_configs=settings)


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


def _exceptions() -> set[tuple[str, str, str]]:
    path = ROOT / "data" / "parity-exceptions.yml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or [] if path.exists() else []
    return {(e["language"], e["page"], e["section"]) for e in entries}


LANGUAGES = sorted(p.name for p in DOCS.iterdir() if p.is_dir() and len(p.name) == 2 and p.name != DEFAULT)
PAGES = sorted(p.stem for p in (DOCS / DEFAULT).glob("*.md") if p.stem not in GENERATED)


@pytest.fixture(scope="module")
def md() -> markdown.Markdown:
    return _markdown()


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_section_has_the_same_blocks_and_links_as_english(language: str, page: str, md) -> None:
    source = DOCS / language / f"{page}.md"
    if not source.exists():
        pytest.skip(f"docs/{language}/{page}.md is not translated: the site shows English with a notice")
    english = (DOCS / DEFAULT / f"{page}.md").read_text(encoding="utf-8")
    lines = page_differences(english, source.read_text(encoding="utf-8"), page, md)
    allowed = _exceptions()
    lines = [l for l in lines if (language, page, l.split(":")[0].removeprefix("section #")) not in allowed]
    assert not lines, (f"docs/{language}/{page}.md does not have the same structure as docs/en/{page}.md:\n  "
                       + "\n  ".join(lines))
