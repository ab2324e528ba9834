"""What a build takes over from an earlier one (handbook/reuse.py) is what it would make itself."""

from __future__ import annotations

from pathlib import Path

import jinja2

from handbook import reuse


def test_a_picture_is_made_once_per_key_and_copied_after(tmp_path: Path) -> None:
    made: list[str] = []

    def make(words: str):
        def draw(target: Path) -> None:
            made.append(words)
            target.write_text(words, encoding="utf-8")
        return draw

    cache = tmp_path / "cache"
    for run in range(2):
        reuse.made_once(cache, reuse.key("Handbook"), tmp_path / f"site-{run}" / "preview.png", make("Handbook"))
    reuse.made_once(cache, reuse.key("Manual"), tmp_path / "site-2" / "preview.png", make("Manual"))
    assert made == ["Handbook", "Manual"]
    assert (tmp_path / "site-1" / "preview.png").read_text(encoding="utf-8") == "Handbook"
    assert (tmp_path / "site-2" / "preview.png").read_text(encoding="utf-8") == "Manual"


def test_the_key_changes_with_any_part_and_with_a_files_content(tmp_path: Path) -> None:
    source = tmp_path / "draw.py"
    source.write_text("one", encoding="utf-8")
    first = reuse.key("Handbook", source)
    assert reuse.key("Handbook", source) == first
    assert reuse.key("Handbook ", source) != first and reuse.key("Hand", "book", source) != first
    source.write_text("two", encoding="utf-8")
    assert reuse.key("Handbook", source) != first


def test_a_template_changed_since_an_earlier_build_renders_as_it_is_now(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    page = templates / "page.html"

    def rendered() -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), autoescape=True)
        env.bytecode_cache = reuse.compiled_templates(tmp_path, env)
        return env.get_template("page.html").render(name="<b>")

    page.write_text("Hello {{ name }}", encoding="utf-8")
    assert rendered() == "Hello &lt;b&gt;" == rendered()
    assert list(reuse.folder(tmp_path, "templates").rglob("*.cache")), "nothing was kept for the next build"
    page.write_text("Goodbye {{ name }}", encoding="utf-8")
    assert rendered() == "Goodbye &lt;b&gt;"


def test_environments_set_up_differently_keep_their_compiled_templates_apart(tmp_path: Path) -> None:
    plain = jinja2.Environment()
    trimmed = jinja2.Environment(trim_blocks=True)
    assert reuse.compiled_templates(tmp_path, plain).directory != reuse.compiled_templates(tmp_path, trimmed).directory
    assert reuse.compiled_templates(tmp_path, plain).directory == reuse.compiled_templates(tmp_path, jinja2.Environment()).directory
