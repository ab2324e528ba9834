"""File sizes as a reader of each language writes them: "1.2 MB", "1,2 MB", "1,2 МБ"."""

from __future__ import annotations

from babel.numbers import format_decimal

from handbook.content.languages import Language


def human_size(size: int, language: Language) -> str:
    """`size` bytes in kB below one megabyte, else in MB with one decimal, in the language's
    number format and units (its language.yml)."""
    locale = language.locale
    kilobytes, megabytes = language.size_units
    if size < 1_000_000:
        return f"{format_decimal(max(1, round(size / 1000)), locale=locale)}\u00a0{kilobytes}"
    return f"{format_decimal(round(size / 1_000_000, 1), format='#,##0.0', locale=locale)}\u00a0{megabytes}"
