"""Read the sources of adoption data into :class:`Record`\\ s, one per resolution and source.

Forms read (detected from the file's name and first bytes, see :func:`read_files`):

- ``un-data``: the UN's adoption data, one JSON object a line (``74.json``): symbol, adoption type,
  date (``2019-10-10 00:00:00`` or ``6 December 2021``), meeting record, originating document,
  agenda item, sponsors, and the States in favour, against and abstaining (names in capitals;
  counts ``N.A.`` for none in session 74);
- ``unvotes``: Erik Voeten's voting data as packaged by the R package unvotes: ``roll_calls.csv``
  (``rcid, session, importantvote, date, unres, amend, para, short, descr``; ``unres`` is
  ``R/73/266`` or ``A/RES/74/28``) and any ``votes*.csv`` (``rcid, country, country_code, vote``);
  it lists recorded votes only, by roll call, and separate votes on parts (``para``) and on
  amendments (``amend``) as roll calls of their own;
- ``akn``: a resolution in the UN's Akoma Ntoso XML, whose ``<meta>`` holds the draft, its
  sponsors, the report, the meeting and ``<analysis><parliamentary><voting>`` with the voters.

Guarantees: every State name goes through the spelling table; a name it lacks is an error
(:attr:`Reading.problems`), never a guess.  Problems name the file and line.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from generator.errors import Problem
from generator.votes.model import AdoptionType, BallotKind, SourceRef, Sponsor, VoteValue
from generator.votes.sponsors import parse_sponsors, unrecognised
from generator.votes.states import StateTable, state_table


@dataclass(frozen=True, slots=True)
class RollCall:
    """One recorded vote as one source gives it."""

    votes: tuple[tuple[str, VoteValue], ...]
    """(alpha-2 code, yes/no/abstain) for every State the source lists."""
    counts: tuple[int, int, int] | None = None
    """(yes, no, abstain) as the source prints them; ``None`` when it prints none."""
    kind: BallotKind = "whole"
    part: str = ""
    roll_call: str = ""


@dataclass(frozen=True, slots=True)
class Record:
    """What one source says about one resolution (empty strings: it says nothing)."""

    symbol: str
    ref: SourceRef
    adoption: AdoptionType | None = None
    date: date | None = None
    meeting: str = ""
    meeting_note: str = ""
    committee: str = ""
    report: str = ""
    report_paragraph: str = ""
    draft: str = ""
    originating_document: str = ""
    agenda_item: str = ""
    agenda_title: str = ""
    sponsors: tuple[Sponsor, ...] | None = None
    additional_sponsors: tuple[Sponsor, ...] | None = None
    roll_calls: tuple[RollCall, ...] = ()


@dataclass
class Reading:
    """Everything read from the files given to ``votes import``."""

    records: dict[str, list[Record]] = field(default_factory=lambda: defaultdict(list))
    """By resolution symbol."""
    problems: list[Problem] = field(default_factory=list)
    """Input that cannot be used: nothing is written while there are any."""
    warnings: list[Problem] = field(default_factory=list)
    sessions: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    """Per source id, the sessions its files cover (``73``, ``ES-11``): to say why data is missing."""


# -- symbols, dates, names ---------------------------------------------------------------------

_UNRES = re.compile(r"^(?:A/RES/|R/)((?:ES-|S-)?\d+)/(\d+)\s*([A-Z]?)$")


def ga_symbol(text: str) -> str:
    """``R/73/266`` or ``A/RES/73/266`` -> ``A/RES/73/266``; ``R/73/27A`` -> ``A/RES/73/27 A``."""
    m = _UNRES.match(text.strip())
    if not m:
        return ""
    return f"A/RES/{m.group(1)}/{m.group(2)}" + (f" {m.group(3)}" if m.group(3) else "")


def session_of(symbol: str) -> str:
    """``A/RES/73/266`` -> ``73``; ``A/RES/ES-11/4`` -> ``ES-11``; ``""`` for other symbols."""
    m = re.match(r"^A/RES/((?:ES-|S-)?\d+)/", symbol)
    return m.group(1) if m else ""


def parse_date(text: str) -> date | None:
    """``2019-10-10 00:00:00``, ``2019-10-10``, ``6 December 2021`` (no-break spaces allowed)."""
    text = " ".join(text.replace("\xa0", " ").split())
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d", "%d %B %Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


_ORDINAL_MEETING = re.compile(r"(\d+)(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?plenary meeting", re.IGNORECASE)


def meeting_symbol(session: str, meeting: str) -> str:
    """``73``, ``65th plenary meeting`` -> ``A/73/PV.65``; ``""`` when ``meeting`` is not so worded."""
    m = _ORDINAL_MEETING.search(meeting)
    return f"A/{session}/PV.{m.group(1)}" if m and session else ""


_PV = re.compile(r"^(A/(?:(?:ES|S)-\d+|\d+)/PV\.\d+)\s*(?:\((.+)\))?$")
_DOC = re.compile(r"A/(?:[A-Za-z0-9.\-]+/)*[A-Za-z0-9.\-]*\d(?:\s?/(?:Add|Rev|Corr)\.\d+)*")
_COMMITTEES = {"#fifthCommittee": "Fifth Committee"}
"""Committee names as one source misspells them, and what they mean."""


def documents_in(text: str) -> list[str]:
    """The document symbols in ``text`` (``A/ES-11/L.2 /Add.1`` -> ``A/ES-11/L.2/Add.1``)."""
    return [m.group(0).replace(" ", "").rstrip(".") for m in _DOC.finditer(text)]


def _names_to_votes(
    names: Sequence[str], vote: VoteValue, table: StateTable, source: str, where: Problem
) -> tuple[list[tuple[str, VoteValue]], list[Problem]]:
    out: list[tuple[str, VoteValue]] = []
    problems: list[Problem] = []
    for name in names:
        state = table.lookup(name, source)
        if state is None:
            problems.append(
                Problem(
                    where.path,
                    where.line,
                    f"{where.message}: the State name {name!r} is not in the table of spellings",
                    hint="add it, mapped to its ISO 3166 code, to generator/data/state_names.csv",
                )
            )
        else:
            out.append((state.alpha2, vote))
    return out, problems


def _sponsor_warnings(sponsors: Iterable[Sponsor], path: str, line: int, symbol: str) -> list[Problem]:
    return [
        Problem(path, line, f"{symbol}: sponsor {text!r} names no State in the table; kept as written")
        for text in unrecognised(sponsors)
    ]


# -- the UN's adoption data ----------------------------------------------------------------------

_TYPES: dict[str, AdoptionType] = {
    "By a recorded vote": "recorded vote",
    "Without a vote": "without a vote",
    "adoptedRecordedVote": "recorded vote",
    "adoptedWithoutVote": "without a vote",
}


def _count(value: object) -> int | None:
    text = str(value).strip()
    if text.isdigit():
        return int(text)
    if text == "N.A.":  # how session 74 writes "none"
        return 0
    return None


def read_un_data(
    path: Path, reading: Reading, table: StateTable, symbols: set[str] | None = None, shown: str | None = None
) -> None:
    """Read one file of the UN's adoption data (one JSON object a line) into ``reading``.

    Only resolutions in ``symbols`` are kept when it is given (the sessions read are all noted).
    """
    name = shown or path.name
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as exc:
                reading.problems.append(Problem(name, number, f"not a JSON object: {exc.msg}", line[:80]))
                continue
            if not isinstance(d, dict) or not isinstance(d.get("symbol"), str):
                reading.problems.append(Problem(name, number, "expected an object with a symbol", line[:80]))
                continue
            symbol = str(d["symbol"]).strip()
            if session := session_of(symbol):
                reading.sessions["un-data"].add(session)
            if symbols is None or symbol in symbols:
                _un_data_record(d, name, number, reading, table)


def _text(d: dict[str, object], key: str) -> str:
    value = d.get(key)
    return " ".join(str(value).replace("\xa0", " ").split()) if value not in (None, "N.A.") else ""


def _list(d: dict[str, object], key: str) -> list[str]:
    value = d.get(key)
    return [str(v) for v in value] if isinstance(value, list) else []


def _un_data_record(d: dict[str, object], name: str, number: int, reading: Reading, table: StateTable) -> None:
    symbol = str(d["symbol"]).strip()
    session = session_of(symbol)
    stated = [t for t in (_TYPES.get(_text(d, "adoption_type")), _TYPES.get(_text(d, "voting_type"))) if t]
    if len(set(stated)) > 1:
        reading.warnings.append(
            Problem(name, number, f"{symbol}: adoption_type and voting_type disagree ({stated[0]}, {stated[1]})")
        )
    adoption = stated[0] if stated else None
    raw_date = _text(d, "adoption_date")
    when = parse_date(raw_date)
    if raw_date and when is None:
        reading.warnings.append(Problem(name, number, f"{symbol}: adoption_date not understood", raw_date))
    pv = _text(d, "pv")
    m = _PV.match(pv)
    meeting, note = (m.group(1), m.group(2) or "") if m else ("", "")
    if pv and not m:
        meeting = meeting_symbol(session, _text(d, "adoption_meeting"))
        reading.warnings.append(
            Problem(name, number, f"{symbol}: pv is not a meeting record's symbol; read from adoption_meeting", pv)
        )
    originating = _text(d, "originating_document")
    docs = documents_in(originating)
    reports = [doc for doc in docs if "/L." not in doc]
    drafts = [doc for doc in docs if "/L." in doc]
    paragraph = _text(d, "report_paragraph")
    agenda = re.sub(r"^Agenda items?\s+", "", _text(d, "agenda_item"))
    committee = _text(d, "committee")
    roll_calls: tuple[RollCall, ...] = ()
    if adoption == "recorded vote":
        where = Problem(name, number, symbol)
        votes: list[tuple[str, VoteValue]] = []
        for key, vote in (("MS_in_favour", "yes"), ("MS_against", "no"), ("MS_abstaining", "abstain")):
            found, problems = _names_to_votes(_list(d, key), vote, table, "un-data", where)  # type: ignore[arg-type]
            votes += found
            reading.problems += problems
        counts = tuple(_count(d.get(f"{key}_count")) for key in ("MS_in_favour", "MS_against", "MS_abstaining"))
        printed = (counts[0], counts[1], counts[2]) if None not in counts else None
        roll_calls = (RollCall(tuple(votes), printed),)  # type: ignore[arg-type]
    sponsors = parse_sponsors(_list(d, "sponsors"), table, "un-data")
    additional = parse_sponsors(_list(d, "additional_sponsors"), table, "un-data")
    reading.warnings += _sponsor_warnings((*sponsors, *additional), name, number, symbol)
    reading.records[symbol].append(
        Record(
            symbol=symbol,
            ref=SourceRef("un-data", name, number),
            adoption=adoption,
            date=when,
            meeting=meeting,
            meeting_note=note,
            committee=_COMMITTEES.get(committee, committee),
            report=reports[0] if reports else "",
            report_paragraph=paragraph if reports else "",
            draft=drafts[0] if drafts else "",
            originating_document=originating,
            agenda_item=agenda,
            agenda_title=_text(d, "agenda_item_name"),
            sponsors=sponsors,
            additional_sponsors=additional,
            roll_calls=roll_calls,
        )
    )


# -- Voeten's unvotes ------------------------------------------------------------------------------

_PUT = re.compile(r"(?:put\s*to\s*the\s*vote|take\s+a\s+recorded\s+vote\s+on)\s*", re.IGNORECASE)
_WHOLE = re.compile(r"^(?:the\s+)?draft\s+(?:resolution|decision)\b(?!\s+[A-Z]{1,3}\b,)", re.IGNORECASE)


def classify_roll_call(amend: str, para: str, descr: str) -> tuple[BallotKind, str]:
    """What a roll call was on: (kind, part), from Voeten's flags and description.

    The description is what the President said before the vote; its last "put to the vote X"
    says what the roll call was on.  Voeten's ``para`` flag marks every roll call of a
    resolution that had separate votes, the vote on the whole included, so it decides nothing
    alone.  A vote on the draft as a whole is ``whole``; on anything else ``paragraph``, with
    the words that name it as ``part`` (``operative paragraph 2``); on an amendment
    (``amend`` flag, or the word in a description that puts nothing else to the vote) ``amendment``.
    """
    if amend.strip() in ("1", "1.0"):
        return "amendment", ""
    puts = list(_PUT.finditer(descr))
    if puts:
        rest = descr[puts[-1].end() :]
        if _WHOLE.match(rest):
            return "whole", ""
        part = re.split(r",|\.(?:\s|$)|\s+on which\b|\s+A recorded\b", rest, maxsplit=1)[0]
        part = " ".join(part.split())[:120]
        if re.search(r"\bamendment", part, re.IGNORECASE):
            return "amendment", part
        if re.search(r"paragraph|\bwords\b|\bsection\b|\bpart\b", part, re.IGNORECASE):
            return "paragraph", part
        return "unclear", part
    if re.search(r"\bamendment", descr, re.IGNORECASE) and not re.search(r"\bentitled\b", descr, re.IGNORECASE):
        return "amendment", ""
    return "whole", ""


def read_unvotes(paths: Sequence[Path], reading: Reading, table: StateTable, symbols: set[str] | None = None) -> None:
    """Read Voeten's roll calls and votes (all files of one reading together) into ``reading``.

    Only resolutions in ``symbols`` are kept when it is given: the vote files are large.
    """
    calls: dict[str, dict[str, str]] = {}
    call_lines: dict[str, tuple[str, int]] = {}
    votes: dict[str, dict[str, tuple[VoteValue, str, int]]] = defaultdict(dict)
    vote_rows: dict[str, tuple[str, str]] = {}  # rcid -> (unres, date) from the vote files
    for path in paths:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = csv.DictReader(fh)
            fields = set(rows.fieldnames or ())
            if {"rcid", "unres", "amend", "para"} <= fields:
                for row in rows:
                    calls[row["rcid"]] = row
                    call_lines[row["rcid"]] = (path.name, rows.line_num)
                    session = str(row.get("session") or "").removesuffix(".0")
                    if session:
                        reading.sessions["unvotes"].add(session)
            elif {"rcid", "country", "country_code", "vote"} <= fields:
                _read_vote_rows(path, rows, reading, table, symbols, votes, vote_rows)
            else:
                reading.problems.append(
                    Problem(
                        path.name, 1, "not a file of Voeten's data: no rcid and unres, or country and vote, columns"
                    )
                )
    by_symbol: dict[str, list[str]] = defaultdict(list)
    for rcid in sorted(set(calls) | set(vote_rows), key=lambda r: float(r) if r.replace(".", "").isdigit() else 0):
        unres, _ = vote_rows.get(rcid, ("", ""))
        symbol = ga_symbol(calls[rcid]["unres"] if rcid in calls else unres)
        if symbol and (symbols is None or symbol in symbols):
            by_symbol[symbol].append(rcid)
    for symbol, rcids in by_symbol.items():
        _unvotes_record(symbol, rcids, calls, call_lines, votes, vote_rows, reading)


def _read_vote_rows(
    path: Path,
    rows: csv.DictReader[str],
    reading: Reading,
    table: StateTable,
    symbols: set[str] | None,
    votes: dict[str, dict[str, tuple[VoteValue, str, int]]],
    vote_rows: dict[str, tuple[str, str]],
) -> None:
    unknown: dict[str, int] = {}
    for row in rows:
        symbol = ga_symbol(row.get("unres") or "")
        if symbols is not None and symbol not in symbols:
            continue
        rcid = row["rcid"]
        vote_rows.setdefault(rcid, (row.get("unres") or "", row.get("date") or ""))
        name, code = row["country"], row["country_code"]
        state = table.lookup(name, "unvotes")
        if state is None:
            unknown.setdefault(name, rows.line_num)
            continue
        # The package writes Serbia's code as YU, and Namibia's NA is read as missing: both explicit.
        if code != state.alpha2 and (code, state.alpha2) not in (("YU", "RS"), ("", "NA")):
            reading.problems.append(
                Problem(path.name, rows.line_num, f"country {name!r} has the code {code!r}, not {state.alpha2}")
            )
            continue
        value = row["vote"].strip().lower()
        if value not in ("yes", "no", "abstain"):
            reading.problems.append(Problem(path.name, rows.line_num, f"vote {value!r} is not yes, no or abstain"))
            continue
        earlier = votes[rcid].get(state.alpha2)
        if earlier and earlier[0] != value:
            reading.warnings.append(
                Problem(
                    path.name,
                    rows.line_num,
                    f"roll call {rcid}: {state.name} votes {value} here and {earlier[0]} in {earlier[1]}:{earlier[2]}",
                )
            )
            continue
        votes[rcid].setdefault(state.alpha2, (value, path.name, rows.line_num))  # type: ignore[arg-type]
    for name, line in unknown.items():
        reading.problems.append(
            Problem(
                path.name,
                line,
                f"the State name {name!r} is not in the table of spellings",
                hint="add it, mapped to its ISO 3166 code, to generator/data/state_names.csv",
            )
        )


def _unvotes_record(
    symbol: str,
    rcids: list[str],
    calls: dict[str, dict[str, str]],
    call_lines: dict[str, tuple[str, int]],
    votes: dict[str, dict[str, tuple[VoteValue, str, int]]],
    vote_rows: dict[str, tuple[str, str]],
    reading: Reading,
) -> None:
    roll_calls: list[RollCall] = []
    when: date | None = None
    for rcid in rcids:
        row = calls.get(rcid)
        kind, part = classify_roll_call(row["amend"], row["para"], row["descr"]) if row else ("whole", "")
        listed = tuple(sorted((code, v[0]) for code, v in votes.get(rcid, {}).items()))
        if kind == "whole" and listed and sum(v == "yes" for _, v in listed) <= sum(v == "no" for _, v in listed):
            # A resolution is adopted by a majority: this roll call was on something else.
            kind = "unclear"
        roll_calls.append(RollCall(listed, None, kind, part, rcid))
        when = when or parse_date((row or {}).get("date") or vote_rows.get(rcid, ("", ""))[1])
    wholes = [r for r in roll_calls if r.kind == "whole"]
    file, line = call_lines.get(rcids[0], ("", 0))
    if len(wholes) > 1:
        reading.warnings.append(
            Problem(
                file,
                line,
                f"{symbol}: roll calls {', '.join(r.roll_call for r in wholes)} all read as votes on the whole "
                "resolution; none is taken as its adoption",
            )
        )
        roll_calls = [
            RollCall(r.votes, r.counts, "unclear", r.part, r.roll_call) if r.kind == "whole" else r for r in roll_calls
        ]
    if not any(r.votes for r in roll_calls):
        reading.warnings.append(
            Problem(file, line, f"{symbol}: roll calls {', '.join(rcids)} have no votes in the files read")
        )
    reading.records[symbol].append(
        Record(
            symbol=symbol,
            ref=SourceRef("unvotes", file or "votes", line, tuple(rcids)),
            adoption="recorded vote" if any(r.kind == "whole" for r in roll_calls) else None,
            date=when,
            roll_calls=tuple(roll_calls),
        )
    )


# -- Akoma Ntoso ---------------------------------------------------------------------------------

_AKN_NS = {"akn": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
_VOTE_REFS: dict[str, VoteValue] = {"inFavour": "yes", "against": "no", "abstaining": "abstain"}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def akn_symbol(frbr_this: str) -> str:
    """``/akn/un/statement/deliberation/unga/2019-12-12/74-28/!main/`` -> ``A/RES/74/28``;
    ``.../75-254A-C/`` -> ``A/RES/75/254 A-C``, as the UN's adoption data writes lettered resolutions."""
    m = re.search(r"/unga/[\d-]+/((?:ES-|S-)?\d+)-(\d+)([A-Z](?:-[A-Z])?)?/", frbr_this, re.IGNORECASE)
    if not m:
        return ""
    letters = f" {m.group(3).upper()}" if m.group(3) else ""
    return f"A/RES/{m.group(1).upper()}/{m.group(2)}{letters}"


def read_akn(
    path: Path, reading: Reading, table: StateTable, symbols: set[str] | None = None, shown: str | None = None
) -> None:
    """Read the adoption metadata of one Akoma Ntoso resolution into ``reading`` (if in ``symbols``)."""
    name = shown or path.name
    try:
        root = ET.parse(path).getroot()  # expat fetches no external entity
    except ET.ParseError as exc:
        reading.problems.append(Problem(name, exc.position[0], f"not well-formed XML: {exc}"))
        return
    elements = list(root.iter())
    work = next((e for e in elements if _local(e.tag) == "FRBRWork"), None)
    this = next((c.get("value", "") for c in (work if work is not None else []) if _local(c.tag) == "FRBRthis"), "")
    symbol = akn_symbol(this)
    if not symbol:
        reading.problems.append(Problem(name, 0, "no General Assembly resolution named in FRBRWork/FRBRthis", this))
        return
    reading.sessions["akn"].add(session_of(symbol))
    if symbols is not None and symbol not in symbols:
        return
    adopted = next(
        (
            c.get("date", "")
            for c in (work if work is not None else [])
            if _local(c.tag) == "FRBRdate" and c.get("name") == "adoption"
        ),
        "",
    )
    record = Record(symbol=symbol, ref=SourceRef("akn", name), date=parse_date(adopted))
    fields: dict[str, object] = {}
    sponsors: tuple[Sponsor, ...] = ()
    additional: tuple[Sponsor, ...] = ()
    for step in (e for e in elements if _local(e.tag) == "step"):
        outcome, symbol_as, by = step.get("outcome", ""), step.get("as", "").strip(), step.get("by", "")
        if outcome == "draftResolution":
            fields["draft"] = symbol_as
            sponsors = parse_sponsors([by], table, "akn")
        elif outcome == "draftResolutionAdditionalSponsors":
            additional = parse_sponsors([by], table, "akn")
        elif outcome == "recommendedForAdoption" and symbol_as:
            fields["report"] = symbol_as
            fields["report_paragraph"] = step.get("refersTo", "").strip()
        elif outcome == "adopted":
            m = _PV.match(symbol_as)
            if m:
                fields["meeting"], fields["meeting_note"] = m.group(1), m.group(2) or ""
    reading.warnings += _sponsor_warnings((*sponsors, *additional), name, 0, symbol)
    voting = next((e for e in elements if _local(e.tag) == "voting"), None)
    adoption: AdoptionType | None = None
    roll_calls: tuple[RollCall, ...] = ()
    if voting is not None:
        adoption = _TYPES.get(voting.get("outcome", ""))
    if voting is not None and adoption == "recorded vote":
        votes: list[tuple[str, VoteValue]] = []
        counts: dict[str, int | None] = {}
        for count in (c for c in voting if _local(c.tag) == "count"):
            vote = _VOTE_REFS.get(count.get("refersTo", ""))
            if vote is None:
                continue
            counts[vote] = _count(count.get("value", ""))
            names = [o.text or "" for o in count.iter() if _local(o.tag) == "organization"]
            found, problems = _names_to_votes(names, vote, table, "akn", Problem(name, 0, symbol))
            votes += found
            reading.problems += problems
        printed = tuple(counts.get(v) for v in ("yes", "no", "abstain"))
        roll_calls = (RollCall(tuple(votes), printed if None not in printed else None),)  # type: ignore[arg-type]
    reading.records[symbol].append(
        Record(
            symbol=record.symbol,
            ref=record.ref,
            adoption=adoption,
            date=record.date,
            meeting=str(fields.get("meeting", "")),
            meeting_note=str(fields.get("meeting_note", "")),
            report=str(fields.get("report", "")),
            report_paragraph=str(fields.get("report_paragraph", "")) if fields.get("report") else "",
            draft=str(fields.get("draft", "")),
            sponsors=sponsors if sponsors or additional else None,
            additional_sponsors=additional if sponsors or additional else None,
            roll_calls=roll_calls,
        )
    )


# -- all files -----------------------------------------------------------------------------------


def form_of(path: Path) -> str:
    """``un-data``, ``unvotes`` or ``akn`` from the file's name and first bytes; ``""`` if none."""
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as fh:
            head = fh.read(512).lstrip()
    except OSError:
        return ""
    if suffix == ".csv":
        return "unvotes"
    if suffix in (".json", ".jsonl", ".ndjson") and head.startswith(b"{"):
        return "un-data"
    if suffix == ".xml" or head.startswith(b"<?xml") or head.startswith(b"<akomaNtoso"):
        return "akn"
    return ""


def read_files(paths: Sequence[Path], symbols: set[str] | None = None, table: StateTable | None = None) -> Reading:
    """Read every file; their forms are told apart by :func:`form_of`."""
    table = table or state_table()
    reading = Reading()
    unvotes: list[Path] = []
    for path in paths:
        form = form_of(path)
        if form == "un-data":
            read_un_data(path, reading, table, symbols)
        elif form == "akn":
            read_akn(path, reading, table, symbols)
        elif form == "unvotes":
            unvotes.append(path)
        elif not path.exists():
            reading.problems.append(Problem(str(path), 0, "no such file"))
        else:
            reading.problems.append(
                Problem(
                    str(path),
                    0,
                    "not a form of adoption data this command reads",
                    hint="give the UN's adoption data (<session>.json), Voeten's CSV files, or Akoma Ntoso XML",
                )
            )
    if unvotes:
        read_unvotes(unvotes, reading, table, symbols)
    return reading
