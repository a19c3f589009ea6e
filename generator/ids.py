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
unnumbered operative paragraph    (none)            ``op-1`` (its position)
===============================  ================  ==========================

Texts the resolution carries besides its own paragraphs (:class:`generator.model.Part`) and
blocks the importer could not place get ids of their own:

=============================================  ===============  =====================
node                                            document label   id
=============================================  ===============  =====================
the only annex, printed "Annex"                 ``Annex``        ``annex``
an annex printed "Annex II"                     ``Annex II``     ``annex-ii``
its paragraph 3                                 ``3.``           ``annex-ii-3``
(a) under that                                  ``(a)``          ``annex-ii-3-a``
its 2nd unnumbered block (heading or text)      (none)           ``annex-ii-t2``
its section heading "I. Purposes"               ``I.``           ``annex-ii-i``
text embedded in operative paragraph 2          (none)           ``op-2-text``
paragraph 1 of that text                        ``1.``           ``op-2-text-1``
its 1st unnumbered block                        (none)           ``op-2-text-t1``
1st block the importer could not place          (none)           ``unplaced-1``
=============================================  ===============  =====================

What the General Assembly's own files (Akoma Ntoso) carry besides:

=============================================  ===============  =====================
node                                            document label   id
=============================================  ===============  =====================
resolution A of a publication "77/128 A-B"      ``A``            ``a`` (component)
its 3rd preambular paragraph                    (none)           ``a-pp-3``
its operative paragraph 2 (b)                   ``2.`` ``(b)``   ``a-op-2-b``
its annex II                                    ``Annex II``     ``a-annex-ii``
a heading "I. General" between paragraphs       ``I.``           ``h-i``
the 2nd heading without a number                (none)           ``h-t2``
a heading in resolution B                       ``C.``           ``b-h-c``
1st unnumbered block under operative para 3     (none)           ``op-3-t1``
("Tuesday, 28 May: ..." after "as follows:")
1st table after the text of operative para 2    (none)           ``op-2-table-1``
=============================================  ===============  =====================

Headings are numbered in one sequence per resolution (or component): ``t<ordinal>`` counts the
headings without a number so far.  The preamble of a section amid the operative part ("I.
Activities of the Office ... *Recalling* ...,") continues the preamble's numbering (``pp-5``
after ``pp-4``); a section whose paragraphs start again at 1 follows the rule for repeated
labels below (``op-1-2``).  A label in another script is first turned into the Latin one
it stands for (:mod:`generator.numbering`: ``(ب)`` -> ``b``, ``㈡`` -> ``ii``).

Labels are lower-cased and stripped of brackets and dots; a dot inside a label becomes a hyphen
(``4.5`` -> ``annex-4-5``).  Ids never depend on commentary or on
the wording, so a permalink survives corrections of the text.  When a document repeats a label
under the same parent (a misprint, or an annex whose sections each restart at 1), the second gets
``-2``, the third ``-3``: see :func:`unique`.
"""

from __future__ import annotations

import re

_LABEL_JUNK = re.compile(r"[^0-9a-z]+")
_INNER_DOT = re.compile(r"(?<=[0-9])\.(?=[0-9])")


def normalise_label(label: str) -> str:
    """``"(a)"`` -> ``"a"``, ``"12."`` -> ``"12"``, ``"(IV)"`` -> ``"iv"``, ``"4.5"`` -> ``"4-5"``."""
    parts = _INNER_DOT.split(label.lower())
    return "-".join(p for p in (_LABEL_JUNK.sub("", part) for part in parts) if p)


def preambular_id(ordinal: int) -> str:
    """The id of the ``ordinal``-th (1-based) preambular paragraph."""
    return f"pp-{ordinal}"


def operative_id(number: str, ordinal: int = 0) -> str:
    """The id of operative paragraph ``number`` as printed; an operative paragraph the document
    does not number (a resolution with one unnumbered operative paragraph) is ``op-<ordinal>``."""
    return f"op-{normalise_label(number) or ordinal}"


def subparagraph_id(parent_id: str, label: str) -> str:
    """The id of subparagraph ``label`` under the paragraph ``parent_id``."""
    return f"{parent_id}-{normalise_label(label)}"


def annex_label(heading: str) -> str:
    """The label of an annex heading: ``Annex II`` -> ``II``, ``Annex`` -> ``""``."""
    words = heading.split()
    return words[1] if len(words) > 1 else ""


def annex_id(label: str) -> str:
    """The id of the annex printed ``Annex <label>`` (``label`` ``""`` for a lone "Annex")."""
    norm = normalise_label(label)
    return f"annex-{norm}" if norm else "annex"


def embedded_id(paragraph_id: str) -> str:
    """The id of the text embedded in the paragraph ``paragraph_id``."""
    return f"{paragraph_id}-text"


def part_paragraph_id(part_id: str, label: str, unnumbered_ordinal: int) -> str:
    """The id of a top-level paragraph of a part: by its label, else ``t<ordinal>`` (1-based
    count of the part's unnumbered blocks so far)."""
    norm = normalise_label(label)
    return f"{part_id}-{norm}" if norm else f"{part_id}-t{unnumbered_ordinal}"


def component_id(label: str, ordinal: int) -> str:
    """The id of a resolution published with others under one number ("Resolution A" -> ``a``);
    by its position (``c1``) when it prints no letter."""
    return normalise_label(label) or f"c{ordinal}"


def in_component(component: str, node_id: str) -> str:
    """The id of ``node_id`` inside the component ``component`` (``""`` for the resolution's
    own text): ``a-pp-3``."""
    return f"{component}-{node_id}" if component else node_id


def heading_id(label: str, unnumbered_ordinal: int) -> str:
    """The id of a heading between paragraphs: by its label, else ``t<ordinal>``."""
    norm = normalise_label(label)
    return f"h-{norm}" if norm else f"h-t{unnumbered_ordinal}"


def text_block_id(parent_id: str, ordinal: int) -> str:
    """The id of the ``ordinal``-th (1-based) unnumbered block under the paragraph ``parent_id``."""
    return f"{parent_id}-t{ordinal}"


def table_id(paragraph_id: str, ordinal: int) -> str:
    """The id of the ``ordinal``-th (1-based) table after the text of ``paragraph_id``."""
    return f"{paragraph_id}-table-{ordinal}"


def unplaced_id(ordinal: int) -> str:
    """The id of the ``ordinal``-th (1-based) block the importer could not place."""
    return f"unplaced-{ordinal}"


def unique(candidate: str, taken: set[str]) -> str:
    """``candidate``, or ``candidate-2``, ``-3`` ... if already taken; records the result."""
    result = candidate
    n = 2
    while result in taken:
        result = f"{candidate}-{n}"
        n += 1
    taken.add(result)
    return result


_ID = re.compile(r"^([a-z][0-9a-z]?-)?(pp-[1-9][0-9]*(-[0-9a-z]+)*|op-[0-9a-z]+(-[0-9a-z]+)*|annex(-[0-9a-z]+)*)$")


def is_paragraph_id(text: str) -> bool:
    """Whether ``text`` has the shape of a paragraph id (not whether it exists)."""
    return bool(_ID.match(text))
