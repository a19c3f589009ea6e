"""The PDF reader on PDFs made for the test (tests/fixtures/pdfmaker.py), laid out as the UN lays
out its resolutions: what fonts and positions tell (italic phrases, raised markers, paragraph
starts, page furniture) and what a PDF without text gets."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from generator.errors import UnstructurableTextError
from generator.importer import SourceFile, import_source
from generator.importer.pdf import read_pdf
from generator.importer.read import detect_format
from generator.model import Resolution
from tests.fixtures.pdfmaker import B, I, R, Run, line, make_pdf, sup

SYMBOL = "S/RES/2999 (2030)"

PAGE_1 = [
    line(123.4, 734.2, R("United Nations", 14)),
    line(480.0, 735.5, R(SYMBOL)),
    line(123.4, 705.6, B("Security Council", 20)),
    line(397.0, 705.3, "Distr.: General"),
    line(397.0, 693.6, "2 January 2030"),
    line(123.4, 650.0, B("Resolution 2999 (2030)", 12)),
    line(123.4, 630.0, "Adopted by the Security Council at its 9999th meeting, on"),
    line(123.4, 618.0, "2 January 2030"),
    line(147.1, 590.0, I("The Security Council,")),
    line(147.1, 572.0, I("Recalling"), " its resolution 2998 (2029) and the statement by its President of"),
    line(123.4, 560.0, "1 December 2029,", sup("1"), " and reaffirming its commitment to the sovereignty"),
    line(123.4, 548.0, "of the country,"),
    line(147.1, 530.0, I("Deeply concerned"), " by the situation, and ", I("noting"), " the report of the Secretary-"),
    line(123.4, 518.0, "General,", sup("2")),
    line(147.1, 500.0, I("Acting under Chapter VII of the Charter of the United Nations"), ","),
    line(147.1, 482.0, "1.   ", I("Decides"), " that the mission shall:"),
    line(171.0, 464.0, "(a)   To monitor the ceasefire, in particular:"),
    line(195.0, 446.0, "(i)   along the border;"),
    line(195.0, 428.0, "(ii)   in the capital;"),
    line(171.0, 410.0, "(b)   To support the elections, whose preparations the Council"),
    line(123.4, 398.0, "welcomes,", sup("1"), " and to report;"),
    line(147.1, 380.0, "2.   ", I("Requests"), " the Secretary-General to report on the implementation of this"),
    line(123.4, 368.0, "resolution and on the situation in the region, including the humanitarian"),
    line(99.6, 100.0, B("__________________", 8)),
    line(117.0, 88.2, Run("1", "R", 5.5, rise=3.0)),
    line(123.4, 88.2, R("S/PRST/2029/1.", 8.5)),
    line(117.0, 77.2, Run("2", "R", 5.5, rise=3.0)),
    line(123.4, 77.2, R("S/2029/100.", 8.5)),
    line(65.4, 44.4, "30-00001 (E)    020130"),
    line(65.4, 29.8, R("*3000001*", 12)),
]
PAGE_2 = [
    line(60.0, 733.0, B(SYMBOL, 8.5)),
    line(123.4, 709.7, "situation;"),
    line(147.1, 691.7, "3.   ", I("Decides"), " to remain seized of the matter."),
    line(60.0, 35.0, B("2/2", 8.5)),
    line(524.5, 37.0, R("30-00001", 7)),
]


def load(data: bytes, symbol: str | None = None) -> tuple[Resolution, list[str]]:
    source = SourceFile(Path("made.pdf"), data, "pdf", hashlib.sha256(data).hexdigest())
    result = import_source(source, symbol, "source.pdf")
    return result.resolution, [f"{w.line}: {w.message}" for w in result.warnings]


@pytest.fixture(scope="module")
def made() -> tuple[Resolution, list[str]]:
    return load(make_pdf([PAGE_1, PAGE_2]))


def test_detected_as_a_pdf() -> None:
    assert detect_format(make_pdf([PAGE_2])) == "pdf"


def test_masthead_columns_and_cut_adoption_line(made: tuple[Resolution, list[str]]) -> None:
    r, warnings = made
    assert warnings == []
    assert (r.symbol, r.number, r.body) == ("S/RES/2999(2030)", "2999 (2030)", "Security Council")
    assert r.masthead is not None and r.masthead.distribution is not None
    assert r.masthead.distribution.date == date(2030, 1, 2)
    assert r.adoption is not None and r.adoption.meeting == "9999th meeting"
    assert r.formula == "The Security Council,"
    assert r.source.format == "pdf"


def test_italics_give_the_opening_phrases(made: tuple[Resolution, list[str]]) -> None:
    r, _ = made
    assert [p.phrase for p in r.preamble] == [
        "Recalling",
        "Deeply concerned",
        "Acting under Chapter VII of the Charter of the United Nations",
    ]
    assert r.preamble[1].text == "by the situation, and noting the report of the Secretary-General,[^2]"
    assert [p.phrase for p in r.operative] == ["Decides", "Requests", "Decides"]


def test_raised_digits_are_markers(made: tuple[Resolution, list[str]]) -> None:
    r, _ = made
    assert "1 December 2029,[^1] and reaffirming" in r.preamble[0].text
    notes = {f.number: (f.text, f.cited_by) for f in r.footnotes}
    assert notes == {"1": ("S/PRST/2029/1.", ("pp-1", "op-1-b")), "2": ("S/2029/100.", ("pp-2",))}


def test_indents_and_labels_give_the_structure(made: tuple[Resolution, list[str]]) -> None:
    r, _ = made
    op1 = r.operative[0]
    assert [c.id for c in op1.children] == ["op-1-a", "op-1-b"]
    assert [c.id for c in op1.children[0].children] == ["op-1-a-i", "op-1-a-ii"]
    assert (
        op1.children[1].text == "To support the elections, whose preparations the Council welcomes,[^1] and to report;"
    )


def test_furniture_goes_and_a_paragraph_continues_across_the_page(made: tuple[Resolution, list[str]]) -> None:
    r, _ = made
    assert r.operative[1].text.endswith("in the region, including the humanitarian situation;")
    everything = " ".join(p.full_text for p in r.paragraphs())
    for furniture in ("30-00001", "3000001", "2/2", SYMBOL):
        assert furniture not in everything


def test_lines_numbered_in_reading_order() -> None:
    pages = read_pdf(make_pdf([PAGE_1, PAGE_2]), "made.pdf")
    texts = [ln.text for page in pages for ln in page]
    assert texts[:3] == ["United Nations", SYMBOL, "Security Council"]
    assert [ln.line for page in pages for ln in page] == list(range(1, len(texts) + 1))
    assert "[^1] S/PRST/2029/1." in texts


def test_a_pdf_without_text_is_refused() -> None:
    with pytest.raises(UnstructurableTextError) as exc:
        load(make_pdf([[]]))
    assert "no text layer" in exc.value.problems[0].message


@pytest.mark.parametrize("data", [b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", b"%PDF-1.7\n" + bytes(range(256)) * 4])
def test_a_damaged_pdf_is_refused(data: bytes) -> None:
    with pytest.raises(UnstructurableTextError) as exc:
        load(data)
    assert exc.value.problems[0].message.startswith(("cannot read this PDF", "the PDF has no text layer"))
