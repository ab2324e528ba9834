"""File sizes as a reader of each language writes them: "1.2 MB", "1,2 МБ"."""

from __future__ import annotations

from babel.numbers import format_decimal

LOCALES = {"pt": "pt_PT"}


def human_size(size: int, language: str, words: dict[str, str]) -> str:
    """`size` bytes in kB below one megabyte, else in MB with one decimal; the unit from the
    `print` group of ui.yml (`kilobytes`, `megabytes`), the number in the language's format."""
    locale = LOCALES.get(language, language)
    if size < 1_000_000:
        number = format_decimal(max(1, round(size / 1000)), locale=locale)
        return words["kilobytes"].format(number=number)
    return words["megabytes"].format(number=format_decimal(round(size / 1_000_000, 1), format="#,##0.0", locale=locale))
