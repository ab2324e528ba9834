"""Facts about the project read from mkdocs.yml: its languages and the default one."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def mkdocs_config() -> dict:
    """mkdocs.yml as data (environment-variable tags read as empty)."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def i18n_languages() -> list[dict]:
    """The language entries of the i18n plugin, in build order."""
    for plugin in mkdocs_config()["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]["languages"]
    raise LookupError("mkdocs.yml has no i18n plugin")


LANGUAGES: list[str] = [language["locale"] for language in i18n_languages()]
DEFAULT: str = next(language["locale"] for language in i18n_languages() if language.get("default"))
