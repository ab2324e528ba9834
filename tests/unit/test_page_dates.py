"""Each page's "last updated" date: read from one git log, written as the page's language writes dates."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import babel

from handbook.content.dates import COMMIT, day_of, last_changes, read_log, written


def test_a_file_takes_the_time_of_its_newest_commit_in_the_log() -> None:
    log = f"{COMMIT}300\n\ndocs/en/a.md\n{COMMIT}200\n\ndocs/en/a.md\ndocs/tr/a.md\n{COMMIT}100\n\ndocs/en/b.md\n"
    assert read_log(log) == {"docs/en/a.md": 300, "docs/tr/a.md": 200, "docs/en/b.md": 100}


def test_a_file_git_does_not_know_is_dated_today() -> None:
    today = date(2031, 5, 4)
    assert day_of({"docs/en/a.md": 86400}, "docs/en/new.md", today) == today
    assert day_of(None, "docs/en/a.md", today) == today
    assert day_of({"docs/en/a.md": 86400}, "docs/en/a.md", today) == date(1970, 1, 2)


def test_dates_are_written_with_the_month_name_of_the_language() -> None:
    for locale in ("tr_TR", "is_IS", "pt_PT", "kk_KZ", "en_GB"):
        month = babel.Locale.parse(locale).months["format"]["wide"][12]
        assert month in written(date(2026, 12, 7), locale) and "2026" in written(date(2026, 12, 7), locale)


def test_the_log_of_a_real_repository_dates_each_file_by_its_last_commit(tmp_path: Path) -> None:
    def git(*args: str, when: str = "") -> None:
        env = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when} if when else {}
        subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args], cwd=tmp_path,
                       check=True, capture_output=True, env={**env, "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})

    assert last_changes(tmp_path) is None  # not a git checkout
    git("init", "-q")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("one")
    (tmp_path / "docs" / "b.md").write_text("one")
    git("add", ".")
    git("commit", "-qm", "first", when="2020-01-02T12:00:00Z")
    (tmp_path / "docs" / "a.md").write_text("two")
    git("commit", "-qam", "second", when="2021-03-04T12:00:00Z")
    found = last_changes(tmp_path)
    assert day_of(found, "docs/a.md", date.today()) == date(2021, 3, 4)
    assert day_of(found, "docs/b.md", date.today()) == date(2020, 1, 2)
