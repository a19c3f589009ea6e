"""Parse normalised blocks into a :class:`~generator.model.Resolution`.

The parser walks the blocks once, in the order of the official document.  The grammar (each
line form in :mod:`.lexicon`; one method per production, returning nodes or keeping what does
not fit as an unplaced block)::

    text       = head? (formula preamble operative | decision-body) closing? annex*
    head       = (masthead-line | adoption | committee | number-and-title)*      parse_head
    formula    = "The General Assembly,"                                        parse_formula
    preamble   = paragraph*                                                     parse_preamble
    operative  = (numbered | subparagraph | embedded-text)*                     parse_operative
    decision-body = (numbered | paragraph)*   (a decision without a formula)   parse_decision_body
    closing    = "42nd plenary meeting" date? | date                            parse_closing
    annex      = "Annex II" title? paragraph*                                   parse_annexes

Which alternative applies (resolution, decision or draft; the body) is decided on evidence
(:func:`.lexicon.kind_evidence`, :func:`.lexicon.body_evidence`).

- The masthead and the lines around the title may come one line per block (a PDF): an adoption
  line cut before its date, a title over several lines, a bracketed committee line over two are
  put back together.  None of them is required: a body-only text starts at its adoption line,
  its title or its formula.
- Subparagraphs nest by their labels: letters (a) ... (z), (aa) ... under a paragraph; roman
  numerals (i) ... under the letter before them, or directly under a paragraph whose first
  subparagraph is (i).  "(i)" right after "(h)" continues the letters.
- An operative paragraph that ends with a colon and is followed by text without labels (a
  declaration "Adopts the following Declaration:") carries that text as an embedded
  :class:`~generator.model.Part` until the resolution's own numbering resumes.
- After the closing formula, ``Annex`` / ``Annex II`` headings open annexes.
- A block starting in lower case continues the paragraph before it (a paragraph broken by a
  page or a blank line).  A block that fits nowhere is kept as an
  :class:`~generator.model.Unplaced` block, in place, with a warning: no text is dropped.

Every problem is collected with its source line; the caller raises them together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from generator import ids
from generator.errors import Problem
from generator.importer import lexicon
from generator.importer.lexicon import (
    RE_ADOPTED_CUT,
    RE_ADOPTED_GA,
    RE_ADOPTED_SC,
    RE_AGENDA,
    RE_ANNEX,
    RE_BODY,
    RE_CLOSING,
    RE_COMMITTEE,
    RE_COMMITTEE_NAME,
    RE_DATE,
    RE_DISTR,
    RE_DRAFT_LINE,
    RE_FORMULA,
    RE_ON_DATE,
    RE_OPERATIVE,
    RE_ORIGINAL,
    RE_READS_AS_FOLLOWS,
    RE_SC_TITLE,
    RE_SECTION,
    RE_SESSION,
    RE_SUBPARA,
    RE_SYMBOL,
    RE_TITLE,
)
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
    Localised,
    Masthead,
    Paragraph,
    ParagraphKind,
    Part,
    PartKind,
    Resolution,
    ResolutionKind,
    Session,
    Source,
    Unplaced,
    join_phrase,
)
from generator.references import find_references

_BODIES = lexicon.BODIES
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}  # fmt: skip

_ONES = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"]
_TENS_ROMAN = ["", "x", "xx", "xxx", "xl", "l"]
ROMAN = [_TENS_ROMAN[n // 10] + _ONES[n % 10] for n in range(1, 60)]
"""``i`` ... ``lix``: the roman labels of subparagraphs."""

_HEAD_LINES = lexicon.HEAD_LINES
_LEADING_ADVERBS = {"also", "further", "again", "once", "strongly", "firmly", "urgently", "deeply"}


LANGUAGE = "en"
"""The language of the texts this parser reads (its patterns are the English official forms)."""


def _en(text: str) -> Localised:
    """A text of the parsed language; empty when there is none."""
    return Localised.one(LANGUAGE, text) if text else Localised()


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


def next_roman(label: str) -> str:
    """``i`` -> ``ii``, ``iv`` -> ``v``; ``""`` after the last known numeral."""
    return ROMAN[ROMAN.index(label) + 1] if label in ROMAN[:-1] else ""


def is_operative_phrase(phrase: str) -> bool:
    """Whether an opening phrase is an operative verb (``Decides``, ``Also requests``), not a
    preambular one (``Recalling``, ``Convinced``, ``Conscious``)."""
    words = [w.lower() for w in phrase.split()]
    while len(words) > 1 and words[0] in _LEADING_ADVERBS:
        words.pop(0)
    if not words:
        return False
    head = words[0]
    return head.endswith("s") and not head.endswith(("ss", "ous", "ics")) and head.isalpha()


def _heading_like(text: str) -> bool:
    """A title or heading line: no closing punctuation, not too long, not lower case."""
    return (
        bool(text)
        and not re.search(r"[,;:.]$|\]$", text)
        and len(text.split()) <= 25
        and not text[:1].islower()
        and NOTE_MARKER.sub("", text).strip() != ""
    )


def _title_piece(text: str) -> bool:
    """A line of a title printed over several lines: no closing punctuation, not too long (it
    may start in lower case: "in the context of international security")."""
    words = len(text.split())
    if not text or re.search(r"[;:.]$|\]$", text) or words > 25:
        return False
    # A comma may end a line of a title ("... in the Teaching," / "Study, Dissemination ..."),
    # but a long line ending in a comma is a paragraph.
    return not text.endswith(",") or words <= 12


@dataclass
class _Node:
    """A paragraph under construction."""

    kind: ParagraphKind
    label: str
    phrase: str
    text: str
    line: int
    children: list[_Node] = field(default_factory=list)
    list_kind: str = ""
    """``letter`` or ``roman``: how the children are numbered ("" when none)."""
    embedded: _PartNode | None = None


@dataclass
class _PartNode:
    kind: PartKind
    heading: str
    title: str
    line: int
    items: list[_Node] = field(default_factory=list)
    expected: int = 1
    """Next paragraph number of the part's own numbering."""


@dataclass
class ParseResult:
    resolution: Resolution
    warnings: list[Problem]


@dataclass
class _Head:
    masthead: Masthead | None = None
    adoption: Adoption | None = None
    committee: Committee | None = None
    number: str = ""
    title: str = ""
    title_line: int = 0
    body: str = ""
    kind: ResolutionKind = "resolution"


class _Parser:
    def __init__(self, normalised: Normalised, path: str, source: Source, symbol: str | None) -> None:
        self.blocks = list(normalised.blocks)
        self.notes = normalised.notes
        self.path = path
        self.source = source
        self.symbol_override = symbol
        self.pos = 0
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = [Problem(path, line, message, hint="") for line, message in normalised.warnings]
        self.masthead_symbol = ""
        self.after: _Node | _PartNode | str = ""
        """The node placed last (or ``formula``, ``closing``): where an unplaced block goes."""
        self.unplaced: list[tuple[Block, _Node | _PartNode | str]] = []
        """Blocks kept in place but not structured, with what comes before them."""
        self.frozen: dict[int, str] = {}
        """``id()`` of a node under construction -> the id of its frozen paragraph or part."""

    # -- helpers ---------------------------------------------------------------------------
    def error(self, block: Block | None, message: str, hint: str = "") -> None:
        line = block.line if block else 0
        self.problems.append(Problem(self.path, line, message, block.text if block else "", hint))

    def warn(self, block: Block, message: str, hint: str = "") -> None:
        self.warnings.append(Problem(self.path, block.line, message, block.text, hint))

    def peek(self, ahead: int = 0) -> Block | None:
        i = self.pos + ahead
        return self.blocks[i] if i < len(self.blocks) else None

    def keep(self, block: Block, why: str) -> None:
        """Keep ``block`` as an unplaced block after the last node placed, with a warning."""
        self.unplaced.append((block, self.after))
        self.warn(block, f"{why}: kept as an unplaced block", "move it to its place in the structured resolution")

    def opening(self, block: Block, text: str, guess: bool = True) -> tuple[str, str]:
        """Split off the opening phrase: the source's italics when it has them, else wording."""
        lead = block.italic_lead
        if lead:
            if text.startswith(lead):
                return lead, text[len(lead) :].lstrip()
            # The same words, spaced differently (a repaired split word).
            want = lead.replace(" ", "")
            got = 0
            for i, ch in enumerate(text):
                if ch != " ":
                    if got >= len(want) or ch != want[got]:
                        break
                    got += 1
                if got == len(want):
                    return text[: i + 1], text[i + 1 :].lstrip()
        return split_opening(text) if guess else ("", text)

    # -- stages ------------------------------------------------------------------------------
    def parse(self) -> ParseResult | None:
        head = self.parse_head()
        formula, formula_line, formula_body = self.parse_formula()
        if formula:
            self.after = "formula"
        body = head.body or formula_body
        if not body and head.adoption:
            line = head.adoption.text.pick(LANGUAGE)
            m = RE_ADOPTED_GA.match(line) or RE_ADOPTED_SC.match(line)
            body = m.group("body") if m else ""
        if not body and (head.number or formula or head.title_line):
            evidence = lexicon.body_evidence((b.text for b in self.blocks[self.pos : self.pos + 5]), head.number)
            body = lexicon.decide(evidence, "")
        kind = self.decide_kind(head, body, bool(formula))
        if kind == "decision" and not formula:
            preamble, operative = [], self.parse_decision_body()
        else:
            preamble = self.parse_preamble()
            operative = self.parse_operative()
        closing = self.parse_closing()
        if closing:
            self.after = "closing"
        annexes = self.parse_annexes()
        recognised = bool(formula or head.title_line or head.number or head.adoption or head.masthead or closing)
        if not operative and not recognised:
            self.error(
                self.blocks[0] if self.blocks else None,
                "no operative paragraphs found: this does not look like a resolution",
                "a resolution has an enacting formula ('The General Assembly,') and numbered "
                "operative paragraphs ('1. Decides ...'); a decision has a number and title ('73/546. Title')",
            )
            return None
        symbol, number, body = self.derive_symbol(head.masthead, body, head.number, kind)
        if not operative and kind != "decision":
            self.warnings.append(
                Problem(
                    self.path,
                    self.blocks[0].line,
                    f"no operative paragraphs found in this {kind}",
                    hint="check the structured resolution against the official text",
                )
            )
        if self.problems:
            return None
        pre = tuple(self.freeze(n, ids.preambular_id(i)) for i, n in enumerate(preamble, 1))
        taken: set[str] = set()
        ops = tuple(self.freeze(n, ids.unique(ids.operative_id(n.label, i), taken)) for i, n in enumerate(operative, 1))
        taken_annexes: set[str] = set()
        parts = tuple(
            self.freeze_part(a, ids.unique(ids.annex_id(ids.annex_label(a.heading)), taken_annexes)) for a in annexes
        )
        unplaced = tuple(
            Unplaced(
                ids.unplaced_id(i),
                block.text,
                block.line,
                after if isinstance(after, str) else self.frozen.get(id(after), ""),
            )
            for i, (block, after) in enumerate(self.unplaced, 1)
        )
        resolution = Resolution(
            symbol=symbol,
            body=body,
            number=number,
            title=_en(head.title),
            title_line=head.title_line,
            masthead=head.masthead,
            adoption=head.adoption,
            committee=head.committee,
            formula=_en(formula),
            formula_line=formula_line,
            preamble=pre,
            operative=ops,
            footnotes=(),
            closing=closing,
            sources=(self.source,),
            annexes=parts,
            unplaced=unplaced,
            kind=kind,
        )
        resolution = replace(resolution, footnotes=self.footnotes(resolution))
        if self.problems:
            return None
        return ParseResult(resolution, self.warnings)

    def parse_head(self) -> _Head:
        """``head = masthead-line* adoption? committee? (number title-line*)?``, in any order.

        Reads: the blocks before the enacting formula (or the first paragraph of a text without
        one).  The 2023 layout prints the agenda item's title under "Agenda item 94" and the
        adoption line over two lines; a draft prints its sponsors ("Singapore: draft
        resolution") and then its title without a number.
        """
        head = _Head()
        organization = issuer = ""
        body_line = symbol_line = 0
        session: Session | None = None
        agenda: AgendaItem | None = None
        agenda_title: list[str] = []
        distribution: Distribution | None = None
        in_title = in_agenda = False
        while (block := self.peek()) is not None:
            text = block.text
            if RE_FORMULA.match(text) or RE_OPERATIVE.match(text):
                break
            if not head.title_line and not in_title and not in_agenda and self.looks_like_paragraph(block):
                break
            if (in_title or in_agenda) and block.italic_lead:
                break  # the italic opening phrase of the first paragraph ends the title
            if (
                (head.title_line or head.number)
                and not _title_piece(text)
                and not (in_title and text[:1].islower())
                and not self.head_line(text)
                and not text.startswith("[")
            ):
                break  # the body of a text without an enacting formula (a decision)
            self.pos += 1
            if RE_ADOPTED_CUT.match(text) and (nxt := self.peek()) and (m := RE_ON_DATE.match(nxt.text)):
                # "Resolution adopted by the General Assembly" / "on 22 December 2023"
                text = f"{text} {nxt.text}" if m.group("on") or text.endswith(" on") else f"{text} on {nxt.text}"
                self.pos += 1
            if text.startswith("[") and "]" not in text:
                while (nxt := self.peek()) is not None and not RE_FORMULA.match(nxt.text):
                    text = f"{text} {nxt.text}"
                    self.pos += 1
                    if "]" in nxt.text:
                        break
            matched = True
            if in_title and head.body and RE_BODY.match(text):
                # "... convened under the auspices of the" / "General Assembly": the masthead
                # has named the body already; the line ends the title.
                head.title = f"{head.title} {text}"
                continue
            if text == "United Nations":
                organization = text
            elif m := RE_BODY.match(text):
                if head.body and not issuer:
                    # "General Assembly" then "Human Rights Council": the organ whose document
                    # series it is, then the body that adopted the text.
                    issuer = head.body
                head.body, body_line = m.group("body"), block.line
            elif m := RE_SYMBOL.match(text):
                self.masthead_symbol, symbol_line = m.group("symbol").replace(" (", "("), block.line
            elif m := RE_DISTR.match(text):
                when = m.group("date")
                if when is None and (nxt := self.peek()) and RE_DATE.match(nxt.text):
                    when = nxt.text
                    self.pos += 1
                distribution = Distribution(m.group("kind"), parse_date(when) if when else None, block.line)
            elif RE_ORIGINAL.match(text):
                pass  # "Original: English": the language the text was drafted in, not of the text
            elif m := RE_SESSION.match(text):
                session = Session(session_number(m.group("ord")), _en(m.group("words")), block.line)
            elif m := RE_AGENDA.match(text):
                agenda = AgendaItem(m.group("item"), block.line)
                in_agenda = True
                continue
            elif RE_COMMITTEE_NAME.match(text):
                head.committee = Committee(_en(text), text, (), block.line)
            elif m := RE_DRAFT_LINE.match(text):
                # "Singapore: draft resolution": whose draft this is, in the adoption line's place;
                # the title follows, without a number.
                head.kind = "draft"
                head.adoption = Adoption(_en(text), None, _en(""), block.line)
                head.title_line = 0
                in_title = True
                in_agenda = False
                continue
            elif (m := RE_ADOPTED_GA.match(text)) or (m := RE_ADOPTED_SC.match(text)):
                meeting = m.groupdict().get("meeting") or ""
                if m.groupdict().get("kind") == "Decision":
                    head.kind = "decision"
                head.adoption = Adoption(_en(text), parse_date(m.group("date")), _en(meeting), block.line)
            elif m := RE_COMMITTEE.match(text):
                inner = m.group("text")
                name = re.search(
                    r"(?:the|a) ((?:First|Second|Third|Fourth|Fifth|Sixth|Special Political and Decolonization|Main) Committee)",
                    inner,
                )
                refs = tuple(r.symbol for r in find_references(inner))
                # "without reference to a Main Committee" names none.
                named = name.group(1) if name and not inner.startswith("without reference") else ""
                head.committee = Committee(_en(inner), named, refs, block.line)
            elif m := RE_TITLE.match(text):
                head.number, head.title, head.title_line = m.group("number"), m.group("title"), block.line
                if text.startswith("Decision "):
                    head.kind = "decision"
                in_title = True
                in_agenda = False
                continue
            elif m := RE_SC_TITLE.match(text):
                head.number, head.title_line = m.group("number"), block.line
            elif m := RE_READS_AS_FOLLOWS.match(text):
                # "Resolution 1234 (2010) reads as follows:": the number, in words that are not
                # the resolution's own; kept, unplaced.
                head.number, head.title_line = m.group("number"), block.line
                self.keep(block, "an introduction to the resolution, not part of its text")
            else:
                matched = False
            if matched:
                in_title = in_agenda = False
            elif in_title and (_title_piece(text) or text[:1].islower()):
                # The title continues on the next line ("... Conference on the" / "Exploration ...");
                # a line in lower case continues it even after a comma ("..., and advancing").
                head.title = f"{head.title} {text}".strip()
                head.title_line = head.title_line or block.line
            elif in_agenda and _title_piece(text):
                agenda_title.append(text)  # the agenda item's title, under "Agenda item 94"
            else:
                in_title = in_agenda = False
                self.keep(block, "a line before the enacting formula that is not part of a masthead")
        if agenda is not None and agenda_title:
            agenda = replace(agenda, title=_en(" ".join(agenda_title)))
        if organization or head.body or symbol_line or session or agenda or distribution:
            head.masthead = Masthead(
                _en(organization), body_line, symbol_line, session, agenda, distribution, _en(issuer)
            )
        return head

    @staticmethod
    def head_line(text: str) -> bool:
        return text == "United Nations" or any(r.match(text) for r in _HEAD_LINES)

    def looks_like_paragraph(self, block: Block) -> bool:
        """A block that opens the preamble of a text without an enacting formula."""
        text = block.text
        if text == "United Nations" or any(r.match(text) for r in _HEAD_LINES):
            return False
        return bool(block.italic_lead) or (len(text.split()) >= 6 and text.rstrip().endswith((",", ";")))

    def parse_formula(self) -> tuple[str, int, str]:
        block = self.peek()
        if block and (m := RE_FORMULA.match(block.text)):
            self.pos += 1
            return block.text, block.line, m.group("body")
        return "", 0, ""

    def at_end_of_body(self, block: Block) -> bool:
        return bool(RE_CLOSING.match(block.text) or RE_ANNEX.match(block.text) or self.lone_date(block))

    def lone_date(self, block: Block) -> bool:
        """A date alone at the end of the body (or before an annex): a closing formula whose
        meeting is not printed."""
        if not RE_DATE.match(block.text):
            return False
        i = self.blocks.index(block, self.pos)
        following = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
        return following is None or bool(RE_ANNEX.match(following.text))

    def parse_preamble(self) -> list[_Node]:
        nodes: list[_Node] = []
        numbered_ahead = False
        for ahead in self.blocks[self.pos :]:
            if self.at_end_of_body(ahead):
                break
            if RE_OPERATIVE.match(ahead.text):
                numbered_ahead = True
                break
        while (block := self.peek()) is not None:
            if RE_OPERATIVE.match(block.text) or self.at_end_of_body(block):
                break
            # An operative paragraph the document does not number: the only one ("Decides ..."),
            # or one that introduces a text ("Adopts the following Declaration:") whose own
            # numbered paragraphs follow.
            phrase, _ = self.opening(block, block.text)
            if is_operative_phrase(phrase) and (not numbered_ahead or block.text.rstrip().endswith(":")):
                break
            self.pos += 1
            if (m := RE_SUBPARA.match(block.text)) and nodes:
                self.add_sub(nodes[-1], block, m.group("label"), m.group("text"))
                continue
            if block.text[:1].islower() and nodes:
                self.continue_last(nodes[-1], block)
                continue
            phrase, rest = self.opening(block, block.text)
            nodes.append(_Node("preambular", "", phrase, rest, block.line))
            self.after = nodes[-1]
        return nodes

    def continue_last(self, node: _Node, block: Block) -> None:
        """A block starting in lower case continues the deepest last paragraph."""
        while node.children:
            node = node.children[-1]
        node.text = f"{node.text} {block.text}".strip()
        self.warn(block, "a block that starts in lower case: joined to the paragraph before it")

    def parse_operative(self) -> list[_Node]:
        nodes: list[_Node] = []
        expected = 1
        unnumbered = False
        part: _PartNode | None = None
        while (block := self.peek()) is not None:
            if self.at_end_of_body(block):
                break
            self.pos += 1
            m = RE_OPERATIVE.match(block.text)
            if part is not None and nodes:
                if self.ends_part(part, block, m, expected):
                    part = None
                else:
                    self.add_part_item(part, block)
                    continue
            if m:
                label = m.group("label")
                if int(label) != expected:
                    self.warn(block, f"operative paragraph {label} where {expected} was expected")
                expected = int(label) + 1
                phrase, rest = self.opening(block, m.group("text"))
                nodes.append(_Node("operative", label, phrase, rest, block.line))
                self.after = nodes[-1]
            elif (sub := RE_SUBPARA.match(block.text)) and nodes:
                self.add_sub(nodes[-1], block, sub.group("label"), sub.group("text"))
            elif nodes and nodes[-1].text.rstrip().endswith(":") and not nodes[-1].children:
                part = _PartNode("embedded", "", "", block.line)
                nodes[-1].embedded = part
                self.add_part_item(part, block)
            elif block.text[:1].islower() and nodes:
                self.continue_last(nodes[-1], block)
            elif not nodes or unnumbered:
                # A resolution whose operative part is not numbered ("The General Assembly,
                # ... Decides ..."): each paragraph by its position.
                unnumbered = True
                phrase, rest = self.opening(block, block.text)
                nodes.append(_Node("operative", "", phrase, rest, block.line))
                self.after = nodes[-1]
            else:
                self.keep(block, "operative text that is neither a numbered paragraph nor a subparagraph")
        return nodes

    def ends_part(self, part: _PartNode, block: Block, m: re.Match[str] | None, expected: int) -> bool:
        """Whether ``block`` resumes the resolution's numbering after an embedded text."""
        if not m:
            return False
        number = int(m.group("label"))
        if number != expected:
            return False
        if number != part.expected:
            return True
        # Both numberings expect this number: an operative verb decides.
        return bool(block.italic_lead and is_operative_phrase(block.italic_lead)) or is_operative_phrase(
            split_opening(m.group("text"))[0]
        )

    def add_part_item(self, part: _PartNode, block: Block) -> None:
        text = block.text
        if not part.items and not part.title and _heading_like(text) and not RE_OPERATIVE.match(text):
            part.title = text
            self.after = part
            return
        if m := RE_OPERATIVE.match(text):
            phrase, rest = self.opening(block, m.group("text"), guess=False)
            part.items.append(_Node("text", m.group("label"), phrase, rest, block.line))
            part.expected = int(m.group("label")) + 1
        elif (sub := RE_SUBPARA.match(text)) and part.items:
            self.add_sub(part.items[-1], block, sub.group("label"), sub.group("text"))
            return
        elif m := RE_SECTION.match(text):
            part.items.append(_Node("heading", m.group("label"), "", m.group("text"), block.line))
        elif text[:1].islower() and part.items:
            self.continue_last(part.items[-1], block)
            return
        else:
            kind: ParagraphKind = "heading" if _heading_like(text) else "text"
            phrase, rest = self.opening(block, text, guess=False) if kind == "text" else ("", text)
            part.items.append(_Node(kind, "", phrase, rest, block.line))
        self.after = part.items[-1]

    def add_sub(self, parent: _Node, block: Block, label: str, text: str) -> None:
        """Attach (a)... or (i)... under ``parent``; see the module docstring."""
        phrase, rest = self.opening(block, text, guess=self.verbs_in_subparagraphs(parent))
        node = _Node("subparagraph", label, phrase, rest, block.line)
        last = parent.children[-1] if parent.children else None
        if last is None:
            if label in ROMAN:
                parent.list_kind = "roman"
                if label != "i":
                    self.warn(block, f"subparagraph ({label}) where (i) was expected")
            else:
                parent.list_kind = "letter"
                if label != "a":
                    self.warn(block, f"subparagraph ({label}) where (a) was expected")
            parent.children.append(node)
        elif parent.list_kind == "letter":
            inner = last.children[-1] if last.children else None
            if inner is not None and last.list_kind == "roman" and label == next_roman(inner.label):
                last.children.append(node)
            elif label == next_letter(last.label):
                parent.children.append(node)
            elif label == "i":
                last.list_kind = "roman"
                last.children.append(node)
            elif inner is not None and last.list_kind == "roman" and label in ROMAN:
                self.warn(block, f"subparagraph ({label}) where ({next_roman(inner.label)}) was expected")
                last.children.append(node)
            else:
                self.warn(block, f"subparagraph ({label}) where ({next_letter(last.label)}) was expected")
                parent.children.append(node)
        else:
            if label == next_roman(last.label):
                parent.children.append(node)
            elif label == "a" and not last.children:
                last.list_kind = "letter"
                last.children.append(node)
            elif last.children and last.list_kind == "letter" and label == next_letter(last.children[-1].label):
                last.children.append(node)
            else:
                self.warn(block, f"subparagraph ({label}) where ({next_roman(last.label)}) was expected")
                parent.children.append(node)
        self.after = node

    def verbs_in_subparagraphs(self, parent: _Node) -> bool:
        """Whether subparagraphs carry their own opening verbs: their paragraph is only an
        introductory phrase ("Acting under Chapter VII of the Charter of the United Nations,")."""
        head = parent.phrase.split()[0].lower() if parent.phrase else ""
        return parent.kind == "operative" and head.endswith("ing") and parent.text.rstrip().endswith(",")

    def parse_closing(self) -> Closing | None:
        block = self.peek()
        if block and self.lone_date(block):
            self.pos += 1
            return Closing(_en(""), parse_date(block.text), block.line)
        if not block or not (m := RE_CLOSING.match(block.text)):
            return None
        self.pos += 1
        when = parse_date(m.group("date")) if m.group("date") else None
        if when is None and (nxt := self.peek()) and RE_DATE.match(nxt.text):
            when = parse_date(nxt.text)
            self.pos += 1
        return Closing(_en(m.group("meeting")), when, block.line)

    def parse_annexes(self) -> list[_PartNode]:
        annexes: list[_PartNode] = []
        while (block := self.peek()) is not None:
            self.pos += 1
            if RE_ANNEX.match(block.text):
                annexes.append(_PartNode("annex", block.text, "", block.line))
                self.after = annexes[-1]
            elif annexes:
                self.add_part_item(annexes[-1], block)
            elif RE_CLOSING.match(block.text) or RE_DATE.match(block.text):
                self.keep(block, "a second closing formula")
            else:
                self.keep(block, "text after the closing formula that is not an annex")
        return annexes

    # -- model -------------------------------------------------------------------------------
    def freeze(self, node: _Node, node_id: str) -> Paragraph:
        taken: set[str] = set()
        children = tuple(
            self.freeze(c, ids.unique(ids.subparagraph_id(node_id, c.label), taken)) for c in node.children
        )
        embedded = self.freeze_part(node.embedded, ids.embedded_id(node_id)) if node.embedded else None
        self.frozen[id(node)] = node_id
        phrase, text = node.phrase, node.text
        if node.children and self.verbs_in_subparagraphs(node) and text.endswith(","):
            # "Acting under Chapter VII of the Charter of the United Nations," introduces its
            # subparagraphs' verbs; the official text sets the whole clause in italics.
            phrase, text = join_phrase(phrase, text[:-1].rstrip()), ","
        return Paragraph(
            node_id, node.kind, node.label, _en(phrase), Localised.one(LANGUAGE, text), node.line, children, embedded
        )

    def freeze_part(self, part: _PartNode, part_id: str) -> Part:
        taken: set[str] = set()
        paragraphs: list[Paragraph] = []
        unnumbered = 0
        for item in part.items:
            unnumbered += 0 if item.label else 1
            paragraphs.append(
                self.freeze(item, ids.unique(ids.part_paragraph_id(part_id, item.label, unnumbered), taken))
            )
        self.frozen[id(part)] = part_id
        label = ids.annex_label(part.heading) if part.kind == "annex" else ""
        return Part(part_id, part.kind, _en(part.heading), _en(part.title), part.line, tuple(paragraphs), label)

    def footnotes(self, resolution: Resolution) -> tuple[Footnote, ...]:
        from generator.validate import marked_texts

        defined = {n.number for n in self.notes}
        cited: dict[str, list[str]] = {}
        for node_id, node_line, text in marked_texts(resolution):
            for m in NOTE_MARKER.finditer(text):
                if m.group(1) not in defined:
                    self.problems.append(
                        Problem(
                            self.path,
                            node_line,
                            f"footnote marker {m.group(1)} has no footnote text",
                            text,
                            "add the footnote's text, or remove the marker",
                        )
                    )
                ids_ = cited.setdefault(m.group(1), [])
                if node_id not in ids_:
                    ids_.append(node_id)
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
            out.append(Footnote(note.number, _en(note.text), note.line, tuple(cited.get(note.number, ()))))
        return tuple(sorted(out, key=lambda f: int(f.number)))

    def decide_kind(self, head: _Head, body: str, has_formula: bool) -> ResolutionKind:
        """Resolution, decision or draft, by the strongest evidence (see :func:`lexicon.kind_evidence`)."""
        symbol = self.symbol_override or self.masthead_symbol
        evidence = lexicon.kind_evidence(symbol, head.kind, body, head.number, has_formula)
        verdict = lexicon.decide(evidence, "resolution")
        return "decision" if verdict == "decision" else "draft" if verdict == "draft" else "resolution"

    def parse_decision_body(self) -> list[_Node]:
        """``decision-body = (numbered | subparagraph | paragraph)*``: a decision without an
        enacting formula; each paragraph an operative paragraph, numbered or by its position."""
        nodes: list[_Node] = []
        while (block := self.peek()) is not None and not self.at_end_of_body(block):
            self.pos += 1
            if m := RE_OPERATIVE.match(block.text):
                phrase, rest = self.opening(block, m.group("text"), guess=False)
                nodes.append(_Node("operative", m.group("label"), phrase, rest, block.line))
            elif (sub := RE_SUBPARA.match(block.text)) and nodes:
                self.add_sub(nodes[-1], block, sub.group("label"), sub.group("text"))
                continue
            elif block.text[:1].islower() and nodes:
                self.continue_last(nodes[-1], block)
                continue
            else:
                phrase, rest = self.opening(block, block.text, guess=False)
                nodes.append(_Node("operative", "", phrase, rest, block.line))
            self.after = nodes[-1]
        return nodes

    def derive_symbol(
        self, masthead: Masthead | None, body: str, number: str, kind: ResolutionKind = "resolution"
    ) -> tuple[str, str, str]:
        """(symbol, number, body): from the text, or from ``--symbol`` for what it does not print."""
        derived = lexicon.resolution_symbol(body, number, kind) if kind != "draft" else ""
        if self.masthead_symbol and derived and self.masthead_symbol != derived:
            self.warnings.append(
                Problem(
                    self.path,
                    masthead.symbol_line if masthead else 0,
                    f"masthead symbol {self.masthead_symbol} differs from {derived}, derived from the number",
                )
            )
        symbol = self.symbol_override or self.masthead_symbol or derived
        if self.symbol_override and derived and derived != self.symbol_override:
            self.warnings.append(
                Problem(self.path, 0, f"--symbol {self.symbol_override} differs from {derived}, printed in the text")
            )
        if symbol:
            body = body or lexicon.body_of_symbol(symbol)
            number = number or lexicon.number_of_symbol(symbol)
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
        return symbol, number, body


def parse(
    normalised: Normalised, path: str, source: Source, symbol: str | None = None
) -> tuple[ParseResult | None, list[Problem]]:
    """Structure ``normalised``; return the result, or None and the problems found."""
    parser = _Parser(normalised, path, source, symbol)
    if not normalised.blocks:
        return None, [Problem(path, 0, "the file has no text")]
    result = parser.parse()
    return result, parser.problems


__all__ = ["ParseResult", "is_operative_phrase", "next_letter", "next_roman", "parse", "parse_date"]
