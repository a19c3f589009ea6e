"""Citations of a resolution and of each of its paragraphs, in the styles lawyers use.

=========  ====================================================================================
style      operative paragraph 1 (a) of A/RES/73/266
=========  ====================================================================================
OSCOLA     ``UNGA Res 73/266 (22 December 2018) UN Doc A/RES/73/266, para 1(a)``
Bluebook   ``G.A. Res. 73/266, ¶ 1(a), U.N. Doc. A/RES/73/266 (Dec. 22, 2018)``
plain      ``A/RES/73/266, operative paragraph 1 (a)``
=========  ====================================================================================

Preambular paragraphs are cited as such: ``preambular para 3`` (OSCOLA), ``pmbl. ¶ 3``
(Bluebook), ``preambular paragraph 3`` (plain).  Security Council resolutions use ``UNSC Res``
and ``S.C. Res.``.  Per resolution there is also a CSL-JSON record and a BibTeX entry for
reference managers.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from generator.model import Paragraph, Resolution
from generator.references import undocs_url

_BLUEBOOK_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
_BODIES = {
    "General Assembly": ("UNGA", "G.A.", "United Nations General Assembly"),
    "Security Council": ("UNSC", "S.C.", "United Nations Security Council"),
    "Economic and Social Council": ("ECOSOC", "E.S.C.", "United Nations Economic and Social Council"),
}


@dataclass(frozen=True, slots=True)
class Citations:
    oscola: str
    bluebook: str
    plain: str


def _long(d: date | None) -> str:
    return f"{d.day} {d:%B %Y}" if d else "n.d."


def _bluebook_date(d: date | None) -> str:
    return f"{_BLUEBOOK_MONTHS[d.month - 1]} {d.day}, {d.year}" if d else "n.d."


def _number(res: Resolution) -> str:
    """The resolution's number as cited: ``73/266``; ``1590`` for ``1590 (2005)``."""
    return res.number.split(" (")[0] if res.number else res.symbol.rsplit("/", 1)[-1]


def _chain(res: Resolution, paragraph_id: str) -> list[Paragraph]:
    def find(nodes: tuple[Paragraph, ...], path: list[Paragraph]) -> list[Paragraph]:
        for node in nodes:
            if node.id == paragraph_id:
                return [*path, node]
            found = find(node.children, [*path, node])
            if found:
                return found
        return []

    return find(res.top_paragraphs(), [])


def _kind_cited(res: Resolution) -> str:
    """``Res. 73/266``, ``Dec. 73/546``; ``Draft Res.`` for a draft, which has no number of its own."""
    if res.kind == "draft":
        return "Draft Res."
    return f"{'Dec.' if res.kind == 'decision' else 'Res.'} {_number(res)}"


def cite_resolution(res: Resolution) -> Citations:
    short, blue, _ = _BODIES.get(res.body, (res.body, res.body, res.body))
    when = res.adoption_date
    return Citations(
        oscola=f"{short} {_kind_cited(res).replace('.', '')} ({_long(when)}) UN Doc {res.symbol}",
        bluebook=f"{blue} {_kind_cited(res)}, U.N. Doc. {res.symbol} ({_bluebook_date(when)})",
        plain=res.symbol,
    )


def cite_paragraph(res: Resolution, paragraph_id: str, chain: Sequence[Paragraph] = ()) -> Citations:
    """The three citations of one paragraph (``KeyError`` if the resolution does not have it).

    ``chain``: the paragraph and the paragraphs it is part of, from the top, where the caller
    knows them (a page walks the tree: finding each paragraph again would be quadratic)."""
    chain = list(chain) or _chain(res, paragraph_id)
    if not chain:
        raise KeyError(paragraph_id)
    top = chain[0]
    whole = cite_resolution(res)
    _, blue, _ = _BODIES.get(res.body, (res.body, res.body, res.body))
    if top.kind == "preambular":
        number = top.id.removeprefix("pp-")
        pin_o, pin_b, pin_p = f"preambular para {number}", f"pmbl. ¶ {number}", f"preambular paragraph {number}"
    else:
        number = top.label
        pin_o, pin_b, pin_p = f"para {number}", f"¶ {number}", f"operative paragraph {number}"
    subs = "".join(f"({p.label})" for p in chain[1:])
    plain_subs = "".join(f" ({p.label})" for p in chain[1:])
    when = res.adoption_date
    return Citations(
        oscola=f"{whole.oscola}, {pin_o}{subs}",
        bluebook=f"{blue} {_kind_cited(res)}, {pin_b}{subs}, U.N. Doc. {res.symbol} ({_bluebook_date(when)})",
        plain=f"{res.symbol}, {pin_p}{plain_subs}",
    )


def csl_json(res: Resolution, url: str) -> str:
    """A CSL-JSON record (as Zotero, Mendeley and citeproc read) for the resolution."""
    _, _, author = _BODIES.get(res.body, (res.body, res.body, res.body))
    when = res.adoption_date
    item: dict[str, object] = {
        "id": res.symbol,
        "type": "legislation",
        "title": res.title.pick(res.language) or res.symbol,
        "author": [{"literal": author}],
        "authority": author,
        "number": res.symbol,
        "genre": "Resolution",
        "URL": url or undocs_url(res.symbol),
        "note": f"UN Doc {res.symbol}; official text: {undocs_url(res.symbol)}",
    }
    if when:
        item["issued"] = {"date-parts": [[when.year, when.month, when.day]]}
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


def _bib_escape(text: str) -> str:
    return "".join("\\" + c if c in "{}&%$#_" else c for c in text)


def bibtex(res: Resolution, url: str) -> str:
    """A BibTeX entry for the resolution (``@misc``, which every BibTeX style knows)."""
    _, _, author = _BODIES.get(res.body, (res.body, res.body, res.body))
    when = res.adoption_date
    key = res.slug.replace("-", "_")
    fields = [
        ("author", "{" + author + "}"),
        ("title", _bib_escape(res.title.pick(res.language) or res.symbol)),
        ("howpublished", _bib_escape(f"{res.body} {res.kind_name} {res.number or res.symbol}, UN Doc {res.symbol}")),
        ("number", _bib_escape(res.symbol)),
    ]
    if when:
        fields += [("year", str(when.year)), ("month", str(when.month)), ("date", when.isoformat())]
    fields += [
        ("url", url or undocs_url(res.symbol)),
        ("note", _bib_escape(f"Official text: {undocs_url(res.symbol)}")),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{key},\n{body}\n}}\n"
