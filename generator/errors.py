"""One exception base for everything a user can get wrong.

Every problem names the file and line it comes from, quotes the offending text and, where
possible, says what would be right.  Stages collect problems in a :class:`Problems` list and
raise once, so a maintainer sees every mistake in one run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one input file."""

    path: str
    """The file, as the user named it."""
    line: int
    """1-based line number; 0 when the problem concerns the whole file."""
    message: str
    """What is wrong, in one sentence."""
    snippet: str = ""
    """The offending text, quoted as it stands in the file."""
    hint: str = ""
    """What would be right."""

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        out = f"{where}: {self.message}"
        if self.snippet:
            out += f"\n    {self.snippet.strip()[:160]}"
        if self.hint:
            out += f"\n    hint: {self.hint}"
        return out


class GeneratorError(Exception):
    """Base class: a user-facing failure that carries one or more problems."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(p.format() for p in self.problems))


class UnstructurableTextError(GeneratorError):
    """An official text could not be structured."""


class DataError(GeneratorError):
    """A structured resolution or a commentary file is invalid."""


class Problems:
    """A collector: add problems as they are found, raise once at the end."""

    def __init__(self) -> None:
        self._items: list[Problem] = []

    def add(self, path: str, line: int, message: str, snippet: str = "", hint: str = "") -> None:
        self._items.append(Problem(path, line, message, snippet, hint))

    def extend(self, problems: Iterable[Problem]) -> None:
        self._items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self._items)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def raise_if_any(self, kind: type[GeneratorError] = GeneratorError) -> None:
        if self._items:
            raise kind(self._items)
