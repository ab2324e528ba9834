"""Translation freshness in the terminal: `python3 tasks.py translations [LANG] [options]`.

    translations                       every language: what is outdated, not confirmed or missing
    translations kk --all              every section of Kazakh, the up-to-date ones too
    translations --check               the same, and fail if any section is outdated (for maintainers
        who want to block outdated translations; not run by the tests)
    translations kk --confirm facts#listen-first   the Kazakh section was checked against today's English
    translations kk --confirm facts    every translated section of the page
    translations kk --forget-removed   drop the records of sections and tree nodes that no longer exist
    translations --refresh facts#listen-first      after an English change that needs no new
        translation (a typo, formatting): languages that were up to date with the English before
        the change (as committed in HEAD, or --from REV) are moved on to the changed English

The same status as the site's translation status page (handbook/freshness/sections.py).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from handbook.freshness.sections import (STATES, History, Status, confirm, english_sections, forget_removed, load_state,
                                         refresh, resolve, statuses)
from handbook.content.site import Site
from handbook.content.source import DataError

LABELS = {"up-to-date": "up to date", "outdated": "outdated", "unconfirmed": "not confirmed", "missing": "missing"}


def repository_url(site: Site) -> str:
    from mkdocs.config import load_config  # only for the repository address

    return (load_config(str(site.project_dir / "mkdocs.yml")).repo_url or "").rstrip("/")


def describe(status: Status, history: History, repo: str) -> str:
    line = f"  {LABELS[status.state]:<14} {status.section.key}"
    if status.state == "outdated":
        change = history.change(status.section)
        if change.commit:
            line += f"  (English changed {change.date.isoformat()}: {repo}/commit/{change.commit})"
        else:
            line += "  (English changed; date unknown: not committed yet)"
    return line


def report(site: Site, languages: list[str], show_all: bool) -> int:
    """Print each language's status; the number of outdated sections."""
    outdated = 0
    english = english_sections(site)
    history, repo = History(site.project_dir), repository_url(site)
    for language in languages:
        found = statuses(site, language, english, load_state(site, language, english))
        counts = {state: sum(1 for s in found if s.state == state) for state in STATES}
        outdated += counts["outdated"]
        print(f"{language}: " + ", ".join(f"{counts[state]} {LABELS[state]}" for state in STATES))
        for status in found:
            if show_all or status.state != "up-to-date":
                print(describe(status, history, repo))
    return outdated


def main(argv: list[str], project_dir: Path | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 tasks.py translations", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("language", nargs="?", help="a language code (default: every translated language)")
    parser.add_argument("--all", action="store_true", help="list the up-to-date sections too")
    parser.add_argument("--check", action="store_true", help="exit with 1 if any section is outdated")
    parser.add_argument("--confirm", nargs="+", metavar="PAGE[#SECTION]",
                        help="record that these sections were checked against the current English")
    parser.add_argument("--refresh", nargs="+", metavar="PAGE[#SECTION]",
                        help="move every language that was up to date on to an English change that needs no translation")
    parser.add_argument("--forget-removed", action="store_true",
                        help="drop the records of sections and tree nodes that no longer exist in English")
    parser.add_argument("--from", dest="revision", default="HEAD",
                        help="with --refresh: the git revision with the English before the change (default HEAD)")
    args = parser.parse_args(argv)
    site = Site.load(project_dir)
    translated = [language for language in site.languages if language != site.default]
    if args.language and args.language not in translated:
        parser.error(f"'{args.language}' is not a translated language; choose one of {', '.join(translated)}.")
    try:
        if args.confirm:
            if not args.language:
                parser.error("--confirm needs the language: translations kk --confirm PAGE#SECTION")
            for section in confirm(site, args.language, args.confirm):
                print(f"confirmed {args.language} {section.key}")
            return 0
        if args.forget_removed:
            for language in [args.language] if args.language else translated:
                for key in forget_removed(site, language):
                    print(f"forgot {language} {key}")
            return 0
        if args.refresh:
            history = History(site.project_dir)
            english = english_sections(site)
            targets = [s for target in args.refresh for s in resolve(english, target)]
            before = {s.key: history.fingerprint_at(args.revision, s) for s in targets}
            if not any(before.values()):
                print(f"No English text of {', '.join(args.refresh)} in {args.revision}: nothing to compare with.")
                return 1
            moved = refresh(site, args.refresh, {key: value for key, value in before.items() if value})
            for language, sections in moved.items():
                for section in sections:
                    print(f"refreshed {language} {section.key}")
            if not moved:
                print("No language was up to date with the English before the change: nothing refreshed.")
            return 0
        outdated = report(site, [args.language] if args.language else translated, args.all)
        if args.check and outdated:
            print(f"{outdated} outdated section(s): update and confirm them (CONTRIBUTING.md, Translators).",
                  file=sys.stderr)
            return 1
        return 0
    except (DataError, ValueError) as error:
        print(error, file=sys.stderr)
        return 1


if __name__ == "__main__":
    try:
        raise SystemExit(main(sys.argv[1:]))
    except BrokenPipeError:  # `python3 tasks.py translations | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(0)
