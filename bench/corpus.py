"""A synthetic corpus shaped like real General Assembly resolutions, for benchmarks and serve tests.

Each resolution is written as an official text in the same text form as
``resolutions/A-RES-73-266/source.txt`` (masthead, ``70/5. Title``, enacting formula, preambular
paragraphs, numbered operative paragraphs with (a)/(b) and (i)/(ii) subparagraphs, superscript
footnote markers with their definitions, closing formula) and is meant to go through the real
importer.  Resolutions cite earlier ones of the corpus ("resolution 70/5 of 1 December 2015"),
so the site has cross-references, lineage diagrams and a large documents index.  Commentary files
(YAML front matter, Markdown body with paragraph references in the syntax of
:mod:`generator.crossrefs`) fill about a third of the paragraph slots.

Everything is deterministic for a given seed.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

from generator.model import Resolution
from generator.naming import named_paragraphs
from generator.render import GENERATED_MARKER

ROOT = Path(__file__).resolve().parent.parent

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TENS_ORD = {5: "Fiftieth", 6: "Sixtieth", 7: "Seventieth", 8: "Eightieth"}
_TENS_CARD = {5: "Fifty", 6: "Sixty", 7: "Seventy", 8: "Eighty"}

PREAMBULAR_PHRASES = (
    "Recalling",
    "Recalling also",
    "Reaffirming",
    "Noting",
    "Noting with concern",
    "Welcoming",
    "Bearing in mind",
    "Taking into account",
    "Emphasizing",
    "Stressing",
    "Recognizing",
    "Recognizing also",
    "Deeply concerned",
    "Expressing concern",
    "Convinced",
    "Acknowledging",
    "Underlining",
    "Mindful",
    "Affirming",
    "Conscious",
)
OPERATIVE_PHRASES = (
    "Calls upon",
    "Requests",
    "Requests also",
    "Also requests",
    "Invites",
    "Urges",
    "Encourages",
    "Decides",
    "Welcomes",
    "Reaffirms",
    "Stresses",
    "Takes note of",
    "Recommends",
    "Emphasizes",
    "Notes with concern",
    "Further invites",
    "Calls upon",
    "Underlines",
)
SUBJECTS = (
    "Member States",
    "all States",
    "the Secretary-General",
    "the relevant organs of the United Nations system",
    "regional and subregional organizations",
    "the international community",
    "the Office for Disarmament Affairs of the Secretariat",
    "the specialized agencies, funds and programmes",
    "civil society, academia and the private sector",
    "the Human Rights Council",
    "donor countries and international financial institutions",
)
NOUNS = (
    "cooperation",
    "capacity-building",
    "international security",
    "sustainable development",
    "information and communications technologies",
    "confidence-building measures",
    "the rule of law",
    "human rights and fundamental freedoms",
    "technical assistance",
    "the exchange of information",
    "national legislation",
    "early warning mechanisms",
    "the implementation of the present resolution",
    "voluntary contributions",
    "gender equality",
    "the protection of civilians",
    "resilient infrastructure",
    "data and statistics",
    "maritime safety",
    "public health preparedness",
    "climate adaptation",
    "the peaceful settlement of disputes",
    "transparency and accountability",
    "regional consultations",
)
ADJECTIVES = (
    "effective",
    "comprehensive",
    "voluntary",
    "non-binding",
    "coordinated",
    "inclusive",
    "sustained",
    "adequate",
    "predictable",
    "practical",
    "timely",
    "mutually reinforcing",
)
VERBS = (
    "to strengthen",
    "to promote",
    "to support",
    "to enhance",
    "to continue to study",
    "to consider",
    "to facilitate",
    "to develop",
    "to ensure",
    "to encourage",
    "to report on",
    "to take into account",
)
TOPICS = (
    "Developments in the field of information and telecommunications in the context of international security",
    "Advancing responsible State behaviour in cyberspace",
    "Oceans and the law of the sea",
    "Sustainable fisheries",
    "Strengthening of the coordination of emergency humanitarian assistance",
    "Agricultural technology for sustainable development",
    "Implementation of the Convention on Biological Diversity",
    "The rule of law at the national and international levels",
    "Measures to eliminate international terrorism",
    "Promotion of a democratic and equitable international order",
    "Rights of the child",
    "Question of the Falkland Islands (Malvinas)",
    "Prevention of an arms race in outer space",
    "International cooperation in the peaceful uses of outer space",
    "Disaster risk reduction",
    "Entrepreneurship for sustainable development",
    "Global health and foreign policy",
    "Improvement of the situation of women and girls in rural areas",
    "Nuclear disarmament",
    "Problems arising from the accumulation of conventional ammunition stockpiles in surplus",
)
QUALIFIERS = (
    "",
    "",
    " in the context of international security",
    ": follow-up to the outcome of the special session",
    " and related matters",
    ": towards a comprehensive approach",
)
COMMITTEES = (
    "First Committee",
    "Second Committee",
    "Third Committee",
    "Sixth Committee",
    "Special Political and Decolonization Committee (Fourth Committee)",
)
AUTHORS = (
    "Annotated Resolutions editorial team",
    "Amina Diallo",
    "Jonas Lindqvist",
    "Mei Ling Tan",
    "Carlos Restrepo",
    "Priya Raman",
    "Olena Kovalenko",
)
AFFILIATIONS = ("", "", "Graduate Institute, Geneva", "University of Cape Town", "Leiden University")
TAGS = ("norms", "international-law", "institutions", "development", "human-rights", "security", "procedure")
COMMENT_WORDS = (
    "the paragraph",
    "the drafters",
    "the Assembly",
    "this formula",
    "the negotiating history",
    "the mandate",
    "the earlier text",
    "several delegations",
    "the final compromise",
    "the reporting cycle",
    "the agreed language",
    "the explanation of vote",
    "the sponsors",
    "the working group",
)
COMMENT_VERBS = (
    "reflects",
    "departs from",
    "builds on",
    "narrows",
    "restates",
    "was read as weakening",
    "was meant to clarify",
    "reopened",
    "carries forward",
    "qualifies",
)


def ordinal_words(n: int) -> str:
    """``73`` -> ``Seventy-third``."""
    tens, unit = divmod(n, 10)
    if unit == 0:
        return _TENS_ORD[tens]
    return f"{_TENS_CARD[tens]}-{_UNITS[unit - 1]}"


def ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def long_date(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def superscript(n: int) -> str:
    return "".join(SUPERSCRIPTS[int(c)] for c in str(n))


@dataclass
class SyntheticResolution:
    session: int
    number: int
    adopted: date
    title: str
    cites: list[SyntheticResolution]
    text: str = ""

    @property
    def short(self) -> str:
        return f"{self.session}/{self.number}"

    @property
    def symbol(self) -> str:
        return f"A/RES/{self.session}/{self.number}"

    @property
    def slug(self) -> str:
        return f"A-RES-{self.session}-{self.number}"


class _Writer:
    """Writes one resolution's official text, keeping footnote numbering."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.lines: list[str] = []
        self.notes = 0

    def words(self, low: int, high: int) -> str:
        rng = self.rng
        target = rng.randint(low, high)
        parts: list[str] = []
        count = 0
        while count < target:
            clause = rng.choice(
                (
                    f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}",
                    f"{rng.choice(VERBS)} {rng.choice(NOUNS)}",
                    f"{rng.choice(NOUNS)} and {rng.choice(NOUNS)}",
                    f"the need {rng.choice(VERBS)} {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}",
                    f"in accordance with {rng.choice(NOUNS)}",
                    f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(NOUNS)}",
                )
            )
            parts.append(clause)
            count += len(clause.split())
        out = parts[0]
        for p in parts[1:]:
            out += rng.choice((", ", " and ", ", including ", " with a view ", " for ", ", in particular ", " of "))
            out += p
        return out

    def footnote(self) -> tuple[str, str]:
        """A marker to put after a word, and the definition line to write after the paragraph."""
        self.notes += 1
        rng = self.rng
        session = rng.randint(55, 79)
        text = rng.choice(
            (
                f"A/{session}/{rng.randint(100, 999)}.",
                f"A/{session}/{rng.randint(100, 999)} and A/{session}/{rng.randint(100, 999)}/Add.1.",
                f"See A/{session}/{rng.randint(100, 999)}, para. {rng.randint(2, 40)}.",
                f"Official Records of the General Assembly, {ordinal_words(session)} Session, "
                f"Supplement No. {rng.randint(1, 50)} (A/{session}/{rng.randint(1, 50)}).",
                f"A/CONF.{rng.randint(100, 250)}/{rng.randint(1, 30)}, chap. I, resolution 1, annex.",
            )
        )
        return superscript(self.notes), f"{superscript(self.notes)} {text}"


def _citation(res: SyntheticResolution) -> str:
    return f"{res.short} of {long_date(res.adopted)}"


def _cite_list(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def write_text(res: SyntheticResolution, rng: random.Random) -> str:
    """The official text of ``res`` (also kept as ``res.text``)."""
    w = _Writer(rng)
    out: list[str] = ["", ""]
    if rng.random() < 0.5:
        out += ["United Nations", ""]
    out += ["General Assembly", ""]
    if rng.random() < 0.5:
        out += [res.symbol, ""]
    distributed = res.adopted + timedelta(days=rng.randint(5, 40))
    out += ["Distr.: General", long_date(distributed), ""]
    out += [f"{ordinal_words(res.session)} session", ""]
    out += [f"Agenda item {rng.randint(10, 140)}", ""]
    out += [f"Resolution adopted by the General Assembly on {long_date(res.adopted)}", ""]
    if rng.random() < 0.8:
        out += [f"[on the report of the {rng.choice(COMMITTEES)} (A/{res.session}/{rng.randint(400, 700)})]", ""]
    else:
        out += [f"[without reference to a Main Committee (A/{res.session}/L.{rng.randint(1, 80)})]", ""]
    out += [f"{res.short}. {res.title}", "", "The General Assembly,", ""]

    def note_after(text: str, defs: list[str]) -> str:
        """Put a footnote marker after a word ending a clause, and remember its definition."""
        marker, definition = w.footnote()
        defs.append(definition)
        words = text.split(" ")
        at = rng.randint(max(1, len(words) // 3), len(words) - 1)
        words[at - 1] = words[at - 1].rstrip(",") + ("," if words[at - 1].endswith(",") else "") + marker
        return " ".join(words)

    # Preamble: cite earlier resolutions of the corpus first, as real texts do.
    n_pre = max(3, int(rng.gauss(15, 3)))
    n_op = max(3, int(rng.gauss(20, 4)))
    cites = list(res.cites)
    for i in range(1, n_pre + 1):
        defs: list[str] = []
        phrase = rng.choice(PREAMBULAR_PHRASES)
        if i == 1 and cites:
            items = [_citation(c) for c in cites[:6]]
            extra = rng.choice(("", ", as well as its decision 72/512 of 4 December 2017"))
            body = f"Recalling its resolution{'s' if len(items) > 1 else ''} {_cite_list(items)}{extra},"
        else:
            text = w.words(25, 90)
            if rng.random() < 0.15:
                text = note_after(text, defs)
            if cites and rng.random() < 0.12:
                c = rng.choice(cites)
                text += f", as set out in its resolution {_citation(c)}"
            body = f"{phrase} that {text},"
        out += [body, ""]
        for d in defs:
            out += [d, ""]
    for n in range(1, n_op + 1):
        defs = []
        phrase = rng.choice(OPERATIVE_PHRASES)
        subject = rng.choice(SUBJECTS)
        if rng.random() < 0.3:
            lead = f"{n}. *{phrase}* {subject}{rng.choice(('', ', in particular', ', as appropriate'))}:"
            out += [lead, ""]
            letters = "abcdefgh"[: rng.randint(2, 5)]
            for k, letter in enumerate(letters):
                last = k == len(letters) - 1
                text = w.words(12, 45)
                if rng.random() < 0.12:
                    text = note_after(text, defs)
                if rng.random() < 0.2:
                    out += [f"({letter}) {upper_first(text)}, including:", ""]
                    romans = ("i", "ii", "iii", "iv")[: rng.randint(2, 4)]
                    for j, roman in enumerate(romans):
                        end = ";" if not (last and j == len(romans) - 1) else "."
                        out += [f"({roman}) {upper_first(w.words(8, 25))}{end}", ""]
                else:
                    prefix = "- " if rng.random() < 0.05 else ""
                    out += [f"{prefix}({letter}) {upper_first(text)}{'.' if last else ';'}", ""]
                for d in defs:
                    out += [d, ""]
                defs = []
        else:
            text = w.words(20, 110)
            if rng.random() < 0.15:
                text = note_after(text, defs)
            if cites and rng.random() < 0.15:
                c = rng.choice(cites)
                text += f", pursuant to its resolution {c.short}"
            out += [f"{n}. *{phrase}* {subject} {text};", ""]
            for d in defs:
                out += [d, ""]
    out += [f"{ordinal_suffix(rng.randint(40, 80))} plenary meeting", long_date(res.adopted)]
    res.text = "\n".join(out) + "\n"
    return res.text


def plan(n: int, seed: int = 1) -> list[SyntheticResolution]:
    """``n`` resolutions over sessions 60-79, oldest first, each citing a few earlier ones."""
    rng = random.Random(seed)
    sessions = list(range(60, 80))
    per_session = -(-n // len(sessions))
    taken: set[tuple[int, int]] = set()
    out: list[SyntheticResolution] = []
    for i in range(n):
        session = sessions[min(i // per_session, len(sessions) - 1)]
        number = rng.randint(1, 320)
        while (session, number) in taken:
            number = rng.randint(1, 320)
        taken.add((session, number))
        year = 1945 + session
        adopted = date(year, 12, 1) + timedelta(days=rng.randint(0, 22))
        title = rng.choice(TOPICS) + rng.choice(QUALIFIERS)
        earlier = out[-40:]
        cites = rng.sample(earlier, k=min(len(earlier), rng.randint(1, 5))) if earlier else []
        cites.sort(key=lambda r: (r.adopted, r.session, r.number))
        out.append(SyntheticResolution(session, number, adopted, title, cites))
    for res in out:
        write_text(res, rng)
    return out


def _sentence(rng: random.Random) -> str:
    return (
        f"{upper_first(rng.choice(COMMENT_WORDS))} {rng.choice(COMMENT_VERBS)} "
        f"{rng.choice(COMMENT_WORDS)} on {rng.choice(NOUNS)}, "
        f"{rng.choice(('which', 'although', 'because', 'so that'))} {rng.choice(COMMENT_WORDS)} "
        f"{rng.choice(COMMENT_VERBS)} {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}."
    )


Slots = dict[str, list[tuple[str, str]]]
"""Per resolution symbol: (paragraph id, paragraph name) of every slot, in document order, as
the importer structured it (see :func:`slots_of`)."""


def slots_of(resolution: Resolution) -> list[tuple[str, str]]:
    """(id, name) of every paragraph of an imported resolution, in document order."""
    return [(p.id, name) for p, _, name in named_paragraphs(resolution)]


def commentary_text(
    res: SyntheticResolution, slot_id: str, slots: Slots, rng: random.Random, tags: tuple[str, ...] = TAGS
) -> str:
    """A commentary file: front matter, then two to four paragraphs with paragraph references."""
    authors = rng.sample(AUTHORS, k=rng.randint(1, 2))
    lines = ["---", "authors:"]
    for a in authors:
        lines.append(f"  - name: {a}")
        if aff := rng.choice(AFFILIATIONS):
            lines.append(f"    affiliation: {aff}")
    lines.append(f"updated: {date(2026, 1, 1) + timedelta(days=rng.randint(0, 300))}")
    if tags:
        lines.append(f"tags: [{', '.join(rng.sample(tags, k=min(len(tags), rng.randint(1, 3))))}]")
    if rng.random() < 0.6:
        lines.append("sources:")
        for _ in range(rng.randint(1, 3)):
            s = rng.randint(60, 79)
            doc = f"A/{s}/{rng.randint(100, 400)}"
            lines.append(f'  - "Report of the Secretary-General on {rng.choice(NOUNS)}, UN Doc {doc} ({1945 + s})"')
    lines += ["---", ""]
    own = [(pid, name) for pid, name in slots[res.symbol] if pid != slot_id]
    cites = [c for c in res.cites if slots.get(c.symbol)]
    body: list[str] = []
    for _ in range(rng.randint(2, 4)):
        sentences = [_sentence(rng) for _ in range(rng.randint(3, 6))]
        roll = rng.random()
        if roll < 0.35 and own:
            pid, name = rng.choice(own)
            sentences.insert(rng.randint(0, len(sentences)), f"Compare [{name}](#{pid}).")
        elif roll < 0.55 and cites:
            other = rng.choice(cites)
            pid, name = rng.choice(slots[other.symbol])
            sentences.insert(
                rng.randint(0, len(sentences)),
                f"The same wording appears in [{name} of resolution {other.short}]({other.symbol}#{pid}).",
            )
        elif roll < 0.65 and cites:
            other = rng.choice(cites)
            sentences.append(f"See also [resolution {other.short}]({other.symbol}).")
        elif roll < 0.8:
            s = rng.randint(60, 79)
            doc = f"A/{s}/{rng.randint(100, 400)}"
            sentences.append(f"The report ([{doc}](https://undocs.org/{doc})) records the debate.")
        body.append(" ".join(sentences))
    return "\n".join(lines) + "\n\n".join(body) + "\n"


def commentary_files(
    corpus: list[SyntheticResolution],
    slots: Slots,
    seed: int = 1,
    share: float = 1 / 3,
    tags: tuple[str, ...] = TAGS,
) -> dict[str, str]:
    """Commentary for ``share`` of all paragraph slots: path under resolutions/ -> content."""
    rng = random.Random(seed + 1)
    out: dict[str, str] = {}
    for res in corpus:
        ids = [pid for pid, _ in slots[res.symbol]]
        chosen = sorted(set(rng.sample(ids, k=round(len(ids) * share))))
        for pid in chosen:
            out[f"{res.slug}/commentary/{pid}.md"] = commentary_text(res, pid, slots, rng, tags)
    return out


def _generated(path: Path) -> bool:
    """A page that ``python -m generator build`` wrote (it carries the generator's marker)."""
    if path.suffix != ".md":
        return False
    with path.open(encoding="utf-8", errors="replace") as fh:
        return GENERATED_MARKER in fh.read(4096)


_NOT_SITE = {"docs", "resolutions", "site", "tests", "bench", "generator", "test-artifacts", "README.md"}


def copy_site_skeleton(dest: Path, with_resolutions: bool = False, root: Path = ROOT) -> Path:
    """The site's sources without its resolutions (or with them) in ``dest``; returns mkdocs.yml.

    Copies every visible top-level file and folder that the site may use (mkdocs.yml,
    templates/, theme overrides, CONTRIBUTING.md ...), the hand-written parts of docs/ (not the
    pages the generator wrote) and the files directly in resolutions/ (the tag vocabulary).
    """
    dest.mkdir(parents=True, exist_ok=True)
    for path in sorted(root.iterdir()):
        if path.name.startswith(".") or path.name in _NOT_SITE or path.name.endswith(".egg-info"):
            continue
        if path.is_dir():
            shutil.copytree(path, dest / path.name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(path, dest / path.name)
    (dest / "docs").mkdir(exist_ok=True)
    for path in sorted((root / "docs").rglob("*")):
        if path.is_file() and not _generated(path):
            target = dest / "docs" / path.relative_to(root / "docs")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
    if with_resolutions:
        shutil.copytree(root / "resolutions", dest / "resolutions")
    else:
        (dest / "resolutions").mkdir()
        for path in (root / "resolutions").iterdir():
            if path.is_file():
                shutil.copy(path, dest / "resolutions" / path.name)
    return dest / "mkdocs.yml"


def tag_vocabulary(resolutions_dir: Path) -> tuple[str, ...]:
    """The tag ids commentary may use (``resolutions/tags.yaml``), or a stock list without one."""
    path = resolutions_dir / "tags.yaml"
    if not path.exists():
        return TAGS
    loaded = yaml.safe_load(path.read_text("utf-8"))
    return tuple(loaded) if isinstance(loaded, dict) and loaded else ()


def write_sources(corpus: list[SyntheticResolution], folder: Path) -> list[Path]:
    """Each resolution's official text as ``folder/<slug>.txt``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for res in corpus:
        path = folder / f"{res.slug}.txt"
        path.write_text(res.text, encoding="utf-8")
        paths.append(path)
    return paths


def write_commentary(files: dict[str, str], resolutions_dir: Path) -> None:
    for rel, content in files.items():
        path = resolutions_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
