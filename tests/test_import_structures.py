"""Structures the corpus does not show, in small texts written for the test: long runs of
paragraphs and subparagraphs, (z) then (aa), a letter (i) among letters, Security Council forms,
no preamble, no masthead, embedded declarations, annexes, blocks the importer cannot place."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from generator import store
from generator.importer import SourceFile, import_source
from generator.importer.read import Format
from generator.model import Resolution

GA_HEAD = """United Nations
General Assembly
A/RES/99/1

Distr.: General
3 January 2020

Seventy-fourth session
Agenda item 12

Resolution adopted by the General Assembly on 20 December 2019

[on the report of the Sixth Committee (A/74/500)]

99/1. Testing importers:
a title over two lines

The General Assembly,
"""


def load(text: str, fmt: Format = "text", symbol: str | None = None) -> tuple[Resolution, list[str]]:
    data = text.encode("utf-8")
    source = SourceFile(Path("test.txt"), data, fmt, hashlib.sha256(data).hexdigest())
    result = import_source(source, symbol)
    return result.resolution, [f"{w.line}: {w.message}" for w in result.warnings]


def letters(n: int) -> list[str]:
    out = [chr(ord("a") + i) for i in range(min(n, 26))]
    out += [chr(ord("a") + i) * 2 for i in range(n - 26)]
    return out


def test_title_over_two_lines_with_a_colon() -> None:
    r, warnings = load(GA_HEAD + "\n1. Decides to test.\n\n65th plenary meeting\n20 December 2019\n")
    assert r.title.pick("en") == "Testing importers: a title over two lines"
    assert (r.symbol, r.number) == ("A/RES/99/1", "99/1")
    assert r.committee is not None and r.committee.name == "Sixth Committee"
    assert r.preamble == () and [p.id for p in r.operative] == ["op-1"]
    assert warnings == []


def test_long_runs_and_double_letters() -> None:
    subs = "\n".join(f"({label}) item {label};" for label in letters(30))
    ops = "\n".join(f"{n}. Requests item {n};" for n in range(2, 121))
    r, warnings = load(GA_HEAD + "\nRecalling its resolution 98/1,\n\n1. Decides:\n" + subs + "\n" + ops + "\n")
    assert warnings == []
    assert len(r.operative) == 120
    assert r.operative[-1].id == "op-120"
    labels = [c.label for c in r.operative[0].children]
    assert labels[24:30] == ["y", "z", "aa", "bb", "cc", "dd"]
    assert r.operative[0].children[26].id == "op-1-aa"


def test_a_letter_i_among_letters_and_numerals_under_letters() -> None:
    run = "\n".join(f"({label}) letter {label};" for label in letters(12))  # (a) ... (l), (i) among them
    nested = "(a) first:\n(i) one;\n(ii) two;\n(iii) three;\n(b) second;\n(c) third:\n(i) again one;\n(ii) again two;"
    r, warnings = load(GA_HEAD + f"\n1. Decides:\n{run}\n2. Requests:\n{nested}\n")
    assert warnings == []
    op1, op2 = r.operative
    assert [c.label for c in op1.children] == letters(12)
    assert all(not c.children for c in op1.children)
    assert op1.children[8].id == "op-1-i" and op1.children[8].text.pick("en") == "letter i;"
    assert [c.id for c in op2.children] == ["op-2-a", "op-2-b", "op-2-c"]
    assert [c.id for c in op2.children[0].children] == ["op-2-a-i", "op-2-a-ii", "op-2-a-iii"]
    assert [c.id for c in op2.children[2].children] == ["op-2-c-i", "op-2-c-ii"]


def test_numerals_directly_under_a_paragraph() -> None:
    r, _ = load(GA_HEAD + "\n1. Decides:\n(i) one;\n(ii) two;\n(iii) three;\n(iv) four;\n(v) five;\n(vi) six.\n")
    assert [c.id for c in r.operative[0].children] == [f"op-1-{n}" for n in ("i", "ii", "iii", "iv", "v", "vi")]


def test_out_of_sequence_labels_are_kept_with_a_warning() -> None:
    r, warnings = load(GA_HEAD + "\n1. Decides:\n(a) one;\n(c) three;\n3. Requests.\n")
    assert [c.label for c in r.operative[0].children] == ["a", "c"]
    assert [p.label for p in r.operative] == ["1", "3"]
    assert any("(c) where (b) was expected" in w for w in warnings)
    assert any("operative paragraph 3 where 2 was expected" in w for w in warnings)


SC = """United Nations
S/RES/2999 (2030)
Security Council
Distr.: General
2 January 2030

Resolution 2999 (2030)

Adopted by the Security Council at its 9999th meeting, on 2 January 2030

The Security Council,

Recalling its previous resolutions,

Determining that the situation constitutes a threat to international peace and security,

Acting under Chapter VII of the Charter of the United Nations,

1. Decides to extend the mandate;

2. Decides to remain seized of the matter.
"""


def test_security_council_masthead() -> None:
    r, warnings = load(SC)
    assert warnings == []
    assert (r.symbol, r.number, r.body, r.title.pick("en")) == (
        "S/RES/2999(2030)",
        "2999 (2030)",
        "Security Council",
        "",
    )
    assert r.adoption is not None and (r.adoption.meeting.pick("en"), r.adoption.date) == (
        "9999th meeting",
        date(2030, 1, 2),
    )
    assert r.masthead is not None and r.masthead.distribution is not None
    assert [p.phrase.pick("en") for p in r.preamble] == ["Recalling", "Determining", "Acting"]
    assert r.preamble[2].text.pick("en") == "under Chapter VII of the Charter of the United Nations,"
    assert r.closing is None


def test_no_masthead_no_preamble() -> None:
    r, warnings = load("The General Assembly,\n\n1. Decides to test;\n\n2. Requests a report.\n", symbol="A/RES/99/2")
    assert warnings == []
    assert (r.symbol, r.number, r.body) == ("A/RES/99/2", "99/2", "General Assembly")
    assert r.masthead is None and r.preamble == () and len(r.operative) == 2


def test_a_single_unnumbered_operative_paragraph() -> None:
    text = (
        GA_HEAD
        + "\nRecalling its resolution 98/1,\n\nNoting the report,\n\nDecides to include the item in its agenda.\n"
    )
    r, warnings = load(text)
    assert warnings == []
    assert [p.phrase.pick("en") for p in r.preamble] == ["Recalling", "Noting"]
    assert [(p.id, p.label, p.phrase.pick("en")) for p in r.operative] == [("op-1", "", "Decides")]


DECLARATION = (
    GA_HEAD
    + """
Adopts the following Declaration:

Declaration on the Testing of Importers

I. Principles

We, the Heads of State and Government, gathered in New York,

1. Reaffirm our commitment to testing;

(a) first;

(b) second;

2. Resolve to test again;

II. Follow-up

3. Decide to meet again.

10th plenary meeting
20 December 2019
"""
)


def test_a_declaration_embedded_in_an_unnumbered_paragraph() -> None:
    r, warnings = load(DECLARATION)
    assert warnings == []
    assert r.preamble == ()
    (op,) = r.operative
    assert (op.id, op.phrase.pick("en"), op.text.pick("en")) == ("op-1", "Adopts", "the following Declaration:")
    part = op.embedded
    assert part is not None
    assert (part.id, part.kind, part.title.pick("en")) == (
        "op-1-text",
        "embedded",
        "Declaration on the Testing of Importers",
    )
    got = [(p.id, p.kind, p.label) for p in part.paragraphs]
    assert got == [
        ("op-1-text-i", "heading", "I"),
        ("op-1-text-t1", "text", ""),
        ("op-1-text-1", "text", "1"),
        ("op-1-text-2", "text", "2"),
        ("op-1-text-ii", "heading", "II"),
        ("op-1-text-3", "text", "3"),
    ]
    assert [c.id for c in part.paragraphs[2].children] == ["op-1-text-1-a", "op-1-text-1-b"]
    assert r.closing is not None and r.closing.meeting.pick("en") == "10th plenary meeting"
    assert summary_counts(r) == (0, 1, 0)


def test_a_declaration_embedded_in_a_numbered_paragraph_then_the_numbering_resumes() -> None:
    text = GA_HEAD + (
        "\n1. Adopts the following Declaration:\n\nDeclaration on Testing\n\n1. We reaffirm;\n\n2. We resolve;\n\n"
        "2. Requests the Secretary-General to report.\n"
    )
    r, warnings = load(text)
    assert warnings == []
    assert [p.id for p in r.operative] == ["op-1", "op-2"]
    part = r.operative[0].embedded
    assert part is not None and [p.id for p in part.paragraphs] == ["op-1-text-1", "op-1-text-2"]
    assert r.operative[1].phrase.pick("en") == "Requests"


ANNEXES = (
    GA_HEAD
    + """
1. Adopts the principles contained in the annex to the present resolution;[^1]

2. Decides to review them.

65th plenary meeting
20 December 2019

[^1]: See annex.

Annex

Principles on Testing

1. Tests are written first.[^1]

(a) Before the code;

(b) Before the release;

2. Tests run fast.

Annex II

List of participants

Afghanistan
"""
)


def test_annexes_after_the_closing_formula() -> None:
    r, warnings = load(ANNEXES)
    assert warnings == []
    assert [a.id for a in r.annexes] == ["annex", "annex-ii"]
    first, second = r.annexes
    assert (first.heading.pick("en"), first.title.pick("en"), first.kind) == ("Annex", "Principles on Testing", "annex")
    assert [p.id for p in first.paragraphs] == ["annex-1", "annex-2"]
    assert [c.id for c in first.paragraphs[0].children] == ["annex-1-a", "annex-1-b"]
    assert (second.heading.pick("en"), second.title.pick("en")) == ("Annex II", "List of participants")
    assert [(p.id, p.kind, p.text.pick("en")) for p in second.paragraphs] == [("annex-ii-t1", "heading", "Afghanistan")]
    assert r.footnotes[0].cited_by == ("op-1", "annex-1")


def test_a_block_that_fits_nowhere_is_kept_in_place_with_a_warning() -> None:
    text = GA_HEAD + (
        "\n1. Decides to test;\n\nActing under Chapter VII of the Charter,\n\n2. Requests a report.\n\n"
        "65th plenary meeting\n20 December 2019\n\nSigned: the Secretariat\n"
    )
    r, warnings = load(text)
    assert [(u.id, u.text, u.after) for u in r.unplaced] == [
        ("unplaced-1", "Acting under Chapter VII of the Charter,", "op-1"),
        ("unplaced-2", "Signed: the Secretariat", "closing"),
    ]
    assert len([w for w in warnings if "unplaced" in w]) == 2
    assert [p.id for p in r.operative] == ["op-1", "op-2"]


def test_a_paragraph_broken_by_a_blank_line_is_joined() -> None:
    text = GA_HEAD + "\nRecalling its resolution 98/1 and all its previous\n\nresolutions,\n\n1. Decides to test.\n"
    r, warnings = load(text)
    assert r.preamble[0].text.pick("en") == "its resolution 98/1 and all its previous resolutions,"
    assert any("lower case" in w for w in warnings)


def test_markdown_with_wrapped_paragraphs() -> None:
    text = GA_HEAD + (
        "\n*Recalling* its resolution 98/1\nand all its previous resolutions,\n\n"
        "1. *Decides* to test\n   the importer;\n\n2.\n*Requests* a report.\n"
    )
    r, warnings = load(text)
    assert warnings == []
    assert r.preamble[0].wording("en") == "Recalling its resolution 98/1 and all its previous resolutions,"
    assert [p.wording("en") for p in r.operative] == ["Decides to test the importer;", "Requests a report."]


@pytest.mark.parametrize("text", [ANNEXES, DECLARATION, SC, GA_HEAD + "\n1. Decides.\n"])
def test_round_trip_through_yaml(text: str, tmp_path: Path) -> None:
    r, _ = load(text, symbol=None)
    path = tmp_path / "resolution.yaml"
    path.write_text(store.dump_yaml(r), encoding="utf-8")
    assert store.load_resolution(path) == r


def summary_counts(r: Resolution) -> tuple[int, int, int]:
    from generator.importer.summary import summary

    s = summary(r, ())
    return s["preambular"], s["operative"], s["annexes"]


DECLARATION_TEXT_LAYER = """United Nations
General Assembly

A/RES/99/3

Distr.: General
18 October 2019

Seventy-fourth session
Agenda item 3

  Resolution adopted by the General Assembly on

10 October 2019

[without reference to a Main Committee (A/74/L.4)]

99/3.  Political declaration of the high-level meeting of the General Assembly
on the testing of importers

The General Assembly

Adopts the following political declaration approved by the high-level meeting of the
General Assembly on the testing of importers, held on 26 September 2019:

United to test importers: an urgent global response to a global problem

We,  Heads  of  State  and  Government  and  representatives  of  States  and  Governments,
assembled at the United Nations on 26 September 2019, recalling the report of the
Secretary-General,1  and resolved to test,

1.  Reaffirm  our  commitment  to  test  every  importer  by  2030,  including  the  ones  that
read  text  layers;

__________________

1  A/74/1.

19-00001 (E)    181019
*1900001*

\fA/RES/99/3

2.  Recognize that tests written first are tests that run;

24th plenary meeting
10 October 2019

2/2

19-00001
\f"""


def test_a_declaration_in_a_text_layer() -> None:
    r, warnings = load(DECLARATION_TEXT_LAYER, "pdf-text")
    assert warnings == []
    assert r.title.pick("en") == (
        "Political declaration of the high-level meeting of the General Assembly on the testing of importers"
    )
    assert r.formula.pick("en") == "The General Assembly"
    assert (r.preamble, [p.phrase.pick("en") for p in r.operative]) == ((), ["Adopts"])
    part = r.operative[0].embedded
    assert part is not None
    assert part.title.pick("en") == "United to test importers: an urgent global response to a global problem"
    assert [(p.id, p.text.pick("en")[:30]) for p in part.paragraphs] == [
        ("op-1-text-t1", "We, Heads of State and Governm"),
        ("op-1-text-1", "Reaffirm our commitment to tes"),
        ("op-1-text-2", "Recognize that tests written f"),
    ]
    assert "Secretary-General,[^1] and resolved to test," in part.paragraphs[0].text.pick("en")
    assert r.footnotes[0].cited_by == ("op-1-text-t1",)
    assert r.closing is not None and r.closing.date == date(2019, 10, 10)
