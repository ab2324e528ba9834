"""Reading offline: what each language needs on the device, and the service worker that serves it.

After the build, every language gets `<language root>offline.json`: the build's version, and
the address of every file a reader of that language needs without a connection (its pages, the
print page and the card, the styles, scripts and images those pages use, the search worker and
the language's search index) with their total size. `sw.js` at the site root (so that its scope
covers every language) carries the same version: after a new deploy the browser finds a changed
`sw.js` on the next online visit, and the new worker saves the new files of every language the
reader had saved, then removes the old ones. Addresses stay as they are; nothing is fetched from
another host. The home page's "Save for offline" control (docs/assets/javascripts/offline.js)
does the first download.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from handbook.content.site import Site

MANIFEST = "offline.json"
WORKER = "sw.js"
WORKER_SOURCE = Path(__file__).with_name("sw.js")
ALWAYS = ("assets/javascripts/workers",)  # loaded by scripts, not named in the pages
SKIP_SUFFIXES = (".map", ".pdf", ".gz")

# `href="…"` and `src="…"`; that no letter stands before the name is checked apart (`references`):
# a pattern that starts with `\b` is several times slower to search.
_REFERENCE = re.compile(r'(?:href|src)="([^"#?]+)[^"]*"')


def _pages(site_dir: Path, site: Site, language: str) -> list[Path]:
    """Every built HTML file of a language (not the other languages', not the /en/ aliases)."""
    folder = site.folder(site_dir, language)
    found = []
    for page in sorted(folder.rglob("*.html")):
        relative = page.relative_to(site_dir)
        if language == site.default and relative.parts[0] in site.languages:
            continue
        found.append(page)
    return found


def _address(site_dir: Path, file: Path) -> str:
    """The address a reader uses for a file: "kk/listening/" for kk/listening/index.html."""
    relative = file.relative_to(site_dir).as_posix()
    if relative == "index.html":
        return ""
    return relative[: -len("index.html")] if relative.endswith("/index.html") else relative


def _references(text: str) -> set[str]:
    """The addresses of a page's `href` and `src` attributes, without their query and fragment."""
    return {match.group(1) for match in _REFERENCE.finditer(text)
            if not (match.start() and (text[match.start() - 1].isalnum() or text[match.start() - 1] == "_"))}


def _wanted(site_dir: Path, address: str, reference: str) -> str | None:
    """The file a page's reference names, when it is a local file to keep offline."""
    if urlsplit(reference).scheme or reference.startswith("//"):
        return None
    target = urljoin("/" + address, unquote(reference)).lstrip("/")
    return target if (site_dir / target).is_file() and not target.endswith((".html", *SKIP_SUFFIXES)) else None


def language_files(site_dir: Path, site: Site, language: str) -> list[str]:
    """The addresses, relative to the site root, a language needs offline."""
    site_dir = Path(site_dir)
    wanted: set[str] = set()
    targets: dict[tuple[str, str], str | None] = {}  # (page's folder, reference): the file, if one is wanted
    for page in _pages(site_dir, site, language):
        address = _address(site_dir, page)
        wanted.add(address)
        folder = address.rpartition("/")[0]
        text = page.read_text(encoding="utf-8")
        for reference in _references(text):
            key = (folder, reference)
            if key not in targets:  # pages share most references: each is resolved once
                targets[key] = _wanted(site_dir, address, reference)
            if targets[key]:
                wanted.add(targets[key])
    for folder in ALWAYS:
        for file in (site_dir / folder).rglob("*"):
            if file.is_file() and not file.name.endswith(SKIP_SUFFIXES):
                wanted.add(file.relative_to(site_dir).as_posix())
    for name in ("search_index.json", "search_setup.json"):
        if (site_dir / f"{site.root(language)}search/{name}").is_file():
            wanted.add(f"{site.root(language)}search/{name}")
    return sorted(wanted)


def _file_of(site_dir: Path, address: str) -> Path:
    path = site_dir / address
    return path / "index.html" if address == "" or address.endswith("/") else path


def write(site_dir: Path, site: Site, show_sizes: Callable[[dict[str, int]], None] | None = None) -> str:
    """Write every language's offline.json and sw.js; returns the build's version.

    `show_sizes({language: bytes})` puts each language's size into its home page's control
    before the version is computed, so that the version covers the final files.
    """
    site_dir = Path(site_dir)
    lists = {language: language_files(site_dir, site, language) for language in site.languages}
    sizes = {language: sum(_file_of(site_dir, address).stat().st_size for address in addresses)
             for language, addresses in lists.items()}
    if show_sizes:
        show_sizes(sizes)
    digest = hashlib.sha256()
    for language, addresses in lists.items():
        for address in addresses:
            digest.update(f"{language}:{address}\n".encode())
            digest.update(_file_of(site_dir, address).read_bytes())
    version = digest.hexdigest()[:16]
    for language, addresses in lists.items():
        manifest = {"version": version, "language": language, "root": site.root(language),
                    "bytes": sizes[language], "files": addresses}
        target = site.folder(site_dir, language) / MANIFEST
        target.write_text(json.dumps(manifest, ensure_ascii=False, indent=0), encoding="utf-8")
    roots = {language: site.root(language) for language in site.languages}
    source = WORKER_SOURCE.read_text(encoding="utf-8")
    (site_dir / WORKER).write_text(source.replace("__VERSION__", version)
                                   .replace("__ROOTS__", json.dumps(roots, ensure_ascii=False)), encoding="utf-8")
    return version
