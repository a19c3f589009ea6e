"""The table of States: codes, names, membership, and every spelling the sources use."""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from generator.votes.sponsors import NOT_A_STATE, parse_sponsors, unrecognised
from generator.votes.states import normalise_name, state_table
from tests.votes_site import FIXTURES

TABLE = state_table()


def members(day: str) -> int:
    return len(TABLE.members_on(date.fromisoformat(day)))


@pytest.mark.parametrize(
    ("day", "count"),
    [
        ("1945-12-31", 51),
        ("1990-12-31", 159),
        ("1991-12-31", 166),
        ("1992-12-31", 179),
        ("1993-12-31", 184),
        ("1994-12-31", 185),
        ("1999-12-31", 188),
        ("2000-12-31", 189),
        ("2002-12-31", 191),
        ("2006-06-27", 191),
        ("2006-06-28", 192),  # Montenegro
        ("2011-07-13", 192),
        ("2011-07-14", 193),  # South Sudan
        ("2025-01-01", 193),
    ],
)
def test_membership_totals_are_the_uns(day: str, count: int) -> None:
    assert members(day) == count


def test_original_members() -> None:
    original = [s for s in TABLE.states.values() if s.original]
    assert len(original) == 51
    assert all(s.admitted and date(1945, 10, 24) <= s.admitted <= date(1945, 12, 27) for s in original)
    assert {"CS", "YU", "BY", "UA", "RU", "IN", "PH", "PL"} <= {s.alpha2 for s in original}
    assert TABLE["CZ"].admitted == date(1993, 1, 19) and not TABLE["CZ"].original


def test_codes_are_unique_and_well_formed() -> None:
    states = list(TABLE.states.values())
    for attr, pattern in (("alpha2", r"[A-Z]{2}"), ("alpha3", r"[A-Z]{3}"), ("numeric", r"\d{3}")):
        values = [getattr(s, attr) for s in states]
        assert len(values) == len(set(values)), attr
        assert all(re.fullmatch(pattern, v) for v in values), attr
    assert TABLE["RS"].alpha3 == "SRB" and TABLE["RS"].numeric == "688"
    assert TABLE["TR"].name == "Türkiye" and TABLE["CI"].name == "Côte d'Ivoire"
    assert TABLE["PS"].admitted is None and not TABLE["PS"].member_on(date(2024, 1, 1))


def test_spellings_name_known_states_in_normal_form() -> None:
    for (spelling, source), code in TABLE.spellings.items():
        assert code in TABLE.states, spelling
        assert spelling == normalise_name(spelling), spelling
        assert source in ("", "unvotes", "un-data", "akn"), source
    # Every State's own UN name is a spelling of it.
    for state in TABLE.states.values():
        assert TABLE.lookup(state.name) is state or state.alpha2 == "YU"


@pytest.mark.parametrize(
    ("name", "source", "code"),
    [
        ("IRAN (ISLAMIC REPUBLIC OF)", "", "IR"),
        ("COTE D'IVOIRE", "", "CI"),
        ("CÔTE D’IVOIRE", "", "CI"),
        ("Côte d’Ivoire", "unvotes", "CI"),
        ("Yugoslavia", "unvotes", "RS"),
        ("Yugoslavia", "", "YU"),
        ("SERBIA", "un-data", "RS"),
        ("Turkey", "unvotes", "TR"),
        ("TÜRKİYE", "", "TR"),
        ("TU\u0308RKI\u0307YE", "", "TR"),  # decomposed: NFC makes it the line above
        ("TÜRKÝYE", "", "TR"),
        ("Czechia", "", "CZ"),
        ("Czech Republic", "", "CZ"),
        ("Eswatini", "", "SZ"),
        ("Swaziland", "", "SZ"),
        ("North Macedonia", "", "MK"),
        ("NETHERLANDS (KINGDOM OF THE)", "", "NL"),
        ("Congo - Kinshasa", "unvotes", "CD"),
        ("St. Vincent & Grenadines", "unvotes", "VC"),
        ("SAO TOME\xa0AND  PRINCIPE", "", "ST"),
    ],
)
def test_spellings(name: str, source: str, code: str) -> None:
    state = TABLE.lookup(name, source)
    assert state is not None and state.alpha2 == code


def test_unknown_names_are_not_guessed() -> None:
    assert TABLE.lookup("IRAN, ISLAMIC REP.") is None
    assert TABLE.lookup("Czech") is None


# -- every name in every fixture file maps -----------------------------------------------------


def _un_data_names() -> list[tuple[str, str]]:
    out = []
    for path in sorted((FIXTURES / "un-data").glob("*.json")):
        for line in path.read_text("utf-8").splitlines():
            d = json.loads(line)
            for key in ("MS_in_favour", "MS_against", "MS_abstaining"):
                out += [(f"{path.name} {key}", n) for n in d[key]]
    return out


def test_every_voter_name_in_the_un_data_fixtures_maps() -> None:
    names = _un_data_names()
    assert len(names) > 500
    assert [n for _, n in names if TABLE.lookup(n, "un-data") is None] == []


def test_every_country_in_the_unvotes_fixtures_maps_to_its_code() -> None:
    rows = 0
    for path in sorted((FIXTURES / "unvotes").glob("votes_*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                rows += 1
                state = TABLE.lookup(row["country"], "unvotes")
                assert state is not None, row["country"]
                code = row["country_code"]
                assert code == state.alpha2 or (code, state.alpha2) in (("YU", "RS"), ("", "NA")), row
    assert rows > 3000


def _akn(path: Path) -> ET.Element:
    return ET.parse(path).getroot()


def test_every_voter_and_sponsor_in_the_akn_fixtures_maps() -> None:
    voters = 0
    for path in sorted((FIXTURES / "akn").glob("*.xml")):
        root = _akn(path)
        for element in root.iter():
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "organization":
                voters += 1
                assert TABLE.lookup(element.text or "", "akn") is not None, element.text
            if tag == "step" and element.get("outcome", "").startswith("draftResolution"):
                sponsors = parse_sponsors([element.get("by", "")], TABLE, "akn")
                assert unrecognised(sponsors) == [], path.name
    assert voters > 300


def test_every_sponsor_in_the_un_data_fixtures_is_a_state_or_a_body() -> None:
    for path in sorted((FIXTURES / "un-data").glob("*.json")):
        for line in path.read_text("utf-8").splitlines():
            d = json.loads(line)
            sponsors = parse_sponsors([*d["sponsors"], *d["additional_sponsors"]], TABLE, "un-data")
            assert unrecognised(sponsors) == [], d["symbol"]
            assert all(s.state or NOT_A_STATE.search(s.text) for s in sponsors)
