"""Property-based tests of the importer.

1. Whatever text it is given, the importer returns a structured resolution or fails with
   ``path:line: message`` problems; it never raises anything else.
2. A resolution generated at random, written out as plain text and as the text layer of a PDF
   (wrapped lines, page furniture, footnotes at page bottoms, markers as bare digits), is
   imported back to the same structure, word for word.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import GeneratorError
from generator.importer import SourceFile, import_source
from generator.importer.normalise import normalise_text
from generator.importer.parse import ROMAN
from generator.importer.pdftext import normalise_pdf_text
from generator.importer.read import Format
from generator.model import Resolution

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def source(text: str | bytes, fmt: Format) -> SourceFile:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return SourceFile(Path("input.txt"), data, fmt, hashlib.sha256(data).hexdigest())


def import_or_problems(src: SourceFile) -> Resolution | None:
    try:
        return import_source(src).resolution
    except GeneratorError as exc:
        assert exc.problems
        for p in exc.problems:
            assert p.path == "input.txt"
            assert p.line >= 0
            assert p.format().startswith(f"input.txt:{p.line}: " if p.line else "input.txt: ")
        return None


# -- 1. any text -----------------------------------------------------------------------------------

resolution_like = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "The General Assembly,",
                "The Security Council,",
                "1. Decides to act;",
                "2. Requests a report.",
                "(a) To act;",
                "(i) now;",
                "(aa) later;",
                "Recalling its resolution 1/1,",
                "73/1. A title",
                "Annex",
                "Annex II",
                "10th plenary meeting",
                "1 January 2020",
                "[^1]: A/1/1.",
                "¹ A/1/1.",
                "Adopts the following Declaration:",
                "__________________",
                "18-12345 (E)    010120",
                "2/5",
                "\f",
                "",
            ]
        ),
        st.text(max_size=60),
    ),
    max_size=30,
).map("\n".join)


@SETTINGS
@given(st.one_of(st.text(max_size=400), resolution_like))
def test_any_text_gives_a_resolution_or_problems(text: str) -> None:
    for fmt in ("text", "pdf-text"):
        import_or_problems(source(text, fmt))  # type: ignore[arg-type]


@SETTINGS
@given(st.one_of(st.text(max_size=400), resolution_like))
def test_normalisers_keep_every_block_non_empty_and_in_line_order(text: str) -> None:
    for normalised in (normalise_text(text), normalise_pdf_text(text)):
        assert all(b.text.strip() == b.text and b.text for b in normalised.blocks)
        assert all(b.line >= 1 for b in normalised.blocks)
    lines = [b.line for b in normalise_text(text).blocks]
    assert lines == sorted(lines)


@settings(max_examples=25, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_as_a_pdf_give_problems(data: bytes) -> None:
    assert import_or_problems(source(b"%PDF-1.4\n" + data, "pdf")) is None


# -- 2. generated resolutions ----------------------------------------------------------------------

WORDS = [
    "access",
    "budget",
    "capacity",
    "dialogue",
    "energy",
    "forest",
    "growth",
    "health",
    "island",
    "justice",
    "labour",
    "market",
    "nature",
    "ocean",
    "peace",
    "quality",
    "region",
    "safety",
    "trade",
    "urban",
    "value",
    "water",
    "youth",
    "zone",
    "report",
    "measures",
    "efforts",
    "support",
    "review",
]
PREAMBULAR = ["Recalling", "Noting with concern", "Recognizing also", "Deeply concerned", "Bearing in mind"]
OPERATIVE = ["Decides", "Requests", "Calls upon", "Also requests", "Takes note", "Urges"]


@dataclass
class Para:
    phrase: str
    words: list[str]
    end: str
    notes: list[int] = field(default_factory=list)
    """Footnote numbers, one after each of the first words."""
    children: list[tuple[str, list[str], list[tuple[str, list[str]]]]] = field(default_factory=list)

    def text(self, marker: str) -> str:
        """The wording after the phrase ("the ..."); markers written by ``marker(n)``."""
        out = ["the"]
        for i, w in enumerate(self.words):
            out.append(w + ("," + marker.format(n=self.notes[i]) if i < len(self.notes) else ""))
        return " ".join(out) + self.end


@st.composite
def resolutions(draw: st.DrawFn) -> tuple[list[Para], list[Para]]:
    words = st.lists(st.sampled_from(WORDS), min_size=2, max_size=30)
    pre = [Para(draw(st.sampled_from(PREAMBULAR)), draw(words), ",") for _ in range(draw(st.integers(0, 5)))]
    ops = [Para(draw(st.sampled_from(OPERATIVE)), draw(words), ";") for _ in range(draw(st.integers(1, 14)))]
    ops[-1].end = "."
    for op in ops:
        if draw(st.booleans()):
            op.end = ":"
            n = draw(st.integers(1, 29))
            letters = [chr(ord("a") + i) for i in range(min(n, 26))] + [chr(ord("a") + i) * 2 for i in range(n - 26)]
            roman_only = draw(st.booleans()) and n <= 10
            labels = ROMAN[:n] if roman_only else letters
            for label in labels:
                # Numerals under a letter, but not under (h): "(i)" after "(h)" is the letter (i).
                under = (
                    [] if roman_only or label == "h" else [(r, draw(words)) for r in ROMAN[: draw(st.integers(0, 3))]]
                )
                op.children.append((label, draw(words), under))
    # Footnotes numbered in the order of their first marker; some cited again later.
    paras = [*pre, *ops]
    count = 0
    for p in paras:
        k = draw(st.integers(0, min(2, len(p.words) - 1)))
        for _ in range(k):
            if count and draw(st.booleans()):
                p.notes.append(draw(st.integers(1, count)))
            else:
                count += 1
                p.notes.append(count)
    return pre, ops


def note_numbers(pre: list[Para], ops: list[Para]) -> list[int]:
    return sorted({n for p in (*pre, *ops) for n in p.notes})


HEAD = [
    "United Nations",
    "General Assembly",
    "A/RES/99/1",
    "Distr.: General",
    "3 January 2020",
    "Seventy-fourth session",
    "Agenda item 12",
    "Resolution adopted by the General Assembly on 20 December 2019",
    "[without reference to a Main Committee (A/99/L.1)]",
    "99/1. Testing the importer",
    "The General Assembly,",
]


def as_text(pre: list[Para], ops: list[Para]) -> str:
    lines = list(HEAD)
    lines += [f"{p.phrase} {p.text('[^{n}]')}" for p in pre]
    for n, p in enumerate(ops, 1):
        lines.append(f"{n}. {p.phrase} {p.text('[^{n}]')}")
        for label, words, under in p.children:
            lines.append(f"({label}) {' '.join(words)};")
            lines += [f"({r}) {' '.join(w)};" for r, w in under]
    lines += ["10th plenary meeting", "20 December 2019"]
    lines += [f"[^{n}]: A/99/{n}." for n in note_numbers(pre, ops)]
    return "\n\n".join(lines) + "\n"


def wrap(text: str, width: int = 84) -> list[str]:
    out: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*out, line] if line else out


def as_text_layer(pre: list[Para], ops: list[Para]) -> str:
    """The text layer a PDF of the resolution would have: 40 lines a page, furniture, footnotes
    at the bottom of the page of their first marker, markers as bare digits."""
    paragraphs = [f"{p.phrase} {p.text('{n}')}" for p in pre]
    for n, p in enumerate(ops, 1):
        paragraphs.append(f"{n}. {p.phrase} {p.text('{n}')}")
        for label, words, under in p.children:
            paragraphs.append(f"({label}) {' '.join(words)};")
            paragraphs += [f"({r}) {' '.join(w)};" for r, w in under]
    boxes = [[h] for h in HEAD] + [wrap(p) for p in paragraphs] + [["10th plenary meeting", "20 December 2019"]]
    pages: list[list[str]] = [[]]
    notes_on_page: list[list[int]] = [[]]
    seen: set[int] = set()
    for box in boxes:
        if len(pages[-1]) + len(box) > 40:
            pages.append([])
            notes_on_page.append([])
        pages[-1] += [*box, ""]
        for n in map(int, re.findall(r",([0-9]+)\b", " ".join(box))):
            if n not in seen:
                seen.add(n)
                notes_on_page[-1].append(n)
    total = len(pages)
    out = []
    for i, (page, notes) in enumerate(zip(pages, notes_on_page, strict=True), 1):
        lines = ([] if i == 1 else ["A/RES/99/1", ""]) + page
        if notes:
            lines += ["__________________", ""] + [f"{n}  A/99/{n}." for n in notes] + [""]
        lines += [f"{i}/{total}", "", "20-00001 (E)    030120" if i == 1 else "20-00001", "*2000001*" if i == 1 else ""]
        out.append("\n".join(lines))
    return "\f".join(out) + "\f"


def check(r: Resolution, pre: list[Para], ops: list[Para]) -> None:
    assert r.symbol == "A/RES/99/1"
    assert [(p.phrase.pick("en"), p.text.pick("en")) for p in r.preamble] == [(p.phrase, p.text("[^{n}]")) for p in pre]
    assert [(p.label, p.phrase.pick("en"), p.text.pick("en")) for p in r.operative] == [
        (str(n), p.phrase, p.text("[^{n}]")) for n, p in enumerate(ops, 1)
    ]
    for got, want in zip(r.operative, ops, strict=True):
        assert [
            (c.label, c.text.pick("en"), [(g.label, g.text.pick("en")) for g in c.children]) for c in got.children
        ] == [
            (label, " ".join(words) + ";", [(r_, " ".join(w) + ";") for r_, w in under])
            for label, words, under in want.children
        ]
    assert [(f.number, f.text.pick("en")) for f in r.footnotes] == [
        (str(n), f"A/99/{n}.") for n in note_numbers(pre, ops)
    ]


@SETTINGS
@given(resolutions())
def test_generated_resolution_as_plain_text(doc: tuple[list[Para], list[Para]]) -> None:
    pre, ops = doc
    result = import_source(source(as_text(pre, ops), "text"))
    check(result.resolution, pre, ops)
    assert result.warnings == ()


@SETTINGS
@given(resolutions())
def test_generated_resolution_as_a_text_layer(doc: tuple[list[Para], list[Para]]) -> None:
    pre, ops = doc
    result = import_source(source(as_text_layer(pre, ops), "pdf-text"))
    check(result.resolution, pre, ops)
    assert result.warnings == ()


# -- 3. the same resolutions in the other forms people have -----------------------------------------


def _paragraph_lines(pre: list[Para], ops: list[Para], marker: str) -> list[str]:
    lines = [f"{p.phrase} {p.text(marker)}" for p in pre]
    for n, p in enumerate(ops, 1):
        lines.append(f"{n}. {p.phrase} {p.text(marker)}")
        for label, words, under in p.children:
            lines.append(f"({label}) {' '.join(words)};")
            lines += [f"({r}) {' '.join(w)};" for r, w in under]
    return lines


def as_press_release(pre: list[Para], ops: list[Para]) -> str:
    """Every paragraph from the enacting formula on opens with a quotation mark; the last one
    closes it; no closing formula (a press release does not print it)."""
    body = ["The General Assembly,", *_paragraph_lines(pre, ops, "[^{n}]")]
    quoted = [f"“{line}" for line in body]
    quoted[-1] += "”"
    notes = [f"[^{n}]: A/99/{n}." for n in note_numbers(pre, ops)]
    return "\n\n".join([*HEAD[:-1], *quoted, *notes]) + "\n"


def as_word_export(pre: list[Para], ops: list[Para]) -> str:
    """Word's plain text: a tab after labels, list items ``a)`` without the opening parenthesis,
    footnote markers as bare digits, the footnotes numbered at the end, bare CR line breaks."""
    lines = [*HEAD]
    lines += [f"{p.phrase} {p.text('{n}')}" for p in pre]
    for n, p in enumerate(ops, 1):
        lines.append(f"{n}.\t{p.phrase} {p.text('{n}')}")
        for label, words, under in p.children:
            lines.append(f"{label})\t{' '.join(words)};")
            lines += [f"{r})\t{' '.join(w)};" for r, w in under]
    lines += ["10th plenary meeting", "20 December 2019"]
    lines += [f"{n}\tA/99/{n}." for n in note_numbers(pre, ops)]
    return "\r".join(lines) + "\r"


def as_late_numbers(pre: list[Para], ops: list[Para]) -> str:
    """Paragraph numbers printed after the paragraph's first line (a layout read in the wrong
    order): ``Decides the access`` / ``1.`` / ``budget ...``."""
    lines = list(HEAD)
    lines += [f"{p.phrase} {p.text('[^{n}]')}" for p in pre]
    for n, p in enumerate(ops, 1):
        text = p.text("[^{n}]")
        first, rest = text.split(" ", 2)[:2], text.split(" ", 2)[2:]
        if not p.notes and rest:
            lines.append(f"{p.phrase} {' '.join(first)}\n{n}.\n{rest[0]}")
        else:
            lines.append(f"{n}. {p.phrase} {text}")
        for label, words, under in p.children:
            lines.append(f"({label}) {' '.join(words)};")
            lines += [f"({r}) {' '.join(w)};" for r, w in under]
    lines += ["10th plenary meeting", "20 December 2019"]
    lines += [f"[^{n}]: A/99/{n}." for n in note_numbers(pre, ops)]
    return "\n\n".join(lines) + "\n"


EXPECTED_WARNINGS = re.compile(
    r"paragraphs quoted as in a press release|list item '.*' read as subparagraph"
    r"|numbered lines after the closing formula read as footnotes|printed after the paragraph's first line"
)


@SETTINGS
@given(resolutions())
def test_generated_resolution_in_other_forms(doc: tuple[list[Para], list[Para]]) -> None:
    pre, ops = doc
    for write in (as_press_release, as_word_export, as_late_numbers):
        result = import_source(source(write(pre, ops), "text"))
        check(result.resolution, pre, ops)
        assert result.resolution.unplaced == ()
        assert all(EXPECTED_WARNINGS.search(w.message) for w in result.warnings), write.__name__


@SETTINGS
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["The General Assembly decided", "The Assembly took note"]),
            st.lists(st.sampled_from(WORDS), min_size=1, max_size=20),
        ),
        min_size=1,
        max_size=4,
    ),
    st.booleans(),
)
def test_generated_decision(paragraphs: list[tuple[str, list[str]]], numbered: bool) -> None:
    """A decision: a number and title, paragraphs without an enacting formula, numbered or not."""
    texts = [f"{lead} {' '.join(words)}." for lead, words in paragraphs]
    body = [f"{n}. {t}" for n, t in enumerate(texts, 1)] if numbered and len(texts) > 1 else texts
    text = "\n\n".join(["99/501. Testing decisions", *body, "10th plenary meeting", "20 December 2019"]) + "\n"
    result = import_source(source(text, "text"))
    r = result.resolution
    assert (r.symbol, r.kind, r.body, r.title.pick("en")) == (
        "A/DEC/99/501",
        "decision",
        "General Assembly",
        "Testing decisions",
    )
    assert [(p.phrase.pick("en") + " " + p.text.pick("en")).strip() for p in r.operative] == texts
    assert [p.label for p in r.operative] == (
        [str(n) for n in range(1, len(texts) + 1)] if body != texts else [""] * len(texts)
    )
    assert r.unplaced == () and result.warnings == ()


OTHER_HEADS = {
    "S/RES/2718(2023)": ["The full text of resolution 2718 (2023) reads as follows:", "The Security Council,"],
    "E/RES/2023/5": [
        "United Nations",
        "E/RES/2023/5",
        "Economic and Social Council",
        "Distr.: General",
        "9 June 2023",
        "2023 session",
        "Agenda item 12 (e)",
        "Resolution adopted by the Economic and Social Council on 7 June 2023",
        "2023/5. Testing the importer",
        "The Economic and Social Council,",
    ],
    "A/HRC/RES/54/1": [
        "United Nations",
        "A/HRC/RES/54/1",
        "General Assembly",
        "Distr.: General",
        "16 October 2023",
        "Human Rights Council",
        "Fifty-fourth session",
        "Agenda item 3",
        "Promotion and protection of all human rights, civil,",
        "political, economic, social and cultural rights,",
        "including the right to development",
        "Resolution adopted by the Human Rights Council",
        "on 11 October 2023",
        "54/1. Testing the importer",
        "The Human Rights Council,",
    ],
}


@SETTINGS
@given(resolutions(), st.sampled_from(sorted(OTHER_HEADS)))
def test_generated_resolution_of_other_bodies(doc: tuple[list[Para], list[Para]], symbol: str) -> None:
    """The same paragraphs under the heads of other bodies and forms: each symbol derived, the
    body structured as under a General Assembly head."""
    pre, ops = doc
    head = OTHER_HEADS[symbol]
    text = as_text(pre, ops).replace("\n\n".join(HEAD), "\n\n".join(head), 1)
    result = import_source(source(text, "text"))
    r = result.resolution
    assert r.symbol == symbol
    check(replace(r, symbol="A/RES/99/1"), pre, ops)
    warned = [w.message for w in result.warnings]
    assert warned == (
        ["an introduction to the resolution, not part of its text: kept as an unplaced block"]
        if symbol.startswith("S/")
        else []
    )
