"""Compare two imports of one resolution: structure, then words, paragraph by paragraph.

The UN publishes its General Assembly resolutions both as PDF and as Akoma Ntoso XML
(:mod:`generator.akn`).  Importing the PDF must give what importing the XML gives: the same
paragraphs (kind, label, nesting, in order) and, in each, the same words.  Words are compared
after the spellings that only typography tells apart are made one: a no-break space is a space,
a no-break hyphen (U+2011) a hyphen, runs of white space one space, and a space before a
footnote marker none.  Footnote markers ``[^N]`` count as words: a marker in the wrong place is a
difference.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from generator.model import Paragraph, Resolution

_SAME = str.maketrans({"\u00a0": " ", "\u2011": "-", "\u202f": " ", "\u2007": " "})


@dataclass(frozen=True, slots=True)
class Item:
    """One paragraph of an outline: where it sits and what it says."""

    path: str
    """``op-3 (b)``: the top paragraph's id and the labels under it."""
    kind: str
    label: str
    depth: int
    words: str


def words(text: str) -> str:
    """``text`` with typographic variants made one (see the module docstring); a space before a
    footnote marker does not count (``development”, [^11]`` is ``development”,[^11]``)."""
    return re.sub(r" (\[\^[0-9]+\])", r"\1", " ".join(text.translate(_SAME).split()))


def outline(resolution: Resolution, language: str = "en") -> tuple[Item, ...]:
    """The paragraphs of ``resolution`` (preamble, operative part, annexes) in document order."""

    def visit(p: Paragraph, path: str, depth: int) -> Iterator[Item]:
        text = words(f"{p.phrase.pick(language)} {p.text.pick(language)}")
        yield Item(path, p.kind, p.label, depth, text)
        for c in p.children:
            yield from visit(c, f"{path} ({c.label})" if c.label else f"{path} {c.id}", depth + 1)

    items: list[Item] = []
    for p in (*resolution.preamble, *resolution.operative):
        items += visit(p, p.id, 0)
    for part in resolution.annexes:
        for p in part.paragraphs:
            items += visit(p, f"{part.id} {p.id}", 0)
    return tuple(items)


@dataclass(frozen=True, slots=True)
class Comparison:
    paragraphs: int
    """Paragraphs of the expected outline."""
    same_structure: bool
    same_words: int
    """Paragraphs whose words agree (among those at the same place)."""
    differences: tuple[str, ...]

    @property
    def exact(self) -> bool:
        return self.same_structure and self.same_words == self.paragraphs and not self.differences


def compare(expected: Resolution, got: Resolution, language: str = "en") -> Comparison:
    """How ``got`` differs from ``expected``: structure, words, title, adoption date, footnotes."""
    want, have = outline(expected, language), outline(got, language)
    shape = [(i.kind, i.label, i.depth) for i in want] == [(i.kind, i.label, i.depth) for i in have]
    diffs: list[str] = []
    if not shape:
        diffs.append(f"structure: {len(want)} paragraphs expected, {len(have)} found")
    same = 0
    for a, b in zip(want, have, strict=False):
        if (a.kind, a.label, a.depth) != (b.kind, b.label, b.depth):
            diffs.append(f"{a.path}: {a.kind} ({a.label}) expected, {b.kind} ({b.label}) at {b.path}")
            break
        if a.words == b.words:
            same += 1
        else:
            diffs.append(f"{a.path}: words differ: {_first_difference(a.words, b.words)}")
    if words(expected.title.pick(language)) != words(got.title.pick(language)):
        diffs.append(f"title: {expected.title.pick(language)!r} expected, {got.title.pick(language)!r} found")
    if expected.adoption_date != got.adoption_date:
        diffs.append(f"adoption date: {expected.adoption_date} expected, {got.adoption_date} found")
    notes_a = [words(f.text.pick(language)) for f in expected.footnotes]
    notes_b = [words(f.text.pick(language)) for f in got.footnotes]
    if notes_a != notes_b:
        diffs.append(f"footnotes: {notes_a} expected, {notes_b} found")
    return Comparison(len(want), shape, same, tuple(diffs))


def _first_difference(a: str, b: str) -> str:
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return f"…{a[max(0, i - 30) : i + 30]!r} expected, …{b[max(0, i - 30) : i + 30]!r} found"


__all__ = ["Comparison", "Item", "compare", "outline", "words"]
