"""The handbook's own interface words, per language, for templates (as `hb`).

Material translates its own interface; the words the handbook adds (the untranslated-page
notice, the decision tool's buttons and messages) live in translations/<language>/ui.yml.
Every language must have every key of the default language, with the same {placeholders}.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError


def ui_file(language: str) -> str:
    return f"translations/{language}/ui.yml"


def _flatten(data: dict, prefix: str = "") -> dict[str, object]:
    flat: dict[str, object] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


def load_words(root: Path, languages: list[str], default: str) -> dict[str, dict[str, str]]:
    """Every language's words as {"group.key": text}; a gap or a stray key is a PluginError."""
    words: dict[str, dict[str, str]] = {}
    for language in [default] + [lang for lang in languages if lang != default]:
        path = root / ui_file(language)
        if not path.exists():
            raise PluginError(f"{ui_file(language)}: the file is missing. Fix: copy "
                              f"{ui_file(default)} there and translate every text.")
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.MarkedYAMLError as error:
            line = error.problem_mark.line + 1 if error.problem_mark else "?"
            raise PluginError(f"{ui_file(language)}, line {line}: this is not valid YAML "
                              f"({error.problem}). Fix: check the indentation and quotes.") from None
        flat = _flatten(data)
        reference = words.get(default, flat)
        for key, text in reference.items():
            value = flat.get(key)
            if not isinstance(value, str) or not value.strip():
                raise PluginError(f"{ui_file(language)}: '{key}' is missing or empty. Fix: add it, "
                                  f"translating the text of {ui_file(default)}.")
            expected = set(re.findall(r"\{\w+\}", str(text)))
            if set(re.findall(r"\{\w+\}", value)) != expected:
                raise PluginError(f"{ui_file(language)}: '{key}' must keep the placeholders "
                                  f"{', '.join(sorted(expected)) or '(none)'} exactly as written.")
        for key in flat:
            if key not in reference:
                raise PluginError(f"{ui_file(language)}: '{key}' is not a key of {ui_file(default)}. "
                                  "Fix: remove it or correct its spelling.")
        words[language] = {key: str(value) for key, value in flat.items()}
    return words


@dataclass(frozen=True)
class Words:
    """What templates see as `hb`: the language being built and its words."""

    language: str
    default_language: str
    words: dict[str, str]

    def t(self, key: str) -> str:
        return self.words[key]


_loaded: dict[str, dict[str, str]] = {}


def on_config(config: MkDocsConfig) -> None:
    i18n = config.plugins["i18n"]
    root = Path(config.config_file_path).parent
    _loaded.clear()
    _loaded.update(load_words(root, list(i18n.build_languages), i18n.default_language))


def _words(config: MkDocsConfig) -> Words:
    i18n = config.plugins["i18n"]
    return Words(i18n.current_language, i18n.default_language, _loaded[i18n.current_language])


def on_page_context(context: dict, page, config: MkDocsConfig, nav) -> dict:
    context["hb"] = _words(config)
    return context


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    context["hb"] = _words(config)
    return context
