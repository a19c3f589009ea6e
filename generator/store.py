"""The structured resolution on disk: ``resolutions/<slug>/resolution.yaml``.

The YAML file is the source of truth once imported.  It is validated against
``generator/schema/resolution.schema.json`` and then by :mod:`generator.validate`; every problem is
reported as ``resolution.yaml:LINE: message``.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Mapping
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema
import orjson
import yaml

from generator import yamlsafe
from generator.errors import DataError, Problem
from generator.model import (
    SCHEMA_VERSION,
    Adoption,
    AgendaItem,
    Cell,
    Closing,
    Committee,
    Component,
    Distribution,
    Footnote,
    Heading,
    Localised,
    Masthead,
    Paragraph,
    Part,
    PartKind,
    Procedure,
    Resolution,
    Session,
    Source,
    Span,
    Spans,
    Subject,
    Table,
    Unplaced,
)
from generator.paths import inside, read_contributed
from generator.plaintext import data_problems, walk_strings
from generator.symbols import resolution_symbol_problem
from generator.validate import validate_resolution

DATA_FILE = "resolution.yaml"


@cache
def schema() -> dict[str, Any]:
    text = resources.files("generator").joinpath("schema/resolution.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


# -- model -> data ----------------------------------------------------------------------------


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _loc(text: Localised) -> dict[str, str]:
    """A text in several languages as data: ``{"en": "...", "fr": "..."}``."""
    return dict(text.pairs)


class _Flow(dict[str, Any]):
    """A small mapping written on one line (a span, a table cell, a subject)."""


def _spans(spans: Spans) -> dict[str, list[_Flow]]:
    """``{"en": [{"italic": "Official Records"}, {"link": "53/70", "href": "https://..."}]}``."""
    out: dict[str, list[_Flow]] = {}
    for language, items in spans.pairs:
        out[language] = []
        for s in items:
            flow = _Flow({s.style: s.text})
            if s.href:
                flow["href"] = s.href
            if s.nth:
                flow["nth"] = s.nth
            out[language].append(flow)
    return out


def _heading(h: Heading) -> dict[str, Any]:
    out: dict[str, Any] = {"id": h.id}
    if h.label:
        out["label"] = h.label
    if h.num:
        out["num"] = _loc(h.num)
    out["text"] = _loc(h.text)
    out["line"] = h.line
    if h.level != 1:
        out["level"] = h.level
    return out


def _table(t: Table) -> dict[str, Any]:
    rows = []
    for row in t.rows:
        cells = []
        for c in row:
            cell = _Flow({"text": _Flow(c.text.pairs)})
            if c.header:
                cell["header"] = True
            if c.colspan != 1:
                cell["colspan"] = c.colspan
            if c.rowspan != 1:
                cell["rowspan"] = c.rowspan
            cells.append(cell)
        rows.append(cells)
    return {"id": t.id, "line": t.line, "rows": rows}


def _paragraph(p: Paragraph, implied: str = "") -> dict[str, Any]:
    """``implied``: the kind the paragraph's place gives it (``text`` in a part,
    ``subparagraph`` under a paragraph); another kind is written out."""
    out: dict[str, Any] = {"id": p.id}
    if p.headings:
        out["headings"] = [_heading(h) for h in p.headings]
    if p.kind in ("heading", "text", "preambular") and p.kind != implied:
        out["kind"] = p.kind
    if p.label:
        out["label"] = p.label
    if p.num:
        out["num"] = _loc(p.num)
    if phrase := p.phrase.without_empty():
        out["phrase"] = _loc(phrase)
    out["text"] = _loc(p.text)
    if p.spans:
        out["spans"] = _spans(p.spans)
    out["line"] = p.line
    if p.tables:
        out["tables"] = [_table(t) for t in p.tables]
    if p.children:
        out["subparagraphs"] = [_paragraph(c, "subparagraph") for c in p.children]
    if p.embedded:
        out["embedded"] = _part(p.embedded)
    return out


def _part(part: Part) -> dict[str, Any]:
    out: dict[str, Any] = {"id": part.id}
    if part.label:
        out["label"] = part.label
    out["heading"] = _loc(part.heading)
    out["title"] = _loc(part.title)
    out["line"] = part.line
    out["paragraphs"] = [_paragraph(p, "text") for p in part.paragraphs]
    return out


def _closing(cl: Closing) -> dict[str, Any]:
    out: dict[str, Any] = {"meeting": _loc(cl.meeting), "date": _iso(cl.date)}
    if cl.date_text:
        out["date_text"] = _loc(cl.date_text)
    out["line"] = cl.line
    return out


def _component(c: Component) -> dict[str, Any]:
    out: dict[str, Any] = {"id": c.id, "label": c.label, "title": _loc(c.title), "line": c.line}
    out["formula"] = _loc(c.formula)
    out["preamble"] = [_paragraph(p, "preambular") for p in c.preamble]
    out["operative"] = [_paragraph(p, "operative") for p in c.operative]
    if c.closing:
        out["closing"] = _closing(c.closing)
    if c.annexes:
        out["annexes"] = [_part(a) for a in c.annexes]
    return out


def _subject(s: Subject) -> _Flow:
    out = _Flow({"dictionary": s.dictionary, "value": s.value})
    if s.label:
        out["label"] = s.label
    if s.href:
        out["href"] = s.href
    return out


def to_data(res: Resolution) -> dict[str, Any]:
    """The resolution as plain data, in document order (what the YAML and JSON files hold)."""
    out: dict[str, Any] = {
        "schema_version": res.schema_version,
        "symbol": res.symbol,
        "body": res.body,
        "number": res.number,
        "title": _loc(res.title),
        "title_line": res.title_line,
    }
    if res.kind != "resolution":
        out["kind"] = res.kind
    if res.descriptive_title:
        out["descriptive_title"] = _loc(res.descriptive_title)
    if res.work:
        out["work"] = res.work
    if m := res.masthead:
        mh: dict[str, Any] = {
            "organization": _loc(m.organization),
            "body_line": m.body_line,
            "symbol_line": m.symbol_line,
        }
        if m.issuer:
            mh["issuer"] = _loc(m.issuer)
        if m.session:
            mh["session"] = {"number": m.session.number, "words": _loc(m.session.words), "line": m.session.line}
        if ag := m.agenda_item:
            mh["agenda_item"] = {"text": ag.text}
            if ag.words:
                mh["agenda_item"]["words"] = _loc(ag.words)
            if ag.title:
                mh["agenda_item"]["title"] = _loc(ag.title)
            mh["agenda_item"]["line"] = ag.line
        if m.distribution:
            d = m.distribution
            mh["distribution"] = {"kind": d.kind, "date": _iso(d.date)}
            if d.text:
                mh["distribution"]["text"] = _loc(d.text)
            if d.date_text:
                mh["distribution"]["date_text"] = _loc(d.date_text)
            mh["distribution"]["line"] = d.line
        out["masthead"] = mh
    if a := res.adoption:
        out["adoption"] = {"text": _loc(a.text), "date": _iso(a.date), "meeting": _loc(a.meeting), "line": a.line}
    if c := res.committee:
        out["committee"] = {"text": _loc(c.text), "name": c.name, "reports": list(c.reports), "line": c.line}
    if pr := res.procedure:
        out["procedure"] = {
            k: v
            for k, v in (
                ("draft", pr.draft),
                ("report", pr.report),
                ("report_paragraph", pr.report_paragraph),
                ("record", pr.record),
            )
            if v
        }
    if res.subjects:
        out["subjects"] = [_subject(s) for s in res.subjects]
    out["formula"] = _loc(res.formula)
    out["formula_line"] = res.formula_line
    out["preamble"] = [_paragraph(p, "preambular") for p in res.preamble]
    out["operative"] = [_paragraph(p, "operative") for p in res.operative]
    if res.components:
        out["components"] = [_component(c) for c in res.components]
    out["footnotes"] = [_footnote(f) for f in res.footnotes]
    if cl := res.closing:
        out["closing"] = _closing(cl)
    if res.annexes:
        out["annexes"] = [_part(a) for a in res.annexes]
    if res.unplaced:
        out["unplaced"] = [
            {"id": u.id, "language": u.language, "text": u.text, "line": u.line, "after": u.after} for u in res.unplaced
        ]
    out["sources"] = [_source(s) for s in res.sources]
    return out


def _footnote(f: Footnote) -> dict[str, Any]:
    out: dict[str, Any] = {"number": f.number, "text": _loc(f.text)}
    if f.spans:
        out["spans"] = _spans(f.spans)
    out["line"] = f.line
    out["cited_by"] = list(f.cited_by)
    return out


def _source(s: Source) -> dict[str, Any]:
    out: dict[str, Any] = {"file": s.file, "language": s.language, "format": s.format, "sha256": s.sha256}
    if s.imported:
        out["imported"] = s.imported.isoformat()
    if s.expression:
        out["expression"] = s.expression
    if s.published:
        out["published"] = s.published.isoformat()
    if s.eids:
        out["eids"] = _Flow(s.eids)
    return out


_BASE_DUMPER: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BASE_DUMPER):  # type: ignore[valid-type,misc]
    """libyaml's emitter when available (several times quicker); small mappings on one line."""


def _represent_flow(dumper: yaml.SafeDumper, data: _Flow) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True)


_Dumper.add_representer(_Flow, _represent_flow)


def dump_yaml(res: Resolution) -> str:
    header = (
        f"# Structured resolution {res.symbol}: the source of truth for its pages.\n"
        "# Correct it by hand if the import got something wrong; `python -m generator check` validates it.\n"
    )
    body = yaml.dump(
        to_data(res), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100_000, default_flow_style=False
    )
    return header + body


def dump_json(res: Resolution) -> str:
    """The structured resolution as JSON, indented by two spaces, non-ASCII text as it is."""
    return pretty_json(to_data(res))


def pretty_json(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)`` plus a newline, byte for byte, written by
    orjson's encoder in C (the standard library's indenting encoder is pure Python: at corpus scale
    it was a tenth of a first build's rendering).  Text orjson refuses (a lone surrogate) falls
    back to the standard library."""
    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
    except TypeError:  # orjson.JSONEncodeError
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# -- data -> model ----------------------------------------------------------------------------


def _date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _localised(value: Any) -> Localised:
    """Data (a mapping of language to text, already checked by the schema) as a :class:`Localised`."""
    return Localised.of(value) if value else Localised()


def _from_spans(value: Any) -> Spans:
    if not value:
        return Spans()
    out: dict[str, list[Span]] = {}
    for language, items in value.items():
        spans = out.setdefault(language, [])
        for item in items:
            href = str(item.get("href", ""))
            style = next(k for k in item if k not in ("href", "nth"))
            spans.append(Span(style, str(item[style]), href, int(item.get("nth", 0))))
    return Spans.of(out)


def _from_heading(d: dict[str, Any]) -> Heading:
    return Heading(
        d["id"],
        str(d.get("label", "")),
        _localised(d.get("num")),
        _localised(d["text"]),
        d.get("line", 0),
        d.get("level", 1),
    )


def _from_table(d: dict[str, Any]) -> Table:
    rows = tuple(
        tuple(
            Cell(_localised(c["text"]), bool(c.get("header", False)), c.get("colspan", 1), c.get("rowspan", 1))
            for c in row
        )
        for row in d["rows"]
    )
    return Table(d["id"], rows, d.get("line", 0))


def _from_paragraph(d: dict[str, Any], kind: str) -> Paragraph:
    children = tuple(_from_paragraph(c, "subparagraph") for c in d.get("subparagraphs", ()))
    embedded = _from_part(d["embedded"], "embedded") if d.get("embedded") else None
    if kind in ("text", "subparagraph") and d.get("kind") in ("heading", "text"):
        kind = d["kind"]
    elif kind == "operative" and d.get("kind") == "preambular":
        kind = "preambular"
    return Paragraph(
        d["id"],
        kind,  # type: ignore[arg-type]
        str(d.get("label", "")),
        _localised(d.get("phrase")),
        _localised(d["text"]),
        d.get("line", 0),
        children,
        embedded,
        _from_spans(d.get("spans")),
        _localised(d.get("num")),
        tuple(_from_heading(h) for h in d.get("headings", ())),
        tuple(_from_table(t) for t in d.get("tables", ())),
    )


def _from_part(d: dict[str, Any], kind: PartKind) -> Part:
    return Part(
        d["id"],
        kind,
        _localised(d.get("heading")),
        _localised(d.get("title")),
        d.get("line", 0),
        tuple(_from_paragraph(p, "text") for p in d["paragraphs"]),
        str(d.get("label", "")),
    )


def _from_closing(cl: dict[str, Any] | None) -> Closing | None:
    if not cl:
        return None
    return Closing(_localised(cl["meeting"]), _date(cl.get("date")), cl.get("line", 0), _localised(cl.get("date_text")))


def _from_component(d: dict[str, Any]) -> Component:
    return Component(
        d["id"],
        str(d["label"]),
        _localised(d.get("title")),
        d.get("line", 0),
        _localised(d.get("formula")),
        tuple(_from_paragraph(p, "preambular") for p in d.get("preamble", ())),
        tuple(_from_paragraph(p, "operative") for p in d.get("operative", ())),
        _from_closing(d.get("closing")),
        tuple(_from_part(a, "annex") for a in d.get("annexes", ())),
    )


def _from_source(s: dict[str, Any]) -> Source:
    return Source(
        s["file"],
        s["format"],
        s["sha256"],
        _date(s.get("imported")),
        s.get("language", "en"),
        s.get("expression", ""),
        _date(s.get("published")),
        tuple((str(k), str(v)) for k, v in (s.get("eids") or {}).items()),
    )


def from_data(d: dict[str, Any]) -> Resolution:
    """Build the model from data that already passed the schema."""
    masthead = None
    if m := d.get("masthead"):
        s, ag, di = m.get("session"), m.get("agenda_item"), m.get("distribution")
        masthead = Masthead(
            _localised(m.get("organization")),
            m.get("body_line", 0),
            m.get("symbol_line", 0),
            Session(s.get("number"), _localised(s["words"]), s.get("line", 0)) if s else None,
            AgendaItem(str(ag["text"]), ag.get("line", 0), _localised(ag.get("words")), _localised(ag.get("title")))
            if ag
            else None,
            Distribution(
                di["kind"],
                _date(di.get("date")),
                di.get("line", 0),
                _localised(di.get("text")),
                _localised(di.get("date_text")),
            )
            if di
            else None,
            _localised(m.get("issuer")),
        )
    a, c, cl, pr = d.get("adoption"), d.get("committee"), d.get("closing"), d.get("procedure")
    return Resolution(
        symbol=d["symbol"],
        body=d["body"],
        number=str(d["number"]),
        title=_localised(d["title"]),
        title_line=d.get("title_line", 0),
        descriptive_title=_localised(d.get("descriptive_title")),
        kind=d.get("kind", "resolution"),
        masthead=masthead,
        adoption=Adoption(_localised(a["text"]), _date(a.get("date")), _localised(a.get("meeting")), a.get("line", 0))
        if a
        else None,
        committee=(
            Committee(_localised(c["text"]), c.get("name", ""), tuple(c.get("reports", ())), c.get("line", 0))
            if c
            else None
        ),
        formula=_localised(d["formula"]),
        formula_line=d.get("formula_line", 0),
        preamble=tuple(_from_paragraph(p, "preambular") for p in d["preamble"]),
        operative=tuple(_from_paragraph(p, "operative") for p in d["operative"]),
        footnotes=tuple(
            Footnote(
                str(f["number"]),
                _localised(f["text"]),
                f.get("line", 0),
                tuple(f["cited_by"]),
                _from_spans(f.get("spans")),
            )
            for f in d["footnotes"]
        ),
        closing=_from_closing(cl),
        sources=tuple(_from_source(s) for s in d["sources"]),
        schema_version=d["schema_version"],
        annexes=tuple(_from_part(a, "annex") for a in d.get("annexes", ())),
        unplaced=tuple(
            Unplaced(u["id"], u["text"], u.get("line", 0), u.get("after", ""), u.get("language", "en"))
            for u in d.get("unplaced", ())
        ),
        components=tuple(_from_component(c) for c in d.get("components", ())),
        work=d.get("work", ""),
        subjects=tuple(
            Subject(s["dictionary"], str(s["value"]), str(s.get("label", "")), s.get("href", ""))
            for s in d.get("subjects", ())
        ),
        procedure=Procedure(
            str(pr.get("draft", "")),
            str(pr.get("report", "")),
            str(pr.get("report_paragraph", "")),
            str(pr.get("record", "")),
        )
        if pr is not None
        else None,
    )


def _line_map(node: yaml.Node | None) -> tuple[dict[tuple[Any, ...], int], dict[str, int]]:
    """Line (1-based) of every node by its path, and of every paragraph mapping by its id."""
    lines: dict[tuple[Any, ...], int] = {}
    by_id: dict[str, int] = {}

    def walk(n: yaml.Node, path: tuple[Any, ...]) -> None:
        lines[path] = n.start_mark.line + 1
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                walk(v, (*path, k.value))
                if k.value == "id" and isinstance(v, yaml.ScalarNode):
                    by_id.setdefault(v.value, n.start_mark.line + 1)
                if k.value == "number" and isinstance(v, yaml.ScalarNode) and path[:1] == ("footnotes",):
                    by_id[f"footnote {v.value}"] = n.start_mark.line + 1
        elif isinstance(n, yaml.SequenceNode):
            for i, v in enumerate(n.value):
                walk(v, (*path, i))

    if node is not None:
        walk(node, ())
    return lines, by_id


def _plain(value: Any) -> Any:
    """YAML turns unquoted dates into date objects; the schema speaks JSON."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


_DATE_FIELDS = frozenset(("date", "imported", "published"))


def _impossible_dates(data: Any) -> list[tuple[tuple[Any, ...], str, str]]:
    """(path, value, why) of every date field of the form YYYY-MM-DD that is no date (2018-02-30)."""
    out = []
    for where, value in walk_strings(data):
        if where and where[-1] in _DATE_FIELDS and value:
            try:
                date.fromisoformat(value)
            except ValueError as exc:
                out.append((where, value, str(exc)))
    return out


def load_resolution(
    path: Path, shown: str | None = None, schema_valid: set[str] | None = None, lint: list[Problem] | None = None
) -> Resolution:
    """Read and validate a ``resolution.yaml``; raise :class:`DataError` with every problem.

    ``lint``, when given, receives what ``check`` refuses but the build can render safely: text
    values holding markup or control characters (:mod:`generator.plaintext`).

    The file is parsed once with libyaml when available; the map of line numbers, which only
    error messages need, is built only when there is an error to report.  ``schema_valid`` holds
    fingerprints of texts already found valid against the schema (JSON Schema validation is the
    slowest step); a text that passes is added to it.
    """
    name = shown or str(path)
    text = read_contributed(path, name)
    fingerprint = hashlib.sha256(text.encode("utf-8")).hexdigest()
    data = _plain(yamlsafe.load(text, name))
    if not isinstance(data, dict):
        raise DataError([Problem(name, 1, "expected a structured resolution (a YAML mapping)")])
    known = schema_valid is not None and fingerprint in schema_valid
    errors = [] if known else schema_errors(data)
    # The symbol becomes the page's path: checked against the UN grammar whatever the schema says.
    bad_symbol = resolution_symbol_problem(data["symbol"]) if "symbol" in data else ""
    bad_dates = [] if errors else _impossible_dates(data)
    if errors or bad_symbol or bad_dates:
        lines, _ = _line_map(yamlsafe.compose(text, name))
        problems = []
        if bad_symbol:
            problems.append(Problem(name, lines.get(("symbol",), 1), f"symbol: {bad_symbol}"))
        for where, value, why in bad_dates:
            field = "/".join(map(str, where))
            problems.append(Problem(name, lines.get(where, 1), f"{field}: impossible date {value!r} ({why})"))
        for err in errors:
            path_ = tuple(err.absolute_path)
            where = path_
            while where not in lines and where:
                where = where[:-1]
            field = "/".join(map(str, path_)) or "(top level)"
            problems.append(Problem(name, lines.get(where, 1), f"{field}: {err.message}"))
        raise DataError(problems)
    if schema_valid is not None:
        schema_valid.add(fingerprint)
    if lint is not None:
        line_map: list[dict[tuple[Any, ...], int]] = []

        def line_of(where: tuple[Any, ...]) -> int:
            # The map of lines is built only when there is a problem to report.
            if not line_map:
                line_map.append(_line_map(yamlsafe.compose(text, name))[0])
            lines = line_map[0]
            while where not in lines and where:
                where = where[:-1]
            return lines.get(where, 1)

        lint.extend(data_problems(data, name, line_of))
    res = from_data(data)
    if validate_resolution(res, name):
        _, by_id = _line_map(yamlsafe.compose(text, name))
        raise DataError(validate_resolution(res, name, lambda key: by_id.get(key, 0)))
    return res


@cache
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema())


@cache
def _quick_check() -> Callable[[Any], Any]:
    """The schema compiled to Python (fastjsonschema): ten times quicker, but it stops at the first
    error without saying much, so it only tells valid data from the rest."""
    return fastjsonschema.compile(schema())


def schema_errors(data: Any) -> list[jsonschema.ValidationError]:
    """Every way ``data`` departs from the schema, in document order (none for valid data).

    Valid data, the usual case, is recognised by the compiled check; the full validator runs
    only on the rest, to report every problem with its path.
    """
    try:
        _quick_check()(data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    return sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.path)))


# -- writing ----------------------------------------------------------------------------------


def write_if_changed(path: Path, content: str | bytes) -> bool:
    """Write ``content`` to ``path`` atomically, only when it differs; return whether it wrote.

    Writing only changed files keeps ``mkdocs serve`` from rebuilding forever.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        # mkstemp makes the file private (0600); generated files are for everyone to read.
        Path(tmp).chmod(0o644)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def resolution_dir(root: Path, res: Resolution) -> Path:
    """The folder of ``res`` under ``root`` (``resolutions/``), once its symbol is known good."""
    if problem := resolution_symbol_problem(res.symbol):
        raise DataError([Problem(res.source.file if res.sources else "(import)", 0, f"symbol: {problem}")])
    return inside(root, res.slug, root.name)


def save(root: Path, res: Resolution, source_bytes: bytes | Mapping[str, bytes]) -> Path:
    """Write the structured resolution and its source copies under ``root``; return its folder.

    ``source_bytes``: the bytes of the one source file, or of each by its file name."""
    folder = resolution_dir(root, res)
    files = source_bytes if isinstance(source_bytes, Mapping) else {res.source.file: source_bytes}
    for name, data in files.items():
        write_if_changed(inside(folder, name, f"{root.name}/{folder.name}"), data)
    write_if_changed(folder / DATA_FILE, dump_yaml(res))
    return folder


__all__ = [
    "DATA_FILE",
    "SCHEMA_VERSION",
    "dump_json",
    "dump_yaml",
    "load_resolution",
    "save",
    "to_data",
    "write_if_changed",
]
