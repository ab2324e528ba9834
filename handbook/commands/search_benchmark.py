"""How well and how fast search answers staff: `python -m handbook.commands.search_benchmark [--site DIR]`.

The queries are data/search-queries/<language>.yml: what staff type, the kind of query, and the
sections that answer it. Each is typed into the search box of the built site in Chromium, and
into Material's default search built from the same content (Material's own worker and lunr with
the languages mkdocs-static-i18n gives it, the index loaded with the page, as Material does).
A result row is what the list shows for a page: the page and the sections shown under it
(not those folded under "N more on this page"). It prints success@1, success@3 and the mean
reciprocal rank (MRR) per language and per kind, the misses, and the time from the first key
to the first result on a cold page with the CPU throttled 4 times (a phone; typing the longest
word of the first queries), and the size of each language's index.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import shutil
import statistics
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from handbook.search.index import SETUP
from handbook.search.synonyms import load_synonyms, unused
from handbook.content.site import Site
from handbook.content.source import DataError, read_yaml
from handbook.commands.static_host import serve

ENGINES = ("handbook", "material")
KINDS = ("inflected", "synonym", "misspelling", "question", "plain", "keyboard", "transliteration")
THROTTLE = 4
TIMED_QUERIES = 5
NO_RESULT = 10_000
SETTLE = 1500  # ms between the page's load and the first tap, for both engines


def material_languages(site: Site) -> list[str]:
    """Material's default for an i18n site: the site's languages its lunr has a stemmer for."""
    import material

    lunr = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"
    return [code for code in site.languages if code == "en" or (lunr / f"lunr.{code}.min.js").is_file()]


@dataclass(frozen=True)
class Query:
    text: str
    kind: str
    targets: tuple[str, ...]


def queries_file(language: str) -> str:
    return f"data/search-queries/{language}.yml"


def load_queries(root: Path, language: str) -> list[Query]:
    """A language's benchmark queries, checked."""
    file = queries_file(language)
    source = read_yaml(root, file, f"write {file}: a list of {{query: ..., kind: ..., targets: [...]}}.")
    if not isinstance(source.data, list):
        raise DataError(file, source.line(), "the file must be a list of queries.",
                        "start every query with '- {query: ..., kind: ..., targets: [...]}'.")
    queries = []
    for at, entry in enumerate(source.data):
        line = source.line(at)
        if not (isinstance(entry, dict) and isinstance(entry.get("query"), str) and entry.get("kind") in KINDS
                and isinstance(entry.get("targets"), list) and entry["targets"]):
            raise DataError(file, line, "a query needs its text, a kind and at least one target.",
                            f"write it as {{query: text, kind: one of {', '.join(KINDS)}, targets: [page/#section]}}.")
        queries.append(Query(entry["query"], entry["kind"], tuple(map(str, entry["targets"]))))
    return queries


def material_copy(site: Site, site_dir: Path, folder: Path) -> Path:
    """The built site with Material's default search: its worker and lunr, default pipeline."""
    copy = folder / "material-default"
    shutil.copytree(site_dir, copy)
    workers = copy / "assets" / "javascripts" / "workers"
    material = next(workers.glob("search.*.min.js")).name
    (workers / "handbook-search.js").write_text(f'importScripts("{material}");\n', encoding="utf-8")
    for language in site.languages:
        path = site.folder(copy, language) / "search" / "search_index.json"
        index = json.loads(path.read_text(encoding="utf-8"))
        config = {**index["config"], "lang": material_languages(site), "separator": r"[\s\-]+",
                  "pipeline": ["stopWordFilter", "stemmer", "trimmer"]}
        config.pop("synonyms", None)
        config.pop("words", None)
        docs = [{key: value for key, value in doc.items() if key != "kind"} for doc in index["docs"]]
        default = json.dumps({**index, "config": config, "docs": docs}, ensure_ascii=False)
        path.write_text(default, encoding="utf-8")
        (path.parent / SETUP).write_text(default, encoding="utf-8")  # Material's page reads the whole index
    return copy


# Rows the result list shows: per page, the links not folded under "N more on this page".
_ROWS = """() => [...document.querySelectorAll('.md-search-result__item')].map(item =>
  [...item.querySelectorAll(':scope > a')].map(a => a.getAttribute('href')))"""
_RESET = """() => { const box = document.querySelector('input.md-search__input');
  box.value = ''; box.dispatchEvent(new KeyboardEvent('keyup')); }"""


def _location(href: str, base: str) -> str:
    """'http://host/tr/listening/?h=x#y' on /tr/ -> 'listening/#y'."""
    parts = urlsplit(href)
    path = parts.path[len(urlsplit(base).path):] if parts.path.startswith(urlsplit(base).path) else parts.path
    return path + (f"#{parts.fragment}" if parts.fragment else "")


def _rank(rows: list[list[str]], targets: tuple[str, ...]) -> int | None:
    for rank, row in enumerate(rows, 1):
        if any(location in targets for location in row):
            return rank
    return None


def run_queries(browser, url: str, site: Site, language: str, queries: list[Query]) -> list[tuple[Query, int | None, list[str]]]:
    """Each query's rank (1 = first row) or None, and the first three rows."""
    from tests.browser.search_helpers import _FINISHED, _READY

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    base = url + site.root(language)
    page.goto(base + "listening/", wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_function(_READY, polling=50, timeout=30_000)
    results = []
    for query in queries:
        page.evaluate(_RESET)
        page.wait_for_function(_READY, polling=20)
        box.fill(query.text)
        box.press("End")
        page.wait_for_function(_FINISHED, polling=20)
        rows = [[_location(href, base) for href in row] for row in page.evaluate(_ROWS)]
        results.append((query, _rank(rows, query.targets), [row[-1] for row in rows[:3]]))
    context.close()
    return results


# Time from the first keystroke in the search box to the first result on screen, in the page.
TIMER = """() => {
  const box = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  window.hbFirstKey = null; window.hbFirstResult = null;
  const first = () => { if (window.hbFirstKey === null) window.hbFirstKey = performance.now(); };
  box.addEventListener("keydown", first);
  box.addEventListener("beforeinput", first);  // letters without a key on the test's keyboard (Cyrillic)
  new MutationObserver(() => {
    if (window.hbFirstResult === null && list.querySelector(".md-search-result__item")) window.hbFirstResult = performance.now();
  }).observe(list, {childList: true, subtree: true});
}"""


def first_result(browser, url: str, site: Site, language: str, words: list[str], preload: bool) -> list[float | None]:
    """Milliseconds from the first key to the first result, cold page, CPU throttled: per word
    (None: no result within NO_RESULT ms).
    With `preload` the page loads the index as it opens (Material's default); otherwise the
    reader taps the search box and types at once."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    times = []
    for word in words:
        context = browser.new_context(viewport={"width": 412, "height": 915}, is_mobile=True, has_touch=True)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
        page.goto(url + site.page_url(language, "listening"), wait_until="networkidle")
        if preload:
            page.evaluate("document.querySelector('form[name=search]').dispatchEvent(new FocusEvent('focusin', {bubbles: true}))")
            page.wait_for_load_state("networkidle")
        page.wait_for_timeout(SETTLE)
        page.evaluate(TIMER)
        page.locator("input.md-search__input").focus()
        page.keyboard.type(word, delay=120)
        try:
            page.wait_for_function("() => window.hbFirstResult !== null", timeout=NO_RESULT)
            times.append(page.evaluate("window.hbFirstResult - window.hbFirstKey"))
        except PlaywrightTimeout:  # nothing found at all
            times.append(None)
        context.close()
    return times


def _scores(results: list[tuple[Query, int | None, list[str]]]) -> tuple[float, float, float, int]:
    ranks = [rank for _, rank, _ in results]
    n = len(ranks) or 1
    return (sum(r == 1 for r in ranks) / n, sum(r is not None and r <= 3 for r in ranks) / n,
            sum(1 / r for r in ranks if r) / n, len(ranks))


def report(site: Site, site_dir: Path, misses: bool = True) -> dict[str, dict[str, tuple]]:
    """Run the benchmark against the built site in `site_dir`, print it, and return the scores."""
    from playwright.sync_api import sync_playwright

    from handbook.commands.benchmark import CHROMIUM, CHROMIUM_FLAGS

    queries = {language: load_queries(site.project_dir, language) for language in site.languages}
    scores: dict[str, dict[str, tuple]] = {engine: {} for engine in ENGINES}
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        sites = {"handbook": site_dir, "material": material_copy(site, site_dir, Path(folder))}
        servers = {engine: serve(path, site) for engine, path in sites.items()}
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS[1:])
        try:
            results = {engine: {language: run_queries(browser, servers[engine][1], site, language, queries[language])
                                for language in site.languages} for engine in ENGINES}
            print("Search quality: success@1 / success@3 / MRR (queries), handbook's search against Material's default")
            for language in site.languages:
                line = "   ".join(f"{engine} {_format(_scores(results[engine][language]))}" for engine in ENGINES)
                print(f"  {language}: {line}")
                for engine in ENGINES:
                    scores[engine][language] = _scores(results[engine][language])
            print("  per kind of query, all languages:")
            for kind in KINDS:
                line = []
                for engine in ENGINES:
                    chosen = [r for language in site.languages for r in results[engine][language] if r[0].kind == kind]
                    if chosen:
                        line.append(f"{engine} {_format(_scores(chosen))}")
                        scores[engine][kind] = _scores(chosen)
                if line:
                    print(f"  {kind:16} " + "   ".join(line))
            if misses:
                print("  handbook's search, not in the top 3 (query -> first rows):")
                for language in site.languages:
                    for query, rank, shown in results["handbook"][language]:
                        if rank is None or rank > 3:
                            print(f"    {language} [{query.kind}] {query.text!r} rank {rank or '-'}: {', '.join(shown) or 'nothing'}")
            print(f"Search, first key to first result, cold page, CPU throttled {THROTTLE}x, median of {TIMED_QUERIES} words "
                  "(handbook: index loaded when the reader opens search; Material: loaded with the page):")
            for language in site.languages:
                words = [max(query.text.split(), key=len) for query in queries[language][:TIMED_QUERIES]]
                # word by word, the two engines in turn: both see the machine as loaded as the other
                times: dict[str, list[float | None]] = {engine: [] for engine in ENGINES}
                for word in words:
                    for engine in ENGINES:
                        times[engine] += first_result(browser, servers[engine][1], site, language, [word], engine == "material")
                line = []
                for engine in ENGINES:
                    found = [t for t in times[engine] if t is not None]
                    if not found:
                        line.append(f"{engine}  no result for any word")
                        continue
                    scores[engine][f"{language} ms"] = (statistics.median(found),)
                    line.append(f"{engine} {statistics.median(found):5.0f} ms (max {max(found):4.0f}, "
                                f"{len(found)}/{len(words)} words found)")
                print(f"  {language}: " + "   ".join(line), flush=True)
        finally:
            browser.close()
            for server, _ in servers.values():
                server.shutdown()
    print("Search index per language, gzip: " + ", ".join(
        f"{language} {len(gzip.compress((site.folder(site_dir, language) / 'search' / 'search_index.json').read_bytes(), 6)) / 1024:.1f} KiB"
        for language in site.languages))
    _print_unused(site, site_dir)
    return scores


def _print_unused(site: Site, site_dir: Path) -> None:
    for language in site.languages:
        docs = json.loads((site.folder(site_dir, language) / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
        letters = site.language(language).search.letters
        for entry in unused(load_synonyms(site.project_dir, language, letters), [d["title"] + " " + d["text"] for d in docs], letters):
            print(f"  unused synonym: translations/{language}/synonyms.yml, line {entry.line}: {entry.everyday!r}")


def _format(score: tuple[float, float, float, int]) -> str:
    return f"{score[0]:.2f} / {score[1]:.2f} / {score[2]:.2f} ({score[3]})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m handbook.commands.search_benchmark", description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a site already built (default: build one)")
    parser.add_argument("--language", action="append", help="only this language (repeat for more)")
    options = parser.parse_args(argv)
    site = Site.load()
    if options.language:
        site = dataclasses.replace(site, languages=options.language)
    if options.site:
        report(site, options.site.resolve())
        return 0
    from handbook.commands.benchmark import run_build

    with tempfile.TemporaryDirectory() as folder:
        run_build(site.project_dir, Path(folder) / "site")
        report(site, Path(folder) / "site")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
