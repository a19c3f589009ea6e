"""Round trip through the UN's 2023 PDF layout: AKN text -> PDF typeset as the UN does
(tests/fixtures/unlayout.py) -> PDF importer -> the same structure and words.

``bench/selfcheck.py`` does the same over hundreds of resolutions of the shared corpus; these are
the fixtures' texts, with their footnotes, subparagraphs, long titles ending lines with commas,
page breaks inside paragraphs and running headers of three lines."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from generator.akn import import_akn
from generator.importer import SourceFile, import_source
from generator.importer.pdf import read_pdf
from generator.importer.selfcheck import compare
from tests.fixtures.unlayout import typeset_resolution

AKN = Path(__file__).parent / "fixtures" / "akn"
EXACT = ["A-RES-74-28", "A-RES-76-19", "A-RES-77-36", "A-RES-78-16", "A-RES-78-237", "A-RES-80-4", "A-RES-ES-11-4"]


@pytest.mark.parametrize("name", EXACT)
def test_a_typeset_resolution_imports_as_its_xml(name: str) -> None:
    path = AKN / name / "en.xml"
    xml = import_akn([(str(path), path.read_bytes())]).resolution
    pdf = typeset_resolution(xml)
    pages = read_pdf(pdf, "t.pdf")
    assert len(pages) > 1  # running headers and page breaks are exercised
    result = import_source(SourceFile(Path(f"{name}.pdf"), pdf, "pdf", hashlib.sha256(pdf).hexdigest()))
    comparison = compare(xml, result.resolution)
    assert comparison.differences == ()
    assert result.resolution.unplaced == () and result.warnings == ()
    assert result.resolution.masthead is not None
    agenda = result.resolution.masthead.agenda_item
    if xml.masthead and xml.masthead.agenda_item and xml.masthead.agenda_item.title:
        assert agenda is not None and agenda.title == xml.masthead.agenda_item.title
