"""Commentary slots: one Markdown file per paragraph, ``<resolution>/commentary/<paragraph id>.md``.

A file may open with YAML front matter (``authors``, ``updated``, ``tags``, ``sources``).  A file
named for a paragraph the resolution does not have is an error: its commentary would otherwise
silently disappear from the site.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Problem
from generator.model import Resolution

COMMENTARY_DIR = "commentary"
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Author:
    name: str
    affiliation: str = ""
    link: str = ""


@dataclass(frozen=True, slots=True)
class Slot:
    """The commentary on one paragraph (a file that exists; it may be empty)."""

    paragraph_id: str
    path: Path
    body: str
    """Markdown after the front matter, without surrounding blank lines."""
    body_line: int
    """Line of ``path`` on which ``body`` starts."""
    authors: tuple[Author, ...] = ()
    updated: date | None = None
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def has_content(self) -> bool:
        return bool(self.body.strip())


def new_slot_text() -> str:
    """What a new commentary file starts with in the repository host's editor."""
    return (
        "---\n"
        "authors:\n"
        "  - name: Your name\n"
        "    affiliation: Your institution (optional)\n"
        "updated: 2026-01-31  # the date of your last change, as YYYY-MM-DD\n"
        "---\n\n"
        "Write your commentary on this paragraph here, in Markdown.\n"
    )


def _authors(value: Any, shown: str, problems: list[Problem]) -> tuple[Author, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.append(
            Problem(shown, 2, "front matter 'authors' must be a list", hint="authors:\n  - name: Ada Lovelace")
        )
        return ()
    out = []
    for item in value:
        if isinstance(item, str):
            out.append(Author(item))
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            out.append(Author(item["name"], str(item.get("affiliation", "")), str(item.get("link", ""))))
        else:
            problems.append(Problem(shown, 2, f"an author needs a name: {item!r}", hint="- name: Ada Lovelace"))
    return tuple(out)


def read_slot(path: Path, paragraph_id: str, shown: str, problems: list[Problem]) -> Slot:
    text = path.read_text("utf-8")
    meta: dict[str, Any] = {}
    body_line = 1
    if m := _FRONT_MATTER.match(text):
        try:
            loaded = yaml.safe_load(m.group(1) or "") or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problems.append(
                Problem(
                    shown,
                    (mark.line + 2) if mark else 1,
                    f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}",
                )
            )
            loaded = {}
        if isinstance(loaded, dict):
            meta = loaded
        else:
            problems.append(Problem(shown, 2, "front matter must be a mapping of fields", m.group(1) or ""))
        body_line = text[: m.end()].count("\n") + 1
        text = text[m.end() :]
    leading = len(text) - len(text.lstrip("\n"))
    body_line += text[:leading].count("\n")
    updated = meta.get("updated")
    if isinstance(updated, str):
        try:
            updated = date.fromisoformat(updated)
        except ValueError:
            problems.append(Problem(shown, 2, f"'updated' is not a date: {updated!r}", hint="updated: 2026-11-27"))
            updated = None
    tags = meta.get("tags") or ()
    sources = meta.get("sources") or ()
    return Slot(
        paragraph_id=paragraph_id,
        path=path,
        body=text.strip("\n"),
        body_line=body_line,
        authors=_authors(meta.get("authors"), shown, problems),
        updated=updated if isinstance(updated, date) else None,
        tags=tuple(str(t) for t in tags) if isinstance(tags, list) else (),
        sources=tuple(str(s) for s in sources) if isinstance(sources, list) else (),
    )


def load_slots(folder: Path, resolution: Resolution, shown_root: Path) -> tuple[dict[str, Slot], list[Problem]]:
    """The slots of ``resolution`` found in ``folder``, and a problem for each stray file."""
    problems: list[Problem] = []
    slots: dict[str, Slot] = {}
    if not folder.is_dir():
        return slots, problems
    known = resolution.paragraph_ids()
    for path in sorted(folder.iterdir()):
        shown = path.relative_to(shown_root).as_posix() if path.is_relative_to(shown_root) else str(path)
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix != ".md":
            problems.append(
                Problem(
                    shown,
                    0,
                    "commentary files must be Markdown files named <paragraph id>.md",
                    hint=f"rename it, e.g. {path.stem}.md",
                )
            )
            continue
        pid = path.stem
        if pid not in known:
            close = difflib.get_close_matches(pid, known, n=3)
            hint = (
                f"did you mean {', '.join(close)}?"
                if close
                else f"paragraph ids of {resolution.symbol}: {', '.join(known[:6])} ..."
            )
            problems.append(
                Problem(
                    shown, 1, f"commentary for paragraph '{pid}', which {resolution.symbol} does not have", hint=hint
                )
            )
            continue
        slots[pid] = read_slot(path, pid, shown, problems)
    return slots, problems
