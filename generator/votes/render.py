"""What readers see of an adoption: the vote line, the vote panel, the map, the State pages.

Pure functions: model -> views (frozen dataclasses) -> HTML through jinja2 templates rendered
with autoescaping (:func:`html_environment`), so every value from the data is escaped.  The
fragments are HTML blocks that Python-Markdown passes through untouched: the resolution page
includes :func:`render_vote` through one template variable, and :func:`render_state_pages`
writes ``states/index.md`` and ``states/<code>/index.md``.

Functions the page templates rely on (keep calling them when rendering changes):
``render_vote`` (templates/vote.html.j2), ``render_state_pages`` (templates/states.md.j2,
templates/state.md.j2), ``series_of`` (how State pages group a series; replaceable).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.frontmatter import front_matter
from generator.votes.merge import disagreements
from generator.votes.model import SOURCE_NAMES, Adoption, Ballot, Sponsor, VoteValue
from generator.votes.states import StateTable
from generator.votes.worldmap import MapView, map_view

STATES_INDEX = "states/index.md"
UNDOCS_EN = "https://undocs.org/en/"


def state_page(code: str) -> str:
    """Path in docs/ of a State's page: ``states/cn/index.md``."""
    return f"states/{code.lower()}/index.md"


def undocs_en(symbol: str) -> str:
    """The English version of a document on undocs.org: ``https://undocs.org/en/A/73/PV.65``."""
    return UNDOCS_EN + symbol


def long_date(d: date | None) -> str:
    return f"{d.day} {d:%B %Y}" if d else ""


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def vote_sentence(a: Adoption) -> str:
    """``Adopted by a recorded vote of 138 to 12, with 16 abstentions`` / ``Adopted without a vote``."""
    kind = a.adoption.value
    if kind == "recorded vote" and a.vote:
        v = a.vote
        abstentions = v.abstain.count.value
        with_ = (
            "with no abstentions" if abstentions == 0 else f"with {_plural(abstentions, 'abstention', 'abstentions')}"
        )
        return f"Adopted by a recorded vote of {v.yes.count.value} to {v.no.count.value}, {with_}"
    if kind == "recorded vote":
        return "Adopted by a recorded vote"
    if kind == "without a vote":
        return "Adopted without a vote"
    return "Adoption type unknown"


# -- views ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Link:
    text: str
    href: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class ColumnView:
    vote: VoteValue
    title: str
    count: int
    states: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class BallotView:
    title: str
    """``Separate vote on operative paragraph 2``; ``""`` for the vote on the whole."""
    summary: str
    """``139 in favour, 1 against, 37 abstentions, 16 non-voting``."""
    columns: tuple[ColumnView, ...]


@dataclass(frozen=True, slots=True)
class VoteView:
    symbol: str
    sentence: str
    kind: str
    """``recorded``, ``without`` or ``unknown``: the class of the vote line."""
    data: tuple[tuple[str, str], ...]
    """The vote line's ``data-*`` attributes."""
    meeting: Link | None
    date: str
    ballot: BallotView | None
    map: MapView | None
    separate: tuple[BallotView, ...]
    sponsors: tuple[Link, ...]
    additional_sponsors: tuple[Link, ...]
    facts: tuple[tuple[str, tuple[Link, ...]], ...]
    """(label, its value as links or text): draft, report, committee, agenda item, meeting."""
    differences: tuple[str, ...]
    notes: tuple[str, ...]
    sources: tuple[str, ...]


COLUMN_TITLES = {"yes": "In favour", "no": "Against", "abstain": "Abstaining", "non-voting": "Non-voting"}


def _state_links(codes: Iterable[str], table: StateTable, href: Callable[[str], str]) -> tuple[Link, ...]:
    states = sorted((table[c] for c in codes if c in table.states), key=lambda s: _sort_name(s.name))
    return tuple(Link(s.name, href(s.alpha2)) for s in states)


def _sort_name(name: str) -> str:
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFD", name) if not unicodedata.combining(ch)).casefold()


def ballot_view(ballot: Ballot, table: StateTable, href: Callable[[str], str], title: str = "") -> BallotView:
    columns = tuple(
        ColumnView(value, COLUMN_TITLES[value], column.count.value, _state_links(column.states.value, table, href))
        for value, column in ballot.columns()
    )
    counts = {c.vote: c.count for c in columns}
    summary = (
        f"{counts['yes']} in favour, {counts['no']} against, "
        f"{_plural(counts['abstain'], 'abstention', 'abstentions')}, {counts['non-voting']} non-voting"
    )
    return BallotView(title, summary, columns)


def _sponsor_links(sponsors: Sequence[Sponsor], table: StateTable, href: Callable[[str], str]) -> tuple[Link, ...]:
    out = []
    for s in sponsors:
        if s.state and s.state in table.states:
            out.append(Link(table[s.state].name, href(s.state), s.note))
        else:
            out.append(Link(s.text, "", s.note))
    return tuple(out)


def _source_text(a: Adoption) -> tuple[str, ...]:
    out = []
    for ref in a.sources:
        name = SOURCE_NAMES.get(ref.id, ref.id)
        if ref.id == "text":
            out.append(f"{name} (resolution.yaml)")
        elif ref.id == "membership":
            out.append(f"{name} (generator/data/states.csv), for the non-voting Members")
        else:
            out.append(f"{name} ({ref.where()})")
    return tuple(out)


def vote_view(
    a: Adoption, table: StateTable, state_href: Callable[[str], str], doc_href: Callable[[str], str]
) -> VoteView:
    """Everything the vote line and panel show of ``a``; links made by the two functions given."""
    kind = {"recorded vote": "recorded", "without a vote": "without"}.get(a.adoption.value, "unknown")
    data: tuple[tuple[str, str], ...]
    if a.vote and kind == "recorded":
        v = a.vote
        data = (
            ("yes", str(v.yes.count.value)),
            ("no", str(v.no.count.value)),
            ("abstain", str(v.abstain.count.value)),
            ("non-voting", str(v.non_voting.count.value)),
        )
    elif kind == "without":
        data = (("without-vote", ""),)
    else:
        data = (("adoption-unknown", ""),)
    meeting = Link(a.meeting.value, undocs_en(a.meeting.value), a.meeting_note) if a.meeting else None
    facts: list[tuple[str, tuple[Link, ...]]] = []
    if a.draft:
        facts.append(("Draft resolution", (Link(a.draft.value, doc_href(a.draft.value)),)))
    if a.report:
        para = f", paragraph {a.report_paragraph.value}" if a.report_paragraph else ""
        facts.append(("Report", (Link(a.report.value, doc_href(a.report.value), para),)))
    if a.committee:
        facts.append(("Committee", (Link(a.committee.value),)))
    if a.agenda_item:
        title = f": {a.agenda_title.value}" if a.agenda_title else ""
        facts.append(("Agenda item", (Link(a.agenda_item.value, "", title),)))
    if meeting:
        facts.append(("Meeting record", (meeting,)))
    separate = tuple(
        ballot_view(
            b,
            table,
            state_href,
            f"Separate vote on {b.part}"
            if b.part
            else {"amendment": "Vote on an amendment"}.get(b.kind, "Separate vote")
            + (f" (roll call {b.roll_call})" if b.roll_call else ""),
        )
        for b in a.separate_votes
    )
    return VoteView(
        symbol=a.symbol,
        sentence=vote_sentence(a),
        kind=kind,
        data=data,
        meeting=meeting,
        date=long_date(a.date.value) if a.date else "",
        ballot=ballot_view(a.vote, table, state_href) if a.vote else None,
        map=map_view(a.vote, table) if a.vote else None,
        separate=separate,
        sponsors=_sponsor_links(a.sponsors.value, table, state_href) if a.sponsors else (),
        additional_sponsors=_sponsor_links(a.additional_sponsors.value, table, state_href)
        if a.additional_sponsors
        else (),
        facts=tuple(facts),
        differences=tuple(message for _, message in disagreements(a, table)),
        notes=a.notes,
        sources=_source_text(a),
    )


# -- HTML ------------------------------------------------------------------------------------------


def _attribute_name(name: str) -> str:
    if not re.fullmatch(r"[a-z][a-z-]*", name):
        raise ValueError(f"not a data attribute name: {name!r}")
    return name


@cache
def html_environment(templates_dir: Path) -> jinja2.Environment:
    """jinja2 for HTML fragments: autoescaping on, undefined names an error."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["attribute_name"] = _attribute_name
    return env


def raw_href(path: str) -> str:
    """A link for raw HTML: ``../states/cn/index.md`` -> ``../states/cn/`` (MkDocs leaves raw HTML as written)."""
    base, sep, anchor = path.partition("#")
    if base == "index.md" or base.endswith("/index.md"):
        base = base[: -len("index.md")] or "./"
    return base + sep + anchor


def relative(from_page: str, to_page: str) -> str:
    """A relative link between two pages of docs/ (paths without ``.`` or ``..`` parts)."""
    start = from_page.split("/")[:-1]
    target = to_page.split("/")
    common = 0
    while common < len(start) and common < len(target) - 1 and start[common] == target[common]:
        common += 1
    return raw_href("/".join([".."] * (len(start) - common) + target[common:]))


@dataclass(frozen=True, slots=True)
class VoteHtml:
    line: Markup
    """The vote line, for the page's header."""
    panel: Markup
    """The panel (map, States by vote, sponsors, documents, sources), for after the text."""


def render_vote(
    templates_dir: Path,
    a: Adoption | None,
    page: str,
    table: StateTable,
    doc_href: Callable[[str], str],
    state_pages: frozenset[str] | None = None,
) -> VoteHtml:
    """The vote line and panel of a resolution page (``page``: its path in docs/); empty without data.

    ``doc_href`` links a document symbol (the draft, the report): this site's page or undocs.org.
    ``state_pages``: the States that have a page (all when ``None``).
    """
    if a is None:
        return VoteHtml(Markup(""), Markup(""))

    def state_href(code: str) -> str:
        if state_pages is not None and code not in state_pages:
            return ""
        return relative(page, state_page(code))

    view = vote_view(a, table, state_href, lambda symbol: raw_href(doc_href(symbol)))
    env = html_environment(templates_dir)
    return VoteHtml(
        Markup(env.get_template("vote-line.html.j2").render(v=view, panel=True).strip()),  # noqa: S704 - autoescaped
        Markup(env.get_template("vote.html.j2").render(v=view).strip()),  # noqa: S704 - autoescaped
    )


# -- State pages -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Listed:
    """What a State page shows of a resolution besides its adoption."""

    symbol: str
    title: str
    page: str
    """Its page in docs/."""


@dataclass(frozen=True, slots=True)
class StateRow:
    symbol: str
    href: str
    title: str
    date: str
    year: str
    vote: str
    """``yes``, ``no``, ``abstain``, ``non-voting``, ``without`` (no vote), ``unknown``, ``none`` (not a Member)."""
    vote_text: str
    sponsor: str
    """``sponsor``, ``additional sponsor`` or ``""``."""
    separate: tuple[str, ...]
    """``operative paragraph 2: Yes`` for each separate vote."""


@dataclass(frozen=True, slots=True)
class SeriesView:
    title: str
    agenda_item: str
    rows: tuple[StateRow, ...]


@dataclass(frozen=True, slots=True)
class StateView:
    code: str
    name: str
    membership: str
    series: tuple[SeriesView, ...]
    single: tuple[StateRow, ...]
    counts: tuple[tuple[str, int], ...]


VOTE_TEXT = {
    "yes": "Yes",
    "no": "No",
    "abstain": "Abstain",
    "non-voting": "Non-voting",
    "without": "Adopted without a vote",
    "unknown": "Adoption type unknown",
    "none": "Not a Member",
}


def series_key(a: Adoption, title: str) -> tuple[str, str]:
    """Resolutions of one series: the same agenda item and the same title (until series are detected)."""
    return (a.agenda_item.value if a.agenda_item else "", " ".join(title.casefold().split()))


def series_of(entries: Sequence[tuple[Listed, Adoption]]) -> list[list[tuple[Listed, Adoption]]]:
    """Group resolutions into series, each in date order; a group of one is no series.

    The one place that decides what a series is: replace it when series are detected properly.
    """
    groups: dict[tuple[str, str], list[tuple[Listed, Adoption]]] = {}
    for listed, a in entries:
        groups.setdefault(series_key(a, listed.title), []).append((listed, a))
    return [sorted(g, key=lambda e: (e[1].date.value if e[1].date else date.min, e[0].symbol)) for g in groups.values()]


def _row(listed: Listed, a: Adoption, code: str, page: str) -> StateRow:
    when = a.date.value if a.date else None
    vote: str
    if a.vote:
        vote = a.vote.vote_of(code) or "none"
    elif a.adoption.value == "without a vote":
        vote = "without"
    else:
        vote = "unknown"
    sponsor = ""
    if a.sponsors and any(s.state == code for s in a.sponsors.value):
        sponsor = "sponsor"
    elif a.additional_sponsors and any(s.state == code for s in a.additional_sponsors.value):
        sponsor = "additional sponsor"
    separate = tuple(
        f"{b.part or b.kind}: {VOTE_TEXT[b.vote_of(code) or 'none']}" for b in a.separate_votes if b.vote_of(code)
    )
    return StateRow(
        listed.symbol,
        relative(page, listed.page),
        listed.title,
        long_date(when),
        str(when.year) if when else "",
        vote,
        VOTE_TEXT[vote],
        sponsor,
        separate,
    )


def states_in(a: Adoption) -> set[str]:
    """Every State an adoption names: in a vote or as a sponsor."""
    out: set[str] = set()
    for ballot in (a.vote, *a.separate_votes):
        if ballot:
            for _, column in ballot.columns():
                out.update(column.states.value)
    for sponsors in (a.sponsors, a.additional_sponsors):
        if sponsors:
            out.update(s.state for s in sponsors.value if s.state)
    return out


def state_view(code: str, entries: Sequence[tuple[Listed, Adoption]], table: StateTable) -> StateView:
    state = table[code]
    page = state_page(code)
    series: list[SeriesView] = []
    single: list[StateRow] = []
    for group in series_of(entries):
        rows = tuple(_row(listed, a, code, page) for listed, a in group)
        if len(group) > 1:
            first = group[0]
            series.append(SeriesView(first[0].title, first[1].agenda_item.value if first[1].agenda_item else "", rows))
        else:
            single.extend(rows)
    single.sort(key=lambda r: (r.date and r.year, r.symbol))
    counts: dict[str, int] = {}
    for row in [r for s in series for r in s.rows] + single:
        counts[row.vote] = counts.get(row.vote, 0) + 1
    if state.admitted is None:
        membership = "Non-member observer State of the United Nations."
    elif state.left:
        membership = f"Member of the United Nations from {long_date(state.admitted)} to {long_date(state.left)}."
    else:
        membership = f"Member of the United Nations since {long_date(state.admitted)}."
    return StateView(
        code,
        state.name,
        membership,
        tuple(sorted(series, key=lambda s: s.title.casefold())),
        tuple(single),
        tuple((VOTE_TEXT[v], counts[v]) for v in VOTE_TEXT if v in counts),
    )


@dataclass(frozen=True, slots=True)
class IndexRow:
    code: str
    name: str
    href: str
    counts: tuple[int, int, int, int]
    """Yes, No, Abstain, Non-voting on the resolutions of the site."""
    sponsored: int


def render_state_pages(
    templates_dir: Path,
    adoptions: Mapping[str, Adoption],
    listed: Mapping[str, Listed],
    table: StateTable,
    marker: str,
) -> dict[str, str]:
    """``states/index.md`` and a page per State named by any adoption: path in docs/ -> Markdown."""
    env = html_environment(templates_dir)
    entries = [(listed[s], a) for s, a in sorted(adoptions.items()) if s in listed]
    codes = sorted(set().union(*(states_in(a) for _, a in entries)) if entries else set())
    pages: dict[str, str] = {}
    rows: list[IndexRow] = []
    for code in codes:
        view = state_view(code, entries, table)
        counts = dict(view.counts)
        sponsored = sum(
            1
            for _, a in entries
            if any(s.state == code for sp in (a.sponsors, a.additional_sponsors) if sp for s in sp.value)
        )
        rows.append(
            IndexRow(
                code,
                view.name,
                relative(STATES_INDEX, state_page(code)),
                tuple(counts.get(VOTE_TEXT[v], 0) for v in ("yes", "no", "abstain", "non-voting")),  # type: ignore[arg-type]
                sponsored,
            )
        )
        pages[state_page(code)] = env.get_template("state.md.j2").render(
            front=front_matter(
                {
                    "title": view.name,
                    "description": f"How {view.name} voted on the resolutions of this site.",
                    "edit_url": "",  # derived from the adoption data: nothing here to edit
                }
            ),
            marker=Markup(marker),  # noqa: S704 - a constant
            s=view,
            index=relative(state_page(code), STATES_INDEX),
        )
    rows.sort(key=lambda r: _sort_name(r.name))
    pages[STATES_INDEX] = env.get_template("states.md.j2").render(
        front=front_matter(
            {"title": "States", "description": "How each State voted on the resolutions of this site.", "edit_url": ""}
        ),
        marker=Markup(marker),  # noqa: S704 - a constant
        rows=rows,
        resolutions=len(entries),
        recorded=sum(1 for _, a in entries if a.vote),
    )
    return pages
