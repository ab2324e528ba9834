"""The handbook's own interface words, per language: translations/<language>/ui.yml.

Material translates its own interface; the words the handbook adds (the untranslated-page notice,
the 404 page, the decision tool) live in ui.yml, grouped (`tool:`, `not_found:`, ...). The default
language's file defines the keys: every other language has exactly those keys, with the same
{placeholders}. Templates see one `Words` object as `hb`: `hb.t("not_found.title")`, and the
decision tool hands its whole group to its script, `hb.group("tool")`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from handbook.content.source import DataError, YamlSource, read_yaml

_PLACEHOLDER = re.compile(r"\{\w+\}")


def ui_file(language: str) -> str:
    return f"translations/{language}/ui.yml"


@dataclass(frozen=True)
class Words:
    """One language's interface words, and what templates need to know about that language."""

    language: str
    root: str  # the language's address prefix: "" or "tr/" (see handbook.content.site)
    words: Mapping[str, str]  # "group.key" -> text

    def t(self, key: str) -> str:
        return self.words[key]

    def group(self, name: str) -> dict[str, str]:
        """The words of one group, by their key inside it: group("tool")["start"]."""
        prefix = name + "."
        return {key[len(prefix):]: text for key, text in self.words.items() if key.startswith(prefix)}


def _flatten(source: YamlSource) -> dict[str, tuple[object, tuple]]:
    """{"group.key": (value, path in the file)} for every leaf of the file."""
    flat: dict[str, tuple[object, tuple]] = {}

    def walk(value: object, path: tuple) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(inner, path + (key,))
        else:
            flat[".".join(map(str, path))] = (value, path)

    walk(source.data if source.data is not None else {}, ())
    return flat


def _check(source: YamlSource, flat: dict[str, tuple[object, tuple]],
           reference: dict[str, str], default_file: str) -> None:
    for key, text in reference.items():
        value, path = flat.get(key, (None, tuple(key.split(".")[:-1])))
        if not isinstance(value, str) or not value.strip():
            raise DataError(source.file, source.line(*path), f"'{key}' is missing or empty.",
                            f"add it, translating the text of {default_file}.")
        expected = set(_PLACEHOLDER.findall(text))
        if set(_PLACEHOLDER.findall(value)) != expected:
            raise DataError(source.file, source.line(*path),
                            f"'{key}' must keep the placeholders {', '.join(sorted(expected)) or '(none)'} "
                            "exactly as written.", f"copy them unchanged from {default_file}.")
    for key, (_, path) in flat.items():
        if key not in reference:
            raise DataError(source.file, source.line(*path), f"'{key}' is not a key of {default_file}.",
                            "remove it or correct its spelling.")


def load_words(project_dir: Path, languages: list[str] | tuple[str, ...], default: str) -> dict[str, dict[str, str]]:
    """Every language's words as {"group.key": text}; a gap or a stray key is a DataError."""
    words: dict[str, dict[str, str]] = {}
    for language in [default, *[lang for lang in languages if lang != default]]:
        source = read_yaml(project_dir, ui_file(language),
                           f"copy {ui_file(default)} there and translate every text.")
        flat = _flatten(source)
        if language == default:
            for key, (value, path) in flat.items():
                if not isinstance(value, str) or not value.strip():
                    raise DataError(source.file, source.line(*path), f"'{key}' is empty or not text.",
                                    "write the text, in quotes if it contains a colon.")
        else:
            _check(source, flat, words[default], ui_file(default))
        words[language] = {key: str(value) for key, (value, _) in flat.items()}
    return words
