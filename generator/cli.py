"""Command line: ``python -m generator import|build|check|stamp|search-index``.

Exit status: 0 success, 1 ``check`` found problems, 2 bad input (nothing written).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from generator import store
from generator.build import build, default_jobs, load_project
from generator.commentary import COMMENTARY_DIR, stamp_file
from generator.errors import GeneratorError, Problem
from generator.importer import FORMATS, import_file
from generator.importer.summary import summary
from generator.project import project_from_config
from generator.reimport import apply_moves, parse_renames, plan_moves
from generator.search import index_site
from generator.votes.importer import import_votes


def _print_problems(problems: Sequence[Problem], prefix: str = "error") -> None:
    for p in problems:
        print(f"{prefix}: {p.format()}", file=sys.stderr)


def cmd_import(args: argparse.Namespace) -> int:
    """Structure an official text; with ``--stdout`` or ``--summary`` print it and write nothing."""
    try:
        result = import_file(Path(args.file), args.format, args.symbol)
    except GeneratorError:
        raise
    except Exception as exc:  # a bug, not the user's mistake: say so without a traceback
        raise GeneratorError(
            [
                Problem(
                    args.file,
                    0,
                    f"the importer failed on this file ({type(exc).__name__}: {exc}); nothing was written",
                    hint="please report this with the file attached",
                )
            ]
        ) from None
    res = result.resolution
    if args.summary:
        sys.stdout.write(json.dumps(summary(res, result.warnings), ensure_ascii=False, indent=2) + "\n")
        return 0
    _print_problems(result.warnings, "warning")
    if args.stdout:
        sys.stdout.write(store.dump_json(res))
        return 0
    project = project_from_config(Path(args.config))
    # Re-importing must never orphan commentary: refuse, or move the slots as told.
    commentary = project.resolutions_dir / res.slug / COMMENTARY_DIR
    renames, problems = parse_renames(args.rename)
    data_file = project.resolutions_dir / res.slug / store.DATA_FILE
    previous = None
    if data_file.exists():
        # The structured file as it stands tells where each commentary's paragraph was; if a
        # hand edit broke it, only vanished ids can be checked.
        with contextlib.suppress(GeneratorError):
            previous = store.load_resolution(data_file)
    moves, orphaned = (
        plan_moves(commentary, res, renames, project.rel(commentary), previous)
        if commentary.exists() or renames
        else ([], [])
    )
    if problems or orphaned:
        raise GeneratorError([*problems, *orphaned])
    if previous is not None and previous.descriptive_title and not res.descriptive_title:
        # A title the maintainer gave a text that prints none is not in the text: keep it.
        res = replace(res, descriptive_title=previous.descriptive_title)
    imported = args.imported_on or date.today()
    res = replace(res, sources=tuple(replace(s, imported=imported) for s in res.sources))
    folder = store.save(project.resolutions_dir, res, result.source.data)
    apply_moves(moves)
    for move in moves:
        print(f"moved {project.rel(move.source)} -> {move.target.name}")
    shown = folder.relative_to(project.root) if folder.is_relative_to(project.root) else folder
    print(
        f"imported {res.symbol}: {len(res.preamble)} preambular, {len(res.operative)} operative paragraphs, "
        f"{len(res.footnotes)} footnotes, {len(res.annexes)} annexes -> {shown}/{store.DATA_FILE}"
    )
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    project = project_from_config(Path(args.config))
    report = build(project, jobs=args.jobs or default_jobs())
    print(f"wrote {len(report.written)} pages, {report.unchanged} unchanged, {len(report.removed)} removed")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Validate everything a pull request can touch; exit 1 with ``file:line: message`` for each problem."""
    project = project_from_config(Path(args.config))
    try:
        loaded = load_project(project, jobs=default_jobs())
    except GeneratorError as exc:
        _print_problems(exc.problems)
        print(f"{len(exc.problems)} problem(s)", file=sys.stderr)
        return 1
    _print_problems(loaded.stale, "warning")
    _print_problems(loaded.adoptions.warnings, "warning")
    if loaded.lint:
        _print_problems(loaded.lint)
        print(f"{len(loaded.lint)} problem(s)", file=sys.stderr)
        return 1
    slots = sum(len(s) for s in loaded.slots.values())
    print(f"ok: {len(loaded.resolutions)} resolutions, {slots} commentary files")
    return 0


def cmd_stamp(args: argparse.Namespace) -> int:
    """Record in commentary files the paragraph text they were written against."""
    project = project_from_config(Path(args.config))
    loaded = load_project(project, jobs=default_jobs())
    wanted = {Path(f).resolve() for f in args.files}
    changed = 0
    for res in loaded.resolutions:
        for pid, slot in loaded.slots[res.symbol].items():
            paragraph = res.find(pid)
            if paragraph is None or not slot.has_content:
                continue
            if (wanted and slot.path.resolve() not in wanted) or (not wanted and slot.text_hash):
                continue
            if stamp_file(slot.path, paragraph):
                changed += 1
                print(f"stamped {project.rel(slot.path)}")
    print(f"{changed} file(s) stamped")
    return 0


def cmd_votes_import(args: argparse.Namespace) -> int:
    """Write each resolution's adoption.yaml from the adoption data files given."""
    project = project_from_config(Path(args.config))
    report = import_votes(project, [Path(f) for f in args.files])
    _print_problems(report.warnings, "warning")
    for line in report.lines:
        print(line)
    print(f"wrote {len(report.written)} adoption files, {len(report.unchanged)} unchanged")
    return 0


def cmd_search_index(args: argparse.Namespace) -> int:
    """Index a built site for search (Pagefind): what the MkDocs plugin does after a build, for
    engines that run no plugin (Zensical)."""
    report = index_site(Path(args.site_dir))
    print(
        f"indexed {report.pages} pages in {report.languages} language(s), {report.words} words "
        f"-> {report.bundle} ({report.bytes / 1024:.0f} KB)"
    )
    return 0


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m generator", description=__doc__.splitlines()[0])
    ap.add_argument("--config", default="mkdocs.yml", help="the site's mkdocs.yml (default: %(default)s)")
    sub = ap.add_subparsers(dest="command", required=True)
    imp = sub.add_parser("import", help="structure an official text into resolutions/<symbol>/resolution.yaml")
    imp.add_argument("file", help="the official text")
    imp.add_argument(
        "--format",
        choices=FORMATS,
        help="force the input form instead of detecting it: text (Markdown or plain text), "
        "pdf-text (a PDF's text layer), pdf",
    )
    imp.add_argument("--symbol", help="the resolution's symbol, for texts that do not print it")
    imp.add_argument("--stdout", action="store_true", help="print the structured resolution as JSON; write nothing")
    imp.add_argument(
        "--imported-on",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="the import date recorded in the structured resolution (default: today)",
    )
    imp.add_argument(
        "--rename",
        action="append",
        default=[],
        metavar="OLD=NEW",
        help="when re-importing changes paragraph ids, move the commentary on OLD to NEW (repeatable)",
    )
    imp.add_argument(
        "--summary", action="store_true", help="print a JSON summary (counts, date, warnings); write nothing"
    )
    imp.set_defaults(func=cmd_import)
    b = sub.add_parser("build", help="render every resolution and its commentary into docs/")
    b.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="processes for a large build (default: one per core; pages left unchanged cost nothing)",
    )
    b.set_defaults(func=cmd_build)
    ch = sub.add_parser("check", help="validate resolution data and commentary files")
    ch.set_defaults(func=cmd_check)
    st = sub.add_parser(
        "stamp",
        help="record in commentary files the hash of the paragraph text they comment on "
        "(all files not yet stamped, or the files named)",
    )
    st.add_argument("files", nargs="*", help="commentary files to stamp again after review")
    st.set_defaults(func=cmd_stamp)
    votes = sub.add_parser("votes", help="how resolutions were adopted: recorded votes, sponsors, meeting, draft")
    votes_sub = votes.add_subparsers(dest="votes_command", required=True)
    vi = votes_sub.add_parser(
        "import",
        help="write resolutions/<slug>/adoption.yaml for every resolution on the site from adoption data files",
    )
    vi.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="the UN's adoption data (<session>.json), Voeten's unvotes CSV files (roll_calls.csv, votes*.csv), "
        "Akoma Ntoso XML of resolutions",
    )
    vi.set_defaults(func=cmd_votes_import)
    si = sub.add_parser(
        "search-index",
        help="write the site search's index (Pagefind) into SITE_DIR/pagefind/ after a build "
        "(the MkDocs plugin does it itself; for Zensical)",
    )
    si.add_argument("site_dir", metavar="SITE_DIR", help="the built site, e.g. site")
    si.set_defaults(func=cmd_search_index)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except GeneratorError as exc:
        _print_problems(exc.problems)
        return 2
    return code
