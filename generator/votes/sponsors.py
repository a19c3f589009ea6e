"""Sponsor lists as the sources write them, read into :class:`~generator.votes.model.Sponsor`\\ s.

The sources give a sponsor as one name a line (the UN's adoption data, in capitals), as a whole
list in one string (``"Albania, Bosnia and Herzegovina, Nigeria (on behalf of ...) and Türkiye"``,
the Akoma Ntoso workflow and some lines of the adoption data), or as a text naming no State
(``"SUBMITTED BY THE CHAIR OF THE COMMITTEE"``).  Guarantees of :func:`parse_sponsors`:

- every word of the input is kept: in a State's entry (its qualifier in ``note``), or as ``text``;
- a name is a State only through the spelling table (:mod:`generator.votes.states`); a list is
  split at its commas and at "and", and pieces are joined back when the joined words are one
  listed name ("Bosnia" + "Herzegovina");
- a piece that names no listed State is kept as ``text`` and reported by :func:`unrecognised`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.votes.model import Sponsor
from generator.votes.states import StateTable, normalise_name

_BODY = (
    r"^\s*(?:(?:was )?submitted by|on the basis of|the representative of|introduced in|the amendment was|annex:)"
    r"|informal consultations|on behalf of the bureau"
)
BODY = re.compile(_BODY, re.IGNORECASE)
"""Sponsor texts that name a body or a procedure (a Chair, a Bureau), not sponsoring States."""
NOT_A_STATE = re.compile(_BODY + r"|from the list of sponsors", re.IGNORECASE)
"""Pieces of a sponsor list that name no sponsoring State: a body, or a change to the list."""

_QUALIFIER = re.compile(r"^\s*(?:(?:on|of) behalf(?: of)?|in its capacity as)\b|^\s*A/?\d+/", re.IGNORECASE)
"""What a parenthesis after a name says about the sponsor: on whose behalf, in which capacity, or a
document symbol (``Venezuela (Bolivarian Republic of) (A74/368)``)."""
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)


def _split_top(text: str, separator: re.Pattern[str]) -> list[str]:
    """``text`` split at ``separator`` wherever it is outside parentheses."""
    out: list[str] = []
    depth = 0
    start = 0
    pos = 0
    while pos < len(text):
        ch = text[pos]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = separator.match(text, pos)
            if m and m.end() > pos:
                out.append(text[start:pos])
                start = pos = m.end()
                continue
        pos += 1
    out.append(text[start:])
    return out


def _strip_qualifier(piece: str) -> tuple[str, str]:
    """(name, qualifier) of ``"Cuba (on behalf of ...)"``; empty parentheses are dropped."""
    text = piece.strip()
    while text.endswith(")"):
        depth = 0
        for i in range(len(text) - 1, -1, -1):
            if text[i] == ")":
                depth += 1
            elif text[i] == "(":
                depth -= 1
                if depth == 0:
                    inner = text[i + 1 : -1].strip()
                    if not inner:
                        text = text[:i].rstrip()
                        break
                    if _QUALIFIER.match(inner):
                        return text[:i].strip(), inner
                    return text, ""
        else:
            return text, ""
    return text, ""


def parse_sponsors(items: Iterable[str], table: StateTable, source: str = "") -> tuple[Sponsor, ...]:
    """The sponsors named by ``items`` (lines of a list, or one line holding a whole list)."""
    out: list[Sponsor] = []
    for item in items:
        text = item.replace("\xa0", " ").strip()
        if not text:
            continue
        if BODY.search(text):
            out.append(Sponsor(text=" ".join(text.split())))
            continue
        out.extend(_parse_list(text, table, source))
    return tuple(out)


def _parse_list(text: str, table: StateTable, source: str) -> list[Sponsor]:
    tokens: list[tuple[str, str]] = []  # (name, qualifier)
    # A list is split at its commas and at full stops that end a sentence ("Togo. - Philippines was
    # removed from the list of sponsors"); a piece starting with "and " or "- " lost its separator.
    for comma_piece in _split_top(text.strip().rstrip("."), re.compile(r",\s*|(?<=\w{3})\.\s+(?:-\s+)?")):
        comma_piece = re.sub(r"^(?:and|-)\s+", "", comma_piece.strip(), flags=re.IGNORECASE)
        if not comma_piece:
            continue
        if NOT_A_STATE.search(comma_piece):
            tokens.append((comma_piece, ""))
            continue
        if _QUALIFIER.match(comma_piece) and tokens:  # "CUBA, ON BEHALF OF ...": belongs to the name before
            name, note = tokens[-1]
            tokens[-1] = (name, (note + ", " if note else "") + comma_piece.strip())
            continue
        for and_piece in _split_top(comma_piece, _AND):
            if and_piece.strip():
                tokens.append(_strip_qualifier(and_piece))
    # Put back the "and" inside names: the longest run of tokens that is one listed name.
    out: list[Sponsor] = []
    i = 0
    while i < len(tokens):
        for j in range(min(len(tokens), i + 3), i, -1):
            run = tokens[i:j]
            if any(note for _, note in run[:-1]):
                continue
            joined = " and ".join(name for name, _ in run)
            state = table.lookup(joined, source)
            if state is not None:
                out.append(Sponsor(state=state.alpha2, note=run[-1][1]))
                i = j
                break
        else:
            name, note = tokens[i]
            out.append(Sponsor(text=" ".join(name.split()), note=note))
            i += 1
    return [s for s in out if s.state or s.text]


def unrecognised(sponsors: Iterable[Sponsor]) -> list[str]:
    """Texts that look like a State's name but are not in the spelling table."""
    return [s.text for s in sponsors if not s.state and s.text and not NOT_A_STATE.search(s.text)]


__all__ = ["NOT_A_STATE", "normalise_name", "parse_sponsors", "unrecognised"]
