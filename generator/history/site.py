"""The history of the resolutions on the site: their series, their comparisons, the provenance
of every paragraph; computed once for the whole site and cached.

Stages:

1. **record** (:func:`record_of`): what the history needs of one resolution, from its model:
   title, agenda item title, session, the resolutions it cites, its draft, and per language the
   wording of every paragraph.  Cached per resolution by the fingerprint of its data file.
2. **series** (:func:`generator.history.series.detect`): links between the records, corrected
   by ``resolutions/series.yaml`` (:mod:`generator.history.overrides`).
3. **comparisons** (:func:`comparisons_of`): what each resolution is compared with on its changes
   pages: each resolution it continues (the one it continues by its title first), then its draft.
4. **provenance** (:func:`generator.history.provenance.provenance`): over the main language of
   every resolution (drafts aside).  Cached by the fingerprints of every data file: an unchanged
   corpus costs one small file read.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from generator.cache import load_json, store_json
from generator.citations import lineage
from generator.history.align import Unit
from generator.history.overrides import SeriesFile
from generator.history.provenance import Earlier, Entry, Provenance, provenance
from generator.history.series import Links, Member, Series, detect
from generator.history.text import words
from generator.model import Resolution, slug_of
from generator.naming import named_paragraphs

FORMAT = "history-1"
"""The cached records' format: a new one invalidates them."""


@dataclass(frozen=True, slots=True)
class Record:
    """What the history needs of one resolution."""

    symbol: str
    adopted: date | None
    session: int | None
    title: str
    """In English when the resolution has it (titles are compared across the site)."""
    agenda: str
    """The agenda item's title, in English when given."""
    recalls: tuple[str, ...]
    """The resolutions it cites."""
    draft: str
    """The symbol of the draft it was adopted on (``A/C.1/80/L.20``), or ``""``."""
    language: str
    """Its main language."""
    languages: tuple[str, ...] = ()
    """Every language it has."""
    units: Mapping[str, tuple[tuple[str, str, str], ...]] = field(default_factory=dict)
    """Per language: (paragraph id, name, wording) of every paragraph and subparagraph."""

    def head(self) -> Record:
        """The record without its wordings (what is needed of every resolution on every run)."""
        return replace(self, units={})

    def compared(self, language: str) -> list[Unit]:
        return [Unit.of(pid, name, wording) for pid, name, wording in self.units.get(language, ())]

    def member(self) -> Member:
        return Member(self.symbol, self.adopted, self.session, self.title, self.agenda, frozenset(self.recalls))


def _session(res: Resolution) -> int | None:
    if res.masthead and res.masthead.session and res.masthead.session.number:
        return res.masthead.session.number
    m = re.match(r"A/RES/([0-9]+)/", res.symbol)
    return int(m.group(1)) if m else None


def record_of(res: Resolution) -> Record:
    """Stage 1: the record of a resolution."""
    agenda = res.masthead.agenda_item.title.pick("en") if res.masthead and res.masthead.agenda_item else ""
    units: dict[str, tuple[tuple[str, str, str], ...]] = {}
    named = list(named_paragraphs(res))
    for lang in res.languages:
        units[lang] = tuple((p.id, name, p.wording(lang)) for p, _, name in named if lang in p.text)
    return Record(
        symbol=res.symbol,
        adopted=res.adoption_date,
        session=_session(res),
        title=res.title.pick("en") or res.display_title("en"),
        agenda=agenda,
        recalls=tuple(
            dict.fromkeys(i.symbol for i in lineage(res) if i.kind == "resolution" and i.symbol != res.symbol)
        ),
        draft=res.procedure.draft if res.procedure else "",
        language=res.language,
        languages=res.languages,
        units=units,
    )


def record_json(r: Record) -> dict[str, object]:
    return {
        "symbol": r.symbol,
        "adopted": r.adopted.isoformat() if r.adopted else None,
        "session": r.session,
        "title": r.title,
        "agenda": r.agenda,
        "recalls": list(r.recalls),
        "draft": r.draft,
        "language": r.language,
        "languages": list(r.languages),
        "units": {lang: [list(u) for u in us] for lang, us in r.units.items()},
    }


def record_from_json(d: Mapping[str, object]) -> Record:
    adopted = d["adopted"]
    units = d["units"]
    recalls = d["recalls"]
    session = d["session"]
    assert isinstance(units, dict) and isinstance(recalls, list)
    return Record(
        symbol=str(d["symbol"]),
        adopted=date.fromisoformat(adopted) if isinstance(adopted, str) else None,
        session=session if isinstance(session, int) else None,
        title=str(d["title"]),
        agenda=str(d["agenda"]),
        recalls=tuple(str(s) for s in recalls),
        draft=str(d["draft"]),
        language=str(d["language"]),
        languages=tuple(str(x) for x in d["languages"]),  # type: ignore[attr-defined]
        units={str(lang): tuple((str(a), str(b), str(c)) for a, b, c in us) for lang, us in units.items()},
    )


# -- comparisons ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Comparison:
    """One changes page (in every language the two share): ``earlier`` → ``later``."""

    later: str
    earlier: str
    kind: str
    """``series`` (the resolution it continues) or ``draft`` (the draft it was adopted on)."""
    languages: tuple[str, ...]
    """The languages both have, the later one's main language first."""
    first: bool
    """The resolution's first comparison: its page is ``/<symbol>/changes/``."""

    def page(self, language: str = "") -> str:
        """The page in docs/ for one language (the main language when ``language`` is empty)."""
        base = f"{self.later}/changes/" + ("" if self.first else f"{slug_of(self.earlier)}/")
        if language and self.languages and language != self.languages[0]:
            base += f"{language}/"
        return base + "index.md"


def comparisons_of(
    records: Mapping[str, Record], links: Links, drafts: Mapping[str, str]
) -> dict[str, list[Comparison]]:
    """Stage 3: per resolution, what its changes pages compare it with (see the module docstring)."""
    out: dict[str, list[Comparison]] = {}
    for symbol, record in records.items():
        pairs = [(p, "series") for p in links.predecessors.get(symbol, ())]
        draft = drafts.get(symbol) or record.draft
        if draft in records and draft != symbol:
            pairs.append((draft, "draft"))
        found: list[Comparison] = []
        for earlier, kind in pairs:
            if earlier not in records or any(c.earlier == earlier for c in found):
                continue
            theirs = records[earlier].languages
            shared = [record.language] if record.language in theirs else []
            shared += [lang for lang in record.languages if lang in theirs and lang not in shared]
            if shared:
                found.append(Comparison(symbol, earlier, kind, tuple(shared), not found))
        if found:
            out[symbol] = found
    return out


# -- the whole site ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class History:
    """The history of the site's resolutions (see the module docstring)."""

    links: Links
    series: tuple[Series, ...]
    comparisons: Mapping[str, Sequence[Comparison]]
    provenance: Mapping[str, Mapping[str, Provenance]]
    """Per symbol, per paragraph id."""
    record: Callable[[str], Record]
    """A resolution's record (read when a changes page is rendered)."""
    drafts: frozenset[str]
    """Symbols of the texts on the site that are another's draft."""


def site_history(
    heads: Mapping[str, Record],
    record: Callable[[str], Record],
    series_file: SeriesFile | None = None,
    known: Mapping[str, Mapping[str, Provenance]] | None = None,
) -> History:
    """Stages 2 to 4 over every resolution: ``heads`` are their records without wordings, ``record``
    gives a whole record.  ``known`` is the provenance an earlier run found for the same texts:
    then it is not computed again."""
    series_file = series_file or SeriesFile()
    drafts_by_adopted = {**{r.symbol: r.draft for r in heads.values() if r.draft}, **series_file.drafts}
    drafts = frozenset(d for d in drafts_by_adopted.values() if d in heads)
    members = [r.member() for s, r in heads.items() if s not in drafts]
    links, series = detect(members, series_file.overrides)
    comparisons = comparisons_of(heads, links, series_file.drafts)
    found = known if known is not None else _provenance((record(s) for s in heads), drafts)
    return History(links, tuple(series), comparisons, found, record, drafts)


def _provenance(records: Iterable[Record], drafts: frozenset[str]) -> dict[str, dict[str, Provenance]]:
    tokens: dict[str, tuple[str, ...]] = {}
    """One tuple per wording, of interned words: a corpus repeats itself (memory, not speed)."""

    def words_of(wording: str) -> tuple[str, ...]:
        found = tokens.get(wording)
        if found is None:
            found = tokens[wording] = tuple(sys.intern(w) for w in words(wording))
        return found

    entries = [
        Entry(r.symbol, r.adopted, pid, words_of(wording))
        for r in records
        if r.symbol not in drafts
        for pid, _, wording in r.units.get(r.language, ())
    ]
    tokens.clear()
    out: dict[str, dict[str, Provenance]] = {}
    for (symbol, pid), found in provenance(entries).items():
        out.setdefault(symbol, {})[pid] = found
    return out


def _earlier_json(e: Earlier | None) -> list[object] | None:
    return None if e is None else [e.symbol, e.paragraph_id, e.adopted.isoformat() if e.adopted else None, e.similarity]


def _earlier_from(d: object) -> Earlier | None:
    if not isinstance(d, list):
        return None
    symbol, pid, adopted, score = d
    return Earlier(str(symbol), str(pid), date.fromisoformat(adopted) if adopted else None, float(score))


def provenance_json(found: Mapping[str, Mapping[str, Provenance]]) -> dict[str, object]:
    return {
        symbol: {pid: [_earlier_json(p.since), _earlier_json(p.changed_from)] for pid, p in sorted(by_pid.items())}
        for symbol, by_pid in sorted(found.items())
    }


def provenance_from_json(d: Mapping[str, object]) -> dict[str, dict[str, Provenance]]:
    out: dict[str, dict[str, Provenance]] = {}
    for symbol, by_pid in d.items():
        assert isinstance(by_pid, dict)
        out[symbol] = {pid: Provenance(_earlier_from(s), _earlier_from(c)) for pid, (s, c) in by_pid.items()}
    return out


# -- the cache -----------------------------------------------------------------------------------


def read_json(path: Path, key: str) -> object | None:
    """The value stored at ``path`` under ``key``; ``None`` when absent, stale or unreadable.
    The generator's cache format (:mod:`generator.cache`): an entry not made on this machine
    (its MAC) is discarded; the caller checks the shape of the value."""
    found = load_json(path, key)
    return found[0] if found is not None else None


def write_json(path: Path, key: str, value: object) -> None:
    """Store ``value`` under ``key`` atomically; a cache that cannot be written is only slower."""
    store_json(path, key, value)


def cached_record(folder: Path, symbol: str, key: str, model: Callable[[str], Resolution]) -> Record:
    """A resolution's record from the cache (``folder/<slug>.json`` under ``key``), else made from its model."""
    path = folder / f"{slug_of(symbol)}.json"
    stored = read_json(path, key)
    if isinstance(stored, dict):
        with contextlib.suppress(KeyError, TypeError, ValueError, AssertionError):
            return record_from_json(stored)
    record = record_of(model(symbol))
    write_json(path, key, record_json(record))
    return record
