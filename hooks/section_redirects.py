"""Keep trainers' old links working when a section id moves.

data/published-ids.yml lists, under `redirects:`, old `page#id` addresses and where each
section went. A fragment never reaches the server, so this gives each page the redirects that
start on it, and docs/assets/javascripts/handbook.js sends a reader of an old #id on.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

PUBLISHED = "data/published-ids.yml"


def page_url(language: str, default: str, page: str) -> str:
    """The address of a page in a language, relative to the site root ("tr/listening/")."""
    prefix = "" if language == default else f"{language}/"
    return prefix + ("" if page == "index" else f"{page}/")


def redirects_from(redirects: dict[str, str], page: str) -> dict[str, tuple[str, str]]:
    """The redirects that start on `page`: old id -> (target page, target id)."""
    found = {}
    for old, new in redirects.items():
        old_page, _, old_id = old.partition("#")
        new_page, _, new_id = str(new).partition("#")
        if old_page == page:
            found[old_id] = (new_page, new_id)
    return found


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    path = Path(config.config_file_path).parent / PUBLISHED
    try:
        redirects = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("redirects") or {}
    except yaml.YAMLError as error:
        raise PluginError(f"{PUBLISHED}: this is not valid YAML ({error}). Fix: check the indentation.") from None
    i18n = config.plugins["i18n"]
    name = PurePosixPath(page.file.src_uri).stem
    moves = redirects_from(redirects, name)
    if moves:
        context["hb_redirects"] = json.dumps({
            old: get_relative_url(page_url(i18n.current_language, i18n.default_language, target), page.url) + "#" + new_id
            for old, (target, new_id) in moves.items()})
    return context
