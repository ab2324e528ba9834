"""What pages and the docs folder may hold: text, and only the HTML the handbook uses.

Writers and translators write Markdown; the build refuses anything that would run script or
change how the site loads, naming the file, the line and the fix:
- in a page's HTML (after Markdown, before the handbook adds its own): only the elements and
  attributes of ALLOWED_ELEMENTS and ALLOWED_ATTRIBUTES (what Markdown, admonitions, `<details>`,
  tables and `md_in_html` blocks produce); addresses only relative or http(s)/mailto/tel;
- in front matter: only `title`, `description` (plain text) and `search`;
- in docs/: pages (.md) and pictures in the language folders, scripts and styles in docs/assets/
  only, and no symbolic link anywhere in the sources.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from handbook.content.source import MARKUP, DataError

ALLOWED_ELEMENTS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small",
    "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
    "tr", "u", "ul", "var", "wbr",
})
ALLOWED_ATTRIBUTES = frozenset({
    "id", "class", "href", "src", "alt", "title", "lang", "dir", "colspan", "rowspan", "scope", "open",
    "start", "reversed", "width", "height", "loading", "hreflang", "datetime", "role",
})
_ADDRESSES = frozenset({"href", "src", "cite"})
_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
FRONT_MATTER = {"title": str, "description": str, "search": dict}
PICTURES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"})
ASSETS = frozenset({".js", ".css", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".woff2", ".json"})
_HTML_FIX = ("write it in Markdown: pages hold text, links, lists, tables, admonitions and "
             "<details> only; scripts and styles belong in docs/assets/, added by a maintainer.")


def scheme_of(address: str) -> str | None:
    """The scheme of an address as a browser reads it (control characters and spaces dropped)."""
    found = _SCHEME.match(_CONTROL.sub("", address).lower())
    return found.group(1) if found else None


def line_of(source: str, *needles: str) -> int | None:
    """The first line of `source` that holds the first of `needles` found (case-insensitive,
    character references read as the characters they stand for)."""
    lines = [(line, html.unescape(line)) for line in source.lower().splitlines()]
    for needle in (needle.lower() for needle in needles if needle):
        for number, (line, text) in enumerate(lines, 1):
            if needle in line or needle in text:
                return number
    return None


class _Checker(HTMLParser):
    """Collects the first thing in a page's HTML that the handbook does not allow."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problem: tuple[tuple[str, ...], str] | None = None

    def refuse(self, needles: tuple[str, ...], problem: str) -> None:
        if self.problem is None:
            self.problem = (needles, problem)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_ELEMENTS:
            self.refuse((f"<{tag}",), f"the page contains a <{tag}> element, which pages may not hold.")
            return
        for name, value in attrs:
            if name not in ALLOWED_ATTRIBUTES and not name.startswith("aria-"):
                self.refuse((f" {name}=", f"{name}=", f" {name}"), f"the page contains the attribute '{name}' (on <{tag}>), "
                                                "which pages may not use.")
            elif name in _ADDRESSES and value and scheme_of(value) not in (None, *_SCHEMES):
                self.refuse((value, f"{scheme_of(value)}:"), f"the page links to a '{scheme_of(value)}:' address, "
                                                            "which pages may not use.")
            elif name == "class" and value and "mermaid" in value.split():
                self.refuse(("mermaid",), "the page contains a Mermaid diagram, which would load a "
                                          "script from another site.")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_decl(self, decl: str) -> None:
        self.refuse(("<!" + decl[:8],), "the page contains a <!...> declaration.")

    def unknown_decl(self, data: str) -> None:
        self.refuse(("<![",), "the page contains a <![...]> section.")

    def handle_pi(self, data: str) -> None:
        self.refuse(("<?",), "the page contains a <?...> instruction.")


def check_html(html: str, source: str, file: str) -> None:
    """A DataError for the first element, attribute or address in a page's HTML that is not allowed."""
    checker = _Checker()
    checker.feed(html)
    checker.close()
    if checker.problem:
        needles, problem = checker.problem
        raise DataError(file, line_of(source, *needles), problem, _HTML_FIX)


def check_front_matter(meta: dict[str, Any], source: str, file: str) -> None:
    """A DataError for front matter other than a plain-text title and description, and `search`."""
    for key, value in meta.items():
        line = line_of(source.split("\n---", 1)[0], f"{key}:")
        if key not in FRONT_MATTER:
            raise DataError(file, line, f"the front matter sets '{key}', which pages may not set.",
                            "keep only 'title:', 'description:' and 'search:' between the '---' lines.")
        if not isinstance(value, FRONT_MATTER[key]):
            raise DataError(file, line, f"the front matter's '{key}' is not what it should be.",
                            "write title and description as one line of text each.")
        texts = [value] if isinstance(value, str) else [str(v) for v in value.values()]
        for text in texts:
            if MARKUP.search(text) or scheme_of(text) in {"javascript", "vbscript", "data"}:
                raise DataError(file, line, f"the front matter's '{key}' contains markup or a script address.",
                                "write plain words without '<', '>', '&...;' or 'javascript:'.")


def check_sources(project_dir: Path, docs: str, languages: list[str] | tuple[str, ...],
                  folders: tuple[str, ...]) -> None:
    """A DataError for a symbolic link in the sources or a file docs/ may not hold."""
    for folder in folders:
        root = project_dir / folder
        for path in sorted(root.rglob("*")) if root.is_dir() else ():
            if path.is_symlink():
                raise DataError(path.relative_to(project_dir).as_posix(), None,
                                "this is a symbolic link; the build would publish whatever it points to.",
                                "replace it with the file itself, or remove it.")
    docs_dir = project_dir / docs
    for path in sorted(p for p in docs_dir.rglob("*") if p.is_file()):
        relative = path.relative_to(docs_dir)
        if any(part.startswith(".") for part in relative.parts):
            continue  # MkDocs never publishes dot files
        name = (Path(docs) / relative).as_posix()
        top, suffix = relative.parts[0], path.suffix.lower()
        if top == "assets" and suffix in ASSETS:
            continue
        if top in languages and len(relative.parts) > 1 and suffix in {".md", *PICTURES}:
            continue
        raise DataError(name, None,
                        "only pages (.md) and pictures (.png, .jpg, .gif, .webp, .avif) may be in a "
                        f"language folder, and scripts and styles only in {docs}/assets/.",
                        "remove the file, or ask a maintainer to add what it is for to docs/assets/.")
