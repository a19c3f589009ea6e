"""Checks a structured resolution must pass, whether it came from the importer or from a
maintainer's hand edit: ids follow :mod:`generator.ids`, are unique, and footnotes and their
markers agree."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from generator import ids
from generator.errors import Problem
from generator.model import NOTE_MARKER, Component, Paragraph, Part, Resolution, Span, locate_spans


@dataclass
class _Headings:
    """Numbering of the headings of one resolution or component."""

    prefix: str
    unnumbered: int = 0


def expected_ids(resolution: Resolution) -> dict[int, str]:
    """Map ``id(node)`` of every paragraph, part, heading, table and component to the id
    :mod:`generator.ids` gives it."""
    out: dict[int, str] = {}

    def para(p: Paragraph, want: str, headings: _Headings) -> None:
        out[id(p)] = want
        for h in p.headings:
            headings.unnumbered += 0 if h.label else 1
            heading = ids.in_component(headings.prefix, ids.heading_id(h.label, headings.unnumbered))
            out[id(h)] = ids.unique(heading, heading_ids)
        for n, t in enumerate(p.tables, 1):
            out[id(t)] = ids.table_id(want, n)
        taken: set[str] = set()
        blocks = 0
        for c in p.children:
            if c.kind == "text" and not c.label:
                blocks += 1
                para(c, ids.unique(ids.text_block_id(want, blocks), taken), headings)
            else:
                para(c, ids.unique(ids.subparagraph_id(want, c.label), taken), headings)
        if p.embedded:
            part(p.embedded, ids.embedded_id(want), headings)

    def part(pt: Part, want: str, headings: _Headings) -> None:
        out[id(pt)] = want
        taken: set[str] = set()
        unnumbered = 0
        for p in pt.paragraphs:
            unnumbered += 0 if p.label else 1
            para(p, ids.unique(ids.part_paragraph_id(want, p.label, unnumbered), taken), headings)

    heading_ids: set[str] = set()

    def body(
        headings: _Headings,
        preamble: tuple[Paragraph, ...],
        operative: tuple[Paragraph, ...],
        annexes: tuple[Part, ...],
    ) -> None:
        prefix = headings.prefix
        for i, p in enumerate(preamble, 1):
            para(p, ids.in_component(prefix, ids.preambular_id(i)), headings)
        taken: set[str] = set()
        recitals = len(preamble)
        for i, p in enumerate(operative, 1):
            if p.kind == "preambular":  # a section's own preamble, amid the operative part
                recitals += 1
                para(p, ids.in_component(prefix, ids.preambular_id(recitals)), headings)
            else:
                para(p, ids.in_component(prefix, ids.unique(ids.operative_id(p.label, i), taken)), headings)
        taken_annexes: set[str] = set()
        for annex in annexes:
            part(annex, ids.in_component(prefix, ids.unique(ids.annex_id(annex.label), taken_annexes)), headings)

    own = _Headings("")
    body(own, resolution.preamble, resolution.operative, ())
    taken_components: set[str] = set()
    for n, c in enumerate(resolution.components, 1):
        cid = ids.unique(ids.component_id(c.label, n), taken_components)
        out[id(c)] = cid
        body(_Headings(cid), c.preamble, c.operative, c.annexes)
    body(own, (), (), resolution.annexes)
    return out


def marked_texts(resolution: Resolution, language: str | None = None) -> list[tuple[str, int, str]]:
    """(id, line, text) of every node whose text may carry footnote markers, in document order:
    paragraphs (with those of embedded texts and annexes), part titles and unplaced blocks.

    ``language``: the texts of that language only; ``None``: of every language, one after
    the other for each node."""
    out: list[tuple[str, int, str]] = []
    placed_after: dict[str, list[tuple[str, int, str]]] = {}
    for u in resolution.unplaced:
        if language is None or u.language == language:
            placed_after.setdefault(u.after, []).append((u.id, u.line, u.text))
    out += placed_after.pop("", [])

    def emit(node_id: str, node_line: int, texts: list[str]) -> None:
        out.extend((node_id, node_line, text) for text in texts)
        out.extend(placed_after.pop(node_id, []))

    def texts(values: dict[str, str] | object) -> list[str]:
        assert isinstance(values, dict)
        return list(values.values()) if language is None else [values[language]] if language in values else []

    def para(p: Paragraph) -> None:
        for h in p.headings:
            out.extend((h.id, h.line, text) for text in texts(dict(h.text.pairs)))
        langs = p.text if language is None else [language] if language in p.text else []
        emit(p.id, p.line, [p.wording(lang) for lang in langs])
        for t in p.tables:
            for row in t.rows:
                for cell in row:
                    out.extend((p.id, t.line, text) for text in texts(dict(cell.text.pairs)))
        for c in p.children:
            para(c)
        if p.embedded:
            part(p.embedded)

    def part(pt: Part) -> None:
        emit(pt.id, pt.line, texts(dict(pt.title.pairs)))
        for p in pt.paragraphs:
            para(p)

    out.extend(placed_after.pop("formula", []))
    for p in (*resolution.preamble, *resolution.operative):
        para(p)
    for c in resolution.components:
        component(c, part, para)
    out.extend(placed_after.pop("closing", []))
    for annex in resolution.annexes:
        part(annex)
    for rest in placed_after.values():
        out.extend(rest)
    return out


def component(c: Component, part: Callable[[Part], None], para: Callable[[Paragraph], None]) -> None:
    for p in c.top_paragraphs():
        para(p)
    for annex in c.annexes:
        part(annex)


def span_problems(resolution: Resolution, path: str, line: Callable[[str, int], int]) -> list[Problem]:
    """A span whose words are no longer in its text (a hand edit changed them)."""
    problems: list[Problem] = []

    def check(node_id: str, node_line: int, text_of: dict[str, str], spans: dict[str, tuple[Span, ...]]) -> None:
        for language, items in spans.items():
            found = locate_spans(text_of.get(language, ""), items)
            if isinstance(found, Span):
                problems.append(
                    Problem(
                        path,
                        line(node_id, node_line),
                        f"{node_id}: the {found.style} span {found.text!r} ({language}) is not in its text",
                        hint="correct the span's words, or remove the span",
                    )
                )

    for p in resolution.all_paragraphs():
        if p.spans:
            check(p.id, p.line, dict(p.text.pairs), dict(p.spans.pairs))
    for f in resolution.footnotes:
        if f.spans:
            check(f"footnote {f.number}", f.line, dict(f.text.pairs), dict(f.spans.pairs))
    return problems


def validate_resolution(resolution: Resolution, path: str, locate: Callable[[str], int] | None = None) -> list[Problem]:
    """Every inconsistency in ``resolution``; ``locate(key)`` maps a node to a line to report."""

    def line(key: str, default: int) -> int:
        return locate(key) if locate else default

    problems: list[Problem] = []
    want = expected_ids(resolution)
    seen: set[str] = set()
    for pt in resolution.parts():
        if pt.id != want[id(pt)]:
            problems.append(
                Problem(
                    path,
                    line(pt.id, pt.line),
                    f"part id {pt.id!r} should be {want[id(pt)]!r}",
                    next(iter(pt.heading.values()), "") or next(iter(pt.title.values()), ""),
                    "annexes are annex or annex-<label>, embedded texts <paragraph id>-text",
                )
            )
    for n, u in enumerate(resolution.unplaced, 1):
        if u.id != ids.unplaced_id(n):
            problems.append(
                Problem(path, line(u.id, u.line), f"unplaced block id {u.id!r} should be {ids.unplaced_id(n)!r}")
            )
    for c in resolution.components:
        if c.id != want[id(c)]:
            problems.append(Problem(path, line(c.id, c.line), f"component id {c.id!r} should be {want[id(c)]!r}"))
    for p in resolution.all_paragraphs():
        for h in p.headings:
            if h.id != want[id(h)]:
                problems.append(Problem(path, line(h.id, h.line), f"heading id {h.id!r} should be {want[id(h)]!r}"))
        for t in p.tables:
            if t.id != want[id(t)]:
                problems.append(Problem(path, line(t.id, t.line), f"table id {t.id!r} should be {want[id(t)]!r}"))
        if p.id != want[id(p)]:
            problems.append(
                Problem(
                    path,
                    line(p.id, p.line),
                    f"paragraph id {p.id!r} should be {want[id(p)]!r}",
                    p.wording(p.languages[0])[:80] if p.languages else "",
                    "ids follow the numbering: pp-N, op-N, op-N-a, op-N-a-i",
                )
            )
        if p.id in seen:
            problems.append(Problem(path, line(p.id, p.line), f"paragraph id {p.id!r} is used twice"))
        seen.add(p.id)
    numbers = {f.number for f in resolution.footnotes}
    cited: dict[str, list[str]] = {}
    for node_id, node_line, text in marked_texts(resolution):
        for m in NOTE_MARKER.finditer(text):
            if m.group(1) not in numbers:
                problems.append(
                    Problem(
                        path,
                        line(node_id, node_line),
                        f"footnote marker [^{m.group(1)}] has no footnote",
                        text[:80],
                        f"add footnote {m.group(1)} or remove the marker",
                    )
                )
            ids_ = cited.setdefault(m.group(1), [])
            if node_id not in ids_:
                ids_.append(node_id)
    for f in resolution.footnotes:
        actual = tuple(cited.get(f.number, ()))
        if f.cited_by != actual:
            problems.append(
                Problem(
                    path,
                    line(f"footnote {f.number}", f.line),
                    f"footnote {f.number} lists cited_by {list(f.cited_by)} but the text cites it from {list(actual)}",
                    hint=f"set cited_by to {list(actual)}",
                )
            )
    problems += span_problems(resolution, path, line)
    return problems


def assign_ids(resolution: Resolution) -> tuple[Resolution, dict[int, str]]:
    """The resolution with every node given the id :mod:`generator.ids` gives it (one pass, after
    parsing), and the new id of each node of ``resolution`` by ``id(node)``."""
    want = expected_ids(resolution)

    def para(p: Paragraph) -> Paragraph:
        return replace(
            p,
            id=want[id(p)],
            headings=tuple(replace(h, id=want[id(h)]) for h in p.headings),
            tables=tuple(replace(t, id=want[id(t)]) for t in p.tables),
            children=tuple(para(c) for c in p.children),
            embedded=part(p.embedded) if p.embedded else None,
        )

    def part(pt: Part) -> Part:
        return replace(pt, id=want[id(pt)], paragraphs=tuple(para(p) for p in pt.paragraphs))

    result = replace(
        resolution,
        preamble=tuple(para(p) for p in resolution.preamble),
        operative=tuple(para(p) for p in resolution.operative),
        annexes=tuple(part(a) for a in resolution.annexes),
        components=tuple(
            replace(
                c,
                id=want[id(c)],
                preamble=tuple(para(p) for p in c.preamble),
                operative=tuple(para(p) for p in c.operative),
                annexes=tuple(part(a) for a in c.annexes),
            )
            for c in resolution.components
        ),
    )
    for f in resolution.footnotes:
        want[id(f)] = f"footnote {f.number}"
    return result, want


def with_footnotes(resolution: Resolution) -> Resolution:
    """The resolution with each footnote's ``cited_by`` computed from the texts that carry its marker."""
    cited: dict[str, list[str]] = {}
    for node_id, _, text in marked_texts(resolution):
        for m in NOTE_MARKER.finditer(text):
            ids_ = cited.setdefault(m.group(1), [])
            if node_id not in ids_:
                ids_.append(node_id)
    return replace(
        resolution, footnotes=tuple(replace(f, cited_by=tuple(cited.get(f.number, ()))) for f in resolution.footnotes)
    )
