"""Align the language versions of one resolution into one structured resolution.

Each version is first structured on its own (:mod:`generator.akn.parse`); one of them, the
*reference* (English when given, else French, Spanish, Russian, Chinese, Arabic, then any
other), gives the structure and the ids.  Every other version is aligned with it node by node:

- when both have the same ids in the same order (the usual case), by id;
- otherwise by structure: the sequences of nodes (headings, paragraphs with their kind, depth
  and label, parts, components) are matched with :class:`difflib.SequenceMatcher`; a run of nodes
  that differs is aligned by position when both sides have the same kind of node, and reported
  (a preambular paragraph marked operative, subparagraphs given as paragraphs);
- a node of a version that cannot be aligned is kept, in place, as an unplaced block of that
  language, with a warning: no text is dropped.

The source ``eId`` of each node is kept per language (:attr:`generator.model.Source.eids`,
mapped to our ids); where the versions' own ids disagree a warning names the file and the
first paragraph concerned.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from difflib import SequenceMatcher

from generator.akn.parse import Version, document_order
from generator.errors import Problem
from generator.model import (
    LANGUAGES,
    NOTE_MARKER,
    Adoption,
    Closing,
    Committee,
    Component,
    Footnote,
    Heading,
    Localised,
    Masthead,
    Paragraph,
    Part,
    Resolution,
    Source,
    Spans,
    Table,
    Unplaced,
    join_phrase,
)
from generator.validate import with_footnotes

PREFERENCE = ("en", "fr", "es", "ru", "zh", "ar")
"""Which version gives the structure: the first of these the resolution has, else the first other."""

Node = Paragraph | Heading | Part | Component


@dataclass(frozen=True, slots=True)
class Entry:
    """A node of a version in document order, with what alignment compares."""

    id: str
    signature: tuple[str, ...]
    node: Node


def entries(res: Resolution) -> list[Entry]:
    """Every alignable node of ``res`` in document order."""
    out: list[Entry] = []

    def para(p: Paragraph, depth: int) -> None:
        for h in p.headings:
            out.append(Entry(h.id, ("heading", h.label.lower(), str(h.level)), h))
        kind = {"preambular": "pp", "operative": "op"}.get(p.kind, p.kind) if depth == 0 else p.kind
        out.append(Entry(p.id, (kind, str(depth), p.label.lower()), p))
        for c in p.children:
            para(c, depth + 1)
        if p.embedded:
            part(p.embedded)

    def part(pt: Part) -> None:
        out.append(Entry(pt.id, ("part", pt.kind, pt.label.lower()), pt))
        for p in pt.paragraphs:
            para(p, 0)

    for p in (*res.preamble, *res.operative):
        para(p, 0)
    for c in res.components:
        out.append(Entry(c.id, ("component", c.label.lower()), c))
        for p in c.top_paragraphs():
            para(p, 0)
        for a in c.annexes:
            part(a)
    for a in res.annexes:
        part(a)
    return out


def _language_rank(code: str) -> tuple[int, str]:
    return (PREFERENCE.index(code) if code in PREFERENCE else len(PREFERENCE), code)


def _un_order(code: str) -> tuple[int, str]:
    return (LANGUAGES.index(code) if code in LANGUAGES else len(LANGUAGES), code)


def choose(versions: list[Version]) -> tuple[list[Version], list[Problem]]:
    """One version per language: of two files in one language, the one published later (then
    the one named last) is kept, with a warning."""
    by_language: dict[str, list[Version]] = {}
    for v in versions:
        by_language.setdefault(v.language, []).append(v)
    kept: list[Version] = []
    warnings: list[Problem] = []
    for language, group in by_language.items():
        group.sort(key=lambda v: (v.resolution.sources[0].published or date.min, v.file))
        best = group[-1]
        for other in group[:-1]:
            if other.data == best.data:  # the same file in two places (a session's archive and its own)
                continue
            warnings.append(
                Problem(
                    other.file,
                    0,
                    f"a second {language} version of {best.resolution.symbol}: {best.file} "
                    "(published later, or named last) is kept instead",
                )
            )
        kept.append(best)
    kept.sort(key=lambda v: _language_rank(v.language))
    return kept, warnings


@dataclass
class _Alignment:
    """How one version's nodes stand against the reference's."""

    language: str
    version: Version
    to_reference: dict[str, str]
    """Version id -> reference id, for every node aligned."""
    by_reference: dict[str, Node]
    """Reference id -> the version's node aligned with it."""
    leftovers: list[tuple[Entry, str]]
    """Nodes that could not be aligned, each with the reference id they come after."""
    lines: dict[str, int]
    """Version id -> the line of the node in the version's file."""


def align(reference: Version, version: Version, warnings: list[Problem]) -> _Alignment:
    ref = entries(reference.resolution)
    own = entries(version.resolution)
    to_ref: dict[str, str] = {}
    leftovers: list[tuple[Entry, str]] = []
    if [e.id for e in ref] == [e.id for e in own]:
        pairs = list(zip(own, ref, strict=True))
    else:
        pairs = []
        matcher = SequenceMatcher(None, [e.signature for e in ref], [e.signature for e in own], autojunk=False)
        for tag, r0, r1, o0, o1 in matcher.get_opcodes():
            if tag == "equal":
                pairs += zip(own[o0:o1], ref[r0:r1], strict=True)
                continue
            count = min(r1 - r0, o1 - o0)
            for k in range(count):
                o, r = own[o0 + k], ref[r0 + k]
                if type(o.node) is type(r.node):
                    pairs.append((o, r))
            if o1 > o0 or r1 > r0:
                first = own[o0] if o1 > o0 else None
                line = getattr(first.node, "line", 0) if first else 0
                what = _describe(tag, ref[r0:r1], own[o0:o1])
                warnings.append(Problem(version.file, line, f"{what}; aligned with {reference.file} by position"))
    paired = {id(o.node) for o, _ in pairs}
    for o, r in pairs:
        to_ref[o.id] = r.id
    previous = ""
    by_ref: dict[str, Node] = {}
    for o, r in pairs:
        by_ref[r.id] = o.node
    for e in own:
        if id(e.node) in paired:
            previous = to_ref[e.id]
        else:
            leftovers.append((e, previous))
    lines = {e.id: getattr(e.node, "line", 0) for e in own}
    return _Alignment(version.language, version, to_ref, by_ref, leftovers, lines)


def _describe(tag: str, ref: list[Entry], own: list[Entry]) -> str:
    def names(items: list[Entry]) -> str:
        shown = ", ".join(e.id for e in items[:4])
        return shown + (f" and {len(items) - 4} more" if len(items) > 4 else "")

    if tag == "replace":
        return f"{names(own)} here where the reference has {names(ref)}"
    if tag == "insert":
        return f"{names(own)} here has no counterpart in the reference"
    return f"{names(ref)} of the reference missing here"


def _texts(reference: Localised, others: Iterator[tuple[str, Localised]]) -> Localised:
    out = dict(reference.pairs)
    for language, text in others:
        if text.get(language):
            out[language] = text[language]
    return Localised.of(out)


class Merger:
    def __init__(self, reference: Version, alignments: list[_Alignment], warnings: list[Problem]) -> None:
        self.reference = reference
        self.alignments = alignments
        self.warnings = warnings
        self.leftover_tables: list[Unplaced] = []

    def others(self, ref_id: str) -> Iterator[tuple[str, Node]]:
        for a in self.alignments:
            node = a.by_reference.get(ref_id)
            if node is not None:
                yield a.language, node

    def loc(self, ref: Localised, ref_id: str, attribute: str) -> Localised:
        return _texts(ref, ((lang, getattr(node, attribute)) for lang, node in self.others(ref_id)))

    def paragraph(self, p: Paragraph) -> Paragraph:
        others = [(lang, n) for lang, n in self.others(p.id) if isinstance(n, Paragraph)]
        text = dict(p.text.pairs)
        phrase = dict(p.phrase.pairs)
        num = dict(p.num.pairs)
        spans = dict(p.spans.pairs)
        for lang, n in others:
            if lang in n.text:
                text[lang] = n.text[lang]
            if n.phrase.get(lang):
                phrase[lang] = n.phrase[lang]
            if n.num.get(lang):
                num[lang] = n.num[lang]
            if lang in n.spans:
                spans[lang] = n.spans[lang]
        return replace(
            p,
            phrase=Localised.of(phrase).without_empty(),
            text=Localised.of(text),
            num=Localised.of(num).without_empty(),
            spans=Spans.of(spans),
            headings=tuple(self.heading(h) for h in p.headings),
            tables=tuple(self.table(p, n, t, others) for n, t in enumerate(p.tables)),
            children=tuple(self.paragraph(c) for c in p.children),
            embedded=self.part(p.embedded) if p.embedded else None,
        )

    def heading(self, h: Heading) -> Heading:
        return replace(h, num=self.loc(h.num, h.id, "num"), text=self.loc(h.text, h.id, "text"))

    def table(self, p: Paragraph, index: int, t: Table, others: list[tuple[str, Paragraph]]) -> Table:
        rows = [[dict(c.text.pairs) for c in row] for row in t.rows]
        for lang, n in others:
            theirs = n.tables[index] if index < len(n.tables) else None
            shape = [len(r) for r in t.rows]
            if theirs is None or [len(r) for r in theirs.rows] != shape:
                continue
            for r, row in enumerate(theirs.rows):
                for c, cell in enumerate(row):
                    if lang in cell.text:
                        rows[r][c][lang] = cell.text[lang]
        return replace(
            t,
            rows=tuple(
                tuple(replace(cell, text=Localised.of(rows[r][c])) for c, cell in enumerate(row))
                for r, row in enumerate(t.rows)
            ),
        )

    def part(self, pt: Part) -> Part:
        return replace(
            pt,
            heading=self.loc(pt.heading, pt.id, "heading"),
            title=self.loc(pt.title, pt.id, "title"),
            paragraphs=tuple(self.paragraph(p) for p in pt.paragraphs),
        )

    def component(self, c: Component) -> Component:
        return replace(
            c,
            title=self.loc(c.title, c.id, "title"),
            formula=self.loc(c.formula, c.id, "formula"),
            preamble=tuple(self.paragraph(p) for p in c.preamble),
            operative=tuple(self.paragraph(p) for p in c.operative),
            closing=self.closing(c.closing, lambda a: _component_closing(a, c.id)),
            annexes=tuple(self.part(a) for a in c.annexes),
        )

    def closing(self, ref: Closing | None, getter: Callable[[_Alignment], Closing | None]) -> Closing | None:
        """The closing formula ``ref`` with the texts of the other versions' (``getter``)."""
        if ref is None:
            return None
        meeting = dict(ref.meeting.pairs)
        date_text = dict(ref.date_text.pairs)
        for a in self.alignments:
            theirs = getter(a)
            if theirs is None:
                continue
            meeting.update(theirs.meeting.pairs)
            date_text.update(theirs.date_text.pairs)
        return replace(ref, meeting=Localised.of(meeting), date_text=Localised.of(date_text))


def _component_closing(a: _Alignment, ref_id: str) -> Closing | None:
    node = a.by_reference.get(ref_id)
    return node.closing if isinstance(node, Component) else None


def _union(ref: Localised, others: Iterator[Localised]) -> Localised:
    out = dict(ref.pairs)
    for other in others:
        for lang, text in other.pairs:
            if text:
                out[lang] = text
    return Localised.of(out)


def _leftover_text(node: Node, language: str) -> str:
    if isinstance(node, Paragraph):
        words = join_phrase(node.phrase.get(language, ""), node.text.get(language, ""))
        cells = [c.text.get(language, "") for t in node.tables for row in t.rows for c in row]
        label = node.num.get(language, "") or (
            f"({node.label})" if node.kind == "subparagraph" and node.label else node.label
        )
        return " ".join(x for x in (label, words, " | ".join(c for c in cells if c)) if x)
    if isinstance(node, Heading):
        return " ".join(x for x in (node.num.get(language, ""), node.text.get(language, "")) if x)
    if isinstance(node, Part):
        return " ".join(x for x in (node.heading.get(language, ""), node.title.get(language, "")) if x)
    return " ".join(x for x in (node.label, node.title.get(language, "")) if x)


def merge(versions: list[Version]) -> tuple[Resolution, list[Problem]]:
    """One structured resolution from the language versions of one resolution, and the warnings
    (those of each version, then those of the alignment)."""
    chosen, warnings = choose(versions)
    for v in chosen:
        warnings += v.warnings
    reference = chosen[0]
    symbol, number = _symbol(chosen, warnings)
    if symbol != reference.resolution.symbol:
        reference = replace(reference, resolution=replace(reference.resolution, symbol=symbol, number=number))
    alignments = []
    for v in chosen[1:]:
        a = align(reference, v, warnings)
        mapping = _note_mapping(reference.resolution, a, warnings)
        if mapping:
            a = align(reference, replace(v, resolution=renumber_notes(v.resolution, mapping)), [])
        alignments.append(a)
    merger = Merger(reference, alignments, warnings)
    res = reference.resolution
    others = [a.version.resolution for a in alignments]
    masthead = _masthead(res.masthead, [o.masthead for o in others])
    merged = replace(
        res,
        title=_union(res.title, (o.title for o in others)),
        masthead=masthead,
        adoption=_adoption(res.adoption, [o.adoption for o in others]),
        committee=_committee(res.committee, [o.committee for o in others]),
        formula=_union(res.formula, (o.formula for o in others)),
        preamble=tuple(merger.paragraph(p) for p in res.preamble),
        operative=tuple(merger.paragraph(p) for p in res.operative),
        closing=merger.closing(res.closing, lambda a: a.version.resolution.closing),
        annexes=tuple(merger.part(a) for a in res.annexes),
        components=tuple(merger.component(c) for c in res.components),
        footnotes=_footnotes(res.footnotes, [(a.language, a.version.resolution.footnotes) for a in alignments]),
    )
    unplaced: list[Unplaced] = list(res.unplaced)
    for a in alignments:
        for u in a.version.resolution.unplaced:
            unplaced.append(
                replace(u, after=a.to_reference.get(u.after, u.after if u.after in ("", "formula", "closing") else ""))
            )
        for entry, after in a.leftovers:
            text = _leftover_text(entry.node, a.language)
            if text:
                line = getattr(entry.node, "line", 0)
                unplaced.append(Unplaced("", text, line, after, a.language))
                warnings.append(
                    Problem(
                        a.version.file,
                        line,
                        f"{entry.id} cannot be aligned with {reference.file}: kept as an unplaced block",
                        text[:80],
                    )
                )
    order = {node_id: n for n, node_id in enumerate(document_order(merged))}
    unplaced.sort(key=lambda u: order.get(u.after, -1 if u.after == "" else len(order)))
    merged = replace(
        merged,
        unplaced=tuple(replace(u, id=f"unplaced-{n}") for n, u in enumerate(unplaced, 1)),
        sources=_sources(reference, alignments, warnings),
    )
    return with_footnotes(merged), warnings


def _symbol(versions: list[Version], warnings: list[Problem]) -> tuple[str, str]:
    """The symbol (and number) of the resolution: the reference's, or the longer one another
    version prints (``A/RES/74/250A-B`` where the Chinese version prints ``A/RES/74/250``)."""
    best = versions[0].resolution
    for v in versions[1:]:
        res = v.resolution
        if res.symbol != best.symbol and res.symbol.startswith(best.symbol):
            best = res
    for v in versions:
        if v.resolution.symbol != best.symbol:
            warnings.append(
                Problem(v.file, 0, f"this version prints the symbol {v.resolution.symbol}: {best.symbol} is kept")
            )
    return best.symbol, best.number


def _markers(node: Node) -> list[str]:
    if isinstance(node, Paragraph):
        texts = [t for _, t in node.text.pairs] + [
            c for t in node.tables for row in t.rows for cell in row for _, c in cell.text.pairs
        ]
    elif isinstance(node, Heading):
        texts = [t for _, t in node.text.pairs]
    else:
        texts = []
    return [m.group(1) for t in texts for m in NOTE_MARKER.finditer(t)]


def _note_mapping(reference: Resolution, a: _Alignment, warnings: list[Problem]) -> dict[str, str]:
    """Footnote numbers of a version that differ from the reference's for the same markers (a
    German file numbering its only note 2): version number -> reference number, from the markers
    of aligned nodes, in order."""
    ref_nodes = {e.id: e.node for e in entries(reference)}
    mapping: dict[str, str] = {}
    for ref_id, node in a.by_reference.items():
        ref_node = ref_nodes.get(ref_id)
        if ref_node is None:
            continue
        for own, ref in zip(_markers(node), _markers(ref_node), strict=False):
            mapping.setdefault(own, ref)
    mapping = {own: ref for own, ref in mapping.items() if own != ref}
    numbers = [mapping.get(f.number, f.number) for f in a.version.resolution.footnotes]
    if len(set(numbers)) != len(numbers):  # renumbering would make two notes one: leave them be
        warnings.append(Problem(a.version.file, 0, "its footnotes are numbered otherwise than in the reference"))
        return {}
    if mapping:
        listed = ", ".join(f"{own} -> {ref}" for own, ref in sorted(mapping.items(), key=lambda kv: int(kv[0])))
        warnings.append(
            Problem(
                a.version.file,
                0,
                f"its footnotes are numbered otherwise than in the reference ({listed}): renumbered as there",
            )
        )
    return mapping


def renumber_notes(res: Resolution, mapping: dict[str, str]) -> Resolution:
    """``res`` with footnote ``n`` renumbered ``mapping[n]``, in the notes and in every marker."""

    def text(t: str) -> str:
        return NOTE_MARKER.sub(lambda m: f"[^{mapping.get(m.group(1), m.group(1))}]", t)

    def loc(value: Localised) -> Localised:
        return Localised.of({lang: text(t) for lang, t in value.pairs})

    def spans(value: Spans) -> Spans:
        return Spans.of({lang: [replace(s, text=text(s.text)) for s in items] for lang, items in value.pairs})

    def para(p: Paragraph) -> Paragraph:
        return replace(
            p,
            text=loc(p.text),
            spans=spans(p.spans),
            headings=tuple(replace(h, text=loc(h.text)) for h in p.headings),
            tables=tuple(
                replace(t, rows=tuple(tuple(replace(c, text=loc(c.text)) for c in row) for row in t.rows))
                for t in p.tables
            ),
            children=tuple(para(c) for c in p.children),
            embedded=part(p.embedded) if p.embedded else None,
        )

    def part(pt: Part) -> Part:
        return replace(pt, title=loc(pt.title), paragraphs=tuple(para(p) for p in pt.paragraphs))

    return replace(
        res,
        title=loc(res.title),
        preamble=tuple(para(p) for p in res.preamble),
        operative=tuple(para(p) for p in res.operative),
        annexes=tuple(part(a) for a in res.annexes),
        components=tuple(
            replace(
                c,
                preamble=tuple(para(p) for p in c.preamble),
                operative=tuple(para(p) for p in c.operative),
                annexes=tuple(part(a) for a in c.annexes),
            )
            for c in res.components
        ),
        unplaced=tuple(replace(u, text=text(u.text)) for u in res.unplaced),
        sources=tuple(
            replace(
                s,
                eids=tuple(
                    (f"footnote {mapping.get(k[9:], k[9:])}" if k.startswith("footnote ") else k, v) for k, v in s.eids
                ),
            )
            for s in res.sources
        ),
        footnotes=tuple(
            sorted(
                (replace(f, number=mapping.get(f.number, f.number)) for f in res.footnotes),
                key=lambda f: int(f.number) if f.number.isdigit() else 10**9,
            )
        ),
    )


def _masthead(ref: Masthead | None, others: list[Masthead | None]) -> Masthead | None:
    if ref is None:
        return next((o for o in others if o is not None), None)
    found = [o for o in others if o is not None]
    session = ref.session
    if session is not None:
        session = replace(session, words=_union(session.words, (o.session.words for o in found if o.session)))
    agenda = ref.agenda_item
    if agenda is not None:
        agenda = replace(
            agenda,
            words=_union(agenda.words, (o.agenda_item.words for o in found if o.agenda_item)),
            title=_union(agenda.title, (o.agenda_item.title for o in found if o.agenda_item)),
        )
    distribution = ref.distribution
    if distribution is not None:
        distribution = replace(
            distribution,
            text=_union(distribution.text, (o.distribution.text for o in found if o.distribution)),
            date_text=_union(distribution.date_text, (o.distribution.date_text for o in found if o.distribution)),
        )
    return replace(
        ref,
        organization=_union(ref.organization, (o.organization for o in found)),
        issuer=_union(ref.issuer, (o.issuer for o in found)),
        session=session,
        agenda_item=agenda,
        distribution=distribution,
    )


def _adoption(ref: Adoption | None, others: list[Adoption | None]) -> Adoption | None:
    if ref is None:
        return next((o for o in others if o is not None), None)
    found = [o for o in others if o is not None]
    return replace(
        ref,
        text=_union(ref.text, (o.text for o in found)),
        meeting=_union(ref.meeting, (o.meeting for o in found)),
        date=ref.date or next((o.date for o in found if o.date), None),
    )


def _committee(ref: Committee | None, others: list[Committee | None]) -> Committee | None:
    if ref is None:
        return next((o for o in others if o is not None), None)
    return replace(ref, text=_union(ref.text, (o.text for o in others if o is not None)))


def _footnotes(ref: tuple[Footnote, ...], others: list[tuple[str, tuple[Footnote, ...]]]) -> tuple[Footnote, ...]:
    notes: dict[str, Footnote] = {f.number: f for f in ref}
    for language, theirs in others:
        for f in theirs:
            if f.number not in notes:
                notes[f.number] = f
                continue
            mine = notes[f.number]
            spans = dict(mine.spans.pairs)
            if language in f.spans:
                spans[language] = f.spans[language]
            notes[f.number] = replace(
                mine, text=mine.text.with_text(language, f.text.get(language, "")), spans=Spans.of(spans)
            )
    return tuple(sorted(notes.values(), key=lambda f: int(f.number) if f.number.isdigit() else 10**9))


def _sources(reference: Version, alignments: list[_Alignment], warnings: list[Problem]) -> tuple[Source, ...]:
    ref_source = reference.resolution.sources[0]
    ref_eids = dict(ref_source.eids)
    out = [ref_source]
    for a in alignments:
        source = a.version.resolution.sources[0]
        mapped: list[tuple[str, str]] = []
        differing: list[tuple[str, str, str]] = []
        first_line = 0
        for own_id, eid in source.eids:
            ours = a.to_reference.get(own_id, own_id if own_id == "formula" or own_id.startswith("footnote ") else "")
            if not ours:
                continue
            mapped.append((ours, eid))
            if ours in ref_eids and ref_eids[ours] != eid:
                differing.append((ours, eid, ref_eids[ours]))
                first_line = first_line or a.lines.get(own_id, 0)
        if differing:
            first = differing[0]
            warnings.append(
                Problem(
                    a.version.file,
                    first_line,
                    f"its own ids differ from those of {reference.file} for {len(differing)} node(s) "
                    f"(first: {first[0]} is {first[1]} here, {first[2]} there); aligned by structure",
                )
            )
        out.append(replace(source, eids=tuple(mapped)))
    out.sort(key=lambda s: _un_order(s.language))
    return tuple(out)


__all__ = ["PREFERENCE", "choose", "entries", "merge"]
