"""Two versions of a resolution, aligned paragraph by paragraph, with word-level differences.

:func:`align` pairs the paragraphs (and subparagraphs) of an earlier text with those of a later
one, in three passes, then labels each pair:

1. **exact**: paragraphs with the same words (:func:`generator.history.text.fingerprint`) pair
   up, each earlier paragraph used once, in document order;
2. **near**: among the rest, every pair at least :data:`~generator.history.text.CHANGED` alike
   is a candidate; candidates pair up best first (the most alike, then the closest in position);
3. **order**: the longest run of pairs that keeps the document order (a longest increasing
   subsequence of the earlier positions, taken in the later order) is in place; a pair outside
   it has **moved**.

A pair in place is **unchanged** (same words) or **changed**; an earlier paragraph left without
a pair is **dropped**, a later one **new**.  The result lists every paragraph of both texts once,
in the later text's order, a dropped paragraph right after the one it followed.

:func:`diff_words` gives the word-level differences of two wordings as segments (equal, delete,
insert) such that the equal and deleted segments make the earlier wording and the equal and
inserted ones the later wording, character for character.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from generator.history.text import CHANGED, fingerprint, similarity, words
from generator.model import Paragraph, Resolution
from generator.naming import named_paragraphs

Status = Literal["unchanged", "changed", "moved", "new", "dropped"]
STATUSES: tuple[Status, ...] = ("unchanged", "changed", "new", "dropped", "moved")


@dataclass(frozen=True, slots=True)
class Unit:
    """One paragraph or subparagraph as compared."""

    id: str
    name: str
    wording: str
    """The full wording, footnote markers included (as the page shows it)."""
    tokens: tuple[str, ...]
    """The words that count (:func:`generator.history.text.words`)."""

    @classmethod
    def of(cls, id: str, name: str, wording: str) -> Unit:
        return cls(id, name, wording, words(wording))


@dataclass(frozen=True, slots=True)
class Segment:
    op: Literal["equal", "delete", "insert"]
    text: str


@dataclass(frozen=True, slots=True)
class Pair:
    status: Status
    old: Unit | None
    new: Unit | None
    similarity: float = 0.0
    diff: tuple[Segment, ...] = ()
    """Word-level differences, for a pair whose words differ."""


def units_of(res: Resolution, language: str) -> list[Unit]:
    """The paragraphs and subparagraphs of ``res`` that exist in ``language``, in document order."""
    out = []
    for p, _, name in named_paragraphs(res):
        if language in p.text:
            out.append(Unit.of(p.id, name, p.wording(language)))
    return out


def paragraph_unit(p: Paragraph, name: str, language: str) -> Unit:
    return Unit.of(p.id, name, p.wording(language))


_TOKEN = re.compile(r"\s+|\S+\s*")


def diff_words(old: str, new: str) -> tuple[Segment, ...]:
    """Word-level differences of two wordings (see the module docstring for the guarantee)."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    out: list[Segment] = []

    def add(op: Literal["equal", "delete", "insert"], text: str) -> None:
        if not text:
            return
        if out and out[-1].op == op:
            out[-1] = Segment(op, out[-1].text + text)
        else:
            out.append(Segment(op, text))

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            add("equal", "".join(a[i1:i2]))
        else:
            add("delete", "".join(a[i1:i2]))
            add("insert", "".join(b[j1:j2]))
    return tuple(out)


def _in_order(positions: Sequence[int]) -> set[int]:
    """Indices (into ``positions``) of a longest strictly increasing subsequence."""
    tails: list[int] = []
    tail_index: list[int] = []
    previous = [-1] * len(positions)
    for i, value in enumerate(positions):
        k = bisect.bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_index.append(i)
        else:
            tails[k] = value
            tail_index[k] = i
        previous[i] = tail_index[k - 1] if k > 0 else -1
    keep: set[int] = set()
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        keep.add(i)
        i = previous[i]
    return keep


def align(old: Sequence[Unit], new: Sequence[Unit]) -> list[Pair]:
    """Every paragraph of ``old`` and ``new`` once, paired and labelled (see the module docstring)."""
    match: dict[int, tuple[int, float]] = {}  # new index -> (old index, similarity)
    by_print: dict[str, list[int]] = {}
    for i, unit in enumerate(old):
        by_print.setdefault(fingerprint(unit.tokens), []).append(i)
    used: set[int] = set()
    for j, unit in enumerate(new):
        for i in by_print.get(fingerprint(unit.tokens), ()):
            if i not in used:
                used.add(i)
                match[j] = (i, 1.0)
                break
    candidates: list[tuple[float, int, int, int]] = []
    rest_old = [i for i in range(len(old)) if i not in used]
    for j, unit in enumerate(new):
        if j in match:
            continue
        for i in rest_old:
            score = similarity(old[i].tokens, unit.tokens)
            if score >= CHANGED:
                candidates.append((-score, abs(i - j), i, j))
    for neg_score, _, i, j in sorted(candidates):
        if i not in used and j not in match:
            used.add(i)
            match[j] = (i, -neg_score)
    order = sorted(match)
    in_place = {order[k] for k in _in_order([match[j][0] for j in order])}
    pairs: dict[int, Pair] = {}
    for j, (i, score) in match.items():
        same = old[i].tokens == new[j].tokens
        if j not in in_place:
            status: Status = "moved"
        else:
            status = "unchanged" if same else "changed"
        diff = () if old[i].wording == new[j].wording else diff_words(old[i].wording, new[j].wording)
        pairs[j] = Pair(status, old[i], new[j], score, diff)
    dropped_after: dict[int, list[int]] = {}
    last_old_for: list[int] = []
    last = -1
    for j in range(len(new)):
        if j in match and j in in_place:
            last = match[j][0]
        last_old_for.append(last)
    for i in range(len(old)):
        if i in used:
            continue
        # Right after the paragraph it followed in the old text (the nearest earlier one that is
        # in place), before anything new that came in after that paragraph.
        k = bisect.bisect_right(last_old_for, i) - 1
        anchor = last_old_for[k] if k >= 0 else -1
        k = bisect.bisect_left(last_old_for, anchor) if anchor >= 0 else -1
        dropped_after.setdefault(k, []).append(i)
    out = [Pair("dropped", old[i], None) for i in dropped_after.get(-1, [])]
    for j in range(len(new)):
        out.append(pairs.get(j) or Pair("new", None, new[j]))
        out += [Pair("dropped", old[i], None) for i in dropped_after.get(j, [])]
    return out


def counts(pairs: Sequence[Pair]) -> dict[Status, int]:
    """How many pairs of each status."""
    out: dict[Status, int] = dict.fromkeys(STATUSES, 0)
    for pair in pairs:
        out[pair.status] += 1
    return out


def old_side(pairs: Sequence[Pair]) -> Iterator[Unit]:
    """The earlier text's paragraphs as the alignment lists them."""
    return (p.old for p in pairs if p.old is not None)
