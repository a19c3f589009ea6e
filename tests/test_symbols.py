"""The UN symbol grammar (generator/symbols.py): what may become a page's path."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.paths import path_problem
from generator.render import page_path
from generator.symbols import is_document_symbol, is_draft_symbol, is_resolution_symbol, resolution_symbol_problem

ROOT = Path(__file__).resolve().parent.parent

RESOLUTIONS = [
    "A/RES/73/266",
    "A/RES/ES-11/4",
    "A/RES/S-27/2",
    "A/RES/75/257 B",
    "A/RES/74/250 A-B",
    "A/RES/79/252A-B",
    "A/RES/2625(XXV)",
    "A/RES/2625 (XXV)",
    "S/RES/1590(2005)",
    "S/RES/1590 (2005)",
    "E/RES/2020/1",
    "E/RES/1296(XLIV)",
    "A/HRC/RES/47/16",
    "A/HRC/RES/S-30/1",
    "A/DEC/73/546",
    "E/DEC/2020/201",
    "A/HRC/DEC/52/115",
]
DOCUMENTS = [
    "A/70/174",
    "A/C.1/80/L.20",
    "A/C.1/74/L.49/Rev.1",
    "A/74/PV.46",
    "A/ES-11/L.2/Add.1",
    "S/PRST/2006/5",
    "A/AC.105/1180",
    "ST/SGB/2019/8",
]
REFUSED = [
    "A/../../../x",
    "A/RES/73/266/../../../../x",
    "A/RES/73/266/",
    "/A/RES/73/266",
    "A//RES/73/266",
    "A/RES/./73/266",
    "A\\RES\\73\\266",
    "A/RES/73/266\n",
    "A/RES/73/266\x00",
    " A/RES/73/266",
    "A/RES/73/266  B",
    "a/res/73/266",
    "A/RES/073/266",
    "A/RES/73/266/index.md",
    "A∕RES∕73∕266",
    "A/RES/73/266%2F..",
    "A/RES/" + "1" * 100 + "/1",
    "",
]


@pytest.mark.parametrize("symbol", RESOLUTIONS)
def test_resolution_symbols_are_accepted(symbol: str) -> None:
    assert is_resolution_symbol(symbol) and is_document_symbol(symbol)
    assert resolution_symbol_problem(symbol) == ""
    assert path_problem(page_path(symbol)) == ""


@pytest.mark.parametrize("symbol", DOCUMENTS)
def test_other_documents_are_document_symbols_only(symbol: str) -> None:
    assert is_document_symbol(symbol) and not is_resolution_symbol(symbol)


DRAFTS = ["A/C.1/80/L.20", "A/C.1/74/L.49/Rev.1", "A/78/L.5", "A/ES-11/L.2", "A/HRC/54/L.12", "E/2023/L.12"]


@pytest.mark.parametrize("symbol", DRAFTS)
def test_drafts_may_have_a_page(symbol: str) -> None:
    """A draft (kind ``draft``) is published under its own symbol: accepted, a safe path."""
    assert is_draft_symbol(symbol) and is_document_symbol(symbol) and not is_resolution_symbol(symbol)
    assert resolution_symbol_problem(symbol) == ""
    assert path_problem(page_path(symbol)) == ""


@pytest.mark.parametrize(
    "symbol", ["A/ES-11/L.2/Add.1", "A/C.1/80/L.20/../x", "A/C.9/80/L.20", "A/80/L.20 ", "A/C.1/80/L.020"]
)
def test_what_is_not_a_draft(symbol: str) -> None:
    assert not is_draft_symbol(symbol)


@pytest.mark.parametrize("symbol", REFUSED)
def test_anything_else_is_refused(symbol: str) -> None:
    assert not is_resolution_symbol(symbol) and not is_draft_symbol(symbol)
    assert resolution_symbol_problem(symbol)
    if symbol not in ("A/RES/073/266", "A/RES/73/266/index.md"):  # shaped like other documents' symbols
        assert not is_document_symbol(symbol)


def test_a_symbol_that_is_no_text_is_refused() -> None:
    assert "must be text" in resolution_symbol_problem(["A/RES/1/1"])


def test_every_resolution_on_the_site_has_a_valid_symbol() -> None:
    files = sorted((ROOT / "resolutions").glob("*/resolution.yaml"))
    assert files
    for path in files:
        data = yaml.safe_load(path.read_text("utf-8"))
        symbol, kind = data["symbol"], data.get("kind", "resolution")
        assert is_draft_symbol(symbol) if kind == "draft" else is_resolution_symbol(symbol), (path, symbol)


def test_no_accepted_symbol_leaves_docs() -> None:
    """Whatever the grammar accepts is a plain relative path (checked on many generated forms)."""
    numbers = ["0", "1", "73", "99999"]
    for a in numbers:
        for b in numbers:
            for symbol in (f"A/RES/{a}/{b}", f"A/RES/ES-{a}/{b} B", f"S/RES/{a}({b.zfill(4)[:4]})"):
                if is_resolution_symbol(symbol):
                    assert path_problem(page_path(symbol)) == "", symbol
