"""Build the site once and print the figures we keep budgets on: `python -m handbook.benchmark`.

Prints the full build time, each language's share of it, the decision-tool hook's share, each
language's search index size, the decision tool's script and style sizes, and the bytes one page
transfers (its HTML and every local file it loads, raw and gzip-compressed, as a server would
send them). Times vary from machine to machine; compare ratios taken in one run.
"""

from __future__ import annotations

import gzip
import logging
import os
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from .site import Site

TOOL_FILES = ["assets/javascripts/decision-tool.js", "assets/stylesheets/decision-tool.css",
              "assets/stylesheets/handbook.css", "assets/javascripts/workers/handbook-search.js"]
SEARCH_WORKER = "assets/javascripts/workers/handbook-search.js"


def sizes(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, 6))


def kb(raw_and_gzip: tuple[int, int]) -> str:
    return f"{raw_and_gzip[0] / 1024:8.1f} KiB raw {raw_and_gzip[1] / 1024:8.1f} KiB gzip"


def timed(fn: Callable, bucket: list[float]) -> Callable:
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            bucket.append(time.perf_counter() - start)
    wrapper.mkdocs_priority = getattr(fn, "mkdocs_priority", 0)  # type: ignore[attr-defined]
    return wrapper


def run_build(project_dir: Path, site_dir: Path) -> tuple[float, dict[str, float], float]:
    """Build into `site_dir`; total seconds, seconds per language, seconds in the decision-tool hook."""
    config = load_config(str(project_dir / "mkdocs.yml"), site_dir=str(site_dir))
    hook_time: list[float] = []
    for event, functions in config.plugins.events.items():
        config.plugins.events[event] = [timed(fn, hook_time) if "decision_tool" in getattr(fn, "__module__", "") else fn
                                        for fn in functions]
    starts: list[tuple[str, float]] = []

    def mark_start(config):  # runs first in every language's build
        starts.append((Site.of(config).current, time.perf_counter()))
    config.plugins.events["pre_build"].insert(0, mark_start)

    begin = time.perf_counter()
    build(config)
    end = time.perf_counter()
    per_language = {}
    for (language, start), following in zip(starts, starts[1:] + [("", end)]):
        per_language[language] = following[1] - start
    # The default language's build contains the others (mkdocs-static-i18n builds them from its
    # post-build step); its own share is the time until the next language started.
    return end - begin, per_language, sum(hook_time)


def page_transfer(site: Site, site_dir: Path, page: Path) -> list[tuple[str, tuple[int, int]]]:
    """The page's HTML and each local file it loads on open (styles, scripts, worker, index)."""
    html = page.read_text(encoding="utf-8")
    files = [("page HTML", sizes(page))]
    for url in re.findall(r'(?:<script src|<link rel="stylesheet" href)="([^"]+)"', html):
        if not url.startswith(("http:", "https:", "//")):
            target = (page.parent / url.split("?")[0]).resolve()
            files.append((str(target.relative_to(site_dir.resolve())), sizes(target)))
    worker = next(site_dir.glob("assets/javascripts/workers/search.*.min.js"))
    files.append((str(worker.relative_to(site_dir)), sizes(worker)))
    files.append((SEARCH_WORKER, sizes(site_dir / SEARCH_WORKER)))
    index = site.folder(site_dir, site.language_of(page.relative_to(site_dir).as_posix())) / "search" / "search_index.json"
    files.append((str(index.relative_to(site_dir)), sizes(index)))
    return files


def main() -> int:
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    site = Site.load()
    with tempfile.TemporaryDirectory() as folder:
        site_dir = Path(folder) / "site"
        total, per_language, hook = run_build(site.project_dir, site_dir)
        print(f"Full build:                         {total:6.2f} s")
        for language in site.languages:
            seconds = per_language.get(language, 0.0)
            print(f"  {language} build:                         {seconds:6.2f} s  ({seconds / total:5.1%})")
        print(f"Decision-tool hook, all languages:  {hook:6.3f} s  ({hook / total:5.1%} of the build)")
        print("Search index per language:")
        every = [site.folder(site_dir, language) / "search" / "search_index.json" for language in site.languages]
        for language, index in zip(site.languages, every):
            print(f"  {language}: {kb(sizes(index))}")
        merged = (sum(sizes(path)[0] for path in every), sum(sizes(path)[1] for path in every))
        print(f"  all languages together (what one merged index would weigh): {kb(merged)}")
        print("Decision tool, styles and search folding, as shipped:")
        for name in TOOL_FILES:
            print(f"  {name:48} {kb(sizes(site_dir / name))}")
        for page in (site.built_file(site_dir, "kk", "listening"), site.built_file(site_dir, "kk", "decision-tool")):
            files = page_transfer(site, site_dir, page)
            print(f"One page, {page.relative_to(site_dir)}, opened with an empty cache:")
            for name, size in files:
                print(f"  {name:48} {kb(size)}")
            raw, packed = sum(s[0] for _, s in files), sum(s[1] for _, s in files)
            print(f"  {'total':48} {kb((raw, packed))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
