"""One MkDocs build of the handbook: when the model is loaded, the order of events, what is collected.

mkdocs-static-i18n builds the default language, then, from its own `on_post_build`, builds every
other language on the same config object, so every hook event runs once per language (with
`Site.of(config).building` set in those inner builds). Hence:

- `handbook(config)`: the model (handbook/model.py), one per config object; each part is read
  and checked the first time a hook asks (the hooks ask in `on_config`, so a mistake stops the
  build at once). `mkdocs serve` makes a new config for each rebuild, so edited data is read afresh.
- `collected(config)`: what the build gathers while the languages are built (each language's
  404 page, page contents and site name), explicitly, in one `Collected`.
- `ORDER`: every place where the handbook's hooks depend on running before or after something
  else, by name, with the priority that puts them there. `check_order` verifies at start that
  mkdocs-static-i18n still runs at the priorities the table assumes.
- `after_all_languages`: an `on_post_build` that runs once, when every language is built.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import jinja2
import jinja2.bccache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from markupsafe import Markup

from handbook.security.csp import Known, UnknownCode, hashes, insert_policy, known_code
from handbook.decision_tree.model import Tree
from handbook.freshness import status
from handbook.freshness.sections import Section
from handbook.model import Freshness, Handbook
from handbook.content.phrasebook import Situations
from handbook.content.published import Published
from handbook.content.site import Site
from handbook.content.source import DataError
from handbook.templates import environment
from handbook import reuse
from handbook.content.words import Words

T = TypeVar("T")

# The order of events, by name. MkDocs runs a higher priority first; the default is 0.
I18N_MARKDOWN = 50  # mkdocs-static-i18n translates admonition titles in on_page_markdown
I18N_POST_BUILD = -100  # mkdocs-static-i18n builds the other languages from its on_post_build
ORDER: dict[str, int] = {
    # on_page_markdown
    "page guard": 200,  # the writer's Markdown is checked before any hook adds to it
    "phrasebook boxes": 100,  # before i18n's 50, which gives the copied boxes their translated titles
    "outdated notices": 0,  # after the page's own Markdown is final
    "downloads place": 0,
    # on_page_content
    "page guard html": 200,  # the page's own HTML is checked before the handbook's hooks add theirs
    "decision tool": 0,  # renders the tool into its page
    "status table": -10,  # the translation status pages' tables, before the pages are collected
    "collect pages": -50,  # after the tool's overview is in its page: the print page shows it
    "paper on the web": -60,  # answer keys and handout links: after collecting, the print page has its own
    # on_post_page and on_post_template
    "content security policy": -100,  # after every hook that changes a rendered page
    "policy on templates": 50,  # before hooks/not_found_per_language.py keeps each language's 404 page
    # on_post_build, outer build only
    "after all languages": -200,  # after i18n (-100) has built every language; the search split
    "paper and offline": -250,  # the offline lists must see the final site
    "host configuration": -300,  # the hosts' headers carry every hash, the print pages' too
}


def check_order(config: MkDocsConfig) -> None:
    """Stop the build when mkdocs-static-i18n no longer runs where `ORDER` assumes it does."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("The handbook's hooks need the mkdocs-static-i18n plugin ('i18n' under plugins: in mkdocs.yml).")
    for event, expected in (("on_page_markdown", I18N_MARKDOWN), ("on_post_build", I18N_POST_BUILD)):
        actual = getattr(getattr(type(i18n), event, None), "mkdocs_priority", 0)
        if actual != expected:
            raise PluginError(f"mkdocs-static-i18n's {event} now runs at priority {actual}, not {expected}: "
                              "review the order of events in handbook/build.py (ORDER) before building.")


def order(name: str) -> Callable[[T], T]:
    """Decorator: run this event at its place in `ORDER`."""
    return event_priority(ORDER[name])


def once_per_build(load: Callable[[MkDocsConfig], T]) -> Callable[[MkDocsConfig], T]:
    """Decorator: `load(config)` runs the first time a build asks, and every language shares it."""
    key = f"{load.__module__}.{load.__qualname__}"

    @functools.wraps(load)
    def cached(config: MkDocsConfig) -> T:
        store = vars(config).setdefault("handbook_per_build", {})
        if key not in store:
            store[key] = load(config)
        return store[key]

    return cached


def after_all_languages(event: Callable[[MkDocsConfig], None]) -> Callable[[MkDocsConfig], None]:
    """Decorator for `on_post_build`: run once, after mkdocs-static-i18n has built every language
    (its own `on_post_build` builds the others; this runs after it, in the outer build only)."""

    @order("after all languages")
    @functools.wraps(event)
    def wrapper(config: MkDocsConfig) -> None:
        if not Site.of(config).building:
            event(config)

    return wrapper


@dataclass
class Collected:
    """What a build gathers while it builds the languages, by language."""

    rendered_404: dict[str, str] = field(default_factory=dict)  # 404.html as each language rendered it
    pages: dict[str, dict[str, str]] = field(default_factory=dict)  # page contents (HTML without the theme)
    titles: dict[str, tuple[str, str]] = field(default_factory=dict)  # site name and description


@once_per_build
def collected(config: MkDocsConfig) -> Collected:
    return Collected()


@once_per_build
def handbook(config: MkDocsConfig) -> Handbook:
    """The model of this build (handbook/model.py)."""
    check_order(config)
    return Handbook(Site.of(config))


def _checked(what: str, load: Callable[[], T]) -> T:
    try:
        return load()
    except DataError as error:  # MkDocs prints a PluginError as one line, without a traceback
        raise PluginError(f"{what}: {error}") from None


def all_words(config: MkDocsConfig) -> dict[str, dict[str, str]]:
    """translations/<language>/ui.yml of every language, checked against the default one."""
    return _checked("Interface words", lambda: handbook(config).all_words)


def words(config: MkDocsConfig) -> Words:
    """The interface words of the language being built (templates see them as `hb`)."""
    all_words(config)
    return handbook(config).words(Site.of(config).current)


def trees(config: MkDocsConfig) -> dict[str, Tree]:
    """The decision tree in every language, checked."""
    return _checked("Decision tree", lambda: handbook(config).trees)


def published(config: MkDocsConfig) -> Published:
    """data/published-ids.yml, with every redirect checked against the pages."""
    return _checked("Published section ids", lambda: handbook(config).published)


def phrasebook(config: MkDocsConfig) -> Situations:
    """data/phrasebook.yml, checked: every chapter's "what to say" box is in one situation."""
    return _checked("Phrasebook", lambda: handbook(config).phrasebook)


def freshness(config: MkDocsConfig) -> Freshness:
    """The English sections and every language's checked.yml, checked."""
    return _checked("Translation freshness", lambda: handbook(config).freshness)


def outdated_notices(config: MkDocsConfig, page: Page) -> list[tuple[Section, Markup]]:
    """The notices of the page being built at its outdated sections; none unless it is a translation."""
    site = Site.of(config)
    name = Path(page.file.src_uri).stem
    if site.current == site.default or not site.is_translated(site.current, name):
        return []
    state = freshness(config)
    all_words(config)
    return status.outdated_notices(
        tree_templates(config), state.statuses(site.current), name,
        handbook(config).words(site.current).group("freshness"), site.current, site.default,
        get_relative_url(site.page_url(site.default, name), page.url), state.history.change)


@once_per_build
def tree_templates(config: MkDocsConfig) -> jinja2.Environment:
    """The Jinja environment every handbook partial is rendered with (handbook/templates.py), its
    compiled templates kept for later builds (handbook/reuse.py)."""
    env = environment(config.theme.dirs)
    env.bytecode_cache = reuse.compiled_templates(Site.of(config).project_dir, env)
    return env


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Jinja's compiled templates, kept in memory for the build's languages and, when `disk` is
    set (handbook/reuse.py), on disk for later builds (Jinja checks each against its source); and
    the listing of the theme's folders by folders."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}
        self.listings: dict[tuple, list[str]] = {}
        self.disk: jinja2.BytecodeCache | None = None

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])
        elif self.disk is not None:
            self.disk.load_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()
        if self.disk is not None:
            self.disk.dump_bytecode(bucket)


@once_per_build
def template_cache(config: MkDocsConfig) -> MemoryBytecodeCache:
    """The theme's compiled templates and folder listing, shared by every language's build
    (hooks/template_cache.py)."""
    return MemoryBytecodeCache()


def rendered_404(config: MkDocsConfig) -> dict[str, str]:
    """Each language's rendering of 404.html, collected as the languages are built."""
    return collected(config).rendered_404


@once_per_build
def csp_known(config: MkDocsConfig) -> Known:
    """The inline scripts and styles the templates and the handbook's code write (handbook/security/csp.py)."""
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
        html = insert_policy(html, scripts, styles, tree_templates(config))
    except UnknownCode as error:
        raise PluginError(f"Content-Security-Policy: {where} has {error}. Fix: move the code into a file "
                          "in docs/assets/ and load it with <script src> or <link rel=stylesheet>.") from None
    csp_hashes(config)["script"].update(scripts)
    csp_hashes(config)["style"].update(styles)
    return html
