"""``resolutions/<slug>/adoption.yaml``: written by ``votes import``, validated by ``check``.

Validation is the JSON Schema ``generator/schema/adoption.schema.json`` and then
:func:`validate_adoption` (States known, no State in two columns, sources named); every problem
is collected and reported as ``adoption.yaml:LINE: message``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from generator import yamlsafe
from generator.errors import DataError, Problem
from generator.paths import read_contributed
from generator.votes.model import (
    ADOPTION_SCHEMA_VERSION,
    SOURCE_ORDER,
    Adoption,
    Ballot,
    Column,
    Difference,
    Fact,
    SourceRef,
    Sponsor,
)
from generator.votes.states import StateTable, state_table

ADOPTION_FILE = "adoption.yaml"


def load_yaml(text: str, shown: str = "adoption.yaml") -> Any:
    """Parse YAML data safely and bounded (:mod:`generator.yamlsafe`)."""
    return yamlsafe.load(text, shown)


def compose_yaml(text: str) -> yaml.Node | None:
    """The node tree of ``text`` (for line numbers in messages)."""
    return yamlsafe.compose(text, ADOPTION_FILE)


@cache
def schema() -> dict[str, Any]:
    text = resources.files("generator").joinpath("schema/adoption.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


# -- model -> data ---------------------------------------------------------------------------------


def _value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple) and all(isinstance(v, Sponsor) for v in value):
        return [_sponsor(s) for s in value]
    if isinstance(value, tuple):
        return list(value)
    return value


def _fact(f: Fact[Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"value": _value(f.value), "sources": list(f.sources)}
    if f.differs:
        out["differs"] = [{"source": s, "value": _value(v)} for s, v in f.differs]
    return out


def _sponsor(s: Sponsor) -> dict[str, str]:
    out = {}
    if s.state:
        out["state"] = s.state
    if s.text:
        out["text"] = s.text
    if s.note:
        out["note"] = s.note
    return out


def _column(c: Column) -> dict[str, Any]:
    return {"count": _fact(c.count), "states": _fact(c.states)}


def _ballot(b: Ballot) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if b.kind != "whole":
        out["kind"] = b.kind
        if b.part:
            out["part"] = b.part
        if b.roll_call:
            out["roll_call"] = b.roll_call
        out["sources"] = list(b.sources)
    for value, column in b.columns():
        out[value.replace("-", "_")] = _column(column)
    if b.differences:
        out["differences"] = [
            {"state": d.state, "votes": [{"source": s, "vote": v} for s, v in d.votes]} for d in b.differences
        ]
    return out


_FACTS = (
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


def to_data(a: Adoption) -> dict[str, Any]:
    out: dict[str, Any] = {"schema_version": ADOPTION_SCHEMA_VERSION, "symbol": a.symbol, "sources": []}
    for ref in a.sources:
        entry: dict[str, Any] = {"id": ref.id, "file": ref.file}
        if ref.line:
            entry["line"] = ref.line
        if ref.roll_calls:
            entry["roll_calls"] = list(ref.roll_calls)
        out["sources"].append(entry)
    for name in _FACTS:
        f = getattr(a, name)
        if f is not None:
            out[name] = _fact(f)
        if name == "meeting" and a.meeting_note:
            out["meeting_note"] = a.meeting_note
    if a.vote:
        out["vote"] = _ballot(a.vote)
    if a.separate_votes:
        out["separate_votes"] = [_ballot(b) for b in a.separate_votes]
    if a.notes:
        out["notes"] = list(a.notes)
    return out


def dump_yaml(a: Adoption) -> str:
    header = (
        f"# How {a.symbol} was adopted: written by `python -m generator votes import` from the sources\n"
        "# listed; run it again to update. Where sources differ, the value shown is the first source's in\n"
        f"# the order {', '.join(SOURCE_ORDER[:4])}; the others are kept under `differs`.\n"
        "# States are ISO 3166-1 alpha-2 codes (generator/data/states.csv).\n"
    )
    body = yaml.safe_dump(to_data(a), sort_keys=False, allow_unicode=True, width=100, default_flow_style=None)
    return header + body


# -- data -> model ---------------------------------------------------------------------------------


def _from_fact(d: dict[str, Any] | None, convert: Callable[[Any], Any] = lambda v: v) -> Fact[Any] | None:
    if d is None:
        return None
    return Fact(
        convert(d["value"]),
        tuple(d.get("sources", ())),
        tuple((x["source"], convert(x["value"])) for x in d.get("differs", ())),
    )


def _sponsors(value: list[dict[str, str]]) -> tuple[Sponsor, ...]:
    return tuple(Sponsor(s.get("state", ""), s.get("text", ""), s.get("note", "")) for s in value)


def _from_column(d: dict[str, Any]) -> Column:
    states = _from_fact(d["states"], tuple)
    count = _from_fact(d["count"])
    assert states is not None and count is not None
    return Column(states, count)


def _from_ballot(d: dict[str, Any]) -> Ballot:
    return Ballot(
        _from_column(d["yes"]),
        _from_column(d["no"]),
        _from_column(d["abstain"]),
        _from_column(d["non_voting"]),
        tuple(
            Difference(x["state"], tuple((v["source"], v["vote"]) for v in x["votes"]))
            for x in d.get("differences", ())
        ),
        d.get("kind", "whole"),
        d.get("part", ""),
        str(d.get("roll_call", "")),
        tuple(d.get("sources", ())),
    )


def from_data(d: dict[str, Any]) -> Adoption:
    """The model from data that passed the schema."""
    return Adoption(
        symbol=d["symbol"],
        sources=tuple(
            SourceRef(s["id"], s["file"], s.get("line", 0), tuple(map(str, s.get("roll_calls", ()))))
            for s in d["sources"]
        ),
        adoption=_from_fact(d["adoption"]),  # type: ignore[arg-type]
        date=_from_fact(d.get("date"), date.fromisoformat),
        meeting=_from_fact(d.get("meeting")),
        meeting_note=d.get("meeting_note", ""),
        committee=_from_fact(d.get("committee")),
        report=_from_fact(d.get("report")),
        report_paragraph=_from_fact(d.get("report_paragraph")),
        draft=_from_fact(d.get("draft")),
        originating_document=_from_fact(d.get("originating_document")),
        agenda_item=_from_fact(d.get("agenda_item")),
        agenda_title=_from_fact(d.get("agenda_title")),
        sponsors=_from_fact(d.get("sponsors"), _sponsors),
        additional_sponsors=_from_fact(d.get("additional_sponsors"), _sponsors),
        vote=_from_ballot(d["vote"]) if d.get("vote") else None,
        separate_votes=tuple(_from_ballot(b) for b in d.get("separate_votes", ())),
        notes=tuple(d.get("notes", ())),
    )


# -- reading and validating ------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """YAML reads unquoted dates as dates; the schema speaks JSON."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def line_map(text: str) -> dict[tuple[Any, ...], int]:
    """The 1-based line of every node of the YAML text, by its path of keys and indexes."""
    lines: dict[tuple[Any, ...], int] = {}

    def walk(n: yaml.Node, path: tuple[Any, ...]) -> None:
        lines[path] = n.start_mark.line + 1
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                lines.setdefault((*path, k.value), k.start_mark.line + 1)
                walk(v, (*path, k.value))
        elif isinstance(n, yaml.SequenceNode):
            for i, v in enumerate(n.value):
                walk(v, (*path, i))

    try:
        node = compose_yaml(text)
    except DataError:
        return lines
    if node is not None:
        walk(node, ())
    return lines


def _line(lines: dict[tuple[Any, ...], int], path: tuple[Any, ...]) -> int:
    while path and path not in lines:
        path = path[:-1]
    return lines.get(path, 1)


@cache
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema())


def validate_adoption(
    a: Adoption, name: str, table: StateTable, line_of: Callable[[tuple[Any, ...]], int]
) -> list[Problem]:
    """What the schema cannot check: States known, each in one column, sources named in ``sources``."""
    problems: list[Problem] = []
    named = {s.id for s in a.sources}

    def unnamed(sources: Iterable[str], path: tuple[Any, ...]) -> None:
        for source in sources:
            if source not in named:
                problems.append(
                    Problem(
                        name, line_of(path), f"{'/'.join(map(str, path))}: source {source!r} is not listed in sources"
                    )
                )

    for field in _FACTS:
        f = getattr(a, field)
        if f is not None:
            unnamed((*f.sources, *(s for s, _ in f.differs)), (field,))
    sponsor_lists = [("sponsors", a.sponsors), ("additional_sponsors", a.additional_sponsors)]
    for field, sponsors in sponsor_lists:
        if sponsors is None:
            continue
        for index, sponsor in enumerate(sponsors.value):
            if sponsor.state and sponsor.state not in table.states:
                problems.append(
                    Problem(name, line_of((field, "value", index)), f"{field}: unknown State code {sponsor.state!r}")
                )
    ballots: list[tuple[tuple[Any, ...], Ballot]] = [(("vote",), a.vote)] if a.vote else []
    ballots += [(("separate_votes", i), b) for i, b in enumerate(a.separate_votes)]
    for path, ballot in ballots:
        seen: dict[str, str] = {}
        for value, column in ballot.columns():
            key = value.replace("-", "_")
            unnamed((*column.states.sources, *column.count.sources), (*path, key))
            for index, code in enumerate(column.states.value):
                where = line_of((*path, key, "states", "value", index))
                if code not in table.states:
                    problems.append(
                        Problem(
                            name,
                            where,
                            f"{'/'.join(map(str, path))}: unknown State code {code!r}",
                            hint="an ISO 3166-1 alpha-2 code of generator/data/states.csv",
                        )
                    )
                elif code in seen:
                    problems.append(
                        Problem(
                            name,
                            where,
                            f"{'/'.join(map(str, path))}: {table[code].name} ({code}) is listed as {seen[code]} and as {value}",
                        )
                    )
                seen.setdefault(code, value)
        for index, diff in enumerate(ballot.differences):
            if diff.state not in table.states:
                problems.append(
                    Problem(name, line_of((*path, "differences", index)), f"unknown State code {diff.state!r}")
                )
    return problems


def load_adoption(path: Path, shown: str | None = None, table: StateTable | None = None) -> Adoption:
    """Read and validate an ``adoption.yaml``; raise :class:`DataError` with every problem."""
    name = shown or str(path)
    table = table or state_table()
    text = read_contributed(path, name)
    data = _plain(load_yaml(text, name))
    if not isinstance(data, dict):
        raise DataError([Problem(name, 1, "expected the adoption data of a resolution (a YAML mapping)")])
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    lines = line_map(text)
    if errors:
        raise DataError(
            Problem(
                name,
                _line(lines, tuple(e.absolute_path)),
                f"{'/'.join(map(str, e.absolute_path)) or '(top level)'}: {e.message}",
            )
            for e in errors
        )
    adoption = from_data(data)
    problems = validate_adoption(adoption, name, table, lambda p: _line(lines, p))
    if problems:
        raise DataError(problems)
    return adoption


def field_line(path: Path) -> Callable[[str], int]:
    """For messages about a figure (``meeting``, ``vote.yes``): its line in the file."""
    try:
        lines = line_map(read_contributed(path, str(path)))
    except DataError:
        lines = {}

    def line(field: str) -> int:
        parts = tuple(p.replace("-", "_") for p in field.split(".") if p)
        if parts and parts[0].startswith("separate vote"):
            return _line(lines, ("separate_votes",))
        return _line(lines, parts)

    return line
