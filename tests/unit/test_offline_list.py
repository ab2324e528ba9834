"""The offline list of a language (handbook/offline/worker.py): its pages and the local files they load."""

from __future__ import annotations

from pathlib import Path

from handbook.content.site import Site
from handbook.offline.worker import language_files


def test_a_language_keeps_its_pages_and_the_files_they_name_in_href_and_src_only(tmp_path: Path, site: Site) -> None:
    folder = tmp_path / "site" / site.root(site.languages[1])
    (folder / "page").mkdir(parents=True)
    (folder / "page" / "index.html").write_text(
        '<link href="../style.css?v=1"><img src="picture.png"><img data-src="lazy.png">'
        '<a xhref="../not.css">x</a><a href="https://example.org/far.css">x</a><a href="../other/">x</a>',
        encoding="utf-8")
    for name in ("style.css", "page/picture.png", "page/lazy.png", "not.css", "other/index.html"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("x", encoding="utf-8")
    root = site.root(site.languages[1])
    assert language_files(tmp_path / "site", site, site.languages[1]) == sorted(
        [f"{root}other/", f"{root}page/", f"{root}page/lazy.png", f"{root}page/picture.png", f"{root}style.css"])
