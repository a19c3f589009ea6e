"""How a resolution was adopted, as ``resolutions/<slug>/adoption.yaml`` holds it.

Every figure is a :class:`Fact`: the value shown, the sources that give it, and the different
values other sources give (``differs``).  Where sources differ, the value shown is that of the
first source in :data:`SOURCE_ORDER` that gives one; the others are kept, and both ``votes
import`` and ``check`` warn, naming both.  States are ISO 3166-1 alpha-2 codes of
:mod:`generator.votes.states`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Generic, Literal, TypeVar

ADOPTION_SCHEMA_VERSION = 1

SOURCE_ORDER = ("un-data", "akn", "unvotes", "text", "membership")
"""Source ids, in the order in which a value is shown when sources differ."""

SOURCE_NAMES = {
    "un-data": "United Nations, adoption data of General Assembly resolutions",
    "akn": "United Nations, General Assembly resolution in Akoma Ntoso XML (metadata)",
    "unvotes": "Erik Voeten, United Nations General Assembly Voting Data (unvotes)",
    "text": "the resolution's official text on this site",
    "membership": "United Nations Member States and their dates of admission",
}
"""What each source id stands for, as the page and the README name it."""

AdoptionType = Literal["recorded vote", "without a vote", "unknown"]
VoteValue = Literal["yes", "no", "abstain", "non-voting"]
VOTE_VALUES: tuple[VoteValue, ...] = ("yes", "no", "abstain", "non-voting")
BallotKind = Literal["whole", "paragraph", "amendment", "unclear"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where one source's record of the resolution was read."""

    id: str
    """One of :data:`SOURCE_ORDER`."""
    file: str
    """The file's name (no folder: the sources live outside the repository)."""
    line: int = 0
    """1-based line of the record in the file; 0 when the whole file is the record."""
    roll_calls: tuple[str, ...] = ()
    """Voeten's roll-call ids (``rcid``) read for the resolution."""

    def where(self) -> str:
        out = f"{self.file}:{self.line}" if self.line else self.file
        return out + (f", roll call {', '.join(self.roll_calls)}" if self.roll_calls else "")


@dataclass(frozen=True, slots=True)
class Fact(Generic[T]):
    """One figure: its value, the sources that give it, and what other sources give instead."""

    value: T
    sources: tuple[str, ...]
    differs: tuple[tuple[str, T], ...] = ()
    """(source id, the value it gives) for every source that gives another value."""


@dataclass(frozen=True, slots=True)
class Sponsor:
    """A sponsor as a source names it: a State, or a text that names none (a Chair, a Bureau)."""

    state: str = ""
    """Alpha-2 code; ``""`` when the text names no State the table knows."""
    text: str = ""
    """The words of the source, when they are not just the State's name."""
    note: str = ""
    """A qualifier the source adds: ``on behalf of the States Members ... Group of 77 and China``."""


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a recorded vote: the States that voted so, and how many."""

    states: Fact[tuple[str, ...]]
    count: Fact[int]


@dataclass(frozen=True, slots=True)
class Difference:
    """A State whose vote differs between sources: (source id, vote) for each source."""

    state: str
    votes: tuple[tuple[str, VoteValue], ...]


@dataclass(frozen=True, slots=True)
class Ballot:
    """One recorded vote: on the whole resolution, or separately on a part or an amendment."""

    yes: Column
    no: Column
    abstain: Column
    non_voting: Column
    """Members on the day that no source lists in any column (derived from membership)."""
    differences: tuple[Difference, ...] = ()
    kind: BallotKind = "whole"
    part: str = ""
    """What a separate vote was on, as the source describes it: ``operative paragraph 2``."""
    roll_call: str = ""
    sources: tuple[str, ...] = ()
    """For a separate vote: the sources that record it."""

    def columns(self) -> tuple[tuple[VoteValue, Column], ...]:
        return (("yes", self.yes), ("no", self.no), ("abstain", self.abstain), ("non-voting", self.non_voting))

    def vote_of(self, state: str) -> VoteValue | None:
        for value, column in self.columns():
            if state in column.states.value:
                return value
        return None


@dataclass(frozen=True, slots=True)
class Adoption:
    """How one resolution was adopted, every figure with its sources."""

    symbol: str
    sources: tuple[SourceRef, ...]
    adoption: Fact[AdoptionType]
    date: Fact[date] | None = None
    meeting: Fact[str] | None = None
    """The meeting record's symbol: ``A/73/PV.65``."""
    meeting_note: str = ""
    """What the source adds to the symbol: ``Resumption 1``."""
    committee: Fact[str] | None = None
    report: Fact[str] | None = None
    """The committee report that recommended the draft: ``A/73/505``."""
    report_paragraph: Fact[str] | None = None
    draft: Fact[str] | None = None
    """The draft resolution: ``A/C.1/80/L.20``."""
    originating_document: Fact[str] | None = None
    """The originating document as the UN's data prints it: ``A/74/363, para. 9``."""
    agenda_item: Fact[str] | None = None
    """The agenda item's number: ``96``, ``19 (b)``."""
    agenda_title: Fact[str] | None = None
    sponsors: Fact[tuple[Sponsor, ...]] | None = None
    additional_sponsors: Fact[tuple[Sponsor, ...]] | None = None
    vote: Ballot | None = None
    """The recorded vote on the whole resolution."""
    separate_votes: tuple[Ballot, ...] = ()
    notes: tuple[str, ...] = field(default=())
    """What the import could not establish, in words (``adoption type unknown: ...``)."""

    def source(self, source_id: str) -> SourceRef | None:
        return next((s for s in self.sources if s.id == source_id), None)
