"""What the Akoma Ntoso tests share: the fixtures, the words of a file, the words of a structured
resolution in one language, the counts a file gives.

The words of a file are read here independently of the importer, with plain XPath: every text
of its cover page, preface, preamble, operative part, closing formula and annexes, in document
order, footnotes apart.  Left out, because the structured resolution keeps them as normalised
values rather than words: the symbol printed on the cover (kept as ``symbol``), the markers that
repeat a footnote (``<sup>1</sup>``), and the raised brackets of the Arabic version around a
marker (``<sup>(</sup>`` note ``<sup>)</sup>``).
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from generator import numbering
from generator.model import NOTE_MARKER, Paragraph, Part, Resolution

AKN = Path(__file__).resolve().parent / "fixtures" / "akn"
NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
FIXTURES = sorted(p.name for p in AKN.iterdir() if p.is_dir() and p.name.startswith("A-RES"))

_TOKEN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
"""A word; a Chinese character on its own (Chinese has no spaces between words)."""


def words(text: str) -> list[str]:
    return _TOKEN.findall(NOTE_MARKER.sub(" ", text))


def fixture_files(name: str) -> list[Path]:
    """The language files of a fixture resolution (the empty ones too)."""
    return sorted((AKN / name).glob("*.xml"))


def usable_files(name: str) -> list[Path]:
    return [p for p in fixture_files(name) if p.stat().st_size]


def _local(el: etree._Element) -> str:
    return str(el.tag).rpartition("}")[2] if isinstance(el.tag, str) else ""


def _note_numbers(root: etree._Element) -> set[str]:
    return {str(n.get("marker")) for n in root.iterfind(".//a:authorialNote", NS)}


def xml_words(path: Path) -> tuple[list[str], list[str]]:
    """(words of the text, words of the footnotes), each in document order."""
    root = etree.parse(str(path)).getroot()
    notes = _note_numbers(root)
    body: list[str] = []
    foot: list[str] = []

    def skipped(el: etree._Element) -> bool:
        name = _local(el)
        if name in ("meta", "img") or (name == "docNumber" and el.get("refersTo") == "#symbol"):
            return True
        if name == "sup":
            text = "".join(el.itertext()).strip()
            if text.strip("()") in notes:
                return True
            nxt, prev = el.getnext(), el.getprevious()
            if text == "(" and nxt is not None and _local(nxt) == "authorialNote":
                return True
            if text == ")" and prev is not None and _local(prev) == "authorialNote":
                return True
        return False

    inline = {"span", "i", "b", "u", "a", "sup", "sub", "inline", "term", "ref", "date", "docDate"}

    def walk(el: etree._Element, into: list[str]) -> None:
        """Text pieces; a space around anything but inline elements (``1<sup>er</sup>`` is one word)."""
        if skipped(el):
            return
        if _local(el) == "authorialNote":
            foot.append(" ")
            for child in el:
                walk(child, foot)
            into.append(" ")
            return
        edge = "" if _local(el) in inline else " "
        into.append(edge + (el.text or ""))
        for child in el:
            if isinstance(child.tag, str):
                walk(child, into)
            into.append(child.tail or "")
        into.append(edge)

    walk(root, body)
    return words("".join(body)), words("".join(foot))


def structure_words(res: Resolution, lang: str) -> tuple[list[str], list[str]]:
    """(words of the text, words of the footnotes) of ``res`` in ``lang``, in document order, with
    each paragraph's number as that language prints it."""
    out: list[str] = []

    def t(value: object) -> str:
        return value.get(lang, "") if hasattr(value, "get") else ""  # type: ignore[no-any-return,union-attr]

    def add(*texts: str) -> None:
        for text in texts:
            out.extend(words(text))

    unplaced: dict[str, list[str]] = {}
    for u in res.unplaced:
        if u.language == lang:
            unplaced.setdefault(u.after, []).append(u.text)

    def printed(p: Paragraph, siblings: tuple[Paragraph, ...]) -> str:
        if p.num.get(lang):
            return p.num[lang]
        if not p.label:
            return ""
        system = numbering.canonical(p.label)[1]
        if p.kind == "operative":
            system = "number"
        elif p.kind == "subparagraph" and system in ("letter", "roman"):
            subs = [s.label for s in siblings if s.kind == "subparagraph"]
            i = subs.index(p.label)
            system = numbering.subparagraph_system(p.label, subs[i - 1] if i else "")
        return numbering.printed_label(p.label, system, lang) if system in ("number", "letter", "roman") else p.label

    def para(p: Paragraph, siblings: tuple[Paragraph, ...]) -> None:
        for h in p.headings:
            add(t(h.num), t(h.text))
        add(printed(p, siblings), t(p.phrase), t(p.text))
        for table in p.tables:
            for row in table.rows:
                for cell in row:
                    add(t(cell.text))
        for text in unplaced.pop(p.id, []):
            add(text)
        for c in p.children:
            para(c, p.children)
        if p.embedded:
            part(p.embedded)

    def part(pt: Part) -> None:
        add(t(pt.heading), t(pt.title))
        for text in unplaced.pop(pt.id, []):
            add(text)
        for p in pt.paragraphs:
            para(p, pt.paragraphs)

    m = res.masthead
    if m:
        add(t(m.organization), t(m.issuer))
        if m.distribution:
            add(t(m.distribution.text), t(m.distribution.date_text))
        if m.session:
            add(t(m.session.words))
        if m.agenda_item:
            add(t(m.agenda_item.words), t(m.agenda_item.title))
    if res.adoption:
        add(t(res.adoption.text))
    if res.committee:
        add(t(res.committee.text))
    first, _, letter = res.number.partition(" ")  # "75/257 B": the letter is printed after the title
    add(first, t(res.title), letter)
    for text in unplaced.pop("", []):
        add(text)
    add(t(res.formula))
    for text in unplaced.pop("formula", []):
        add(text)
    for p in (*res.preamble, *res.operative):
        para(p, res.operative)
    for c in res.components:
        add(c.label, t(c.title), t(c.formula))
        for p in c.top_paragraphs():
            para(p, c.operative)
        if c.closing:
            add(t(c.closing.meeting), t(c.closing.date_text))
        for a in c.annexes:
            part(a)
    if res.closing:
        add(t(res.closing.meeting), t(res.closing.date_text))
    for text in unplaced.pop("closing", []):
        add(text)
    for a in res.annexes:
        part(a)
    for rest in unplaced.values():
        for text in rest:
            add(text)
    foot: list[str] = []
    for f in res.footnotes:
        foot.extend(words(t(f.text)))
    return out, foot


def missing_in_order(wanted: list[str], found: list[str]) -> tuple[int, str] | None:
    """The first word of ``wanted`` not found, in order, in ``found``: (its index, the words
    around it); ``None`` when every word is there in order."""
    pos = 0
    for i, word in enumerate(wanted):
        try:
            pos = found.index(word, pos) + 1
        except ValueError:
            return i, " ".join(wanted[max(0, i - 8) : i + 8])
    return None


def xml_counts(path: Path) -> dict[str, int]:
    """Preambular and operative paragraphs, first-level subparagraphs and footnotes, counted in
    the XML with XPath (for files of one statement; subparagraphs given as paragraphs numbered
    ``(a)`` in their ``num`` or their text are counted too)."""
    root = etree.parse(str(path)).getroot()
    label = re.compile(r"^\s*\(?[a-z]{1,2}\)\s")
    preambular = len(root.findall(".//a:statement/a:preamble/a:container", NS))
    operative = subparagraphs = 0
    for p in root.iterfind(".//a:statement/a:mainBody/a:paragraph", NS):
        num = (p.findtext("a:num", default="", namespaces=NS) or "").strip()
        text = "".join(p.itertext()).strip()
        if re.fullmatch(r"[0-9]+\.", num):
            operative += 1
            subparagraphs += len(p.findall("a:list/a:point", NS))
        elif re.fullmatch(r"\(?[a-z]{1,2}\)", num) or (not num and label.match("".join(p.itertext()))):
            subparagraphs += 1
        elif not num and text and operative == 0:
            operative += 1
    return {
        "preambular": preambular,
        "operative": operative,
        "subparagraphs": subparagraphs,
        "footnotes": len(_note_numbers(root)),
    }
