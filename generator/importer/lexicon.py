"""The lexicon of the importer: every line form of an official text, in one table.

Each pattern names one production of the grammar in :mod:`.parse`, with the sample inputs it
reads.  The parser and the clean-up stages (:mod:`.prepare`) use these and no copies of them.

Bodies and symbols
------------------
============================== ======================= ======================== =================
body                           resolution symbol        decision symbol           number as printed
============================== ======================= ======================== =================
General Assembly               ``A/RES/73/266``         ``A/DEC/73/546``          ``73/266``
Security Council               ``S/RES/1590(2005)``     --                        ``1590 (2005)``
Economic and Social Council    ``E/RES/2023/5``         ``E/DEC/2023/205``        ``2023/5``
Human Rights Council           ``A/HRC/RES/54/1``       ``A/HRC/DEC/54/101``      ``54/1``
============================== ======================= ======================== =================

A draft (``A/C.1/80/L.20``, ``A/78/L.5``, ``S/2023/123``) keeps the symbol it prints.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from generator.model import ResolutionKind as Kind

DATE = r"[0-9]{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) [0-9]{4}"

BODIES = {
    "General Assembly": "A",
    "Security Council": "S",
    "Economic and Social Council": "E",
    "Human Rights Council": "A/HRC",
}
"""Body -> prefix of its symbols."""
BODY_OF_PREFIX = {v: k for k, v in BODIES.items()}


# -- masthead ------------------------------------------------------------------------------------
RE_BODY = re.compile(rf"^(?P<body>{'|'.join(BODIES)})$")
RE_SYMBOL = re.compile(
    # A/RES/73/266 · S/RES/1590 (2005) · E/RES/2023/5 · A/HRC/RES/54/1 · A/DEC/73/546 · A/C.1/80/L.20
    r"^(?P<symbol>(?:[AES](?:/HRC)?/(?:RES|DEC)/\S+(?: \([0-9]{4}\))?)|[AES](?:/[A-Z]+(?:\.[0-9]+)?)?/[0-9]{1,4}/L\.[0-9]+(?:/Rev\.[0-9]+)?)$"
)
RE_DRAFT_SYMBOL = re.compile(r"/L\.[0-9]+(?:/Rev\.[0-9]+)?$")
"""``A/C.1/80/L.20``, ``A/78/L.5/Rev.1``: a draft (a "limited" document)."""
RE_DECISION_SYMBOL = re.compile(r"^[AES](?:/HRC)?/DEC/")
RE_DISTR = re.compile(rf"^Distr\.: (?P<kind>[A-Z][a-z]+)(?: (?P<date>{DATE}))?$")  # Distr.: General 3 January 2020
RE_ORIGINAL = re.compile(r"^Original: (?P<language>[A-Z][a-z]+)$")  # Original: English
RE_DATE = re.compile(rf"^(?P<date>{DATE})$")  # 20 December 2019
RE_SESSION = re.compile(  # Seventy-third session · Tenth emergency special session · 2023 session (ECOSOC)
    r"^(?P<words>(?P<ord>[A-Z][a-z]+(?:-[a-z]+)?|[0-9]{4}) (?:emergency special |special |regular )?session)$"
)
RE_COMMITTEE_NAME = re.compile(  # First Committee (a draft's masthead)
    r"^(?:First|Second|Third|Fourth|Fifth|Sixth|Special Political and Decolonization) Committee$"
)
RE_AGENDA = re.compile(r"^Agenda items? (?P<item>.+)$")  # Agenda item 94 · Agenda items 30 and 31
RE_DRAFT_LINE = re.compile(  # Singapore: draft resolution · Cuba: draft decision
    r"^(?P<sponsors>.+?): (?:revised )?draft (?P<kind>resolution|decision)$"
)

# -- adoption ------------------------------------------------------------------------------------
RE_ADOPTED_GA = re.compile(  # Resolution adopted by the General Assembly on 22 December 2023
    rf"^(?P<kind>Resolution|Decision) adopted by the (?P<body>[A-Z][A-Za-z ]+?),? on (?P<date>{DATE})$"
)
RE_ADOPTED_SC = re.compile(  # Adopted by the Security Council at its 5170th meeting, on 24 March 2005
    rf"^Adopted (?:unanimously )?by the (?P<body>Security Council) at its (?P<meeting>[0-9]+(?:st|nd|rd|th) meeting),? on (?P<date>{DATE})$"
)
RE_ADOPTED_CUT = re.compile(  # the adoption line cut before its date (2023 layout: "on 22 December 2023" below)
    r"^(?:(?:Resolution|Decision) adopted by the [A-Z][A-Za-z ]+|Adopted .+ meeting,?)(?: on)?$"
)
RE_ON_DATE = re.compile(rf"^(?P<on>on )?(?P<date>{DATE})$")  # on 22 December 2023 (second adoption line)
RE_COMMITTEE = re.compile(r"^\[(?P<text>.+)\]$")  # [on the report of the First Committee (A/78/404, para. 14)]

# -- number and title ----------------------------------------------------------------------------
RE_TITLE = re.compile(  # 73/266. Advancing ... · ES-11/4. · 2023/5. (ECOSOC) · Decision 73/546. · 74/261 C. Financing
    r"^(?:(?:Resolution|Decision) )?(?P<number>(?:ES-[0-9]+|S-[0-9]+|[0-9]{4}|[0-9]{1,3})/[0-9]{1,4}(?: [A-H])?)\.\s+(?P<title>.+)$"
)
RE_SC_TITLE = re.compile(r"^Resolution (?P<number>[0-9]{1,5} \([0-9]{4}\))$")  # Resolution 1590 (2005)
RE_READS_AS_FOLLOWS = re.compile(  # The full text of resolution 2718 (2023) reads as follows:
    r"^(?:The (?:full )?text of )?(?:the )?[Rr]esolution (?P<number>[0-9]{1,5} \([0-9]{4}\)) reads as follows:?$"
)

# -- body ----------------------------------------------------------------------------------------
RE_FORMULA = re.compile(  # The General Assembly, · The Economic and Social Council,
    r"^The (?P<body>(?:[A-Z][a-z]+ (?:and )?){0,3}[A-Z][a-z]+),?$"
)
RE_OPERATIVE = re.compile(r"^(?P<label>[0-9]{1,3})\.\s+(?P<text>.*)$")  # 1. Decides ...
RE_SUBPARA = re.compile(r"^\((?P<label>[a-z]{1,3}|[ivxlc]{1,7})\)\s+(?P<text>.*)$")  # (a) ... · (ii) ...
RE_CLOSING = re.compile(  # 42nd plenary meeting · 50th (resumed) plenary meeting, 4 December 2023
    rf"^(?P<meeting>[0-9]+(?:st|nd|rd|th) (?:\(resumed\) )?(?:plenary )?meeting)(?:,? (?P<date>{DATE}))?$"
)
RE_ANNEX = re.compile(r"^(?P<word>Annex|ANNEX|Appendix|APPENDIX)(?: (?P<label>[IVXLC]{1,6}|[0-9]{1,2}|[A-Z]))?$")
RE_SECTION = re.compile(r"^(?P<label>[IVXLC]{1,6}|[A-Z])\.\s+(?P<text>.+)$")  # II. Objectives

HEAD_LINES = (
    RE_BODY, RE_SYMBOL, RE_DISTR, RE_ORIGINAL, RE_DATE, RE_SESSION, RE_COMMITTEE_NAME, RE_AGENDA,
    RE_DRAFT_LINE, RE_ADOPTED_GA, RE_ADOPTED_SC, RE_ADOPTED_CUT, RE_COMMITTEE, RE_TITLE, RE_SC_TITLE,
    RE_READS_AS_FOLLOWS,
)  # fmt: skip


def resolution_symbol(body: str, number: str, kind: Kind = "resolution") -> str:
    """The symbol of a resolution or decision from its body and number: ``A/RES/73/266``,
    ``S/RES/1590(2005)``, ``A/HRC/RES/54/1``, ``A/DEC/73/546``; ``""`` when the body has none."""
    prefix = BODIES.get(body)
    if not prefix or not number or (kind == "decision" and prefix == "S"):
        return ""
    series = "DEC" if kind == "decision" else "RES"
    compact = re.sub(r" ([A-H])$", r"\1", number).replace(" (", "(")  # 74/261 C -> 74/261C
    return f"{prefix}/{series}/{compact}"


def kind_of_symbol(symbol: str) -> Kind:
    """``decision`` for ``A/DEC/...``, ``draft`` for ``.../L.20``, else ``resolution``."""
    if RE_DECISION_SYMBOL.match(symbol):
        return "decision"
    if RE_DRAFT_SYMBOL.search(symbol):
        return "draft"
    return "resolution"


def body_of_symbol(symbol: str) -> str:
    """``Human Rights Council`` for ``A/HRC/RES/54/1``, ``General Assembly`` for ``A/C.1/80/L.20``."""
    if symbol.startswith("A/HRC/"):
        return "Human Rights Council"
    return BODY_OF_PREFIX.get(symbol[:1], "")


def number_of_symbol(symbol: str) -> str:
    """``73/266`` for ``A/RES/73/266``, ``1590 (2005)`` for ``S/RES/1590(2005)``; ``""`` for a draft."""
    m = re.match(r"^[AES](?:/HRC)?/(?:RES|DEC)/(.+)$", symbol)
    return re.sub(r"\(([0-9]{4})\)$", r" (\1)", m.group(1)) if m else ""


# -- evidence ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Evidence:
    """One feature that speaks for a reading: ``verdict`` with ``weight``, and why."""

    feature: str
    verdict: str
    weight: float
    reason: str


def decide(evidence: Iterable[Evidence], default: str) -> str:
    """The verdict with the greatest total weight; ``default`` when nothing speaks, or on a tie
    between the best two."""
    totals: dict[str, float] = {}
    for e in evidence:
        totals[e.verdict] = totals.get(e.verdict, 0.0) + e.weight
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return default
    return ranked[0][0]


_DECISION_SERIALS = {"General Assembly": 401, "Economic and Social Council": 201, "Human Rights Council": 101}
"""Decisions are numbered from here on in their session (GA 73/546, ECOSOC 2023/205, HRC 54/101);
resolutions below."""


def kind_evidence(symbol: str, printed: Kind, body: str, number: str, has_formula: bool) -> tuple[Evidence, ...]:
    """What tells a resolution, a decision and a draft apart.

    - the symbol (masthead or ``--symbol``): ``/DEC/`` or ``/L.20`` (weight 3);
    - the text's own words: "Decision adopted by ...", "Decision 73/546.", "Singapore: draft
      resolution" (weight 3);
    - the number's serial: GA decisions are numbered from 401 in a session (weight 1);
    - no enacting formula: decisions have none, resolutions always do (weight 1).
    """
    out: list[Evidence] = []
    if symbol and (k := kind_of_symbol(symbol)) != "resolution":
        out.append(Evidence("symbol", k, 3, f"the symbol {symbol}"))
    if printed != "resolution":
        out.append(Evidence("wording", printed, 3, f"the text calls itself a {printed}"))
    serial = re.match(r"^[0-9]{1,4}/([0-9]{1,4})$", number)
    first = _DECISION_SERIALS.get(body)
    if serial and first:
        verdict = "decision" if int(serial.group(1)) >= first else "resolution"
        out.append(Evidence("serial", verdict, 1, f"number {number} in the {verdict}s' range"))
    out.append(
        Evidence("formula", "resolution", 1, "an enacting formula")
        if has_formula
        else Evidence("formula", "decision", 1, "no enacting formula")
    )
    return tuple(out)


def body_evidence(texts: Iterable[str], number: str) -> tuple[Evidence, ...]:
    """Which body adopted a text that does not name it in a masthead, formula or adoption line.

    - the number's form: ``2023/5`` (a year) is the Economic and Social Council's (weight 2);
      ``73/546`` the General Assembly's or the Human Rights Council's (weight 0.5 for the
      Assembly, which adopts by far the most);
    - the body named in the text ("the General Assembly ... decided"; weight 1 each, up to 3).
    """
    out: list[Evidence] = []
    if re.match(r"^[0-9]{4}/[0-9]+$", number):
        out.append(Evidence("number", "Economic and Social Council", 2, f"{number} is numbered by year"))
    elif re.match(r"^(?:ES-|S-)?[0-9]{1,3}/[0-9]+$", number):
        out.append(Evidence("number", "General Assembly", 0.5, f"{number} is numbered by session"))
    counts: dict[str, int] = {}
    for text in texts:
        for body in BODIES:
            counts[body] = counts.get(body, 0) + text.count(body)
    for body, count in counts.items():
        if count:
            out.append(Evidence("named", body, min(count, 3), f"the text names the {body} {count} times"))
    return tuple(out)
