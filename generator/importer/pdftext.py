"""Normalise the text layer of an official PDF into blocks and footnotes.

The text layer (what ``pdf2txt`` prints) is the PDF's wording in the order a layout analysis
put it: pages separated by form feeds, lines in text boxes separated by blank lines.
:func:`read_text_layer` turns it into pages of :class:`Line`; the PDF reader
(:mod:`generator.importer.pdf`) builds the same pages from the characters themselves.  Both go
through :func:`assemble`.  Afterwards:

- page furniture is gone (:func:`is_furniture`): job numbers and date codes
  (``18-18418 (E)    071118``, ``18-18418``), barcodes (``*1818418*``), page numbers (``2/5``,
  the page's own number out of the document's page count), running headers at the top of pages
  after the first (a symbol such as ``A/RES/73/6``, or a short title: a line repeated at the
  top of several pages, or a piece of the title), footnote separators (``__________``), form
  feeds and blank lines;
- footnote texts printed at page bottoms (after the separator) are :class:`Note` items: a
  line ``3  Resolution 69/283, annex II.`` starts note 3 when 3 is the next number, other lines
  continue the note before, also across a page break;
- every block is one paragraph of the official text: lines are joined across text boxes and
  page breaks unless a new paragraph starts (a label such as ``2.`` or ``(a)`` after a finished
  sentence, a capitalised line after a line ending in ``,`` ``;`` ``.`` or ``:``, or, in a PDF,
  an indented first line or a wider gap above); a label printed alone (``14.``) joins its text;
  the masthead and the lines around the closing formula stay one line per block;
- pieces of a line that the layout analysis put in the wrong order (``the`` ``that``
  ``Convinced`` for "Convinced that the") are put back in the order that makes the most word
  pairs the document uses elsewhere, with a warning (:func:`reorder_pieces`);
- a hyphen at a line end joins the two halves, words split by stray spaces are joined,
  footnote markers printed as bare digits become ``[^N]`` (:mod:`generator.importer.repair`);
- runs of white space are one space; no block is empty; every block and note carries the line
  of the source its text starts on.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace
from statistics import median

from generator.importer import repair
from generator.importer.normalise import Block, Normalised, Note

# -- page furniture ------------------------------------------------------------------------------

JOB_NUMBER = re.compile(r"^[0-9]{2}-[0-9]{5}(?:\s*\([A-Z]\))?(?:\s+[0-9]{6})?$")
"""``18-17962 (E)    021118`` on the first page, ``18-17962`` on the others."""
BARCODE = re.compile(r"^\*[0-9]{6,}\*$")
PAGE_NUMBER = re.compile(r"^([0-9]{1,3})\s*/\s*([0-9]{1,3})$")
SEPARATOR = re.compile(r"^_{5,}$")
SYMBOL_HEADER = re.compile(r"^[A-Z]{1,2}(?:/[A-Za-z0-9.\-]+)+(?:\s?\([0-9]{4}\))?$")
"""A document symbol alone on a line: ``A/RES/73/6``, ``S/RES/1590 (2005)``."""

LABEL_ONLY = re.compile(r"^(?:[0-9]{1,3}\.|\([a-z]{1,4}\)|\([ivxlc]{1,6}\))$")
LABEL = re.compile(r"^(?:[0-9]{1,3}\.|\([a-z]{1,4}\)|\([ivxlc]{1,6}\))(?:\s|$)")
FORMULA = re.compile(r"^The (?:[A-Z][a-z]+ ){0,3}[A-Z][a-z]+\s*,?$")
CLOSING = re.compile(r"^[0-9]+(?:st|nd|rd|th) (?:plenary )?meeting\b")
ANNEX = re.compile(r"^(?:Annex|ANNEX|Appendix|APPENDIX)(?: [IVXLC0-9A-Z]{1,6})?$")
TERMINAL = re.compile(r"[,;:.](?:\s*[0-9]{1,3})?$|[,;:.]\[\^[0-9]+\]$")
NOTE_START_TEXT = re.compile(r"^([0-9]{1,3})(?:\s+(\S.*))?$")
NOTE_START_MARKED = re.compile(r"^\[\^([0-9]{1,3})\]\s*(.*)$")


@dataclass(frozen=True, slots=True)
class Line:
    """One printed line of a page."""

    line: int
    """1-based line of the source (the text layer's line; for a PDF, see :mod:`.pdf`)."""
    text: str
    page: int
    box_start: bool = False
    """First line of a text box: after a blank line in the text layer, first on its page."""
    starts: bool | None = None
    """Whether a paragraph starts here, when the PDF's geometry says so; ``None`` if unknown."""
    lead: str | None = None
    """The italic run that opens the line (after a label), when the source marks italics."""
    heading: bool = False
    """A line set apart as a heading (bold in a PDF)."""
    note: bool = False
    small: bool = False
    """Set smaller than the body's type (PDF only): a running header, a footnote, furniture."""
    """A line in the smaller footnote type (PDF only)."""


def _collapse(text: str) -> str:
    return " ".join(text.split())


def read_text_layer(text: str) -> list[list[Line]]:
    """Pages of lines of a text layer: form feeds split pages, blank lines split boxes."""
    pages: list[list[Line]] = [[]]
    new_box = True
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        parts = raw.split("\f")
        for i, part in enumerate(parts):
            if i > 0:
                pages.append([])
                new_box = True
            clean = _collapse(part.replace("\u00a0", " "))
            if not clean:
                new_box = True
                continue
            pages[-1].append(Line(number, clean, len(pages), box_start=new_box))
            new_box = False
    return [p for p in pages if p]


def _title_text(pages: list[list[Line]]) -> str:
    """The title as printed on the first page (from ``73/6.`` to the enacting formula)."""
    lines = pages[0] if pages else []
    out: list[str] = []
    for line in lines:
        if FORMULA.match(line.text):
            break
        if out or re.match(r"^(?:[A-Z]+-)?[0-9]+/[0-9]+\.\s", line.text) or line.text.startswith("Resolution "):
            out.append(line.text)
        elif re.search(r"draft (?:resolution|decision)$", line.text):
            out.append("")  # a draft's title follows its sponsors' line
    return " ".join(out)


def is_furniture(line: Line, page_count: int, top: bool, headers: set[str], title: str) -> bool:
    text = line.text
    if JOB_NUMBER.match(text) or BARCODE.match(text):
        return True
    if m := PAGE_NUMBER.match(text):
        shown, total = int(m.group(1)), int(m.group(2))
        if total == page_count and 1 <= shown <= total:
            return True
    if top and line.page > 1:
        if SYMBOL_HEADER.match(text):
            return True
        # A short title: repeated at the top of pages, or a piece of the title; never a line that
        # reads like the body (a label; closing punctuation, unless the PDF's type says the line
        # is not in the body's size: a header row may end with the title's comma).
        if line.starts is not None:
            return False  # set in the body's type (a PDF): not a running header
        looks_like_body = bool(LABEL.match(text) or (TERMINAL.search(text) and not line.small))
        # A piece of the title: three words at least, or any piece when set in small type.
        piece = bool(title) and (len(text.split()) >= 3 or line.small) and f" {text} " in f" {title} "
        if not looks_like_body and (text in headers or piece):
            return True
    return False


_HEADER_LINES = 5
"""At most this many lines open a page as its running header."""


def strip_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """The pages without their furniture (see :func:`is_furniture`)."""
    top_lines: Counter[str] = Counter()
    for page in pages[1:]:
        for text in {line.text for line in page[:_HEADER_LINES]}:
            top_lines[text] += 1
    headers = {text for text, n in top_lines.items() if n >= 2}
    title = _title_text(pages)
    out: list[list[Line]] = []
    for page in pages:
        kept: list[Line] = []
        box_start = True
        top = True
        for i, line in enumerate(page):
            box_start = box_start or line.box_start
            # The running header is the run of lines that opens a page (the symbol and the
            # short title, over up to four lines in the 2023 layout); the first line of the
            # body ends the run.
            top = top and i < _HEADER_LINES
            if is_furniture(line, len(pages), top, headers, title):
                box_start = True
                continue
            top = False
            kept.append(replace(line, box_start=box_start))
            box_start = False
        out.append(kept)
    return out


# -- footnotes -----------------------------------------------------------------------------------


def split_notes(pages: list[list[Line]]) -> tuple[list[Line], list[Line]]:
    """Body lines (a page's first line starts a box) and footnote lines, in page order."""
    body: list[Line] = []
    notes: list[Line] = []
    for page in pages:
        in_notes = False
        first = True
        for line in page:
            if SEPARATOR.match(line.text.replace(" ", "")):
                in_notes = True
                continue
            if in_notes or line.note:
                notes.append(line)
                continue
            body.append(replace(line, box_start=True) if first else line)
            first = False
    return body, notes


def parse_notes(lines: list[Line]) -> tuple[list[Note], list[Line]]:
    """Footnotes from footnote lines; lines that belong to no footnote are returned as well."""
    notes: list[tuple[str, list[str], int]] = []
    stray: list[Line] = []
    for line in lines:
        m = NOTE_START_MARKED.match(line.text) or NOTE_START_TEXT.match(line.text)
        if m:
            number = m.group(1)
            expected = int(notes[-1][0]) + 1 if notes else None
            if expected is None or int(number) == expected:
                notes.append((number, [m.group(2) or ""], line.line))
                continue
        if notes:
            notes[-1][1].append(line.text)
        else:
            stray.append(line)
    out = []
    for number, parts, line_no in notes:
        text = _join_lines(parts)
        out.append(Note(number, text, line_no))
    return out, stray


# -- joining lines into paragraphs -----------------------------------------------------------------


def _join_lines(parts: list[str]) -> str:
    text = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if not text:
            text = part
        elif text.endswith("-") and len(text) > 1 and (text[-2].isalpha() or text[-2] == " ") and part[:1].isalpha():
            # "twenty-" / "first", "post -" / "conflict": the halves join; repair decides on the hyphen.
            text = text[:-1].rstrip() + repair.LINE_HYPHEN + part
        else:
            text = f"{text} {part}"
    return text


def _ends_sentence(text: str) -> bool:
    return bool(TERMINAL.search(text.rstrip()))


def _opens_paragraph(text: str) -> bool:
    first = text.lstrip("“‘\"'[(")[:1]
    return first.isupper() or bool(LABEL.match(text))


def _starts_block(previous: str, line: Line, zone: str, last_line: str = "", full: float = 0.0) -> bool:
    """Whether ``line`` starts a new block after the block ``previous`` (whose last printed line
    is ``last_line``; ``full`` is the length of a full line)."""
    text = line.text
    if LABEL_ONLY.match(previous):
        return False
    if zone in ("head", "closing"):
        return True
    if CLOSING.match(text) or ANNEX.match(text) or ANNEX.match(previous):
        return True
    if line.starts is not None:
        return line.starts
    if LABEL.match(text):
        return _ends_sentence(previous)
    if zone == "after" and line.box_start and not _ends_sentence(text) and _opens_paragraph(text):
        return True
    if not line.box_start:
        # Inside a text box: a capitalised line after a line that ends a sentence short of the
        # margin (the last line of a paragraph; justified lines run to the margin).
        short = bool(full) and 0 < len(last_line) < 0.8 * full
        return short and _ends_sentence(previous) and _opens_paragraph(text) and zone == "body"
    if _ends_sentence(previous) and _opens_paragraph(text):
        return True
    return bool(re.search(r"[.;:]$", previous)) and text[:1].isdigit()


@dataclass
class _Para:
    lines: list[Line]

    @property
    def text(self) -> str:
        return _join_lines([line.text for line in self.lines])


def _zones(body: list[Line]) -> list[str]:
    """For each body line: ``head`` (masthead and title, before the enacting formula),
    ``body``, ``closing`` (the closing formula's lines) or ``after`` (annexes)."""
    formula = next((i for i, line in enumerate(body[:80]) if FORMULA.match(line.text)), None)
    if formula is None:
        formula = next((i - 1 for i, line in enumerate(body[:80]) if LABEL.match(line.text)), -1)
    zones: list[str] = []
    zone = "head"
    for i, line in enumerate(body):
        if i > formula and zone == "head":
            zone = "body"
        if zone == "body" and CLOSING.match(line.text):
            zone = "closing"
        elif zone == "closing" and not re.match(r"^[0-9]{1,2} [A-Z][a-z]+ [0-9]{4}$", line.text):
            zone = "after"
        zones.append(zone)
    return zones


def _full_width(body: list[Line], zones: list[str]) -> float:
    """The length of a full printed line: the median of the body lines that a line in the same
    box follows (the last line of a paragraph is often short)."""
    full = [
        len(a.text)
        for a, b, z in zip(body, body[1:], zones, strict=False)
        if z == "body" and not b.box_start and not LABEL_ONLY.match(a.text)
    ]
    return median(full) if full else 0.0


def _is_heading(para: _Para, before: _Para | None, full: float) -> bool:
    """A heading in the body (the title of an embedded declaration): a box of at most three
    lines, capitalised, that does not end a sentence, and either short or right after a
    paragraph that ends with a colon ("Adopts the following Declaration:")."""
    lines = para.lines
    return (
        bool(full)
        and lines[0].box_start
        and lines[0].starts is None
        and len(lines) <= 3
        and (
            all(len(line.text) < 0.75 * full for line in lines)
            or (before is not None and before.text.rstrip().endswith(":"))
        )
        and _opens_paragraph(lines[0].text)
        and not LABEL.match(lines[0].text)
        and not _ends_sentence(para.text)
    )


def assemble_paragraphs(body: list[Line], zones: list[str]) -> list[_Para]:
    full = _full_width(body, zones)
    paras: list[_Para] = []
    previous_zone = ""
    for line, zone in zip(body, zones, strict=True):
        after_heading = (
            zone == "body"
            and line.box_start
            and line.starts is None
            and bool(paras)
            and _opens_paragraph(line.text)
            and _is_heading(paras[-1], paras[-2] if len(paras) > 1 else None, full)
        )
        new_zone = zone != previous_zone
        if (
            paras
            and not new_zone
            and not after_heading
            and not _starts_block(paras[-1].text, line, zone, paras[-1].lines[-1].text, full)
        ):
            paras[-1].lines.append(line)
        else:
            paras.append(_Para([line]))
        previous_zone = zone
    return paras


# -- pieces of a line in the wrong order ------------------------------------------------------------

_WORD = re.compile(r"[\w’'+\-]+")


def _edge_words(text: str) -> tuple[str, str]:
    words = _WORD.findall(text.lower())
    return (words[0], words[-1]) if words else ("", "")


def _bigrams(texts: list[str]) -> Counter[tuple[str, str]]:
    counts: Counter[tuple[str, str]] = Counter()
    words = _WORD.findall(" ".join(texts).lower())
    counts.update(itertools.pairwise(words))
    return counts


@dataclass(frozen=True, slots=True)
class Reordered:
    line: int
    pieces: int
    moved: bool = True
    """False: the pieces kept the text layer's order because no order reads better."""


def reorder_pieces(body: list[Line]) -> tuple[list[Line], list[Reordered]]:
    """Put back in order the pieces of lines that the layout analysis scattered.

    Justified lines with wide spaces are sometimes cut into several text boxes, which the text
    layer prints one after the other in an order that is not the reading order.  Such pieces are
    short (well under the width of a full line) and each alone in its box, or consecutive short
    lines inside a box.  For each run of pieces, the order chosen is the one whose junctions make
    the most word pairs that the rest of the document uses; a paragraph that starts with the run
    must start with a capitalised piece.  The original order wins ties.
    """
    zones = _zones(body)
    if sum(1 for z in zones if z == "body") < 10:
        return body, []
    short_limit = 0.7 * _full_width(body, zones)

    page_start = {id(next(line for line in body if line.page == page)) for page in {line.page for line in body}}

    def short(line: Line) -> bool:
        """A candidate piece: short, not a label (labels anchor paragraphs), not the first line of
        a page (that continues the page before)."""
        return len(line.text) < short_limit and not LABEL.match(line.text) and id(line) not in page_start

    # Boxes of the body zone, as index ranges into ``body``.
    boxes: list[list[int]] = []
    for i, line in enumerate(body):
        if zones[i] != "body":
            continue
        if line.box_start or not boxes or zones[i - 1] != "body":
            boxes.append([i])
        else:
            boxes[-1].append(i)
    order = list(range(len(body)))
    starts = {i: body[i].box_start for i in range(len(body))}
    done: list[Reordered] = []
    used: set[int] = set()

    def solve(pieces: list[int], before: int | None, after: int | None, must_open: bool) -> None:
        """Reorder ``pieces`` (indices into ``body``), which sit between ``before`` and ``after``."""
        if len(pieces) < 2 or len(pieces) > 7:
            return
        excluded = set(pieces)
        counts = _bigrams([body[i].text for i in range(len(body)) if i not in excluded and zones[i] == "body"])
        left = _edge_words(body[before].text)[1] if before is not None and not must_open else ""
        right = _edge_words(body[after].text)[0] if after is not None else ""

        def score(perm: tuple[int, ...]) -> int:
            total = 0
            prev = left
            for i in perm:
                first, last = _edge_words(body[i].text)
                total += 1 if prev and counts[(prev, first)] else 0
                prev = last
            return total + (1 if right and counts[(prev, right)] else 0)

        original = tuple(pieces)
        candidates = [p for p in itertools.permutations(pieces) if not must_open or _opens_paragraph(body[p[0]].text)]
        if not candidates:
            return
        best = max(candidates, key=score)
        if best == original or (original in candidates and score(best) <= score(original)):
            if original in candidates and sum(1 for c in candidates if score(c) == score(original)) > 1:
                # Another order reads as well: say so rather than guess.
                done.append(Reordered(body[pieces[0]].line, len(pieces), moved=False))
            return
        first_start = starts[pieces[0]]
        position = min(order.index(i) for i in pieces)
        for i in pieces:
            order.remove(i)
        if after is not None:
            position = order.index(after)
        order[position:position] = list(best)
        for n, i in enumerate(best):
            starts[i] = first_start if n == 0 else False
        if after is not None:
            starts[after] = False
        used.update(pieces)
        done.append(Reordered(body[best[0]].line, len(pieces)))

    # Runs of one-line boxes: pieces of one printed line.
    b = 0
    while b < len(boxes):
        run: list[int] = []
        while (
            b < len(boxes)
            and len(boxes[b]) == 1
            and short(body[boxes[b][0]])
            and (not run or body[boxes[b][0]].page == body[run[0]].page)
        ):
            run.append(boxes[b][0])
            b += 1
        if not run:
            b += 1
            continue
        before = run[0] - 1 if run[0] > 0 and zones[run[0] - 1] == "body" else None
        must_open = before is None or _ends_sentence(body[before].text) or bool(LABEL_ONLY.match(body[before].text))
        after: int | None = None
        if re.search(r"[;.]$", body[run[-1]].text):
            after = run.pop()
        elif b < len(boxes):
            nxt = boxes[b]
            if not (_opens_paragraph(body[nxt[0]].text) and _ends_sentence(body[run[-1]].text)):
                after = nxt[0]
                # A piece printed after that box can belong to the same printed line.
                if (
                    len(nxt) > 1
                    and _ends_sentence(body[nxt[-1]].text)
                    and b + 1 < len(boxes)
                    and len(boxes[b + 1]) == 1
                    and short(body[boxes[b + 1][0]])
                    and body[boxes[b + 1][0]].text[:1].islower()
                    and (b + 2 >= len(boxes) or _opens_paragraph(body[boxes[b + 2][0]].text))
                ):
                    run.append(boxes[b + 1][0])
                    b += 2
        if any(body[i].text[:1].islower() for i in run):
            solve(run, before, after, must_open)
    # Runs of short lines inside a box (not its last line).
    for box in boxes:
        i = 1
        while i < len(box) - 1:
            run = []
            while i < len(box) - 1 and short(body[box[i]]) and box[i] not in used:
                run.append(box[i])
                i += 1
            if run:
                solve(run, run[0] - 1, box[i], False)
            i += 1
    lines = [replace(body[i], box_start=starts[i]) for i in order]
    return lines, done


# -- the whole stage -------------------------------------------------------------------------------


def _lead(para: _Para) -> str | None:
    """The italic opening of a paragraph: the first line's italic run, continued on the next
    lines while the lines before are italic from end to end."""
    lead = para.lines[0].lead
    if lead is None:
        return None
    for previous, line in itertools.pairwise(para.lines):
        whole = _collapse(LABEL.sub("", previous.text, count=1)) == _collapse(previous.lead or "")
        if not whole or not line.lead:
            break
        lead = f"{lead} {line.lead}"
    return repair.fix_spacing(lead)


def _with_stray(body: list[Line], stray: list[Line]) -> list[Line]:
    """Lines under a separator that start no footnote go back to the body, at their page's end."""
    out = list(body)
    for line in stray:
        at = max((i + 1 for i, b in enumerate(out) if b.page <= line.page), default=0)
        out.insert(at, replace(line, box_start=True))
    return out


def assemble(pages: list[list[Line]], *, marked: bool, reorder: bool) -> Normalised:
    """Blocks and notes from pages of lines; see the module docstring.

    ``marked``: footnote markers are already written ``[^N]`` (a PDF read with its fonts); else
    they are bare digits to find.  ``reorder``: look for pieces of lines out of order (only a
    text layer has them).
    """
    pages = strip_furniture(pages)
    body, note_lines = split_notes(pages)
    notes, stray = parse_notes(note_lines)
    warnings: list[tuple[int, str]] = [
        (line.line, "text under a footnote separator that starts no footnote: kept in the body") for line in stray
    ]
    body = _with_stray(body, stray)
    if reorder:
        body, moved = reorder_pieces(body)
        warnings += [
            (
                r.line,
                f"the text layer gives {r.pieces} pieces of a printed line out of order; they were put back in "
                "the order that matches the document's wording elsewhere: check against the PDF"
                if r.moved
                else f"the text layer gives {r.pieces} short pieces of a printed line whose order the importer "
                "cannot tell; they are kept as given: check against the PDF",
            )
            for r in moved
        ]
    zones = _zones(body)
    zone_of = {id(line): zone for line, zone in zip(body, zones, strict=True)}
    paras = assemble_paragraphs(body, zones)
    texts = [p.text for p in paras]
    words = repair.vocabulary([*texts, *(n.text for n in notes)])
    hyphenated = repair.hyphenated_vocabulary([*texts, *(n.text for n in notes)])

    def clean(text: str) -> str:
        text = repair.resolve_line_hyphens(repair.fix_spacing(text), words, hyphenated)
        if not marked:
            text = repair.rejoin_split_words(text, words)
        return repair.fix_spacing(text)

    texts = [clean(t) for t in texts]
    notes = [Note(n.number, clean(n.text), n.line) for n in notes]
    defined = {n.number for n in notes}
    in_body = [zone_of[id(p.lines[0])] != "head" for p in paras]
    if marked:
        texts = [repair.trailing_marker(t, defined) if b else t for t, b in zip(texts, in_body, strict=True)]
    else:
        scanner = repair.MarkerScanner(defined)
        texts = [scanner.scan(t) if b else t for t, b in zip(texts, in_body, strict=True)]
    blocks = tuple(Block(p.lines[0].line, t, _lead(p)) for p, t in zip(paras, texts, strict=True) if t)
    return Normalised(blocks, tuple(notes), tuple(warnings))


def normalise_pdf_text(text: str) -> Normalised:
    """Blocks and notes of a PDF's text layer; see the module docstring."""
    return assemble(read_text_layer(text), marked=False, reorder=True)


__all__ = ["Line", "assemble", "normalise_pdf_text", "read_text_layer", "reorder_pieces", "strip_furniture"]
