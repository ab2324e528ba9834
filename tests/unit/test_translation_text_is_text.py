"""Translators write text: markup in any translation or data file stops the build, naming the file,
the line and the fix, before anything is rendered."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.content.source import DataError, read_yaml
from handbook.content.words import load_words
from tests.support import DEFAULT, LANGUAGES, ROOT

REFUSED = ["<b>bold</b>", "<img src=x onerror=alert(1)>", "</style><script>alert(1)</script>",
           "a > b", "x < y", "&lt;script&gt;", "&#60;b&#62;", "&#x3c;i&#x3e;", "&nbsp;"]
ALLOWED = ["Q&A and R&D", "“quoted” and 'single'", '"double" quotes', "50% & more"]


def _copy_words(tmp_path: Path) -> Path:
    for language in LANGUAGES:
        target = tmp_path / "translations" / language
        target.mkdir(parents=True)
        (target / "ui.yml").write_bytes((ROOT / "translations" / language / "ui.yml").read_bytes())
    return tmp_path


def _plant(root: Path, file: str, key_line: str, text: str) -> int:
    """Replace the value on the line that starts with `key_line`; return that line's number."""
    path = root / file
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(n for n, line in enumerate(lines) if line.startswith(key_line))
    quoted = "'" + text.replace("'", "''") + "'"
    lines[number] = f"{key_line} {quoted}\n"
    path.write_text("".join(lines), encoding="utf-8")
    return number + 1


@pytest.mark.parametrize("markup", REFUSED)
def test_markup_in_an_interface_word_stops_with_the_file_line_and_fix(tmp_path: Path, markup: str) -> None:
    root = _copy_words(tmp_path)
    line = _plant(root, "translations/kk/ui.yml", "  section:", f"Бөлім {markup}")
    with pytest.raises(DataError) as caught:
        load_words(root, LANGUAGES, DEFAULT)
    error = caught.value
    assert (error.file, error.line) == ("translations/kk/ui.yml", line)
    assert "markup" in error.problem and "plain words" in error.fix


def test_markup_in_the_default_languages_words_is_refused_too(tmp_path: Path) -> None:
    root = _copy_words(tmp_path)
    line = _plant(root, "translations/en/ui.yml", "  link:", 'Report<img src=x onerror="alert(1)">')
    with pytest.raises(DataError) as caught:
        load_words(root, LANGUAGES, DEFAULT)
    assert (caught.value.file, caught.value.line) == ("translations/en/ui.yml", line)


@pytest.mark.parametrize("text", ALLOWED)
def test_ampersands_and_quotes_in_plain_text_are_allowed(tmp_path: Path, text: str) -> None:
    root = _copy_words(tmp_path)
    _plant(root, "translations/is/ui.yml", "  section:", text)
    assert load_words(root, LANGUAGES, DEFAULT)["is"]["report.section"] == text


def test_markup_in_a_key_or_a_list_of_any_data_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "translations" / "tr").mkdir(parents=True)
    (tmp_path / "translations" / "tr" / "checked.yml").write_text(
        "listening:\n  sections:\n    - ok\n    - '<svg onload=alert(1)>'\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_yaml(tmp_path, "translations/tr/checked.yml", "")
    assert (caught.value.file, caught.value.line) == ("translations/tr/checked.yml", 4)
    (tmp_path / "translations" / "tr" / "checked.yml").write_text("'<b>': 1\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_yaml(tmp_path, "translations/tr/checked.yml", "")
    assert caught.value.line == 1

