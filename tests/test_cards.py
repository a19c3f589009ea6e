"""Preview cards: the drawing, its determinism, and reuse of a card already on disk."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from generator.cards import HEIGHT, WIDTH, card

INDIGO, WHITE, GREEN = (26, 35, 126), (255, 255, 255), (46, 125, 107)


def drawn(title: str = "Advancing responsible State behaviour in cyberspace") -> Image.Image:
    image = Image.open(io.BytesIO(card("A/RES/73/266 · annotated", title, ["General Assembly"])))
    image.load()
    return image


def test_a_palette_png_of_the_recommended_size() -> None:
    image = drawn()
    assert image.format == "PNG" and image.mode == "P" and image.size == (WIDTH, HEIGHT)
    rgb = image.convert("RGB")
    assert rgb.getpixel((5, 5)) == INDIGO
    assert rgb.getpixel((5, HEIGHT - 5)) == GREEN
    colours = {c for _, c in rgb.crop((80, 150, WIDTH - 80, 230)).getcolors(256) or []}
    assert WHITE in colours  # the title, with anti-aliased shades between it and the background
    assert len(colours) > 4


def test_same_text_same_bytes_other_text_other_pixels() -> None:
    assert card("k", "A title", ["f"]) == card("k", "A title", ["f"])
    a = drawn("A title").convert("RGB").crop((80, 150, 600, 230))
    b = drawn("Another title").convert("RGB").crop((80, 150, 600, 230))
    assert a.tobytes() != b.tobytes()


def test_a_card_on_disk_showing_the_same_is_reused(tmp_path: Path) -> None:
    previous = tmp_path / "card.png"
    previous.write_bytes(card("k", "A title", ["f"]))
    marked = previous.read_bytes()
    assert card("k", "A title", ["f"], previous) == marked
    previous.write_bytes(marked[:-20] + b"tampered" + marked[-12:])  # same fingerprint chunk, other bytes
    assert card("k", "A title", ["f"], previous) == previous.read_bytes()
    assert card("k", "Another title", ["f"], previous) != previous.read_bytes()
