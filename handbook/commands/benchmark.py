"""Build the site and print the figures we keep budgets on: `python -m handbook.commands.benchmark`.

First the build time against another commit (`--against`, by default the one before the handbook
was parsed once per build), both built in this run from a git worktree of that commit, in
alternating pairs, wall and CPU time, as a ratio (`--build-only` stops there). Then the full
build time, each language's share of it, the decision-tool hook's share, each
language's search index size, the decision tool's script and style sizes, and the bytes one page
transfers (its HTML and every local file it loads, raw and gzip-compressed, as a server would
send them). Times vary from machine to machine; compare ratios taken in one run.

Then it serves the built site as a static host does (gzip, per-language 404 pages:
handbook/commands/static_host.py) and, in Chromium, measures what a first visit to a chapter transfers in
every language, and the time from the first keystroke in the search box of a freshly opened
page to the first result. Last, Lighthouse (installed from the npm registry into .benchmark/ on
first use; it drives the same Chromium, CHROME_PATH) scores the home page, a chapter and the
decision tool of every language with its mobile settings, and prints the table.
`--runs N` takes the median of N Lighthouse runs per page; `--no-lighthouse` skips it.
Then the search benchmark (handbook/commands/search_benchmark.py): quality on data/search-queries/ and
speed on a throttled phone, beside Material's default search.
For contributors (handbook/commands/contributor_timings.py): the time from saving a page in the live preview
to the reloaded page, and the test suite's time, quick and whole, with its 10 slowest tests
(`--no-suite` skips the suite).
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from handbook import reuse
from handbook.commands import search_benchmark
from handbook.commands import contributor_timings
from handbook.decision_tree.load import load_trees
from handbook.decision_tree.render import Link, environment, render_tool
from handbook.content.site import Site
from handbook.commands.static_host import serve
from handbook.content.words import Words, load_words

TOOL_FILES = ["assets/javascripts/decision-logic.js", "assets/javascripts/decision-tool.js", "assets/stylesheets/decision-tool.css",
              "assets/stylesheets/handbook.css", "assets/javascripts/workers/handbook-search.js",
              "assets/javascripts/workers/search-engine.js", "assets/javascripts/workers/handbook-words.js"]
SEARCH_WORKER = "assets/javascripts/workers/handbook-search.js"
# What the search worker loads when the reader starts to search, besides the language's index.
SEARCH_ENGINE = ("assets/javascripts/workers/search-engine.js", "assets/javascripts/workers/handbook-words.js")


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


BASELINE = "0f26c7c"


def timed_build(project_dir: Path, site_dir: Path) -> tuple[float, float]:
    """One `mkdocs build --strict` of a project in a fresh interpreter that imports that project's
    own `handbook` package: (wall seconds, CPU seconds of the build process)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project_dir), "HANDBOOK_PROJECT": str(project_dir)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
                   cwd=project_dir, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def compare_builds(project_dir: Path, commit: str, pairs: int) -> None:
    """Build `commit` (a git worktree in a temporary folder) and the project as it is now, in
    alternating pairs, and print the medians and their ratio."""
    with tempfile.TemporaryDirectory(prefix="handbook-baseline-") as folder:
        baseline = Path(folder) / "baseline"
        added = subprocess.run(["git", "worktree", "add", "--detach", "--quiet", str(baseline), commit],
                               cwd=project_dir, capture_output=True, text=True)
        if added.returncode != 0:
            print(f"Build against {commit}: not measured ({added.stderr.strip() or 'git worktree failed'}).")
            return
        try:
            then, now, first = [], [], []
            for run in range(pairs):
                then.append(timed_build(baseline, Path(folder) / f"then-{run}"))
                now.append(timed_build(project_dir, Path(folder) / f"now-{run}"))
                # A checkout's first build: nothing to take over from an earlier one (handbook/reuse.py).
                shutil.rmtree(reuse.folder(project_dir), ignore_errors=True)
                first.append(timed_build(project_dir, Path(folder) / f"first-{run}"))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(baseline)], cwd=project_dir, capture_output=True)
    for series, what in ((now, "now"), (first, "now, a checkout's first build (no .cache/handbook)")):
        for label, index in (("wall", 0), ("CPU", 1)):
            old, new = statistics.median(t[index] for t in then), statistics.median(t[index] for t in series)
            print(f"Build, {label} time (median of {pairs}): {commit} {old:6.2f} s, {what} {new:6.2f} s: "
                  f"x{new / old:.2f} ({1 - new / old:+.0%} faster)")


def page_transfer(site: Site, site_dir: Path, page: Path) -> list[tuple[str, tuple[int, int]]]:
    """The page's HTML and each local file it loads on open (styles, scripts, the search wrapper),
    then what searching adds: the handbook's search engine and the language's index."""
    html = page.read_text(encoding="utf-8")
    files = [("page HTML", sizes(page))]
    for url in re.findall(r'(?:<script src|<script defer src|<link rel="stylesheet" href)="([^"]+)"', html):
        if not url.startswith(("http:", "https:", "//")):
            target = (page.parent / url.split("?")[0]).resolve()
            files.append((str(target.relative_to(site_dir.resolve())), sizes(target)))
    files.append((SEARCH_WORKER, sizes(site_dir / SEARCH_WORKER)))
    files += [(f"{name} (when searching)", sizes(site_dir / name)) for name in SEARCH_ENGINE]
    index = site.folder(site_dir, site.language_of(page.relative_to(site_dir).as_posix())) / "search" / "search_index.json"
    files.append((f"{index.relative_to(site_dir)} (when searching)", sizes(index)))
    return files


LIGHTHOUSE_VERSION = "13.5.0"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-default-apps", "--no-first-run"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
MEASURED_PAGES = ["index", "listening", "decision-tool"]
# A word of each language's chapters, typed as a reader would start a search.


def first_visits(site: Site, url: str, page: str = "listening") -> dict[str, tuple[int, list[str]]]:
    """Bytes a first visit (empty cache) to `page` transfers in each language, and its requests."""
    from playwright.sync_api import sync_playwright

    result = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS[1:])
        for language in site.languages:
            context = browser.new_context()
            tab = context.new_page()
            cdp = context.new_cdp_session(tab)
            cdp.send("Network.enable")
            sizes: dict[str, int] = {}
            names: dict[str, str] = {}
            cdp.on("Network.requestWillBeSent", lambda e: names.__setitem__(e["requestId"], e["request"]["url"]))
            cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
            tab.goto(url + site.page_url(language, page), wait_until="networkidle")
            tab.wait_for_timeout(500)
            result[language] = (sum(sizes.values()), sorted(names[r][len(url):] for r in sizes if r in names))
            context.close()
        browser.close()
    return result


def keystroke_to_result(site: Site, url: str, page: str = "listening") -> dict[str, float]:
    """Milliseconds from the first keystroke to the first result, on a page opened with an empty
    cache: the reader clicks in the search box and types at once (the index is not loaded yet)."""
    from playwright.sync_api import sync_playwright

    result = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS[1:])
        for language in site.languages:
            context = browser.new_context()
            tab = context.new_page()
            tab.goto(url + site.page_url(language, page), wait_until="networkidle")
            tab.evaluate(search_benchmark.TIMER)
            tab.locator("input.md-search__input").click()
            tab.keyboard.type(site.language(language).search_word, delay=20)
            tab.wait_for_function("window.hbFirstResult !== null", timeout=20_000)
            result[language] = tab.evaluate("window.hbFirstResult - window.hbFirstKey")
            context.close()
        browser.close()
    return result


def lighthouse(project_dir: Path) -> list[str]:
    """The Lighthouse command, installed from the npm registry into .benchmark/ on first use."""
    folder = project_dir / ".benchmark"
    cli = folder / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        npm = shutil.which("npm")
        if not npm:
            raise SystemExit("Lighthouse needs Node.js and npm (Debian: apt-get install nodejs npm).")
        print(f"Installing Lighthouse {LIGHTHOUSE_VERSION} from the npm registry into {folder.name}/ ...", flush=True)
        folder.mkdir(exist_ok=True)
        subprocess.run([npm, "install", "--prefix", str(folder), "--no-audit", "--no-fund", "--loglevel=error",
                        f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)
    return [shutil.which("node") or "node", str(cli)]


def lighthouse_scores(command: list[str], address: str, runs: int) -> dict[str, int]:
    """Median score (0-100) per category over `runs` runs, mobile settings (Lighthouse's default)."""
    scores: dict[str, list[float]] = {category: [] for category in CATEGORIES}
    with tempfile.TemporaryDirectory() as folder:
        for run in range(runs):
            report = Path(folder) / f"{run}.json"
            subprocess.run([*command, address, "--quiet", "--output=json", f"--output-path={report}",
                            f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}"],
                           check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
            categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
            for category in CATEGORIES:
                scores[category].append(categories[category]["score"] or 0)
    return {category: round(100 * statistics.median(values)) for category, values in scores.items()}


def served_figures(site: Site, site_dir: Path, runs: int, with_lighthouse: bool) -> None:
    server, url = serve(site_dir, site)
    try:
        print("First visit to a chapter (listening), empty cache, gzip as served:")
        for language, (size, requests) in first_visits(site, url).items():
            print(f"  {language}: {size / 1024:6.1f} KiB in {len(requests)} requests")
        print("Search, first keystroke to first result, page opened with an empty cache:")
        for language, milliseconds in keystroke_to_result(site, url).items():
            print(f"  {language}: {milliseconds:6.0f} ms  (typing {site.language(language).search_word!r})")
        if not with_lighthouse:
            return
        command = lighthouse(site.project_dir)
        print(f"Lighthouse {LIGHTHOUSE_VERSION}, mobile, median of {runs} run(s): "
              "performance / accessibility / best practices / SEO")
        print(f"  {'page':28} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}")
        for language in site.languages:
            for page in MEASURED_PAGES:
                address = site.page_url(language, page)
                scores = lighthouse_scores(command, url + address, runs)
                print(f"  {'/' + address:28} " + " ".join(f"{scores[c]:5d}" for c in CATEGORIES), flush=True)
    finally:
        server.shutdown()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 tasks.py benchmark", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page; the median is shown")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse scores")
    parser.add_argument("--against", default=BASELINE, metavar="COMMIT",
                        help=f"the commit the build time is compared with (default {BASELINE})")
    parser.add_argument("--pairs", type=int, default=3, help="builds of each, alternating; the medians are compared")
    parser.add_argument("--build-only", action="store_true", help="only the build comparison")
    parser.add_argument("--no-suite", action="store_true", help="skip timing the test suite")
    options = parser.parse_args(argv)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    site = Site.load()
    compare_builds(site.project_dir, options.against, options.pairs)
    if options.build_only:
        return 0
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
            print(f"One page, {page.relative_to(site_dir)}, opened with an empty cache, and searched (from the files):")
            for name, size in files:
                print(f"  {name:48} {kb(size)}")
            raw, packed = sum(s[0] for _, s in files), sum(s[1] for _, s in files)
            print(f"  {'total':48} {kb((raw, packed))}")
        tree_scaling(site, Path(folder))
        served_figures(site, site_dir, options.runs, not options.no_lighthouse)
        search_benchmark.report(site, site_dir)  # search quality and speed, beside Material's default
    contributor_figures(site.project_dir, with_suite=not options.no_suite)
    return 0


def contributor_figures(project_dir: Path, with_suite: bool) -> None:
    seconds = contributor_timings.save_to_reload(project_dir, CHROMIUM, CHROMIUM_FLAGS[1:])
    print(f"Live preview, saving a page to the reloaded page in Chromium: {seconds:5.1f} s", flush=True)
    for quick in (True, False) if with_suite else ():
        suite = contributor_timings.suite_time(project_dir, quick)
        print(f"Test suite{', quick' if quick else ''} ({os.cpu_count()} cores, load {suite.load:.1f} when it began): "
              f"{suite.wall / 60:5.1f} min, machine busy {suite.cpu / 60:5.1f} CPU-min  ({suite.summary})", flush=True)
        print(f"  its {len(suite.slowest)} slowest tests:")
        for line in suite.slowest:
            print(f"    {line}", flush=True)


def chain(length: int, read: str = "page#section") -> str:
    """A valid tree: a chain of `length` questions, each with a way out to one outcome, which
    links to `read` ("page#section")."""
    lines = ["start: q0", "nodes:"]
    for i in range(length):
        onward = f"q{i + 1}" if i + 1 < length else "out"
        lines += [f"  q{i}:", "    type: question", f"    text: Question {i}?", "    answers:",
                  f'      - {{id: "on", label: "On", next: {onward}}}',
                  '      - {id: "out", label: "Out", next: out}']
    lines += ["  out:", "    type: outcome", "    title: Out", "    why: Because.", "    next_steps: [Go.]",
              f"    read: [{read}]"]
    return "\n".join(lines) + "\n"


def chain_project(folder: Path, length: int, schema: Path) -> Site:
    """A one-language project with a chain tree and the one page its outcome links to."""
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "decision-tree.yml").write_text(chain(length), encoding="utf-8")
    shutil.copy(schema, folder / "data" / "decision-tree.schema.json")
    (folder / "docs" / "en").mkdir(parents=True)
    (folder / "docs" / "en" / "page.md").write_text("# Page\n\n## Section {#section}\n\nText.\n", encoding="utf-8")
    return Site(languages=("en",), default="en", current="en", building=False,
                project_dir=folder, docs_dir=folder / "docs")


def tree_scaling(site: Site, folder: Path) -> None:
    """Load and render a chain of 500 and of 4,000 questions: the time should grow about 8 times."""
    env = environment([str(site.project_dir / "overrides")])
    words = Words(site.default, "", load_words(site.project_dir, [site.default], site.default)[site.default])
    times = {}
    for length in (500, 4000):
        began = time.perf_counter()
        project = chain_project(folder / f"chain-{length}", length, site.project_dir / "data" / "decision-tree.schema.json")
        tree = load_trees(project)["en"]
        render_tool(env, tree, words, lambda target: Link(target, target, target), "x")
        times[length] = time.perf_counter() - began
    print(f"Decision tree, load and render: 500 nodes {times[500]:.2f} s, 4,000 nodes {times[4000]:.2f} s "
          f"(x{times[4000] / times[500]:.1f} for 8 times the nodes; linear is about x8)")


if __name__ == "__main__":
    raise SystemExit(main())
