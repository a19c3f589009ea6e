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
from generator.contributed import inline_lines, parse
from generator.errors import Problem
from generator.model import Resolution
from generator.naming import names
from generator.references import undocs_url

TARGET = re.compile(r"^(?P<symbol>[A-Z]{1,3}(?:/[A-Za-z0-9.\-()]+)+)?(?:#(?P<id>[a-z0-9-]+))?$")
"""A link target that refers to this site: ``#op-3``, ``A/RES/73/266#op-1-a``, ``A/RES/73/6``."""


@dataclass(frozen=True, slots=True)
class ParagraphRef:
    """A reference found in a commentary body."""

    text: str
    """The link's words."""
    symbol: str
    """The resolution referred to (the commented one when the link is ``#id``)."""
    paragraph_id: str
    """``""`` for a link to the whole resolution."""
    line: int
    """Line in the commentary file."""

    def written(self, own_symbol: str) -> str:
        """The reference as a contributor writes it, for messages."""
        target = "" if self.symbol == own_symbol and self.paragraph_id else self.symbol
        return f"[{self.text}]({target}{'#' + self.paragraph_id if self.paragraph_id else ''})"


def reference_of(href: str, own_symbol: str) -> tuple[str, str] | None:
    """(symbol, paragraph id) when ``href`` refers to a resolution or paragraph of the site;
    ``None`` for any other address (``#some-heading`` included: an ordinary in-page link)."""
    t = TARGET.match(href)
    if not t or not (t.group("symbol") or t.group("id")):
        return None
    if t.group("id") and not t.group("symbol") and not ids.is_paragraph_id(t.group("id")):
        return None
    return t.group("symbol") or own_symbol, t.group("id") or ""


def find_refs(slot: Slot, own_symbol: str) -> list[ParagraphRef]:
    """The paragraph and resolution references in ``slot``'s body, read from the tokens the
    page is rendered from (so a link the page shows is a link checked here, and nothing else)."""
    out = []
    for block in parse(slot.body):
        if block.type != "inline":
            continue
        children = block.children or []
        for i, (child, line) in enumerate(inline_lines(block)):
            if child.type != "link_open":
                continue
            ref = reference_of(str(child.attrGet("href") or ""), own_symbol)
            if ref is None:
                continue
            words = []
            for inner in children[i + 1 :]:
                if inner.type == "link_close":
                    break
                words.append(inner.content)
            out.append(ParagraphRef("".join(words), ref[0], ref[1], slot.body_line + line))
    return out


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


@dataclass(frozen=True, slots=True)
class Citing:
    """What checking a commentary slot's references needs of it (small, quick to decode)."""

    shown: str
    """The slot's file, as messages name it."""
    has_content: bool
    refs: tuple[ParagraphRef, ...]
    written: tuple[str, ...]
    """Each reference as written in the body (``[text](target)``), for messages."""


def citing(slot: Slot, symbol: str, shown: str) -> Citing | None:
    """The references of ``slot`` (on a paragraph of ``symbol``); ``None`` if it makes none."""
    refs = find_refs(slot, symbol)
    if not refs:
        return None
    return Citing(shown, slot.has_content, tuple(refs), tuple(r.written(symbol) for r in refs))


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
