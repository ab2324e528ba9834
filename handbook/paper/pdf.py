"""The print page and the quick card of every language as PDF, with WeasyPrint.

`python3 tasks.py pdf` builds the site and then this (the hook calls `render_site` when
HANDBOOK_PDF=1); `python -m handbook.paper.pdf SITE_DIR` renders an already built site. The PDFs go to
`<language root>pdf/`, and the home page's links to them appear with their size.

WeasyPrint reads only files of the built site: any other address (another host) is refused.
It needs Pango (Debian: libpango-1.0-0, libpangoft2-1.0-0) and fonts covering all five
languages' letters (Debian: fonts-dejavu-core); it embeds the glyphs the PDF uses.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from handbook.paper.hyphenation import register as register_hyphenation
from handbook.content.site import Site

log = logging.getLogger("mkdocs.plugins.handbook.paper.pdf")
FOLDER = "pdf"
NAME = "difficult-clients-handbook"
PAGES = ("print", "quick-card")

MISSING_WEASYPRINT = (
    "The PDFs need WeasyPrint and Pango: `python3 tasks.py` installs WeasyPrint into .venv; "
    "install Pango and the fonts with `sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
    "fonts-dejavu-core` (Debian/Ubuntu), see https://doc.courtbouillon.org/weasyprint/stable/first_steps.html"
)


class PdfError(Exception):
    """The PDFs cannot be made; the message says why and what to install."""


def file_names(language: str) -> tuple[str, str]:
    """The file names of the handbook's PDF and the card's PDF in a language."""
    return f"{NAME}-{language}.pdf", f"{NAME}-quick-card-{language}.pdf"


def _fetcher(site_dir: Path):
    """WeasyPrint's fetcher, limited to the files of the built site."""
    from weasyprint.urls import URLFetcher

    root = site_dir.resolve()

    class SiteOnly(URLFetcher):
        def fetch(self, url: str, headers=None):
            parts = urlsplit(url)
            if parts.scheme != "file" or not Path(unquote(parts.path)).resolve().is_relative_to(root):
                raise ValueError(f"only files of the built site are read, not {url}")
            return super().fetch(url, headers)

    return SiteOnly(allowed_protocols={"file"})


def render(html_file: Path, target: Path, site_dir: Path) -> int:
    """One page to PDF; returns the PDF's size in bytes."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:
        raise PdfError(f"{MISSING_WEASYPRINT}\n({error})") from None
    target.parent.mkdir(parents=True, exist_ok=True)
    HTML(filename=str(html_file), url_fetcher=_fetcher(site_dir)).write_pdf(str(target))
    return target.stat().st_size


def shown(path: Path) -> str:
    """A path as the person who ran the build would type it."""
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def render_site(site_dir: Path, site: Site) -> dict[str, dict[str, int]]:
    """Every language's PDFs; returns their sizes in bytes by language and file name."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    register_hyphenation(site.language(language) for language in site.languages)
    made: dict[str, dict[str, int]] = {}
    for number, language in enumerate(site.languages, 1):
        log.info(f"PDFs, {language} ({number} of {len(site.languages)}): rendering the handbook and the quick card ...")
        folder = site.folder(site_dir, language)
        sizes = {}
        for page, name in zip(PAGES, file_names(language)):
            source = folder / page / "index.html"
            if not source.exists():
                raise PdfError(f"{source} is missing: build the site first (python3 tasks.py build).")
            sizes[name] = render(source, folder / FOLDER / name, site_dir)
            log.info(f"PDF written: {shown(folder / FOLDER / name)} ({sizes[name]:,} bytes)")
        made[language] = sizes
    return made


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("Usage: python -m handbook.paper.pdf SITE_DIR   (a folder built by `python3 tasks.py build`)")
        return 2
    from handbook.paper import downloads  # it names the PDFs from here
    from handbook.templates import project_environment
    from handbook.content.words import Words, load_words

    site, site_dir = Site.load(), Path(argv[0])
    try:
        made = render_site(site_dir, site)
    except PdfError as error:
        print(error, file=sys.stderr)
        return 1
    texts = load_words(site.project_dir, site.languages, site.default)
    words = {language: Words(language, site.root(language), texts[language]) for language in site.languages}
    manifests = {language: site.folder(site_dir, language) / "offline.json" for language in site.languages}
    offline_bytes = {language: json.loads(file.read_text(encoding="utf-8"))["bytes"]
                     for language, file in manifests.items() if file.exists()}
    downloads.show_sizes(site_dir, site, project_environment(site.project_dir), words, made, offline_bytes)
    for language, sizes in made.items():
        for name, size in sizes.items():
            print(f"{site.root(language)}{FOLDER}/{name}: {size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
