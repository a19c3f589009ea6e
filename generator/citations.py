"""Which documents each resolution cites, and where: the documents index and the lineage.

A document counts as cited by a paragraph when its symbol is recognised in the paragraph's
wording or in a footnote the paragraph carries; the committee line of the header cites the
committee's report or the draft resolutions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from generator.model import Resolution
from generator.naming import names
from generator.references import Reference, ReferenceKind, find_references, symbol_kind


@dataclass(frozen=True, slots=True)
class Citation:
    resolution: str
    """Symbol of the citing resolution."""
    paragraph_id: str
    """The citing paragraph, or ``""`` for the header (committee line)."""
    where: str
    """``operative paragraph 1 (a)``, ``footnote 1 to preambular paragraph 10``, ``header``."""


@dataclass(frozen=True, slots=True)
class CitedDocument:
    symbol: str
    kind: ReferenceKind
    on_site: bool
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class LineageItem:
    symbol: str
    printed: str
    kind: ReferenceKind
    date: date | None


def body_prefix(res: Resolution) -> str:
    """``A`` for a General Assembly text, ``S`` for the Security Council: how bare numbers read."""
    return res.symbol.split("/", 1)[0]


def references_of(res: Resolution) -> list[tuple[str, str, Reference]]:
    """(paragraph id, where, reference) for every symbol the resolution cites, in document order."""
    prefix = body_prefix(res)
    lang = res.language
    out: list[tuple[str, str, Reference]] = []
    if res.committee:
        out += [("", "header", ref) for ref in find_references(res.committee.text.pick(lang), prefix)]
    footnotes = {f.number: f for f in res.footnotes}
    paragraph_names = names(res)
    marker = re.compile(r"\[\^([0-9]+)\]")
    for p in res.paragraphs():
        name = paragraph_names[p.id]
        wording = p.wording(lang)
        out += [(p.id, name, ref) for ref in find_references(wording, prefix)]
        for number in dict.fromkeys(marker.findall(wording)):
            note = footnotes.get(number)
            if note:
                where = f"footnote {number} to {name}"
                out += [(p.id, where, ref) for ref in find_references(note.text.pick(lang), prefix)]
    return out


def _natural(symbol: str) -> list[object]:
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"([0-9]+)", symbol)]


def cites(res: Resolution) -> tuple[tuple[str, str, str], ...]:
    """(cited symbol, paragraph id, where) for every document ``res`` cites, other than itself,
    each place once, in document order: what the documents index needs of a resolution."""
    out = [(ref.symbol, pid, where) for pid, where, ref in references_of(res) if ref.symbol != res.symbol]
    return tuple(dict.fromkeys(out))


def document_index(resolutions: Iterable[Resolution]) -> list[CitedDocument]:
    """Every document cited anywhere in the site, with every place that cites it."""
    return document_index_of({res.symbol: cites(res) for res in resolutions})


def document_index_of(cited_by_resolution: Mapping[str, Iterable[tuple[str, str, str]]]) -> list[CitedDocument]:
    """:func:`document_index`, given what each resolution cites (see :func:`cites`)."""
    on_site = set(cited_by_resolution)
    cited: dict[str, list[Citation]] = {}
    for symbol, places in cited_by_resolution.items():
        for target, pid, where in places:
            cited.setdefault(target, []).append(Citation(symbol, pid, where))
    return [
        CitedDocument(symbol, symbol_kind(symbol), symbol in on_site, tuple(cites))
        for symbol, cites in sorted(cited.items(), key=lambda kv: _natural(kv[0]))
    ]


def lineage(res: Resolution) -> list[LineageItem]:
    """The resolutions and decisions ``res`` cites, oldest first (undated ones last)."""
    seen: dict[str, LineageItem] = {}
    for _, _, ref in references_of(res):
        if ref.kind not in ("resolution", "decision") or ref.symbol == res.symbol:
            continue
        known = seen.get(ref.symbol)
        if known is None or (known.date is None and ref.date is not None):
            seen[ref.symbol] = LineageItem(ref.symbol, ref.printed, ref.kind, ref.date)
    return sorted(seen.values(), key=lambda i: (i.date is None, i.date or date.min, _natural(i.symbol)))
