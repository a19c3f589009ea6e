"""Merge what each source says about a resolution into one :class:`Adoption`.

Guarantees of :func:`merge`:

- every figure records the sources that give it; a source that gives another value is kept in
  ``differs`` (for a State's vote: in ``Ballot.differences``), never dropped;
- the value shown is that of the first source in :data:`SOURCE_ORDER` that gives one; no
  source is preferred without that being recorded and warned about (:func:`disagreements`);
- the adoption type is ``unknown`` unless a source states it: Voeten's data lists recorded votes
  only, so its silence says nothing (:attr:`Adoption.notes` says why it is unknown);
- non-voting States are the Members on the day of the vote whom no source lists in any column.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any, TypeVar

from generator.errors import Problem
from generator.model import Resolution
from generator.votes.model import (
    SOURCE_ORDER,
    Adoption,
    AdoptionType,
    Ballot,
    Column,
    Difference,
    Fact,
    SourceRef,
    Sponsor,
    VoteValue,
)
from generator.votes.sources import Record, RollCall, documents_in, meeting_symbol, session_of
from generator.votes.states import StateTable, normalise_name

T = TypeVar("T")


def _rank(source: str) -> int:
    return SOURCE_ORDER.index(source) if source in SOURCE_ORDER else len(SOURCE_ORDER)


def fact(pairs: Iterable[tuple[str, T | None]], key: Callable[[T], Hashable] | None = None) -> Fact[T] | None:
    """One figure from (source, value) pairs; empty values say nothing.  ``None`` if none says anything."""
    given = sorted(((s, v) for s, v in pairs if v not in (None, "", ())), key=lambda p: _rank(p[0]))
    if not given:
        return None
    k: Callable[[Any], Hashable] = key or (lambda v: v)
    shown = given[0][1]
    assert shown is not None
    agree = tuple(s for s, v in given if k(v) == k(shown))
    differs = tuple((s, v) for s, v in given if k(v) != k(shown))
    return Fact(shown, agree, differs)


def _sponsor_key(sponsors: tuple[Sponsor, ...]) -> Hashable:
    """Sponsors compare by State (or words) and qualifier, whatever the case they are written in."""
    return tuple(sorted((s.state or normalise_name(s.text), normalise_name(s.note)) for s in sponsors))


def text_record(res: Resolution) -> Record | None:
    """What the resolution's own text says: date, meeting, committee and report or draft, agenda item."""
    session = session_of(res.symbol)
    if not session:
        return None
    lang = res.language
    meeting = ""
    if res.closing:
        meeting = meeting_symbol(session, res.closing.meeting.pick(lang))
    committee, report, draft = "", "", ""
    if res.committee:
        line = res.committee.text.pick(lang)
        docs = list(res.committee.reports) or documents_in(line)
        reports = [d for d in docs if "/L." not in d]
        drafts = [d for d in docs if "/L." in d]
        if res.committee.name:
            committee = res.committee.name
        elif re.search(r"without reference to a Main Committee", line, re.IGNORECASE):
            committee = "Without reference to a Main Committee"
        report = reports[0] if reports else ""
        draft = drafts[0] if drafts else ""
    agenda = res.masthead.agenda_item.text if res.masthead and res.masthead.agenda_item else ""
    return Record(
        symbol=res.symbol,
        ref=SourceRef("text", "resolution.yaml"),
        date=res.adoption_date,
        meeting=meeting,
        committee=committee,
        report=report,
        draft=draft,
        agenda_item=agenda,
    )


def _whole(record: Record) -> RollCall | None:
    return next((r for r in record.roll_calls if r.kind == "whole"), None)


def _ballot(
    ballots: Sequence[tuple[str, RollCall]],
    members: Sequence[str] | None,
    kind: str = "whole",
    part: str = "",
    roll_call: str = "",
) -> tuple[Ballot, list[str]]:
    """One ballot from the same vote as several sources give it; and the States listed but not Members."""
    by_source = [(source, dict(rc.votes)) for source, rc in ballots]
    sources = tuple(source for source, _ in by_source)
    states = sorted({code for _, votes in by_source for code in votes})
    shown: dict[str, VoteValue] = {}
    differences: list[Difference] = []
    for code in states:
        votes = tuple((source, votes.get(code, "non-voting")) for source, votes in by_source)
        shown[code] = votes[0][1]
        if len({v for _, v in votes}) > 1:
            differences.append(Difference(code, votes))
    columns: dict[VoteValue, Column] = {}
    for value, index in (("yes", 0), ("no", 1), ("abstain", 2)):
        listed = tuple(code for code in states if shown[code] == value)
        counts: list[tuple[str, int | None]] = []
        for source, rc in ballots:
            if rc.counts is not None:
                counts.append((source, rc.counts[index]))
            else:  # a source without printed counts: the count of its own list
                counts.append((source, sum(1 for _, v in rc.votes if v == value)))
        count = fact(counts) or Fact(len(listed), sources)
        columns[value] = Column(Fact(listed, sources), count)  # type: ignore[index]
    not_members: list[str] = []
    if members is not None:
        non_voting = tuple(code for code in members if code not in shown)
        not_members = [code for code in states if code not in members]
        columns["non-voting"] = Column(Fact(non_voting, ("membership",)), Fact(len(non_voting), ("membership",)))
    else:
        columns["non-voting"] = Column(Fact((), ()), Fact(0, ()))
    ballot = Ballot(
        columns["yes"],
        columns["no"],
        columns["abstain"],
        columns["non-voting"],
        tuple(differences),
        kind,  # type: ignore[arg-type]
        part,
        roll_call,
        sources if kind != "whole" else (),
    )
    return ballot, not_members


def _coverage_note(symbol: str, coverage: Mapping[str, set[str]]) -> str:
    session = session_of(symbol)
    parts = []
    if "un-data" in coverage:
        covered = "it" if session in coverage["un-data"] else f"not session {session}"
        parts.append(f"the UN's adoption data read covers {covered}")
    else:
        parts.append("no UN adoption data was read")
    if "unvotes" in coverage and session in coverage["unvotes"]:
        parts.append("Voeten's data, which lists recorded votes only, has no recorded vote on it")
    return "adoption type unknown: no source read says how it was adopted (" + "; ".join(parts) + ")"


def merge(
    symbol: str,
    records: Sequence[Record],
    table: StateTable,
    coverage: Mapping[str, set[str]] | None = None,
) -> tuple[Adoption, list[str]]:
    """The adoption of ``symbol`` from the records of every source; and problems with the records."""
    problems: list[str] = []
    kept: list[Record] = []
    for record in sorted(records, key=lambda r: _rank(r.ref.id)):
        earlier = next((r for r in kept if r.ref.id == record.ref.id), None)
        if earlier is not None:
            problems.append(f"{record.ref.id} has a second record at {record.ref.where()}; kept {earlier.ref.where()}")
            continue
        kept.append(record)

    def pairs(get: Callable[[Record], Any]) -> list[tuple[str, Any]]:
        return [(r.ref.id, get(r)) for r in kept]

    adoption_fact: Fact[AdoptionType] | None = fact(pairs(lambda r: r.adoption))
    notes: tuple[str, ...] = ()
    if adoption_fact is None:
        adoption_fact = Fact("unknown", ())
        notes = (_coverage_note(symbol, coverage or {}),)
    when = fact(pairs(lambda r: r.date))
    meeting = fact(pairs(lambda r: r.meeting))
    meeting_note = next((r.meeting_note for r in kept if meeting and r.ref.id == meeting.sources[0]), "")
    members = [s.alpha2 for s in table.members_on(when.value)] if when else None
    wholes = [(r.ref.id, rc) for r in kept if (rc := _whole(r)) is not None]
    vote = None
    if wholes:
        vote, outsiders = _ballot(wholes, members)
        problems += [
            f"{table[code].name} is listed in the vote but was not a Member on {when.value.isoformat()}"
            for code in outsiders
            if when
        ]
    separate = []
    for record in kept:
        for rc in record.roll_calls:
            if rc.kind != "whole":
                ballot, _ = _ballot([(record.ref.id, rc)], members, rc.kind, rc.part, rc.roll_call)
                separate.append(ballot)
    adoption = Adoption(
        symbol=symbol,
        sources=tuple(r.ref for r in kept),
        adoption=adoption_fact,
        date=when,
        meeting=meeting,
        meeting_note=meeting_note,
        committee=fact(pairs(lambda r: r.committee)),
        report=fact(pairs(lambda r: r.report)),
        report_paragraph=fact(pairs(lambda r: r.report_paragraph)),
        draft=fact(pairs(lambda r: r.draft)),
        originating_document=fact(pairs(lambda r: r.originating_document)),
        agenda_item=fact(pairs(lambda r: r.agenda_item)),
        agenda_title=fact(pairs(lambda r: r.agenda_title)),
        sponsors=fact(pairs(lambda r: r.sponsors), _sponsor_key),
        additional_sponsors=fact(pairs(lambda r: r.additional_sponsors), _sponsor_key),
        vote=vote,
        separate_votes=tuple(separate),
        notes=notes,
    )
    if members is not None and any(s.id == "membership" for s in adoption.sources) is False and (vote or separate):
        adoption = replace(adoption, sources=(*adoption.sources, SourceRef("membership", "states.csv")))
    return adoption, problems


# -- what disagrees ------------------------------------------------------------------------------

FACT_FIELDS = (
    "adoption",
    "date",
    "meeting",
    "committee",
    "report",
    "report_paragraph",
    "draft",
    "originating_document",
    "agenda_item",
    "agenda_title",
    "sponsors",
    "additional_sponsors",
)


def _shown(value: object, table: StateTable) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple) and all(isinstance(v, Sponsor) for v in value):
        return f"{len(value)} sponsors"
    if isinstance(value, tuple):
        return ", ".join(map(str, value))
    return str(value)


def _where(adoption: Adoption, source: str) -> str:
    ref = adoption.source(source)
    return f"{source} ({ref.where()})" if ref else source


def disagreements(adoption: Adoption, table: StateTable) -> list[tuple[str, str]]:
    """Every disagreement the adoption records, as (field, message naming both sides).

    Two sources that give different values; a tally that is not the number of States listed.
    """
    out: list[tuple[str, str]] = []
    for name in FACT_FIELDS:
        f: Fact[Any] | None = getattr(adoption, name)
        if f is None:
            continue
        for source, value in f.differs:
            extra = ""
            if name in ("sponsors", "additional_sponsors"):
                mine = {s.state or normalise_name(s.text) for s in f.value}
                theirs = {s.state or normalise_name(s.text) for s in value}
                only_a, only_b = sorted(mine - theirs), sorted(theirs - mine)
                extra = f" (only in {f.sources[0]}: {', '.join(only_a) or '-'}; only in {source}: {', '.join(only_b) or '-'})"
            out.append(
                (
                    name,
                    f"{name.replace('_', ' ')}: {_where(adoption, f.sources[0])} gives {_shown(f.value, table)}, "
                    f"{_where(adoption, source)} gives {_shown(value, table)}{extra}",
                )
            )
    ballots = [("vote", adoption.vote)] if adoption.vote else []
    ballots += [(f"separate vote {b.roll_call or i + 1}", b) for i, b in enumerate(adoption.separate_votes)]
    for label, ballot in ballots:
        assert ballot is not None
        for value, column in ballot.columns():
            if value == "non-voting":
                continue
            listed = len(column.states.value)
            if column.count.value != listed:
                out.append(
                    (
                        f"{label}.{value}",
                        f"{label}: the tally of {value} is {column.count.value} "
                        f"({_where(adoption, column.count.sources[0])}), but {listed} States are listed as {value}",
                    )
                )
            for source, count in column.count.differs:
                out.append(
                    (
                        f"{label}.{value}",
                        f"{label}: {_where(adoption, column.count.sources[0])} counts {column.count.value} {value}, "
                        f"{_where(adoption, source)} {count}",
                    )
                )
        for diff in ballot.differences:
            sides = ", ".join(f"{_where(adoption, s)} {v}" for s, v in diff.votes)
            out.append((f"{label}.differences", f"{label}: {table[diff.state].name} votes differently: {sides}"))
    return out


def problems_of(
    adoption: Adoption, path: str, table: StateTable, line_of: Callable[[str], int] | None = None
) -> list[Problem]:
    """:func:`disagreements` as warnings on ``path`` (at the line of the figure when known)."""
    return [
        Problem(path, line_of(field) if line_of else 0, f"{adoption.symbol}: {message}")
        for field, message in disagreements(adoption, table)
    ]
