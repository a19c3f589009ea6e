"""Reading the sources of adoption data: the UN's adoption data, Voeten's unvotes, Akoma Ntoso."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.votes.model import Sponsor
from generator.votes.sources import (
    akn_symbol,
    classify_roll_call,
    documents_in,
    ga_symbol,
    meeting_symbol,
    parse_date,
    read_files,
    session_of,
)
from generator.votes.sponsors import parse_sponsors, unrecognised
from generator.votes.states import state_table
from tests.votes_site import fixture_files

TABLE = state_table()


@pytest.mark.parametrize(
    ("text", "symbol"),
    [
        ("R/73/266", "A/RES/73/266"),
        ("A/RES/74/28", "A/RES/74/28"),
        ("R/73/27A", "A/RES/73/27 A"),
        ("A/RES/ES-11/4", "A/RES/ES-11/4"),
        ("", ""),
        ("S/RES/1590", ""),
    ],
)
def test_ga_symbol(text: str, symbol: str) -> None:
    assert ga_symbol(text) == symbol


def test_session_meeting_and_documents() -> None:
    assert session_of("A/RES/ES-11/4") == "ES-11"
    assert session_of("S/RES/1590(2005)") == ""
    assert meeting_symbol("73", "65th plenary meeting") == "A/73/PV.65"
    assert meeting_symbol("74", "52nd (resumed) plenary meeting") == "A/74/PV.52"
    assert meeting_symbol("ES-11", "14th plenary meeting") == "A/ES-11/PV.14"
    assert documents_in("A/74/363, para. 9") == ["A/74/363"]
    assert documents_in("A/ES-11/L.2 and A/ES-11/L.2 /Add.1") == ["A/ES-11/L.2", "A/ES-11/L.2/Add.1"]
    assert documents_in("A/C.1/74/L.49/Rev.1") == ["A/C.1/74/L.49/Rev.1"]
    assert akn_symbol("/akn/un/statement/deliberation/unga/2022-10-12/ES-11-4/!main/") == "A/RES/ES-11/4"
    assert akn_symbol("/akn/un/statement/deliberation/unga/2020-12-31/75-254A-C/!main/") == "A/RES/75/254 A-C"
    assert akn_symbol("/akn/un/statement/deliberation/unga/2020-08-11/74-232B/!main/") == "A/RES/74/232 B"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2019-10-10 00:00:00", date(2019, 10, 10)),
        ("6 December 2021", date(2021, 12, 6)),
        ("24\xa0March 2022", date(2022, 3, 24)),
        ("someday", None),
    ],
)
def test_dates_in_every_form(text: str, day: date | None) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize(
    ("amend", "para", "descr", "kind", "part"),
    [
        ("0", "0", "Advancing responsible State behaviour : resolution / adopted by the General Assembly", "whole", ""),
        (
            "",
            "1",
            "The Acting President: I now put to the vote operative paragraph 2. A",
            "paragraph",
            "operative paragraph 2",
        ),
        (
            "",
            "1",
            'Draft resolution XXII is entitled "United action". Separate, recorded votes have been requested on the '
            "nineteenth and twentieth preambular paragraphs. I shall first put to the vote the nineteenth preambular paragraph.",
            "paragraph",
            "the nineteenth preambular paragraph",
        ),
        (
            "",
            "1",
            "We will now take a decision on the draft resolution. Separate, recorded votes have been requested",
            "whole",
            "",
        ),
        (
            "1",
            "0",
            "The Assembly will now take a decision on the draft amendment contained in A/71/L.37.",
            "amendment",
            "",
        ),
        (
            "",
            "1",
            "decisions on parts of such proposals put to the vote separately, shall be made by a two-thirds majority",
            "unclear",
            "separately",
        ),
    ],
)
def test_what_a_roll_call_was_on(amend: str, para: str, descr: str, kind: str, part: str) -> None:
    assert classify_roll_call(amend, para, descr) == (kind, part)


def test_un_data_record() -> None:
    reading = read_files(fixture_files("un-data/74.json"), {"A/RES/74/28", "A/RES/74/9", "A/RES/74/1"})
    assert reading.problems == []
    (r,) = reading.records["A/RES/74/28"]
    assert (r.adoption, r.date, r.meeting, r.report, r.report_paragraph) == (
        "recorded vote",
        date(2019, 12, 12),
        "A/74/PV.46",
        "A/74/363",
        "9",
    )
    assert r.agenda_item == "93" and r.committee == "First Committee"
    (ballot,) = r.roll_calls
    assert ballot.counts == (163, 10, 6) and len(ballot.votes) == 179
    # "N.A." stands for none in session 74.
    (na,) = reading.records["A/RES/74/9"]
    assert na.roll_calls[0].counts == (137, 0, 2)
    (without,) = reading.records["A/RES/74/1"]
    assert without.adoption == "without a vote" and without.roll_calls == ()
    assert without.sponsors == (Sponsor(text="SUBMITTED BY THE CHAIR OF THE COMMITTEE"),)
    assert reading.sessions["un-data"] == {"74"}


def test_unvotes_roll_calls_whole_and_separate() -> None:
    reading = read_files(fixture_files("unvotes/roll_calls.csv", "unvotes/votes_sessions_71-74.csv"), {"A/RES/72/50"})
    (r,) = reading.records["A/RES/72/50"]
    kinds = [(b.kind, b.roll_call) for b in r.roll_calls]
    assert kinds[0] == ("whole", "5607")
    assert sum(k == "paragraph" for k, _ in kinds) == 8
    whole = r.roll_calls[0]
    assert [sum(v == x for _, v in whole.votes) for x in ("yes", "no", "abstain")] == [156, 4, 24]
    assert r.ref.roll_calls[0] == "5607"


def test_akn_metadata() -> None:
    reading = read_files(fixture_files("akn/A-RES-74-28.en.xml"))
    (r,) = reading.records["A/RES/74/28"]
    assert r.draft == "A/C.1/74/L.49/Rev.1" and r.report == "A/74/363" and r.report_paragraph == "9"
    assert r.meeting == "A/74/PV.46" and r.adoption == "recorded vote"
    assert r.roll_calls[0].counts == (163, 10, 6)
    assert r.sponsors is not None and len(r.sponsors) == 29
    assert r.additional_sponsors is not None and Sponsor(state="TR") in r.additional_sponsors


def test_unknown_state_name_is_a_problem_naming_file_and_line(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    line = (fixture_files("un-data/ES-11.json")[0]).read_text("utf-8").replace('"NICARAGUA"', '"NICARAGUAH"')
    (folder / "ES-11.json").write_text(line, encoding="utf-8")
    reading = read_files([folder / "ES-11.json"])
    assert [p.format().splitlines()[0] for p in reading.problems] == [
        "ES-11.json:1: A/RES/ES-11/4: the State name 'NICARAGUAH' is not in the table of spellings"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Albania, Bosnia and Herzegovina, Nigeria (on behalf of the Group of African States) and Türkiye",
            [("AL", ""), ("BA", ""), ("NG", "on behalf of the Group of African States"), ("TR", "")],
        ),
        (
            "CUBA, ON BEHALF OF THE MOVEMENT OF NON-ALIGNED COUNTRIES",
            [("CU", "ON BEHALF OF THE MOVEMENT OF NON-ALIGNED COUNTRIES")],
        ),
        ("Saint Vincent and the Grenadines and Trinidad and Tobago", [("VC", ""), ("TT", "")]),
        ("Panama,Republic of Korea", [("PA", ""), ("KR", "")]),
        ("THAILAND ( )", [("TH", "")]),
        ("STATE OF PALESTINE,", [("PS", "")]),
        ("NETHERLANDS (KINGDOM OF THE)", [("NL", "")]),
    ],
)
def test_sponsor_lists(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(s.state, s.note) for s in parse_sponsors([text], TABLE)] == expected


def test_sponsor_texts_that_name_no_state_are_kept() -> None:
    sponsors = parse_sponsors(["SUBMITTED BY THE CHAIR OF THE COMMITTEE", "ANGOLA BAHAMAS"], TABLE)
    assert [s.text for s in sponsors] == ["SUBMITTED BY THE CHAIR OF THE COMMITTEE", "ANGOLA BAHAMAS"]
    assert unrecognised(sponsors) == ["ANGOLA BAHAMAS"]


MEMBERS = sorted(s.name for s in TABLE.members_on(date(2024, 1, 1)))


@given(st.lists(st.sampled_from(MEMBERS), min_size=1, max_size=12, unique=True))
def test_a_list_of_un_names_gives_back_its_states(names: list[str]) -> None:
    text = ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]
    got = [s.state for s in parse_sponsors([text], TABLE)]
    assert got == [TABLE.lookup(n).alpha2 for n in names]  # type: ignore[union-attr]
