"""Where Akoma Ntoso files come from: files, folders, ``.tar.xz`` archives.

Guarantees:

- an archive is read member by member, in memory: nothing is extracted to disk, and member names
  are only shown in messages, never used as paths, so a hostile name (``../../x``, ``/etc/x``)
  can do nothing; only regular members named ``*.xml`` are read (links, devices and folders
  are skipped), and a member larger than :data:`generator.akn.xml.MAX_BYTES` is refused unread;
- a folder is walked in name order without following links to other folders; the archives in it
  are read as above;
- :func:`identify` tells which resolution and language a file is from a quick look at its
  text, so that files can be grouped before they are parsed; the parser checks it again.
"""

from __future__ import annotations

import os
import re
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.akn.parse import group_key, language_code, resolve_symbol
from generator.akn.xml import MAX_BYTES
from generator.errors import Problem

_WORK = re.compile(rb"<FRBRWork>\s*<FRBRthis\s+value=\"([^\"]*)\"")
_LANGUAGE = re.compile(rb"<FRBRlanguage\s+language=\"([^\"]*)\"")
_PRINTED = re.compile(rb"<docNumber\s+refersTo=\"#symbol\">([^<]*)</docNumber>")
_UNSAFE = re.compile(r"[\x00-\x1f\x7f]")
_COLLECTION = re.compile(rb"<documentCollection[\s>]")


@dataclass(frozen=True, slots=True)
class Member:
    """One file to import: how messages name it, and its bytes."""

    name: str
    data: bytes


def shown_name(container: str, name: str) -> str:
    """How messages name a member: ``GA-74.tar.xz/74session/English/74_28.xml``, control
    characters made visible."""
    return _UNSAFE.sub(lambda m: f"\\x{ord(m.group(0)):02x}", f"{container}/{name}")


def is_archive(path: Path) -> bool:
    return path.name.lower().endswith((".tar.xz", ".txz", ".tar.gz", ".tgz", ".tar"))


def read_members(path: Path, problems: list[Problem]) -> Iterator[Member]:
    """The XML files of an archive or folder, or the file itself; what cannot be read goes to
    ``problems``."""
    if path.is_dir():
        yield from _folder(path, problems)
    elif is_archive(path):
        yield from _archive(path, problems)
    else:
        try:
            yield Member(str(path), path.read_bytes())
        except OSError as exc:
            problems.append(Problem(str(path), 0, f"cannot be read: {exc.strerror or exc}"))


def _folder(root: Path, problems: list[Problem]) -> Iterator[Member]:
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if is_archive(path) and path.is_file() and not path.is_symlink():
                yield from _archive(path, problems)
                continue
            if not name.lower().endswith(".xml") or not path.is_file():
                continue
            try:
                if path.stat().st_size > MAX_BYTES:
                    problems.append(Problem(str(path), 0, f"larger than {MAX_BYTES:,} bytes: not read"))
                    continue
                yield Member(str(path), path.read_bytes())
            except OSError as exc:
                problems.append(Problem(str(path), 0, f"cannot be read: {exc.strerror or exc}"))


def _archive(path: Path, problems: list[Problem]) -> Iterator[Member]:
    try:
        archive = tarfile.open(path, mode="r:*")  # noqa: SIM115 - closed below, after the last member
    except (OSError, tarfile.TarError, EOFError) as exc:
        problems.append(Problem(str(path), 0, f"not a readable archive: {exc}"))
        return
    with archive:
        try:
            for member in archive:
                shown = shown_name(str(path), member.name)
                if not member.isreg() or not member.name.lower().endswith(".xml"):
                    continue
                if member.size > MAX_BYTES:
                    problems.append(Problem(shown, 0, f"larger than {MAX_BYTES:,} bytes: not read"))
                    continue
                handle = archive.extractfile(member)
                if handle is None:
                    continue
                with handle:
                    yield Member(shown, handle.read(MAX_BYTES + 1))
        except (OSError, tarfile.TarError, EOFError) as exc:
            problems.append(Problem(str(path), 0, f"the archive is damaged: {exc}"))


@dataclass(frozen=True, slots=True)
class Identity:
    symbol: str
    """``A/RES/74/28``; ``""`` when a quick look cannot tell (the parser will)."""
    language: str
    key: str
    """What the versions of one resolution share (see :attr:`generator.akn.parse.Version.key`)."""


def identify(data: bytes) -> Identity:
    """Which resolution and language a file is, from its first ``FRBRWork``, ``FRBRlanguage``
    and the symbol printed on its cover."""
    work = _WORK.search(data)
    language = _LANGUAGE.search(data)
    printed = _PRINTED.search(data)
    symbol = key = ""
    if work:
        value = work.group(1).decode("utf-8", "replace")
        symbol = resolve_symbol(value, printed.group(1).decode("utf-8", "replace") if printed else "")[0]
        key = group_key(symbol, bool(_COLLECTION.search(data, 0, 4096)))
    return Identity(symbol, language_code(language.group(1).decode("ascii", "replace")) if language else "", key)


def number_of(symbol: str) -> str:
    """``A/RES/79/237`` -> ``79/237`` (what ``--only`` is matched against)."""
    return symbol.split("/", 2)[-1] if symbol.startswith("A/RES/") else symbol


__all__ = ["Identity", "Member", "identify", "is_archive", "number_of", "read_members", "shown_name"]
