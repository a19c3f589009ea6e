"""``python -m generator votes import FILE...``: adoption data for every resolution on the site.

Stages: the resolutions on the site -> read the files given (and each resolution's own Akoma
Ntoso source, if it has one) -> merge per resolution -> write ``adoption.yaml`` where it changed.
Input that cannot be used (a State name the table lacks, a file of no known form) stops the
command before anything is written.  A resolution whose existing file holds figures from a source
not given this time is left as it is, so that a partial run never loses data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator import store
from generator.errors import DataError, GeneratorError, Problem
from generator.model import Resolution
from generator.paths import inside
from generator.project import Project
from generator.votes.merge import merge, problems_of, text_record
from generator.votes.model import Adoption
from generator.votes.sources import read_files, session_of
from generator.votes.states import StateTable, state_table
from generator.votes.store import ADOPTION_FILE, dump_yaml, load_adoption


@dataclass
class ImportReport:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    """One line per resolution on the site: what was found for it."""
    warnings: list[Problem] = field(default_factory=list)


def site_resolutions(project: Project) -> list[Resolution]:
    """Every resolution on the site, validated; :class:`DataError` with every problem otherwise."""
    problems: list[Problem] = []
    out: list[Resolution] = []
    for data_file in sorted(project.resolutions_dir.glob(f"*/{store.DATA_FILE}")):
        try:
            out.append(store.load_resolution(data_file, project.rel(data_file)))
        except DataError as exc:
            problems += exc.problems
    if problems:
        raise DataError(problems)
    return out


def own_sources(project: Project, resolutions: Sequence[Resolution]) -> list[Path]:
    """The Akoma Ntoso files that resolutions on the site were imported from (they name their vote)."""
    out = []
    for res in resolutions:
        for source in res.sources:
            path = project.resolutions_dir / res.slug / source.file
            if path.suffix.lower() == ".xml" and path.exists():
                out.append(path)
                break  # every language version carries the same metadata
    return out


def summary_line(a: Adoption) -> str:
    """``recorded vote 138-12-16, 27 non-voting (unvotes)``."""
    text: str = a.adoption.value
    if a.vote:
        v = a.vote
        text += (
            f" {v.yes.count.value}-{v.no.count.value}-{v.abstain.count.value}, {v.non_voting.count.value} non-voting"
        )
    if a.separate_votes:
        text += f", {len(a.separate_votes)} separate vote(s)"
    sources = ", ".join(s.id for s in a.sources if s.id not in ("text", "membership")) or "the text alone"
    return f"{text} ({sources})"


def import_votes(
    project: Project, files: Sequence[Path], table: StateTable | None = None, write: bool = True
) -> ImportReport:
    """Write ``adoption.yaml`` for every resolution on the site that the files (or its text) describe."""
    table = table or state_table()
    resolutions = site_resolutions(project)
    symbols = {res.symbol for res in resolutions}
    given = {p.resolve() for p in files}
    paths = [*files, *(p for p in own_sources(project, resolutions) if p.resolve() not in given)]
    reading = read_files(paths, symbols, table)
    if reading.problems:
        raise GeneratorError(reading.problems)
    report = ImportReport(warnings=list(reading.warnings))
    covered = set().union(*reading.sessions.values()) if reading.sessions else set()
    for res in resolutions:
        records = list(reading.records.get(res.symbol, ()))
        text = text_record(res)
        if not records and not (text and session_of(res.symbol) in covered):
            reason = "not a General Assembly resolution" if not session_of(res.symbol) else "no file read covers it"
            report.lines.append(f"{res.symbol}: nothing written ({reason})")
            continue
        adoption, problems = merge(res.symbol, [*records, *([text] if text else [])], table, reading.sessions)
        target = inside(project.resolutions_dir, f"{res.slug}/{ADOPTION_FILE}", project.resolutions_dir.name)
        shown = project.rel(target)
        report.warnings += [Problem(shown, 0, f"{res.symbol}: {p}") for p in problems]
        if target.exists():
            try:
                earlier = {s.id for s in load_adoption(target, shown, table).sources}
            except DataError:
                earlier = set()
            missing = sorted(earlier - {s.id for s in adoption.sources} - {"text", "membership"})
            if missing:
                report.warnings.append(
                    Problem(
                        shown,
                        0,
                        f"{res.symbol}: left as it is: it holds figures from {', '.join(missing)}, "
                        "whose files were not given this time",
                        hint="give every source's files together",
                    )
                )
                report.lines.append(f"{res.symbol}: kept (sources not given: {', '.join(missing)})")
                continue
        report.warnings += problems_of(adoption, shown, table)
        report.lines.append(f"{res.symbol}: {summary_line(adoption)} -> {shown}")
        if write:
            if store.write_if_changed(target, dump_yaml(adoption)):
                report.written.append(target)
            else:
                report.unchanged.append(target)
    return report
