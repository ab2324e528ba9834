"""The handbook on paper and without a connection, in every language.

- `<language root>print/`: the whole handbook on one page (handbook/print_book.py).
- `<language root>quick-card/`: the one-page card for the desk.
- With `HANDBOOK_PDF=1` (`python3 tasks.py pdf`), both as PDF under `<language root>pdf/`
  (handbook/pdf.py), linked from the home page with their size.
- `sw.js` at the site root and `<language root>offline.json`: reading offline (handbook/offline.py),
  started from the home page's "Save for offline" control.
"""

from __future__ import annotations

import os
from html import escape
import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook import offline, pdf
from handbook.build import all_words, once_per_build, trees
from handbook.print_book import ANGRY_SECTION, TOOL_PAGE, Book, Chapter, nav_pages, render_book, render_card
from handbook.site import Site
from handbook.sizes import human_size

PRINT_PAGE = "print"
CARD_PAGE = "quick-card"
STYLESHEET = "assets/stylesheets/print-book.css"
SCRIPT = "assets/javascripts/offline.js"


@once_per_build
def rendered_pages(config: MkDocsConfig) -> dict[str, dict[str, str]]:
    """Each language's page contents (HTML without the theme), collected as they are built."""
    return {}


@once_per_build
def titles(config: MkDocsConfig) -> dict[str, tuple[str, str]]:
    """Each language's site name and description, as its own build had them in the config."""
    return {}


def book(config: MkDocsConfig, site: Site, language: str, page: str) -> Book:
    """What the print page or the card at `<root><page>/` needs to know about its language."""
    root_url = config.site_url or "/"
    title, description = titles(config)[language]
    return Book(language=language,
                title=title,
                description=description,
                home_url=root_url + site.root(language),
                tool_url=root_url + site.page_url(language, TOOL_PAGE),
                stylesheet=posixpath.relpath(STYLESHEET, site.page_url(language, page)),
                words=_group(all_words(config)[language], "print"))


def _group(words: dict[str, str], name: str) -> dict[str, str]:
    return {key[len(name) + 1:]: text for key, text in words.items() if key.startswith(name + ".")}


def downloads(config: MkDocsConfig, site: Site, language: str) -> str:
    """The home page's links to the print page, the PDFs and the card, and the offline control."""
    words = all_words(config)[language]
    paper, saving = _group(words, "print"), _group(words, "offline")
    to_root = posixpath.relpath(".", site.root(language) or ".")
    to_root = "" if to_root == "." else to_root + "/"
    data = " ".join(f'data-{key}="{escape(text)}"' for key, text in saving.items())
    handbook_pdf, card_pdf = pdf.file_names(language)
    return f"""
<aside class="hb-downloads" aria-label="{paper['paper']}">
<ul>
<li><a href="{PRINT_PAGE}/">{paper['print_page']}</a></li>
<li data-hb-pdf="{handbook_pdf}" hidden><a href="{pdf.FOLDER}/{handbook_pdf}" type="application/pdf">{paper['pdf']}</a> <span data-hb-size="{handbook_pdf}"></span></li>
<li><a href="{CARD_PAGE}/">{paper['card_page']}</a><span data-hb-pdf="{card_pdf}" hidden> · <a href="{pdf.FOLDER}/{card_pdf}" type="application/pdf">PDF</a> <span data-hb-size="{card_pdf}"></span></span></li>
<li class="hb-offline hb-offline--waiting" data-root="{to_root}" data-language="{language}" data-size="" {data}><button type="button" class="md-button">&nbsp;</button> <span class="hb-offline__status" role="status"></span></li>
</ul>
</aside>
<script src="{to_root}{SCRIPT}" defer></script>
"""


@event_priority(-50)  # after the decision tool has put its overview into its page
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site = Site.of(config)
    name = Path(page.file.src_uri).stem
    rendered_pages(config).setdefault(site.current, {})[name] = html
    titles(config)[site.current] = (config.site_name, config.site_description or "")
    if name != "index":
        return html
    # After "A customer is angry right now", which opens the page: on a phone, what to do and say
    # comes first, and the paper and offline links after it.
    angry = html.find(f'<h2 id="{ANGRY_SECTION}"')
    following = html.find("<h2", angry + 1) if angry >= 0 else html.find("<h2")
    at = following if following >= 0 else len(html)
    return html[:at] + downloads(config, site, site.current) + html[at:]


def write_paper_pages(config: MkDocsConfig, site: Site, language: str) -> None:
    """The print page and the card of one language, from its pages as they were rendered."""
    pages = rendered_pages(config).get(language, {})
    root_url = config.site_url or "/"
    chapters = [Chapter(name, root_url + site.page_url(language, name), pages[name])
                for name in nav_pages(config.nav) if name != TOOL_PAGE and name in pages]
    if not chapters:
        return
    folder = site.folder(Path(config.site_dir), language)
    for page, text in ((PRINT_PAGE, render_book(book(config, site, language, PRINT_PAGE), chapters)),
                       (CARD_PAGE, render_card(book(config, site, language, CARD_PAGE), chapters[0],
                                               trees(config)[language]))):
        target = folder / page / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


# After every language is built: mkdocs-static-i18n builds the others at -100, the search index
# is split per language at -200; the offline lists must see the finished site.
@event_priority(-250)
def on_post_build(config: MkDocsConfig) -> None:
    site = Site.of(config)
    if site.building:
        return
    site_dir = Path(config.site_dir)
    for language in site.languages:
        write_paper_pages(config, site, language)
    if os.environ.get("HANDBOOK_PDF") == "1":
        try:
            pdf.render_site(site_dir, site)
        except pdf.PdfError as error:
            raise PluginError(str(error)) from None
    offline.write(site_dir, site, human_size)
