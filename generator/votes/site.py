"""The adoption data of a project: loaded (and validated) with the resolutions, rendered as units.

Thin: :mod:`generator.build` calls :func:`load_adoptions` while loading the project, and adds
:func:`state_units` to its units of output; the rendering itself is :mod:`generator.votes.render`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.cache import cache_dir, digest, load_entry, store_entry
from generator.errors import DataError, Problem
from generator.model import slug_of
from generator.votes.merge import problems_of
from generator.votes.model import Adoption
from generator.votes.render import Listed, render_state_pages
from generator.votes.states import state_table
from generator.votes.store import ADOPTION_FILE, field_line, load_adoption


@dataclass(frozen=True, slots=True)
class Adoptions:
    """Every ``adoption.yaml`` of the project, validated."""

    by_symbol: Mapping[str, Adoption]
    keys: Mapping[str, str]
    """Per symbol: fingerprint of its adoption file (for the pages that show it)."""
    warnings: tuple[Problem, ...]
    """Where sources disagree (``check`` prints them; the build goes on)."""


def load_adoptions(
    root: Path, resolutions_dir: Path, data_files: Mapping[str, Path], salt: str, shown: Callable[[Path], str]
) -> tuple[Adoptions, list[Problem]]:
    """Read the adoption file of every resolution that has one; and every problem found.

    A file whose bytes are those of an earlier run comes from the cache (keyed by its bytes and
    ``salt``, the generator's version).
    """
    table = state_table()
    by_symbol: dict[str, Adoption] = {}
    keys: dict[str, str] = {}
    warnings: list[Problem] = []
    problems: list[Problem] = []
    for symbol, data_file in data_files.items():
        path = data_file.parent / ADOPTION_FILE
        if not path.exists():
            continue
        name = shown(path)
        key = digest(salt, path.read_bytes())
        entry = cache_dir(root) / "adoption" / f"{slug_of(symbol)}.json"
        cached = load_entry(entry, key, tuple[Adoption, list[Problem]])
        if cached is not None:
            adoption, found = cached
        else:
            try:
                adoption = load_adoption(path, name, table)
            except DataError as exc:
                problems += exc.problems
                continue
            found = problems_of(adoption, name, table, field_line(path))
            store_entry(entry, key, (adoption, found))
        if adoption.symbol != symbol:
            problems.append(
                Problem(name, 1, f"symbol {adoption.symbol} is not {symbol}, the resolution of this folder")
            )
            continue
        by_symbol[symbol] = adoption
        keys[symbol] = key
        warnings += found
    return Adoptions(by_symbol, keys, tuple(warnings)), problems


def state_units(
    templates_dir: Path, adoptions: Adoptions, listed: Mapping[str, Listed], env_key: str, marker: str
) -> list[tuple[str, str, Callable[[], Mapping[str, str | bytes]]]]:
    """The State pages as one unit of output: (name, fingerprint of its inputs, render)."""
    key = digest(
        env_key,
        "states",
        *(f"{s}\0{adoptions.keys[s]}" for s in sorted(adoptions.keys)),
        repr(sorted(listed.items())),
    )

    def make() -> Mapping[str, str | bytes]:
        return render_state_pages(templates_dir, adoptions.by_symbol, listed, state_table(), marker)

    return [("states", key, make)]
