"""A strict Content-Security-Policy in every page the theme renders (handbook/security/csp.py): scripts
and styles from the site's own files, and inline only what a template writes, by its hash.
Once the whole site is built, the same policy and the other headers for hosts that can send them
(handbook/security/host_config.py: `_headers` and `nginx.conf` in the site)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from handbook import build
from handbook.security import host_config
from handbook.content.site import Site


def on_config(config: MkDocsConfig) -> None:
    build.csp_known(config)


@build.order("content security policy")
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return build.with_csp(config, output, page.file.src_uri)


@build.order("policy on templates")
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return build.with_csp(config, output, template_name) if template_name.endswith(".html") else output


@build.order("host configuration")
def on_post_build(config: MkDocsConfig) -> None:
    site = Site.of(config)
    if site.building:
        return
    found = build.csp_hashes(config)
    host_config.write(Path(config.site_dir), found["script"], found["style"],
                      {language: site.root(language) for language in site.languages},
                      urlsplit(config.site_url or "/").path or "/")
