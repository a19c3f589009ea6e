"""What the generator remembers between runs, in ``.cache/annotated-resolutions/`` (git-ignored).

Two things, both keyed by fingerprints of *content* (never of modification times, so a fresh
clone or a cache restored in CI still hits):

- the **load cache**: per resolution folder, the validated model, its commentary slots, and what
  was derived from them (references, lint, stale warnings), keyed by the bytes of every file in
  the folder, the tag vocabulary and the generator's own code;
- the **page manifest**: per unit of output (a resolution page, its citation files, the home
  page...), the fingerprint of the inputs it was rendered from and the size and modification
  time of each file it wrote.  A unit whose fingerprint is unchanged and whose files are still
  as written is neither rendered nor written again.

Losing the cache only costs time: every entry is checked against its key, and anything
unreadable counts as a miss.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import sys
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

CACHE_DIR = Path(".cache") / "annotated-resolutions"
_FORMAT = b"annotated-resolutions cache 1"


def digest(*parts: bytes | str) -> str:
    """A fingerprint of ``parts`` (each length-prefixed, so that boundaries count)."""
    h = hashlib.blake2b(_FORMAT, digest_size=20)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def tree_digest(folder: Path, pattern: str = "**/*") -> str:
    """A fingerprint of the names and bytes of the files matching ``pattern`` under ``folder``."""
    parts: list[bytes | str] = []
    for path in sorted(p for p in folder.glob(pattern) if p.is_file()):
        parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return digest(*parts)


@cache
def code_version() -> str:
    """A fingerprint of the generator's own code, schema and data tables, and of the Python that
    pickles the cache: a new version of any invalidates it."""
    package = Path(__file__).resolve().parent
    return digest(
        sys.version,
        tree_digest(package, "**/*.py"),
        tree_digest(package, "schema/*.json"),
        tree_digest(package, "data/*"),
    )


def cache_dir(root: Path) -> Path:
    return root / CACHE_DIR


def load_entry(path: Path, key: str) -> Any | None:
    """The value stored at ``path`` under ``key``; ``None`` when absent, stale or unreadable."""
    try:
        with path.open("rb") as fh:
            stored_key, value = pickle.load(fh)
    except Exception:  # a damaged cache entry is a miss, whatever the damage
        return None
    return value if stored_key == key else None


def store_entry(path: Path, key: str, value: Any) -> None:
    """Store ``value`` under ``key`` atomically; a cache that cannot be written is only slower."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        with tmp.open("wb") as fh:
            pickle.dump((key, value), fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)


# -- the page manifest ----------------------------------------------------------------------------

FileStamp = tuple[int, int, str]
"""(size, modification time in ns, fingerprint of the content) of a file as the generator left it."""


def stamp(path: Path, content: bytes | None = None) -> FileStamp | None:
    try:
        st = path.stat()
        data = path.read_bytes() if content is None else content
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, digest(data))


def _unchanged(path: Path, recorded: FileStamp) -> bool:
    """Whether ``path`` still holds what was recorded: same size and time, or else same content
    (a restored cache, a fresh checkout of the pages or a ``touch`` changes only the time)."""
    try:
        st = path.stat()
        if (st.st_size, st.st_mtime_ns) == recorded[:2]:
            return True
        return st.st_size == recorded[0] and digest(path.read_bytes()) == recorded[2]
    except OSError:
        return False


class Manifest:
    """Per unit of output: the fingerprint of its inputs and the files it wrote, with their stamps."""

    def __init__(self, path: Path, units: dict[str, tuple[str, dict[str, FileStamp]]]) -> None:
        self.path = path
        self.units = units
        self._saved = dict(units)

    @classmethod
    def read(cls, root: Path, docs_dir: Path) -> Manifest:
        path = cache_dir(root) / f"pages-{digest(str(docs_dir))[:12]}.json"
        units: dict[str, tuple[str, dict[str, FileStamp]]] = {}
        with contextlib.suppress(OSError, ValueError, TypeError, AttributeError, LookupError):
            data = json.loads(path.read_text("utf-8"))
            for name, (key, files) in data["units"].items():
                units[str(name)] = (str(key), {str(rel): (int(s[0]), int(s[1]), str(s[2])) for rel, s in files.items()})
        return cls(path, units)

    def current(self, name: str, key: str, docs_dir: Path) -> Iterable[str] | None:
        """The files of unit ``name`` if it was made from ``key`` and they are still as written."""
        entry = self.units.get(name)
        if entry is None or entry[0] != key:
            return None
        for rel, recorded in entry[1].items():
            if not _unchanged(docs_dir / rel, recorded):
                return None
        return entry[1].keys()

    def record(
        self, name: str, key: str, docs_dir: Path, files: Iterable[str], contents: Mapping[str, bytes] | None = None
    ) -> None:
        """Record that unit ``name`` was made from ``key`` and left ``files`` (paths in docs/)."""
        stamps: dict[str, FileStamp] = {}
        for rel in sorted(files):
            if (s := stamp(docs_dir / rel, contents.get(rel) if contents else None)) is not None:
                stamps[rel] = s
        self.units[name] = (key, stamps)

    def save(self) -> None:
        if self.units == self._saved:
            return
        data = {"units": {name: [key, files] for name, (key, files) in sorted(self.units.items())}}
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}")
            tmp.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
            tmp.replace(self.path)
        self._saved = dict(self.units)
