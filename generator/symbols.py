"""The grammar of United Nations document symbols, checked before a symbol becomes a path.

A resolution's symbol is its page's address (``docs/A/RES/73/266/index.md``), so a symbol is
accepted only if it has one of the forms below; nothing else (``..``, a leading ``/``, a back
slash, a space where none belongs) can reach a path.

Resolutions and decisions, the documents the site publishes:

==========================  =============================================================
``A/RES/73/266``            General Assembly, session / number
``A/RES/ES-11/4``           emergency special session; ``A/RES/S-27/2`` special session
``A/RES/75/257 B``          one of several resolutions under one number (``A/RES/74/250 A-B``)
``A/RES/2625(XXV)``         before 1976: number and session in Roman numerals
``S/RES/1590(2005)``        Security Council, number (year)
``E/RES/2020/1``            Economic and Social Council, year / number
``A/HRC/RES/47/16``         Human Rights Council (``A/HRC/RES/S-30/1``)
``A/DEC/73/546``            decisions: ``A/DEC/...``, ``E/DEC/2020/201``, ``A/HRC/DEC/...``
==========================  =============================================================

A draft (``A/C.1/80/L.20``, ``A/78/L.5/Rev.1``) may have a page too (kind ``draft``): see
:func:`is_draft_symbol`.  Any other document (reports, records: ``A/70/174``, ``A/74/PV.46``,
``S/PRST/2006/5``) is a :func:`document symbol <is_document_symbol>`: an organ's letters, then
components of letters and digits joined by single dots or hyphens.
"""

from __future__ import annotations

import re

MAX_LENGTH = 80
"""No symbol is longer (the longest drafts have some 30 characters)."""

_N = r"[1-9][0-9]{0,4}|0"
_SUFFIX = r"(?:[ ]?[A-Z](?:-[A-Z])?)?"
_ROMAN = r"[IVXLC]{1,8}"
_RESOLUTION = re.compile(
    rf"""
    A/(?:RES|DEC)/(?:(?:ES-|S-)?(?:{_N})/(?:{_N}){_SUFFIX}|(?:{_N})[ ]?\({_ROMAN}\){_SUFFIX})
    |S/RES/(?:{_N})[ ]?\([0-9]{{4}}\){_SUFFIX}
    |E/(?:RES|DEC)/(?:[0-9]{{4}}/(?:{_N}){_SUFFIX}|(?:{_N})[ ]?\({_ROMAN}\){_SUFFIX})
    |A/HRC/(?:RES|DEC)/(?:S-)?(?:{_N})/(?:{_N}){_SUFFIX}
    """,
    re.VERBOSE,
)
_DRAFT = re.compile(
    rf"""
    (?:A(?:/C\.[1-6]|/HRC)?|E)/(?:(?:ES-|S-)?(?:{_N})|[0-9]{{4}})/L\.(?:{_N})(?:/Rev\.(?:{_N}))?
    """,
    re.VERBOSE,
)
_COMPONENT = r"[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*"
_DOCUMENT = re.compile(rf"[A-Z]{{1,6}}(?:/{_COMPONENT}){{1,8}}(?:[ ]?\((?:[0-9]{{4}}|{_ROMAN})\))?{_SUFFIX}")

RESOLUTION_FORMS = (
    "A/RES/73/266, A/RES/ES-11/4, A/RES/75/257 B, S/RES/1590(2005), E/RES/2020/1, A/HRC/RES/47/16, A/DEC/73/546,"
    " A/C.1/80/L.20"
)


def is_resolution_symbol(symbol: str) -> bool:
    """Whether ``symbol`` is the symbol of a resolution or decision (see the table above)."""
    return isinstance(symbol, str) and len(symbol) <= MAX_LENGTH and _RESOLUTION.fullmatch(symbol) is not None


def is_draft_symbol(symbol: str) -> bool:
    """Whether ``symbol`` is the symbol of a draft resolution or decision, which the site may
    publish as a page of its own (kind ``draft``): ``A/C.1/80/L.20``, ``A/78/L.5/Rev.1``,
    ``A/HRC/54/L.12``, ``E/2023/L.12``."""
    return isinstance(symbol, str) and len(symbol) <= MAX_LENGTH and _DRAFT.fullmatch(symbol) is not None


def is_document_symbol(symbol: str) -> bool:
    """Whether ``symbol`` has the form of any United Nations document symbol."""
    return isinstance(symbol, str) and len(symbol) <= MAX_LENGTH and _DOCUMENT.fullmatch(symbol) is not None


def resolution_symbol_problem(symbol: object) -> str:
    """Why ``symbol`` cannot be a resolution's symbol, or ``""`` when it can."""
    if not isinstance(symbol, str):
        return f"the symbol must be text, not {type(symbol).__name__}"
    if is_resolution_symbol(symbol) or is_draft_symbol(symbol):
        return ""
    if len(symbol) > MAX_LENGTH:
        return f"the symbol is {len(symbol)} characters long; no United Nations symbol has more than {MAX_LENGTH}"
    return f"{symbol!r} is not the symbol of a resolution, decision or draft (forms: {RESOLUTION_FORMS})"


__all__ = [
    "MAX_LENGTH",
    "RESOLUTION_FORMS",
    "is_document_symbol",
    "is_draft_symbol",
    "is_resolution_symbol",
    "resolution_symbol_problem",
]
