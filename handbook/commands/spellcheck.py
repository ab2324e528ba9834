"""Spell-check the built pages of one language with Hunspell: `python -m handbook.commands.spellcheck LANG [SITE]`.

Checks all the visible text of every page of the language in the built site (default: site/):
the article, and also the header, navigation and footer, so an interface word left in English
shows up too. Code and anything marked as another language (`*word*{lang=tr}` in Markdown, the
language switcher's native names) are left out.
Words the dictionary lacks but that are right (names, terms) go in translations/LANG/words.txt.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from handbook.content.languages import load_language
from handbook.content.site import Site, find_project

SKIPPED_TAGS = {"code", "pre", "script", "style", "svg", "kbd"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class VisibleText(HTMLParser):
    """The text of <body> in the page's own language, without code or permalink symbols."""

    def __init__(self, language: str):
        super().__init__()
        self.language = language
        self.stack: list[bool] = []  # per open element: is its text skipped?
        self.in_body = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            return
        values = dict(attrs)
        skipped = bool(self.stack and self.stack[-1]) or tag in SKIPPED_TAGS \
            or "headerlink" in (values.get("class") or "") \
            or (values.get("lang") not in (None, self.language))
        self.stack.append(skipped)
        if tag == "body":
            self.in_body += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS or not self.stack:
            return
        self.stack.pop()
        if tag == "body":
            self.in_body -= 1

    def handle_data(self, data: str) -> None:
        if self.in_body and not (self.stack and self.stack[-1]):
            self.parts.append(data)


def page_text(html: str, language: str) -> str:
    parser = VisibleText(language)
    parser.feed(html)
    return " ".join(parser.parts)


def language_pages(site: Site, site_dir: Path, language: str) -> list[Path]:
    """The built pages of a language, its 404 page included."""
    folder = site.folder(site_dir, language)
    # The default language's folder is the site root: the other languages and the /<default>/
    # forwarding pages are inside it.
    pages = [p for p in folder.glob("**/index.html")
             if site.language_of(p.relative_to(site_dir).as_posix()) == language
             and p.relative_to(site_dir).parts[0] != site.default]
    return sorted(pages) + [folder / "404.html"]


def unknown_words(text: str, language: str, project_dir: Path | None = None) -> list[str]:
    """Words of `text` that neither the dictionary nor the project's word list knows."""
    project_dir = project_dir or find_project()
    pack = load_language(project_dir, language)
    if shutil.which("hunspell") is None:
        raise RuntimeError(f"Hunspell is not installed: apt-get install hunspell {' '.join(pack.packages)}")
    words = project_dir / "translations" / language / "words.txt"
    command = ["hunspell", "-i", "UTF-8", "-d", pack.dictionary, "-l"]
    if words.exists():
        command[1:1] = ["-p", str(words)]
    result = subprocess.run(command, input=text, capture_output=True, text=True, check=True)
    return sorted(set(result.stdout.split()))


def check(site: Site, site_dir: Path, language: str) -> dict[str, list[str]]:
    """Unknown words per page path.

    Hunspell reads all the language's pages at once (loading a dictionary takes longer than
    checking a page); only when it finds an unknown word is each page checked alone, to name it."""
    texts = {page: page_text(page.read_text(encoding="utf-8"), language) for page in language_pages(site, site_dir, language)}
    if not unknown_words("\n\n".join(texts.values()), language, site.project_dir):
        return {}
    found = {}
    for page, text in texts.items():
        unknown = unknown_words(text, language, site.project_dir)
        if unknown:
            found[str(page.relative_to(site_dir))] = unknown
    return found


def main(argv: list[str]) -> int:
    site = Site.load()
    if not argv or argv[0] not in site.languages:
        print(__doc__)
        return 2
    found = check(site, Path(argv[1]) if len(argv) > 1 else site.project_dir / "site", argv[0])
    for page, words in found.items():
        print(f"{page}: {' '.join(words)}")
    print(f"{sum(map(len, found.values()))} unknown words in {len(found)} pages.")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
