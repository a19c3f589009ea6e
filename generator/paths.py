"""Files on disk: what the generator may read, and where it may write.

Reading what a pull request can touch (:func:`read_contributed`): a regular file, never through
a symbolic link (``resolutions/x/commentary/op-1.md -> /proc/self/environ`` would publish the
environment), no larger than the limit of its kind (:data:`LIMITS`), valid UTF-8.  Each refusal
is a :class:`~generator.errors.DataError` naming the file (and the line of a bad byte).

:func:`symlinks` lists every symbolic link under the folders a pull request can change
(``resolutions/``, ``templates/``, ``overrides/``, ``CONTRIBUTING.md``): ``check`` and the build
refuse to run while there is one.

Writing (:func:`inside`): every output path is a path relative to its folder (``docs/`` for
pages, ``resolutions/`` for imports) made only of plain components: no ``..``, no absolute path,
no back slash, no control character, and no existing symbolic link on the way.  Every writer
goes through it; a resolution's symbol is also checked against the UN grammar
(:mod:`generator.symbols`) long before, so this is the second lock, not the first.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from generator.errors import DataError, GeneratorError, Problem

KiB = 1024
MiB = 1024 * KiB
LIMITS: dict[str, int] = {
    "resolution.yaml": 8 * MiB,
    "adoption.yaml": 1 * MiB,
    "tags.yaml": 256 * KiB,
    "series.yaml": 1 * MiB,
    "commentary": 128 * KiB,
    "CONTRIBUTING.md": 512 * KiB,
}
"""Largest size of each kind of contributed file.  The largest resolution on the site, in six
languages, is some 130 KB; a long commentary some 20 KB."""


def _size(n: int) -> str:
    return f"{n / MiB:.1f} MB" if n >= MiB else f"{n / KiB:.0f} KB"


def limit_of(path: Path) -> tuple[str, int]:
    """(kind, size limit) of a contributed file, by its name (commentary: any ``.md`` file)."""
    if path.name in LIMITS:
        return path.name, LIMITS[path.name]
    return "commentary", LIMITS["commentary"]


def read_contributed(path: Path, shown: str, limit: int | None = None) -> str:
    """The text of a contributed file; :class:`DataError` for a symbolic link, a special file,
    a file over its size limit or one that is not UTF-8."""
    kind, default = limit_of(path)
    limit = default if limit is None else limit
    try:
        st = os.lstat(path)
    except OSError as exc:
        raise DataError([Problem(shown, 0, f"cannot be read: {exc.strerror}")]) from None
    if stat.S_ISLNK(st.st_mode):
        raise DataError([_symlink_problem(shown)])
    if not stat.S_ISREG(st.st_mode):
        raise DataError([Problem(shown, 0, "not a regular file: not read")])
    if st.st_size > limit:
        raise DataError(
            [
                Problem(
                    shown,
                    0,
                    f"too large: {_size(st.st_size)}; a {kind} file may hold at most {_size(limit)}",
                    hint="split it, or shorten it",
                )
            ]
        )
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise DataError([Problem(shown, 0, f"cannot be read: {exc.strerror}")]) from None
    if len(data) > limit:  # grew since it was measured
        raise DataError([Problem(shown, 0, f"too large: a {kind} file may hold at most {_size(limit)}")])
    return decode(data, shown)


def decode(data: bytes, shown: str) -> str:
    """``data`` as UTF-8 text; :class:`DataError` naming the line of the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        bad = data[exc.start : exc.end].hex(" ")
        raise DataError(
            [
                Problem(
                    shown,
                    line,
                    f"not valid UTF-8: byte(s) {bad} at column {column}",
                    hint="save the file as UTF-8",
                )
            ]
        ) from None


def _symlink_problem(shown: str) -> Problem:
    return Problem(shown, 0, "symlink, not followed", hint="commit the file itself, not a link to it")


def symlinks(root: Path, places: Iterable[Path]) -> list[Problem]:
    """A problem for every symbolic link at or under ``places`` (folders or files), named
    relative to ``root``; links are never followed, so a loop cannot trap the walk."""
    problems: list[Problem] = []

    def shown(path: Path) -> str:
        return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)

    for place in places:
        if place.is_symlink():
            problems.append(_symlink_problem(shown(place)))
            continue
        if not place.is_dir():
            continue
        for found in _walk(place):
            problems.append(_symlink_problem(shown(found)))
    return problems


def _walk(folder: Path) -> Iterator[Path]:
    """Every symbolic link under ``folder``, in name order, without following any."""
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name, reverse=True)
        except OSError:
            continue
        for entry in entries:
            if entry.is_symlink():
                yield Path(entry.path)
            elif entry.is_dir(follow_symlinks=False):
                stack.append(Path(entry.path))


class UnsafePathError(GeneratorError):
    """An output path that would leave its folder."""


def path_problem(rel: str) -> str:
    """Why ``rel`` cannot be a path inside an output folder, or ``""`` when it can."""
    if not rel:
        return "an empty path"
    if any(ord(c) < 32 or c == "\x7f" for c in rel):
        return "a control character in a path"
    if "\\" in rel:
        return "a back slash in a path"
    if rel.startswith("/") or (len(rel) > 1 and rel[1] == ":"):
        return "an absolute path"
    parts = rel.split("/")
    if any(p in ("", ".", "..") for p in parts):
        return "a path with an empty, '.' or '..' part"
    return ""


def inside(base: Path, rel: str, shown_base: str = "") -> Path:
    """``base / rel``, after checking that it stays inside ``base`` (see :func:`path_problem`) and
    that no part of it below ``base`` is an existing symbolic link; :class:`UnsafePathError`
    otherwise."""
    where = shown_base or base.name
    if problem := path_problem(rel):
        raise UnsafePathError([Problem(f"{where}/{rel}", 0, f"refused: {problem} would write outside {where}/")])
    path = base.joinpath(*rel.split("/"))
    current = base
    for part in rel.split("/"):
        current = current / part
        if current.is_symlink():
            raise UnsafePathError([Problem(f"{where}/{rel}", 0, "refused: a symlink on the way, not followed")])
        if not current.exists():
            break
    return path


__all__ = [
    "LIMITS",
    "UnsafePathError",
    "decode",
    "inside",
    "limit_of",
    "path_problem",
    "read_contributed",
    "symlinks",
]
