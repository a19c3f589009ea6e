"""Read an official PDF with pdfminer.six, character by character, into pages of lines.

The text layer that ``pdf2txt`` prints loses what the importer needs most: which words are
italic (the opening phrase of a paragraph), which digits are superscript (footnote markers), the
reading order of pieces of a justified line, and where a word really ends.  This reader works
from the characters, their fonts, sizes and positions.  After :func:`read_pdf`:

- every printed line is one :class:`~generator.importer.pdftext.Line`, in reading order: pages in
  order, lines from top to bottom, pieces of a line from left to right; lines side by side that a
  wide gap separates (the masthead's two columns) are separate lines, left first;
- spaces are where the PDF prints a space or leaves a gap wider than a sixth of the font size
  (word gaps are wider, letter gaps narrower): no word is split, no two words are glued;
- digits set smaller than the line and raised above its baseline are footnote markers, written
  ``[^N]`` where they stand (``Development,[^2] of``); other raised characters stay text;
- :attr:`Line.lead` is the italic run (by font name, or slanted text) that opens the line after any label (``Recalling``,
  ``Noting with satisfaction``, ``Continues`` in "*Continues* to welcome"), without its trailing
  punctuation;
- :attr:`Line.starts` says whether a paragraph starts on the line: its first line is indented
  (or hangs left of the text column), or a gap wider than the usual line spacing comes before it;
  :attr:`Line.heading` marks lines set in bold;
- the line number of a line (used in messages ``file.pdf:LINE``) counts the lines this reader
  makes, from 1, pages in order.

Then :func:`normalise_pdf` runs the shared stage :func:`~generator.importer.pdftext.assemble`
(furniture, footnotes, paragraphs, repairs).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from io import BytesIO
from statistics import median
from typing import Any

from generator.errors import Problem, UnstructurableTextError
from generator.importer.normalise import Normalised
from generator.importer.pdftext import LABEL, Line, assemble

_ITALIC = re.compile(r"Italic|Oblique|-It$|-Ital", re.IGNORECASE)
_BOLD = re.compile(r"Bold|Black|Heavy|Semibold", re.IGNORECASE)
_LABEL_TEXT = re.compile(r"^(?:[0-9]{1,3}\.|\([a-z]{1,6}\))\s*")


@dataclass(frozen=True, slots=True)
class Glyph:
    text: str
    x0: float
    x1: float
    base: float
    """The baseline (y of the text origin), PDF units, upwards."""
    size: float
    italic: bool
    bold: bool


@dataclass
class _Row:
    base: float
    glyphs: list[Glyph] = field(default_factory=list)
    marks: list[Glyph] = field(default_factory=list)
    """Raised smaller glyphs (superscripts) that belong to this row."""

    @property
    def size(self) -> float:
        sizes = [g.size for g in self.glyphs if g.text.strip()]
        return max(sizes) if sizes else 0.0

    @property
    def x0(self) -> float:
        xs = [g.x0 for g in self.glyphs if g.text.strip()]
        return min(xs) if xs else 0.0

    @property
    def x1(self) -> float:
        xs = [g.x1 for g in self.glyphs if g.text.strip()]
        return max(xs) if xs else 0.0


def _glyphs(layout: Any) -> Iterator[Glyph]:
    from pdfminer.layout import LTChar

    for item in layout:
        if isinstance(item, LTChar):
            if not item.upright:
                continue
            name = item.fontname or ""
            shear, height = item.matrix[2], item.matrix[3]
            # Italic by the font's name, or slanted by the text matrix (a synthesised italic).
            slanted = height != 0 and abs(shear / height) > 0.1
            yield Glyph(
                item.get_text(),
                item.x0,
                item.x1,
                item.matrix[5],
                item.size,
                bool(_ITALIC.search(name)) or slanted,
                bool(_BOLD.search(name)),
            )
        elif hasattr(item, "__iter__"):
            yield from _glyphs(item)


def _rows(glyphs: list[Glyph]) -> list[_Row]:
    """Glyphs grouped by baseline, top first; superscripts attached to the row they sit on."""
    rows: list[_Row] = []
    for g in sorted(glyphs, key=lambda g: (-g.base, g.x0)):
        if rows and abs(rows[-1].base - g.base) <= 0.2 * min(g.size, rows[-1].size or g.size):
            rows[-1].glyphs.append(g)
        else:
            rows.append(_Row(g.base, [g]))
    rows = [r for r in rows if any(g.text.strip() for g in r.glyphs)]
    out: list[_Row] = []
    for i, row in enumerate(rows):
        below = next(
            (
                r
                for r in rows[i + 1 : i + 4]
                if row.size < 0.8 * r.size
                and 0.2 * r.size < row.base - r.base < 0.7 * r.size
                and row.x0 < r.x1 + r.size
                and row.x1 > r.x0 - 3 * r.size
            ),
            None,
        )
        if below is not None:
            below.marks.extend(row.glyphs)
        else:
            out.append(row)
    return out


def _segments(row: _Row) -> list[list[Glyph]]:
    """A row cut where a gap wider than four times the font size separates columns."""
    glyphs = sorted([*row.glyphs, *row.marks], key=lambda g: g.x0)
    pieces: list[list[Glyph]] = [[]]
    last_x1: float | None = None
    for g in glyphs:
        if g.text.strip() and last_x1 is not None and g.x0 - last_x1 > 4 * max(g.size, 6.0) and pieces[-1]:
            pieces.append([])
        pieces[-1].append(g)
        if g.text.strip():
            last_x1 = g.x1
    return [p for p in pieces if any(g.text.strip() for g in p)]


@dataclass(frozen=True, slots=True)
class _Text:
    text: str
    italic: tuple[bool, ...]
    """Per character of ``text``: set in italics."""
    size: float
    x0: float
    bold: bool


def _render(glyphs: list[Glyph], marks: set[int]) -> _Text:
    """The text of one line: spaces from the PDF's spaces and from gaps, superscript digits as
    ``[^N]`` markers."""
    chars: list[str] = []
    italic: list[bool] = []
    last: Glyph | None = None
    pending_space = False
    sizes = [g.size for i, g in enumerate(glyphs) if g.text.strip() and id(g) not in marks]
    size = median(sizes) if sizes else (glyphs[0].size if glyphs else 0.0)
    i = 0
    while i < len(glyphs):
        g = glyphs[i]
        if not g.text.strip():
            pending_space = True
            i += 1
            continue
        if id(g) in marks and g.text.isdigit():
            run = [g]
            while (
                i + 1 < len(glyphs)
                and id(glyphs[i + 1]) in marks
                and glyphs[i + 1].text.isdigit()
                and glyphs[i + 1].x0 - run[-1].x1 < 0.3 * g.size
            ):
                i += 1
                run.append(glyphs[i])
            marker = "[^" + "".join(r.text for r in run) + "]"
            chars.extend(marker)
            italic.extend([False] * len(marker))
            last = run[-1]
            i += 1
            continue
        if last is not None and (pending_space or g.x0 - last.x1 > g.size / 6) and chars and chars[-1] != " ":
            chars.append(" ")
            italic.append(bool(italic and italic[-1] and g.italic))
        chars.append(g.text)
        italic.extend([g.italic] * len(g.text))
        pending_space = False
        last = g
        i += 1
    visible = [g for g in glyphs if g.text.strip() and id(g) not in marks]
    bold = bool(visible) and all(g.bold for g in visible)
    x0 = min((g.x0 for g in visible), default=0.0)
    return _Text("".join(chars).strip(), tuple(italic[: len("".join(chars).strip())]), size, x0, bold)


def _lead(text: _Text) -> str | None:
    """The italic run that opens ``text`` after any label, without trailing punctuation."""
    label = _LABEL_TEXT.match(text.text)
    start = label.end() if label else 0
    if start >= len(text.text) or not text.italic[start]:
        return None
    end = start
    while end < len(text.text) and (text.italic[end] or text.text[end] == " "):
        end += 1
    lead = text.text[start:end].rstrip(" ,;:")
    return lead or None


def _modal(values: Iterable[float]) -> float | None:
    counts = Counter(round(v, 0) for v in values)
    return counts.most_common(1)[0][0] if counts else None


def read_pdf(data: bytes, shown: str) -> list[list[Line]]:
    """Pages of lines of the PDF ``data``; see the module docstring."""
    pages = list(_pages(data, shown))
    if not any(g.text.strip() for page in pages for g in page):
        raise UnstructurableTextError(
            [
                Problem(
                    shown,
                    0,
                    "the PDF has no text layer (a scanned image?): there is no text to import",
                    hint="give a PDF with text (the official one from undocs.org), its text layer, or a transcription",
                )
            ]
        )
    all_sizes = [g.size for page in pages for g in page if g.text.strip()]
    body_size = _modal(all_sizes) or 10.0
    rendered_pages: list[list[tuple[_Text, float]]] = []
    for glyphs in pages:
        texts: list[tuple[_Text, float]] = []
        for row in _rows(glyphs):
            marks = {id(g) for g in row.marks}
            for piece in _segments(row):
                rendered = _render(piece, marks)
                if rendered.text:
                    texts.append((rendered, row.base))
        rendered_pages.append(texts)
    left, pitch = _column(rendered_pages, body_size)
    out: list[list[Line]] = []
    number = 0
    for page_no, texts in enumerate(rendered_pages, 1):
        lines: list[Line] = []
        above: float | None = None
        """Baseline of the line above in body type (a running header does not count)."""
        last: tuple[_Text, float] | None = None
        for rendered, base in texts:
            number += 1
            body_type = abs(rendered.size - body_size) < 0.5
            starts: bool | None = None
            if body_type and left:
                indent = rendered.x0 - left
                wide = above is not None and above - base > 1.3 * pitch
                # Indented: a first line.  Hanging left of the column: a numbered title
                # ("73/6.  Title ...") starts; anything else is a continuation.
                hangs = indent < -0.5 * body_size and bool(_NUMBERED.match(rendered.text))
                starts = indent > 0.5 * body_size or wide or hangs
                if not starts and above is None and LABEL.match(rendered.text):
                    # First line of a page, set at the column's edge and opening with a label:
                    # with no line above there is no gap to measure, and subparagraphs such as
                    # "(i)" are not indented; the wording decides (a label after a finished
                    # sentence starts a paragraph).
                    starts = None
            box_start = bool(starts) or not lines or not body_type
            if (
                rendered.bold
                and last is not None
                and last[0].bold
                and abs(last[0].size - rendered.size) < 0.5
                and last[1] - base <= 1.3 * rendered.size
            ):
                # A heading set over several lines.
                starts = False if starts is not None else None
                box_start = False
            lines.append(
                Line(
                    number,
                    rendered.text,
                    page_no,
                    box_start=box_start,
                    starts=starts,
                    lead=_lead(rendered),
                    heading=rendered.bold,
                    small=rendered.size < body_size - 0.5,
                )
            )
            if body_type:
                above = base
            last = (rendered, base)
        out.append(lines)
    return out


_NUMBERED = re.compile(r"^(?:[A-Z]+-)?[0-9]+(?:/[0-9]+)?\.\s")


def _column(pages: list[list[tuple[_Text, float]]], body_size: float) -> tuple[float, float]:
    """(left edge of the text column, line pitch) of the document's body type.

    The left edge is the commonest start of a line in body type after the enacting formula
    (continuation lines outnumber first lines); the pitch is the smallest gap between lines that
    recurs (paragraph spacing only adds to it)."""
    rows = [(t, base) for texts in pages for t, base in texts if abs(t.size - body_size) < 0.5]
    formula = next(
        (i for i, (t, _) in enumerate(rows) if re.match(r"^The [A-Z][a-z]+ [A-Z]", t.text) and len(t.text) < 40), 0
    )
    rows = rows[formula + 1 :] or rows
    left = _modal(t.x0 for t, _ in rows if not LABEL.match(t.text)) or 0.0
    gaps = Counter(
        round(a[1] - b[1] + 0.0, 0)
        for texts in pages
        for a, b in itertools.pairwise([(t, base) for t, base in texts if abs(t.size - body_size) < 0.5])
        if a[1] - b[1] >= 0.9 * body_size
    )
    recurring = sorted(g for g, n in gaps.items() if n >= 2)
    pitch = recurring[0] if recurring else (min(gaps) if gaps else body_size * 1.2)
    return left, pitch


def _pages(data: bytes, shown: str) -> Iterator[list[Glyph]]:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=None)
    interpreter = PDFPageInterpreter(manager, device)
    try:
        for page in PDFPage.get_pages(BytesIO(data)):
            interpreter.process_page(page)
            yield list(_glyphs(device.get_result()))
    except UnstructurableTextError:
        raise
    except Exception as exc:  # pdfminer raises many kinds of errors for damaged or locked files
        reason = type(exc).__name__
        detail = str(exc).strip()
        raise UnstructurableTextError(
            [
                Problem(
                    shown,
                    0,
                    f"cannot read this PDF ({reason}{': ' + detail[:120] if detail else ''})",
                    hint="check that the file is a complete, unencrypted PDF; or give its text layer or a transcription",
                )
            ]
        ) from None


def normalise_pdf(data: bytes, shown: str) -> Normalised:
    """Blocks and notes of an official PDF; see the module docstring."""
    return assemble(read_pdf(data, shown), marked=True, reorder=False)


__all__ = ["normalise_pdf", "read_pdf"]
