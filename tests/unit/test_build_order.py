"""The order of events (handbook/build.py, ORDER) is checked at the start of every build."""

from __future__ import annotations

import re

import pytest
from mkdocs.exceptions import PluginError

from handbook.build import ORDER, check_order
from tests.support import ROOT, mkdocs_config


def test_the_order_holds_for_the_projects_configuration() -> None:
    check_order(mkdocs_config())


def test_a_plugin_that_moved_stops_the_build_with_what_to_review(monkeypatch: pytest.MonkeyPatch) -> None:
    config = mkdocs_config()
    event = type(config.plugins["i18n"]).on_post_build
    monkeypatch.setattr(event, "mkdocs_priority", 0)
    with pytest.raises(PluginError, match=r"on_post_build now runs at priority 0.*ORDER"):
        check_order(config)


def test_every_hook_names_a_place_in_the_table() -> None:
    named = {name for path in (ROOT / "hooks").glob("*.py")
             for name in re.findall(r'order\("([^"]+)"\)', path.read_text(encoding="utf-8"))}
    assert named and named <= set(ORDER)
    assert not re.search(r"event_priority\(", "".join(p.read_text(encoding="utf-8") for p in (ROOT / "hooks").glob("*.py")))
