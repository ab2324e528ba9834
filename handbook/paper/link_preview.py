"""Link previews: the addresses and the picture chat tools and learning platforms show for a page.

Each language has one preview picture, drawn at build time with Pillow from a font on the
machine (DejaVu Sans, which covers the Latin, Turkish, Icelandic and Kazakh Cyrillic letters):
the handbook's name in that language on the theme's indigo. Nothing is fetched from anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from PIL import Image, ImageDraw, ImageFont

from handbook.content.site import Site
from handbook.content.source import DataError

IMAGE = "assets/images/link-preview.png"
SIZE = (1200, 630)
BACKGROUND = (63, 81, 181)  # Material's indigo, the theme's primary colour
TEXT = (255, 255, 255)
FONT_FOLDERS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
                Path("/usr/local/share/fonts"), Path("/Library/Fonts"), Path("C:/Windows/Fonts"))


@dataclass(frozen=True)
class LinkPreview:
    """What one page's <head> says about it to link previews and search engines."""

    url: str  # the page's absolute address
    locale: str  # "kk_KZ"
    alternate_locales: tuple[str, ...]
    alternates: tuple[tuple[str, str], ...]  # (language, absolute address of the same page)
    image: str  # absolute address of the language's preview picture
    kind: str  # og:type: "website" for a language's home page, "article" for the others
    width: int = SIZE[0]
    height: int = SIZE[1]


def locale(site: Site, language: str) -> str:
    """Open Graph's language_TERRITORY: the locale of the language's pack."""
    return site.language(language).locale


def page_name(src_uri: str) -> str:
    """"kk/listening.md" -> "listening"."""
    return Path(src_uri).stem


def link_preview(site: Site, site_url: str, language: str, page: str) -> LinkPreview:
    base = site_url if site_url.endswith("/") else site_url + "/"
    return LinkPreview(
        url=urljoin(base, site.page_url(language, page)),
        locale=locale(site, language),
        alternate_locales=tuple(locale(site, other) for other in site.languages if other != language),
        alternates=tuple((other, urljoin(base, site.page_url(other, page))) for other in site.languages),
        image=urljoin(base, site.root(language) + IMAGE),
        kind="website" if page == "index" else "article",
    )


def find_font(name: str = "DejaVuSans-Bold.ttf") -> Path:
    for folder in FONT_FOLDERS:
        if (folder / name).is_file():
            return folder / name
    raise DataError("link preview picture", None, f"the font {name} was not found in {', '.join(map(str, FONT_FOLDERS))}",
                    "install DejaVu Sans (Debian: apt-get install fonts-dejavu-core)")


def _lines(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def draw_preview(title: str, target: Path, font_file: Path | None = None) -> None:
    """Write a PNG of `title` in large white letters on indigo, wrapped to fit, to `target`."""
    font_file = font_file or find_font()
    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    margin = 90
    for size in range(96, 40, -4):  # the largest size at which the name fits in four lines
        font = ImageFont.truetype(str(font_file), size)
        lines = _lines(draw, title, font, SIZE[0] - 2 * margin)
        if len(lines) <= 4 and all(draw.textlength(line, font=font) <= SIZE[0] - 2 * margin for line in lines):
            break
    step = int(size * 1.25)
    top = (SIZE[1] - step * len(lines)) // 2
    for number, line in enumerate(lines):
        draw.text((margin, top + number * step), line, font=font, fill=TEXT)
    draw.rectangle((margin, SIZE[1] - 70, margin + 160, SIZE[1] - 58), fill=TEXT)
    target.parent.mkdir(parents=True, exist_ok=True)
    image.save(target, "PNG", optimize=True)
