"""data/published-ids.yml: the section ids trainers may link to, and where moved ids went.

`pages:` lists every section id per page; `redirects:` maps an old `page#id` to the `page#id`
it moved to. The build reads the file once and checks every redirect against the pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from handbook.content.site import Site
from handbook.content.source import DataError, YamlSource, read_yaml

PUBLISHED_FILE = "data/published-ids.yml"
_LINK = re.compile(r"^[a-z0-9-]+#[A-Za-z0-9_-]+$")


@dataclass(frozen=True)
class Published:
    pages: dict[str, list[str]]
    redirects: dict[str, str]  # "page#old-id" -> "page#new-id"
    source: YamlSource

    def redirects_from(self, page: str) -> dict[str, tuple[str, str]]:
        """The redirects that start on `page`: old id -> (target page, target id)."""
        found = {}
        for old, new in self.redirects.items():
            old_page, _, old_id = old.partition("#")
            if old_page == page:
                new_page, _, new_id = new.partition("#")
                found[old_id] = (new_page, new_id)
        return found


def load_published(project_dir: Path) -> Published:
    """The file's data, in the shape described above, or a DataError naming the line."""
    source = read_yaml(project_dir, PUBLISHED_FILE, "restore it from the repository's history.")
    data = source.data if isinstance(source.data, dict) else {}
    pages, redirects = data.get("pages"), data.get("redirects") or {}
    if not isinstance(pages, dict):
        raise DataError(PUBLISHED_FILE, source.line("pages"), "there is no 'pages:' list of section ids per page.",
                        "write 'pages:' and under it each page with its section ids, as '  page:' and '    - id'.")
    for page, ids in pages.items():
        if ids is not None and not (isinstance(ids, list) and all(isinstance(i, str) for i in ids)):
            raise DataError(PUBLISHED_FILE, source.line("pages", page), f"the ids of '{page}' are not a list of ids.",
                            "write one id per line, as '    - section-id', or '[]' for a page without sections.")
    if not isinstance(redirects, dict):
        raise DataError(PUBLISHED_FILE, source.line("redirects"), "'redirects' is not a list of 'old: new' lines.",
                        "write each redirect as '  page#old-id: page#new-id', or 'redirects: {}' for none.")
    for old, new in redirects.items():
        if not (isinstance(old, str) and isinstance(new, str) and _LINK.match(old) and _LINK.match(new)):
            raise DataError(PUBLISHED_FILE, source.line("redirects", old), f"the redirect '{old}: {new}' is not "
                            "written as 'page#old-id: page#new-id'.", "write it like 'listening#old-id: listening#new-id'.")
    return Published({page: list(ids or []) for page, ids in pages.items()}, dict(redirects), source)


def check_redirects(published: Published, site: Site) -> None:
    """Every redirect leaves an id that no longer exists, for a section that does."""
    for old, new in published.redirects.items():
        line = published.source.line("redirects", old)
        old_page, _, old_id = old.partition("#")
        new_page, _, new_id = new.partition("#")
        if old_page in site.pages() and old_id in site.section_ids(site.default, old_page):
            raise DataError(PUBLISHED_FILE, line, f"'{old}' is still a section, so the redirect would hide it.",
                            "remove the redirect, or the section id it starts from.")
        if new_page not in site.pages() or new_id not in site.section_ids(site.default, new_page):
            raise DataError(PUBLISHED_FILE, line, f"the redirect {old} -> {new} leads to a section that does not exist.",
                            "point it at an existing page#section-id (the ids are listed under 'pages:').")
