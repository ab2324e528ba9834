"""The PDFs of every language, made once per test run as `python3 tasks.py pdf` makes them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from handbook.paper.pdf import FOLDER, file_names
from handbook.content.site import Site
from tests.pdf_text import page_texts
from tests.support import LANGUAGES, Build


def letters(site: Site, language: str) -> str:
    """Letters the language's text cannot do without (its language.yml): a PDF that lost them
    (a font without the glyphs, text in the wrong language) fails."""
    return site.language(language).letters


def common_words(site: Site, language: str) -> set[str]:
    """Common words of a language (its language.yml), to tell the text's language apart."""
    return set(site.language(language).common_words)


def pdf_of(build: Build, site: Site, language: str, card: bool = False) -> Path:
    return site.folder(build.site, language) / FOLDER / file_names(language)[1 if card else 0]


def words_of(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pdf_has_a_cover_contents_with_page_numbers_and_bookmarks(pdf_build: Build, site: Site, language: str) -> None:
    reader = PdfReader(pdf_of(pdf_build, site, language))
    print_page = (site.folder(pdf_build.site, language) / "print" / "index.html").read_text(encoding="utf-8")
    title = re.search(r'<p class="hb-cover__name">(.*?)</p>', print_page).group(1)
    texts = page_texts(pdf_of(pdf_build, site, language))
    assert title in " ".join(texts[0].split())
    contents = texts[1]
    chapters = re.findall(r'<section class="hb-chapter"[^>]*>\s*<h1 id="[^"]+">(.*?)</h1>', print_page, re.S)
    assert len(chapters) >= 10
    numbered = re.findall(r"(\d+)\s*$", contents, re.M)
    assert len(numbered) >= 10, f"the contents show no page numbers:\n{contents[:500]}"
    assert [int(n) for n in numbered] == sorted(int(n) for n in numbered)
    assert int(numbered[-1]) <= len(reader.pages)
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline[:len(chapters)] == [re.sub(r"<[^>]+>", "", c).strip() for c in chapters]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pdf_footer_has_the_name_and_page_numbers(pdf_build: Build, site: Site, language: str) -> None:
    reader = PdfReader(pdf_of(pdf_build, site, language))
    name = reader.metadata.title
    total = len(reader.pages)
    for number in (2, total // 2, total):
        text = page_texts(pdf_of(pdf_build, site, language))[number - 1]
        assert name in text and f"{number} / {total}" in text, (language, number, text[-200:])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pdf_embeds_its_fonts_and_its_text_is_in_its_language(pdf_build: Build, site: Site, language: str) -> None:
    reader = PdfReader(pdf_of(pdf_build, site, language))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)["/FontDescriptor"]
            fonts[str(font["/BaseFont"])] = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), f"fonts not embedded: {[f for f, e in fonts.items() if not e]}"
    text = "\n".join(page_texts(pdf_of(pdf_build, site, language)))
    assert not [letter for letter in letters(site, language) if letter not in text], "letters missing from the text"
    found = words_of(text)
    assert common_words(site, language) <= found
    for other in site.languages:
        if other not in (language, site.default):  # English names and addresses appear everywhere
            assert not common_words(site, other) <= found, f"the {language} PDF reads like {other}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_links_in_the_pdf_work_and_show_their_web_address(pdf_build: Build, site: Site, language: str) -> None:
    reader = PdfReader(pdf_of(pdf_build, site, language))
    uris, internal = [], 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            if action and "/URI" in action:
                uris.append(str(action["/URI"]))
            elif "/Dest" in annotation or (action and "/D" in action):
                internal += 1
    assert internal > 50, "the contents and cross-references are not clickable"
    tool = site.page_url(language, "decision-tool")
    assert any(uri.endswith(f"/{tool}#red-flags") for uri in uris)  # the tool's first question
    text = re.sub(r"\s+", "", "".join(page_texts(pdf_of(pdf_build, site, language))))
    listening = site.page_url(language, "listening") + "#listen-without-interrupting"
    assert f"/{listening}" in text, "a cross-reference does not print its web address"


@pytest.mark.parametrize("language", ["tr", "kk", "is", "pt", "en"])
def test_the_pdf_hyphenates_in_its_language(pdf_build: Build, site: Site, language: str) -> None:
    text = "\n".join(page_texts(pdf_of(pdf_build, site, language))[3:12])
    broken = re.findall(r"(\w+)\u2010\n(\w+)", text)  # the hyphen the PDF adds where it breaks a word
    assert len(broken) >= 3, f"no word of the {language} text is hyphenated at a line end"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_quick_card_is_one_page_and_the_home_page_links_the_pdfs_with_their_size(
        pdf_build: Build, site: Site, language: str) -> None:
    card = PdfReader(pdf_of(pdf_build, site, language, card=True))
    assert len(card.pages) == 1
    home = (site.folder(pdf_build.site, language) / "index.html").read_text(encoding="utf-8")
    for name in file_names(language):
        link = re.search(rf'<[a-z]+ data-hb-pdf="{re.escape(name)}">.*?href="({FOLDER}/{re.escape(name)})".*?'
                         rf'<span data-hb-size="{re.escape(name)}">\((\d+(?:[.,]\d)?\s(?:kB|MB|КБ|МБ))\)</span>', home, re.S)
        assert link, f"{language} home page: no visible link to {name} with its size"
        assert (site.folder(pdf_build.site, language) / link.group(1)).is_file()


def test_the_build_shows_progress_per_language_and_every_path_it_wrote(pdf_build: Build, site: Site) -> None:
    for number, language in enumerate(site.languages, 1):
        assert f"PDFs, {language} ({number} of {len(site.languages)})" in pdf_build.output
        for card in (False, True):
            written = pdf_of(pdf_build, site, language, card)
            assert f"PDF written: {written.as_posix()} ({written.stat().st_size:,} bytes)" in pdf_build.output
