"""Synthetic resolution folders for the vote tests: a real structured resolution under another symbol."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from generator import store
from generator.model import Localised

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "votes"
TEMPLATE = ROOT / "resolutions" / "A-RES-ES-11-4" / store.DATA_FILE


def add_resolution(resolutions_dir: Path, symbol: str, title: str, adopted: date) -> Path:
    """Write a resolution folder for ``symbol`` (the text of ES-11/4 under that symbol); return it."""
    res = store.load_resolution(TEMPLATE)
    number = symbol.removeprefix("A/RES/")
    assert res.adoption is not None
    res = replace(
        res,
        symbol=symbol,
        number=number,
        title=Localised.one("en", title),
        adoption=replace(res.adoption, date=adopted, text=Localised.one("en", f"Resolution adopted on {adopted}")),
    )
    return store.save(resolutions_dir, res, b"synthetic\n")


def fixture_files(*names: str) -> list[Path]:
    """Fixture files by their path under tests/fixtures/votes (all of them when none is named)."""
    if names:
        return [FIXTURES / n for n in names]
    return sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".json", ".csv", ".xml"))
