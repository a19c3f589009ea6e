"""The world map of a recorded vote, drawn at build time from packaged map data.

``generator/data/world.json`` (made by ``scripts/world_map.py`` from Natural Earth, public
domain) holds each Member State's outline, projected and simplified, or a marker for the States
too small to draw.  :func:`map_view` colours them by vote; the template draws the SVG.  Colours
are CSS classes (light and dark palettes in the stylesheet), never inline, and "no" is also
hatched, so the map reads without telling colours apart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from generator.votes.model import Ballot
from generator.votes.states import StateTable

VOTE_LABELS = {"yes": "Yes", "no": "No", "abstain": "Abstain", "non-voting": "Non-voting", "none": "Not a Member"}


@cache
def world() -> dict[str, Any]:
    text = resources.files("generator").joinpath("data/world.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@dataclass(frozen=True, slots=True)
class MapShape:
    code: str
    name: str
    vote: str
    """``yes``, ``no``, ``abstain``, ``non-voting``, or ``none`` (not a Member on the day)."""
    d: str = ""
    """Outline (SVG path data); empty for a marker."""
    x: float = 0
    y: float = 0

    @property
    def label(self) -> str:
        return f"{self.name}: {VOTE_LABELS[self.vote]}"


@dataclass(frozen=True, slots=True)
class MapView:
    width: int
    height: int
    shapes: tuple[MapShape, ...]
    markers: tuple[MapShape, ...]
    other: tuple[str, ...]
    """Outlines of territories that are no Member State's (drawn neutral)."""


def map_view(ballot: Ballot, table: StateTable) -> MapView:
    """Every State of the map data, classed by its vote in ``ballot``."""
    data = world()

    def vote(code: str) -> str:
        return ballot.vote_of(code) or "none"

    def name(code: str) -> str:
        state = table.states.get(code)
        return state.name if state else code

    shapes = tuple(MapShape(code, name(code), vote(code), d=d) for code, d in data["states"].items())
    markers = tuple(MapShape(code, name(code), vote(code), x=xy[0], y=xy[1]) for code, xy in data["markers"].items())
    return MapView(data["width"], data["height"], shapes, markers, tuple(data["other"]))
