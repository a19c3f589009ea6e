"""The quick schema check (compiled) agrees with the full validator on valid and invalid data."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from generator import store
from tests.conftest import ROOT

SEED_DATA = store.to_data(store.load_resolution(ROOT / "resolutions" / "A-RES-73-266" / "resolution.yaml"))

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.text(max_size=6) | st.just("op-1") | st.just("2018-12-22"),
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=5), inner, max_size=2),
    max_leaves=4,
)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside ``value``."""
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += paths(v, (*prefix, i))
    return out


ALL_PATHS = [p for p in paths(SEED_DATA) if p]


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    data = copy.deepcopy(SEED_DATA)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(ALL_PATHS))
        parent: Any = data
        try:
            for step in path[:-1]:
                parent = parent[step]
            action = draw(st.sampled_from(["replace", "delete", "add"]))
            if action == "replace":
                parent[path[-1]] = draw(json_values)
            elif action == "delete":
                del parent[path[-1]]
            elif isinstance(parent, dict):
                parent[draw(st.text(min_size=1, max_size=5))] = draw(json_values)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or replaced this path
    return data


def full_errors(data: Any) -> list[str]:
    return [e.message for e in store._validator().iter_errors(data)]


def test_the_seed_is_valid_for_both() -> None:
    assert store.schema_errors(SEED_DATA) == []
    assert full_errors(SEED_DATA) == []


@settings(max_examples=400, deadline=None)
@given(mutated())
def test_quick_check_agrees_with_the_full_validator(data: dict[str, Any]) -> None:
    json.dumps(data)  # only JSON data, as YAML of the data file gives
    expected = full_errors(data)
    found = [e.message for e in store.schema_errors(data)]
    assert bool(found) == bool(expected)
    assert sorted(found) == sorted(expected)  # invalid data: every problem, from the full validator


def test_an_invalid_file_still_gets_every_problem() -> None:
    data = copy.deepcopy(SEED_DATA)
    data["operative"][0]["id"] = 3
    del data["symbol"]
    messages = [e.message for e in store.schema_errors(data)]
    assert len(messages) >= 2
    assert any("symbol" in m for m in messages)
