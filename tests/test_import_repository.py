"""The structured resolutions in resolutions/ are what the importer makes of the sources kept
beside them (a maintainer's hand correction would show up here as a difference to review)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from generator import store
from generator.akn import import_akn
from generator.importer import import_file
from tests.conftest import ROOT

FOLDERS = sorted(p.parent for p in (ROOT / "resolutions").glob(f"*/{store.DATA_FILE}"))


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_structured_resolution_is_the_import_of_its_source(folder: Path) -> None:
    committed = store.load_resolution(folder / store.DATA_FILE)
    for s in committed.sources:
        assert (folder / s.file).exists(), f"{s.file} is missing beside {store.DATA_FILE}"
    fmt = committed.source.format
    if fmt == "akn":  # the Akoma Ntoso files of every language
        imported = import_akn(
            [(str(folder / s.file), (folder / s.file).read_bytes()) for s in committed.sources]
        ).resolution
    else:
        imported = import_file(folder / committed.source.file, fmt, committed.symbol).resolution  # type: ignore[arg-type]
    # A fresh import cannot reproduce the import date, nor the title a maintainer gave a text that
    # prints none (the import keeps it: see test_import_cli.py); nothing else.
    assert imported.descriptive_title == type(imported.descriptive_title)()
    dates = {s.language: s.imported for s in committed.sources}
    assert (
        replace(
            imported,
            sources=tuple(replace(s, imported=dates[s.language]) for s in imported.sources),
            descriptive_title=committed.descriptive_title,
        )
        == committed
    )


def test_the_corpus_is_in_the_site() -> None:
    names = {f.name for f in FOLDERS}
    assert {"A-RES-73-6", "A-RES-73-7", "A-RES-ES-11-4", "S-RES-1590-2005"} <= names
