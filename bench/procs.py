"""Run a child process and measure it: wall time, peak resident memory (its own), output."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Run:
    args: tuple[str, ...]
    returncode: int
    seconds: float
    peak_mb: float
    """Peak resident set size of the child (and of any children it waited for), in MiB."""
    stdout: str
    stderr: str
    timed_out: bool = False
    cpu_seconds: float = 0.0
    """User + system CPU time of the child: less disturbed than wall time by other load."""
    load: float = 0.0
    """The machine's 1-minute load average when the child ended."""
    tree_peak_mb: float = 0.0
    """Peak of the proportional memory (PSS) of the child and all its descendants together,
    sampled ten times a second: what worker processes add, shared pages counted once."""

    @property
    def memory_mb(self) -> float:
        """The larger of the two peaks: what the stage needed."""
        return max(self.peak_mb, self.tree_peak_mb)

    def check(self, what: str) -> Run:
        if self.timed_out:
            raise RuntimeError(f"{what}: timed out after {self.seconds:.0f} s")
        if self.returncode != 0:
            raise RuntimeError(f"{what} failed (exit {self.returncode}):\n{self.stderr[-4000:]}")
        return self


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1")
    env.update(extra or {})
    return env


def measure(args: list[str], cwd: Path, timeout: float, env: dict[str, str] | None = None) -> Run:
    """Run ``args`` in ``cwd``; its peak memory comes from ``wait4``, so it is this child's alone."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, stdout=out, stderr=err, env=env or child_env(), start_new_session=True)
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        done = threading.Event()
        peaks = [0.0]
        sampler = threading.Thread(target=_sample_tree, args=(proc.pid, done, peaks), daemon=True)
        sampler.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
            done.set()
            sampler.join()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # so that Popen does not wait again
        out.seek(0)
        err.seek(0)
        return Run(
            tuple(args),
            proc.returncode,
            seconds,
            usage.ru_maxrss / 1024,  # kilobytes on Linux
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            timed_out.is_set(),
            usage.ru_utime + usage.ru_stime,
            os.getloadavg()[0],
            peaks[0],
        )


def _group_pss_mb(group: int) -> float:
    """Sum of the PSS of the processes of process group ``group``, in MiB (0 where unreadable)."""
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:  # noqa: PTH123
                fields = fh.read().rsplit(b")", 1)[1].split()
            if int(fields[2]) != group:  # field 5, pgrp, counted after the command name
                continue
            with open(f"/proc/{entry.name}/smaps_rollup", "rb") as fh:  # noqa: PTH123
                for line in fh:
                    if line.startswith(b"Pss:"):
                        total += int(line.split()[1])
                        break
        except (OSError, ValueError, IndexError):
            continue
    return total / 1024


def _sample_tree(group: int, done: threading.Event, peaks: list[float]) -> None:
    while not done.wait(0.1):
        peaks[0] = max(peaks[0], _group_pss_mb(group))


def snapshot(folder: Path) -> dict[str, tuple[int, int, int]]:
    """(inode, mtime, size) of every file under ``folder``: a write (even of equal bytes) changes it."""
    out: dict[str, tuple[int, int, int]] = {}
    for path in folder.rglob("*"):
        if path.is_file():
            st = path.stat()
            out[path.relative_to(folder).as_posix()] = (st.st_ino, st.st_mtime_ns, st.st_size)
    return out


def written(before: dict[str, tuple[int, int, int]], after: dict[str, tuple[int, int, int]]) -> list[str]:
    """Files created, changed or removed between two snapshots."""
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
