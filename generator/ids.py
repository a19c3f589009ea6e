"""Paragraph anchor ids, derived from the document's own numbering and nothing else.

Rules (the only place they are defined):

===============================  ================  ==========================
paragraph                         document label    id
===============================  ================  ==========================
3rd preambular paragraph          (none)            ``pp-3``
operative paragraph 1             ``1.``            ``op-1``
its subparagraph (a)              ``(a)``           ``op-1-a``
(ii) under that                   ``(ii)``          ``op-1-a-ii``
(aa) after (z)                    ``(aa)``          ``op-4-aa``
(i) directly under paragraph 16   ``(i)``           ``op-16-i``
===============================  ================  ==========================

Labels are lower-cased and stripped of brackets and dots.  Ids never depend on commentary or on
the wording, so a permalink survives corrections of the text.  When a document repeats a label
under the same parent (a misprint), the second gets ``-2``, the third ``-3``: see :func:`unique`.
"""

from __future__ import annotations

import re

_LABEL_JUNK = re.compile(r"[^0-9a-z]+")


def normalise_label(label: str) -> str:
    """``"(a)"`` -> ``"a"``, ``"12."`` -> ``"12"``, ``"(IV)"`` -> ``"iv"``."""
    return _LABEL_JUNK.sub("", label.lower())


def preambular_id(ordinal: int) -> str:
    """The id of the ``ordinal``-th (1-based) preambular paragraph."""
    return f"pp-{ordinal}"


def operative_id(number: str) -> str:
    """The id of operative paragraph ``number`` as printed."""
    return f"op-{normalise_label(number)}"


def subparagraph_id(parent_id: str, label: str) -> str:
    """The id of subparagraph ``label`` under the paragraph ``parent_id``."""
    return f"{parent_id}-{normalise_label(label)}"


def unique(candidate: str, taken: set[str]) -> str:
    """``candidate``, or ``candidate-2``, ``-3`` ... if already taken; records the result."""
    result = candidate
    n = 2
    while result in taken:
        result = f"{candidate}-{n}"
        n += 1
    taken.add(result)
    return result


_ID = re.compile(r"^(pp-[1-9][0-9]*|op-[0-9a-z]+(-[0-9a-z]+)*)$")


def is_paragraph_id(text: str) -> bool:
    """Whether ``text`` has the shape of a paragraph id (not whether it exists)."""
    return bool(_ID.match(text))
