"""What the generator remembers between runs, in ``.cache/annotated-resolutions/`` (git-ignored).

Two things, both keyed by fingerprints of *content* (never of modification times, so a fresh
clone or a cache restored in CI still hits):

- the **load cache**: per resolution folder, the validated model, its commentary slots, and what
  was derived from them (references, lint, stale warnings), keyed by the bytes of every file in
  the folder, the tag vocabulary and the generator's own code and schemas;
- the **page manifest**: per unit of output (a resolution page, its citation files, the home
  page...), the fingerprint of the inputs it was rendered from and the size and modification
  time of each file it wrote.  A unit whose fingerprint is unchanged and whose files are still
  as written is neither rendered nor written again; a file missing from docs/ (a build
  interrupted, a page deleted) makes its unit render again.

The cache holds **data, not code**: every entry is JSON (:mod:`generator.datacodec`), decoded
against the type the caller expects, so loading it can only ever produce values the generator
itself makes.  Each entry starts with a header line: the format and its version, and a MAC of
the rest keyed by a secret of this machine kept outside the repository
(:func:`secret_file`), so an entry committed to the repository or copied from elsewhere is never
trusted, even one that would decode.  A pickle, a damaged or foreign entry is discarded with a
warning; an entry of another key (older content, another generator version) is a plain miss.
Losing the cache only costs time.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import os
import sys
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from generator.datacodec import CodecError, decode, encode

CACHE_DIR = Path(".cache") / "annotated-resolutions"
_FORMAT = b"annotated-resolutions cache 1"
HEADER = b"annotated-resolutions cache 2 "
"""First bytes of every entry: the format and its version; then the MAC (hex) and a newline."""
MAX_ENTRY = 64 * 1024 * 1024
"""No entry is read beyond this size."""

log = logging.getLogger("annotated_resolutions.cache")
T = TypeVar("T")


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
    for path in sorted(p for p in folder.glob(pattern) if p.is_file() and not p.is_symlink()):
        parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return digest(*parts)


@cache
def code_version() -> str:
    """A fingerprint of the generator's own code, schema and data tables, and of the Python that
    runs it: a new version of any invalidates the cache."""
    package = Path(__file__).resolve().parent
    return digest(
        sys.version,
        tree_digest(package, "**/*.py"),
        tree_digest(package, "schema/*.json"),
        tree_digest(package, "data/*"),
    )


def cache_dir(root: Path) -> Path:
    return root / CACHE_DIR


def secret_file() -> Path:
    """Where this machine's cache secret is kept: the user's configuration folder, outside any
    repository (``$XDG_CONFIG_HOME/annotated-resolutions/cache.key``, else ``~/.config/...``)."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "annotated-resolutions" / "cache.key"


@cache
def _secret() -> bytes | None:
    """This machine's cache secret, made on first use; ``None`` (no cache) if it cannot be kept."""
    path = secret_file()
    with contextlib.suppress(OSError, ValueError):
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(os.urandom(32).hex())
        key = bytes.fromhex(path.read_text("ascii").strip())
        if len(key) >= 16:
            return key
    return None


def _mac(secret: bytes, body: bytes) -> str:
    return hmac.new(secret, body, hashlib.sha256).hexdigest()


_warned: set[str] = set()


def _discard(path: Path, why: str) -> None:
    """Warn (once per kind of damage and run) that an entry was not used, and remove it."""
    if why not in _warned:
        _warned.add(why)
        log.warning("cache: %s: %s; discarded (the cache is only data, rebuilt as needed)", path, why)
    with contextlib.suppress(OSError):
        path.unlink()


def load_entry(path: Path, key: str, tp: type[T] | Any) -> T | None:
    """The value of type ``tp`` stored at ``path`` under ``key``; ``None`` when absent, of
    another key, damaged or foreign (the last two with a warning)."""
    found = load_json(path, key)
    if found is None:
        return None
    try:
        value: T = decode(found[0], tp)
    except CodecError:
        _discard(path, "damaged")
        return None
    return value


def load_json(path: Path, key: str) -> tuple[Any] | None:
    """``(value,)``: the JSON value stored at ``path`` under ``key``, its MAC checked; ``None`` as
    for :func:`load_entry`.  For callers that check the shape of what they read themselves."""
    secret = _secret()
    if secret is None:
        return None
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_ENTRY + 1)
    except OSError:
        return None
    if data[:1] == b"\x80" or path.suffix == ".pickle":
        _discard(path, "a pickle, never loaded")
        return None
    head, _, body = data.partition(b"\n")
    if len(data) > MAX_ENTRY or not head.startswith(HEADER):
        _discard(path, "not an entry of this cache format")
        return None
    if not hmac.compare_digest(head[len(HEADER) :], _mac(secret, body).encode("ascii")):
        _discard(path, "made elsewhere or altered (its MAC does not match this machine's key)")
        return None
    try:
        stored = json.loads(body)
        if not isinstance(stored, dict) or stored.get("key") != key or stored.get("code") != code_version():
            return None  # another version of the content or of the generator: a plain miss
        return (stored["value"],)
    except (ValueError, KeyError):
        _discard(path, "damaged")
        return None


def store_entry(path: Path, key: str, value: Any) -> None:
    """Store ``value`` under ``key`` atomically; a cache that cannot be written is only slower."""
    store_json(path, key, encode(value))


def store_json(path: Path, key: str, value: Any) -> None:
    """Store the JSON value ``value`` under ``key`` (see :func:`load_json`)."""
    secret = _secret()
    if secret is None:
        return
    body = json.dumps({"key": key, "code": code_version(), "value": value}, ensure_ascii=False, separators=(",", ":"))
    data = body.encode("utf-8")
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        with tmp.open("wb") as fh:
            fh.write(HEADER + _mac(secret, data).encode("ascii") + b"\n" + data)
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
        units = load_entry(path, "pages", dict[str, tuple[str, dict[str, FileStamp]]])
        return cls(path, units or {})

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
        store_entry(self.path, "pages", dict(sorted(self.units.items())))
        self._saved = dict(self.units)
