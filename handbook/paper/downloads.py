"""The home page's "On paper and offline" block: links to the print page, the PDFs and the card,
and the "Save for offline" control (template: overrides/partials/handbook/downloads.html).

The block is rendered into the home page while it is built (at the `<!-- downloads -->` marker
that the build puts before the page's first `##` section), and rendered again once the whole
site is built, when the sizes of the PDFs and of the offline copy are known. It sits between two
comments, so that the second rendering replaces the first whole.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from pathlib import Path

import jinja2
from markupsafe import Markup

from handbook.paper import pdf
from handbook.content.site import Site
from handbook.paper.sizes import human_size
from handbook.templates import render
from handbook.content.words import Words

MARKER = "<!-- downloads -->"
BEGIN, END = "<!-- hb-downloads -->", "<!-- /hb-downloads -->"
PRINT_PAGE = "print"
CARD_PAGE = "quick-card"
SCRIPT = "assets/javascripts/offline.js"


def with_marker(markdown: str, first_section: int | None) -> str:
    """The home page's Markdown with the marker before line `first_section` (0-based), or at the end."""
    lines = markdown.splitlines()
    at = len(lines) if first_section is None else first_section
    return "\n".join([*lines[:at], MARKER, "", *lines[at:]])


def block(env: jinja2.Environment, words: Words, site: Site, language: str,
          pdf_sizes: Mapping[str, str] | None = None, offline_size: str = "") -> str:
    """The block of one language's home page, between its two comments."""
    to_root = posixpath.relpath(".", site.root(language) or ".")
    handbook_pdf, card_pdf = pdf.file_names(language)
    return render(env, "downloads", paper=words.group("print"), saving=words.group("offline"),
                  language=language, to_root="" if to_root == "." else to_root + "/",
                  handbook_pdf=handbook_pdf, card_pdf=card_pdf, folder=pdf.FOLDER,
                  print_page=PRINT_PAGE, card_page=CARD_PAGE, script=SCRIPT,
                  pdf_sizes=dict(pdf_sizes or {}), offline_size=offline_size,
                  begin=Markup(BEGIN), end=Markup(END))


def place(html: str, new_block: str) -> str:
    """The page with its marker, or its block from an earlier rendering, replaced by `new_block`."""
    start = html.find(BEGIN)
    if start >= 0:
        end = html.index(END, start) + len(END)
        return html[:start] + new_block + html[end:]
    return html.replace(MARKER, new_block, 1)


def without_marker(html: str) -> str:
    """The home page's content as the print page shows it: without the block's place."""
    return re.sub(re.escape(MARKER) + r"\n*", "", html, count=1)


def update_home(home: Path, new_block: str) -> None:
    """Rewrite a built home page with its block rendered anew."""
    home.write_text(place(home.read_text(encoding="utf-8"), new_block), encoding="utf-8")


def show_sizes(site_dir: Path, site: Site, env: jinja2.Environment, words: Mapping[str, Words],
               pdf_bytes: Mapping[str, Mapping[str, int]], offline_bytes: Mapping[str, int]) -> None:
    """Every language's home page with its block rendered again, now with the sizes of its PDFs
    (those made) and of its offline copy."""
    for language in site.languages:
        pack = site.language(language)
        pdf_sizes = {name: human_size(size, pack) for name, size in pdf_bytes.get(language, {}).items()}
        size = human_size(offline_bytes[language], pack) if language in offline_bytes else ""
        update_home(site.built_file(site_dir, language, "index"),
                    block(env, words[language], site, language, pdf_sizes, size))
