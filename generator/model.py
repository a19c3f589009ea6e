"""The structured resolution: frozen dataclasses, tuples for children, a source line on every node.

Paragraph text is stored as the official wording with footnote markers written inline as
``[^N]`` (``"the 2010,[^1] 2013[^2] and 2015[^3] reports"``), so the data file stays readable and
a maintainer can correct it by hand.  :func:`split_notes` turns such text into segments.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

SCHEMA_VERSION = 2

LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
"""The six official languages of the United Nations (ISO 639-1), in the UN's order."""

DEFAULT_LANGUAGE = "en"
"""The language of a resolution's page at ``/<symbol>/`` when the resolution has it."""

ParagraphKind = Literal["preambular", "operative", "subparagraph", "heading", "text"]
"""``heading`` occurs only inside a :class:`Part` (an annex or an embedded text): a heading line
("I. Values and principles").  ``text`` is any other paragraph of a part, or an unnumbered block
under a paragraph of the resolution (a schedule after "as follows:", a note under a table)."""

PartKind = Literal["annex", "embedded"]
ResolutionKind = Literal["resolution", "decision", "draft"]
"""What a text is: an adopted resolution, an adopted decision (``A/DEC/73/546``: no enacting
formula, often no numbered paragraphs), or a draft (``A/C.1/80/L.20``) with its own symbol."""

NOTE_MARKER = re.compile(r"\[\^([0-9]+)\]")


@dataclass(frozen=True, slots=True)
class Localised(Mapping[str, str]):
    """One text in each language it exists in: ``{"en": "Recalling", "fr": "Rappelant"}``.

    Immutable and ordered by language code, so equal texts compare and hash equal whatever the
    order they were given in.  A language the text lacks is simply absent (``get(lang, "")``).
    """

    pairs: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, items: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> Localised:
        pairs = items.items() if isinstance(items, Mapping) else items
        return cls(tuple(sorted(pairs)))

    @classmethod
    def one(cls, language: str, text: str) -> Localised:
        return cls(((language, text),))

    def __getitem__(self, language: str) -> str:
        for code, text in self.pairs:
            if code == language:
                return text
        raise KeyError(language)

    def __iter__(self) -> Iterator[str]:
        return (code for code, _ in self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)

    def __bool__(self) -> bool:
        """Whether any language has a non-empty text."""
        return any(text for _, text in self.pairs)

    def with_text(self, language: str, text: str) -> Localised:
        """A copy with ``language``'s text set to ``text``."""
        return Localised.of({**dict(self.pairs), language: text})

    def without_empty(self) -> Localised:
        return Localised(tuple((code, text) for code, text in self.pairs if text))

    def pick(self, language: str) -> str:
        """The text in ``language``; else in the default language; else the first there is."""
        for wanted in (language, DEFAULT_LANGUAGE):
            for code, text in self.pairs:
                if code == wanted:
                    return text
        return self.pairs[0][1] if self.pairs else ""


EMPTY = Localised()


@dataclass(frozen=True, slots=True)
class NoteRef:
    """A footnote marker inside paragraph text."""

    number: str


def split_notes(text: str) -> list[str | NoteRef]:
    """Split text with inline ``[^N]`` markers into plain strings and :class:`NoteRef` items."""
    out: list[str | NoteRef] = []
    pos = 0
    for m in NOTE_MARKER.finditer(text):
        if m.start() > pos:
            out.append(text[pos : m.start()])
        out.append(NoteRef(m.group(1)))
        pos = m.end()
    if pos < len(text):
        out.append(text[pos:])
    return out


def strip_notes(text: str) -> str:
    """The text without its footnote markers."""
    return NOTE_MARKER.sub("", text)


def join_phrase(phrase: str, text: str) -> str:
    """The full wording of a paragraph: its opening phrase, then the rest."""
    if not phrase:
        return text
    if not text:
        return phrase
    sep = "" if text[0] in ",;:.)" or text.startswith("[^") else " "
    return f"{phrase}{sep}{text}"


SpanStyle = Literal["italic", "bold", "superscript", "link"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of a text that the official text sets apart: in italics, in bold, raised, or
    a link (``href``).  It is found again in its text by :func:`locate_spans`."""

    style: SpanStyle
    text: str
    href: str = ""
    nth: int = 0
    """Which occurrence of ``text`` in its text the span is (0: the first)."""


@dataclass(frozen=True, slots=True)
class Spans(Mapping[str, tuple[Span, ...]]):
    """The spans of one text in each language, in the order they occur in the text."""

    pairs: tuple[tuple[str, tuple[Span, ...]], ...] = ()

    @classmethod
    def of(cls, items: Mapping[str, Iterable[Span]] | Iterable[tuple[str, Iterable[Span]]] = ()) -> Spans:
        pairs = items.items() if isinstance(items, Mapping) else items
        return cls(tuple(sorted((code, tuple(spans)) for code, spans in pairs if spans)))

    def __getitem__(self, language: str) -> tuple[Span, ...]:
        for code, spans in self.pairs:
            if code == language:
                return spans
        raise KeyError(language)

    def __iter__(self) -> Iterator[str]:
        return (code for code, _ in self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)


NO_SPANS = Spans()


def locate_spans(text: str, spans: Iterable[Span]) -> list[tuple[int, int, Span]] | Span:
    """Where each span stands in ``text``: ``(start, end, span)``; or the first span that cannot
    be found.

    A span is the ``nth`` occurrence (0: the first) of its words in the text, so a text
    corrected by hand keeps its spans as long as their words remain where they were.
    """
    out: list[tuple[int, int, Span]] = []
    for span in spans:
        at = text.find(span.text) if span.text else -1
        for _ in range(span.nth):
            if at < 0:
                break
            at = text.find(span.text, at + 1)
        if at < 0:
            return span
        out.append((at, at + len(span.text), span))
    return out


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading printed between paragraphs of the resolution's own text ("I. General
    provisions", "Section 1", "Human rights"): kept with the paragraph it stands before."""

    id: str
    """``h-i`` (from its number), ``h-t2`` (2nd heading without a number); see :mod:`generator.ids`."""
    label: str
    """Its numbering, normalised (``I`` for "I.", ``1`` for "Section 1"); ``""`` when none."""
    num: Localised
    """The number as printed, per language (``I.``, ``Section 1``); empty when none."""
    text: Localised
    line: int
    level: int = 1
    """1 for the outermost heading (a part or section), 2 for a heading inside it, ..."""


@dataclass(frozen=True, slots=True)
class Cell:
    text: Localised
    """The cell's text, footnote markers inline as ``[^N]``."""
    header: bool = False
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True, slots=True)
class Table:
    """A table printed after a paragraph's text (budget figures, schedules)."""

    id: str
    """``op-2-table-1``: the paragraph's id, then the table's position under it."""
    rows: tuple[tuple[Cell, ...], ...]
    line: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A preambular paragraph, an operative paragraph or a subparagraph of either."""

    id: str
    """Anchor id, computed by :func:`generator.ids.paragraph_id` (``pp-3``, ``op-1-a-ii``)."""
    kind: ParagraphKind
    label: str
    """The document's own numbering: ``"1"`` for operative 1, ``"a"`` for (a), ``""`` for preambular."""
    phrase: Localised
    """The opening phrase, italic in the official text (``Recalling``, ``Calls upon``), per
    language; a language without one is absent or ``""``."""
    text: Localised
    """The wording after the opening phrase, footnote markers inline as ``[^N]``, per language.
    The languages of a paragraph are the keys of ``text``."""
    line: int
    """Line of the official text the paragraph starts on (of the first language imported)."""
    children: tuple[Paragraph, ...] = ()
    """Subparagraphs, in order."""
    embedded: Part | None = None
    """A text the paragraph introduces and carries whole ("Adopts the following Declaration:"),
    kept as its own part, after the paragraph and its subparagraphs."""
    spans: Spans = NO_SPANS
    """Stretches of ``text`` in italics, in bold, raised or linked, per language."""
    num: Localised = EMPTY
    """The number as printed, per language, where it departs from that language's usual form
    (:func:`generator.numbering.printed_label`): kept so that nothing of the source is lost."""
    headings: tuple[Heading, ...] = ()
    """Headings printed right before the paragraph, outermost first."""
    tables: tuple[Table, ...] = ()
    """Tables printed after the paragraph's text, before its subparagraphs."""

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.text)

    def wording(self, language: str) -> str:
        """The full wording in ``language``: its opening phrase, then the rest (``""`` if the
        paragraph is missing in that language)."""
        if language not in self.text:
            return ""
        return join_phrase(self.phrase.get(language, ""), self.text[language])

    def walk(self) -> Iterator[Paragraph]:
        """This paragraph and all its subparagraphs, in document order (not its embedded text)."""
        yield self
        for child in self.children:
            yield from child.walk()

    def walk_all(self) -> Iterator[Paragraph]:
        """Like :meth:`walk`, then the paragraphs of the embedded text, in document order."""
        yield self
        for child in self.children:
            yield from child.walk_all()
        if self.embedded:
            yield from self.embedded.paragraphs_all()


@dataclass(frozen=True, slots=True)
class Part:
    """A text the resolution carries that is not one of its own paragraphs: an annex after the
    closing formula, or a text embedded in an operative paragraph (a declaration, a programme).

    Its paragraphs are :class:`Paragraph` items of kind ``heading`` or ``text`` (subparagraphs as
    children), with ids under the part's id (see :mod:`generator.ids`)."""

    id: str
    """``annex``, ``annex-i`` (annexes); ``op-2-text`` (a text embedded in operative paragraph 2)."""
    kind: PartKind
    heading: Localised
    """As printed: ``Annex``, ``Annex II``; empty for an embedded text."""
    title: Localised
    """The part's title as printed (``Declaration on ...``); may be empty."""
    line: int
    paragraphs: tuple[Paragraph, ...] = ()
    label: str = ""
    """The annex's own numbering (``II`` for "Annex II", ``""`` for a lone "Annex"): ids come from it."""

    def paragraphs_all(self) -> Iterator[Paragraph]:
        """Every paragraph of the part and their subparagraphs, in document order."""
        for p in self.paragraphs:
            yield from p.walk_all()


@dataclass(frozen=True, slots=True)
class Unplaced:
    """A block of the official text that the importer could not place in the structure.

    Kept so that no text is lost, and reported as a warning; a maintainer moves it to its place
    by hand (or deletes it if it is not part of the resolution)."""

    id: str
    """``unplaced-1``, ``unplaced-2`` ... in document order."""
    text: str
    """The block's wording, footnote markers inline as ``[^N]``."""
    line: int
    after: str
    """Id of the node the block follows in the document: a paragraph id, a part id,
    ``formula`` (right after the enacting formula), ``closing`` (after the closing formula) or
    ``""`` (before everything)."""
    language: str = DEFAULT_LANGUAGE
    """The language of the block (an unplaced block belongs to one language version)."""


@dataclass(frozen=True, slots=True)
class Footnote:
    number: str
    text: Localised
    line: int
    cited_by: tuple[str, ...]
    """Ids of the paragraphs whose text carries this footnote's marker, in document order."""
    spans: Spans = NO_SPANS


@dataclass(frozen=True, slots=True)
class Session:
    number: int | None
    words: Localised
    """As printed: ``Seventy-third session``."""
    line: int


@dataclass(frozen=True, slots=True)
class AgendaItem:
    text: str
    """As printed after "Agenda item": ``96`` or ``30 and 31``."""
    line: int
    words: Localised = EMPTY
    """The whole line as printed, per language: ``Agenda item 93``, ``Point 93 de l'ordre du jour``."""
    title: Localised = EMPTY
    """The item's title as printed: ``Developments in the field of information ...``."""


@dataclass(frozen=True, slots=True)
class Distribution:
    kind: str
    """``General``, ``Limited`` ..."""
    date: date | None
    line: int
    text: Localised = EMPTY
    """The distribution line as printed, per language: ``Distr.: General``."""
    date_text: Localised = EMPTY
    """The date as printed, per language: ``18 December 2019``, ``18 décembre 2019``."""


@dataclass(frozen=True, slots=True)
class Adoption:
    text: Localised
    """The adoption line as printed."""
    date: date | None
    meeting: Localised
    """Security Council form only: ``5151st meeting``; ``""`` otherwise."""
    line: int


@dataclass(frozen=True, slots=True)
class Committee:
    text: Localised
    """The bracketed line without its brackets: ``on the report of the First Committee (A/73/505)``."""
    name: str
    """``First Committee``, ``Main Committee`` ..., ``""`` when not named."""
    reports: tuple[str, ...]
    """Document symbols in the line: the committee report or the draft resolutions."""
    line: int


@dataclass(frozen=True, slots=True)
class Closing:
    meeting: Localised
    """``65th plenary meeting``."""
    date: date | None
    line: int
    date_text: Localised = EMPTY
    """The date as printed, per language, when the source gives it apart: ``12 décembre 2019``."""


@dataclass(frozen=True, slots=True)
class Source:
    file: str
    """The imported file, kept beside the structured resolution for provenance."""
    format: str
    """``text``, ``pdf-text`` or ``pdf``."""
    sha256: str
    imported: date | None = None
    """When the text was imported (set by ``python -m generator import``), shown on the page."""
    language: str = DEFAULT_LANGUAGE
    """The language of the file (ISO 639-1)."""
    expression: str = ""
    """Akoma Ntoso only: the FRBR expression URI of this language version
    (``/akn/un/statement/deliberation/unga/2019-12-12/74-28/eng@/``)."""
    published: date | None = None
    """Akoma Ntoso only: the publication date of this language version."""
    eids: tuple[tuple[str, str], ...] = ()
    """Akoma Ntoso only: (our id, the source's ``eId``) for every node the source names, in
    document order (``("op-1", "para_17")``); ``("footnote 1", "authorialNote_1")`` for notes."""


@dataclass(frozen=True, slots=True)
class Subject:
    """A keyword the publisher classified the resolution under."""

    dictionary: str
    """``UNBIS Thesaurus``, ``EuroVoc``, ``SDGO`` (Sustainable Development Goals), ``DHLAUTH``
    (the Dag Hammarskjöld Library's authorities) or an agenda (``A/79/251``)."""
    value: str
    label: str = ""
    """As the publisher shows it, when it differs from ``value``."""
    href: str = ""


@dataclass(frozen=True, slots=True)
class Procedure:
    """How the resolution reached adoption, as the publisher records it (votes and sponsors
    are kept apart, with the adoption data)."""

    draft: str = ""
    """The draft resolution: ``A/C.1/74/L.49/Rev.1``."""
    report: str = ""
    """The committee report that recommended it: ``A/74/363``."""
    report_paragraph: str = ""
    """The paragraph of that report: ``9``."""
    record: str = ""
    """The record of the meeting that adopted it: ``A/74/PV.46``."""


@dataclass(frozen=True, slots=True)
class Component:
    """One of several resolutions adopted under one number and published together
    ("Resolution A" and "Resolution B" of A/RES/77/128 A-B), each with its own title, preamble,
    operative paragraphs and closing formula.  Its ids start with its own (``a-pp-1``)."""

    id: str
    """``a``, ``b``: its label, lower-cased (see :mod:`generator.ids`)."""
    label: str
    """As printed: ``A``."""
    title: Localised
    line: int
    formula: Localised
    preamble: tuple[Paragraph, ...] = ()
    operative: tuple[Paragraph, ...] = ()
    closing: Closing | None = None
    annexes: tuple[Part, ...] = ()

    def top_paragraphs(self) -> tuple[Paragraph, ...]:
        return (*self.preamble, *self.operative)


@dataclass(frozen=True, slots=True)
class Masthead:
    organization: Localised
    """``United Nations`` when printed, else ``""``."""
    body_line: int
    symbol_line: int
    session: Session | None
    agenda_item: AgendaItem | None
    distribution: Distribution | None
    issuer: Localised = EMPTY
    """The adopting body as printed, per language, when the source gives it apart:
    ``General Assembly``, ``Assemblée générale``."""


@dataclass(frozen=True, slots=True)
class Resolution:
    symbol: str
    """``A/RES/73/266``, ``S/RES/1590(2005)``."""
    body: str
    """``General Assembly`` or ``Security Council``."""
    number: str
    """As printed before the title: ``73/266``, ``ES-11/4``, ``1590 (2005)``."""
    title: Localised
    title_line: int
    masthead: Masthead | None
    adoption: Adoption | None
    committee: Committee | None
    formula: Localised
    """The enacting formula: ``The General Assembly,``."""
    formula_line: int
    preamble: tuple[Paragraph, ...]
    operative: tuple[Paragraph, ...]
    footnotes: tuple[Footnote, ...]
    closing: Closing | None
    sources: tuple[Source, ...]
    """The files the text was imported from, one per language version."""
    schema_version: int = field(default=SCHEMA_VERSION)
    annexes: tuple[Part, ...] = ()
    """Annexes printed after the closing formula, in order."""
    unplaced: tuple[Unplaced, ...] = ()
    """Blocks the importer kept but could not place (each also reported as a warning)."""
    components: tuple[Component, ...] = ()
    """Resolutions A, B ... published under this one number; then the resolution has no
    preamble, operative part or closing formula of its own."""
    work: str = ""
    """Akoma Ntoso only: the FRBR work URI (``/akn/un/statement/deliberation/unga/2019-12-12/74-28/``)."""
    subjects: tuple[Subject, ...] = ()
    procedure: Procedure | None = None
    kind: ResolutionKind = "resolution"
    descriptive_title: Localised = EMPTY
    """A title a maintainer gives a text that prints none (Security Council resolutions): the
    page's title and what listings show, never shown as part of the official text."""

    def display_title(self, language: str) -> str:
        """The title readers see for the resolution: the printed title, else the maintainer's
        descriptive title, else ``""``."""
        return self.title.pick(language) or self.descriptive_title.pick(language)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the resolution is available in, in the UN's order (others after)."""
        found = {s.language for s in self.sources}
        return tuple(sorted(found, key=lambda code: (LANGUAGES.index(code) if code in LANGUAGES else 99, code)))

    @property
    def language(self) -> str:
        """The language of the resolution's main page: English when it has it."""
        langs = self.languages
        return DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in langs or not langs else langs[0]

    @property
    def source(self) -> Source:
        """The source file of the main language."""
        return next((s for s in self.sources if s.language == self.language), self.sources[0])

    def top_paragraphs(self) -> tuple[Paragraph, ...]:
        """The preambular and operative paragraphs, in document order: the resolution's own,
        then those of each of its components."""
        if not self.components:
            return (*self.preamble, *self.operative)
        out = [*self.preamble, *self.operative]
        for c in self.components:
            out += c.top_paragraphs()
        return tuple(out)

    def all_annexes(self) -> tuple[Part, ...]:
        """The annexes of each component, then the resolution's own."""
        return (*(a for c in self.components for a in c.annexes), *self.annexes)

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph and subparagraph of the resolution itself (preamble and operative part,
        of every component) in document order; not the paragraphs of its embedded texts and annexes."""
        for p in self.top_paragraphs():
            yield from p.walk()

    def parts(self) -> Iterator[Part]:
        """Embedded texts (in the order of their paragraphs), then annexes."""
        for p in self.paragraphs():
            if p.embedded:
                yield p.embedded
        yield from self.all_annexes()

    def all_paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph in document order, including those of embedded texts and annexes."""
        for p in (*self.preamble, *self.operative):
            yield from p.walk_all()
        for c in self.components:
            for p in c.top_paragraphs():
                yield from p.walk_all()
            for annex in c.annexes:
                yield from annex.paragraphs_all()
        for annex in self.annexes:
            yield from annex.paragraphs_all()

    def paragraph_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.paragraphs())

    def find(self, paragraph_id: str) -> Paragraph | None:
        return next((p for p in self.paragraphs() if p.id == paragraph_id), None)

    @property
    def adoption_date(self) -> date | None:
        if self.adoption and self.adoption.date:
            return self.adoption.date
        return self.closing.date if self.closing else None

    @property
    def kind_name(self) -> str:
        """What readers call the text: ``resolution``, ``decision``, ``draft resolution``."""
        return "draft resolution" if self.kind == "draft" else self.kind

    @property
    def slug(self) -> str:
        """Folder name for the resolution's data: ``A-RES-73-266``."""
        return slug_of(self.symbol)

    @property
    def url_path(self) -> str:
        """Site path of the resolution's page: the symbol itself, as on undocs.org."""
        return self.symbol


def slug_of(symbol: str) -> str:
    """Folder name for a resolution's data: ``A-RES-73-266`` for ``A/RES/73/266``."""
    return re.sub(r"[^A-Za-z0-9]+", "-", symbol).strip("-")
