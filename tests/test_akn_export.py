"""Exporting Akoma Ntoso: valid against the OASIS Akoma Ntoso 3.0 schema, and read back as the
same structured resolution, for the fixtures and every resolution of the site, in every
language; for resolutions imported from text or PDF too."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import store
from generator.akn import import_akn
from generator.akn.export import in_language, to_akn, validate
from generator.akn.parse import document_order
from generator.model import (
    Cell,
    Closing,
    Footnote,
    Heading,
    Localised,
    Paragraph,
    Part,
    Resolution,
    Source,
    Span,
    Spans,
    Table,
    Unplaced,
)
from generator.validate import assign_ids, validate_resolution, with_footnotes
from tests.akn_helpers import FIXTURES, usable_files
from tests.conftest import ROOT

SITE = sorted((ROOT / "resolutions").glob("*/resolution.yaml"))


def comparable(res: Resolution) -> dict[str, Any]:
    """The structured resolution without what a round trip cannot keep: line numbers, the record
    of the source file, and the work URI that a text or PDF import lacks and the export makes."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "line" and not k.endswith("_line") and k != "sources"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(store.to_data(res))


def round_trip(res: Resolution, language: str) -> None:
    data = to_akn(res, language)
    assert validate(data) == [], f"{res.symbol} ({language}) is not valid Akoma Ntoso"
    back = import_akn([(f"{res.slug}.{language}.xml", data)]).resolution
    want = comparable(in_language(res, language))
    got = comparable(back)
    if not res.work:
        got.pop("work", None)
    assert got == want
    assert to_akn(res, language) == data, "the same resolution gives the same bytes"


def fixture(name: str) -> Resolution:
    return import_akn([(str(p), p.read_bytes()) for p in usable_files(name)]).resolution


@pytest.mark.parametrize("name", FIXTURES)
def test_fixtures_round_trip_in_every_language(name: str) -> None:
    res = fixture(name)
    for language in res.languages:
        round_trip(res, language)


@pytest.mark.parametrize("path", SITE, ids=[p.parent.name for p in SITE])
def test_the_sites_resolutions_round_trip_in_every_language(path: Path) -> None:
    res = store.load_resolution(path)
    # A descriptive title is a maintainer's note about a text that prints none, not part of the
    # official text the Akoma Ntoso file carries.
    res = replace(res, descriptive_title=type(res.descriptive_title)())
    for language in res.languages:
        round_trip(res, language)


def test_a_text_import_exports_with_a_work_uri_made_from_its_number() -> None:
    res = store.load_resolution(ROOT / "resolutions" / "S-RES-1590-2005" / "resolution.yaml")
    data = to_akn(res, "en").decode()
    assert '<FRBRuri value="/akn/un/statement/deliberation/unsc/2005-03-24/1590-2005/"/>' in data
    assert import_akn([("s.xml", data.encode())]).resolution.symbol == "S/RES/1590(2005)"


def test_in_language_keeps_one_language_only() -> None:
    res = fixture("A-RES-74-28")
    fr = in_language(res, "fr")
    assert fr.languages == ("fr",)
    assert all(set(p.text) == {"fr"} for p in fr.paragraphs())
    assert store.schema_errors(store.to_data(fr)) == []


def test_validate_reports_what_is_wrong() -> None:
    data = to_akn(fixture("A-RES-77-36"), "en").replace(b"<mainBody>", b"<mainBody><bogus/>", 1)
    problems = validate(data, "x.xml")
    assert problems and problems[0].path == "x.xml" and problems[0].line > 0 and "bogus" in problems[0].message


# -- generated resolutions ------------------------------------------------------------------------

_WORD = st.sampled_from(["peace", "security", "States", "Charter", "development", "1945", "«rights»", "l’Organisation"])
_TEXT = st.lists(_WORD, min_size=1, max_size=8).map(" ".join)
_PHRASE = st.sampled_from(["", "Recalling", "Noting with concern", "Decides", "Requests also"])


@st.composite
def texts(draw: st.DrawFn, notes: list[str]) -> tuple[str, tuple[Span, ...]]:
    """A text with footnote markers and spans (italics, a link) that stand in it."""
    parts = draw(st.lists(_TEXT, min_size=1, max_size=3))
    text = ""
    for part in parts:
        text += (" " if text else "") + part
        if draw(st.booleans()):
            number = str(len(notes) + 1)
            notes.append(number)
            text += f"[^{number}]"
    spans: list[Span] = []
    if draw(st.booleans()):
        word = draw(st.sampled_from(text.split()))
        if "[^" not in word:
            spans.append(Span("italic", word, "", text.split().index(word) and text[: text.index(word)].count(word)))
    return text, tuple(spans)


@st.composite
def resolutions(draw: st.DrawFn) -> Resolution:
    notes: list[str] = []

    def paragraph(kind: str, label: str, depth: int) -> Paragraph:
        text, spans = draw(texts(notes))
        phrase = draw(_PHRASE) if kind != "subparagraph" else ""
        children: tuple[Paragraph, ...] = ()
        if depth < 2 and draw(st.integers(0, 3)) == 0:
            count = draw(st.integers(1, 3))
            labels = ["a", "b", "c"] if depth == 0 else ["i", "ii", "iii"]
            children = tuple(paragraph("subparagraph", labels[n], depth + 1) for n in range(count))
        if kind == "operative" and draw(st.integers(0, 4)) == 0:  # "... as follows:" and an unnumbered block
            children += (paragraph("text", "", 2),)
        tables: tuple[Table, ...] = ()
        if depth == 0 and draw(st.integers(0, 5)) == 0:
            tables = (
                Table("", ((Cell(Localised.one("en", "Item"), header=True), Cell(Localised.one("en", "Amount"))),), 0),
            )
        headings: tuple[Heading, ...] = ()
        if kind == "operative" and draw(st.integers(0, 4)) == 0:
            headings = (Heading("", "", Localised(), Localised.one("en", draw(_TEXT)), 0),)
        return Paragraph(
            "",
            kind,  # type: ignore[arg-type]
            label,
            Localised.one("en", phrase) if phrase else Localised(),
            Localised.one("en", text),
            0,
            children,
            None,
            Spans.of({"en": spans}),
            Localised(),
            headings,
            tables,
        )

    preamble = tuple(paragraph("preambular", "", 0) for _ in range(draw(st.integers(0, 3))))
    operative = tuple(paragraph("operative", str(n), 0) for n in range(1, draw(st.integers(1, 4)) + 1))
    annexes: tuple[Part, ...] = ()
    if draw(st.booleans()):
        items = tuple(paragraph("text", str(n), 1) for n in range(1, draw(st.integers(1, 3)) + 1))
        annexes = (Part("", "annex", Localised.one("en", "Annex"), Localised.one("en", draw(_TEXT)), 0, items),)
    footnotes = tuple(Footnote(n, Localised.one("en", f"A/{n}/1."), 0, ()) for n in notes)
    res = Resolution(
        symbol="A/RES/99/1",
        body="General Assembly",
        number="99/1",
        title=Localised.one("en", draw(_TEXT)),
        title_line=0,
        masthead=None,
        adoption=None,
        committee=None,
        formula=Localised.one("en", "The General Assembly,"),
        formula_line=0,
        preamble=preamble,
        operative=operative,
        footnotes=footnotes,
        closing=Closing(Localised.one("en", "99th plenary meeting"), None, 0),
        sources=(Source("source.en.xml", "akn", "0" * 64),),
        work="/akn/un/statement/deliberation/unga/2024-01-01/99-1/",
        annexes=annexes,
    )
    res, _ = assign_ids(res)
    anchors = ["", "formula", "closing", *(p.id for p in res.all_paragraphs())]
    kept = draw(st.lists(st.sampled_from(anchors), max_size=3))
    unplaced = tuple(Unplaced("", draw(_TEXT), 0, after, "en") for after in kept)
    order = {a: n for n, a in enumerate(document_order(res))}
    unplaced = tuple(sorted(unplaced, key=lambda u: order.get(u.after, -1 if u.after == "" else len(order))))
    res = replace(res, unplaced=tuple(replace(u, id=f"unplaced-{n}") for n, u in enumerate(unplaced, 1)))
    return with_footnotes(res)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolutions())
def test_generated_resolutions_round_trip(res: Resolution) -> None:
    assert validate_resolution(res, "generated") == []
    round_trip(res, "en")


_JSON_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | _JSON_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_JSON_TEXT, inner, max_size=4),
    max_leaves=25,
)


@settings(max_examples=400, deadline=None)
@given(_JSON_VALUES)
def test_data_files_json_is_what_the_standard_library_writes(value: Any) -> None:
    """The JSON files are written by orjson (C speed), byte for byte as ``json.dumps`` with two
    spaces of indent and non-ASCII text as it is wrote them before."""
    import json

    assert store.pretty_json(value) == json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def test_json_that_orjson_refuses_is_written_by_the_standard_library() -> None:
    import json

    lone = {"text": "a\ud800b"}  # a lone surrogate: not UTF-8, orjson refuses it
    assert store.pretty_json(lone) == json.dumps(lone, ensure_ascii=False, indent=2) + "\n"
