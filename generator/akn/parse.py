"""One language version of a resolution in Akoma Ntoso (AKN4UN) -> a structured resolution.

The grammar the General Assembly's files follow (element names of Akoma Ntoso 3.0)::

    akomaNtoso  = statement | documentCollection components
    statement   = meta coverPage? preface preamble? mainBody conclusions? attachments?
    coverPage   = docAuthority docNumber docStatus docDate session "agenda item" "agenda item name"
                  docTitle (the adoption line) docProponent (the committee line)
    preface     = docNumber ("74/28.") docTitle
    preamble    = formula (container | p | blockList)*          -- one container per paragraph
    mainBody    = (paragraph | section | part | crossHeading | subheading | container | table)*
    paragraph   = num? (content | list | subheading | heading)  -- a paragraph, a subparagraph
                                                                  -- "(a)" or a heading
    list        = intro point* ; point = num content | num list
    conclusions = p (meeting, docDate)
    attachments = attachment*  ; attachment = doc (mainBody as above: an annex)
    documentCollection = coverPage preface collectionBody (documentRef to components)

The files are flat where the printed text is not: most subparagraphs are ``<paragraph>``
elements of their own, numbered ``(a)`` in ``<num>`` or only in their text ("(a)\\tTo be
guided ..."), and headings are paragraphs too.  So the body is first read into a flat list of
:class:`Item` (a paragraph, a point of a list with its depth, a heading, a table), then
structured by one pass that nests items by their numbering, as the text importer does:

- ``1.`` opens an operative paragraph; ``(a)`` ... ``(z)``, ``(aa)`` nest under it, ``(i)`` ...
  under the letter before them (or directly under the paragraph when it starts with ``(i)``);
  "(i)" right after "(h)" continues the letters; a point of a list nests by its depth;
- an unnumbered paragraph before any numbered one is an unnumbered operative paragraph, unless
  paragraph 1 follows it directly: then it is a preambular paragraph marked operative (a flaw of
  the source, reported);
- an operative paragraph that ends with a colon and is followed by a heading, or by a numbering
  that starts again, carries what follows as an embedded text until its own numbering resumes;
- an unnumbered paragraph after numbered ones is a block under the paragraph before it
  (``op-3-t1``: a schedule after "as follows:", a note under a table);
- headings stay with the paragraph they stand before; a table with the paragraph before it.

Every text of the file reaches the result; what cannot be placed is kept as an unplaced block,
in place, with a warning.  Ids are given in one pass at the end (:func:`generator.validate.assign_ids`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date

from lxml import etree

from generator import ids, numbering
from generator.akn.inline import Inline, Note, read_inline, read_note, text_of
from generator.akn.xml import AKN_NS, line_of, local, parse_xml
from generator.errors import Problem, UnstructurableTextError
from generator.model import (
    EMPTY,
    NOTE_MARKER,
    Adoption,
    AgendaItem,
    Cell,
    Closing,
    Committee,
    Component,
    Distribution,
    Footnote,
    Heading,
    Localised,
    Masthead,
    Paragraph,
    ParagraphKind,
    Part,
    Procedure,
    Resolution,
    ResolutionKind,
    Session,
    Source,
    Spans,
    Subject,
    Table,
    Unplaced,
)
from generator.numbering import System

LANGUAGE_CODES = {
    "eng": "en", "fra": "fr", "fre": "fr", "spa": "es", "rus": "ru", "ara": "ar", "zho": "zh", "chi": "zh",
    "deu": "de", "ger": "de", "por": "pt", "ita": "it", "jpn": "ja",
}  # fmt: skip
"""ISO 639-2 (what ``FRBRlanguage`` holds) -> ISO 639-1 (what the structured resolution uses)."""

HEADING_CLASSES = {"H1", "H23", "H4", "HCh", "HM", "H56"}

UNPLACED = "unplaced"
"""``<container name="unplaced">``: a block the structured resolution could not place, exported
where it stands and read back as such (:mod:`generator.akn.export`)."""
RECITAL = "recital"
"""``<hcontainer name="recital">``: a preambular paragraph amid the operative part (the
preamble of one of its sections), as exported."""
"""Paragraph classes of the UN's word processor that print a heading."""

_ANNEX_WORDS = ("annex", "annexe", "anexo", "приложение", "المرفق", "مرفق", "附件", "anlage")
_WORK = re.compile(r"/(?P<session>(?:ES-|S-)?[0-9]+)-(?P<number>[0-9]+)(?P<suffix>[A-Z](?:-[A-Z])?)?/(?:!main/?)?$")
_NUMBER_LABEL = re.compile(
    r"^(?:\((?P<paren>[^\s()]{1,6})\)|(?P<right>[^\s()]{1,4})\)|’(?P<quoted>[0-9٠-٩]{1,3})‘"
    r"|(?P<number>[0-9٠-٩]{1,3})(?:\.| ?[-–—])|(?P<circled>[㈠-㈩]))(?=\s|$)"
)
_BARE_NUMBER = re.compile(r"^\s*([0-9]{1,3})\t")


def language_code(value: str) -> str:
    """``eng`` -> ``en``; a two-letter code as it is; ``""`` when unknown."""
    value = value.strip().lower()
    if len(value) == 2 and value.isalpha():
        return value
    return LANGUAGE_CODES.get(value, "")


def symbol_of_work(work: str) -> tuple[str, str] | None:
    """``/akn/un/statement/deliberation/unga/2019-12-12/74-28/!main/`` -> (``A/RES/74/28``,
    ``74/28``); ``77-128A-B`` -> (``A/RES/77/128A-B``, ``77/128 A-B``)."""
    m = _WORK.search(work)
    if not m or "/unga/" not in work:
        return None
    suffix = m.group("suffix") or ""
    number = f"{m.group('session')}/{m.group('number')}"
    return f"A/RES/{number}{suffix}", f"{number} {suffix}".strip()


def group_key(symbol: str, collection: bool) -> str:
    """What the language versions of one resolution share: its symbol; for a publication of
    several resolutions (A-B), the symbol without its letters, which some versions leave out."""
    return re.sub(r"(?<=[0-9])[A-Z](?:-[A-Z])?$", "", symbol) + "#collection" if collection else symbol


_PRINTED_SYMBOL = re.compile(r"^A/RES/(?P<number>(?:ES-|S-)?[0-9]+/[0-9]+)(?P<suffix>[A-Z](?:-[A-Z])?)?$")


def resolve_symbol(work: str, printed: str) -> tuple[str, str, bool]:
    """(symbol, number, whether the printed symbol and the work disagree) from the FRBR work and
    the symbol printed on the cover.

    The printed one wins when it only adds a letter the work lacks (``A/RES/75/245 B`` for the
    work ``75-245``), and when it names another resolution altogether (a French file whose work
    says ``76-226`` but whose cover and text are those of A/RES/78/226): it is what the text is.
    """
    derived = symbol_of_work(work)
    compact = printed.replace(" ", "").replace("\u00a0", "")
    if derived is None:
        return compact, "", False
    symbol, number = derived
    if not compact or compact == symbol:
        return symbol, number, False
    suffix = compact[len(symbol) :] if compact.startswith(symbol) else ""
    if suffix and re.fullmatch(r"[A-Z](?:-[A-Z])?", suffix):
        return compact, f"{number} {suffix}", False
    m = _PRINTED_SYMBOL.match(compact)
    if m and not symbol.startswith(compact):
        return compact, f"{m.group('number')} {m.group('suffix') or ''}".strip(), True
    return symbol, number, True


# -- flat items ---------------------------------------------------------------------------------


@dataclass
class TableData:
    rows: list[list[tuple[Inline, bool, int, int]]]
    eid: str
    line: int


@dataclass
class Item:
    """One block of a body, in document order, before it is structured."""

    kind: str
    """``para`` (a paragraph or a subparagraph), ``point`` (a point of a list: its ``depth`` is
    known), ``heading``, ``table``, ``more`` (a further ``<p>`` of the paragraph before)."""
    num: str
    inline: Inline
    eid: str
    line: int
    depth: int = 0
    cls: str = ""
    table: TableData | None = None
    explicit_num: bool = True
    """Whether ``num`` came from a ``<num>`` element (not from the text)."""


def _children(el: etree._Element) -> Iterator[etree._Element]:
    for child in el:
        if isinstance(child.tag, str):
            yield child


def _child(el: etree._Element, name: str) -> etree._Element | None:
    return next((c for c in _children(el) if local(c.tag) == name), None)


def _text_of(el: etree._Element | None) -> str:
    return " ".join(text_of(el).split()) if el is not None else ""


# -- the parser ---------------------------------------------------------------------------------


@dataclass
class _Node:
    """A paragraph under construction."""

    kind: ParagraphKind
    label: str
    system: System | str
    num: str
    phrase: str
    inline: Inline
    eid: str
    line: int
    children: list[_Node] = field(default_factory=list)
    headings: list[_Heading] = field(default_factory=list)
    tables: list[TableData] = field(default_factory=list)
    embedded: _Part | None = None
    list_kind: str = ""


@dataclass
class _Heading:
    label: str
    num: str
    inline: Inline
    eid: str
    line: int
    level: int


@dataclass
class _Part:
    kind: str
    heading: str
    title: str
    line: int
    eid: str = ""
    label: str = ""
    items: list[_Node] = field(default_factory=list)
    expected: int = 1
    pending: list[_Heading] = field(default_factory=list)


@dataclass
class _Kept:
    """An unplaced block under construction: ``after`` is the node it follows."""

    inline: Inline
    line: int
    after: object
    eid: str = ""


@dataclass
class _Body:
    """The preamble and operative part of a resolution or of one of its components."""

    formula: Inline | None = None
    formula_eid: str = ""
    preamble: list[_Node] = field(default_factory=list)
    operative: list[_Node] = field(default_factory=list)
    closing: Closing | None = None
    annexes: list[_Part] = field(default_factory=list)
    pending: list[_Heading] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Version:
    """One language version, structured on its own (its texts all in ``language``)."""

    file: str
    language: str
    work: str
    """The FRBR work this file is a version of (``FRBRWork/FRBRthis``): what groups files."""
    resolution: Resolution
    warnings: tuple[Problem, ...]
    data: bytes

    @property
    def key(self) -> str:
        """What versions of one resolution share: its work, and for a resolution published on its
        own its symbol (resolutions A and B published apart share a work); some language
        versions of a publication of several print its symbol without the letters."""
        return group_key(self.resolution.symbol, bool(self.resolution.components))


class Parser:
    def __init__(self, root: etree._Element, shown: str) -> None:
        self.root = root
        self.shown = shown
        self.warnings: list[Problem] = []
        self.kept: list[_Kept] = []
        self.eids: dict[int, str] = {}
        self.notes: list[Note] = []
        self.last: object = ""
        """The node the next unplaced block would follow."""
        self.known = frozenset(
            (n.get("marker") or "").strip() for n in root.iter(f"{{{AKN_NS}}}authorialNote") if n.get("marker")
        )
        self.language = ""

    # -- helpers ---------------------------------------------------------------------------
    def warn(self, line: int, message: str, snippet: str = "") -> None:
        self.warnings.append(Problem(self.shown, line, message, snippet))

    def find(self, el: etree._Element | None, path: str) -> etree._Element | None:
        if el is None:
            return None
        return el.find(path.replace("akn:", f"{{{AKN_NS}}}"))

    def findall(self, el: etree._Element | None, path: str) -> list[etree._Element]:
        if el is None:
            return []
        return list(el.iterfind(path.replace("akn:", f"{{{AKN_NS}}}")))

    def inline(self, el: etree._Element | list[etree._Element]) -> Inline:
        result = read_inline(el, self.known)
        self.notes.extend(result.notes)
        return result

    def keep(self, inline: Inline, why: str, eid: str = "") -> None:
        if not inline.text:
            return
        self.kept.append(_Kept(inline, inline.line, self.last, eid))
        self.warn(inline.line, f"{why}: kept as an unplaced block", inline.text[:80])

    # -- the document ------------------------------------------------------------------------
    def parse(self) -> tuple[str, Resolution]:
        root = self.root
        if local(root.tag) != "akomaNtoso" or not str(root.tag).startswith(f"{{{AKN_NS}}}"):
            raise UnstructurableTextError(
                [
                    Problem(
                        self.shown,
                        line_of(root) or 1,
                        f"not an Akoma Ntoso document: the root element is <{local(root.tag) or root.tag}>",
                        hint=f'expected <akomaNtoso xmlns="{AKN_NS}">',
                    )
                ]
            )
        doc = next(_children(root), None)
        if doc is None or local(doc.tag) not in ("statement", "documentCollection"):
            raise UnstructurableTextError(
                [
                    Problem(
                        self.shown,
                        line_of(doc) or 1,
                        "not a resolution: expected <statement> or <documentCollection> under <akomaNtoso>",
                    )
                ]
            )
        meta = _child(doc, "meta")
        work_el = self.find(meta, "akn:identification/akn:FRBRWork/akn:FRBRthis")
        lang_el = self.find(meta, "akn:identification/akn:FRBRExpression/akn:FRBRlanguage")
        work = (work_el.get("value") or "").strip() if work_el is not None else ""
        language = language_code(lang_el.get("language") or "") if lang_el is not None else ""
        if local(doc.tag) == "documentCollection" and (not work or not language):
            work, language, meta = self.identity_from_components(doc, work, language, meta)
        problems = []
        if not work:
            problems.append(
                Problem(
                    self.shown,
                    line_of(meta) or 1,
                    "no FRBRWork/FRBRthis: which resolution is this?",
                )
            )
        if not language:
            problems.append(
                Problem(
                    self.shown,
                    line_of(lang_el) or 1,
                    "no FRBRExpression/FRBRlanguage: which language is this?",
                )
            )
        if problems:
            raise UnstructurableTextError(problems)
        self.language = language
        return work, self.resolution(doc, meta, work)

    def identity_from_components(
        self, doc: etree._Element, work: str, language: str, meta: etree._Element | None
    ) -> tuple[str, str, etree._Element | None]:
        """A publication whose own metadata is empty: its work and language from its first
        component (``.../80-236A/`` with the cover's ``A/RES/80/236 A-B`` -> ``.../80-236A-B/``)."""
        component = self.find(self.root, "akn:components/akn:component/akn:statement/akn:meta")
        if component is None:
            return work, language, meta
        self.warn(
            line_of(doc),
            "the publication's own metadata is empty: its identity is taken from its first component",
        )
        first = self.find(component, "akn:identification/akn:FRBRWork/akn:FRBRthis")
        lang_el = self.find(component, "akn:identification/akn:FRBRExpression/akn:FRBRlanguage")
        language = language or (language_code(lang_el.get("language") or "") if lang_el is not None else "")
        if not work and first is not None:
            printed = _text_of(self.find(doc, "akn:coverPage//akn:docNumber"))
            suffix = printed.split()[-1] if len(printed.split()) > 1 else ""
            work = re.sub(
                r"(/[0-9A-Z-]+?-[0-9]+)[A-Z]?(/(?:!main/?)?)$", rf"\g<1>{suffix}\g<2>", first.get("value") or ""
            )
        return work, language, component

    def resolution(self, doc: etree._Element, meta: etree._Element | None, work: str) -> Resolution:
        cover = _child(doc, "coverPage")
        preface = _child(doc, "preface")
        number, title, title_line = self.preface(preface)
        masthead, symbol_printed, adoption, committee = self.cover(cover)
        symbol, number_of_work, mismatch = resolve_symbol(work, symbol_printed)
        if mismatch:
            self.warn(
                line_of(cover),
                f"the symbol printed, {symbol_printed}, is not the work's {symbol}: the work's is kept",
            )
        number = number or number_of_work
        if not symbol:
            raise UnstructurableTextError(
                [Problem(self.shown, 1, f"cannot tell the resolution's symbol from {work!r}")]
            )
        identification = self.find(meta, "akn:identification")
        work_date = self.find(identification, "akn:FRBRWork/akn:FRBRdate")
        adoption_date = _date(work_date) if work_date is not None and work_date.get("name") == "adoption" else None
        if adoption is not None and adoption.date is None and adoption_date:
            adoption = replace(adoption, date=adoption_date)
        elif adoption is None and adoption_date:
            adoption = Adoption(EMPTY, adoption_date, EMPTY, 0)
        components: list[tuple[str, str, Inline | None, int, _Body]] = []
        body = _Body()
        if local(doc.tag) == "documentCollection":
            components = self.collection(doc)
        else:
            body = self.statement(doc)
        # -- freeze ------------------------------------------------------------------------
        lang = self.language
        expression = self.find(identification, "akn:FRBRExpression/akn:FRBRuri")
        published = None
        for d in self.findall(identification, "akn:FRBRExpression/akn:FRBRdate"):
            if d.get("name") == "publication":
                published = _date(d)
        res = Resolution(
            kind=_kind(doc.get("name") or ""),
            symbol=symbol,
            body=self.body_name(meta),
            number=number,
            title=self.loc(title),
            title_line=title_line,
            masthead=masthead,
            adoption=adoption,
            committee=committee,
            formula=self.loc(body.formula.text if body.formula else ""),
            formula_line=body.formula.line if body.formula else 0,
            preamble=tuple(self.freeze(n) for n in body.preamble),
            operative=tuple(self.freeze(n) for n in body.operative),
            footnotes=(),
            closing=body.closing,
            sources=(
                Source(
                    f"source.{lang}.xml",
                    "akn",
                    "",
                    None,
                    lang,
                    (expression.get("value") or "") if expression is not None else "",
                    published,
                ),
            ),
            annexes=tuple(self.freeze_part(p) for p in body.annexes),
            components=tuple(
                Component(
                    "",
                    label,
                    self.loc(ctitle.text if ctitle else ""),
                    cline,
                    self.loc(cbody.formula.text if cbody.formula else ""),
                    tuple(self.freeze(n) for n in cbody.preamble),
                    tuple(self.freeze(n) for n in cbody.operative),
                    cbody.closing,
                    tuple(self.freeze_part(p) for p in cbody.annexes),
                )
                for label, _, ctitle, cline, cbody in components
            ),
            work=re.sub(r"!main/?$", "", work),
            subjects=self.subjects(meta),
            procedure=self.procedure(meta),
        )
        self.component_eids = [eid for _, eid, _, _, _ in components]
        self.body_formula_eid = body.formula_eid
        return res

    def body_name(self, meta: etree._Element | None) -> str:
        """The adopting body, in English, from the work's author and the references that name it."""
        author = self.find(meta, "akn:identification/akn:FRBRWork/akn:FRBRauthor")
        key = (author.get("href") or "").lstrip("#") if author is not None else ""
        for ref in self.findall(meta, "akn:references/akn:TLCOrganization"):
            if key and ref.get("eId") == key and ref.get("showAs"):
                return " ".join((ref.get("showAs") or "").split())
        return "General Assembly"

    def loc(self, text: str) -> Localised:
        return Localised.one(self.language, text) if text else EMPTY

    # -- metadata ------------------------------------------------------------------------------
    def subjects(self, meta: etree._Element | None) -> tuple[Subject, ...]:
        seen: set[tuple[str, str]] = set()
        out: list[Subject] = []
        for kw in self.findall(meta, "akn:classification/akn:keyword"):
            dictionary = (kw.get("dictionary") or "").strip()
            value = (kw.get("value") or "").strip()
            if not value or (dictionary, value) in seen:
                continue
            seen.add((dictionary, value))
            shown = (kw.get("showAs") or "").strip()
            out.append(Subject(dictionary, value, shown if shown != value else "", (kw.get("href") or "").strip()))
        return tuple(out)

    def procedure(self, meta: etree._Element | None) -> Procedure | None:
        draft = report = paragraph = record = ""
        for step in self.findall(meta, "akn:workflow/akn:step"):
            outcome = step.get("outcome") or ""
            symbol = (step.get("as") or "").strip()
            if outcome == "draftResolution":
                draft = draft or symbol
            elif outcome == "recommendedForAdoption":
                report = report or symbol
                paragraph = paragraph or (step.get("refersTo") or "").strip()
            elif outcome.lower().startswith("adopted"):
                record = record or symbol
        if not (draft or report or record):
            return None
        return Procedure(draft, report, paragraph, record)

    def preface(self, preface: etree._Element | None) -> tuple[str, str, int]:
        """(number, title, line of the title).  Every ``docNumber`` makes the number ("75/257."
        and "B" -> ``75/257 B``); a footnote on the number is kept at the end of the title."""
        numbers = [_text_of(n).rstrip(".").strip() for n in self.findall(preface, ".//akn:docNumber")]
        title_el = self.find(preface, ".//akn:docTitle")
        title = self.inline(title_el).text if title_el is not None else ""
        for note in self.findall(preface, ".//akn:authorialNote"):
            if title_el is not None and any(a is title_el for a in note.iterancestors()):
                continue
            number = (note.get("marker") or "").strip()
            self.notes.append(read_note(note, number, self.known))
            title = f"{title}[^{number}]"
        return " ".join(n for n in numbers if n), title, line_of(title_el)

    def cover(self, cover: etree._Element | None) -> tuple[Masthead | None, str, Adoption | None, Committee | None]:
        if cover is None:
            return None, "", None, None
        organization = issuer = symbol = ""
        body_line = symbol_line = 0
        session: Session | None = None
        agenda_words = agenda_title = ""
        agenda_text = ""
        agenda_line = 0
        distribution: Distribution | None = None
        adoption: Adoption | None = None
        committee: Committee | None = None
        issued: tuple[date | None, str] = (None, "")
        status = ""
        status_kind = ""
        status_line = 0
        adoption_meeting = ""
        for el in cover.iter():
            name = local(el.tag)
            if name == "docAuthority":
                if el.get("refersTo") == "#issuingBody":
                    issuer = _text_of(el)
                    body_line = line_of(el)
                else:
                    organization = organization or _text_of(el)
            elif name == "docNumber":
                symbol = _text_of(el)
                symbol_line = line_of(el)
            elif name == "docStatus":
                status = _text_of(el)
                status_kind = _status_kind(el.get("refersTo") or "")
                status_line = line_of(el)
            elif name == "docDate" and not issued[1]:
                issued = (_date(el), _text_of(el))
            elif name == "session":
                value = (el.get("value") or "").strip()
                session = Session(int(value) if value.isdigit() else None, self.loc(_text_of(el)), line_of(el))
            elif name == "inline" and el.get("name") == "agenda item":
                agenda_words = _text_of(el)
                agenda_text = (el.get("title") or "").strip() or _agenda_number(agenda_words)
                agenda_line = line_of(el)
            elif name == "inline" and el.get("name") == "adoption meeting":
                adoption_meeting = _text_of(el)
            elif name == "inline" and el.get("name") == "agenda item name":
                # several items, several titles: one per line
                agenda_title = f"{agenda_title}\n{_text_of(el)}" if agenda_title else _text_of(el)
            elif name == "docTitle":
                adoption = Adoption(self.loc(_text_of(el)), None, EMPTY, line_of(el))
            elif name == "docProponent":
                text = _text_of(el)
                inner = text[1:-1] if text.startswith("[") and text.endswith("]") else text
                origin = _text_of(self.find(el, ".//akn:inline"))
                reports = tuple(r for r in re.split(r",? and |, |; | et | y |، و| و |、|和", origin) if "/" in r)
                reports = tuple(re.sub(r",? para(?:s)?\..*$", "", r).strip() for r in reports)
                committee = Committee(self.loc(inner), _committee_name(el.get("refersTo") or ""), reports, line_of(el))
        if status or status_kind or issued[0]:
            kind = status.split(":")[-1].strip() if ":" in status else status.split()[-1] if status else ""
            distribution = Distribution(
                status_kind or _english_distribution(kind),
                issued[0],
                status_line,
                self.loc(status),
                self.loc(issued[1]),
            )
        if adoption is not None and adoption_meeting:
            adoption = replace(adoption, meeting=self.loc(adoption_meeting))
        elif adoption_meeting:
            adoption = Adoption(EMPTY, None, self.loc(adoption_meeting), 0)
        agenda = (
            AgendaItem(agenda_text, agenda_line, self.loc(agenda_words), self.loc(agenda_title))
            if agenda_text or agenda_words or agenda_title
            else None
        )
        masthead = (
            Masthead(self.loc(organization), body_line, symbol_line, session, agenda, distribution, self.loc(issuer))
            if organization or issuer or session or agenda or distribution
            else None
        )
        return masthead, symbol, adoption, committee

    # -- bodies --------------------------------------------------------------------------------
    def collection(self, doc: etree._Element) -> list[tuple[str, str, Inline | None, int, _Body]]:
        components = {c.get("eId"): c for c in self.findall(self.root, "akn:components/akn:component")}
        out = []
        refs = self.findall(doc, "akn:collectionBody/akn:component/akn:documentRef")
        for n, ref in enumerate(refs, 1):
            target = (ref.get("href") or ref.get("src") or "").lstrip("#")
            comp = components.pop(target, None)
            statement = _child(comp, "statement") if comp is not None else None
            if statement is None:
                self.warn(line_of(ref), f"the collection names a component {target!r} that is not in the file")
                continue
            label_el = self.find(statement, "akn:preface//akn:docNumber")
            title_el = self.find(statement, "akn:preface//akn:docTitle")
            label = (
                _text_of(label_el).rstrip(".") or (ref.get("showAs") or "").split()[-1:][0]
                if ref.get("showAs")
                else _text_of(label_el).rstrip(".")
            )
            title = self.inline(title_el) if title_el is not None else None
            self.last = ("component", n)
            body = self.statement(statement)
            eid = comp.get("eId") if comp is not None else ""
            out.append((label or chr(ord("A") + n - 1), eid or "", title, line_of(statement), body))
        for left in components.values():
            self.keep(self.inline(list(left.iter(f"{{{AKN_NS}}}p"))), "a component the collection does not list")
        return out

    def statement(self, st: etree._Element) -> _Body:
        body = _Body()
        preamble = _child(st, "preamble")
        if preamble is not None:
            self.preamble(preamble, body)
        main = _child(st, "mainBody")
        if main is not None:
            self.main_body(main, body)
        conclusions = _child(st, "conclusions")
        if conclusions is not None:
            body.closing = self.conclusions(conclusions)
            self.last = "closing"
        attachments = _child(st, "attachments")
        if attachments is not None:
            for attachment in _children(attachments):
                part = self.annex(attachment, len(body.annexes) + 1)
                if part is not None:
                    body.annexes.append(part)
        return body

    def conclusions(self, el: etree._Element) -> Closing:
        for block in [c for c in el.iter(f"{{{AKN_NS}}}container") if c.get("name") == UNPLACED]:
            self.last = "closing"
            self.keep(self.inline(list(_children(block)) or [block]), "a block marked unplaced")
            parent = block.getparent()
            if parent is not None:
                parent.remove(block)
        date_el = self.find(el, ".//akn:docDate")
        meeting_el = next(
            (
                e
                for e in el.iter()
                if (local(e.tag) == "inline" and e.get("name") == "adoptionMeeting") or local(e.tag) == "location"
            ),
            None,
        )
        everything = _text_of(el)
        date_text = _text_of(date_el)
        meeting = _text_of(meeting_el) if meeting_el is not None else everything.replace(date_text, "").strip()
        rest = everything.replace(meeting, "", 1).replace(date_text, "", 1).strip() if meeting else ""
        if rest:
            self.warn(line_of(el), f"text in the closing formula besides the meeting and date: {rest!r}")
            meeting = f"{meeting} {rest}".strip()
        return Closing(self.loc(meeting), _date(date_el), line_of(el), self.loc(date_text))

    # -- preamble ------------------------------------------------------------------------------
    def preamble(self, el: etree._Element, body: _Body) -> None:
        items: list[Item] = []
        for child in _children(el):
            name = local(child.tag)
            if name == "formula" and body.formula is None:
                body.formula = self.inline(list(_children(child)) or [child])
                body.formula_eid = child.get("eId") or ""
                self.last = "formula"
            elif name == "container" and child.get("name") == UNPLACED and not items:
                # before the first preambular paragraph: kept after what precedes it ("" or "formula")
                self.keep(self.inline(list(_children(child)) or [child]), "a block marked unplaced")
            elif name == "container":
                items += self.container_items(child)
            else:
                items += self.items(child, 0)
        self.last = "formula"
        for item in self.looking_ahead(items):
            self.add_preamble(item, body)

    def container_items(self, el: etree._Element) -> list[Item]:
        if el.get("name") == UNPLACED:
            inline = self.inline(list(_children(el)) or [el])
            return [Item("unplaced", "", inline, el.get("eId") or "", inline.line)]
        if el.get("name") == "heading":
            inline = self.inline(list(_children(el)) or [el])
            return [Item("heading", "", inline, el.get("eId") or "", inline.line, depth=1)]
        out: list[Item] = []
        first = True
        for child in _children(el):
            name = local(child.tag)
            if name == "p" and child.get("class") == UNPLACED:
                inline = self.inline(child)
                out.append(Item("unplaced", "", inline, "", inline.line))
            elif name == "p":
                inline = self.inline(child)
                out.append(
                    Item(
                        "para" if first else "more",
                        "",
                        inline,
                        el.get("eId") or "" if first else "",
                        inline.line,
                        explicit_num=False,
                    )
                )
                first = False
            else:
                out += self.items(child, 0)
        if first and not out:
            inline = self.inline(el)
            out.append(Item("para", "", inline, el.get("eId") or "", inline.line, explicit_num=False))
        return out

    def add_preamble(self, item: Item, body: _Body) -> None:
        if item.kind == "unplaced":
            self.keep(item.inline, "a block marked unplaced")
            return
        if item.kind == "heading":
            body.pending.append(self.heading(item))
            return
        if item.kind == "table":
            target = _deepest(body.preamble)
            if target is None:
                self.keep(_table_inline(item), "a table before any preambular paragraph")
            else:
                target.tables.append(item.table)  # type: ignore[arg-type]
            return
        label, system, num, inline = self.label_of(item)
        last = body.preamble[-1] if body.preamble else None
        if item.kind == "point" and last is not None:
            self.add_point(last, item, label, system, num, inline)
        elif system in ("letter", "roman") and last is not None:
            self.add_sub(last, item, label, system, num, inline)
        elif item.kind == "more" and last is not None:
            self.add_text_block(_deepest([last]) or last, item, inline)
        else:
            phrase, rest = inline.split_phrase()
            node = _Node("preambular", "", "", "", phrase, rest, item.eid, item.line, headings=body.pending)
            body.pending = []
            body.preamble.append(node)
            self.remember(node, item.eid)

    # -- operative part ------------------------------------------------------------------------
    def main_body(self, el: etree._Element, body: _Body) -> None:
        items = self.items(el, 0, top=True)
        # A preambular paragraph marked operative: unnumbered, right before paragraph 1.
        numbered = [i for i, it in enumerate(items) if it.kind == "para" and self.label_of(it)[1] == "number"]
        if numbered and body.preamble is not None:
            first = numbered[0]
            lead = [it for it in items[:first] if it.kind == "para"]
            label = self.label_of(items[first])[0]
            if (
                lead
                and label == "1"
                and all(it.kind in ("para", "more") and not self.label_of(it)[0] for it in items[:first])
                and not lead[-1].inline.text.rstrip().endswith(":")
            ):
                for it in items[:first]:
                    self.warn(
                        it.line,
                        "an unnumbered paragraph before operative paragraph 1: read as preambular",
                        it.inline.text[:80],
                    )
                    self.add_preamble(it, body)
                items = items[first:]
        state = _Operative(body)
        for item in self.looking_ahead(items):
            self.add_operative(item, state)
        if body.pending:
            for h in body.pending:
                self.keep(h.inline, "a heading after the last paragraph")
            body.pending = []

    def add_operative(self, item: Item, st: _Operative) -> None:
        body = st.body
        if item.kind == "unplaced":
            self.keep(item.inline, "a block marked unplaced")
            return
        if item.kind == "recital" or (item.kind == "heading" and st.part is None and _is_recital(item)):
            # A section's own preamble ("Recalling its resolution ...,"), marked as a heading.
            phrase, rest = item.inline.split_phrase()
            node = _Node("preambular", "", "", "", phrase, rest, item.eid, item.line, headings=body.pending)
            body.pending = []
            body.operative.append(node)
            st.recitals = True
            self.remember(node, item.eid)
            return
        if item.kind == "heading":
            heading = self.heading(item)
            if st.part is not None:
                self.add_part_heading(st.part, heading, item)
                return
            last = body.operative[-1] if body.operative else None
            if last is not None and last.inline.text.rstrip().endswith(":") and not last.children and not last.embedded:
                st.part = last.embedded = _Part("embedded", "", "", item.line)
                self.add_part_heading(st.part, heading, item)
                return
            body.pending.append(heading)
            return
        if item.kind == "table":
            target = self.table_target(st)
            if target is None:
                self.keep(_table_inline(item), "a table before any operative paragraph")
            else:
                target.tables.append(item.table)  # type: ignore[arg-type]
            return
        label, system, num, inline = self.label_of(item)
        if st.part is not None:
            if system == "number" and self.ends_part(st, label, inline):
                st.part = None
            else:
                self.add_part_item(st.part, item, label, system, num, inline)
                return
        last = body.operative[-1] if body.operative else None
        if item.kind == "point" and last is not None:
            self.add_point(last, item, label, system, num, inline)
            return
        # Right after a heading or a section's preamble, a new run of paragraphs starts.
        fresh = bool(body.pending) or (last is not None and last.kind == "preambular")
        if system == "number" and fresh and label == "1":
            st.expected = 1
        if system == "number":
            own = label.isdigit() and int(label)
            if (
                last is not None
                and last.inline.text.rstrip().endswith(":")
                and not last.children
                and not last.embedded
                and own
                and (int(label) <= (int(last.label) if last.label.isdigit() else 0) or not last.label)
            ):
                st.part = last.embedded = _Part("embedded", "", "", item.line)
                self.add_part_item(st.part, item, label, system, num, inline)
                return
            if own and own != st.expected:
                self.warn(item.line, f"operative paragraph {label} where {st.expected} was expected")
            st.expected = (int(label) + 1) if own else st.expected
            self.new_operative(body, item, label, system, num, inline)
        elif system in ("letter", "roman") and last is not None:
            self.add_sub(last, item, label, system, num, inline)
        elif (
            last is None
            or (fresh and item.kind != "more")
            or (st.unnumbered and item.kind != "more" and not last.inline.text.rstrip().endswith(":"))
        ):
            st.unnumbered = True
            self.new_operative(body, item, "", "", num, inline)
        else:
            target = _deepest([last]) if item.kind == "more" else last
            self.add_text_block(target or last, item, inline)

    def new_operative(self, body: _Body, item: Item, label: str, system: str, num: str, inline: Inline) -> None:
        phrase, rest = inline.split_phrase()
        node = _Node("operative", label, system, num, phrase, rest, item.eid, item.line, headings=body.pending)
        body.pending = []
        body.operative.append(node)
        self.remember(node, item.eid)

    def table_target(self, st: _Operative) -> _Node | None:
        if st.part is not None:
            return _deepest(st.part.items)
        return _deepest(st.body.operative)

    def ends_part(self, st: _Operative, label: str, inline: Inline) -> bool:
        """Whether a paragraph numbered ``label`` resumes the resolution's own numbering."""
        part = st.part
        assert part is not None
        if not label.isdigit() or int(label) != st.expected or not part.items:
            return False
        if int(label) != part.expected:
            return True
        from generator.importer.parse import is_operative_phrase

        phrase, _ = inline.split_phrase()
        return bool(phrase) and is_operative_phrase(phrase)

    # -- subparagraphs, blocks -----------------------------------------------------------------
    def add_point(self, top: _Node, item: Item, label: str, system: str, num: str, inline: Inline) -> None:
        parent = top
        for _ in range(max(0, item.depth - 1)):
            if not parent.children:
                break
            parent = parent.children[-1]
        phrase, rest = inline.split_phrase()
        if system in ("letter", "roman"):
            previous = [c.label for c in parent.children if c.kind == "subparagraph"]
            system = numbering.subparagraph_system(label, previous[-1] if previous else "")
        node = _Node("subparagraph", label, system, num, phrase, rest, item.eid, item.line)
        if not label:
            node.kind = "text"
        elif not parent.list_kind:
            parent.list_kind = "roman" if system == "roman" and label == "i" else "letter"
        parent.children.append(node)
        self.remember(node, item.eid)

    def add_sub(self, parent: _Node, item: Item, label: str, system: str, num: str, inline: Inline) -> None:
        """Nest ``(a)`` / ``(i)`` under ``parent`` as the text importer does (see the module docstring)."""
        from generator.importer.parse import next_letter, next_roman

        phrase, rest = inline.split_phrase()
        node = _Node("subparagraph", label, system, num, phrase, rest, item.eid, item.line)
        subs = [c for c in parent.children if c.kind == "subparagraph"]
        last = subs[-1] if subs else None
        roman = system == "roman"
        container = parent
        if last is None:
            parent.list_kind = "roman" if roman and label == "i" else "letter"
        elif parent.list_kind == "letter":
            inner = [c for c in last.children if c.kind == "subparagraph"]
            tail = inner[-1] if inner else None
            if tail is not None and last.list_kind == "roman" and label == next_roman(tail.label):
                container = last
            elif label == next_letter(last.label) and not (label == "i" and self.upcoming == "ii"):
                pass
            elif label == "i" and not inner:
                last.list_kind = "roman"
                container = last
            elif tail is not None and last.list_kind == "roman" and roman:
                self.warn(item.line, f"subparagraph ({label}) where ({next_roman(tail.label)}) was expected")
                container = last
            else:
                self.warn(item.line, f"subparagraph ({label}) where ({next_letter(last.label)}) was expected")
        elif label == next_roman(last.label):
            pass
        elif label == "a" and not [c for c in last.children if c.kind == "subparagraph"]:
            last.list_kind = "letter"
            container = last
        elif last.list_kind == "letter" and last.children and label == next_letter(last.children[-1].label):
            container = last
        else:
            self.warn(item.line, f"subparagraph ({label}) where ({next_roman(last.label)}) was expected")
        if system in ("letter", "roman"):
            node.system = container.list_kind or "letter"
        container.children.append(node)
        self.remember(node, item.eid)

    def add_text_block(self, parent: _Node, item: Item, inline: Inline) -> None:
        phrase, rest = inline.split_phrase()
        node = _Node("text", "", "", "", phrase, rest, item.eid, item.line)
        parent.children.append(node)
        self.remember(node, item.eid)

    # -- parts ---------------------------------------------------------------------------------
    def annex(self, attachment: etree._Element, ordinal: int) -> _Part | None:
        doc = next(
            (c for c in _children(attachment) if local(c.tag) in ("doc", "act", "statement", "documentCollection")),
            attachment,
        )
        main = _child(doc, "mainBody") if doc is not attachment else attachment
        items: list[Item] = []
        preface = _child(doc, "preface")
        if preface is not None:
            for p in _children(preface):
                inline = self.inline(p)
                if inline.text:
                    items.append(
                        Item("para", "", inline, p.get("eId") or "", inline.line, cls="H1", explicit_num=False)
                    )
        if main is not None:
            items += self.items(main, 0, top=True)
        part = _Part("annex", "", "", line_of(attachment), eid=attachment.get("eId") or doc.get("eId") or "")
        self.last = part
        for item in self.looking_ahead(items):
            if item.kind == "unplaced":
                self.keep(item.inline, "a block marked unplaced")
                continue
            label, system, num, inline = self.label_of(item)
            if (
                not part.heading
                and not part.items
                and not part.title
                and not label
                and item.kind in ("para", "heading")
                and _is_annex_heading(inline.text)
            ):
                part.heading = inline.text
                part.label = _annex_label(inline.text)
                part.line = item.line
                continue
            if (
                part.heading
                and not part.title
                and not part.items
                and not label
                and item.kind in ("para", "heading")
                and _heading_like(inline.text)
            ):
                part.title = inline.text
                continue
            if item.kind == "heading":
                self.add_part_heading(part, self.heading(item), item)
            elif item.kind == "table":
                target = _deepest(part.items)
                if target is None:
                    target = _Node("text", "", "", "", "", Inline(""), "", item.line)
                    part.items.append(target)
                target.tables.append(item.table)  # type: ignore[arg-type]
            else:
                self.add_part_item(part, item, label, system, num, inline)
        return part

    def add_part_heading(self, part: _Part, heading: _Heading, item: Item) -> None:
        if not part.items and not part.title and not heading.label:
            part.title = heading.inline.text
            return
        node = _Node("heading", heading.label, "upper", heading.num, "", heading.inline, heading.eid, heading.line)
        part.items.append(node)
        self.remember(node, heading.eid)
        self.last = node

    def add_part_item(self, part: _Part, item: Item, label: str, system: str, num: str, inline: Inline) -> None:
        last = part.items[-1] if part.items else None
        if item.kind == "point" and last is not None:
            self.add_point(last, item, label, system, num, inline)
        elif system in ("letter", "roman") and last is not None and last.kind != "heading":
            self.add_sub(last, item, label, system, num, inline)
        elif item.kind == "more" and last is not None:
            self.add_text_block(_deepest([last]) or last, item, inline)
        elif system == "number" or (system in ("upper", "other") and label and item.explicit_num is not False):
            kind: ParagraphKind = "heading" if system == "upper" and item.cls in HEADING_CLASSES else "text"
            phrase, rest = inline.split_phrase() if kind == "text" else ("", inline)
            node = _Node(kind, label if system != "other" else "", system, num, phrase, rest, item.eid, item.line)
            if system == "other" and num:
                node.inline = _prefix(num, rest)
                node.phrase = ""
            if label.isdigit():
                part.expected = int(label) + 1
            part.items.append(node)
            self.remember(node, item.eid)
        else:
            heading = item.cls in HEADING_CLASSES and _heading_like(inline.text)
            phrase, rest = ("", inline) if heading else inline.split_phrase()
            node = _Node("heading" if heading else "text", "", "", "", phrase, rest, item.eid, item.line)
            part.items.append(node)
            self.remember(node, item.eid)

    # -- items ---------------------------------------------------------------------------------
    def items(self, el: etree._Element, depth: int, top: bool = False) -> list[Item]:
        """The blocks under ``el`` in document order (see :class:`Item`)."""
        out: list[Item] = []
        for child in _children(el) if top else [el]:
            out += self.item(child, depth)
        return _join_lone_numbers(out) if top else out

    def item(self, el: etree._Element, depth: int) -> list[Item]:
        name = local(el.tag)
        eid = el.get("eId") or ""
        line = line_of(el)
        if name == "paragraph":
            return self.paragraph(el, depth)
        if name in ("section", "subsection", "part", "chapter", "title", "division", "book", "subpart", "subchapter"):
            num = _child(el, "num")
            heads = [c for c in _children(el) if local(c.tag) in ("heading", "subheading")]
            if num is None and len(heads) > 1 and numbering.canonical(_text_of(heads[0]))[1] != "other":
                num = heads.pop(0)  # "<subheading>I</subheading><subheading>Activities ...</subheading>"
            heading = heads.pop(0) if heads else None
            out: list[Item] = []
            text = self.inline(heading) if heading is not None else Inline("", line=line)
            if num is not None or heading is not None:
                out.append(Item("heading", _text_of(num), text, eid, line, depth=depth + 1))
            for child in _children(el):
                if child is num or child is heading:
                    continue
                out += self.item(child, depth + 1)
            return out
        if name in ("crossHeading", "subheading", "heading"):
            return [Item("heading", "", self.inline(el), eid, line, depth=depth + 1)]
        if name in ("list", "blockList", "sublist"):
            return self.list_items(el, depth + 1)
        if name == "table":
            return [Item("table", "", Inline(""), eid, line, table=self.table(el))]
        if name == "container":
            return self.container_items(el)
        if name == "hcontainer" and el.get("name") == RECITAL:
            content = _child(el, "content")
            inline = self.inline(
                [p for p in _children(content) if local(p.tag) == "p"] if content is not None else [el]
            )
            return [Item("recital", "", inline, eid, line)]
        if name == "num":
            return [Item("more", "", self.inline(el), "", line, explicit_num=False)]
        if name == "p" and el.get("class") == UNPLACED:
            inline = self.inline(el)
            return [Item("unplaced", "", inline, eid, inline.line)]
        if name in ("p", "content", "intro", "listIntroduction", "wrapUp", "block", "item", "blockContainer", "tblock"):
            return self.content_items(el, eid)
        if name in ("meta", "componentRef", "documentRef"):
            return []
        inline = self.inline(el)
        if inline.text:
            return [Item("more", "", inline, eid, line, explicit_num=False)]
        return []

    def content_items(self, el: etree._Element, eid: str) -> list[Item]:
        out: list[Item] = []
        ps = [c for c in _children(el) if local(c.tag) == "p"]
        if local(el.tag) == "p" or not ps:
            inline = self.inline(el)
            if inline.text:
                out.append(Item("para", "", inline, eid, inline.line, explicit_num=False))
            return out
        for n, p in enumerate(ps):
            inline = self.inline(p)
            if inline.text:
                out.append(
                    Item(
                        "para" if n == 0 else "more", "", inline, eid if n == 0 else "", inline.line, explicit_num=False
                    )
                )
        for c in _children(el):
            if local(c.tag) != "p":
                out += self.item(c, 0)
        return out

    def paragraph(self, el: etree._Element, depth: int) -> list[Item]:
        eid = el.get("eId") or ""
        cls = el.get("class") or ""
        num_el = _child(el, "num")
        num = _text_of(num_el)
        out: list[Item] = []
        heading_el = next((c for c in _children(el) if local(c.tag) in ("subheading", "heading")), None)
        if heading_el is not None:
            level = next((int(c[5:]) for c in cls.split() if c.startswith("level") and c[5:].isdigit()), depth + 1)
            out.append(Item("heading", num, self.inline(heading_el), eid, line_of(el), depth=level, cls=cls))
            num = ""

        def empty_opening(line: int) -> Item:
            """The paragraph's own item when its first content is a block: no text of its own."""
            return Item("para", num, Inline("", line=line), eid, line, depth, cls, explicit_num=bool(num))

        first = True
        for child in _children(el):
            name = local(child.tag)
            if name in ("num", "subheading", "heading"):
                continue
            if name == "content":
                ps, blocks = _split_blocks([child])
                for p in ps or ([child] if not blocks else []):
                    inline = self.inline(p)
                    if not inline.text and not first:
                        continue
                    if first:
                        out.append(Item("para", num, inline, eid, inline.line, depth, cls, explicit_num=bool(num)))
                        first = False
                    else:
                        out.append(Item("more", "", inline, "", inline.line, depth, cls, explicit_num=False))
                if first and blocks:
                    out.append(empty_opening(line_of(child)))
                    first = False
                for other in blocks:
                    out += self.item(other, depth)
            elif name == "list":
                intro = _child(child, "intro")
                blocks = []
                if intro is not None:
                    ps, blocks = _split_blocks([intro])
                    inline = self.inline(ps or [intro])
                    out.append(Item("para", num, inline, eid, inline.line, depth, cls, explicit_num=bool(num)))
                    first = False
                elif first:
                    out.append(empty_opening(line_of(el)))
                    first = False
                for block in blocks:
                    out += self.item(block, depth)
                out += self.list_items(child, 1, skip_intro=True)
            elif name == "p":
                inline = self.inline(child)
                out.append(
                    Item(
                        "para" if first else "more",
                        num if first else "",
                        inline,
                        eid if first else "",
                        inline.line,
                        depth,
                        cls,
                        explicit_num=bool(num) and first,
                    )
                )
                first = False
            else:
                out += self.item(child, depth)
        if first and heading_el is None:
            out.insert(
                0,
                Item(
                    "para",
                    num,
                    Inline("", line=line_of(el)),
                    eid,
                    line_of(el),
                    depth,
                    cls,
                    explicit_num=bool(num),
                ),
            )
        if (
            heading_el is None
            and not num
            and cls in HEADING_CLASSES
            and out
            and out[0].kind == "para"
            and _heading_like(out[0].inline.text)
        ) or (
            heading_el is None
            and num
            and cls in HEADING_CLASSES
            and out
            and out[0].kind == "para"
            and numbering.canonical(num)[1] == "upper"
        ):
            out[0].kind = "heading"
        return out

    def list_items(self, el: etree._Element, depth: int, skip_intro: bool = False) -> list[Item]:
        out: list[Item] = []
        for child in _children(el):
            name = local(child.tag)
            if name in ("intro", "listIntroduction"):
                if skip_intro:
                    continue
                inline = self.inline([p for p in _children(child) if local(p.tag) == "p"] or [child])
                out.append(Item("more", "", inline, child.get("eId") or "", inline.line, explicit_num=False))
            elif name in ("point", "item", "indent", "alinea"):
                num = _text_of(_child(child, "num"))
                sub = [c for c in _children(child) if local(c.tag) in ("list", "sublist", "blockList")]
                content = [c for c in _children(child) if local(c.tag) not in ("num", "list", "sublist", "blockList")]
                ps, blocks = _split_blocks(content)
                intro_of_sub = not ps and sub and _child(sub[0], "intro") is not None
                if intro_of_sub:
                    ps, more = _split_blocks([_child(sub[0], "intro")])  # type: ignore[list-item]
                    blocks += more
                inline = self.inline(ps) if ps else Inline("", line=line_of(child))
                out.append(
                    Item(
                        "point",
                        num,
                        inline,
                        child.get("eId") or "",
                        inline.line or line_of(child),
                        depth,
                        explicit_num=bool(num),
                    )
                )
                for block in blocks:
                    out += self.item(block, depth)
                for s in sub:
                    out += self.list_items(s, depth + 1, skip_intro=bool(intro_of_sub))
            elif name in ("list", "sublist", "blockList"):
                out += self.list_items(child, depth + 1)
            elif name == "wrapUp":
                inline = self.inline(child)
                out.append(Item("more", "", inline, child.get("eId") or "", inline.line, explicit_num=False))
            else:
                out += self.item(child, depth)
        return out

    def table(self, el: etree._Element) -> TableData:
        rows: list[list[tuple[Inline, bool, int, int]]] = []
        for tr in el.iter(f"{{{AKN_NS}}}tr"):
            cells = []
            for cell in _children(tr):
                name = local(cell.tag)
                if name not in ("td", "th"):
                    continue
                ps = list(_children(cell)) or [cell]
                cells.append((self.inline(ps), name == "th", _int(cell.get("colspan")), _int(cell.get("rowspan"))))
            rows.append(cells)
        return TableData(rows, el.get("eId") or "", line_of(el))

    # -- labels, headings ----------------------------------------------------------------------
    def looking_ahead(self, items: list[Item]) -> Iterator[Item]:
        """The items, with :attr:`upcoming` set to the label of the item after each: "(i)" right
        after "(h)" is a letter, unless "(ii)" follows."""
        for n, item in enumerate(items):
            following = items[n + 1] if n + 1 < len(items) else None
            self.upcoming = (
                self.label_of(following)[0] if following is not None and following.kind in ("para", "point") else ""
            )
            yield item

    upcoming: str = ""

    def label_of(self, item: Item) -> tuple[str, str, str, Inline]:
        """(label, how it counts, number as printed, text without a number it started with).

        A number that is no label ids could be made of (``•``, ``*``) gives the label ``""``."""
        if item.num:
            label, system = numbering.canonical(item.num)
            if system == "other" and not ids.normalise_label(label):
                label = ""
            return label, system, item.num.strip(), item.inline
        if item.kind not in ("para", "point"):
            return "", "", "", item.inline
        text = item.inline.text
        m = _NUMBER_LABEL.match(text)
        if m:
            label, system = numbering.canonical(m.group(0))
            if system in ("letter", "roman") or (system == "number" and m.group("number")):
                return label, system, m.group(0), item.inline.drop_prefix(m.end())
        return "", "", "", item.inline

    def heading(self, item: Item) -> _Heading:
        label, system = numbering.canonical(item.num) if item.num else ("", "other")
        return _Heading(
            label if system != "other" else "", item.num.strip(), item.inline, item.eid, item.line, max(1, item.depth)
        )

    def remember(self, node: object, eid: str) -> None:
        self.last = node
        if eid:
            self.eids[id(node)] = eid

    # -- freezing ------------------------------------------------------------------------------

    def freeze(self, node: _Node) -> Paragraph:
        lang = self.language
        system = node.system
        printed = numbering.printed_label(node.label, system, lang) if system in ("number", "letter", "roman") else ""
        num = node.num if node.num and node.num != printed else ""
        text = node.inline.text
        paragraph = Paragraph(
            "",
            node.kind,
            node.label,
            self.loc(node.phrase),
            Localised.one(lang, text),
            node.line,
            tuple(self.freeze(c) for c in node.children),
            self.freeze_part(node.embedded) if node.embedded else None,
            Spans.of({lang: node.inline.span_tuple()}),
            self.loc(num),
            tuple(self.freeze_heading(h) for h in node.headings),
            tuple(self.freeze_table(t) for t in node.tables),
        )
        self.track(node, paragraph)
        return paragraph

    def freeze_heading(self, h: _Heading) -> Heading:
        heading = Heading("", h.label, self.loc(h.num), self.loc(h.inline.text), h.line, h.level)
        if h.eid:
            self.eids[id(heading)] = h.eid
        return heading

    def freeze_table(self, t: TableData) -> Table:
        table = Table(
            "",
            tuple(
                tuple(
                    Cell(Localised.one(self.language, c.text), header, colspan, rowspan)
                    for c, header, colspan, rowspan in row
                )
                for row in t.rows
            ),
            t.line,
        )
        if t.eid:
            self.eids[id(table)] = t.eid
        return table

    def freeze_part(self, part: _Part) -> Part:
        frozen = Part(
            "",
            part.kind,  # type: ignore[arg-type]
            self.loc(part.heading),
            self.loc(part.title),
            part.line,
            tuple(self.freeze(n) for n in part.items),
            part.label,
        )
        self.track(part, frozen)
        return frozen

    def track(self, builder: object, frozen: object) -> None:
        """Carry what was recorded of a node under construction over to the frozen node."""
        if id(builder) in self.eids:
            self.eids[id(frozen)] = self.eids[id(builder)]
        self.frozen[id(builder)] = frozen

    frozen: dict[int, object]

    def footnotes(self) -> tuple[Footnote, ...]:
        out: dict[str, Footnote] = {}
        for note in self.notes:
            if note.number in out:
                if note.text and note.text != out[note.number].text.get(self.language, ""):
                    self.warn(
                        note.line, f"a second footnote {note.number}: its text is kept with the first", note.text[:80]
                    )
                    first = out[note.number]
                    merged = f"{first.text.get(self.language, '')} {note.text}".strip()
                    out[note.number] = replace(first, text=Localised.one(self.language, merged))
                continue
            if not note.text:
                self.warn(note.line, f"footnote {note.number} is empty")
            out[note.number] = Footnote(
                note.number,
                Localised.one(self.language, note.text or "…"),
                note.line,
                (),
                Spans.of({self.language: note.spans}),
            )
            if note.eid:
                self.eids[id(out[note.number])] = note.eid
        return tuple(sorted(out.values(), key=lambda f: int(f.number) if f.number.isdigit() else 10**9))


@dataclass
class _Operative:
    body: _Body
    expected: int = 1
    unnumbered: bool = False
    part: _Part | None = None
    recitals: bool = False


def _is_recital(item: Item) -> bool:
    """A heading that is a preambular paragraph: an italic opening phrase, a comma at the end."""
    spans = item.inline.spans
    text = NOTE_MARKER.sub("", item.inline.text).rstrip()
    return (
        bool(spans)
        and spans[0][0] == 0
        and spans[0][2].style == "italic"
        and text.endswith((",", ";", "،", "，", "；"))
    )


def _split_blocks(elements: list[etree._Element]) -> tuple[list[etree._Element], list[etree._Element]]:
    """The paragraphs (``<p>``) of ``elements`` or of their ``<content>``/``<intro>``, and the
    other blocks they hold (tables)."""
    ps: list[etree._Element] = []
    blocks: list[etree._Element] = []
    for el in elements:
        name = local(el.tag)
        if name in ("content", "intro"):
            for c in _children(el):
                (ps if local(c.tag) == "p" and c.get("class") != UNPLACED else blocks).append(c)
        elif name == "p" and el.get("class") != UNPLACED:
            ps.append(el)
        elif name in ("table", "blockList", "container", "p"):
            blocks.append(el)
        elif name:
            ps.append(el)
    return ps, blocks


def _join_lone_numbers(items: list[Item]) -> list[Item]:
    """A paragraph holding only its number ("1.") and the unnumbered paragraph after it are one
    paragraph (a flaw of some files)."""
    out: list[Item] = []
    for item in items:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "para"
            and prev.num
            and not prev.inline.text
            and item.kind in ("para", "more")
            and not item.num
            and item.inline.text
        ):
            out[-1] = replace(item, kind="para", num=prev.num, eid=prev.eid or item.eid, explicit_num=True)
            continue
        out.append(item)
    return out


def _deepest(nodes: list[_Node]) -> _Node | None:
    node = nodes[-1] if nodes else None
    while node is not None and node.children:
        node = node.children[-1]
    return node


def _prefix(num: str, inline: Inline) -> Inline:
    """``inline`` with a printed number that is not a label kept at its start (``•``)."""
    cut = len(num) + 1
    return Inline(
        f"{num} {inline.text}".strip(), [(a + cut, b + cut, s) for a, b, s in inline.spans], inline.notes, inline.line
    )


def _table_inline(item: Item) -> Inline:
    table = item.table
    assert table is not None
    cells = [c.text for row in table.rows for c, _, _, _ in row if c.text]
    return Inline(" | ".join(cells), line=item.line)


def _heading_like(text: str) -> bool:
    """A heading's text: no closing punctuation, not too long."""
    return bool(text) and not re.search(r"[,;:.]$", text) and len(text.split()) <= 30


def _is_annex_heading(text: str) -> bool:
    words = text.lower().split()
    return bool(words) and len(words) <= 4 and words[0].strip(".") in _ANNEX_WORDS


def _annex_label(text: str) -> str:
    words = text.split()
    if len(words) < 2:
        return ""
    label, system = numbering.canonical(words[-1])
    return label if system in ("upper", "number", "roman", "letter") else ""


def _agenda_number(words: str) -> str:
    m = re.search(r"[0-9]+(?:\s*\([a-z]\))?(?:(?:,| and| et| y| и|و|、|和)\s*[0-9]+(?:\s*\([a-z]\))?)*", words)
    return m.group(0).strip() if m else ""


_COMMITTEES = {
    "firstCommittee": "First Committee",
    "secondCommittee": "Second Committee",
    "thirdCommittee": "Third Committee",
    "fourthCommittee": "Special Political and Decolonization Committee (Fourth Committee)",
    "fifthCommittee": "Fifth Committee",
    "sixthCommittee": "Sixth Committee",
}


def _committee_name(refers: str) -> str:
    return _COMMITTEES.get(refers.lstrip("#"), "")


def _status_kind(refers: str) -> str:
    """``#generalDistribution`` -> ``General``; ``#limitedDistribution`` -> ``Limited``."""
    name = refers.lstrip("#")
    if name.endswith("Distribution") and len(name) > len("Distribution"):
        return name[: -len("Distribution")].capitalize()
    return ""


def _english_distribution(kind: str) -> str:
    lowered = kind.lower()
    if "general" in lowered or "générale" in lowered or "general" in lowered:
        return "General"
    if "limit" in lowered:
        return "Limited"
    return kind if kind.isascii() else "General"


def _kind(name: str) -> ResolutionKind:
    """The kind of text a ``<statement name>`` names: the UN's files say ``resolution``; our
    export writes ``decision`` or ``draft`` for those kinds."""
    return "decision" if name == "decision" else "draft" if name == "draft" else "resolution"


def _date(el: etree._Element | None) -> date | None:
    if el is None:
        return None
    value = (el.get("date") or "").strip()
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.year > 1000 else None


def _int(value: str | None) -> int:
    try:
        return max(1, int(value or "1"))
    except ValueError:
        return 1


# -- the whole file -------------------------------------------------------------------------------


def parse_version(data: bytes, shown: str) -> Version:
    """One language version of a resolution, structured on its own.

    Raises :class:`UnstructurableTextError` for a file that is empty, not XML, dangerous XML
    (:mod:`generator.akn.xml`), not Akoma Ntoso, or that does not say which resolution and
    language it is.
    """
    from generator.validate import assign_ids, with_footnotes

    root = parse_xml(data, shown)
    parser = Parser(root, shown)
    parser.frozen = {}
    work, res = parser.parse()
    res = replace(res, footnotes=parser.footnotes())
    kept = []
    for k in parser.kept:
        kept.append((k, parser.frozen.get(id(k.after), k.after) if not isinstance(k.after, str | tuple) else k.after))
    res = replace(res, unplaced=tuple(Unplaced("", k.inline.text, k.line, "", parser.language) for k, _ in kept))
    res, ids_of = assign_ids(res)
    unplaced = []
    for n, ((_, anchor), block) in enumerate(zip(kept, res.unplaced, strict=True), 1):
        if isinstance(anchor, str):
            after = anchor
        elif isinstance(anchor, tuple):
            after = ids_of.get(id(res.components[anchor[1] - 1]), "") if anchor[1] <= len(res.components) else ""
        else:
            after = ids_of.get(id(anchor), "")
        unplaced.append(replace(block, id=f"unplaced-{n}", after=after))
    eids = []
    for obj_id, eid in parser.eids.items():
        if obj_id in ids_of:
            eids.append((ids_of[obj_id], eid))
    if parser.body_formula_eid:
        eids.insert(0, ("formula", parser.body_formula_eid))
    for component, eid in zip(res.components, parser.component_eids, strict=False):
        if eid:
            eids.append((component.id, eid))
    order = {pid: n for n, pid in enumerate(document_order(res))}
    eids.sort(key=lambda pair: order.get(pair[0], len(order)))
    source = replace(res.sources[0], sha256=hashlib.sha256(data).hexdigest(), eids=tuple(eids))
    res = with_footnotes(replace(res, unplaced=tuple(unplaced), sources=(source,)))
    return Version(shown, parser.language, work, res, tuple(parser.warnings), data)


def document_order(res: Resolution) -> list[str]:
    """Every id of the resolution in document order (components, headings, paragraphs, tables,
    parts, footnotes)."""
    out = ["formula"]

    def para(p: Paragraph) -> None:
        out.extend(h.id for h in p.headings)
        out.append(p.id)
        out.extend(t.id for t in p.tables)
        for c in p.children:
            para(c)
        if p.embedded:
            part(p.embedded)

    def part(pt: Part) -> None:
        out.append(pt.id)
        for p in pt.paragraphs:
            para(p)

    for p in (*res.preamble, *res.operative):
        para(p)
    for c in res.components:
        out.append(c.id)
        for p in c.top_paragraphs():
            para(p)
        for a in c.annexes:
            part(a)
    out.append("closing")
    for a in res.annexes:
        part(a)
    out.extend(f"footnote {f.number}" for f in res.footnotes)
    return out


__all__ = [
    "Version",
    "document_order",
    "group_key",
    "language_code",
    "parse_version",
    "resolve_symbol",
    "symbol_of_work",
]
