"""One MkDocs build of the handbook: what it loads once, and what runs after every language.

mkdocs-static-i18n builds the default language, then, from its own `on_post_build`, builds every
other language on the same config object, so every hook event runs once per language (with
`Site.of(config).building` set in those inner builds). Two decorators deal with that:

- `once_per_build`: the one cache. Data every language needs is loaded and checked the first
  time it is asked for (the hooks ask in `on_config`, so a mistake stops the build at once) and
  kept on the config object; `mkdocs serve` makes a new config for each rebuild, so edited data
  is read afresh. Everything cached is defined below.
- `after_all_languages`: an `on_post_build` that runs once, when every language is built.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from .csp import Known, UnknownCode, hashes, insert_policy, known_code
from .decision_tree.load import load_trees
from .decision_tree.model import Tree
from .decision_tree.render import environment
from .phrasebook import Situations, check as check_phrasebook, load_situations
from .published import Published, check_redirects, load_published
from .site import Site
from .source import DataError
from .words import Words, load_words

T = TypeVar("T")


def once_per_build(load: Callable[[MkDocsConfig], T]) -> Callable[[MkDocsConfig], T]:
    """Decorator: `load(config)` runs the first time a build asks, and every language shares it."""
    key = load.__qualname__

    @functools.wraps(load)
    def cached(config: MkDocsConfig) -> T:
        store = vars(config).setdefault("handbook_per_build", {})
        if key not in store:
            store[key] = load(config)
        return store[key]

    return cached


def after_all_languages(event: Callable[[MkDocsConfig], None]) -> Callable[[MkDocsConfig], None]:
    """Decorator for `on_post_build`: run once, after mkdocs-static-i18n has built every language
    (its own `on_post_build`, priority -100, builds the others; this runs at -200, outer build only)."""

    @event_priority(-200)
    @functools.wraps(event)
    def wrapper(config: MkDocsConfig) -> None:
        if not Site.of(config).building:
            event(config)

    return wrapper


def _checked(what: str, load: Callable[[], T]) -> T:
    try:
        return load()
    except DataError as error:  # MkDocs prints a PluginError as one line, without a traceback
        raise PluginError(f"{what}: {error}") from None


@once_per_build
def all_words(config: MkDocsConfig) -> dict[str, dict[str, str]]:
    """translations/<language>/ui.yml of every language, checked against the default one."""
    site = Site.of(config)
    return _checked("Interface words", lambda: load_words(site.project_dir, site.languages, site.default))


def words(config: MkDocsConfig) -> Words:
    """The interface words of the language being built (templates see them as `hb`)."""
    site = Site.of(config)
    return Words(site.current, site.root(site.current), all_words(config)[site.current])


@once_per_build
def trees(config: MkDocsConfig) -> dict[str, Tree]:
    """The decision tree in every language, checked."""
    return _checked("Decision tree", lambda: load_trees(Site.of(config)))


@once_per_build
def tree_templates(config: MkDocsConfig) -> jinja2.Environment:
    """The Jinja environment the decision tree's partials are rendered with."""
    return environment(config.theme.dirs)


@once_per_build
def published(config: MkDocsConfig) -> Published:
    """data/published-ids.yml, with every redirect checked against the pages."""
    site = Site.of(config)

    def load() -> Published:
        data = load_published(site.project_dir)
        check_redirects(data, site)
        return data

    return _checked("Published section ids", load)


@once_per_build
def phrasebook(config: MkDocsConfig) -> Situations:
    """data/phrasebook.yml, checked: every chapter's "what to say" box is in one situation."""
    site = Site.of(config)

    def load() -> Situations:
        situations = load_situations(site.project_dir)
        check_phrasebook(situations, site)
        return situations

    return _checked("Phrasebook", load)


@once_per_build
def rendered_404(config: MkDocsConfig) -> dict[str, str]:
    """Each language's rendering of 404.html, collected as the languages are built."""
    return {}


@once_per_build
def csp_known(config: MkDocsConfig) -> Known:
    """The inline scripts and styles the templates and the handbook's code write (handbook/csp.py)."""
    hooks = Site.of(config).project_dir / "hooks"
    return known_code([Path(folder) for folder in config.theme.dirs], [Path(__file__).resolve().parent, hooks])


@once_per_build
def csp_hashes(config: MkDocsConfig) -> dict[str, set[str]]:
    """Every hash a page's policy allows, of the whole site: for the hosts' header (host_config.py)."""
    return {"script": set(), "style": set()}


def with_csp(config: MkDocsConfig, html: str, where: str) -> str:
    """The page with its Content-Security-Policy; inline code no template holds stops the build."""
    try:
        scripts, styles = hashes(html, csp_known(config))
        html = insert_policy(html, scripts, styles)
    except UnknownCode as error:
        raise PluginError(f"Content-Security-Policy: {where} has {error}. Fix: move the code into a file "
                          "in docs/assets/ and load it with <script src> or <link rel=stylesheet>.") from None
    csp_hashes(config)["script"].update(scripts)
    csp_hashes(config)["style"].update(styles)
    return html
