"""Importing the UN's Akoma Ntoso files: every word kept in order, counts as in the XML, the
source's known flaws handled and reported, bad and hostile input refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import store
from generator.akn import import_akn
from generator.akn.parse import parse_version
from generator.akn.xml import _parser
from generator.errors import GeneratorError
from generator.importer.summary import summary
from generator.validate import validate_resolution
from tests.akn_helpers import (
    AKN,
    FIXTURES,
    fixture_files,
    missing_in_order,
    structure_words,
    usable_files,
    xml_counts,
    xml_words,
)


def imported(name: str):  # type: ignore[no-untyped-def]
    return import_akn([(str(p), p.read_bytes()) for p in usable_files(name)])


@pytest.mark.parametrize("name", FIXTURES)
def test_the_result_is_valid(name: str) -> None:
    result = imported(name)
    res = result.resolution
    assert store.schema_errors(store.to_data(res)) == []
    assert validate_resolution(res, name) == []
    reloaded = store.from_data(store.to_data(res))
    assert store.to_data(reloaded) == store.to_data(res)


@pytest.mark.parametrize(("name", "file"), [(n, p.name) for n in FIXTURES for p in usable_files(n)])
def test_every_word_of_every_language_file_is_kept_in_order(name: str, file: str) -> None:
    path = AKN / name / file
    res = imported(name).resolution
    language = parse_version(path.read_bytes(), str(path)).language
    text, notes = xml_words(path)
    have_text, have_notes = structure_words(res, language)
    assert text, "the fixture has text"
    assert missing_in_order(text, have_text) is None, f"{file}: a word of the text is missing or out of order"
    assert missing_in_order(notes, have_notes) is None, f"{file}: a word of a footnote is missing or out of order"


@pytest.mark.parametrize("name", [n for n in FIXTURES if n not in ("A-RES-79-252", "A-RES-76-241")])
def test_counts_equal_the_xml(name: str) -> None:
    res = imported(name).resolution
    counts = summary(res, ())
    english = AKN / name / "en.xml"
    assert {k: counts[k] for k in ("preambular", "operative", "subparagraphs", "footnotes")} == xml_counts(english)


def test_counts_of_resolutions_a_and_b_cover_both() -> None:
    res = imported("A-RES-79-252").resolution
    assert [c.id for c in res.components] == ["a", "b"]
    counts = summary(res, ())
    tops = [p for c in res.components for p in c.top_paragraphs()]
    assert counts["operative"] == sum(p.kind == "operative" for p in tops) > 0
    assert counts["preambular"] == sum(p.kind == "preambular" for p in tops) > 0
    assert res.symbol == "A/RES/79/252A-B"
    assert all(p.id.startswith(("a-", "b-")) for p in res.paragraphs())
    assert counts["languages"] == ["en", "fr"]


def test_sections_with_their_own_preamble_and_numbering() -> None:
    res = imported("A-RES-76-241").resolution
    headings = [h for p in res.operative for h in p.headings]
    assert [h.id for h in headings][:2] == ["h-i", "h-ii"]
    recitals = [p for p in res.operative if p.kind == "preambular"]
    assert recitals, "a section's preamble is kept as preambular paragraphs"
    assert recitals[0].id == f"pp-{len(res.preamble) + 1}"
    assert len({p.id for p in res.paragraphs()}) == len(list(res.paragraphs()))


def test_metadata_kept_from_the_xml() -> None:
    res = imported("A-RES-74-28").resolution
    assert res.work == "/akn/un/statement/deliberation/unga/2019-12-12/74-28/"
    assert res.languages == ("ar", "zh", "en", "fr", "es")
    assert res.masthead and res.masthead.session and res.masthead.session.number == 74
    assert res.masthead.agenda_item and res.masthead.agenda_item.text == "93"
    assert res.masthead.agenda_item.title.get("fr", "").startswith("Progrès de l’informatique")
    assert res.procedure and (res.procedure.draft, res.procedure.report, res.procedure.record) == (
        "A/C.1/74/L.49/Rev.1",
        "A/74/363",
        "A/74/PV.46",
    )
    assert res.committee and res.committee.reports == ("A/74/363",) and res.committee.name == "First Committee"
    assert {s.dictionary for s in res.subjects} >= {"UNBIS Thesaurus", "EuroVoc", "SDGO"}
    en = next(s for s in res.sources if s.language == "en")
    assert (en.file, en.format, en.expression, str(en.published)) == (
        "source.en.xml",
        "akn",
        "/akn/un/statement/deliberation/unga/2019-12-12/74-28/eng@/",
        "2019-12-18",
    )
    assert dict(en.eids)["op-1-a"] == "para_18"
    pp1 = res.preamble[0]
    assert pp1.phrase["fr"] == "Rappelant"
    assert pp1.spans["en"][0].style == "link" and pp1.spans["en"][0].href == "https://undocs.org/en/A/RES/53/70"
    assert res.closing and res.closing.date_text["zh"] == "2019年12月12日"


def test_annexes_and_tables() -> None:
    annexed = imported("A-RES-77-5").resolution
    assert [a.id for a in annexed.annexes] == ["annex"]
    assert annexed.annexes[0].heading["es"]
    res = imported("A-RES-75-257B").resolution
    tables = [t for p in res.all_paragraphs() for t in p.tables]
    assert tables and all("-table-" in t.id for t in tables)
    assert [c.text["en"] for t in tables for row in t.rows for c in row] == [
        "For the Royal Government of Cambodia",
        "For the United Nations",
    ]
    assert res.number == "75/257 B" and res.symbol == "A/RES/75/257B"


# -- the source's known flaws ---------------------------------------------------------------------


def warnings_of(name: str) -> list[str]:
    return [w.format() for w in imported(name).warnings]


def test_ids_that_differ_in_one_language_are_aligned_by_structure() -> None:
    res = imported("A-RES-77-36").resolution
    assert all("ar" in p.text and p.text["ar"] for p in res.paragraphs())
    ar = dict(next(s for s in res.sources if s.language == "ar").eids)
    en = dict(next(s for s in res.sources if s.language == "en").eids)
    assert (ar["op-3"], en["op-3"]) == ("para_12", "para_13")
    [warning] = [w for w in warnings_of("A-RES-77-36") if "ids differ" in w]
    assert warning.startswith(f"{AKN / 'A-RES-77-36' / 'ar.xml'}:") and "op-3" in warning


@pytest.mark.parametrize(("name", "language"), [("A-RES-ES-11-4", "zh"), ("A-RES-78-237", "ru")])
def test_other_id_flaws_are_reported(name: str, language: str) -> None:
    res = imported(name).resolution
    assert all(p.text.get(language) for p in res.paragraphs())
    assert any(f"{language}.xml:" in w and "ids differ" in w for w in warnings_of(name))


def test_subparagraphs_given_as_paragraphs_are_nested() -> None:
    res = imported("A-RES-76-19").resolution
    op = next(p for p in res.operative if p.children)
    assert [c.id for c in op.children] == [f"{op.id}-a", f"{op.id}-b"]
    assert all(c.text.get("zh") and c.text.get("en") for c in op.children)
    assert not res.unplaced


def test_english_subparagraphs_without_num_are_nested() -> None:
    res = imported("A-RES-74-28").resolution
    assert [c.id for c in res.operative[0].children] == ["op-1-a", "op-1-b"]
    assert res.operative[0].children[0].text["en"].startswith("To be guided")


def test_a_preambular_paragraph_marked_operative_is_put_back() -> None:
    res = imported("A-RES-78-16").resolution
    english = xml_counts(AKN / "A-RES-78-16" / "en.xml")
    assert (len(res.preamble), len(res.operative)) == (english["preambular"], english["operative"])
    assert res.preamble[-1].text["ar"] and res.preamble[-1].phrase["ar"]
    assert any("ar.xml:" in w and "read as preambular" in w for w in warnings_of("A-RES-78-16"))


def test_footnotes_numbered_otherwise_in_one_language() -> None:
    res = imported("A-RES-80-4").resolution
    assert [f.number for f in res.footnotes] == ["1"]
    assert set(res.footnotes[0].text) == {"de", "en"}
    assert any("de.xml" in w and "renumbered" in w for w in warnings_of("A-RES-80-4"))


def test_an_empty_file_among_others_is_refused_and_the_others_imported() -> None:
    result = import_akn([(str(p), p.read_bytes()) for p in fixture_files("A-RES-74-28")])
    assert "ru" not in result.resolution.languages
    assert [(Path(p.path).name, p.message) for p in result.refused] == [("ru.xml", "the file is empty")]


# -- bad and hostile input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "line", "message"),
    [
        ("xxe-file.xml", 2, "document type declaration"),
        ("xxe-network.xml", 2, "document type declaration"),
        ("external-dtd.xml", 2, "document type declaration"),
        ("billion-laughs.xml", 2, "document type declaration"),
        ("malformed.xml", 36, "not well-formed XML"),
        ("not-akn.xml", 2, "not an Akoma Ntoso document"),
        ("no-identity.xml", 4, "which resolution is this"),
    ],
)
def test_bad_input_is_refused_with_its_line(file: str, line: int, message: str) -> None:
    path = AKN / "hostile" / file
    with pytest.raises(GeneratorError) as err:
        import_akn([(str(path), path.read_bytes())])
    first = err.value.problems[0]
    assert (first.path, first.line) == (str(path), line)
    assert message in first.message


@pytest.mark.parametrize("file", ["xxe-file.xml", "xxe-network.xml"])
def test_the_parser_itself_never_resolves_an_entity(file: str) -> None:
    """Defence in depth: were the declaration let through, the parser would not read the file
    or the address the entity names."""
    from lxml import etree

    root = etree.fromstring((AKN / "hostile" / file).read_bytes(), _parser())
    text = "".join(root.itertext())
    assert "root:" not in text and "&secret;" in text


@pytest.mark.parametrize("file", ["billion-laughs.xml", "external-dtd.xml"])
def test_the_parser_itself_refuses_bombs_and_external_dtds(file: str) -> None:
    from lxml import etree

    with pytest.raises(etree.XMLSyntaxError):
        etree.fromstring((AKN / "hostile" / file).read_bytes(), _parser())


def test_files_of_two_resolutions_together_are_refused() -> None:
    files = [AKN / "A-RES-77-36" / "en.xml", AKN / "A-RES-78-16" / "en.xml"]
    with pytest.raises(GeneratorError) as err:
        import_akn([(str(p), p.read_bytes()) for p in files])
    assert "2 different resolutions" in err.value.problems[0].message
    assert "A/RES/77/36" in err.value.problems[0].message and "A/RES/78/16" in err.value.problems[0].message


def test_an_empty_file_alone_is_refused() -> None:
    path = AKN / "A-RES-74-28" / "ru.xml"
    with pytest.raises(GeneratorError) as err:
        import_akn([(str(path), path.read_bytes())])
    assert err.value.problems[0].message == "the file is empty"
