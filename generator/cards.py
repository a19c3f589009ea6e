"""Preview images (1200×630 PNG) shown when a page is shared: the site's, and one per resolution.

Drawn with Pillow and its built-in font, so they need no network and no font on the machine;
the same inputs give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont, PngImagePlugin

WIDTH, HEIGHT = 1200, 630
VERSION = 3
"""Bump when the drawing changes, so that cards are drawn again."""
_INDIGO = (26, 35, 126)
_GREEN = (46, 125, 107)
_WHITE = (255, 255, 255)
_PALE = (197, 202, 233)
_LEVELS = 7
"""Shades of anti-aliasing per text colour (index 0 is the background, 15 the bar)."""


def _blend(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> list[int]:
    return [round(x + (y - x) * t) for x, y in zip(a, b, strict=True)]


def _levels(first: int) -> list[int]:
    """Coverage 0-255 -> palette index: 0 for none, else ``first`` .. ``first + _LEVELS - 1``."""
    return [0 if c == 0 else first + min(_LEVELS - 1, c * _LEVELS // 256) for c in range(256)]


_PALE_LEVELS = _levels(1)
_TITLE_LEVELS = _levels(1 + _LEVELS)
_BAR = 1 + 2 * _LEVELS
_PALETTE = [
    *_INDIGO,
    *(v for k in range(1, _LEVELS + 1) for v in _blend(_INDIGO, _PALE, k / _LEVELS)),
    *(v for k in range(1, _LEVELS + 1) for v in _blend(_INDIGO, _WHITE, k / _LEVELS)),
    *_GREEN,
]


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _wrap(
    draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: int
) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def card(kicker: str, title: str, footer: Iterable[str], previous: Path | None = None) -> bytes:
    """A card: a small line above, the title wrapped (at most 4 lines), footer lines below.

    Drawing and compressing a card costs tens of milliseconds; the PNG records a fingerprint of
    what it shows, so a ``previous`` card showing the same is returned as it is.
    """
    footer = list(footer)
    key = hashlib.sha256(repr((VERSION, kicker, title, footer)).encode("utf-8")).hexdigest()
    marker = f"ar-card\x00{key}".encode("latin-1")
    if previous is not None:
        try:
            old = previous.read_bytes()
        except OSError:
            old = b""
        if marker in old[:512]:
            return old
    # Text is drawn as coverage masks (one per text colour), which a lookup table turns into
    # indexes of a 16-colour palette: the anti-aliased card, without quantising an RGB image.
    title_mask = Image.new("L", (WIDTH, HEIGHT), 0)
    pale_mask = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(title_mask)
    pale = ImageDraw.Draw(pale_mask)
    pale.text((80, 70), kicker, font=_font(36), fill=255)
    title_font = _font(58)
    lines = _wrap(draw, title, title_font, WIDTH - 160)
    if len(lines) > 4:
        lines = [*lines[:3], lines[3] + " …"]
    y = 150
    for line in lines:
        draw.text((80, y), line, font=title_font, fill=255)
        y += 72
    y = HEIGHT - 60 - 44 * len(footer)
    for line in footer:
        pale.text((80, y), line, font=_font(32), fill=255)
        y += 44
    indexes = ImageChops.lighter(title_mask.point(_TITLE_LEVELS), pale_mask.point(_PALE_LEVELS))
    indexes.paste(_BAR, (0, HEIGHT - 18, WIDTH, HEIGHT))
    image = Image.frombytes("P", (WIDTH, HEIGHT), indexes.tobytes())
    image.putpalette(_PALETTE)
    info = PngImagePlugin.PngInfo()
    info.add_text("ar-card", key)
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=6, pnginfo=info)
    return out.getvalue()
