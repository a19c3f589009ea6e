"""Paragraph references in commentary, and the "cited by" links they produce.

A commentator writes an ordinary Markdown link whose target is a paragraph id, optionally after
a resolution symbol; it reads well in the repository host's preview and in the site:

=====================================  ===============================================
written                                means
=====================================  ===============================================
``[operative paragraph 3](#op-3)``     paragraph op-3 of the resolution commented on
``[its op 1 (a)](A/RES/73/266#op-1-a)``  paragraph op-1-a of A/RES/73/266
``[resolution 73/6](A/RES/73/6)``      the page of A/RES/73/6 (undocs.org if not here)
=====================================  ===============================================

The generator turns each into a relative link with a preview (``data-preview``); a reference
to a paragraph or resolution that does not exist is an error at ``file:line``.  Links inside
code spans and code blocks are left alone.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from generator import ids
from generator.commentary import Slot
from generator.errors import Problem
from generator.lint import code_regions
from generator.model import Resolution
from generator.naming import names
from generator.references import undocs_url

_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]\n]*)\]\((?P<target>[^)\s]+)\)")
_TARGET = re.compile(r"^(?P<symbol>[A-Z]{1,3}(?:/[A-Za-z0-9.\-()]+)+)?(?:#(?P<id>[a-z0-9-]+))?$")


@dataclass(frozen=True, slots=True)
class ParagraphRef:
    """A reference found in a commentary body."""

    start: int
    end: int
    """Span of the whole link ``[text](target)`` in the body."""
    text: str
    symbol: str
    """The resolution referred to (the commented one when the link is ``#id``)."""
    paragraph_id: str
    """``""`` for a link to the whole resolution."""
    line: int
    """Line in the commentary file."""

    def __reduce__(self) -> tuple[type[ParagraphRef], tuple[int, int, str, str, str, int]]:
        # Unpickled by the constructor: many times quicker than dataclasses' generic __setstate__.
        return (ParagraphRef, (self.start, self.end, self.text, self.symbol, self.paragraph_id, self.line))


@dataclass(frozen=True, slots=True)
class Backlink:
    """A commentary slot that refers to a paragraph."""

    resolution: str
    paragraph_id: str
    name: str


@dataclass
class CrossRefs:
    cited_by: dict[tuple[str, str], list[Backlink]] = field(default_factory=dict)
    """Per (resolution, paragraph id): the commentary slots that refer to it."""


def _masked(body: str) -> str:
    """``body`` with code blocks and code spans blanked out (same length, same lines)."""
    chars = list(body)
    for region in code_regions(body):
        for i in range(region.start, region.end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def find_refs(slot: Slot, own_symbol: str) -> list[ParagraphRef]:
    """The paragraph and resolution references in ``slot``'s body."""
    body = slot.body
    out = []
    for m in _LINK.finditer(_masked(body)):
        target = body[m.start("target") : m.end("target")]
        t = _TARGET.match(target)
        if not t or not (t.group("symbol") or t.group("id")):
            continue
        if t.group("id") and not t.group("symbol") and not ids.is_paragraph_id(t.group("id")):
            continue  # "#some-heading": an ordinary in-page link
        line = slot.body_line + body.count("\n", 0, m.start())
        out.append(
            ParagraphRef(
                m.start(),
                m.end(),
                body[m.start("text") : m.end("text")],
                t.group("symbol") or own_symbol,
                t.group("id") or "",
                line,
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class Citing:
    """What checking a commentary slot's references needs of it (small, quick to unpickle)."""

    shown: str
    """The slot's file, as messages name it."""
    has_content: bool
    refs: tuple[ParagraphRef, ...]
    written: tuple[str, ...]
    """Each reference as written in the body (``[text](target)``), for messages."""

    def __reduce__(self) -> tuple[type[Citing], tuple[str, bool, tuple[ParagraphRef, ...], tuple[str, ...]]]:
        return (Citing, (self.shown, self.has_content, self.refs, self.written))


def citing(slot: Slot, symbol: str, shown: str) -> Citing | None:
    """The references of ``slot`` (on a paragraph of ``symbol``); ``None`` if it makes none."""
    refs = find_refs(slot, symbol)
    if not refs:
        return None
    return Citing(shown, slot.has_content, tuple(refs), tuple(slot.body[r.start : r.end] for r in refs))


def resolve(
    resolutions: Mapping[str, Resolution], slots: Mapping[str, Mapping[str, Slot]], shown: Mapping[str, str]
) -> tuple[CrossRefs, list[Problem]]:
    """Check every reference in every slot; collect the backlinks.

    ``shown`` maps a slot file's path (as a string) to the name used in messages.
    """
    found: dict[str, dict[str, Citing]] = {}
    for symbol, by_id in slots.items():
        for pid, slot in by_id.items():
            if c := citing(slot, symbol, shown.get(str(slot.path), str(slot.path))):
                found.setdefault(symbol, {})[pid] = c
    return resolve_names({symbol: names(res) for symbol, res in resolutions.items()}, found)


def resolve_names(
    paragraph_names: Mapping[str, Mapping[str, str]], found: Mapping[str, Mapping[str, Citing]]
) -> tuple[CrossRefs, list[Problem]]:
    """:func:`resolve`, given each resolution's paragraph names (id -> name, in document order)
    and the references of each slot that makes some."""
    result = CrossRefs()
    problems: list[Problem] = []
    for symbol, by_id in found.items():
        for pid, slot in by_id.items():
            where = slot.shown
            for ref, written in zip(slot.refs, slot.written, strict=True):
                target_names = paragraph_names.get(ref.symbol)
                if target_names is None:
                    if ref.paragraph_id:
                        problems.append(
                            Problem(
                                where,
                                ref.line,
                                f"reference to {ref.symbol}#{ref.paragraph_id}, but this site does not have {ref.symbol}",
                                written,
                                f"link to its official text instead: {undocs_url(ref.symbol)}",
                            )
                        )
                    continue
                if ref.paragraph_id and ref.paragraph_id not in target_names:
                    close = difflib.get_close_matches(ref.paragraph_id, list(target_names), n=3)
                    problems.append(
                        Problem(
                            where,
                            ref.line,
                            f"reference to paragraph {ref.paragraph_id!r}, which {ref.symbol} does not have",
                            written,
                            f"did you mean {', '.join(close)}?" if close else "paragraph ids look like pp-3, op-1-a",
                        )
                    )
                    continue
                if ref.paragraph_id and slot.has_content and (ref.symbol, ref.paragraph_id) != (symbol, pid):
                    backlink = Backlink(symbol, pid, paragraph_names[symbol][pid])
                    entries = result.cited_by.setdefault((ref.symbol, ref.paragraph_id), [])
                    if backlink not in entries:
                        entries.append(backlink)
    cited = {b.resolution for entries in result.cited_by.values() for b in entries}
    order = {(symbol, pid): i for symbol in cited for i, pid in enumerate(paragraph_names[symbol])}
    for entries in result.cited_by.values():
        entries.sort(key=lambda b: (b.resolution, order.get((b.resolution, b.paragraph_id), 0)))
    return result, problems


def rewrite(body: str, refs: list[ParagraphRef], href: Mapping[tuple[str, str], str]) -> str:
    """``body`` with each reference's target replaced by ``href[(symbol, id)]`` and a preview."""
    out = []
    pos = 0
    for ref in refs:
        link = href.get((ref.symbol, ref.paragraph_id))
        if link is None:
            continue
        out.append(body[pos : ref.start])
        attrs = "{ data-preview }" if ref.paragraph_id else ""
        out.append(f"[{ref.text}]({link}){attrs}")
        pos = ref.end
    out.append(body[pos:])
    return "".join(out)
