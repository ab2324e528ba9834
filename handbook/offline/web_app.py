"""Add to home screen: each language's web app manifest, and the app icon drawn at build time.

A reader who adds the handbook to a phone's home screen gets it under its name in their
language, opening at their language's home page (`start_url` and `scope` are that language's
folder). The icon is drawn with Pillow, nothing fetched: a white speech bubble on the theme's
indigo, filling the square so that launchers may cut it to any shape ("maskable").
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from PIL import Image, ImageDraw

from handbook.paper.link_preview import BACKGROUND

MANIFEST = "manifest.webmanifest"
ICON_SIZES = (192, 512)
THEME_COLOR = "#{:02x}{:02x}{:02x}".format(*BACKGROUND)


def icon_path(size: int) -> str:
    """The icon's address relative to the site root."""
    return f"assets/images/app-icon-{size}.png"


def manifest(*, language: str, root: str, name: str, short_name: str, description: str) -> dict:
    """The manifest of the language whose pages are under `root` ("" or "kk/"); its addresses
    are relative to the manifest, which lives in that folder."""
    to_site = posixpath.relpath(".", root or ".")
    return {
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": language,
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOR,
        "icons": [{"src": posixpath.normpath(posixpath.join(to_site, icon_path(size))),
                   "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any maskable"}
                  for size in ICON_SIZES],
    }


def draw_icon(size: int, target: Path) -> None:
    """Write the app icon as a `size` × `size` PNG: a speech bubble with two lines of text."""
    scale = 4  # drawn large and scaled down, for smooth edges
    side = size * scale
    image = Image.new("RGB", (side, side), BACKGROUND)
    draw = ImageDraw.Draw(image)
    unit = side / 100  # the bubble stays inside the middle 80 %, the safe zone of a maskable icon
    white = (255, 255, 255)
    draw.rounded_rectangle((22 * unit, 26 * unit, 78 * unit, 66 * unit), radius=8 * unit, fill=white)
    draw.polygon([(34 * unit, 64 * unit), (34 * unit, 78 * unit), (48 * unit, 64 * unit)], fill=white)
    for top, right in ((37, 68), (49, 58)):
        draw.rounded_rectangle((32 * unit, top * unit, right * unit, (top + 5) * unit), radius=2.5 * unit,
                               fill=BACKGROUND)
    target.parent.mkdir(parents=True, exist_ok=True)
    image.resize((size, size), Image.LANCZOS).save(target, "PNG", optimize=True)
