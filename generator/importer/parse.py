"""Parse normalised blocks into a :class:`~generator.model.Resolution`.

The parser walks the blocks once, in the order of the official document:
masthead -> number and title -> enacting formula -> preambular paragraphs -> operative
paragraphs (with (a)/(i) subparagraphs) -> closing formula.  Every problem is collected with its
source line; the caller raises them together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from generator import ids
from generator.errors import Problem
from generator.importer.normalise import Block, Normalised
from generator.importer.phrases import split_opening
from generator.model import (
    NOTE_MARKER,
    Adoption,
    AgendaItem,
    Closing,
    Committee,
    Distribution,
    Footnote,
    Masthead,
    Paragraph,
    Resolution,
    Session,
    Source,
)
from generator.references import find_references

_DATE = r"[0-9]{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) [0-9]{4}"
_BODIES = {"General Assembly": "A", "Security Council": "S", "Economic and Social Council": "E"}
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}  # fmt: skip

RE_BODY = re.compile(rf"^(?P<body>{'|'.join(_BODIES)})$")
RE_SYMBOL = re.compile(r"^(?P<symbol>[AS]/RES/\S+(?: \([0-9]{4}\))?)$")
RE_DISTR = re.compile(rf"^Distr\.: (?P<kind>[A-Z][a-z]+)(?: (?P<date>{_DATE}))?$")
RE_DATE = re.compile(rf"^(?P<date>{_DATE})$")
RE_SESSION = re.compile(r"^(?P<words>(?P<ord>[A-Z][a-z]+(?:-[a-z]+)?) (?:emergency special |special )?session)$")
RE_AGENDA = re.compile(r"^Agenda items? (?P<item>.+)$")
RE_ADOPTED_GA = re.compile(rf"^Resolution adopted by the (?P<body>[A-Z][A-Za-z ]+?) on (?P<date>{_DATE})$")
RE_ADOPTED_SC = re.compile(
    rf"^Adopted (?:unanimously )?by the (?P<body>Security Council) at its (?P<meeting>[0-9]+(?:st|nd|rd|th) meeting), on (?P<date>{_DATE})$"
)
RE_COMMITTEE = re.compile(r"^\[(?P<text>.+)\]$")
RE_TITLE = re.compile(r"^(?P<number>(?:ES-[0-9]+|S-[0-9]+|[0-9]{1,3})/[0-9]{1,4})\.\s+(?P<title>.+)$")
RE_SC_TITLE = re.compile(r"^Resolution (?P<number>[0-9]{1,5} \([0-9]{4}\))$")
RE_FORMULA = re.compile(r"^The (?P<body>[A-Z][A-Za-z ]+),$")
RE_OPERATIVE = re.compile(r"^(?P<label>[0-9]{1,3})\.\s+(?P<text>.*)$")
RE_SUBPARA = re.compile(r"^\((?P<label>[a-z]{1,3}|[ivxlc]{1,6})\)\s+(?P<text>.*)$")
RE_CLOSING = re.compile(r"^(?P<meeting>[0-9]+(?:st|nd|rd|th) (?:plenary )?meeting)$")

_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii",
          "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"]  # fmt: skip


def parse_date(text: str) -> date | None:
    try:
        return datetime.strptime(text, "%d %B %Y").date()
    except ValueError:
        return None


def session_number(words: str) -> int | None:
    """``Seventy-third`` -> 73."""
    word = words.split()[0].lower()
    if word in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[word]
    if "-" in word:
        tens, unit = word.split("-", 1)
        if tens in _TENS and unit in _ORDINAL_WORDS and _ORDINAL_WORDS[unit] < 10:
            return _TENS[tens] + _ORDINAL_WORDS[unit]
    return None


def next_letter(label: str) -> str:
    """``a`` -> ``b``, ``z`` -> ``aa``, ``aa`` -> ``bb`` (UN style doubles the letter)."""
    if label == "z":
        return "aa"
    if len(label) > 1 and len(set(label)) == 1:
        return chr(ord(label[0]) + 1) * len(label) if label[0] != "z" else "a" * (len(label) + 1)
    return chr(ord(label[-1]) + 1)


@dataclass
class _Node:
    """A paragraph under construction."""

    kind: str
    label: str
    phrase: str
    text: str
    line: int
    children: list[_Node] = field(default_factory=list)
    letter_run: str = ""
    """Last letter label among the children ("" when none)."""
    roman_run: str = ""


@dataclass
class ParseResult:
    resolution: Resolution
    warnings: list[Problem]


class _Parser:
    def __init__(self, normalised: Normalised, path: str, source: Source, symbol: str | None) -> None:
        self.blocks = list(normalised.blocks)
        self.notes = normalised.notes
        self.path = path
        self.source = source
        self.symbol_override = symbol
        self.pos = 0
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    # -- helpers ---------------------------------------------------------------------------
    def error(self, block: Block | None, message: str, hint: str = "") -> None:
        line = block.line if block else 0
        self.problems.append(Problem(self.path, line, message, block.text if block else "", hint))

    def warn(self, block: Block, message: str, hint: str = "") -> None:
        self.warnings.append(Problem(self.path, block.line, message, block.text, hint))

    def peek(self) -> Block | None:
        return self.blocks[self.pos] if self.pos < len(self.blocks) else None

    def opening(self, block: Block, text: str) -> tuple[str, str]:
        """Split off the opening phrase: the source's italics when it has them, else wording."""
        lead = block.italic_lead
        if lead and text.startswith(lead):
            return lead, text[len(lead) :].lstrip()
        return split_opening(text)

    # -- stages ------------------------------------------------------------------------------
    def parse(self) -> ParseResult | None:
        masthead, adoption, committee, number, title, title_line, body = self.parse_head()
        formula, formula_line, formula_body = self.parse_formula()
        body = body or formula_body or (adoption.text.split(" by the ")[1].split(" ")[0] if False else "")
        if not body and adoption:
            m = RE_ADOPTED_GA.match(adoption.text) or RE_ADOPTED_SC.match(adoption.text)
            body = m.group("body") if m else ""
        preamble = self.parse_preamble()
        operative = self.parse_operative()
        closing = self.parse_closing()
        for block in self.blocks[self.pos :]:
            self.error(block, "text after the closing formula that the importer cannot place")
        symbol = self.derive_symbol(masthead, body, number)
        if not operative:
            self.error(
                self.blocks[0] if self.blocks else None,
                "no operative paragraphs found: this does not look like a resolution",
                "operative paragraphs are numbered: '1. Decides ...'",
            )
        if self.problems:
            return None
        pre = tuple(self.freeze(n, ids.preambular_id(i)) for i, n in enumerate(preamble, 1))
        taken: set[str] = set()
        ops = tuple(self.freeze(n, ids.unique(ids.operative_id(n.label), taken)) for n in operative)
        footnotes = self.footnotes((*pre, *ops))
        if self.problems:
            return None
        resolution = Resolution(
            symbol=symbol,
            body=body,
            number=number,
            title=title,
            title_line=title_line,
            masthead=masthead,
            adoption=adoption,
            committee=committee,
            formula=formula,
            formula_line=formula_line,
            preamble=pre,
            operative=ops,
            footnotes=footnotes,
            closing=closing,
            source=self.source,
        )
        return ParseResult(resolution, self.warnings)

    def parse_head(
        self,
    ) -> tuple[Masthead | None, Adoption | None, Committee | None, str, str, int, str]:
        organization = ""
        body = ""
        body_line = symbol_line = 0
        session: Session | None = None
        agenda: AgendaItem | None = None
        distribution: Distribution | None = None
        adoption: Adoption | None = None
        committee: Committee | None = None
        number = title = ""
        title_line = 0
        self.masthead_symbol = ""
        while (block := self.peek()) is not None:
            text = block.text
            if RE_FORMULA.match(text) or RE_OPERATIVE.match(text):
                break
            self.pos += 1
            if text == "United Nations":
                organization = text
            elif m := RE_BODY.match(text):
                body, body_line = m.group("body"), block.line
            elif m := RE_SYMBOL.match(text):
                self.masthead_symbol, symbol_line = m.group("symbol").replace(" (", "("), block.line
            elif m := RE_DISTR.match(text):
                when = m.group("date")
                if when is None and (nxt := self.peek()) and RE_DATE.match(nxt.text):
                    when = nxt.text
                    self.pos += 1
                distribution = Distribution(m.group("kind"), parse_date(when) if when else None, block.line)
            elif m := RE_SESSION.match(text):
                session = Session(session_number(m.group("ord")), m.group("words"), block.line)
            elif m := RE_AGENDA.match(text):
                agenda = AgendaItem(m.group("item"), block.line)
            elif (m := RE_ADOPTED_GA.match(text)) or (m := RE_ADOPTED_SC.match(text)):
                meeting = m.groupdict().get("meeting") or ""
                adoption = Adoption(text, parse_date(m.group("date")), meeting, block.line)
            elif m := RE_COMMITTEE.match(text):
                inner = m.group("text")
                name = re.search(
                    r"(?:the|a) ((?:First|Second|Third|Fourth|Fifth|Sixth|Special Political and Decolonization|Main) Committee)",
                    inner,
                )
                refs = tuple(r.symbol for r in find_references(inner))
                committee = Committee(inner, name.group(1) if name else "", refs, block.line)
            elif m := RE_TITLE.match(text):
                number, title, title_line = m.group("number"), m.group("title"), block.line
            elif m := RE_SC_TITLE.match(text):
                number, title_line = m.group("number"), block.line
            else:
                self.error(
                    block,
                    "line before the enacting formula that is not part of a masthead",
                    "expected a masthead line ('Distr.: General', 'Agenda item 96', ...), "
                    "'73/266. Title' or the formula 'The General Assembly,'",
                )
        masthead = None
        if organization or body or symbol_line or session or agenda or distribution:
            masthead = Masthead(organization, body_line, symbol_line, session, agenda, distribution)
        return masthead, adoption, committee, number, title, title_line, body

    def parse_formula(self) -> tuple[str, int, str]:
        block = self.peek()
        if block and (m := RE_FORMULA.match(block.text)):
            self.pos += 1
            return block.text, block.line, m.group("body")
        return "", 0, ""

    def parse_preamble(self) -> list[_Node]:
        nodes: list[_Node] = []
        while (block := self.peek()) is not None:
            if RE_OPERATIVE.match(block.text) or RE_CLOSING.match(block.text):
                break
            self.pos += 1
            if (m := RE_SUBPARA.match(block.text)) and nodes:
                self.add_sub(nodes[-1], block, m.group("label"), m.group("text"))
                continue
            phrase, rest = self.opening(block, block.text)
            nodes.append(_Node("preambular", "", phrase, rest, block.line))
        return nodes

    def parse_operative(self) -> list[_Node]:
        nodes: list[_Node] = []
        expected = 1
        while (block := self.peek()) is not None:
            if RE_CLOSING.match(block.text):
                break
            self.pos += 1
            if m := RE_OPERATIVE.match(block.text):
                label = m.group("label")
                if int(label) != expected:
                    self.warn(block, f"operative paragraph {label} where {expected} was expected")
                expected = int(label) + 1
                phrase, rest = self.opening(block, m.group("text"))
                nodes.append(_Node("operative", label, phrase, rest, block.line))
            elif (m := RE_SUBPARA.match(block.text)) and nodes:
                self.add_sub(nodes[-1], block, m.group("label"), m.group("text"))
            else:
                self.error(
                    block,
                    "operative text that is neither a numbered paragraph nor a subparagraph",
                    "operative paragraphs start '1. ', subparagraphs '(a) ' or '(i) '",
                )
        return nodes

    def add_sub(self, parent: _Node, block: Block, label: str, text: str) -> None:
        """Attach (a)... or (i)... under ``parent``; "(i)" after "(h)" is a letter."""
        is_roman = label in _ROMAN
        continues_letters = bool(parent.letter_run) and label == next_letter(parent.letter_run)
        roman_next = _ROMAN[_ROMAN.index(parent.roman_run) + 1] if parent.roman_run in _ROMAN[:-1] else "i"
        italic_lead = block.italic_lead
        phrase, rest = ("", text)
        if italic_lead and text.startswith(italic_lead):
            phrase, rest = italic_lead, text[len(italic_lead) :].lstrip()
        node = _Node("subparagraph", label, phrase, rest, block.line)
        if is_roman and not continues_letters and (label == roman_next or label == "i"):
            owner = parent.children[-1] if parent.letter_run and parent.children else parent
            if owner is not parent:
                owner.roman_run = label
            else:
                parent.roman_run = label
            owner.children.append(node)
            return
        if parent.letter_run and label != next_letter(parent.letter_run):
            self.warn(block, f"subparagraph ({label}) where ({next_letter(parent.letter_run)}) was expected")
        parent.letter_run = label
        parent.roman_run = ""
        parent.children.append(node)

    def parse_closing(self) -> Closing | None:
        block = self.peek()
        if not block or not (m := RE_CLOSING.match(block.text)):
            return None
        self.pos += 1
        when = None
        if (nxt := self.peek()) and RE_DATE.match(nxt.text):
            when = parse_date(nxt.text)
            self.pos += 1
        return Closing(m.group("meeting"), when, block.line)

    # -- model -------------------------------------------------------------------------------
    def freeze(self, node: _Node, node_id: str) -> Paragraph:
        taken: set[str] = set()
        children = tuple(
            self.freeze(c, ids.unique(ids.subparagraph_id(node_id, c.label), taken)) for c in node.children
        )
        kind = node.kind if node.kind in ("preambular", "operative") else "subparagraph"
        return Paragraph(node_id, kind, node.label, node.phrase, node.text, node.line, children)  # type: ignore[arg-type]

    def footnotes(self, paragraphs: tuple[Paragraph, ...]) -> tuple[Footnote, ...]:
        cited: dict[str, list[str]] = {}
        for top in paragraphs:
            for p in top.walk():
                for m in NOTE_MARKER.finditer(p.full_text):
                    if m.group(1) not in {n.number for n in self.notes}:
                        self.problems.append(
                            Problem(
                                self.path,
                                p.line,
                                f"footnote marker {m.group(1)} has no footnote text",
                                p.full_text,
                                "add the footnote's text, or remove the marker",
                            )
                        )
                    ids_ = cited.setdefault(m.group(1), [])
                    if p.id not in ids_:
                        ids_.append(p.id)
        out = []
        seen: set[str] = set()
        for note in self.notes:
            if note.number in seen:
                self.problems.append(
                    Problem(self.path, note.line, f"footnote {note.number} is defined twice", note.text)
                )
                continue
            seen.add(note.number)
            if note.number not in cited:
                self.warnings.append(
                    Problem(self.path, note.line, f"footnote {note.number} is never cited in the text", note.text)
                )
            out.append(Footnote(note.number, note.text, note.line, tuple(cited.get(note.number, ()))))
        return tuple(sorted(out, key=lambda f: int(f.number)))

    def derive_symbol(self, masthead: Masthead | None, body: str, number: str) -> str:
        if self.symbol_override:
            return self.symbol_override
        derived = ""
        if number and body in _BODIES:
            derived = f"{_BODIES[body]}/RES/{number.replace(' (', '(')}"
        if self.masthead_symbol and derived and self.masthead_symbol != derived:
            self.warnings.append(
                Problem(
                    self.path,
                    masthead.symbol_line if masthead else 0,
                    f"masthead symbol {self.masthead_symbol} differs from {derived}, derived from the number",
                )
            )
        symbol = self.masthead_symbol or derived
        if not symbol:
            self.problems.append(
                Problem(
                    self.path,
                    self.blocks[0].line if self.blocks else 0,
                    "cannot tell which resolution this is: no symbol, or body and number, found",
                    self.blocks[0].text if self.blocks else "",
                    "the text should have a line like '73/266. Title' and name its body; "
                    "or give the symbol with --symbol",
                )
            )
        return symbol


def parse(
    normalised: Normalised, path: str, source: Source, symbol: str | None = None
) -> tuple[ParseResult | None, list[Problem]]:
    """Structure ``normalised``; return the result, or None and the problems found."""
    parser = _Parser(normalised, path, source, symbol)
    if not normalised.blocks:
        return None, [Problem(path, 0, "the file has no text")]
    result = parser.parse()
    return result, parser.problems


__all__ = ["ParseResult", "parse", "parse_date", "replace"]
