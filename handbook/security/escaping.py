"""Which theme templates escape: the handbook's own (overrides/), not Material's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def escapes(custom_dir: Path) -> Callable[[str | None], bool]:
    """Jinja's `autoescape` choice: true for a template name that is a file of `custom_dir`."""
    own = {path.relative_to(custom_dir).as_posix() for path in custom_dir.rglob("*.html")}
    return lambda name: name in own
