"""``resolutions/series.yaml``: corrections to the detected series, made by hand (optional).

::

    series:                        # these follow each other, in this order (adds links, names the line)
      - name: Advancing responsible State behaviour in cyberspace
        resolutions: [A/RES/73/266, A/RES/74/28, A/RES/75/32, A/RES/76/19]
    split: [A/RES/77/37]           # continue nothing (removes the detected links into them)
    drafts:                        # the draft a resolution was adopted on, when its data does not say
      A/RES/80/16: A/C.1/80/L.20

Every symbol must be a resolution on the site.  Problems are collected, each as
``path:line: message`` with the offending text and what would be right.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator import yamlsafe
from generator.errors import DataError, Problem
from generator.history.series import Overrides
from generator.paths import read_contributed
from generator.plaintext import text_problem

SERIES_FILE = "series.yaml"
_EXAMPLE = "series:\n  - name: ...\n    resolutions: [A/RES/74/28, A/RES/75/32]\nsplit: [A/RES/77/37]"


@dataclass(frozen=True, slots=True)
class SeriesFile:
    overrides: Overrides = field(default_factory=Overrides)
    drafts: Mapping[str, str] = field(default_factory=dict)
    """Adopted resolution -> its draft."""
    text: str = ""
    """The file's content (part of the fingerprint of what depends on it)."""


def load_series_file(
    resolutions_dir: Path, symbols: frozenset[str], shown: str = ""
) -> tuple[SeriesFile, list[Problem]]:
    """Read and validate ``series.yaml`` against the resolutions on the site: (content, problems).
    A missing file is no series given by hand."""
    path = resolutions_dir / SERIES_FILE
    if not path.is_file():
        return SeriesFile(), []
    shown = shown or f"{resolutions_dir.name}/{SERIES_FILE}"
    try:  # a contributed file: read and parsed within the limits of generator/paths.py and yamlsafe
        text = read_contributed(path, shown)
        yamlsafe.load(text, shown)
        node = yamlsafe.compose(text, shown)
    except DataError as exc:
        return SeriesFile(), list(exc.problems)
    problems: list[Problem] = []

    def line(n: yaml.Node) -> int:
        return n.start_mark.line + 1

    def symbol_of(n: yaml.Node, what: str) -> str | None:
        if not isinstance(n, yaml.ScalarNode) or not n.value:
            problems.append(Problem(shown, line(n), f"{what}: expected a resolution symbol", hint="A/RES/74/28"))
            return None
        value = str(n.value)
        if value not in symbols:
            problems.append(
                Problem(
                    shown,
                    line(n),
                    f"{what}: {value} is not a resolution on this site",
                    value,
                    "the symbol as in its resolution.yaml, e.g. A/RES/74/28",
                )
            )
            return None
        return value

    def symbols_of(n: yaml.Node, what: str) -> list[str]:
        if not isinstance(n, yaml.SequenceNode):
            problems.append(
                Problem(shown, line(n), f"{what}: expected a list of symbols", hint="[A/RES/74/28, A/RES/75/32]")
            )
            return []
        return [s for item in n.value if (s := symbol_of(item, what)) is not None]

    if node is None:
        return SeriesFile(text=text), []
    if not isinstance(node, yaml.MappingNode):
        return SeriesFile(text=text), [
            Problem(shown, line(node), "expected a mapping with series, split, drafts", hint=_EXAMPLE)
        ]
    series: list[tuple[str, tuple[str, ...]]] = []
    split: list[str] = []
    drafts: dict[str, str] = {}
    for key, value in node.value:
        name = str(key.value)
        if name == "series":
            if not isinstance(value, yaml.SequenceNode):
                problems.append(Problem(shown, line(value), "series: expected a list of series", hint=_EXAMPLE))
                continue
            for item in value.value:
                if not isinstance(item, yaml.MappingNode):
                    problems.append(
                        Problem(shown, line(item), "a series: expected name and resolutions", hint=_EXAMPLE)
                    )
                    continue
                fields = {str(k.value): v for k, v in item.value}
                for unknown in sorted(set(fields) - {"name", "resolutions"}):
                    problems.append(
                        Problem(shown, line(item), f"a series: unknown field {unknown!r}", hint="name, resolutions")
                    )
                title = ""
                if "name" in fields:
                    n = fields["name"]
                    title = str(n.value) if isinstance(n, yaml.ScalarNode) else ""
                    if not title:
                        problems.append(Problem(shown, line(n), "name: expected one line of plain text"))
                    elif bad := text_problem(title):
                        problems.append(Problem(shown, line(n), f"name {bad[0]}", bad[1], "write plain text"))
                if "resolutions" not in fields:
                    problems.append(Problem(shown, line(item), "a series needs its resolutions", hint=_EXAMPLE))
                    continue
                members = symbols_of(fields["resolutions"], "resolutions")
                if isinstance(fields["resolutions"], yaml.SequenceNode) and len(fields["resolutions"].value) < 2:
                    problems.append(
                        Problem(
                            shown, line(fields["resolutions"]), "a series needs at least two resolutions, oldest first"
                        )
                    )
                if len(set(members)) != len(members):
                    problems.append(
                        Problem(shown, line(fields["resolutions"]), "a resolution is listed twice in one series")
                    )
                series.append((title, tuple(members)))
        elif name == "split":
            split += symbols_of(value, "split")
        elif name == "drafts":
            if not isinstance(value, yaml.MappingNode):
                problems.append(
                    Problem(
                        shown, line(value), "drafts: expected adopted: draft pairs", hint="A/RES/80/16: A/C.1/80/L.20"
                    )
                )
                continue
            for k, v in value.value:
                adopted, draft = symbol_of(k, "drafts"), symbol_of(v, "drafts")
                if adopted and draft:
                    drafts[adopted] = draft
        else:
            problems.append(Problem(shown, line(key), f"unknown field {name!r}", name, "series, split or drafts"))
    return SeriesFile(Overrides(tuple(series), frozenset(split)), drafts, text), problems
