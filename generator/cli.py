"""Command line: ``python -m generator import|export|build|check|stamp|votes|search-index``.

Exit status: 0 success, 1 ``check`` found problems, 2 bad input (nothing written).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from generator import store
from generator.akn import batch, import_akn, import_versions, parse_all
from generator.akn.export import in_language, to_akn, validate
from generator.akn.sources import is_archive
from generator.build import build, default_jobs, load_project
from generator.commentary import stamp_file
from generator.errors import GeneratorError, Problem
from generator.importer import FORMATS, import_file
from generator.importer.summary import summary
from generator.model import Resolution, slug_of
from generator.project import project_from_config
from generator.reimport import save_import
from generator.search import index_site
from generator.symbols import resolution_symbol_problem
from generator.votes.importer import import_votes


def _print_problems(problems: Sequence[Problem], prefix: str = "error") -> None:
    for p in problems:
        print(f"{prefix}: {p.format()}", file=sys.stderr)


def cmd_import(args: argparse.Namespace) -> int:
    """Structure official texts; with ``--stdout`` or ``--summary`` print and write nothing.

    One text or PDF; the Akoma Ntoso files of one resolution (its language versions); or
    archives and folders of them, every resolution they hold."""
    paths = [Path(f) for f in args.files]
    _check_symbol(args.symbol, "--symbol")
    if any(p.is_dir() or is_archive(p) for p in paths):
        return _import_corpus(args, paths)
    if args.format == "akn" or all(_looks_like_xml(p) for p in paths):
        return _import_akn_files(args, paths)
    if len(paths) > 1:
        raise GeneratorError(
            [
                Problem(
                    str(paths[1]),
                    0,
                    "several files are one resolution only in Akoma Ntoso XML (its language versions)",
                    hint="import a text or PDF file on its own",
                )
            ]
        )
    for option in ("languages", "only"):
        if getattr(args, option):
            raise GeneratorError([Problem(f"--{option}", 0, "applies to Akoma Ntoso files, archives and folders")])
    try:
        result = import_file(paths[0], args.format, args.symbol)
    except GeneratorError:
        raise
    except Exception as exc:  # a bug, not the user's mistake: say so without a traceback
        raise GeneratorError(
            [
                Problem(
                    str(paths[0]),
                    0,
                    f"the importer failed on this file ({type(exc).__name__}: {exc}); nothing was written",
                    hint="please report this with the file attached",
                )
            ]
        ) from None
    files = {result.resolution.source.file: result.source.data}
    return _finish_import(args, result.resolution, files, result.warnings, ())


def _looks_like_xml(path: Path) -> bool:
    if path.suffix.lower() == ".xml":
        return True
    try:
        with path.open("rb") as fh:
            head = fh.read(512).lstrip()
    except OSError:
        return False
    return head.startswith(b"<?xml") or head.startswith(b"<akomaNtoso")


def _languages(args: argparse.Namespace) -> frozenset[str]:
    return frozenset(code.strip() for code in (args.languages or "").split(",") if code.strip())


def _import_akn_files(args: argparse.Namespace, paths: list[Path]) -> int:
    """The language versions of one resolution."""
    if args.only:
        raise GeneratorError([Problem("--only", 0, "applies to archives and folders; here every file is imported")])
    files = []
    unreadable = []
    for path in paths:
        try:
            files.append((str(path), path.read_bytes()))
        except OSError as exc:
            unreadable.append(Problem(str(path), 0, f"cannot be read: {exc.strerror or exc}"))
    if unreadable:
        raise GeneratorError(unreadable)
    wanted = _languages(args)
    result = import_akn(files)
    if wanted:
        kept = [s for s in result.resolution.sources if s.language in wanted]
        if not kept:
            raise GeneratorError([Problem("--languages", 0, f"none of these files is in {', '.join(sorted(wanted))}")])
        versions, _ = parse_all([(n, d) for n, d in files])
        result = import_versions([v for v in versions if v.language in wanted], result.refused)
    return _finish_import(args, result.resolution, result.files, result.warnings, result.refused)


def _finish_import(
    args: argparse.Namespace,
    res: Resolution,
    files: dict[str, bytes],
    warnings: Sequence[Problem],
    refused: Sequence[Problem],
) -> int:
    if args.summary:
        sys.stdout.write(json.dumps(summary(res, tuple(warnings)), ensure_ascii=False, indent=2) + "\n")
        return 1 if refused else 0
    _print_problems(warnings, "warning")
    _print_problems(refused, "refused")
    if args.stdout:
        sys.stdout.write(store.dump_json(res))
        return 1 if refused else 0
    project = project_from_config(Path(args.config))
    saved = save_import(project, res, files, args.rename, args.imported_on)
    for move in saved.moves:
        print(f"moved {project.rel(move.source)} -> {move.target.name}")
    shown = saved.folder.relative_to(project.root) if saved.folder.is_relative_to(project.root) else saved.folder
    counts = summary(res, ())
    languages = f" ({', '.join(res.languages)})" if any(s.format == "akn" for s in res.sources) else ""
    print(
        f"imported {res.symbol}{languages}: {counts['preambular']} preambular, {counts['operative']} operative "
        f"paragraphs, {counts['footnotes']} footnotes, {counts['annexes']} annexes -> {shown}/{store.DATA_FILE}"
    )
    if refused:
        print(f"{len({p.path for p in refused})} file(s) refused (see above)", file=sys.stderr)
        return 1
    return 0


def _import_corpus(args: argparse.Namespace, paths: list[Path]) -> int:
    """Every resolution of archives and folders; exit 1 when a file or resolution was refused."""
    if args.stdout or args.rename or args.symbol:
        option = "--stdout" if args.stdout else "--rename" if args.rename else "--symbol"
        raise GeneratorError([Problem(option, 0, "applies to one resolution, not to archives or folders")])
    missing = [Problem(str(p), 0, "no such file or folder") for p in paths if not p.exists()]
    if missing:
        raise GeneratorError(missing)
    project = None if args.summary else project_from_config(Path(args.config))
    options = batch.Options(
        project,
        _languages(args),
        frozenset(o.strip() for o in (args.only or "").split(",") if o.strip()),
        args.imported_on,
    )
    progress = batch.terminal_progress if sys.stderr.isatty() and not args.summary else None
    report = batch.import_corpus(paths, options, jobs=args.jobs, progress=progress)
    if not report.resolutions:  # nothing was written
        found = "every Akoma Ntoso file was refused" if report.refused else "found no Akoma Ntoso file (*.xml)"
        raise GeneratorError(
            report.refused
            or [
                Problem(", ".join(str(p) for p in paths), 0, found, hint="give .xml files, folders or .tar.xz archives")
            ]
        )
    if args.summary:
        out = {
            "resolutions": report.resolutions,
            "files": report.files,
            "languages": sorted(report.languages),
            "refused": [_line(p) for p in report.refused],
            "imported": report.imported,
        }
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return 1 if report.refused else 0
    _print_problems(report.warnings, "warning")
    print(
        f"imported {report.resolutions} resolutions from {report.files} files "
        f"({', '.join(sorted(report.languages)) or 'no language'}) in {report.seconds:.1f} s; "
        f"{len(report.warnings)} warnings"
    )
    if report.refused:
        print(f"refused {len(report.refused)}:", file=sys.stderr)
        _print_problems(report.refused, "refused")
        return 1
    return 0


def _line(p: Problem) -> str:
    return f"{p.path}:{p.line}: {p.message}" if p.line else f"{p.path}: {p.message}"


def _check_symbol(symbol: str | None, where: str) -> None:
    """A symbol given on the command line, checked before it names a folder or a page."""
    if symbol is not None and (problem := resolution_symbol_problem(symbol)):
        raise GeneratorError([Problem(where, 0, problem)])


def cmd_export(args: argparse.Namespace) -> int:
    """Write one resolution as Akoma Ntoso XML (one language) or JSON."""
    _check_symbol(args.symbol, "SYMBOL")
    project = project_from_config(Path(args.config))
    data_file = project.resolutions_dir / slug_of(args.symbol) / store.DATA_FILE
    if not data_file.exists():
        raise GeneratorError(
            [
                Problem(
                    args.symbol,
                    0,
                    f"no resolution {args.symbol} on this site ({project.rel(data_file)} does not exist)",
                )
            ]
        )
    res = store.load_resolution(data_file, project.rel(data_file))
    if args.format == "json":
        content = store.dump_json(in_language(res, args.lang) if args.lang else res).encode("utf-8")
    else:
        language = args.lang or res.language
        if language not in res.languages:
            raise GeneratorError(
                [
                    Problem(
                        "--lang",
                        0,
                        f"{res.symbol} has no {language} version",
                        hint=f"one of: {', '.join(res.languages)}",
                    )
                ]
            )
        content = to_akn(res, language)
        problems = validate(content, args.output or "export")
        if problems:  # the exporter's own mistake: never hand out invalid XML
            raise GeneratorError(problems)
    if args.output:
        store.write_if_changed(Path(args.output), content)
        print(f"wrote {args.output}")
    else:
        sys.stdout.buffer.write(content)
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
    imp = sub.add_parser("import", help="structure official texts into resolutions/<symbol>/resolution.yaml")
    imp.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="the official text (text, PDF); or the Akoma Ntoso XML files of one resolution, one per "
        "language; or archives (.tar.xz) and folders of them, every resolution they hold",
    )
    imp.add_argument(
        "--format",
        choices=(*FORMATS, "akn"),
        help="force the input form instead of detecting it: text (Markdown or plain text), "
        "pdf-text (a PDF's text layer), pdf, akn (Akoma Ntoso XML)",
    )
    imp.add_argument(
        "--languages", metavar="LL,LL", help="Akoma Ntoso: import only these languages (ISO 639-1: en,fr,es,ru,zh,ar)"
    )
    imp.add_argument(
        "--only", metavar="N/N,N/N", help="archives and folders: import only these resolutions (79/237,79/7)"
    )
    imp.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="archives and folders: worker processes (default: one per core)",
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
    ex = sub.add_parser("export", help="write a resolution as Akoma Ntoso XML (one language) or JSON")
    ex.add_argument("symbol", metavar="SYMBOL", help="the resolution's symbol: A/RES/74/28")
    ex.add_argument("--format", choices=("akn", "json"), default="akn", help="akn (default) or json")
    ex.add_argument(
        "--lang",
        metavar="LL",
        help="the language (ISO 639-1); Akoma Ntoso: default the resolution's main language; "
        "JSON: only that language (default: all)",
    )
    ex.add_argument("--output", metavar="FILE", help="the file to write (default: standard output)")
    ex.set_defaults(func=cmd_export)
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
    except OSError as exc:  # a folder missing or not writable, a disk full: said, not a traceback
        where = exc.filename or "(file system)"
        print(f"{where}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return code
