"""Every piece of HTML the handbook writes itself comes from a Jinja template that escapes.

The templates live with the theme's (`overrides/partials/`), so one environment over the theme's
folders renders them all: the decision tool and its overview, the print page and the quick card,
the home page's downloads, the translation status table and notices, the `/en/` forwarding pages.
Words from data files and translations are text: autoescaping makes them so. `{placeholders}` in
interface words are filled in one way, by `fill` (in templates: `hb.t("x") | fill(size=...)`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from handbook.decision_tree.model import Question

_STRONG = re.compile(r"\*\*(.+?)\*\*")
_EM = re.compile(r"\*(.+?)\*")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(text: str, **values: object) -> str:
    """Interface words with their `{placeholders}` replaced; unknown ones stay as written."""
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), text)


def inline(text: str) -> Markup:
    """Text as safe HTML: everything escaped, then **bold** and *italic* only."""
    html = str(escape(text))
    html = _STRONG.sub(r"<strong>\1</strong>", html)
    html = _EM.sub(r"<em>\1</em>", html)
    return Markup(html)


def css_text(text: str) -> Markup:
    """Words for a quoted CSS string inside <style>: without quotes, backslashes and tags."""
    return Markup(re.sub(r'["\\<>]', "", text))


def environment(template_dirs: Sequence[str | Path]) -> jinja2.Environment:
    """A Jinja environment over the theme's folders (config.theme.dirs), with the handbook's helpers.

    Not the theme's own environment: that one is made in on_env, after page content is rendered,
    and carries the whole theme's set-up, which these partials do not use.
    """
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(d) for d in template_dirs]),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["inline"] = inline
    env.filters["fill"] = fill
    env.filters["css_text"] = css_text
    env.tests["question"] = lambda node: isinstance(node, Question)
    return env


def project_environment(project_dir: Path) -> jinja2.Environment:
    """The same environment for commands that run outside a build (the handbook's own partials)."""
    return environment([Path(project_dir) / "overrides"])


def render(env: jinja2.Environment, name: str, **context: object) -> str:
    """Render `overrides/partials/handbook/<name>.html`."""
    return env.get_template(f"partials/handbook/{name}.html").render(**context)


def render_document(env: jinja2.Environment, name: str, **context: object) -> str:
    """Render a whole HTML document, ending with a new line as a file should."""
    return render(env, name, **context) + "\n"
