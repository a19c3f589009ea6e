"""Each artefact of a PDF's text layer, alone: what the importer removes or repairs, and what it
must leave alone (generator/importer/pdftext.py and repair.py)."""

from __future__ import annotations

import pytest

from generator.importer import repair
from generator.importer.pdftext import normalise_pdf_text


def page(*lines: str) -> str:
    return "\n".join(lines) + "\n"


HEAD = page(
    "United Nations", "General Assembly", "", "A/RES/99/1", "", "99/1.  A title", "", "The General Assembly,", ""
)


def blocks(text: str) -> list[str]:
    return [b.text for b in normalise_pdf_text(text).blocks]


def body(text: str) -> list[str]:
    got = blocks(text)
    return got[got.index("The General Assembly,") + 1 :]


# -- page furniture ----------------------------------------------------------------------------------


def test_running_header_page_number_job_number_barcode_and_form_feed() -> None:
    text = (
        HEAD
        + page("Recalling its resolution 98/1 and all its", "")
        + page("1/2", "", "19-18418 (E)    071119", "*1918418*", "")
        + "\f"
        + page("A/RES/99/1", "", "previous resolutions,", "", "1.  Decides to act;", "", "19-18418", "", "2/2")
        + "\f"
    )
    assert body(text) == ["Recalling its resolution 98/1 and all its previous resolutions,", "1. Decides to act;"]


def test_a_short_title_repeated_at_the_top_of_pages_is_a_header() -> None:
    pages = [HEAD + page("Recalling its resolution,", "", "1.  Decides to act")]
    for n in range(2, 4):
        pages.append(page("Testing the importer", "", f"and to act again {n}", "", f"{n}/3"))
    assert body("\f".join(pages)) == [
        "Recalling its resolution,",
        "1. Decides to act and to act again 2 and to act again 3",
    ]


def test_a_page_number_of_another_document_is_text() -> None:
    """``2/5`` goes only when 5 is the page count: "72/79" alone on a line is wording."""
    assert body(HEAD + page("Recalling its resolutions 37/90 and", "72/79,", "", "1.  Decides.")) == [
        "Recalling its resolutions 37/90 and 72/79,",
        "1. Decides.",
    ]


# -- footnotes -----------------------------------------------------------------------------------------


def test_footnotes_at_page_bottoms_attach_to_their_markers() -> None:
    text = (
        HEAD
        + page("Recalling the Rome Statute of the International Criminal Court 1", "", "and its resolution 98/1,2", "")
        + page(
            "__________________",
            "",
            "1  United Nations, Treaty Series, vol. 2187,",
            "No. 38544.",
            "2  A/98/1.",
            "",
            "2/2",
        )
        + "\f"
        + page("A/RES/99/1", "", "1.  Decides.")
        + "\f"
    )
    n = normalise_pdf_text(text)
    assert [b.text for b in n.blocks][-2:] == [
        "Recalling the Rome Statute of the International Criminal Court[^1] and its resolution 98/1,[^2]",
        "1. Decides.",
    ]
    assert [(x.number, x.text) for x in n.notes] == [
        ("1", "United Nations, Treaty Series, vol. 2187, No. 38544."),
        ("2", "A/98/1."),
    ]


def test_a_footnote_continues_on_the_next_page() -> None:
    text = (
        HEAD
        + page("Noting the documents,1", "", "1.  Decides.", "", "__________________", "", "1  See A/1, A/2,")
        + "\f"
        + page("A/RES/99/1", "", "__________________", "", "A/3 and A/4.")
    )
    assert [(x.number, x.text) for x in normalise_pdf_text(text).notes] == [("1", "See A/1, A/2, A/3 and A/4.")]


def test_a_number_in_a_footnote_is_not_a_new_footnote() -> None:
    text = HEAD + page(
        "Noting the statement,1", "", "1.  Decides.", "__________________", "1  See the report for", "2013 (S/INF/68)."
    )
    assert [(x.number, x.text) for x in normalise_pdf_text(text).notes] == [
        ("1", "See the report for 2013 (S/INF/68).")
    ]


# -- footnote markers printed as bare digits -------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "marked"),
    [
        ("the Court,2 and", "the Court,[^2] and"),  # glued after punctuation
        ("the Court, 2 and", "the Court,[^2] and"),  # after punctuation
        ("the Paris Agreement 2 requires", "the Paris Agreement[^2] requires"),  # after a capitalised word
        ("the Goals2 for", "the Goals[^2] for"),  # glued to a word
        ("Reduction 2015–20302 and", "Reduction 2015–2030[^2] and"),  # glued to a year
        ("of 12 February 2013 2 in which", "of 12 February 2013[^2] in which"),  # after a year
        ("for 2017/18;2", "for 2017/18;[^2]"),
    ],
)
def test_bare_markers(printed: str, marked: str) -> None:
    scanner = repair.MarkerScanner(["1", "2"])
    assert scanner.scan("the Statute,1") == "the Statute,[^1]"
    assert scanner.scan(printed) == marked


@pytest.mark.parametrize(
    "text",
    [
        "including paragraph 2 of the resolution",  # a number after a lower-case word
        "under Article 2 of the Charter",  # after a word that takes a number
        "from 2 to 12 December",
        "document A/73/L.2 and",  # part of a symbol
        "the Court,3 and",  # no footnote 3
    ],
)
def test_numbers_that_are_not_markers(text: str) -> None:
    scanner = repair.MarkerScanner(["1", "2"])
    scanner.scan("the Statute,1")
    assert scanner.scan(text) == text


def test_a_marker_number_out_of_order_is_text() -> None:
    """Footnotes are numbered in order of first citation: 2 cannot come before 1."""
    assert repair.MarkerScanner(["1", "2"]).scan("the Court,2 and") == "the Court,2 and"


# -- words and lines ------------------------------------------------------------------------------------------


# The document's vocabulary: words it uses elsewhere (here twice each).
WORDS = repair.vocabulary(["international order people in a new for humankind inter alia States the All"] * 2)


@pytest.mark.parametrize(
    ("split", "joined"),
    [
        ("the Internati onal Court", "the International Court"),
        ("in o rder to", "in order to"),
        ("benefit peopl e and", "benefit people and"),
        ("for h umankind", "for humankind"),
        ("All St ates", "All States"),
        ("a new order", "a new order"),  # two words of the document stay two words
        ("inter alia", "inter alia"),
        ("proprio motu", "proprio motu"),  # unknown to the document: left alone
    ],
)
def test_words_split_by_stray_spaces(split: str, joined: str) -> None:
    assert repair.rejoin_split_words(split, WORDS) == joined


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("the Secretary -General", "the Secretary-General"),
        ("the  United   Nations", "the United Nations"),
        ("Developing Countries ”, and", "Developing Countries”, and"),
        ("a range of - 5 to 5", "a range of - 5 to 5"),
    ],
)
def test_spacing(text: str, fixed: str) -> None:
    assert repair.fix_spacing(text) == fixed


def test_hyphens_at_line_ends() -> None:
    text = HEAD + page(
        "Recalling the twenty-",
        "first century and post -",
        "conflict societies and capacity-",
        "building, and the continu-",
        "ous and continuous review,",
        "",
        "1.  Decides.",
    )
    assert body(text)[0] == (
        "Recalling the twenty-first century and post-conflict societies and capacity-building, "
        "and the continuous and continuous review,"
    )


def test_paragraphs_across_blank_lines_and_pages() -> None:
    text = (
        HEAD
        + page("Recalling its resolution 98/1 and all its previous relevant", "", "resolutions,", "")
        + page("Noting the report of the Secretary-General,", "", "1.", "", "Decides to act on the", "")
        + page("1/2")
        + "\f"
        + page("A/RES/99/1", "", "report;", "", "2.  Requests a report.", "", "2/2")
    )
    assert body(text) == [
        "Recalling its resolution 98/1 and all its previous relevant resolutions,",
        "Noting the report of the Secretary-General,",
        "1. Decides to act on the report;",
        "2. Requests a report.",
    ]


def test_pieces_of_a_line_out_of_order_are_put_back() -> None:
    """The layout analysis cut "Convinced that the fulfilment of" into pieces it printed in
    another order; the document's own word pairs ("Convinced that", "that the", "the
    fulfilment") give the order back."""
    filler = [
        f"Recalling that the fulfilment of the Agenda {n} is essential for States, and convinced that the peoples"
        f"\nand the States will act together for the benefit of all and for peace and security {n},\n"
        for n in range(6)
    ]
    text = (
        HEAD
        + "\n".join(filler)
        + "\n"
        + page(
            "the",
            "",
            "that",
            "",
            "Convinced",
            "",
            "fulfilment of",
            "",
            "the Agenda requires action by the peoples and the States of",
            "the world,",
            "",
            "1.  Decides.",
        )
    )
    n = normalise_pdf_text(text)
    assert [b.text for b in n.blocks][-2] == (
        "Convinced that the fulfilment of the Agenda requires action by the peoples and the States of the world,"
    )
    assert len(n.warnings) == 1 and "out of order" in n.warnings[0][1]


def test_two_paragraphs_in_one_text_box() -> None:
    """A paragraph's last line stops short of the margin: a capitalised line after it starts the
    next paragraph even without a blank line between them; after a full line it does not."""
    full = "Recalling its resolutions on the matter, and recalling also the statements made by the"
    text = HEAD + page(
        full,
        "President of the Council,",
        "Noting the report of the Secretary-General on the implementation of the resolution and",
        "its annexes, and the Security Council,",
        "Convinced of the need to act,",
        "",
        "1.  Decides.",
    )
    assert body(text) == [
        f"{full} President of the Council,",
        "Noting the report of the Secretary-General on the implementation of the resolution and its annexes, "
        "and the Security Council,",
        "Convinced of the need to act,",
        "1. Decides.",
    ]
