"""The history on the site: the changes pages, and what resolution pages show of it.

Adapters between :mod:`generator.history.site` (pure) and the build: :func:`load_history` reads
the records from the cache or the models, :func:`changes_units` makes one unit of output per
comparison (its pages in every language the two texts share), :func:`page_history` gives a
resolution page what it shows of its paragraphs' history, with a fingerprint of it.

A changes page is at ``/<symbol>/changes/`` (against the first resolution it is compared with;
``/<symbol>/changes/<slug of the other>/`` for further ones, the draft last), and at
``.../<language>/`` in every other language the two share.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.cache import cache_dir, code_version, digest
from generator.errors import Problem
from generator.frontmatter import front_matter
from generator.history.align import STATUSES, Pair, align, counts, diff_words
from generator.history.notes import ParagraphHistory, short_name
from generator.history.overrides import SERIES_FILE, SeriesFile, load_series_file
from generator.history.site import (
    FORMAT,
    Comparison,
    History,
    Record,
    cached_record,
    provenance_from_json,
    provenance_json,
    read_json,
    record_from_json,
    record_json,
    site_history,
    write_json,
)
from generator.history.text import CHANGED
from generator.i18n import NATIVE_NAMES, direction
from generator.model import NOTE_MARKER, Resolution, strip_notes
from generator.project import Project


def series_file_of(project: Project, symbols: frozenset[str]) -> tuple[SeriesFile, list[Problem]]:
    return load_series_file(project.resolutions_dir, symbols, project.rel(project.resolutions_dir / SERIES_FILE))


def load_history(project: Project, data_keys: Mapping[str, str], model: Callable[[str], Resolution]) -> History:
    """The site's history, from the cache when no data file changed (see :mod:`generator.history.site`).
    ``data_keys``: the fingerprint of each resolution's data file; ``model(symbol)``: the resolution."""
    symbols = sorted(data_keys)
    series_file, _ = series_file_of(project, frozenset(symbols))  # its problems stop load_project
    folder = cache_dir(project.root) / "history"
    version = digest(FORMAT, code_version())
    keys = {s: _record_key(data_keys[s]) for s in symbols}
    site_key = digest(version, series_file.text, *(f"{s}\0{keys[s]}" for s in symbols))
    full: dict[str, Record] = {}

    def record(symbol: str) -> Record:
        if symbol not in full:
            full[symbol] = cached_record(folder / "records", symbol, keys[symbol], model)
        return full[symbol]

    stored = read_json(folder / "site.json", site_key)
    if isinstance(stored, dict):
        try:
            heads = {str(h["symbol"]): record_from_json(h) for h in stored["heads"]}
            known = provenance_from_json(stored["provenance"])
        except (KeyError, TypeError, ValueError, AssertionError):
            pass
        else:
            return site_history(heads, record, series_file, known)
    heads = {s: record(s).head() for s in symbols}
    history = site_history(heads, record, series_file)
    write_json(
        folder / "site.json",
        site_key,
        {"heads": [record_json(h) for h in heads.values()], "provenance": provenance_json(history.provenance)},
    )
    return history


def _record_key(data_key: str) -> str:
    return digest(digest(FORMAT, code_version()), data_key)


def store_record(root: Path, symbol: str, data_key: str, res: Resolution) -> None:
    """Make and cache the history's record of ``res`` (whose data file has fingerprint
    ``data_key``) unless the cache has it: the build does so where it has just read the model."""
    cached_record(cache_dir(root) / "history" / "records", symbol, _record_key(data_key), lambda _: res)


# -- what a resolution page shows ----------------------------------------------------------------


def page_history(
    history: History, symbol: str, names: Callable[[str], Mapping[str, str]]
) -> tuple[dict[str, ParagraphHistory], tuple[tuple[str, str], ...]]:
    """(per paragraph id: its history; the page's changes pages as (label, page in docs/)).
    ``names(symbol)`` gives a resolution's paragraph names by id."""
    comparisons = history.comparisons.get(symbol, ())
    against = {c.earlier: c.page() for c in comparisons}
    notes: dict[str, ParagraphHistory] = {}
    for pid, p in history.provenance.get(symbol, {}).items():
        earlier = p.since or p.changed_from
        name = short_name(names(earlier.symbol).get(earlier.paragraph_id, earlier.paragraph_id)) if earlier else ""
        page = against.get(p.changed_from.symbol, "") if p.changed_from else ""
        notes[pid] = ParagraphHistory(p, name, page)
    links = tuple((f"{'draft' if c.kind == 'draft' else 'from'} {c.earlier}", c.page()) for c in comparisons)
    if not comparisons and all(n.provenance.status == "new" for n in notes.values()):
        # Nothing on the site to compare it with: "new" would claim more than the site knows.
        return {}, links
    return notes, links


def page_history_key(notes: Mapping[str, ParagraphHistory], links: Sequence[tuple[str, str]]) -> str:
    return digest(repr(sorted(notes.items())), repr(links))


# -- the changes pages ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SideView:
    id: str
    name: str
    href: str
    text: str
    """The wording without footnote markers, its spaces plain (a no-break space in one text and a
    space in the other is no difference)."""


@dataclass(frozen=True, slots=True)
class RowView:
    status: str
    anchor: str
    old: SideView | None
    new: SideView | None
    segments: tuple[tuple[str, str], ...]
    """(``equal``/``delete``/``insert``, text): the words that differ, when they do."""
    similarity: int
    """Percent."""
    notes_differ: bool = False
    """The two have not as many footnote markers (a note added or dropped; numbers aside)."""


@dataclass(frozen=True, slots=True)
class NavLink:
    text: str
    href: str
    current: bool


STATUS_LABELS = {"unchanged": "Unchanged", "changed": "Changed", "new": "New", "dropped": "Dropped", "moved": "Moved"}


def rows_of(pairs: Sequence[Pair], side: Callable[[str, str, str, str], SideView]) -> list[RowView]:
    """The rows of a changes page: ``side(symbol_role, id, name, wording)`` makes one side."""
    out = []
    for pair in pairs:
        old = side("old", pair.old.id, pair.old.name, pair.old.wording) if pair.old else None
        new = side("new", pair.new.id, pair.new.name, pair.new.wording) if pair.new else None
        segments: tuple[tuple[str, str], ...] = ()
        if old and new and old.text != new.text:
            segments = tuple((s.op, s.text) for s in diff_words(old.text, new.text))
        anchor = new.id if new else f"dropped-{old.id}" if old else ""
        notes_differ = bool(
            pair.old
            and pair.new
            and len(NOTE_MARKER.findall(pair.old.wording)) != len(NOTE_MARKER.findall(pair.new.wording))
        )
        out.append(RowView(pair.status, anchor, old, new, segments, round(pair.similarity * 100), notes_differ))
    return out


def render_changes(
    env: jinja2.Environment,
    comparison: Comparison,
    all_comparisons: Sequence[Comparison],
    history: History,
    link: Callable[[str, str, str], str],
    marker: Markup,
) -> dict[str, str]:
    """Every page of one comparison (one per language): path in docs/ -> content.
    ``link(from_page, symbol, anchor)`` links from a page to a resolution's paragraph."""
    later, earlier = history.record(comparison.later), history.record(comparison.earlier)
    pages: dict[str, str] = {}
    series = next(
        (s for s in history.series if comparison.earlier in s.members and comparison.later in s.members), None
    )
    for lang in comparison.languages:
        page = comparison.page(lang)
        pairs = align(earlier.compared(lang), later.compared(lang))

        def side(role: str, pid: str, name: str, wording: str, page: str = page) -> SideView:
            symbol = comparison.earlier if role == "old" else comparison.later
            return SideView(pid, short_name(name), link(page, symbol, pid), " ".join(strip_notes(wording).split()))

        rows = rows_of(pairs, side)
        tally = counts(pairs)
        title = f"What changed in {comparison.later} from {'its draft ' if comparison.kind == 'draft' else ''}{comparison.earlier}"
        meta = {
            "title": title,
            "description": (
                f"{comparison.later} compared with {comparison.earlier} paragraph by paragraph: "
                + ", ".join(f"{tally[s]} {s}" for s in STATUSES)
                + "."
            ),
            "edit_url": "",
        }
        nav = [
            NavLink(
                ("Draft " if c.kind == "draft" else "From ") + c.earlier,
                _relative(page, c.page(lang if lang in c.languages else "")),
                c == comparison,
            )
            for c in all_comparisons
        ]
        langs = [
            NavLink(NATIVE_NAMES.get(code, code), _relative(page, comparison.page(code)), code == lang)
            for code in comparison.languages
        ]
        pages[page] = env.get_template("changes.md.j2").render(
            front_matter=front_matter(meta),
            marker=marker,
            title=title,
            comparison=comparison,
            lang=lang,
            dir=direction(lang),
            counts=tally,
            statuses=STATUSES,
            labels=STATUS_LABELS,
            rows=rows,
            nav=nav if len(nav) > 1 else [],
            languages=langs if len(langs) > 1 else [],
            later_href=link(page, comparison.later, ""),
            earlier_href=link(page, comparison.earlier, ""),
            later_title=later.title,
            earlier_title=earlier.title,
            later_date=later.adopted,
            earlier_date=earlier.adopted,
            series=series.name if series else "",
            threshold=round(CHANGED * 100),
        )
    return pages


def _relative(from_page: str, to_page: str) -> str:
    from generator.render import raw_html_href, relative_link

    return raw_html_href(relative_link(from_page, to_page))


def changes_units(
    history: History,
    env: Callable[[], jinja2.Environment],
    env_key: str,
    data_keys: Mapping[str, str],
    link: Callable[[str, str, str], str],
    marker: Markup,
) -> list[tuple[str, str, Callable[[], Mapping[str, str | bytes]]]]:
    """(name, key, make) of each comparison's unit of output: it depends on the two data files
    and on the comparisons of the later resolution (the page links to the others)."""
    out: list[tuple[str, str, Callable[[], Mapping[str, str | bytes]]]] = []
    for _, comparisons in sorted(history.comparisons.items()):
        for c in comparisons:
            series = [s.name for s in history.series if c.earlier in s.members and c.later in s.members]

            def make(c: Comparison = c, comparisons: Sequence[Comparison] = comparisons) -> Mapping[str, str | bytes]:
                return render_changes(env(), c, comparisons, history, link, marker)

            key = digest(env_key, "changes", data_keys[c.later], data_keys[c.earlier], repr(comparisons), repr(series))
            out.append((f"changes {c.later} {c.earlier}", key, make))
    return out


def is_history_file(path: Path) -> bool:
    """Whether a path in docs/ is a changes page (for tests and tools)."""
    return "changes" in path.parts
