"""What a plain-text value from a data file may hold (resolution.yaml, front matter, tags.yaml).

Every such value reaches the page escaped, so markup in it could only ever show as text; but an
official text never holds HTML, nor control characters, so either is a mistake or an attack, and
``check`` refuses it with the file, the line and the offending characters.  Scanning is linear in
the length of the value (no backtracking patterns).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from generator.errors import Problem

_MARKUP = re.compile(r"<[A-Za-z/!?]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def text_problem(value: str) -> tuple[str, str] | None:
    """(what is wrong, the offending snippet) when ``value`` holds markup or control characters."""
    if m := _MARKUP.search(value):
        return "holds HTML markup; official text and data are plain text", value[m.start() : m.start() + 60]
    if m := _CONTROL.search(value):
        return (
            f"holds a control character (U+{ord(m.group(0)):04X}); values are one line of plain text",
            repr(value[max(0, m.start() - 20) : m.start() + 20]),
        )
    return None


def walk_strings(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every string in nested data, with its path (mapping keys and list indices)."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from walk_strings(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from walk_strings(value, (*path, i))


MULTI_LINE = (("masthead", "agenda_item", "title"),)
"""Fields whose value is several lines, one per item (the titles of several agenda items)."""


def data_problems(data: Any, shown: str, line_of: Callable[[tuple[Any, ...]], int]) -> list[Problem]:
    """A problem for every string in ``data`` that :func:`text_problem` refuses (a line break is
    allowed in the fields of :data:`MULTI_LINE`, between lines)."""
    problems = []
    for path, value in walk_strings(data):
        if tuple(path[:3]) in MULTI_LINE:
            found = next((f for line in value.split("\n") if (f := text_problem(line))), None)
        else:
            found = text_problem(value)
        if found:
            field = "/".join(map(str, path)) or "(top level)"
            problems.append(
                Problem(shown, line_of(path), f"{field} {found[0]}", found[1], "remove the markup or the character")
            )
    return problems
