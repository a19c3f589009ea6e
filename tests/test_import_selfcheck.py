"""Self-check against the UN's XML: importing an official PDF gives the structure and, paragraph
by paragraph, the words that importing its Akoma Ntoso XML gives (tests/fixtures/pdf/)."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator import store
from generator.akn import import_akn
from generator.build import build
from generator.cite import cite_resolution
from generator.cli import main
from generator.importer import import_file
from generator.importer.selfcheck import compare, outline
from generator.model import Localised, Resolution
from generator.project import project_from_config

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
PAIRS = {
    "A_RES_78_16": FIXTURES / "akn" / "A-RES-78-16" / "en.xml",
    "A_RES_80_16": FIXTURES / "pdf" / "A_RES_80_16.en.xml",
    "A_RES_78_7": FIXTURES / "pdf" / "A_RES_78_7.en.xml",
}


def from_xml(path: Path) -> Resolution:
    return import_akn([(str(path), path.read_bytes())]).resolution


@pytest.mark.parametrize("name", PAIRS)
def test_the_pdf_imports_as_its_xml(name: str) -> None:
    result = import_file(FIXTURES / "pdf" / f"{name}.pdf")
    comparison = compare(from_xml(PAIRS[name]), result.resolution)
    assert comparison.differences == ()
    assert comparison.exact
    assert result.resolution.unplaced == ()
    assert result.warnings == ()


def test_the_2023_layout_is_placed() -> None:
    r = import_file(FIXTURES / "pdf" / "A_RES_78_16.pdf").resolution
    assert r.masthead is not None and r.masthead.agenda_item is not None
    assert r.masthead.agenda_item.text == "94"
    assert r.masthead.agenda_item.title.pick("en") == (
        "Developments in the field of information and telecommunications in the context of international security"
    )
    assert r.adoption is not None and r.adoption.date == date(2023, 12, 4)
    assert r.adoption.text.pick("en") == "Resolution adopted by the General Assembly on 4 December 2023"
    assert r.closing is not None and r.closing.meeting.pick("en") == "42nd plenary meeting"
    # The running header (short title over three lines, then the symbol) is in no paragraph.
    texts = " ".join(i.words for i in outline(r))
    assert "A/RES/78/16" not in texts
    assert len(r.preamble) == 21 and len(r.operative) == 5


def test_the_comparison_finds_a_difference() -> None:
    """A self-check that cannot fail would prove nothing: one changed word, one lost paragraph."""
    xml = from_xml(PAIRS["A_RES_80_16"])
    pdf = import_file(FIXTURES / "pdf" / "A_RES_80_16.pdf").resolution
    first = pdf.operative[0]
    changed = replace(pdf, operative=(replace(first, text=Localised.one("en", "to do otherwise;")), *pdf.operative[1:]))
    c = compare(xml, changed)
    assert c.same_structure and c.same_words == c.paragraphs - 1 and not c.exact
    assert any(d.startswith("op-1: words differ") for d in c.differences)
    c = compare(xml, replace(pdf, operative=pdf.operative[:-1]))
    assert not c.same_structure and not c.exact


def test_a_draft_imports_with_its_own_symbol() -> None:
    r = import_file(FIXTURES / "pdf" / "A_C.1_80_L.20.pdf").resolution
    assert (r.symbol, r.kind, r.body, r.slug, r.url_path) == (
        "A/C.1/80/L.20",
        "draft",
        "General Assembly",
        "A-C-1-80-L-20",
        "A/C.1/80/L.20",
    )
    assert r.title.pick("en").startswith("Open-ended working group on security of and in the use of")
    assert r.adoption is not None and r.adoption.text.pick("en") == "Singapore: draft resolution"
    assert r.adoption.date is None and r.closing is None
    assert r.committee is not None and r.committee.name == "First Committee"
    # The draft that became A/RES/80/16: the same paragraphs.
    adopted = from_xml(PAIRS["A_RES_80_16"])
    assert [(i.kind, i.label) for i in outline(r)] == [(i.kind, i.label) for i in outline(adopted)]
    assert r.unplaced == ()
    assert cite_resolution(r).oscola == "UNGA Draft Res (n.d.) UN Doc A/C.1/80/L.20"


def test_the_draft_through_the_command_line(tmp_path: Path) -> None:
    """``python -m generator import A_C.1_80_L.20.pdf`` writes resolutions/A-C-1-80-L-20/, whose
    resolution.yaml says it is a draft, valid against the schema, and reads back the same."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    assert main(["--config", str(tmp_path / "mkdocs.yml"), "import", str(FIXTURES / "pdf" / "A_C.1_80_L.20.pdf")]) == 0
    folder = tmp_path / "resolutions" / "A-C-1-80-L-20"
    assert sorted(p.name for p in folder.iterdir()) == ["resolution.yaml", "source.pdf"]
    data = yaml.safe_load((folder / "resolution.yaml").read_text("utf-8"))
    assert (data["symbol"], data["kind"]) == ("A/C.1/80/L.20", "draft")
    assert store.schema_errors(data) == []
    assert store.load_resolution(folder / "resolution.yaml").kind == "draft"


def test_the_draft_and_a_decision_get_their_pages(core_copy: Path) -> None:
    """Imported into the site, a draft and a decision have pages at their symbols, named as
    what they are, and a draft's title is printed without a number."""
    for path in (FIXTURES / "pdf" / "A_C.1_80_L.20.pdf", FIXTURES / "forms" / "decision.txt"):
        assert main(["--config", str(core_copy), "import", str(path)]) == 0
    project = project_from_config(core_copy)
    build(project)
    draft = (project.docs_dir / "A/C.1/80/L.20/index.md").read_text("utf-8")
    assert "General Assembly draft resolution A/C.1/80/L.20" in draft
    assert '<p class="ar-title"><strong>Open-ended working group' in draft
    assert "Draft resolution: a text under negotiation, not an adopted text." in draft
    decision = (project.docs_dir / "A/DEC/73/546/index.md").read_text("utf-8")
    assert "General Assembly decision 73/546" in decision
    assert "ar-draft-note" not in decision
