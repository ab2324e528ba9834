"""The h2/h3 section ids and titles of the handbook's Markdown pages."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

HEADING = re.compile(r"^(#{2,3})\s+(.+?)\s*\{\s*#([A-Za-z0-9_-]+)[^}]*\}\s*$")


def page_title(text: str) -> str | None:
    """The page title: front matter 'title', else the first '# ' heading."""
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        meta = yaml.safe_load(text[4:end]) if end > 0 else None
        if isinstance(meta, dict) and meta.get("title"):
            return str(meta["title"])
    match = re.search(r"^#\s+(.+)$", text, re.MULTILINE)
    return match.group(1).strip() if match else None


def sections_of(text: str) -> list[tuple[str, str]]:
    """(id, title) of each h2/h3 with an explicit id, in order; fenced code is skipped."""
    found: list[tuple[str, str]] = []
    fenced = False
    for line in text.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and (match := HEADING.match(line)):
            found.append((match.group(3), match.group(2)))
    return found


def language_pages(docs_dir: Path, language: str) -> dict[str, Path]:
    """The Markdown pages of one language, by page name (file name without .md)."""
    folder = docs_dir / language
    return {path.stem: path for path in sorted(folder.glob("*.md"))}
