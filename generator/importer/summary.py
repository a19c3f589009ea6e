"""The machine-readable summary of an import (``python -m generator import FILE --summary``).

One JSON object, the same keys for every resolution:

===================== ============================================================
key                    value
===================== ============================================================
``symbol``             ``A/RES/73/6``
``body``               ``General Assembly``, ``Security Council``
``title``              the title as printed (``""`` when the text prints none)
``adoption_date``      ISO date (``2018-10-26``) or ``null``
``preambular``         number of preambular paragraphs
``operative``          number of operative paragraphs
``subparagraphs``      subparagraphs at the first level under a paragraph: (a), (b) ...
                       (and (i), (ii) standing directly under a paragraph)
``subsubparagraphs``   subparagraphs under a subparagraph: (i), (ii) under (a) ...
``footnotes``          number of distinct footnotes
``footnote_refs``      number of footnote markers in the text (a footnote cited twice
                       counts twice)
``annexes``            number of annexes
``warnings``           the import's warnings, each ``path:line: message``
``languages``          the languages the resolution has (ISO 639-1 codes, sorted)
===================== ============================================================

Counts cover the resolution's own paragraphs, in all its parts (resolutions A and B published
under one number); paragraphs of embedded texts and annexes are not counted as preambular,
operative or subparagraphs (annexes are counted in ``annexes``); unnumbered blocks under a
paragraph are not subparagraphs.  ``footnote_refs`` counts the markers of the main language.
"""

from __future__ import annotations

from typing import Any

from generator.errors import Problem
from generator.model import NOTE_MARKER, Paragraph, Resolution
from generator.validate import marked_texts


def _depths(paragraphs: tuple[Paragraph, ...], depth: int = 0) -> list[int]:
    """The depth of every subparagraph under ``paragraphs`` (1 for (a), 2 for (i) under it)."""
    out: list[int] = []
    for p in paragraphs:
        if depth and p.kind == "subparagraph":
            out.append(depth)
        out += _depths(p.children, depth + 1)
    return out


def _warning(p: Problem) -> str:
    where = f"{p.path}:{p.line}" if p.line else p.path
    return f"{where}: {p.message}"


def summary(res: Resolution, warnings: tuple[Problem, ...] | list[Problem]) -> dict[str, Any]:
    top = res.top_paragraphs()
    depths = _depths(top)
    return {
        "symbol": res.symbol,
        "body": res.body,
        "kind": res.kind,
        "title": res.title.pick(res.language),
        "adoption_date": res.adoption_date.isoformat() if res.adoption_date else None,
        "preambular": sum(1 for p in top if p.kind == "preambular"),
        "operative": sum(1 for p in top if p.kind == "operative"),
        "subparagraphs": sum(1 for d in depths if d == 1),
        "subsubparagraphs": sum(1 for d in depths if d >= 2),
        "footnotes": len(res.footnotes),
        "footnote_refs": sum(len(NOTE_MARKER.findall(text)) for _, _, text in marked_texts(res, res.language)),
        "annexes": len(res.all_annexes()),
        "warnings": [_warning(p) for p in warnings],
        "languages": sorted(res.languages),
    }


__all__ = ["summary"]
