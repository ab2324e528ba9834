"""The policy allows only the inline code the templates write: a page's inline script or style is
hashed when it is a template's code with its placeholders filled, and stops the build otherwise."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from handbook.templates import project_environment
from tests.support import ROOT
from handbook.security.csp import UnknownCode, digest, hashes, known_code, policy, with_policy


@pytest.fixture
def known(tmp_path: Path):
    templates, code = tmp_path / "templates", tmp_path / "code"
    templates.mkdir()
    code.mkdir()
    (templates / "base.html").write_text(
        '<script>var scope=new URL("{{ base_url }}",location)</script>\n'
        "{% if x %}<script>{% if y %}logic{% endif %}</script>{% endif %}\n", encoding="utf-8")
    (code / "book.py").write_text('HEAD = f"""<style>a {{ content: "({word})" }}</style>"""\n', encoding="utf-8")
    return known_code([templates], [code])


def _page(*inline: str) -> str:
    return "<!doctype html><html><head><meta charset=\"utf-8\">" + "".join(inline) + "</head><body></body></html>"


def test_a_templates_script_with_its_value_filled_in_is_hashed(known) -> None:
    script = 'var scope=new URL("../..",location)'
    scripts, styles = hashes(_page(f"<script>{script}</script>", '<script type="application/json">{"a":1}</script>'), known)
    assert (scripts, styles) == ([digest(script)], [])


@pytest.mark.parametrize("word", ["б.", "s'", ""])
def test_a_style_written_by_the_handbooks_code_is_hashed(known, word: str) -> None:
    style = f'a {{ content: "({word})" }}'
    assert hashes(_page(f"<style>{style}</style>"), known) == ([], [digest(style)])


@pytest.mark.parametrize("inline", [
    "<script>alert(1)</script>",
    '<script>var scope=new URL("",location);alert(1)//",location)</script>',
    '<script>var scope=new URL("x",location)</script><script>fetch("//evil.example")</script>',
    "<script>logic</script>",
    '<script type="text/javascript">alert(1)</script>',
    "<style>body { display: none }</style>",
    '<style>a { content: "(x" } body { display: none } a { content: ")" }</style>',
    "<script>alert(1)",
])
def test_inline_code_no_template_holds_is_never_hashed(known, inline: str) -> None:
    with pytest.raises(UnknownCode):
        hashes(_page(inline), known)


@pytest.mark.parametrize("element", ['<img src="x" onerror="alert(1)">', '<p style="color:red">x</p>'])
def test_inline_attributes_are_refused(known, element: str) -> None:
    with pytest.raises(UnknownCode, match="inline (onerror|style)="):
        hashes(_page().replace("<body>", "<body>" + element), known)


def test_the_policy_is_the_first_thing_after_the_charset(known) -> None:
    script = 'var scope=new URL(".",location)'
    page = with_policy(_page(f"<script>{script}</script>"), known, project_environment(ROOT))
    head = page.split("<meta charset=\"utf-8\">", 1)[1]
    meta = re.match(r'\n<meta http-equiv="Content-Security-Policy" content="([^"]*)">', head)
    assert meta and html.unescape(meta.group(1)) == policy([digest(script)], [])
    written = html.unescape(meta.group(1))
    assert f"script-src 'self' {digest(script)};" in written and "object-src 'none'" in written
    assert "frame-ancestors" not in page and "frame-ancestors 'none'" in policy([], [], header=True)
