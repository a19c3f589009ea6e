"""Recognise the document symbols a resolution cites, and where they link.

Recognised forms (each maps to the symbol undocs.org knows):

==========================================  ==========================  ==================
as printed                                  symbol                      kind
==========================================  ==========================  ==================
``A/65/201``, ``A/AC.105/1137``             as printed                  document
``A/C.1/73/L.37``, ``A/73/L.6/Add.1``       as printed                  draft
``A/RES/73/266``                            as printed                  resolution
``S/PRST/2006/5``                           as printed                  statement
``resolutions 53/70 of ..., 54/49 ...``     ``A/RES/53/70`` ...         resolution
``resolution ES-11/1``                      ``A/RES/ES-11/1``           resolution
``decision 72/512``                         ``A/DEC/72/512``            decision
``resolution 2625 (XXV)``                   ``A/RES/2625(XXV)``         resolution
``resolution 1547 (2004)``                  ``S/RES/1547(2004)``        resolution
==========================================  ==========================  ==================

Bare numbers (``53/70``) count only inside a list that starts with "resolution(s)" or
"decision(s)", so dates, ratios and page numbers are never taken for symbols, and a match never
starts or ends inside a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

ReferenceKind = Literal["resolution", "decision", "document", "draft", "statement"]

UNDOCS = "https://undocs.org/"

_COMPONENT = r"(?:ES-[0-9]+|[A-Z]{1,8}(?:\.[0-9]+)?|[0-9]+[A-Z]?|(?:Add|Rev|Corr|Amend)\.[0-9]+)"
_FULL_SYMBOL = re.compile(rf"(?<![\w/.\-])(?:A|S|E|ST)(?:/{_COMPONENT}){{2,}}(?:\s?\([0-9]{{4}}\))?(?![\w/])")
_KEYWORD = re.compile(r"\b(?P<word>[Rr]esolutions?|[Dd]ecisions?)\s+")
_ITEM = re.compile(
    r"(?P<num>(?:ES-[0-9]+|[0-9]{1,3})/[0-9]{1,4}(?:\s[A-Z](?![\w]))?"
    r"|[0-9]{1,4}(?:\s[A-Z])?\s\((?:[IVXLCDM]+|[0-9]{4})\))(?![\w/])"
)
_DATE_OR_TITLE = re.compile(
    r"(?:\s+of\s+(?P<date>[0-9]{1,2}\s+[A-Z][a-z]+\s+[0-9]{4}))?"
    r"(?:,?\s+entitled\s+[\"\u201c][^\"\u201d]*[\"\u201d])?"
)
_DIGIT = re.compile(r"[0-9]")
_SEPARATOR = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?:as well as\s+)?(?:its\s+)?)")


@dataclass(frozen=True, slots=True)
class Reference:
    """A symbol found in a piece of text, with its span in that text."""

    start: int
    end: int
    printed: str
    symbol: str
    kind: ReferenceKind
    date: date | None = None
    """The date printed with it ("53/70 of 4 December 1998"), when there is one."""


def symbol_kind(symbol: str) -> ReferenceKind:
    parts = symbol.split("/")
    if "RES" in parts:
        return "resolution"
    if "DEC" in parts:
        return "decision"
    if "PRST" in parts:
        return "statement"
    if any(p.startswith("L.") for p in parts):
        return "draft"
    return "document"


def _normalise_symbol(printed: str) -> str:
    return re.sub(r"\s+\(", "(", printed)


def _number_symbol(number: str, word: str, body_prefix: str) -> str:
    """``53/70`` after "resolutions" -> ``A/RES/53/70``; ``1547 (2004)`` -> ``S/RES/1547(2004)``."""
    number = " ".join(number.split())
    sc = re.fullmatch(r"([0-9]{1,4})(?: [A-Z])? \(([0-9]{4})\)", number)
    if sc:
        return f"S/RES/{sc.group(1)}({sc.group(2)})"
    old = re.fullmatch(r"([0-9]{1,4})(?: [A-Z])? \(([IVXLCDM]+)\)", number)
    if old:
        return f"A/RES/{old.group(1)}({old.group(2)})"
    number = re.sub(r" [A-Z]$", "", number)
    kind = "DEC" if word.lower().startswith("decision") else "RES"
    return f"{body_prefix}/{kind}/{number}"


def find_references(text: str, body_prefix: str = "A") -> list[Reference]:
    """Every symbol cited in ``text``, in order, without overlaps.

    ``body_prefix`` is the symbol prefix of the citing body (``A`` for the General Assembly,
    ``S`` for the Security Council): "resolution 60/1" in a General Assembly text is A/RES/60/1.
    """
    found: list[Reference] = []
    # A full symbol has a '/', a number after "resolution" a digit: most wording has neither.
    for m in _FULL_SYMBOL.finditer(text) if "/" in text else ():
        printed, end = m.group(0), m.end()
        if "(" in printed and not printed.startswith("S/RES/"):
            # "A/75/816 (2021)": a year after a report is a date, not part of its symbol.
            printed = printed[: printed.index("(")].rstrip()
            end = m.start() + len(printed)
        symbol = _normalise_symbol(printed)
        found.append(Reference(m.start(), end, printed, symbol, symbol_kind(symbol)))
    for k in _KEYWORD.finditer(text) if _DIGIT.search(text) else ():
        word = k.group("word")
        pos = k.end()
        while True:
            item = _ITEM.match(text, pos)
            if not item:
                break
            printed = item.group("num")
            symbol = _number_symbol(printed, word, body_prefix)
            tail = _DATE_OR_TITLE.match(text, item.end())
            assert tail is not None  # every part of the pattern is optional
            when = _parse_date(tail.group("date"))
            found.append(Reference(item.start(), item.end(), printed, symbol, symbol_kind(symbol), when))
            pos = tail.end()
            sep = _SEPARATOR.match(text, pos)
            if not sep:
                break
            pos = sep.end()
            # "as well as its decision 72/512": a new keyword restarts with its own kind.
            if _KEYWORD.match(text, pos):
                break
    found.sort(key=lambda r: (r.start, -r.end))
    result: list[Reference] = []
    for ref in found:
        if result and ref.start < result[-1].end:
            continue
        result.append(ref)
    return result


def _parse_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return datetime.strptime(" ".join(text.split()), "%d %B %Y").date()
    except ValueError:
        return None


def undocs_url(symbol: str) -> str:
    return UNDOCS + symbol
