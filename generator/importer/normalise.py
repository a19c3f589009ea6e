"""Normalise a text-form official text (Markdown, the seed's Markdown-like text, plain text).

After :func:`normalise_text`:

- every block is one logical line of the official text with its 1-based source line;
- Markdown decoration is gone: list markers, heading marks, ``**bold**``, ``*italic*`` and
  ``_italic_`` (an italic span at the start of a paragraph, after its number or label, is kept
  as :attr:`Block.italic_lead`), links ``[text](url)`` become their text, backslash escapes
  their character;
- footnote markers, whether superscript digits (``2010,¹``) or ``[^1]``, are written ``[^1]``;
- footnote definitions (``¹ A/65/201.`` or ``[^1]: A/65/201.``, wherever they stand, even
  inside the operative part) are taken out of the flow as :class:`Note` items;
- a label printed alone on its line (``14.``) joins the paragraph on the next line, and a line
  that starts in lower case right after a line that does not end a sentence continues it (a
  paragraph wrapped over several lines);
- the repairs of :mod:`generator.importer.repair` are applied (words split by stray spaces,
  ``Secretary -General``, a footnote marker printed as a bare digit at a paragraph's end);
- runs of white space are one space, and no block is empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")


@dataclass(frozen=True, slots=True)
class Block:
    line: int
    text: str
    italic_lead: str | None = None
    """The italic span that opens the paragraph (after its number or label), if the source
    marks italics."""


@dataclass(frozen=True, slots=True)
class Note:
    number: str
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Normalised:
    blocks: tuple[Block, ...]
    notes: tuple[Note, ...]
    warnings: tuple[tuple[int, str], ...] = ()
    """(line, message): what a normaliser repaired and a maintainer should check."""


_LIST_MARKER = re.compile(r"^(?:[-*+]\s+|#{1,6}\s+|>\s*)")
_NOTE_DEF_MD = re.compile(r"^\[\^([0-9]+)\]:\s*(.*)$")
_NOTE_DEF_SUP = re.compile(rf"^([{SUPERSCRIPTS}]+)\s+(.*)$")
_SUP_RUN = re.compile(rf"[{SUPERSCRIPTS}]+")
_LINK = re.compile(r"(?<!\^)\[([^\[\]^][^\[\]]*)\]\([^)\s]*\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_ITALIC = re.compile(r"(?<![\w*\\])\*(?!\s)(.+?)(?<![\s\\])\*(?![\w*])|(?<![\w\\])_(?!\s)(.+?)(?<!\s)_(?!\w)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~^])")
_LABEL = re.compile(r"^(?:[0-9]+\.|\([a-zA-Z]{1,4}\))\s+")
_SPACES = re.compile(r"\s+")


def _strip_emphasis(text: str) -> str:
    text = _BOLD.sub(lambda m: m.group(1) or m.group(2), text)
    return _ITALIC.sub(lambda m: m.group(1) or m.group(2), text)


def _clean(text: str) -> tuple[str, str | None]:
    """Clean one line; return (text, italic lead)."""
    text = _LIST_MARKER.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _SUP_RUN.sub(lambda m: f"[^{m.group(0).translate(_SUP_TO_DIGIT)}]", text)
    label = _LABEL.match(text)
    start = label.end() if label else 0
    lead: str | None = None
    body = _BOLD.sub(lambda m: m.group(1) or m.group(2), text[start:])
    m = _ITALIC.match(body)
    if m and m.start() == 0:
        lead = _strip_emphasis(m.group(1) or m.group(2)).strip()
    text = text[:start] + _strip_emphasis(body)
    text = _ESCAPE.sub(r"\1", text)
    text = _SPACES.sub(" ", text).strip()
    if lead is not None:
        lead = _ESCAPE.sub(r"\1", _SPACES.sub(" ", lead))
    return text, lead


_LABEL_ONLY = re.compile(r"^(?:[0-9]{1,3}\.|\([a-z]{1,4}\)|\([ivxlc]{1,7}\))$")
_ENDS_SENTENCE = re.compile(r"[,;:.]$|[,;:.]\[\^[0-9]+\]$")


def normalise_text(source: str) -> Normalised:
    """Blocks and footnotes of a text-form official text; see the module docstring."""
    blocks: list[Block] = []
    notes: list[Note] = []
    open_note: Note | None = None
    blank_before = True
    for number, raw in enumerate(source.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        line = raw.replace("\t", "    ").replace("\u00a0", " ")
        if not line.strip():
            blank_before = True
            continue
        after_blank, blank_before = blank_before, False
        stripped = line.strip()
        # A footnote definition continued on an indented line (Markdown's rule).
        if open_note is not None and line.startswith("    ") and not _NOTE_DEF_MD.match(stripped):
            text, _ = _clean(stripped)
            open_note = Note(open_note.number, f"{open_note.text} {text}".strip(), open_note.line)
            notes[-1] = open_note
            continue
        open_note = None
        stripped = _LIST_MARKER.sub("", stripped)
        md_def = _NOTE_DEF_MD.match(stripped)
        sup_def = _NOTE_DEF_SUP.match(stripped)
        if md_def or sup_def:
            if md_def:
                num, rest = md_def.group(1), md_def.group(2)
            else:
                assert sup_def is not None
                num, rest = sup_def.group(1).translate(_SUP_TO_DIGIT), sup_def.group(2)
            text, _ = _clean(rest)
            open_note = Note(num, text, number)
            notes.append(open_note)
            continue
        text, lead = _clean(stripped)
        if not text:
            continue
        last = blocks[-1] if blocks else None
        if last is not None and _LABEL_ONLY.match(last.text):
            # A label printed on a line of its own ("14.") and its paragraph on the next.
            blocks[-1] = Block(last.line, f"{last.text} {text}", lead)
        elif last is not None and not after_blank and text[:1].islower() and not _ENDS_SENTENCE.search(last.text):
            # A paragraph wrapped over several lines (no blank line between them).
            blocks[-1] = Block(last.line, f"{last.text} {text}", last.italic_lead)
        else:
            blocks.append(Block(number, text, lead))
    return repaired(Normalised(tuple(blocks), tuple(notes)))


def repaired(normalised: Normalised) -> Normalised:
    """``normalised`` with the repairs of :mod:`generator.importer.repair` applied: spacing,
    words split by stray spaces, a bare footnote marker ending a paragraph."""
    from generator.importer import repair

    texts = [b.text for b in normalised.blocks] + [n.text for n in normalised.notes]
    words = repair.vocabulary(texts)
    defined = {n.number for n in normalised.notes}

    def fix(text: str) -> str:
        return repair.fix_spacing(repair.rejoin_split_words(repair.fix_spacing(text), words))

    blocks = tuple(
        Block(
            b.line,
            repair.trailing_marker(fix(b.text), defined),
            repair.fix_spacing(b.italic_lead) if b.italic_lead else b.italic_lead,
        )
        for b in normalised.blocks
    )
    notes = tuple(Note(n.number, fix(n.text), n.line) for n in normalised.notes)
    return Normalised(blocks, notes, normalised.warnings)
