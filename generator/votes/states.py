"""The one table of States (``generator/data/states.csv``) and every spelling the sources use
(``generator/data/state_names.csv``).

Guarantees: a name is matched only through the explicit spelling table after
:func:`normalise_name`; nothing is matched approximately.  Membership on a date comes from the
admission dates in the table (see its header for its source and the years it is complete for).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class State:
    alpha2: str
    """ISO 3166-1 alpha-2 code, upper case: the key of the table."""
    alpha3: str
    numeric: str
    """ISO 3166-1 numeric code, three digits."""
    name: str
    """The United Nations short name."""
    admitted: date | None
    """Date of admission to the United Nations; ``None`` for an observer State."""
    left: date | None = None
    """Last day of membership of a dissolved Member."""
    original: bool = False
    """One of the 51 original Members."""

    @property
    def slug(self) -> str:
        """The State's page: ``/states/<slug>/``."""
        return self.alpha2.lower()

    def member_on(self, day: date) -> bool:
        return self.admitted is not None and self.admitted <= day and (self.left is None or day <= self.left)


_SPACE = re.compile(r"\s+")


def normalise_name(name: str) -> str:
    """The form in which spellings are listed: NFC, straight apostrophes, one space, upper case.

    NFC again after upper-casing: "i" and a combining dot above ("Türki̇ye") become "İ".
    """
    text = unicodedata.normalize("NFC", name).replace("\u2019", "'").replace("\u2018", "'")
    return unicodedata.normalize("NFC", _SPACE.sub(" ", text).strip().upper())


def _rows(filename: str) -> Iterator[dict[str, str]]:
    text = resources.files("generator").joinpath(f"data/{filename}").read_text("utf-8")
    yield from csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#"))


def _date(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


@dataclass(frozen=True, slots=True)
class StateTable:
    states: Mapping[str, State]
    """By alpha-2 code, in the order of the file (alphabetical by name)."""
    spellings: Mapping[tuple[str, str], str]
    """(normalised spelling, source or "") -> alpha-2 code."""

    def __getitem__(self, alpha2: str) -> State:
        return self.states[alpha2]

    def lookup(self, name: str, source: str = "") -> State | None:
        """The State a source means by ``name``; ``None`` when the spelling is not listed."""
        key = normalise_name(name)
        code = self.spellings.get((key, source)) if source else None
        if code is None:
            code = self.spellings.get((key, ""))
        return self.states[code] if code else None

    def members_on(self, day: date) -> tuple[State, ...]:
        """The Members of the United Nations on ``day``, in table order."""
        return tuple(s for s in self.states.values() if s.member_on(day))

    def by_numeric(self, numeric: str) -> State | None:
        return next((s for s in self.states.values() if s.numeric == numeric), None)


@cache
def state_table() -> StateTable:
    states = {
        r["alpha2"]: State(
            r["alpha2"],
            r["alpha3"],
            r["numeric"],
            r["name"],
            _date(r["admitted"]),
            _date(r["left"]),
            r["original"] == "1",
        )
        for r in _rows("states.csv")
    }
    spellings = {(r["spelling"], r["only_in"]): r["alpha2"] for r in _rows("state_names.csv")}
    return StateTable(states, spellings)
