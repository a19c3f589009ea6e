"""How two wordings are compared: the words that count, and how alike two paragraphs are.

The rule, stated once (README "History" quotes it):

- **words** (:func:`words`): the paragraph's full wording (opening phrase and text) without
  footnote markers, lower-cased, split into runs of letters or digits; numbering is not part of
  the wording, and punctuation is set aside.  Chinese and Japanese characters count one by one
  (their text has no spaces between words).
- **unchanged**: the same words in the same order (:func:`fingerprint` is equal).
- **similarity** (:func:`similarity`): ``2 * M / (len(a) + len(b))`` where ``M`` is the number of
  words in the longest matching blocks of the two word sequences (Python's
  :class:`difflib.SequenceMatcher`, without its junk heuristic): 1.0 for the same words, 0.0 for
  nothing in common.
- **changed**: not unchanged, and similarity at least :data:`CHANGED` (0.5): a paragraph whose
  date, number or session changed, or that gained or lost a clause, is a changed version of the
  earlier one, not a new paragraph.  Below that it is **new** (or, on the other side, dropped).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from generator.model import strip_notes

CHANGED = 0.5
"""Least similarity for a paragraph to count as a changed version of another (see above)."""

_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")


def words(wording: str) -> tuple[str, ...]:
    """The words that count in a wording (see the module docstring)."""
    out: list[str] = []
    for m in _WORD.finditer(strip_notes(wording).lower()):
        token = m.group(0).replace("_", "")
        if not token:
            continue
        if _CJK.search(token):
            run = ""
            for ch in token:
                if _CJK.match(ch):
                    if run:
                        out.append(run)
                        run = ""
                    out.append(ch)
                else:
                    run += ch
            if run:
                out.append(run)
        else:
            out.append(token)
    return tuple(out)


def fingerprint(tokens: Sequence[str]) -> str:
    """Equal for equal word sequences (and, for practical purposes, only for them)."""
    return hashlib.blake2b("\x1f".join(tokens).encode("utf-8"), digest_size=12).hexdigest()


@lru_cache(maxsize=65536)
def _ratio(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if not a and not b:
        return 1.0
    total = len(a) + len(b)
    # Upper bounds first, cheapest first: the lengths, then the words in common whatever their
    # order (what difflib's quick_ratio computes, with C-speed counting).  Most pairs compared are
    # paragraphs that have little to do with each other, and stop here.
    bound = 2.0 * min(len(a), len(b)) / total
    if bound < CHANGED:
        return bound
    bound = 2.0 * sum((Counter(a) & Counter(b)).values()) / total
    if bound < CHANGED:
        return bound
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """How alike two word sequences are, from 0.0 to 1.0 (see the module docstring).

    Exact from :data:`CHANGED` up; below it, an upper bound (cheap to compute, and all that
    matters there is that the two are not alike enough)."""
    return _ratio(tuple(a), tuple(b))
