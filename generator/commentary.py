"""Commentary slots: one Markdown file per paragraph, ``<resolution>/commentary/<paragraph id>.md``.

A file may open with YAML front matter:

.. code-block:: yaml

    ---
    authors:
      - name: Ada Lovelace          # required
        affiliation: University of X  # optional
        link: https://example.org/ada # optional
    updated: 2026-11-27               # date of the last change
    tags: [norms, international-law]  # from resolutions/tags.yaml
    sources:                          # optional citations
      - "Report of the Group of Governmental Experts, UN Doc A/70/174 (22 July 2015)"
    text_hash: 3f5a9c0e12ab           # written by `python -m generator stamp`, never by hand
    ---

A file named for a paragraph the resolution does not have is an error that fails the build: its
commentary would otherwise silently disappear from the site.  Everything else wrong with a file
is a *lint* problem, reported by ``python -m generator check`` (and as warnings by the build).
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from generator import yamlsafe
from generator.errors import DataError, Problem
from generator.model import DEFAULT_LANGUAGE, Paragraph, Resolution
from generator.paths import read_contributed
from generator.plaintext import text_problem

COMMENTARY_DIR = "commentary"
TAGS_FILE = "tags.yaml"
FIELDS = ("authors", "updated", "tags", "sources", "text_hash")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
_URL = re.compile(r"^https?://[^\s\"'<>\\`]+$")


def is_web_address(link: str) -> bool:
    """An ``https``/``http`` address with a host and none of the characters an address never
    holds unescaped (quotes, angle brackets, back quotes, back slashes, spaces, ``](``)."""
    if not _URL.match(link) or "](" in link:
        return False
    try:
        parts = urlsplit(link)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


@dataclass(frozen=True, slots=True)
class Author:
    name: str
    affiliation: str = ""
    link: str = ""


@dataclass(frozen=True, slots=True)
class Tag:
    id: str
    label: str
    description: str


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
    text_hash: str = ""
    """Hash of the paragraph text the commentary was written against (``""``: not stamped)."""

    @property
    def has_content(self) -> bool:
        return bool(self.body.strip())


def text_hash(paragraph: Paragraph, language: str = DEFAULT_LANGUAGE) -> str:
    """A short fingerprint of a paragraph's wording (phrase, text and footnote markers) in
    ``language`` (the language commentary is written against; English by default)."""
    wording = " ".join(paragraph.wording(language if language in paragraph.text else paragraph.languages[0]).split())
    return hashlib.sha256(wording.encode("utf-8")).hexdigest()[:12]


def is_stale(slot: Slot, paragraph: Paragraph) -> bool:
    """Whether the commentary was stamped against a different wording of its paragraph."""
    return bool(slot.text_hash) and slot.has_content and slot.text_hash != text_hash(paragraph)


def new_slot_text() -> str:
    """What a new commentary file starts with in the repository host's editor."""
    return (
        "---\n"
        "authors:\n"
        "  - name: Your name\n"
        "    affiliation: Your institution (or delete this line)\n"
        "updated: YYYY-MM-DD  # the date of your last change, such as 2026-11-27\n"
        "tags: []  # optional, from resolutions/tags.yaml\n"
        "---\n\n"
        "Write your commentary on this paragraph here, in Markdown.\n"
    )


PLACEHOLDERS = ("Write your commentary on this paragraph here", "Your name", "Your institution", "YYYY-MM-DD")
"""Text of :func:`new_slot_text` that a contributor must replace: ``check`` refuses a file that
still holds any of it (the placeholder date is not a date, so it can never pass for one)."""


def load_tags(resolutions_dir: Path, lint: list[Problem] | None = None) -> tuple[dict[str, Tag], list[Problem]]:
    """The tag vocabulary kept in ``resolutions/tags.yaml``: (tags, errors).

    ``lint`` receives what ``check`` refuses but the build can show safely (labels holding
    markup are escaped on the page like any text)."""
    path = resolutions_dir / TAGS_FILE
    if not path.exists():
        return {}, []
    shown = f"{resolutions_dir.name}/{TAGS_FILE}"
    try:
        text = read_contributed(path, shown)
        data = yamlsafe.load(text, shown) or {}
        node = yamlsafe.compose(text, shown)
    except DataError as exc:
        return {}, list(exc.problems)
    tags: dict[str, Tag] = {}
    problems = []
    if not isinstance(data, dict):
        return {}, [Problem(shown, 1, "expected a mapping: tag-id: {label: ..., description: ...}")]
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value} if isinstance(node, yaml.MappingNode) else {}
    for key, value in data.items():
        line = lines.get(str(key), 1)
        if not isinstance(value, dict) or not isinstance(value.get("label"), str):
            problems.append(
                Problem(shown, line, f"tag {key!r} needs a label", hint=f"{key}:\n  label: ...\n  description: ...")
            )
            continue
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", str(key)):
            problems.append(Problem(shown, line, f"tag id {key!r} must be lower-case words joined by '-'"))
            continue
        label, description = value["label"], str(value.get("description", ""))
        bad = [found for found in (text_problem(label), text_problem(description)) if found]
        if bad and lint is not None:
            lint.append(Problem(shown, line, f"tag {key!r}: {bad[0][0]}", bad[0][1], "write plain text"))
        tags[str(key)] = Tag(str(key), label, description)
    return tags, problems


def _field_line(front: str, name: str) -> int:
    """Line (within the file) of a front matter field; the front matter starts on line 2."""
    for i, line in enumerate(front.splitlines()):
        if line.startswith(f"{name}:"):
            return i + 2
    return 1


def read_slot(
    path: Path, paragraph_id: str, shown: str, tags: Mapping[str, Tag] | None = None
) -> tuple[Slot, list[Problem]]:
    """Read one commentary file; return it and its front matter problems."""
    problems: list[Problem] = []
    text = raw = read_contributed(path, shown)
    meta: dict[str, Any] = {}
    body_line = 1
    front = ""
    if m := _FRONT_MATTER.match(text):
        front = m.group(1) or ""
        try:
            loaded = yamlsafe.load(front, shown) or {}
        except DataError as exc:
            for bad in exc.problems:
                problems.append(
                    Problem(
                        shown,
                        bad.line + 1 if bad.line else 1,
                        f"front matter is {bad.message}"
                        if bad.message.startswith("not valid")
                        else f"front matter: {bad.message}",
                        hint="see the front matter example in CONTRIBUTING.md",
                    )
                )
            loaded = {}
        if isinstance(loaded, dict):
            meta = loaded
        else:
            problems.append(Problem(shown, 2, "front matter must be fields like 'authors:' and 'updated:'", front))
        body_line = text[: m.end()].count("\n") + 1
        text = text[m.end() :]
    elif text.startswith("---"):
        problems.append(Problem(shown, 1, "front matter is not closed by a line '---'"))
    leading = len(text) - len(text.lstrip("\n"))
    body_line += text[:leading].count("\n")

    for key in meta:
        if key not in FIELDS:
            close = difflib.get_close_matches(str(key), FIELDS, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"known fields: {', '.join(FIELDS)}"
            problems.append(
                Problem(shown, _field_line(front, str(key)), f"unknown front matter field '{key}'", hint=hint)
            )

    authors: list[Author] = []
    raw_authors = meta.get("authors")
    if raw_authors is not None and not isinstance(raw_authors, list):
        problems.append(
            Problem(
                shown,
                _field_line(front, "authors"),
                "'authors' must be a list",
                hint="authors:\n      - name: Ada Lovelace",
            )
        )
    for item in raw_authors if isinstance(raw_authors, list) else ():
        if isinstance(item, str) and item.strip():
            authors.append(Author(item.strip()))
        elif isinstance(item, dict) and isinstance(item.get("name"), str) and item["name"].strip():
            unknown = set(item) - {"name", "affiliation", "link"}
            if unknown:
                problems.append(
                    Problem(
                        shown,
                        _field_line(front, "authors"),
                        f"unknown author field(s): {', '.join(sorted(map(str, unknown)))}",
                        hint="an author has name, affiliation and link",
                    )
                )
            link = str(item.get("link") or "")
            if link and not is_web_address(link):
                problems.append(
                    Problem(
                        shown,
                        _field_line(front, "authors"),
                        f"author link must be an https:// address: {link!r}",
                        hint="link: https://example.org/your-page",
                    )
                )
                link = ""
            authors.append(Author(item["name"].strip(), str(item.get("affiliation") or ""), link))
        else:
            problems.append(
                Problem(
                    shown,
                    _field_line(front, "authors"),
                    f"an author needs a name: {item!r}",
                    hint="- name: Ada Lovelace",
                )
            )

    updated = meta.get("updated")
    if isinstance(updated, str):
        with contextlib.suppress(ValueError):
            updated = date.fromisoformat(updated)
    if updated is not None and not isinstance(updated, date):
        problems.append(
            Problem(
                shown,
                _field_line(front, "updated"),
                f"'updated' is not a date: {updated!r}",
                hint="updated: 2026-11-27",
            )
        )
        updated = None

    raw_tags = meta.get("tags") or []
    if not isinstance(raw_tags, list):
        problems.append(Problem(shown, _field_line(front, "tags"), "'tags' must be a list", hint="tags: [norms]"))
        raw_tags = []
    slot_tags = []
    for t in raw_tags:
        if tags is not None and str(t) not in tags:
            close = difflib.get_close_matches(str(t), list(tags), n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"known tags: {', '.join(sorted(tags))}"
            problems.append(
                Problem(
                    shown, _field_line(front, "tags"), f"unknown tag '{t}'", hint=hint + " (see resolutions/tags.yaml)"
                )
            )
            continue
        slot_tags.append(str(t))

    raw_sources = meta.get("sources") or []
    if not isinstance(raw_sources, list) or not all(isinstance(s, str) for s in raw_sources):
        problems.append(
            Problem(
                shown,
                _field_line(front, "sources"),
                "'sources' must be a list of citations",
                hint='sources:\n      - "UN Doc A/70/174 (22 July 2015)"',
            )
        )
        raw_sources = []
    stamp = meta.get("text_hash") or ""
    if stamp and not re.fullmatch(r"[0-9a-f]{12}", str(stamp)):
        problems.append(
            Problem(
                shown,
                _field_line(front, "text_hash"),
                "'text_hash' is malformed",
                hint="remove it and run `python -m generator stamp`",
            )
        )
        stamp = ""
    for field, values in (
        ("authors", [v for a in authors for v in (a.name, a.affiliation)]),
        ("sources", [str(v) for v in raw_sources]),
    ):
        for value in values:
            if found := text_problem(value):
                problems.append(
                    Problem(shown, _field_line(front, field), f"'{field}' {found[0]}", found[1], "write plain text")
                )
    slot = Slot(
        paragraph_id=paragraph_id,
        path=path,
        body=text.strip("\n"),
        body_line=body_line,
        authors=tuple(authors),
        updated=updated if isinstance(updated, date) else None,
        tags=tuple(slot_tags),
        sources=tuple(raw_sources),
        text_hash=str(stamp),
    )
    if slot.has_content:
        if not authors:
            problems.append(
                Problem(
                    shown,
                    1,
                    "commentary needs its authors in the front matter",
                    hint="---\nauthors:\n      - name: Ada Lovelace\n    updated: 2026-11-27\n    ---",
                )
            )
        if slot.updated is None and "updated" not in meta:
            problems.append(
                Problem(shown, 1, "commentary needs the date of its last change ('updated') in the front matter")
            )
        for placeholder in PLACEHOLDERS:
            where = raw.find(placeholder)
            if where >= 0:
                line = raw.count("\n", 0, where) + 1
                problems.append(
                    Problem(
                        shown,
                        line,
                        "the template's placeholder text is still there",
                        placeholder,
                        "replace it with your own text",
                    )
                )
    return slot, problems


def load_slots(
    folder: Path, resolution: Resolution, shown_root: Path, tags: Mapping[str, Tag] | None = None
) -> tuple[dict[str, Slot], list[Problem], list[Problem]]:
    """The slots of ``resolution`` in ``folder``: (slots, errors that fail the build, lint problems)."""
    errors: list[Problem] = []
    lint: list[Problem] = []
    slots: dict[str, Slot] = {}
    if not folder.is_dir():
        return slots, errors, lint
    known = resolution.paragraph_ids()
    for path in sorted(folder.iterdir()):
        shown = path.relative_to(shown_root).as_posix() if path.is_relative_to(shown_root) else str(path)
        if path.name.startswith(".") or (path.is_dir() and not path.is_symlink()):
            continue
        if path.suffix != ".md":
            errors.append(
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
            errors.append(
                Problem(
                    shown, 1, f"commentary for paragraph '{pid}', which {resolution.symbol} does not have", hint=hint
                )
            )
            continue
        try:
            slot, problems = read_slot(path, pid, shown, tags)
        except DataError as exc:  # unreadable (too large, not UTF-8, a link): the build fails
            errors.extend(exc.problems)
            continue
        slots[pid] = slot
        lint.extend(problems)
    return slots, errors, lint


def stale_warning(slot: Slot, shown: str) -> Problem:
    return Problem(
        shown,
        1,
        f"the text of {slot.paragraph_id} has changed since this commentary was written",
        hint=f"review the commentary against the new text, then run `python -m generator stamp {shown}`",
    )


def stamp_file(path: Path, paragraph: Paragraph) -> bool:
    """Record in ``path``'s front matter the hash of the text it comments on; keep everything else.

    Returns whether the file changed.  Only the ``text_hash`` line is added or replaced.
    """
    text = path.read_text("utf-8")
    value = text_hash(paragraph)
    line = f"text_hash: {value}"
    if m := _FRONT_MATTER.match(text):
        front = m.group(1) or ""
        if re.search(r"^text_hash:.*$", front, flags=re.M):
            new_front = re.sub(r"^text_hash:.*$", line, front, count=1, flags=re.M)
        else:
            new_front = front + line + "\n"
        new = "---\n" + new_front + "---\n" + text[m.end() :]
    else:
        new = f"---\n{line}\n---\n\n{text}"
    if new == text:
        return False
    path.write_text(new, encoding="utf-8")
    return True
