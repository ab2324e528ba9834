"""Read and compile the theme's templates once per build, not once per language.

mkdocs-static-i18n builds every language with a new Jinja environment of the theme
(`config.theme.get_env()`), so without this, for every language, MkDocs lists every file of the
theme's folders again (Material's thousands of icons included: `Files.add_files_from_theme`)
and Jinja parses and compiles each template again: together about a fifth of a build. The
environment the theme makes is kept as it is, with two additions shared by the build's
languages (`build.template_cache`): the listing of the theme's templates and files, made once
(MkDocs asks for it with the same filter every time), and Jinja's own bytecode cache in memory, backed by the compiled templates of earlier builds
(handbook/reuse.py). Jinja checks each template's source against the cache, and `mkdocs
serve` makes a new configuration, so a new cache, for every rebuild.
"""

from __future__ import annotations

from collections.abc import Callable

import jinja2
from mkdocs.config.defaults import MkDocsConfig

from handbook import build, reuse
from handbook.content.site import Site


def on_config(config: MkDocsConfig) -> None:
    theme = config.theme
    if getattr(theme.get_env, "handbook_shared", False):  # on_config runs once per language
        return
    cache, make = build.template_cache(config), theme.get_env

    def get_env() -> jinja2.Environment:
        env = make()
        if cache.disk is None:
            cache.disk = reuse.compiled_templates(Site.of(config).project_dir, env)
        env.bytecode_cache = cache
        # mkdocs-static-i18n adds its sitemap folder again for every language: the same folders.
        folders = tuple(dict.fromkeys(theme.dirs))
        list_templates: Callable[..., list[str]] = env.list_templates

        def listed_once(extensions=None, filter_func=None) -> list[str]:
            # MkDocs asks with the same filter (its own rules and the theme's) for every language.
            key = (folders, tuple(extensions or ()), getattr(filter_func, "__qualname__", None))
            if key not in cache.listings:
                cache.listings[key] = list_templates(extensions, filter_func)
            return list(cache.listings[key])

        env.list_templates = listed_once
        return env

    get_env.handbook_shared = True  # type: ignore[attr-defined]
    theme.get_env = get_env
