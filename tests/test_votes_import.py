"""``python -m generator votes import`` on a copy of the site plus synthetic resolution folders."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.cli import main
from generator.votes.store import ADOPTION_FILE, load_adoption
from tests.votes_site import FIXTURES, add_resolution, fixture_files

ICT = "Advancing responsible State behaviour in cyberspace in the context of international security"
ALL = [str(p) for p in fixture_files()]


@pytest.fixture
def site(core_copy: Path) -> Path:
    """The copy of the site, without adoption files, with synthetic folders for 74/28, 76/19, 72/50."""
    resolutions = core_copy.parent / "resolutions"
    for old in resolutions.glob(f"*/{ADOPTION_FILE}"):
        old.unlink()
    add_resolution(resolutions, "A/RES/74/28", ICT, date(2019, 12, 12))
    add_resolution(resolutions, "A/RES/76/19", "Developments in the field of information", date(2021, 12, 6))
    add_resolution(
        resolutions, "A/RES/72/50", "United action towards the total elimination of nuclear weapons", date(2017, 12, 4)
    )
    return core_copy


def run(config: Path, *files: str) -> int:
    return main(["--config", str(config), "votes", "import", *files])


def adoption(config: Path, slug: str):  # type: ignore[no-untyped-def]
    return load_adoption(config.parent / "resolutions" / slug / ADOPTION_FILE)


def test_required_facts(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(site, *ALL) == 0
    out = capsys.readouterr().out
    assert "A/RES/73/266: recorded vote 138-12-16, 27 non-voting (unvotes)" in out
    assert "S/RES/1590(2005): nothing written (not a General Assembly resolution)" in out

    a = adoption(site, "A-RES-73-266")
    assert a.adoption.value == "recorded vote" and a.adoption.sources == ("unvotes",)
    v = a.vote
    assert (v.yes.count.value, v.no.count.value, v.abstain.count.value) == (138, 12, 16)
    assert v.non_voting.count.value == 193 - 166
    assert a.meeting.value == "A/73/PV.65" and a.meeting.sources == ("text",)
    assert a.report.value == "A/73/505"
    assert "CN" in v.no.states.value and "RS" in v.yes.states.value  # Voeten's "Yugoslavia"

    b = adoption(site, "A-RES-74-28")
    assert (b.vote.yes.count.value, b.vote.no.count.value, b.vote.abstain.count.value) == (163, 10, 6)
    assert b.vote.yes.count.sources == ("un-data", "akn", "unvotes")
    assert b.vote.differences == ()
    assert b.draft.value == "A/C.1/74/L.49/Rev.1" and b.draft.sources == ("akn",)
    assert b.meeting.value == "A/74/PV.46"

    c = adoption(site, "A-RES-ES-11-4")
    assert (c.vote.yes.count.value, c.vote.no.count.value, c.vote.abstain.count.value) == (143, 5, 35)
    assert c.vote.non_voting.count.value == 193 - 183
    assert c.meeting.value == "A/ES-11/PV.14"

    d = adoption(site, "A-RES-76-19")
    assert d.adoption.value == "without a vote" and d.adoption.sources == ("un-data", "akn")
    assert d.vote is None
    assert d.report.value == "A/76/439" and d.report_paragraph.value == "7"
    assert d.sponsors is not None and len(d.sponsors.value) == 55


def test_session_73_without_a_recorded_vote_is_unknown(site: Path) -> None:
    assert run(site, *ALL) == 0
    a = adoption(site, "A-RES-73-6")
    assert a.adoption.value == "unknown" and a.adoption.sources == ()
    assert a.notes and a.notes[0].startswith("adoption type unknown")
    assert a.meeting.value == "A/73/PV.26" and a.draft.value == "A/73/L.6"
    assert a.vote is None


def test_separate_votes(site: Path) -> None:
    assert run(site, *ALL) == 0
    a = adoption(site, "A-RES-72-50")
    assert (a.vote.yes.count.value, a.vote.no.count.value, a.vote.abstain.count.value) == (156, 4, 24)
    assert len(a.separate_votes) == 8
    first = a.separate_votes[0]
    assert first.kind == "paragraph" and first.part == "operative paragraph 5" and first.roll_call == "5992"
    assert first.sources == ("unvotes",)


def test_import_is_idempotent_and_check_accepts_it(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(site, *ALL) == 0
    written = {p: p.read_bytes() for p in site.parent.glob(f"resolutions/*/{ADOPTION_FILE}")}
    assert len(written) == 7
    capsys.readouterr()
    assert run(site, *ALL) == 0
    assert "wrote 0 adoption files, 7 unchanged" in capsys.readouterr().out
    assert {p: p.read_bytes() for p in written} == written
    assert main(["--config", str(site), "check"]) == 0


def test_sources_that_disagree_are_warnings_naming_both(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = json.loads((FIXTURES / "un-data" / "ES-11.json").read_text("utf-8"))
    line["MS_in_favour_count"] = "144"  # the list still has 143 names
    line["pv"] = "A/ES-11/PV.15"
    changed = tmp_path / "ES-11.json"
    changed.write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert run(site, str(changed), str(FIXTURES / "akn" / "A-RES-ES-11-4.en.xml")) == 0
    err = capsys.readouterr().err
    assert "meeting: un-data (ES-11.json:1) gives A/ES-11/PV.15, akn (A-RES-ES-11-4.en.xml) gives A/ES-11/PV.14" in err
    assert "vote: the tally of yes is 144 (un-data (ES-11.json:1)), but 143 States are listed as yes" in err
    assert "vote: un-data (ES-11.json:1) counts 144 yes, akn (A-RES-ES-11-4.en.xml) 143" in err
    a = adoption(site, "A-RES-ES-11-4")
    assert a.meeting.value == "A/ES-11/PV.15" and a.meeting.differs == (("akn", "A/ES-11/PV.14"),)
    # check says the same, at the line of the figure.
    capsys.readouterr()
    assert main(["--config", str(site), "check"]) == 0
    err = capsys.readouterr().err
    assert "resolutions/A-RES-ES-11-4/adoption.yaml:" in err and "gives A/ES-11/PV.15" in err


def test_a_state_voting_differently_in_two_sources(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = (FIXTURES / "unvotes" / "votes_ict_series.csv").read_text("utf-8").splitlines()
    edited = [r.replace("9076,Germany,DE,yes", "9076,Germany,DE,abstain") for r in rows]
    assert edited != rows
    (tmp_path / "votes_ict_series.csv").write_text("\n".join(edited) + "\n", encoding="utf-8")
    shutil.copy(FIXTURES / "unvotes" / "roll_calls.csv", tmp_path / "roll_calls.csv")
    files = [
        str(FIXTURES / "un-data" / "74.json"),
        str(tmp_path / "roll_calls.csv"),
        str(tmp_path / "votes_ict_series.csv"),
    ]
    assert run(site, *files) == 0
    err = capsys.readouterr().err
    assert (
        "Germany votes differently: un-data (74.json:4) yes, unvotes (roll_calls.csv:14, roll call 9076) abstain" in err
    )
    a = adoption(site, "A-RES-74-28")
    assert "DE" in a.vote.yes.states.value
    assert [(d.state, d.votes) for d in a.vote.differences] == [("DE", (("un-data", "yes"), ("unvotes", "abstain")))]


def test_unknown_state_name_writes_nothing(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (FIXTURES / "un-data" / "ES-11.json").read_text("utf-8").replace('"NICARAGUA"', '"NICARAGUAH"')
    (tmp_path / "ES-11.json").write_text(text, encoding="utf-8")
    assert run(site, str(tmp_path / "ES-11.json"), *ALL) == 2
    assert "NICARAGUAH" in capsys.readouterr().err
    assert list(site.parent.glob(f"resolutions/*/{ADOPTION_FILE}")) == []


def test_unknown_file_form_writes_nothing(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("hello\n", encoding="utf-8")
    assert run(site, str(tmp_path / "notes.txt")) == 2
    assert "not a form of adoption data this command reads" in capsys.readouterr().err


def test_a_partial_run_keeps_what_it_cannot_replace(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(site, *ALL) == 0
    before = (site.parent / "resolutions" / "A-RES-74-28" / ADOPTION_FILE).read_bytes()
    capsys.readouterr()
    assert (
        run(site, str(FIXTURES / "unvotes" / "roll_calls.csv"), str(FIXTURES / "unvotes" / "votes_ict_series.csv")) == 0
    )
    captured = capsys.readouterr()
    assert "A/RES/74/28: kept (sources not given: akn, un-data)" in captured.out
    assert (site.parent / "resolutions" / "A-RES-74-28" / ADOPTION_FILE).read_bytes() == before
