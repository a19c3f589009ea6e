"""Series of resolutions: which earlier resolution each one continues.

Most General Assembly resolutions are negotiated from last year's text on the same item.  The
links are detected from the data, in adoption order, by two rules:

1. **same title**: a resolution continues the latest earlier one with the same title (titles
   compared without case, punctuation or spacing) and, when both name one, the same agenda item;
2. **recalled, and not continued otherwise**: a resolution that recalls an earlier one continues
   the *tip* of that one's line (the latest resolution reached from it by links already made,
   before this one), provided the tip is of an earlier session and nothing else continued it in
   this session or before: a text renamed ("Developments in the field of ..." becoming
   "Open-ended working group on security of and in the use of ...") or two texts merged into one
   (73/266's line and 74/29's line into 76/19);
3. **a title line passes through the texts it recalls**: when a resolution continues ``P`` by its
   title, but recalls a text ``Q`` of an earlier session that continues ``P`` by rule 2 (a merged
   text under a longer title: 76/19, "Developments ..., and advancing responsible State
   behaviour ..."), it continues ``Q`` instead, and ``Q`` counts as continuing ``P`` by title: the
   line reads 75/240, 76/19, 77/36 rather than skipping 76/19.

A *series* is a line of resolutions read forwards from one that continues nothing: at each step
the same-title successor if there is one, else the one that continues it by rule 2; a line ends
where it enters a resolution that continues another line by its title (a merge).  So a resolution
may end one series and belong to another, and every resolution with a predecessor has a changes
page against each.

``resolutions/series.yaml`` corrects the detection by hand::

    series:                       # these follow each other, in this order (adds links)
      - name: Advancing responsible State behaviour in cyberspace
        resolutions: [A/RES/73/266, A/RES/74/28, A/RES/75/32, A/RES/76/19]
    split: [A/RES/77/37]          # continue nothing (removes detected links into them)
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Member:
    """What series detection needs of a resolution."""

    symbol: str
    adopted: date | None
    session: int | None
    title: str
    agenda: str = ""
    """The agenda item's title, when the data has it (empty otherwise)."""
    recalls: frozenset[str] = frozenset()
    """Symbols of the resolutions it cites."""


@dataclass(frozen=True, slots=True)
class Series:
    id: str
    name: str
    members: tuple[str, ...]
    """Symbols, oldest first."""


@dataclass
class Links:
    predecessors: dict[str, list[str]] = field(default_factory=dict)
    """Per symbol: the resolutions it continues (same title first)."""
    by_title: dict[str, str] = field(default_factory=dict)
    """Per symbol: the one it continues by its title, when it does."""

    def successors(self, symbol: str) -> list[str]:
        return [s for s, preds in self.predecessors.items() if symbol in preds]


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _order(m: Member) -> tuple[date, str]:
    return (m.adopted or date.max, m.symbol)


@dataclass(frozen=True, slots=True)
class Overrides:
    series: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(name, symbols in order) of each series given by hand."""
    split: frozenset[str] = frozenset()


def detect(members: Iterable[Member], overrides: Overrides = Overrides()) -> tuple[Links, list[Series]]:
    """The links between resolutions and the series they form (see the module docstring)."""
    ordered = sorted(members, key=_order)
    by_symbol = {m.symbol: m for m in ordered}
    links = Links()
    last_by_title: dict[tuple[str, str], Member] = {}
    successors: dict[str, list[str]] = {}

    def link(before: str, after: str, title: bool) -> None:
        preds = links.predecessors.setdefault(after, [])
        if before not in preds:
            preds.append(before)
            successors.setdefault(before, []).append(after)
        if title:
            links.by_title[after] = before

    def tip(symbol: str, limit: Member) -> Member:
        """The latest resolution reached from ``symbol`` by links made so far, before ``limit``."""
        best = by_symbol[symbol]
        todo = [symbol]
        seen = {symbol}
        while todo:
            for nxt in successors.get(todo.pop(), ()):
                m = by_symbol[nxt]
                if nxt in seen or _order(m) >= _order(limit):
                    continue
                seen.add(nxt)
                todo.append(nxt)
                if _order(m) > _order(best):
                    best = m
        return best

    # Rule 1 for every resolution first: rule 2 must know what continues a text by its title,
    # also later in the same session.
    for m in ordered:
        key = (_norm(m.title), _norm(m.agenda))
        previous = last_by_title.get(key) or next(
            (p for k, p in last_by_title.items() if k[0] == key[0] and (not k[1] or not key[1])), None
        )
        if key[0]:
            if previous is not None and m.symbol not in overrides.split:
                link(previous.symbol, m.symbol, title=True)
            last_by_title[key] = m
    for m in ordered:
        if m.symbol in overrides.split:
            continue
        for recalled in sorted(m.recalls):
            if recalled not in by_symbol or recalled == m.symbol:
                continue
            r = by_symbol[recalled]
            if _order(r) >= _order(m):
                continue
            t = tip(recalled, m)
            if t.symbol in links.predecessors.get(m.symbol, ()) or t.symbol == m.symbol:
                continue
            if t.session is not None and m.session is not None and t.session >= m.session:
                continue
            continued = [
                s
                for s in successors.get(t.symbol, ())
                if s != m.symbol and (by_symbol[s].session or 0) <= (m.session or 0)
            ]
            if not continued:
                link(t.symbol, m.symbol, title=False)
    for m in ordered:
        p = links.by_title.get(m.symbol)
        if p is None:
            continue
        for q in successors.get(p, ()):
            later = by_symbol[q]
            if (
                q != m.symbol
                and q in m.recalls
                and links.by_title.get(q) is None
                and _order(later) < _order(m)
                and (later.session or 0) < (m.session or 0)
            ):
                links.predecessors[m.symbol].remove(p)
                successors[p].remove(m.symbol)
                link(q, m.symbol, title=True)
                links.by_title[q] = p
                preds = links.predecessors[q]
                preds.insert(0, preds.pop(preds.index(p)))
                break
    for _, symbols in overrides.series:
        for before, after in itertools.pairwise(symbols):
            if before in by_symbol and after in by_symbol:
                link(before, after, title=False)
    return links, _series(ordered, links, overrides)


def _series(ordered: Sequence[Member], links: Links, overrides: Overrides) -> list[Series]:
    titles = {m.symbol: m.title for m in ordered}
    named = {symbols[:2]: name for name, symbols in overrides.series if len(symbols) > 1}

    def follow(chain: list[str]) -> list[str]:
        current = chain[-1]
        while True:
            nexts = links.successors(current)
            title_next = [s for s in nexts if links.by_title.get(s) == current]
            step = title_next[0] if title_next else (nexts[0] if nexts else None)
            if step is None or step in chain:
                return chain
            chain.append(step)
            if not title_next and links.by_title.get(step) not in (None, current):
                return chain  # a merge: the line ends in the text that took it over
            current = step

    chains: list[list[str]] = []
    for m in ordered:
        if not links.predecessors.get(m.symbol):
            chains.append(follow([m.symbol]))
    # A link no line follows (a resolution continuing a text that another continues by title)
    # starts a line of its own from that text.
    walked = {(a, b) for chain in chains for a, b in itertools.pairwise(chain)}
    for m in ordered:
        for before in links.predecessors.get(m.symbol, ()):
            if (before, m.symbol) not in walked and not any(m.symbol in c for c in chains):
                chains.append(follow([before, m.symbol]))
                walked |= set(zip(chains[-1], chains[-1][1:], strict=False))
    out: list[Series] = []
    for chain in chains:
        if len(chain) > 1:
            name = named.get(tuple(chain[:2]), titles.get(chain[1] if chain[0] in links.predecessors else chain[0], ""))
            name = name or chain[0]
            out.append(Series(_slug(name), name, tuple(chain)))
    taken: dict[str, int] = {}
    unique = []
    for s in out:
        n = taken.get(s.id, 0) + 1
        taken[s.id] = n
        unique.append(s if n == 1 else Series(f"{s.id}-{n}", s.name, s.members))
    return unique


def _slug(name: str) -> str:
    return "-".join(_norm(name).split()[:8]) or "series"


def overrides_from(data: Mapping[str, object]) -> Overrides:
    """:class:`Overrides` from the (already validated) content of ``series.yaml``."""
    series = data.get("series") or []
    split = data.get("split") or []
    assert isinstance(series, list) and isinstance(split, list)
    return Overrides(
        tuple((str(s.get("name", "")), tuple(str(x) for x in s.get("resolutions", []))) for s in series),
        frozenset(str(x) for x in split),
    )
