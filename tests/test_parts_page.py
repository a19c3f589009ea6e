"""Embedded texts, annexes and unplaced blocks reach the page, in order, with their anchors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import store
from generator.model import Resolution, strip_notes
from tests.conftest import copy_project
from tests.site_server import build_site
from tests.test_import_structures import ANNEXES, DECLARATION, GA_HEAD, load
from tests.test_site import page_text

UNPLACED = GA_HEAD + (
    "\n1. Decides to test;\n\nActing under Chapter VII of the Charter,\n\n2. Requests a report.\n\n"
    "65th plenary meeting\n20 December 2019\n\nSigned: the Secretariat\n"
)


def words_in_order(text: str, res: Resolution) -> None:
    """Every paragraph in document order; part titles and unplaced blocks somewhere on the page."""
    position = 0
    for piece in [p.wording("en") for p in res.all_paragraphs()]:
        pattern = r"(?:\s*[0-9]+)?\s*".join(re.escape(w) for w in strip_notes(piece).split())
        m = re.compile(pattern).search(text, position)
        assert m, f"not on the page in order: {piece[:60]}"
        position = m.end()
    for piece in [*(part.title.pick("en") for part in res.parts()), *(u.text for u in res.unplaced)]:
        assert " ".join(strip_notes(piece).split()) in text


@pytest.mark.parametrize(
    ("source", "anchors"),
    [
        (DECLARATION, ["op-1-text", "op-1-text-i", "op-1-text-t1", "op-1-text-1", "op-1-text-1-a", "op-1-text-3"]),
        (ANNEXES, ["annex", "annex-1", "annex-1-b", "annex-ii", "annex-ii-t1"]),
        (UNPLACED, ["unplaced-1", "unplaced-2", "op-2"]),
    ],
)
def test_parts_are_on_the_page(tmp_path: Path, source: str, anchors: list[str]) -> None:
    config = copy_project(tmp_path)
    res, _ = load(source)
    store.save(tmp_path / "resolutions", res, source.encode("utf-8"))
    result = build_site(config)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/A/RES/99/1/index.html").read_text("utf-8")
    for anchor in anchors:
        assert f'id="{anchor}"' in html, anchor
    words_in_order(page_text(html), res)
    if source is UNPLACED:
        assert "Text the importer could not place (source line" in html
        assert html.index('id="unplaced-1"') < html.index('id="op-2"')
        assert html.index('id="closing"') < html.index('id="unplaced-2"')
