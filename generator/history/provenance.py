"""Where every paragraph's language first appeared, over every resolution on the site.

For each paragraph of each resolution (in one language, the resolutions' main one):

- **since**: the earliest resolution adopted before it that has a paragraph with the same words
  (:mod:`generator.history.text`): the paragraph is *agreed language* since then;
- otherwise **changed from**: the earlier paragraph most alike it, at least
  :data:`~generator.history.text.CHANGED` alike; among paragraphs with the same words, the
  latest one adopted before it;
- otherwise it is **new** in this resolution.

Never all pairs.  Paragraphs with the same words are one *text* (a dictionary of fingerprints):
the corpus repeats itself year after year, so there are far fewer texts than paragraphs.  Near
matches among texts come from locality-sensitive hashing: a MinHash signature of each text's word
shingles (datasketch), cut into :data:`BANDS` bands of :data:`ROWS` rows; texts that agree on a
whole band are candidates (texts sharing a third of their shingles almost always do), at most
:data:`MAX_CANDIDATES` per band, then measured exactly, most alike first (by the signature values they share), skipping those
whose upper bounds (difflib's quick ratios) cannot reach the best found so far.  Signatures and bands are numpy arrays,
so 100,000 paragraphs take seconds and little memory (bench/bench.py measures it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher

import numpy as np
from datasketch import MinHash

from generator.history.text import CHANGED, fingerprint

ROWS = 3
BANDS = 21
"""With 3 rows a band, two texts whose shingles are 36 % alike share a band half the time, and
texts 60 % alike almost always (``1 - (1 - s**ROWS)**BANDS``)."""
NUM_PERM = ROWS * BANDS
SHINGLE = 3
MAX_CANDIDATES = 64
"""Per band, only the latest texts of a bucket are candidates: a bounded search even where a
formula recurs in hundreds of resolutions."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One paragraph of one resolution, as the index sees it."""

    symbol: str
    adopted: date | None
    paragraph_id: str
    tokens: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Earlier:
    """A paragraph of an earlier resolution."""

    symbol: str
    paragraph_id: str
    adopted: date | None
    similarity: float = 1.0


@dataclass(frozen=True, slots=True)
class Provenance:
    since: Earlier | None = None
    changed_from: Earlier | None = None

    @property
    def status(self) -> str:
        return "agreed" if self.since else "changed" if self.changed_from else "new"


def _shingles(tokens: Sequence[str]) -> list[bytes]:
    if len(tokens) < SHINGLE:
        return [" ".join(tokens).encode("utf-8")] if tokens else [b""]
    return [" ".join(tokens[i : i + SHINGLE]).encode("utf-8") for i in range(len(tokens) - SHINGLE + 1)]


class _Bands:
    """Which texts agree on a whole band of their signatures, band by band."""

    def __init__(self, signatures: np.ndarray) -> None:
        self.order: list[np.ndarray] = []
        self.starts: list[np.ndarray] = []
        self.group: list[np.ndarray] = []
        mix = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], dtype=np.uint64)
        for band in range(BANDS):
            rows = signatures[:, band * ROWS : (band + 1) * ROWS].astype(np.uint64)
            keys = (rows * mix[:ROWS]).sum(axis=1, dtype=np.uint64)
            order = np.argsort(keys, kind="stable")
            ordered = keys[order]
            change = np.empty(len(ordered), dtype=bool)
            if len(ordered):
                change[0] = True
                change[1:] = ordered[1:] != ordered[:-1]
            starts = np.flatnonzero(change)
            group = np.empty(len(keys), dtype=np.int64)
            group[order] = np.cumsum(change) - 1
            self.order.append(order)
            self.starts.append(np.append(starts, len(keys)))
            self.group.append(group)

    def candidates(self, n: int, before: int) -> np.ndarray:
        """Texts numbered below ``before`` that share a band with text ``n`` (at most
        :data:`MAX_CANDIDATES` a band, the latest)."""
        found = []
        for order, starts, group in zip(self.order, self.starts, self.group, strict=True):
            g = group[n]
            members = order[starts[g] : starts[g + 1]]
            members = members[members < before]
            if len(members):
                found.append(np.sort(members)[-MAX_CANDIDATES:])
        return np.unique(np.concatenate(found)) if found else np.empty(0, dtype=np.int64)


def provenance(entries: Iterable[Entry]) -> dict[tuple[str, str], Provenance]:
    """Per (symbol, paragraph id): its provenance (see the module docstring)."""
    items = sorted(entries, key=lambda e: (e.adopted or date.max, e.symbol, e.paragraph_id))
    # Texts, numbered in the order of their first appearance; occurrences in adoption order.
    text_of: dict[str, int] = {}
    texts: list[tuple[str, ...]] = []
    occurrences: list[list[Entry]] = []
    seen: list[int] = []
    """Per entry: how many texts had appeared by then (a later text holds no earlier paragraph)."""
    for entry in items:
        key = fingerprint(entry.tokens)
        if key not in text_of:
            text_of[key] = len(texts)
            texts.append(entry.tokens)
            occurrences.append([])
        occurrences[text_of[key]].append(entry)
        seen.append(len(texts))
    out: dict[tuple[str, str], Provenance] = {}
    near: list[tuple[Entry, int, int]] = []
    for n, entry in enumerate(items):
        t = text_of[fingerprint(entry.tokens)]
        first = occurrences[t][0]
        if entry.tokens and _before(first.adopted, entry.adopted):
            out[(entry.symbol, entry.paragraph_id)] = Provenance(
                since=Earlier(first.symbol, first.paragraph_id, first.adopted)
            )
        else:
            out[(entry.symbol, entry.paragraph_id)] = Provenance()
            if entry.tokens and entry.adopted is not None and len(texts) > 1:
                near.append((entry, t, seen[n]))
    if not near:
        return out
    signatures = np.array([m.hashvalues for m in MinHash.bulk([_shingles(t) for t in texts], num_perm=NUM_PERM)])
    bands = _Bands(signatures)
    matcher = SequenceMatcher(None, autojunk=False)
    for entry, t, limit in near:
        best: tuple[float, date, str, str] | None = None
        found = bands.candidates(t, limit)
        found = found[found != t]
        # Most alike first (by how many signature values they share), so that the bound below
        # leaves most of the others unmeasured.
        found = found[np.argsort(-(signatures[found] == signatures[t]).sum(axis=1), kind="stable")]
        matcher.set_seq2(entry.tokens)  # the same measure as similarity(texts[u], entry.tokens)
        for u in found:
            earlier = [o for o in occurrences[u] if _before(o.adopted, entry.adopted)]
            if not earlier:
                continue
            floor = max(CHANGED, best[0]) if best else CHANGED
            matcher.set_seq1(texts[u])
            if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
                continue  # upper bounds: it cannot be alike enough, nor beat the best so far
            score = matcher.ratio()
            if score < floor:
                continue
            latest = earlier[-1]
            assert latest.adopted is not None
            rank = (score, latest.adopted, latest.symbol, latest.paragraph_id)
            if best is None or rank > best:
                best = rank
        if best is not None:
            score, adopted, symbol, pid = best
            out[(entry.symbol, entry.paragraph_id)] = Provenance(
                changed_from=Earlier(symbol, pid, adopted, round(score, 3))
            )
    return out


def _before(a: date | None, b: date | None) -> bool:
    """Whether a resolution adopted on ``a`` came before one adopted on ``b`` (unknown: never)."""
    return a is not None and b is not None and a < b
