"""Checks a structured resolution must pass, whether it came from the importer or from a
maintainer's hand edit: ids follow :mod:`generator.ids`, are unique, and footnotes and their
markers agree."""

from __future__ import annotations

from collections.abc import Callable

from generator import ids
from generator.errors import Problem
from generator.model import NOTE_MARKER, Paragraph, Resolution


def expected_ids(resolution: Resolution) -> dict[int, str]:
    """Map ``id(paragraph)`` to the id :mod:`generator.ids` gives it."""
    out: dict[int, str] = {}

    def sub(parent_id: str, children: tuple[Paragraph, ...]) -> None:
        taken: set[str] = set()
        for c in children:
            out[id(c)] = ids.unique(ids.subparagraph_id(parent_id, c.label), taken)
            sub(out[id(c)], c.children)

    for i, p in enumerate(resolution.preamble, 1):
        out[id(p)] = ids.preambular_id(i)
        sub(out[id(p)], p.children)
    taken: set[str] = set()
    for p in resolution.operative:
        out[id(p)] = ids.unique(ids.operative_id(p.label), taken)
        sub(out[id(p)], p.children)
    return out


def validate_resolution(resolution: Resolution, path: str, locate: Callable[[str], int] | None = None) -> list[Problem]:
    """Every inconsistency in ``resolution``; ``locate(key)`` maps a node to a line to report."""

    def line(key: str, default: int) -> int:
        return locate(key) if locate else default

    problems: list[Problem] = []
    want = expected_ids(resolution)
    seen: set[str] = set()
    for p in resolution.paragraphs():
        if p.id != want[id(p)]:
            problems.append(
                Problem(
                    path,
                    line(p.id, p.line),
                    f"paragraph id {p.id!r} should be {want[id(p)]!r}",
                    p.full_text[:80],
                    "ids follow the numbering: pp-N, op-N, op-N-a, op-N-a-i",
                )
            )
        if p.id in seen:
            problems.append(Problem(path, line(p.id, p.line), f"paragraph id {p.id!r} is used twice"))
        seen.add(p.id)
    numbers = {f.number for f in resolution.footnotes}
    cited: dict[str, list[str]] = {}
    for p in resolution.paragraphs():
        for m in NOTE_MARKER.finditer(p.full_text):
            if m.group(1) not in numbers:
                problems.append(
                    Problem(
                        path,
                        line(p.id, p.line),
                        f"footnote marker [^{m.group(1)}] has no footnote",
                        p.full_text[:80],
                        f"add footnote {m.group(1)} or remove the marker",
                    )
                )
            ids_ = cited.setdefault(m.group(1), [])
            if p.id not in ids_:
                ids_.append(p.id)
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
