"""Inline content of Akoma Ntoso: text with footnote markers, spans, footnotes.

:func:`read_inline` reads the mixed content of an element (a ``<p>``, a ``<docTitle>``) and
guarantees afterwards:

- every character of text the element holds is in :attr:`Inline.text`, in order, except the
  content of footnotes (``<authorialNote>``), which is read into :attr:`Inline.notes` and
  replaced by its marker ``[^N]`` where it stood;
- runs of spaces, tabs and line breaks are one space, and the text has none at either end
  (no-break spaces and other typographic spaces are kept as they are);
- ``<span class="italic">``, ``<i>``, ``bold``, ``<sup>`` and ``<a href>`` are kept as spans
  with their position in the text; adjacent spans of one style are one span;
- a ``<sup>`` holding the number of a footnote of the document (``<sup>1</sup>``, which repeats
  a footnote given earlier) becomes the marker ``[^1]``; the raised brackets the Arabic version
  prints around a marker (``<sup>(</sup>`` note ``<sup>)</sup>``) belong to the marker and are
  not text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree

from generator.akn.xml import line_of, local
from generator.model import Span, SpanStyle

_SPACE = re.compile(r"[ \t\n\r\f\v]+")
_ITALIC_ELEMENT = "italic-element"
"""Italics from an ``<i>`` element: a span like any other, never an opening phrase (the UN's
files and the exporter set opening phrases with ``<span class="italic">``)."""
_STYLE_WORDS: dict[str, SpanStyle] = {"italic": "italic", "bold": "bold"}
_TAG_STYLES: dict[str, str] = {"i": _ITALIC_ELEMENT, "b": "bold", "sup": "superscript"}


@dataclass
class Note:
    """A footnote read from an ``<authorialNote>``."""

    number: str
    text: str
    spans: tuple[Span, ...]
    eid: str
    line: int


@dataclass
class Inline:
    text: str
    spans: list[tuple[int, int, Span]] = field(default_factory=list)
    """Spans with their (start, end) in :attr:`text`, in order of start."""
    notes: list[Note] = field(default_factory=list)
    line: int = 0

    def span_tuple(self) -> tuple[Span, ...]:
        """The spans, each holding its words and which occurrence of them it is."""
        return tuple(
            Span(_public(s.style), self.text[a:b], s.href, occurrence(self.text, self.text[a:b], a))
            for a, b, s in self.spans
        )

    def drop_prefix(self, length: int) -> Inline:
        """The inline without its first ``length`` characters (a label printed in the text) and
        the spaces after them."""
        rest = self.text[length:]
        cut = length + len(rest) - len(rest.lstrip())
        spans = [(a - cut, b - cut, s) for a, b, s in self.spans if a >= cut]
        return Inline(self.text[cut:], spans, self.notes, self.line)

    def split_phrase(self) -> tuple[str, Inline]:
        """The opening phrase (an italic span at the very start) and the rest.  Other spans
        over the phrase alone (the Arabic version sets it in bold italics) go with it."""
        first = next((s for s in self.spans if s[0] == 0 and s[2].style == "italic"), None)
        if first is None:
            return "", self
        end = first[1]
        phrase = self.text[:end].strip()
        rest = self.text[end:]
        cut = end + len(rest) - len(rest.lstrip())
        spans = [(a - cut, b - cut, s) for a, b, s in self.spans if a >= cut]
        return phrase, Inline(self.text[cut:], spans, self.notes, self.line)


def _public(style: str) -> SpanStyle:
    return "italic" if style == _ITALIC_ELEMENT else style  # type: ignore[return-value]


def occurrence(text: str, words: str, at: int) -> int:
    """How many times ``words`` stand in ``text`` before position ``at`` (0 for the first)."""
    n = 0
    pos = text.find(words)
    while 0 <= pos < at:
        n += 1
        pos = text.find(words, pos + 1)
    return n


class _Text:
    """Text built piece by piece with whitespace collapsed as it goes (positions stay exact)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.space = True  # at the start, or after a space: a leading space is dropped

    def add(self, raw: str | None) -> None:
        if not raw:
            return
        text = _SPACE.sub(" ", raw)
        if self.space and text.startswith(" "):
            text = text[1:]
        if not text:
            return
        self.parts.append(text)
        self.size += len(text)
        self.space = text.endswith(" ")

    def mark(self, marker: str) -> None:
        self.parts.append(marker)
        self.size += len(marker)
        self.space = False

    def value(self) -> str:
        return "".join(self.parts)


def _is_note(el: etree._Element | None) -> bool:
    return el is not None and local(el.tag) == "authorialNote"


def text_of(el: etree._Element) -> str:
    """All the text under ``el``, as it stands."""
    return "".join(str(t) for t in el.itertext())


def _bare(el: etree._Element | None, text: str) -> bool:
    """``el`` is ``<sup>text</sup>`` and nothing follows it before the next element."""
    return el is not None and local(el.tag) == "sup" and text_of(el).strip() == text


def _bracketing_note(el: etree._Element, text: str) -> bool:
    """Whether ``el`` is one of the raised brackets around a footnote marker, ``<sup>(</sup>``
    note ``<sup>)</sup>`` with nothing between them."""
    if text == "(":
        note = el.getnext()
        if note is None or not _is_note(note) or (el.tail or "").strip() or (note.tail or "").strip():
            return False
        return _bare(note.getnext(), ")")
    if text == ")":
        note = el.getprevious()
        if note is None or not _is_note(note) or (note.tail or "").strip():
            return False
        opening = note.getprevious()
        return opening is not None and _bare(opening, "(") and not (opening.tail or "").strip()
    return False


def _sup_digits(text: str) -> str:
    inner = text.strip().strip("()").strip()
    return inner if inner.isdigit() else ""


class _Reader:
    def __init__(self, known_notes: frozenset[str]) -> None:
        self.known = known_notes
        self.text = _Text()
        self.spans: list[tuple[int, int, Span]] = []
        self.notes: list[Note] = []

    def content(self, el: etree._Element) -> None:
        self.text.add(el.text)
        for child in el:
            self.node(child)
            self.text.add(child.tail)

    def styled(self, el: etree._Element, styles: Iterable[str], href: str = "") -> None:
        start = self.text.size
        self.content(el)
        end = self.text.size
        for style in styles:
            self.spans.append((start, end, Span(style, "", href if style == "link" else "")))  # type: ignore[arg-type]

    def node(self, el: etree._Element) -> None:
        name = local(el.tag)
        if not name:
            return
        if name == "authorialNote":
            number = (el.get("marker") or "").strip() or str(len(self.notes) + 1)
            self.text.mark(f"[^{number}]")
            self.notes.append(read_note(el, number, self.known))
        elif name == "sup":
            raw = text_of(el)
            digits = _sup_digits(raw)
            if digits and digits in self.known:
                self.text.mark(f"[^{digits}]")
            elif _bracketing_note(el, raw.strip()):
                pass  # the brackets the Arabic version raises around a marker
            else:
                self.styled(el, ["superscript"])
        elif name in ("span", "inline") and (classes := (el.get("class") or "").split()):
            styles = [_STYLE_WORDS[c] for c in classes if c in _STYLE_WORDS]
            self.styled(el, styles)
        elif name in _TAG_STYLES:
            self.styled(el, [_TAG_STYLES[name]])
        elif name == "a":
            href = (el.get("href") or "").strip()
            self.styled(el, ["link"] if href else [], href)
        elif name in ("eol", "br", "eop"):
            self.text.add(" ")
        elif name in ("img", "marker", "noteRef"):
            return
        elif name in ("p", "content", "block", "blockList", "item", "listIntroduction", "intro", "tblock"):
            self.text.add(" ")
            self.content(el)
            self.text.add(" ")
        else:
            self.content(el)

    def result(self, line: int) -> Inline:
        text = self.text.value()
        stripped = text.rstrip()
        by_style: dict[tuple[str, str], list[tuple[int, int, Span]]] = {}
        for a, b, span in sorted(self.spans, key=lambda s: (s[0], -s[1])):
            b = min(b, len(stripped))
            while a < b and stripped[a] == " ":
                a += 1
            while b > a and stripped[b - 1] == " ":
                b -= 1
            if a >= b:
                continue
            runs = by_style.setdefault((span.style, span.href), [])
            if runs and (runs[-1][1] >= a or stripped[runs[-1][1] : a].strip() == ""):
                # one style over adjacent stretches (split spans, or only spaces between): one span
                pa, pb, prev = runs[-1]
                runs[-1] = (pa, max(pb, b), prev)
                continue
            runs.append((a, b, span))
        spans = sorted((s for runs in by_style.values() for s in runs), key=lambda s: (s[0], -s[1], s[2].style))
        return Inline(stripped, spans, self.notes, line)


def read_inline(elements: etree._Element | Iterable[etree._Element], known_notes: frozenset[str]) -> Inline:
    """The inline content of one element, or of several read one after the other (separated by
    a space); see the module docstring for what it guarantees."""
    reader = _Reader(known_notes)
    items = [elements] if isinstance(elements, etree._Element) else list(elements)
    for n, el in enumerate(items):
        if n:
            reader.text.add(" ")
        reader.content(el)
    line = line_of(items[0]) if items else 0
    return reader.result(line)


def read_note(el: etree._Element, number: str, known_notes: frozenset[str]) -> Note:
    """A footnote's text: its paragraphs one after the other."""
    paragraphs = [p for p in el if local(p.tag) == "p"] or [el]
    inline = read_inline(paragraphs, known_notes)
    return Note(number, inline.text, inline.span_tuple(), el.get("eId") or "", line_of(el))


__all__ = ["Inline", "Note", "read_inline", "read_note"]
