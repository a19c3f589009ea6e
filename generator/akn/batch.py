"""Import whole sessions: every resolution of archives and folders, all languages, in parallel.

The main process reads the files (:mod:`.sources`, one archive at a time, in memory), groups
them by resolution from a quick look at each (:func:`.sources.identify`), and hands each group
to a pool of worker processes, which parse, merge, validate and write it
(:func:`generator.reimport.save_import`, so commentary is never orphaned).  A file or a
resolution that fails is reported and the others go on.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.akn import import_versions, parse_all
from generator.akn.parse import Version
from generator.akn.sources import Member, identify, number_of, read_members
from generator.errors import GeneratorError, Problem
from generator.importer.summary import summary
from generator.project import Project
from generator.reimport import save_import


@dataclass(frozen=True, slots=True)
class Options:
    project: Project | None
    """Where to write; ``None`` to write nothing (a dry run: parse, merge and validate only)."""
    languages: frozenset[str] = frozenset()
    """Only these languages (ISO 639-1); all when empty."""
    only: frozenset[str] = frozenset()
    """Only these resolutions (``79/237``, ``A/RES/79/237``); all when empty."""
    imported_on: date | None = None


@dataclass
class Outcome:
    """What became of one group of files."""

    imported: list[dict[str, object]] = field(default_factory=list)
    """The summary (:func:`generator.importer.summary.summary`) of each resolution written."""
    files: int = 0
    warnings: list[Problem] = field(default_factory=list)
    refused: list[Problem] = field(default_factory=list)
    """Files that could not be used, or resolutions that could not be written."""


@dataclass
class Report:
    resolutions: int = 0
    files: int = 0
    languages: set[str] = field(default_factory=set)
    warnings: list[Problem] = field(default_factory=list)
    refused: list[Problem] = field(default_factory=list)
    imported: list[dict[str, object]] = field(default_factory=list)
    seconds: float = 0.0


def wanted_symbol(symbol: str, only: frozenset[str]) -> bool:
    """Whether ``symbol`` is one of ``only`` (numbers or symbols, spaces and case ignored)."""
    if not only:
        return True
    key = number_of(symbol).replace(" ", "").lower()
    return key in {number_of(o.strip()).replace(" ", "").lower() for o in only}


def import_group(members: Sequence[Member], options: Options) -> Outcome:
    """Parse, merge, validate and write the files of one resolution (or of several, should the
    quick grouping have been wrong: they are told apart by what the parser reads)."""
    out = Outcome()
    versions, refused = parse_all([(m.name, m.data) for m in members])
    out.refused += refused
    by_key: dict[str, list[Version]] = {}
    for v in versions:
        if options.languages and v.language not in options.languages:
            continue
        by_key.setdefault(v.key, []).append(v)
    for group in by_key.values():
        if not any(wanted_symbol(v.resolution.symbol, options.only) for v in group):
            continue
        try:
            result = import_versions(group)
            if options.project is not None:
                save_import(options.project, result.resolution, result.files, imported_on=options.imported_on)
        except GeneratorError as exc:
            out.refused += exc.problems
            continue
        out.files += len(result.files)
        out.warnings += result.warnings
        out.imported.append(summary(result.resolution, ()))
    return out


_OPTIONS: list[Options] = []


def _worker(members: Sequence[Member]) -> Outcome:
    try:
        return import_group(members, _OPTIONS[0])
    except Exception as exc:  # a bug: report it with the files, and go on with the others
        names = ", ".join(m.name for m in members[:3])
        return Outcome(refused=[Problem(names, 0, f"the importer failed ({type(exc).__name__}: {exc})")])


@dataclass
class _Plan:
    """Which members make up each resolution, found in a first reading of every input."""

    expected: dict[str, int] = field(default_factory=dict)
    """Group key -> how many members it has."""
    key_of: dict[tuple[int, str], str] = field(default_factory=dict)
    """(input, member name) -> group key, for the members to import."""


def plan(paths: Sequence[Path], options: Options, problems: list[Problem], skipped: list[Problem]) -> _Plan:
    """A first reading of every input: the group of each member, filtered by language and
    resolution from a quick look (a file that does not tell which resolution it is goes to
    ``skipped`` when only some resolutions are wanted, else to the import, which refuses it).  Language versions of one resolution may stand in different
    archives (an emergency special session's resolutions are also in the session's archive)."""
    found = _Plan()
    for n, path in enumerate(paths):
        for m in read_members(path, problems):
            ident = identify(m.data)
            if options.languages and ident.language and ident.language not in options.languages:
                continue
            if ident.symbol and not wanted_symbol(ident.symbol, options.only):
                continue
            if not ident.key and options.only:
                # It may or may not be one of the resolutions asked for: say so, refuse nothing.
                skipped.append(
                    Problem(
                        m.name,
                        0,
                        "cannot tell which resolution this file is (empty, or not Akoma Ntoso): skipped under --only",
                    )
                )
                continue
            key = ident.key or f"?{m.name}"
            found.key_of[(n, m.name)] = key
            found.expected[key] = found.expected.get(key, 0) + 1
    return found


def groups(paths: Sequence[Path], the_plan: _Plan) -> Iterator[list[Member]]:
    """The members grouped by resolution, each group as soon as all its members are read (the
    second reading of the inputs: only unfinished groups are held in memory)."""
    pending: dict[str, list[Member]] = {}
    for n, path in enumerate(paths):
        for m in read_members(path, []):
            key = the_plan.key_of.get((n, m.name))
            if key is None:
                continue
            group = pending.setdefault(key, [])
            group.append(m)
            if len(group) == the_plan.expected[key]:
                yield pending.pop(key)
    yield from pending.values()  # an input that changed between the two readings


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def import_corpus(
    paths: Sequence[Path],
    options: Options,
    jobs: int = 0,
    progress: Callable[[int, int, str], None] | None = None,
) -> Report:
    """Import every resolution of the archives, folders and files ``paths``.

    ``jobs`` worker processes (default: one per core) share the resolutions; ``progress(done,
    total, name)`` is called as each resolution is finished.  The inputs are read twice: once
    to tell which files make up each resolution, once to import them; a resolution's files are
    held in memory only until the last of them is read.
    """
    report = Report()
    started = time.perf_counter()
    jobs = jobs or default_jobs()
    the_plan = plan(paths, options, report.refused, report.warnings)
    total = len(the_plan.expected)
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    _OPTIONS[:] = [options]
    pool = context.Pool(jobs, initializer=_set_options, initargs=(options,)) if jobs > 1 else None
    try:
        batches = groups(paths, the_plan)
        results: Iterable[Outcome] = (
            pool.imap_unordered(_worker, batches, chunksize=1) if pool is not None else map(_worker, batches)
        )
        for done, outcome in enumerate(results, 1):
            report.files += outcome.files
            report.warnings += outcome.warnings
            report.refused += outcome.refused
            report.imported += outcome.imported
            if progress is not None:
                name = str(outcome.imported[-1]["symbol"]) if outcome.imported else ""
                progress(done, total, name)
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    report.imported.sort(key=lambda s: str(s["symbol"]))
    report.resolutions = len(report.imported)
    for s in report.imported:
        report.languages.update(s["languages"])  # type: ignore[arg-type]
    report.seconds = time.perf_counter() - started
    return report


def _set_options(options: Options) -> None:
    _OPTIONS[:] = [options]


def terminal_progress(done: int, total: int, name: str) -> None:
    """A one-line progress bar on standard error (a terminal only)."""
    width = 30
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[:50]:<50}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


__all__ = ["Options", "Outcome", "Report", "import_corpus", "import_group", "terminal_progress", "wanted_symbol"]
