"""Clean-up stages between a normaliser and the parser, shared by every form.

Each stage reads :class:`~generator.importer.normalise.Normalised` and writes it back, with a
warning for each change a maintainer should check; :data:`STAGES` runs them in order.  Each
decides on evidence (:class:`~generator.importer.lexicon.Evidence`), and does nothing when the
evidence is not there: a text that needs none of them goes through unchanged.

============================ ============================================ ==========================
stage                        reads                                         writes
============================ ============================================ ==========================
:func:`unquote`              a press release: paragraphs opening with “    the paragraphs without the
                                                                           quotation marks
:func:`list_labels`          Word lists: ``a)``, ``b.``, ``ii)`` opening   ``(a)``, ``(b)``, ``(ii)``
                             a block after a colon or another item
:func:`late_numbers`         ``Requests ... report`` / ``1. at its ...``:  ``1. Requests ... report
                             a number printed after a paragraph's first    at its ...``
                             line
:func:`end_notes`            footnotes at the end of a Word export:        :class:`Note` items, markers
                             ``1 Resolution 70/1.`` after the closing       ``[^1]`` in the body
                             formula; markers as bare digits
============================ ============================================ ==========================
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from generator.importer import repair
from generator.importer.lexicon import RE_CLOSING, RE_DATE, RE_FORMULA, RE_OPERATIVE, RE_SUBPARA, Evidence, decide
from generator.importer.normalise import Block, Normalised, Note

Stage = Callable[[Normalised], Normalised]

_OPENING_QUOTES = '“"«„'
_CLOSING_QUOTES = '”"»“'


def _warn(n: Normalised, *more: tuple[int, str]) -> tuple[tuple[int, str], ...]:
    return (*n.warnings, *more)


def unquote(n: Normalised) -> Normalised:
    """Security Council texts in a press release open every paragraph with a quotation mark and
    close the last one: “The Security Council, / “Recalling ... / “3. Decides ... matter.”

    Evidence: the share of blocks, from the first quoted one on, that open with a quotation
    mark (four in five of them, and at least three, or two with the enacting formula); the closing mark of the last quoted
    block is dropped only when it closes no quotation opened inside that block.
    """
    blocks = list(n.blocks)
    first = next((i for i, b in enumerate(blocks) if b.text[:1] in _OPENING_QUOTES), None)
    if first is None:
        return n
    tail = blocks[first:]
    quoted = [b.text[:1] in _OPENING_QUOTES for b in tail]
    formula = any(b.text[:1] in _OPENING_QUOTES and RE_FORMULA.match(b.text[1:]) for b in tail)
    if sum(quoted) < (2 if formula else 3) or sum(quoted) < 0.8 * len(tail):
        return n
    last = max(i for i, q in enumerate(quoted) if q) + first
    for i in range(first, len(blocks)):
        b = blocks[i]
        if b.text[:1] not in _OPENING_QUOTES:
            continue
        text = b.text[1:].lstrip()
        lead = b.italic_lead[1:].lstrip() if b.italic_lead and b.italic_lead[:1] in _OPENING_QUOTES else b.italic_lead
        if i == last and text[-1:] in _CLOSING_QUOTES and _opens(text) < _closes(text):
            text = text[:-1].rstrip()
        if text:
            blocks[i] = Block(b.line, text, lead)
    warning = (blocks[first].line, "paragraphs quoted as in a press release: the quotation marks were taken off")
    return replace(n, blocks=tuple(blocks), warnings=_warn(n, warning))


def _opens(text: str) -> int:
    return text.count("“")


def _closes(text: str) -> int:
    return text.count("”")


_WORD_LABEL = re.compile(r"^(?P<label>[a-z]{1,2}|[ivx]{1,5})[.)]\s+(?P<text>\S.*)$")


def list_labels(n: Normalised) -> Normalised:
    """A list item as Word exports it (``a) text``, ``b. text``) becomes ``(a) text``.

    Evidence: the block before ends with a colon or is a list item itself (a list continues),
    and the label is the next in its sequence (``a`` first, then ``b``; ``i`` first, then ``ii``).
    """
    from generator.importer.parse import next_letter, next_roman

    blocks = list(n.blocks)
    warnings: list[tuple[int, str]] = []
    letter = roman = ""
    """The last letter and numeral of the list being read ("" outside a list)."""
    for i, b in enumerate(blocks):
        m = _WORD_LABEL.match(b.text)
        label = m.group("label") if m else (m2.group("label") if (m2 := RE_SUBPARA.match(b.text)) else "")
        if not m:
            letter, roman = _advance(letter, roman, label)
            continue
        before = blocks[i - 1].text if i else ""
        evidence: list[Evidence] = []
        if before.endswith(":"):
            evidence.append(Evidence("colon", "item", 1, "the block before ends with a colon"))
        if (letter and label == next_letter(letter)) or (roman and label == next_roman(roman)):
            evidence.append(Evidence("sequence", "item", 1, f"({label}) continues the list"))
        if label == "a" or (label == "i" and (letter or before.endswith(":"))):
            evidence.append(Evidence("first", "item", 1, f"({label}) opens a list"))
        if not letter and not roman:
            evidence.append(Evidence("prose", "text", 1.5, "no list before it"))
        if decide(evidence, "text") != "item":
            letter = roman = ""
            continue
        blocks[i] = Block(b.line, f"({label}) {m.group('text')}", b.italic_lead)
        warnings.append((b.line, f"list item '{label}{b.text[len(label)]}' read as subparagraph ({label})"))
        letter, roman = _advance(letter, roman, label)
    if not warnings:
        return n
    return replace(n, blocks=tuple(blocks), warnings=_warn(n, *warnings))


def _advance(letter: str, roman: str, label: str) -> tuple[str, str]:
    """The list's last letter and numeral after an item labelled ``label`` ("" ends the list)."""
    from generator.importer.parse import ROMAN, next_letter

    if not label:
        return "", ""
    if label in ROMAN and not (letter and label == next_letter(letter)):
        return letter, label
    return label, ""


_ENDS_SENTENCE = re.compile(r"[,;:.](?:\[\^[0-9]+\])?$")


def late_numbers(n: Normalised) -> Normalised:
    """A paragraph number printed after the paragraph's first line (``Requests ... report`` /
    ``1.`` / ``at its next session ...``) goes back in front of it.

    Evidence, all required: the block before has no label and does not end a sentence; the
    numbered block goes on in lower case; the number is the next of the operative numbering.
    When a layout joined the three into one block (``Requests ... report 2. at its ...``): the
    block has no label, the block before ends a sentence, the number is the next one (from 2 on:
    the first operative paragraph is not known to be numbered) and lower case follows it.
    """
    blocks = list(n.blocks)
    out: list[Block] = []
    warnings: list[tuple[int, str]] = []
    expected = 1
    for b in blocks:
        m = RE_OPERATIVE.match(b.text)
        if m:
            prev = out[-1] if out else None
            number = int(m.group("label"))
            if (
                prev is not None
                and number == expected
                and m.group("text")[:1].islower()
                and not _ENDS_SENTENCE.search(prev.text)
                and not RE_OPERATIVE.match(prev.text)
                and not RE_SUBPARA.match(prev.text)
                and prev.text[:1].isupper()
            ):
                out[-1] = Block(prev.line, f"{number}. {prev.text} {m.group('text')}", prev.italic_lead)
                warnings.append((b.line, f"paragraph number {number}. printed after the paragraph's first line"))
            else:
                out.append(b)
            expected = number + 1
            continue
        inner = re.search(rf"^(?P<first>[A-Z][^.;:]*?) (?P<label>{expected})\. (?P<rest>[a-z].*)$", b.text)
        if inner and out and _ENDS_SENTENCE.search(out[-1].text) and expected > 1:
            # A layout read line by line put the number between the first line and the rest.
            out.append(Block(b.line, f"{expected}. {inner.group('first')} {inner.group('rest')}", b.italic_lead))
            warnings.append((b.line, f"paragraph number {expected}. printed after the paragraph's first line"))
            expected += 1
            continue
        out.append(b)
    if not warnings:
        return n
    return replace(n, blocks=tuple(out), warnings=_warn(n, *warnings))


_END_NOTE = re.compile(r"^(?:\[(?P<b>[0-9]{1,3})\]|(?P<n>[0-9]{1,3}))\s+(?P<text>\S.*)$")


def end_notes(n: Normalised) -> Normalised:
    """Footnotes a Word export prints at the end (``1 Resolution 70/1.`` after the closing
    formula), cited by bare digits in the body (``2015,1``), become footnotes and markers.

    Evidence: a run of blocks at the end numbered 1, 2, 3 ... in order, after the closing
    formula (or the last numbered paragraph), when the text defines no footnotes otherwise.
    """
    if n.notes:
        return n
    blocks = list(n.blocks)
    start = len(blocks)
    numbers: list[int] = []
    for i in range(len(blocks) - 1, -1, -1):
        m = _END_NOTE.match(blocks[i].text)
        if not m or RE_DATE.match(blocks[i].text) or RE_CLOSING.match(blocks[i].text):
            break
        start, numbers = i, [int(m.group("b") or m.group("n")), *numbers]
    if not numbers or numbers != list(range(1, len(numbers) + 1)):
        return n
    before = blocks[start - 1].text if start else ""
    if not (RE_CLOSING.match(before) or RE_DATE.match(before)):
        return n
    notes = []
    for b in blocks[start:]:
        m = _END_NOTE.match(b.text)
        assert m is not None
        notes.append(Note(m.group("b") or m.group("n") or "", m.group("text"), b.line))
    body = blocks[:start]
    scanner = repair.MarkerScanner(note.number for note in notes)
    body = [Block(b.line, scanner.scan(b.text), b.italic_lead) for b in body]
    warning = (blocks[start].line, f"{len(notes)} numbered lines after the closing formula read as footnotes")
    return replace(n, blocks=tuple(body), notes=tuple(notes), warnings=_warn(n, warning))


STAGES: tuple[Stage, ...] = (unquote, list_labels, late_numbers, end_notes)


def prepare(n: Normalised) -> Normalised:
    """``n`` through every stage of :data:`STAGES`, in order."""
    for stage in STAGES:
        n = stage(n)
    return n


__all__ = ["STAGES", "end_notes", "late_numbers", "list_labels", "prepare", "unquote"]
