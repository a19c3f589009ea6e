"""The seed, A/RES/73/266, imported end to end."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from generator import store
from generator.importer import import_file
from generator.model import Paragraph, Resolution, strip_notes
from tests.conftest import SEED_SOURCE


@pytest.fixture(scope="module")
def seed() -> Resolution:
    return import_file(SEED_SOURCE).resolution


def test_metadata(seed: Resolution) -> None:
    assert seed.symbol == "A/RES/73/266"
    assert seed.body == "General Assembly"
    assert seed.number == "73/266"
    assert (
        seed.title.pick("en")
        == "Advancing responsible State behaviour in cyberspace in the context of international security"
    )
    assert seed.masthead is not None
    assert seed.masthead.session is not None
    assert (seed.masthead.session.number, seed.masthead.session.words.pick("en")) == (73, "Seventy-third session")
    assert seed.masthead.agenda_item is not None and seed.masthead.agenda_item.text == "96"
    assert seed.masthead.distribution is not None
    assert (seed.masthead.distribution.kind, seed.masthead.distribution.date) == ("General", date(2019, 1, 2))
    assert seed.adoption_date == date(2018, 12, 22)
    assert seed.committee is not None
    assert seed.committee.name == "First Committee"
    assert seed.committee.reports == ("A/73/505",)
    assert seed.formula.pick("en") == "The General Assembly,"
    assert seed.closing is not None
    assert (seed.closing.meeting.pick("en"), seed.closing.date) == ("65th plenary meeting", date(2018, 12, 22))


def test_the_link_artefact_becomes_a_reference(seed: Resolution) -> None:
    assert seed.committee is not None
    assert "(#)" not in seed.committee.text.pick("en") and "[" not in seed.committee.text.pick("en")
    assert seed.committee.text.pick("en") == "on the report of the First Committee (A/73/505)"


def test_paragraph_structure(seed: Resolution) -> None:
    assert len(seed.preamble) == 15
    assert [p.label for p in seed.operative] == ["1", "2", "3", "4", "5", "6"]
    subs = [c.id for p in seed.operative for c in p.children]
    assert subs == ["op-1-a", "op-1-b", "op-2-a", "op-2-b"]
    assert [p.id for p in seed.preamble] == [f"pp-{i}" for i in range(1, 16)]


def test_opening_phrases(seed: Resolution) -> None:
    phrases = [p.phrase.pick("en") for p in seed.preamble]
    assert phrases[0] == "Recalling"
    assert phrases[6] == "Expressing concern"
    assert phrases[12:14] == ["Confirming also", "Confirming further"]
    assert [p.phrase.pick("en") for p in seed.operative] == [
        "Calls upon",
        "Invites",
        "Requests",
        "Requests",
        "Requests",
        "Decides",
    ]


def test_footnotes_and_their_citations(seed: Resolution) -> None:
    assert [(f.number, f.text.pick("en")) for f in seed.footnotes] == [
        ("1", "A/65/201."),
        ("2", "A/68/98."),
        ("3", "A/70/174."),
    ]
    for f in seed.footnotes:
        assert f.cited_by == ("pp-10", "op-1-a")


def test_every_node_has_its_source_line(seed: Resolution) -> None:
    lines = SEED_SOURCE.read_text("utf-8").splitlines()
    for p in seed.paragraphs():
        source_line = lines[p.line - 1]
        assert strip_notes(p.wording("en"))[:30].split()[0] in source_line, p.id
    for f in seed.footnotes:
        assert f.text.pick("en") in lines[f.line - 1]
    assert seed.closing is not None and "plenary meeting" in lines[seed.closing.line - 1]


_SUPERSCRIPT_DEF = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s")


def source_words(text: str) -> tuple[list[str], list[str]]:
    """Words of the official text (body, footnotes) with the source's markup taken away."""
    body: list[str] = []
    notes: list[str] = []
    for line in text.splitlines():
        line = re.sub(r"^\s*-\s+", "", line)
        target = notes if _SUPERSCRIPT_DEF.match(line) else body
        line = re.sub(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s", "", line)
        line = re.sub(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+", " ", line)
        line = line.replace("(#)", "").replace("*", "").replace("[", "").replace("]", "")
        target.extend(line.split())
    return body, notes


def model_words(res: Resolution) -> tuple[list[str], list[str]]:
    """Words of the structured resolution, in document order."""
    m = res.masthead
    parts: list[str] = []
    if m and m.body_line:
        parts.append(res.body)
    if m and m.distribution:
        parts += [f"Distr.: {m.distribution.kind}", f"{m.distribution.date:%-d %B %Y}" if m.distribution.date else ""]
    if m and m.session:
        parts.append(m.session.words.pick("en"))
    if m and m.agenda_item:
        parts.append(f"Agenda item {m.agenda_item.text}")
    if res.adoption:
        parts.append(res.adoption.text.pick("en"))
    if res.committee:
        parts.append(res.committee.text.pick("en"))
    parts += [f"{res.number}. {res.title.pick('en')}", res.formula.pick("en")]
    parts += [_labelled(p) for p in res.paragraphs()]
    if res.closing:
        parts += [res.closing.meeting.pick("en"), f"{res.closing.date:%-d %B %Y}" if res.closing.date else ""]
    body = " ".join(parts).replace("[^", " [^")
    body = re.sub(r"\[\^[0-9]+\]", " ", body)
    return body.split(), " ".join(f.text.pick("en") for f in res.footnotes).split()


def _labelled(p: Paragraph) -> str:
    label = f"{p.label}." if p.kind == "operative" else (f"({p.label})" if p.kind == "subparagraph" else "")
    return f"{label} {p.wording('en')}".strip()


def test_nothing_is_lost(seed: Resolution) -> None:
    """Every word of the official text reaches the structured resolution, in order."""
    want_body, want_notes = source_words(SEED_SOURCE.read_text("utf-8"))
    got_body, got_notes = model_words(seed)
    assert got_body == want_body
    assert got_notes == want_notes


def test_structured_file_matches_golden(seed: Resolution, golden: Callable[[str, str], None]) -> None:
    golden("A-RES-73-266.resolution.yaml", store.dump_yaml(seed))


def test_repository_data_is_the_import_of_its_source(seed: Resolution) -> None:
    """The committed structured resolution is what the importer makes of the committed source."""
    committed = store.load_resolution(Path(SEED_SOURCE).with_name(store.DATA_FILE))
    assert committed.source.imported is not None  # recorded by `python -m generator import`
    assert replace(committed, sources=(replace(committed.source, imported=None),)) == seed


def test_yaml_round_trip(seed: Resolution, tmp_path: Path) -> None:
    path = tmp_path / "resolution.yaml"
    path.write_text(store.dump_yaml(seed), encoding="utf-8")
    assert store.load_resolution(path) == seed
