"""Checks a structured resolution must pass, whether it came from the importer or from a
maintainer's hand edit: ids follow :mod:`generator.ids`, are unique, and footnotes and their
markers agree."""

from __future__ import annotations

from collections.abc import Callable

from generator import ids
from generator.errors import Problem
from generator.model import NOTE_MARKER, Paragraph, Part, Resolution


def expected_ids(resolution: Resolution) -> dict[int, str]:
    """Map ``id(node)`` of every paragraph and part to the id :mod:`generator.ids` gives it."""
    out: dict[int, str] = {}

    def para(p: Paragraph, want: str) -> None:
        out[id(p)] = want
        taken: set[str] = set()
        for c in p.children:
            para(c, ids.unique(ids.subparagraph_id(want, c.label), taken))
        if p.embedded:
            part(p.embedded, ids.embedded_id(want))

    def part(pt: Part, want: str) -> None:
        out[id(pt)] = want
        taken: set[str] = set()
        unnumbered = 0
        for p in pt.paragraphs:
            unnumbered += 0 if p.label else 1
            para(p, ids.unique(ids.part_paragraph_id(want, p.label, unnumbered), taken))

    for i, p in enumerate(resolution.preamble, 1):
        para(p, ids.preambular_id(i))
    taken: set[str] = set()
    for i, p in enumerate(resolution.operative, 1):
        para(p, ids.unique(ids.operative_id(p.label, i), taken))
    taken_annexes: set[str] = set()
    for annex in resolution.annexes:
        part(annex, ids.unique(ids.annex_id(annex.label), taken_annexes))
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

    def para(p: Paragraph) -> None:
        langs = p.text if language is None else [language] if language in p.text else []
        emit(p.id, p.line, [p.wording(lang) for lang in langs])
        for c in p.children:
            para(c)
        if p.embedded:
            part(p.embedded)

    def part(pt: Part) -> None:
        titles = pt.title.values() if language is None else [pt.title[language]] if language in pt.title else []
        emit(pt.id, pt.line, list(titles))
        for p in pt.paragraphs:
            para(p)

    out.extend(placed_after.pop("formula", []))
    for p in (*resolution.preamble, *resolution.operative):
        para(p)
    out.extend(placed_after.pop("closing", []))
    for annex in resolution.annexes:
        part(annex)
    for rest in placed_after.values():
        out.extend(rest)
    return out


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
    for p in resolution.all_paragraphs():
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
    return problems
