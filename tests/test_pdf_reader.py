"""The PDF reader on PDFs made for the test (tests/fixtures/pdfmaker.py), laid out as the UN lays
out its resolutions: what fonts and positions tell (italic phrases, raised markers, paragraph
starts, page furniture) and what a PDF without text gets."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from generator.errors import UnstructurableTextError
from generator.importer import SourceFile, import_source
from generator.importer.pdf import read_pdf
from generator.importer.read import detect_format
from generator.model import Resolution
from tests.fixtures.pdfmaker import B, I, Line, R, Run, S, line, make_pdf, sup
from tests.test_import_properties import Para, check, resolutions

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
    assert r.adoption is not None and r.adoption.meeting.pick("en") == "9999th meeting"
    assert r.formula.pick("en") == "The Security Council,"
    assert r.source.format == "pdf"


def test_italics_give_the_opening_phrases(made: tuple[Resolution, list[str]]) -> None:
    r, _ = made
    assert [p.phrase.pick("en") for p in r.preamble] == [
        "Recalling",
        "Deeply concerned",
        "Acting under Chapter VII of the Charter of the United Nations",
    ]
    assert r.preamble[1].text.pick("en") == "by the situation, and noting the report of the Secretary-General,[^2]"
    assert [p.phrase.pick("en") for p in r.operative] == ["Decides", "Requests", "Decides"]


def test_raised_digits_are_markers(made: tuple[Resolution, list[str]]) -> None:
    r, _ = made
    assert "1 December 2029,[^1] and reaffirming" in r.preamble[0].text.pick("en")
    notes = {f.number: (f.text.pick("en"), f.cited_by) for f in r.footnotes}
    assert notes == {"1": ("S/PRST/2029/1.", ("pp-1", "op-1-b")), "2": ("S/2029/100.", ("pp-2",))}


def test_indents_and_labels_give_the_structure(made: tuple[Resolution, list[str]]) -> None:
    r, _ = made
    op1 = r.operative[0]
    assert [c.id for c in op1.children] == ["op-1-a", "op-1-b"]
    assert [c.id for c in op1.children[0].children] == ["op-1-a-i", "op-1-a-ii"]
    assert (
        op1.children[1].text.pick("en")
        == "To support the elections, whose preparations the Council welcomes,[^1] and to report;"
    )


def test_furniture_goes_and_a_paragraph_continues_across_the_page(made: tuple[Resolution, list[str]]) -> None:
    r, _ = made
    assert r.operative[1].text.pick("en").endswith("in the region, including the humanitarian situation;")
    everything = " ".join(p.wording("en") for p in r.paragraphs())
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


GA_PAGE_1 = [
    line(123.4, 734.2, R("United Nations", 14)),
    line(492.8, 735.5, R("A", 20), R("/RES/99/3")),
    line(123.4, 705.6, B("General Assembly", 20)),
    line(397.0, 705.3, "Distr.: General"),
    line(397.0, 693.6, "18 October 2019"),
    line(60.0, 569.7, B("Seventy-fourth session")),
    line(60.0, 558.1, "Agenda item 3"),
    line(123.4, 525.9, B("Resolution adopted by the General Assembly on", 14)),
    line(123.4, 510.9, B("10 October 2019", 14)),
    line(123.4, 486.1, I("[without reference to a Main Committee (A/74/L.4)]")),
    line(85.1, 461.1, B("99/3.    Political declaration of the high-level meeting of the General", 12)),
    line(123.4, 447.6, B("Assembly on the testing of importers", 12)),
    line(147.1, 420.0, I("The General Assembly")),
    line(147.1, 402.0, I("Adopts"), " the following political declaration approved by the high-level"),
    line(123.4, 390.0, "meeting of the General Assembly on the testing of importers:"),
    line(190.0, 372.0, B("United to test importers: an urgent global response")),
    line(240.0, 360.0, B("to a global problem")),
    line(147.1, 342.0, "We, Heads of State and Government and representatives of States and"),
    line(
        123.4, 330.0, "Governments, recalling the report of the Secretary-General,", sup("1"), " and resolved to test,"
    ),
    line(147.1, 312.0, "1.   ", I("Reaffirm"), " our commitment to test every importer by 2030;"),
    line(147.1, 294.0, "2.   ", I("Recognize"), " that tests written first are tests that run;"),
    line(397.3, 250.0, I("24th plenary meeting")),
    line(416.0, 238.0, I("10 October 2019")),
    line(99.6, 100.0, B("__________________", 8)),
    line(117.0, 88.2, Run("1", "R", 5.5, rise=3.0)),
    line(123.4, 88.2, R("A/74/1.", 8.5)),
    line(65.4, 44.4, "19-00001 (E)    181019"),
    line(65.4, 29.8, R("*1900001*", 12)),
]
GA_PAGE_2 = [
    line(60.0, 733.0, B("A/RES/99/3", 8.5)),
    line(290.0, 700.0, B("Annex", 12)),
    line(220.0, 682.0, B("Principles on the testing of importers", 12)),
    line(147.1, 660.0, "1.   Tests are written first;"),
    line(147.1, 642.0, "2.   Tests run fast, and they read the official PDF, its text layer and"),
    line(123.4, 630.0, "any Markdown rendering of it."),
    line(60.0, 37.0, R("19-00001", 7)),
    line(540.9, 35.0, B("2/2", 8.5)),
]


def test_a_general_assembly_pdf_with_a_declaration_and_an_annex() -> None:
    r, warnings = load(make_pdf([GA_PAGE_1, GA_PAGE_2]))
    assert warnings == []
    assert (r.symbol, r.number, r.adoption_date) == ("A/RES/99/3", "99/3", date(2019, 10, 10))
    assert r.title.pick("en") == (
        "Political declaration of the high-level meeting of the General Assembly on the testing of importers"
    )
    assert r.masthead is not None and r.masthead.session is not None and r.masthead.session.number == 74
    assert r.committee is not None and r.committee.reports == ("A/74/L.4",)
    assert r.formula.pick("en") == "The General Assembly"
    (op,) = r.operative
    assert (op.id, op.phrase.pick("en")) == ("op-1", "Adopts")
    assert op.text.pick("en").endswith("on the testing of importers:")
    part = op.embedded
    assert part is not None
    assert part.title.pick("en") == "United to test importers: an urgent global response to a global problem"
    assert [(p.id, p.phrase.pick("en")) for p in part.paragraphs] == [
        ("op-1-text-t1", ""),
        ("op-1-text-1", "Reaffirm"),
        ("op-1-text-2", "Recognize"),
    ]
    assert r.footnotes[0].cited_by == ("op-1-text-t1",)
    assert r.closing is not None and (r.closing.meeting.pick("en"), r.closing.date) == (
        "24th plenary meeting",
        date(2019, 10, 10),
    )
    (annex,) = r.annexes
    assert (annex.id, annex.heading.pick("en"), annex.title.pick("en")) == (
        "annex",
        "Annex",
        "Principles on the testing of importers",
    )
    assert [p.id for p in annex.paragraphs] == ["annex-1", "annex-2"]
    assert annex.paragraphs[1].text.pick("en").endswith("its text layer and any Markdown rendering of it.")


# -- generated resolutions, typeset as the UN typesets them ---------------------------------------------


def typeset(pre: list[Para], ops: list[Para]) -> bytes:
    """A PDF of a generated resolution: 10-point Times, 12-point lines, 6 points between
    paragraphs, first lines indented, italic opening phrases, raised markers, footnotes at the
    bottom of the page of their first marker, running header, page numbers, job number."""
    paragraphs: list[tuple[str, str, str]] = [("", p.phrase, p.text("\x00{n}\x00")) for p in pre]
    for n, p in enumerate(ops, 1):
        paragraphs.append((f"{n}.", p.phrase, p.text("\x00{n}\x00")))
        for label, words, under in p.children:
            paragraphs.append((f"({label})", "", " ".join(words) + ";"))
            paragraphs += [(f"({r})", "", " ".join(w) + ";") for r, w in under]
    pages: list[list[Line]] = [
        [
            line(123.4, 734.2, R("United Nations", 14)),
            line(492.8, 735.5, R("A", 20), R("/RES/99/1")),
            line(123.4, 705.6, B("General Assembly", 20)),
            line(397.0, 705.3, "Distr.: General"),
            line(397.0, 693.6, "3 January 2020"),
            line(123.4, 525.9, B("Resolution adopted by the General Assembly on 20 December 2019", 14)),
            line(85.1, 461.1, B("99/1.    Testing the importer", 12)),
            line(147.1, 430.0, I("The General Assembly,")),
        ]
    ]
    notes: list[list[int]] = [[]]
    seen: set[int] = set()
    y = 412.0
    for label, phrase, text in paragraphs:
        words = text.split()
        rows: list[list[str]] = [[]]
        for word in words:
            if len(" ".join([*rows[-1], word])) > (70 if len(rows) == 1 else 80):
                rows.append([])
            rows[-1].append(word)
        for i, row in enumerate(rows):
            if y < 120:
                pages.append([line(60.0, 733.0, B("A/RES/99/1", 8.5))])
                notes.append([])
                y = 709.7
            runs: list[Run | str] = []
            if i == 0:
                runs += [f"{label}   "] if label else []
                runs += [I(phrase), " "] if phrase else []
            for part_no, part in enumerate(" ".join(row).split("\x00")):
                if part_no % 2:
                    runs.append(sup(part))
                    if int(part) not in seen:
                        seen.add(int(part))
                        notes[-1].append(int(part))
                elif part:
                    runs.append(part)
            pages[-1].append(line(147.1 if i == 0 else 123.4, y, *runs))
            y -= 12
        y -= 6
    if y - 36 < 120:  # the closing formula stays above the footnotes
        pages.append([line(60.0, 733.0, B("A/RES/99/1", 8.5))])
        notes.append([])
        y = 709.7
    pages[-1] += [line(397.3, y - 24, I("10th plenary meeting")), line(416.0, y - 36, I("20 December 2019"))]
    total = len(pages)
    for number, (page, page_notes) in enumerate(zip(pages, notes, strict=True), 1):
        if page_notes:
            page.append(line(99.6, 100.0, B("__________________", 8)))
            for k, n in enumerate(page_notes):
                page += [
                    line(117.0, 88.2 - 11 * k, Run(str(n), "R", 5.5, rise=3.0)),
                    line(123.4, 88.2 - 11 * k, R(f"A/99/{n}.", 8.5)),
                ]
        page += [
            line(60.0 if number % 2 else 524.5, 37.0, R("20-00001", 7)),
            line(540.9 if number % 2 else 60.0, 35.0, B(f"{number}/{total}", 8.5)),
        ]
    return make_pdf(pages)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolutions())
def test_generated_resolution_as_a_pdf(doc: tuple[list[Para], list[Para]]) -> None:
    pre, ops = doc
    r, warnings = load(typeset(pre, ops))
    check(r, pre, ops)
    assert warnings == []


def test_a_numeral_opening_a_page_stays_under_its_letter() -> None:
    """Found by the property test above: "(i)" at the top of page 2, set at the column's edge
    under "(e)" whose last line ends page 1. With no line above there is no gap to measure, so
    the wording decides: a label after a finished sentence ("justice;") starts a paragraph."""
    two = ["access", "access"]
    pre = [Para("Recalling", list(two), ",") for _ in range(3)]
    children = [
        ("a", two, []),
        ("b", two, [("i", two)]),
        ("c", two, [("i", two), ("ii", two)]),
        ("d", ["access"] * 11, [("i", two), ("ii", two), ("iii", two)]),
        ("e", ["access"] * 9 + ["justice"], [("i", two)]),
    ]
    ops = [Para("Decides", list(two), ":", children=children)]
    data = typeset(pre, ops)
    pages = read_pdf(data, "made.pdf")
    assert len(pages) == 2 and any(line.text == "(i) access access;" for line in pages[1])
    r, warnings = load(data)
    check(r, pre, ops)
    assert [c.label for c in r.operative[0].children[4].children] == ["i"]
    assert warnings == []


def test_a_slanted_roman_reads_as_italic() -> None:
    """Some PDF writers make italics by slanting the roman font: the reader sees the slant."""
    page = [
        *PAGE_1[:9],
        line(147.1, 572.0, S("Noting with concern"), " the report,"),
        line(147.1, 554.0, "1.   ", S("Takes note"), " of the report."),
    ]
    r, _ = load(make_pdf([page]))
    assert [p.phrase.pick("en") for p in r.preamble] == ["Noting with concern"]
    assert [p.phrase.pick("en") for p in r.operative] == ["Takes note"]
