"""Pages hold only the HTML the handbook uses: every hostile fragment a writer could put in a
page, its front matter or the docs folder stops the build with the file, the line and the fix."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import markdown
import pytest
import yaml
from mkdocs.config.defaults import MkDocsConfig

from handbook.security.page_guard import check_front_matter, check_html, check_sources
from handbook.content.source import DataError
from tests.support import LANGUAGES, ROOT, mkdocs_config

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<style>body{display:none}</style>",
    '<iframe src="https://evil.example"></iframe>',
    '<object data="x.swf"></object>',
    '<embed src="x.swf">',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<form action="https://evil.example"><input name=x></form>',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<svg onload="alert(1)"></svg>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<img src="x" onerror="alert(1)">',
    'A <span onmouseover="alert(1)">word</span>.',
    '<a href="javascript:alert(1)">link</a>',
    '<a href="  JaVaScRiPt:alert(1)">link</a>',
    '<a href="java&#x09;script:alert(1)">link</a>',
    '<a href="vbscript:msgbox(1)">link</a>',
    '<a href="data:text/html,<script>alert(1)</script>">link</a>',
    '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    '<div style="position:fixed;inset:0">cover</div>',
    '<p srcdoc="x">text</p>',
    '<div data-hb-tool data-start="x">fake tool</div>',
    '<pre class="mermaid">graph TD; A-->B</pre>',
    "[link](javascript:alert(1))",
    "![picture](data:image/png;base64,AAAA)",
    "<details ontoggle=alert(1) open><summary>x</summary>y</details>",
    '<div markdown>\n<img src=x onerror="alert(1)">\n</div>',
]

ALLOWED = [
    "Plain text with **bold**, *italic*, `<code>` and a [link](listening.md#acknowledge-the-feeling).",
    "[An outside source](https://example.org/a?b=c) and [mail](mailto:someone@example.org).",
    '!!! say "What to say"\n\n    "I understand."',
    "??? note \"More\"\n\n    Hidden text.",
    "<details markdown><summary>More</summary>\n\nText with *emphasis*.\n\n</details>",
    '<div class="grid" markdown>\n\n- one\n- two\n\n</div>',
    "| A | B |\n|---|---|\n| 1 | 2 |",
    "## A section {#a-section}\n\n1. first\n2. second\n\n> a quote",
    "Text with &amp; and &lt;script&gt; written as text.",
]


@functools.cache
def _config() -> MkDocsConfig:
    return mkdocs_config()


def _html(text: str) -> str:
    """The page's HTML as MkDocs makes it, with the project's Markdown extensions."""
    config = _config()
    return markdown.markdown(text, extensions=config.markdown_extensions,
                             extension_configs=config.mdx_configs)


@pytest.mark.parametrize("fragment", HOSTILE)
def test_a_hostile_fragment_in_a_page_is_refused_with_its_line(fragment: str) -> None:
    source = f"---\ntitle: Glossary\n---\n\n# Glossary\n\nSome text.\n\n{fragment}\n\nMore text.\n"
    with pytest.raises(DataError) as caught:
        check_html(_html(source.split("---\n", 2)[2]), source, "docs/kk/glossary.md")
    error = caught.value
    assert error.file == "docs/kk/glossary.md"
    assert error.line is not None and 9 <= error.line <= 8 + fragment.count("\n") + 1
    assert "Markdown" in error.fix


@pytest.mark.parametrize("text", ALLOWED)
def test_what_the_handbook_writes_is_allowed(text: str) -> None:
    html = _html(text)
    check_html(html, text, "docs/en/listening.md")
    assert html.strip()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_of_the_handbook_passes(language: str) -> None:
    pages = sorted((ROOT / "docs" / language).glob("*.md"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        check_html(_html(text.split("---\n", 2)[-1]), text, page.name)


@pytest.mark.parametrize("front_matter, line", [
    ("title: Glossary\ndescription: '\"><script>alert(1)</script>'\n", 3),
    ("title: Heimildir &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;\n", 2),
    ("title: Glossary\ndescription: Words.\ntemplate: redirect.html\n", 4),
    ("title: Glossary\ndescription: Words.\nlocation: javascript:alert(1)\n", 4),
    ("title: ' javascript:alert(1)'\n", 2),
    ("title: [a, list]\n", 2),
])
def test_hostile_front_matter_is_refused_with_its_line(front_matter: str, line: int) -> None:
    source = f"---\n{front_matter}---\n\n# Sources\n"
    with pytest.raises(DataError) as caught:
        check_front_matter(yaml.safe_load(front_matter), source, "docs/is/sources.md")
    assert (caught.value.file, caught.value.line) == ("docs/is/sources.md", line)


def test_plain_front_matter_is_allowed() -> None:
    meta = {"title": "Tímabundin „lausn“ & fleira", "description": "Text: with a colon.", "search": {"exclude": True}}
    check_front_matter(meta, "---\ntitle: x\n---\n", "docs/is/sources.md")
    assert meta["title"].startswith("Tímabundin")


def _docs(tmp_path: Path) -> Path:
    for language in LANGUAGES:
        (tmp_path / "docs" / language).mkdir(parents=True)
        (tmp_path / "docs" / language / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "docs" / "assets" / "javascripts").mkdir(parents=True)
    (tmp_path / "docs" / "assets" / "javascripts" / "handbook.js").write_text("", encoding="utf-8")
    (tmp_path / "docs" / "kk" / "picture.png").write_bytes(b"\x89PNG")
    return tmp_path


def test_pages_pictures_and_assets_are_allowed(tmp_path: Path) -> None:
    root = _docs(tmp_path)
    check_sources(root, "docs", LANGUAGES, ("docs",))
    assert (root / "docs" / "kk" / "picture.png").exists()


@pytest.mark.parametrize("name", ["kk/glossary-data.js", "en/probe.js", "kk/notes.txt", "kk/page.html",
                                  "kk/picture.svg", "robots.txt", "kk/sub/worker.mjs"])
def test_any_other_file_in_docs_is_refused(tmp_path: Path, name: str) -> None:
    root = _docs(tmp_path)
    (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
    (root / "docs" / name).write_text("self.addEventListener('fetch', () => {})", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        check_sources(root, "docs", LANGUAGES, ("docs",))
    assert caught.value.file == f"docs/{name}" and "remove the file" in caught.value.fix


@pytest.mark.parametrize("where", ["docs/kk/notes.md", "docs/assets/env.js", "translations/kk/link.yml"])
def test_a_symbolic_link_anywhere_in_the_sources_is_refused(tmp_path: Path, where: str) -> None:
    root = _docs(tmp_path)
    (root / where).parent.mkdir(parents=True, exist_ok=True)
    os.symlink("/proc/self/environ", root / where)
    with pytest.raises(DataError) as caught:
        check_sources(root, "docs", LANGUAGES, ("docs", "translations"))
    assert caught.value.file == where and "symbolic link" in caught.value.problem
