"""Live preview: ``mkdocs serve`` rebuilds after a commentary edit and then settles; generation is
idempotent on a corpus with cross-references between resolutions.

The project is a copy of the real one plus a few synthetic resolutions (bench/corpus.py) imported
with the real importer, with commentary that refers to paragraphs of other resolutions.  The
server runs on 127.0.0.1 with live reload on; its log tells how often it rebuilt.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench import corpus
from generator import store
from generator.build import build
from generator.importer import import_file
from generator.project import project_from_config
from tests.conftest import copy_project
from tests.site_server import free_port

SYNTHETIC = int(os.environ.get("AR_SERVE_SYNTHETIC", "4"))
"""Synthetic resolutions added to the real ones: enough for cross-references, and fast.  Set
``AR_SERVE_SYNTHETIC=95`` to check the live preview on a corpus of 100 resolutions."""
REMARK = "A further remark, added while the server runs."
QUIET = 4.0
"""Seconds without a rebuild after which the server counts as settled (it polls every 0.5 s)."""
LIMIT = 240.0
"""Upper bound for any wait: the initial build, one rebuild, settling."""


def make_project(dest: Path) -> tuple[Path, list[str]]:
    """The real project plus :data:`SYNTHETIC` imported resolutions with commentary; returns its
    mkdocs.yml and the synthetic commentary files (paths under resolutions/)."""
    config = copy_project(dest)
    resolutions_dir = dest / "resolutions"
    planned = corpus.plan(SYNTHETIC, seed=7)
    slots: corpus.Slots = {}
    for path in corpus.write_sources(planned, dest / "sources"):
        result = import_file(path)
        store.save(resolutions_dir, result.resolution, result.source.data)
        slots[result.resolution.symbol] = corpus.slots_of(result.resolution)
    files = corpus.commentary_files(planned, slots, seed=7, tags=corpus.tag_vocabulary(resolutions_dir))
    corpus.write_commentary(files, resolutions_dir)
    return config, sorted(files)


def cross_referencing(files: list[str], root: Path) -> str:
    """A commentary file that refers to a paragraph of another resolution."""
    for rel in files:
        if re.search(r"\]\(A/RES/[^)#]+#", (root / "resolutions" / rel).read_text("utf-8")):
            return rel
    raise AssertionError("the synthetic corpus has no cross-resolution reference")


def test_generation_is_idempotent_with_cross_references(tmp_path: Path) -> None:
    config, files = make_project(tmp_path)
    project = project_from_config(config)
    first = build(project)
    assert len(first.written) >= SYNTHETIC + 2
    snapshot = {p: p.read_bytes() for p in project.docs_dir.rglob("*.md")}
    assert build(project).written == []
    assert {p: p.read_bytes() for p in project.docs_dir.rglob("*.md")} == snapshot
    # An edit that leaves its references alone rewrites only the page that shows the commentary,
    # not the pages it refers to.
    rel = cross_referencing(files, tmp_path)
    slot = tmp_path / "resolutions" / rel
    slot.write_text(slot.read_text("utf-8") + f"\n{REMARK}\n", encoding="utf-8")
    symbol = "A/RES/" + rel.split("/", 1)[0].removeprefix("A-RES-").replace("-", "/")
    third = build(project)
    assert [p.relative_to(project.docs_dir).as_posix() for p in third.written] == [f"{symbol}/index.md"]
    assert build(project).written == []


@dataclass
class ServeLog:
    path: Path

    def text(self) -> str:
        return self.path.read_text("utf-8", errors="replace")

    def count(self, what: str, start: int = 0) -> int:
        return self.text()[start:].count(what)

    def wait_for(self, what: str, start: int, proc: subprocess.Popen[bytes], limit: float = LIMIT) -> None:
        deadline = time.monotonic() + limit
        while what not in self.text()[start:]:
            if proc.poll() is not None:
                raise AssertionError(f"mkdocs serve exited ({proc.returncode}):\n{self.text()[-3000:]}")
            if time.monotonic() > deadline:
                raise AssertionError(f"no {what!r} from mkdocs serve within {limit:.0f} s:\n{self.text()[-3000:]}")
            time.sleep(0.1)

    def settle(self, start: int, proc: subprocess.Popen[bytes]) -> tuple[int, bool]:
        """Wait until the server has been idle for :data:`QUIET` seconds after ``start``.

        Returns the number of rebuilds since ``start`` and whether it settled within the limit.
        Idle means: every rebuild it began has finished, and nothing happened for QUIET seconds.
        """
        deadline = time.monotonic() + LIMIT
        last_size, quiet_since = -1, time.monotonic()
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise AssertionError(f"mkdocs serve exited ({proc.returncode}):\n{self.text()[-3000:]}")
            text = self.text()[start:]
            if len(text) != last_size:
                last_size, quiet_since = len(text), time.monotonic()
            started = text.count("Detected file changes")
            finished = text.count("Reloading browsers")
            if started == finished and time.monotonic() - quiet_since >= QUIET:
                return started, True
            time.sleep(0.1)
        return self.text()[start:].count("Detected file changes"), False

    def events(self, start: int) -> str:
        """The file events mkdocs serve logged (with -v) after ``start``: what triggered rebuilds."""
        return "\n".join(
            line.strip() for line in self.text()[start:].splitlines() if "Event(" in line or "generated" in line
        )


@dataclass
class Session:
    log: ServeLog
    url: str
    page: str
    rebuilds_at_start: int
    settled_at_start: bool
    rebuilds: int
    settled: bool
    events: str
    html: str


@contextlib.contextmanager
def mkdocs_serve(config: Path, port: int, log_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """``mkdocs serve`` on 127.0.0.1:``port`` in its own process group, always stopped afterwards."""
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "--verbose",
                "--config-file",
                str(config),
                "--dev-addr",
                f"127.0.0.1:{port}",
            ],
            cwd=config.parent,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
            start_new_session=True,
        )
    try:
        yield proc
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Session:
    """Start the server, let it settle, edit one commentary file, let it settle again."""
    tmp = tmp_path_factory.mktemp("serve")
    config, files = make_project(tmp)
    port = free_port()
    log = ServeLog(tmp / "serve.log")
    rel = cross_referencing(files, tmp)
    symbol = "A/RES/" + rel.split("/", 1)[0].removeprefix("A-RES-").replace("-", "/")
    with mkdocs_serve(config, port, log.path) as proc:
        log.wait_for("Serving on", 0, proc)
        url = re.findall(r"Serving on (http://\S+)", log.text())[-1]
        at_start, settled_at_start = log.settle(log.text().index("Serving on"), proc)
        mark = len(log.text())
        slot = tmp / "resolutions" / rel
        slot.write_text(slot.read_text("utf-8") + f"\n{REMARK}\n", encoding="utf-8")
        log.wait_for("Reloading browsers", mark, proc)
        rebuilds, settled = log.settle(mark, proc)
        with urllib.request.urlopen(f"{url}{symbol}/", timeout=30) as resp:
            html = resp.read().decode("utf-8")
        return Session(log, url, symbol, at_start, settled_at_start, rebuilds, settled, log.events(mark), html)


def test_serve_is_idle_after_its_first_build(session: Session) -> None:
    assert session.settled_at_start and session.rebuilds_at_start == 0, (
        f"mkdocs serve rebuilt {session.rebuilds_at_start} times without any edit"
    )


def test_serve_settles_after_a_commentary_edit(session: Session) -> None:
    """No rebuild loop: after the edit the server rebuilds, shows it, and stops."""
    assert session.settled, f"mkdocs serve still rebuilding after {LIMIT:.0f} s:\n{session.events}"
    assert session.rebuilds >= 1
    assert REMARK in session.html, f"the edit is not on {session.url}{session.page}/"


def test_serve_rebuilds_once_per_commentary_edit(session: Session) -> None:
    assert session.rebuilds == 1, (
        f"{session.rebuilds} rebuilds after one commentary edit; what triggered them:\n{session.events}"
    )
