"""Benchmark: the generator next to MkDocs, on a synthetic corpus of N resolutions.

    python bench/bench.py --n 100          # corpus, import, generate, mkdocs with and without plugin
    python bench/bench.py --n 100 --profile  # also profile one generator run (cProfile)
    python bench/bench.py --weight         # bytes a reader downloads for /A/RES/73/266/
    python bench/bench.py --corpus GA-74.tar.xz GA-75.tar.xz [--languages en,fr]
                                           # import the UN's Akoma Ntoso archives or folders
    python bench/bench.py --site-from GA-79.tar.xz [--languages en] [--profile]
                                           # import, generate, build with MkDocs and index: the real site

Every stage runs in a child process, so its peak memory is its own (with its workers').  The last line of output is
one JSON object (see README, "Benchmarks").  Speed is reported here, never asserted by a test.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
# ``--source DIR``: the generator and the site's files come from DIR (a snapshot of a commit, say)
# instead of this checkout; children inherit it through the environment.
SOURCE = Path(os.environ.get("AR_BENCH_SOURCE") or ROOT).resolve()
if SOURCE != ROOT:
    sys.path.insert(0, str(SOURCE))

from bench import corpus  # noqa: E402
from bench.procs import Run, measure, snapshot, written  # noqa: E402

PY = sys.executable
EDIT_MARK = "\nA further remark, added by the benchmark.\n"


def search_queries(site: Path) -> list[dict[str, Any]]:
    """What a reader's browser downloads and waits for three queries in one visit of a resolution
    page of the synthetic site (Chromium; nothing without it): a phrase found on many pages
    (this first query also opens search), the symbol of another resolution, another phrase."""
    from bench.weight import CHROMIUM, first_query

    pages = sorted(site.glob("A/RES/*/*/index.html"))
    if not CHROMIUM.exists() or len(pages) < 2:
        print("search queries not measured: no Chromium, or no resolution pages")
        return []
    page = pages[0].parent.relative_to(site).as_posix() + "/"
    other = pages[len(pages) // 2].parent.relative_to(site).as_posix()  # A/RES/70/5
    try:
        queries = first_query(site, page, ["early warning mechanisms", other[len("A/RES/") :], "maritime safety"])
    except ImportError:
        print("search queries not measured: no Playwright")
        return []
    for q in queries:
        print(
            f"search {q['query']!r}: {q['bytes'] / 1024:.0f} KB ({q['gzip_bytes'] / 1024:.0f} KB gzip) "
            f"in {q['requests']} requests, results after {q['latency_ms']} ms, {q['results']} shown"
        )
    return queries


def plain_config(config: Path) -> Path:
    """A copy of mkdocs.yml beside it without the ``annotated-resolutions`` plugin entry."""
    text = config.read_text("utf-8")
    plain = re.sub(r"^  - annotated-resolutions:\n(?:      .*\n)+", "", text, flags=re.M)
    plain = re.sub(r"^  - annotated-resolutions\n", "", plain, flags=re.M)
    if plain == text:
        raise RuntimeError("could not remove the annotated-resolutions plugin from mkdocs.yml")
    out = config.with_name("mkdocs-plain.yml")
    out.write_text(plain, encoding="utf-8")
    return out


def git_state(root: Path) -> str:
    if (root / ".commit").exists():
        return f"generator of commit {(root / '.commit').read_text().strip()} (exported to {root})"
    if not (root / ".git").exists():
        return f"generator from {root} (not a git checkout)"
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "generator", "templates", "mkdocs.yml"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"commit {head}" + (" + uncommitted changes in generator/, templates/ or mkdocs.yml" if dirty else "")


# -- the import stage, run in a child ------------------------------------------------------------


def import_child(project: Path, sources: Path, out: Path) -> None:
    """Import every source with the real importer and store it; write timings and slots to ``out``."""
    from generator import store
    from generator.importer import import_file
    from generator.project import project_from_config

    proj = project_from_config(project / "mkdocs.yml")
    times: list[float] = []
    warnings = 0
    slots: corpus.Slots = {}
    warned: dict[str, int] = {}
    for path in sorted(sources.glob("*.txt")):
        start = time.perf_counter()
        result = import_file(path)
        store.save(proj.resolutions_dir, result.resolution, result.source.data)
        times.append(time.perf_counter() - start)
        warnings += len(result.warnings)
        for w in result.warnings:
            kind = re.sub(r"\([a-z]+\)", "(x)", w.message)
            warned[kind] = warned.get(kind, 0) + 1
        slots[result.resolution.symbol] = corpus.slots_of(result.resolution)
    out.write_text(
        json.dumps({"times": times, "warnings": warnings, "warning_kinds": warned, "slots": slots}), encoding="utf-8"
    )


# -- the benchmark -------------------------------------------------------------------------------


def site_size(site: Path) -> tuple[int, int]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def mb(x: float) -> str:
    return f"{x:,.0f}"


def run_benchmark(args: argparse.Namespace) -> dict[str, Any]:
    n: int = args.n
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix=f"ar-bench-{n}-"))
    work.mkdir(parents=True, exist_ok=True)
    project = work / "project"
    if project.exists():
        shutil.rmtree(project)
    log = print if not args.quiet else (lambda *a, **k: None)
    log(f"# benchmark, N = {n}, seed {args.seed}, in {work}")
    log(f"# {platform.python_implementation()} {platform.python_version()}, {git_state(SOURCE)}")

    # 1. The corpus: official texts, imported with the real importer, then commentary.
    start = time.perf_counter()
    resolutions = corpus.plan(n, args.seed)
    sources = corpus.write_sources(resolutions, work / "sources")
    config = corpus.copy_site_skeleton(project, root=SOURCE)
    log(f"corpus of {n} official texts written in {time.perf_counter() - start:.1f} s")

    slots_file = work / "import.json"
    imp = measure(
        [PY, str(Path(__file__).resolve()), "_import", str(project), str(work / "sources"), str(slots_file)],
        project,
        args.timeout,
    ).check("import")
    imported = json.loads(slots_file.read_text("utf-8"))
    per_res = sum(imported["times"]) / len(imported["times"])
    cli = measure(
        [PY, "-m", "generator", "--config", str(config), "import", str(sources[0])], project, args.timeout
    ).check("import (command line)")
    tags = corpus.tag_vocabulary(project / "resolutions")
    files = corpus.commentary_files(resolutions, imported["slots"], args.seed, tags=tags)
    corpus.write_commentary(files, project / "resolutions")
    n_slots = sum(len(v) for v in imported["slots"].values())
    log(
        f"imported {n} resolutions ({n_slots} paragraph slots, {imported['warnings']} importer warnings), "
        f"{len(files)} commentary files"
    )
    for kind, count in sorted(imported["warning_kinds"].items(), key=lambda kv: -kv[1])[:3]:
        log(f"  importer warning x{count}: {kind}")

    # 2. The generator: first run, second run, one commentary edit.
    docs = project / "docs"
    build_cmd = [PY, "-m", "generator", "--config", str(config), "build"]
    before = snapshot(docs)
    gen1 = measure(build_cmd, project, args.timeout).check("generate (first run)")
    after1 = snapshot(docs)
    w1 = written(before, after1)
    gen2 = measure(build_cmd, project, args.timeout).check("generate (second run)")
    after2 = snapshot(docs)
    w2 = written(after1, after2)
    edited = sorted(files)[len(files) // 2]
    edited_path = project / "resolutions" / edited
    edited_path.write_text(edited_path.read_text("utf-8") + EDIT_MARK, encoding="utf-8")
    gen3 = measure(build_cmd, project, args.timeout).check("generate (after one commentary edit)")
    after3 = snapshot(docs)
    w3 = written(after2, after3)

    if args.no_mkdocs:
        return generator_only(args, n, work, imported, per_res, cli, gen1, gen2, gen3, w1, w2, w3, files, n_slots)

    # 3. MkDocs with the plugin, then the same generated Markdown without it.
    site_plugin, site_plain = work / "site-plugin", work / "site-plain"
    for site in (site_plugin, site_plain):
        if site.exists():
            shutil.rmtree(site)
    mk = [PY, "-m", "mkdocs", "build", "--site-dir"]
    with_plugin = measure([*mk, str(site_plugin), "--config-file", str(config)], project, args.timeout)
    with_plugin.check("mkdocs build with the plugin")
    after4 = snapshot(docs)
    w4 = written(after3, after4)
    plain = measure([*mk, str(site_plain), "--config-file", str(plain_config(config))], project, args.timeout)
    plain.check("mkdocs build without the plugin")
    # The search index alone (the plugin build above includes it), on the site built without it.
    index = measure([PY, "-m", "generator", "search-index", str(site_plain)], project, args.timeout)
    index.check("search index of the site built without the plugin")
    index_files, index_bytes = site_size(site_plain / "pagefind")
    queries = search_queries(site_plugin)
    plugin_files, plugin_bytes = site_size(site_plugin)
    plain_files, plain_bytes = site_size(site_plain)

    profile_text = ""
    if args.profile:
        prof = work / "generate.prof"
        measure([PY, "-m", "cProfile", "-o", str(prof), *build_cmd[1:]], project, args.timeout).check("profile")
        profile_text = profile_report(prof)

    ratio = with_plugin.seconds / plain.seconds
    share = gen1.seconds / plain.seconds
    result: dict[str, Any] = {
        "n": n,
        "import_s_per_resolution": round(per_res, 4),
        "generate_s": round(gen1.seconds, 3),
        "build_with_plugin_s": round(with_plugin.seconds, 3),
        "build_plain_s": round(plain.seconds, 3),
        "generate_peak_mb": round(gen1.memory_mb, 1),
        "files_written_second_run": len(w2),
        "files_written_after_one_commentary_edit": len(w3),
        # Further figures, for people more than for tools.
        "import_cli_one_file_s": round(cli.seconds, 3),
        "import_peak_mb": round(imp.memory_mb, 1),
        "generate_second_run_s": round(gen2.seconds, 3),
        "generate_after_edit_s": round(gen3.seconds, 3),
        "generate_cpu_s": round(gen1.cpu_seconds, 3),
        "build_with_plugin_cpu_s": round(with_plugin.cpu_seconds, 3),
        "build_plain_cpu_s": round(plain.cpu_seconds, 3),
        "plugin_to_plain_ratio_cpu": round(with_plugin.cpu_seconds / plain.cpu_seconds, 3),
        "max_load_avg": round(max(x.load for x in (imp, gen1, gen2, gen3, with_plugin, plain)), 2),
        "build_with_plugin_peak_mb": round(with_plugin.memory_mb, 1),
        "build_plain_peak_mb": round(plain.memory_mb, 1),
        "plugin_to_plain_ratio": round(ratio, 3),
        "generate_share_of_plain_build": round(share, 4),
        "generate_later_share_of_plain_build": round(max(gen2.seconds, gen3.seconds) / plain.seconds, 4),
        "pages_generated": len(w1),
        "files_written_by_plugin_build": len(w4),
        "pages_rewritten_after_edit": w3,
        "commentary_files": len(files),
        "paragraph_slots": n_slots,
        "importer_warnings": imported["warnings"],
        "site_files": plugin_files,
        "site_mb": round(plugin_bytes / 2**20, 1),
        "mkdocs_warnings": with_plugin.stderr.count("WARNING"),
        "search_index_s": round(index.seconds, 3),
        "search_index_cpu_s": round(index.cpu_seconds, 3),
        "search_index_kb": round(index_bytes / 1024),
        "search_index_files": index_files,
        "search_query_kb": round(queries[0]["bytes"] / 1024) if queries else None,
        "search_query_gzip_kb": round(queries[0]["gzip_bytes"] / 1024) if queries else None,
        "search_query_ms": queries[0]["latency_ms"] if queries else None,
        "search_queries": [{k: v for k, v in q.items() if k != "files"} for q in queries],
    }
    table(result, imp, gen1, gen2, gen3, with_plugin, plain, edited, plain_files, plain_bytes)
    if profile_text:
        log(profile_text)
    if not args.keep and not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    return result


def corpus_benchmark(
    paths: list[Path], languages: str = "", workdir: str | None = None, timeout: float = 3600, quiet: bool = False
) -> dict[str, Any]:
    """Import archives or folders of the UN's Akoma Ntoso files into a temporary copy of the site,
    in a child process (its peak memory is its own and its workers'), and measure it.

    Returns ``resolutions`` and ``files`` imported, ``refused`` files, ``warnings``, ``languages``,
    ``import_s`` (wall), ``import_cpu_s``, ``import_peak_mb`` and the ``load`` when it ended; a
    later mode may add the build and search figures of the imported site to the same object.
    """
    work = Path(workdir).resolve() if workdir else Path(tempfile.mkdtemp(prefix="ar-bench-corpus-"))
    work.mkdir(parents=True, exist_ok=True)
    project = work / "project"
    if project.exists():
        shutil.rmtree(project)
    config = corpus.copy_site_skeleton(project, root=SOURCE)
    log = print if not quiet else (lambda *a, **k: None)
    log(f"# corpus benchmark: {', '.join(p.name for p in paths)} into {project}")
    log(f"# {platform.python_implementation()} {platform.python_version()}, {git_state(SOURCE)}")
    command = [
        PY,
        "-m",
        "generator",
        "--config",
        str(config),
        "import",
        *map(str, paths),
        "--imported-on",
        "2026-01-01",
    ]
    if languages:
        command += ["--languages", languages]
    run = measure(command, project, timeout)
    if run.timed_out or run.returncode not in (0, 1):  # 1: some files refused, the others imported
        run.check("import")
    folders = [p for p in (project / "resolutions").iterdir() if (p / "resolution.yaml").exists()]
    files = sum(1 for folder in folders for _ in folder.glob("source.*.xml"))
    found = re.search(r"\(([a-z, ]+)\)", run.stdout)
    result = {
        "resolutions": len(folders),
        "files": files,
        "refused": run.stderr.count("\nrefused: ") + run.stderr.startswith("refused: "),
        "warnings": run.stderr.count("warning: "),
        "languages": found.group(1).split(", ") if found else [],
        "import_s": round(run.seconds, 2),
        "import_cpu_s": round(run.cpu_seconds, 2),
        "import_peak_mb": round(run.memory_mb, 1),
        "load": round(run.load, 2),
    }
    log(
        f"imported {result['resolutions']} resolutions from {files} files in {run.seconds:.1f} s "
        f"({run.cpu_seconds:.1f} s CPU), peak {run.memory_mb:.0f} MB, load {run.load:.2f}; "
        f"{result['refused']} files refused, {result['warnings']} warnings"
    )
    return result


def site_benchmark(
    paths: list[Path],
    languages: str = "",
    workdir: str | None = None,
    timeout: float = 3600,
    quiet: bool = False,
    profile: bool = False,
) -> dict[str, Any]:
    """The site of the UN's Akoma Ntoso archives or folders: import them (``corpus_benchmark``),
    then, each in its own process, generate the pages twice (first run, empty cache; second run,
    nothing changed), build with MkDocs and the plugin (the generator finds its cache warm, then
    the search index is written), and the same build again (a run after the first).

    Adds to ``corpus_benchmark``'s figures: ``pages`` (HTML pages built), ``generate_s`` and
    ``generate_cpu_s`` (first run), ``generate_second_cpu_s``, ``build_s``, ``build_cpu_s`` and
    ``build_peak_mb`` (MkDocs with the plugin and the search index, its children included),
    ``pages_per_cpu_s`` (pages over the build's CPU time), ``pages_per_cpu_s_first``
    (pages over the first generation and the build), ``generator_share`` (the generator's CPU
    time on the build after the first, over that build's), ``site_mb``, ``search_index_kb``,
    ``search_query_kb`` and ``search_query_ms`` (a first query, in Chromium), ``zensical_build_s``
    and ``zensical_ok`` (the same docs/ built by Zensical gives as many pages); with ``profile``,
    a cProfile of one more build (slowed by the profiler, which weighs most
    on code of many small calls: read it for proportions, not times).
    """
    work = Path(workdir).resolve() if workdir else Path(tempfile.mkdtemp(prefix="ar-bench-site-"))
    result = corpus_benchmark(paths, languages, str(work), timeout, quiet)
    log = print if not quiet else (lambda *a, **k: None)
    project = work / "project"
    config = project / "mkdocs.yml"
    build_cmd = [PY, "-m", "generator", "--config", str(config), "build"]
    gen1 = measure(build_cmd, project, timeout).check("generate (first run)")
    # Runs after the first: the least CPU of three (the machine is shared).
    gen2 = min(
        (measure(build_cmd, project, timeout).check("generate (second run)") for _ in range(3)),
        key=lambda r: r.cpu_seconds,
    )
    site = work / "site"
    mk = [PY, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site), "--config-file", str(config)]
    runs: list[Run] = []
    for _ in range(2):
        shutil.rmtree(site, ignore_errors=True)
        runs.append(measure(mk, project, timeout).check("mkdocs build"))
    build = min(runs, key=lambda r: r.cpu_seconds)
    # The plugin logs the generator's CPU time in the build (its cache warm: a run after the first).
    in_build = re.search(r"annotated-resolutions: .* in ([0-9.]+) s of CPU", build.stderr)
    gen_in_build = float(in_build.group(1)) if in_build else None
    resolution_pages = sum(1 for _ in site.glob("[ASE]/RES/**/index.html"))
    pages = sum(1 for _ in site.rglob("index.html"))
    site_files, site_bytes = site_size(site)
    index_files, index_bytes = site_size(site / "pagefind")
    # What a reader's browser downloads for a first query of the whole site (Chromium).
    queries = search_queries(site)
    # The same docs/ built by Zensical (which runs no plugin; the generator has run above), then
    # indexed: the build counts as good when it gives as many pages as MkDocs.
    zensical = Path(PY).with_name("zensical")
    zensical_run: Run | None = None
    zensical_ok: bool | None = None
    if zensical.exists():
        zsite = project / "site"
        shutil.rmtree(zsite, ignore_errors=True)
        zensical_run = measure([str(zensical), "build"], project, timeout)
        if zensical_run.returncode == 0:
            measure([PY, "-m", "generator", "search-index", str(zsite)], project, timeout)
        zpages = sum(1 for _ in zsite.rglob("index.html")) if zsite.exists() else 0
        zensical_ok = zensical_run.returncode == 0 and zpages == pages
        log(f"zensical build: {zensical_run.seconds:.1f} s ({zensical_run.cpu_seconds:.1f} s CPU), {zpages} pages")
    result.update(
        {
            "pages": pages,
            "generate_s": round(gen1.seconds, 2),
            "generate_cpu_s": round(gen1.cpu_seconds, 2),
            "generate_peak_mb": round(gen1.memory_mb, 1),
            "generate_second_cpu_s": round(gen2.cpu_seconds, 2),
            "build_s": round(build.seconds, 2),
            "build_cpu_s": round(build.cpu_seconds, 2),
            "build_peak_mb": round(build.memory_mb, 1),
            "build_cpu_s_runs": [round(r.cpu_seconds, 2) for r in runs],
            "resolution_pages": resolution_pages,
            "pages_per_cpu_s": round(pages / build.cpu_seconds, 1),
            "resolution_pages_per_cpu_s": round(resolution_pages / build.cpu_seconds, 1),
            "pages_per_cpu_s_first": round(pages / (gen1.cpu_seconds + build.cpu_seconds), 1),
            "generator_share": round(gen2.cpu_seconds / build.cpu_seconds, 4),
            "generator_in_build_cpu_s": gen_in_build,
            "generator_share_in_build": round(gen_in_build / build.cpu_seconds, 4) if gen_in_build else None,
            "site_files": site_files,
            "site_mb": round(site_bytes / 2**20, 1),
            "search_index_kb": round(index_bytes / 1024),
            "search_index_files": index_files,
            "search_query_kb": round(queries[0]["bytes"] / 1024) if queries else None,
            "search_query_ms": queries[0]["latency_ms"] if queries else None,
            "search_queries": [{k: v for k, v in q.items() if k != "files"} for q in queries],
            "zensical_build_s": round(zensical_run.seconds, 2) if zensical_run else None,
            "zensical_ok": zensical_ok,
            "load": round(max(r.load for r in (gen1, gen2, *runs)), 2),
        }
    )
    log(f"generate, first run: {gen1.seconds:.1f} s ({gen1.cpu_seconds:.1f} s CPU), peak {gen1.memory_mb:.0f} MB")
    log(f"generate, second run (no change): {gen2.seconds:.1f} s ({gen2.cpu_seconds:.1f} s CPU)")
    for i, run in enumerate(runs, 1):
        log(
            f"mkdocs build {i} (plugin, search index): {run.seconds:.1f} s ({run.cpu_seconds:.1f} s CPU), "
            f"peak {run.memory_mb:.0f} MB, load {run.load:.1f}"
        )
    log(
        f"{pages} pages: {result['pages_per_cpu_s']} pages per CPU-second (target 20), "
        f"{result['pages_per_cpu_s_first']} counting the first generation; "
        f"{resolution_pages} resolution pages: {result['resolution_pages_per_cpu_s']} per CPU-second; "
        f"generator share {100 * result['generator_share']:.1f} % as a command of its own, "
        f"{100 * (result['generator_share_in_build'] or 0):.1f} % inside the build (target under 5 %); "
        f"site {result['site_mb']} MB, search index {result['search_index_kb']} KB"
    )
    if profile:
        prof = work / "build.prof"
        shutil.rmtree(site, ignore_errors=True)
        measure([PY, "-m", "cProfile", "-o", str(prof), *mk[1:]], project, timeout).check("profile")
        log(profile_report(prof, what="one mkdocs build (generator cache warm)"))
    return result


def generator_only(
    args: argparse.Namespace,
    n: int,
    work: Path,
    imported: dict[str, Any],
    per_res: float,
    cli: Run,
    gen1: Run,
    gen2: Run,
    gen3: Run,
    w1: list[str],
    w2: list[str],
    w3: list[str],
    files: dict[str, str],
    n_slots: int,
) -> dict[str, Any]:
    """``--no-mkdocs``: the import and generator figures only (the MkDocs keys are null)."""
    for name, run, w in (
        ("generate, first run", gen1, w1),
        ("generate, second run (no change)", gen2, w2),
        ("generate, after one commentary edit", gen3, w3),
    ):
        print(
            f"{name:<38} {run.seconds:7.2f} s wall {run.cpu_seconds:7.2f} s CPU {run.memory_mb:6.0f} MB  {len(w)} files"
        )
    if not args.keep and not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    return {
        "n": n,
        "import_s_per_resolution": round(per_res, 4),
        "generate_s": round(gen1.seconds, 3),
        "build_with_plugin_s": None,
        "build_plain_s": None,
        "generate_peak_mb": round(gen1.memory_mb, 1),
        "files_written_second_run": len(w2),
        "files_written_after_one_commentary_edit": len(w3),
        "import_cli_one_file_s": round(cli.seconds, 3),
        "generate_second_run_s": round(gen2.seconds, 3),
        "generate_after_edit_s": round(gen3.seconds, 3),
        "generate_cpu_s": round(gen1.cpu_seconds, 3),
        "pages_generated": len(w1),
        "pages_rewritten_after_edit": w3,
        "commentary_files": len(files),
        "paragraph_slots": n_slots,
        "importer_warnings": imported["warnings"],
    }


def table(
    r: dict[str, Any],
    imp: Run,
    gen1: Run,
    gen2: Run,
    gen3: Run,
    with_plugin: Run,
    plain: Run,
    edited: str,
    plain_files: int,
    plain_bytes: int,
) -> None:
    n = r["n"]
    rows: list[tuple[str, str, str, str, str, str]] = [
        (
            "import, in one process (per resolution)",
            f"{r['import_s_per_resolution']:.3f}",
            "",
            mb(imp.memory_mb),
            f"{imp.load:.1f}",
            "timed inside the process",
        ),
    ]

    def row(name: str, run: Run, note: str) -> None:
        rows.append((name, f"{run.seconds:.2f}", f"{run.cpu_seconds:.2f}", mb(run.memory_mb), f"{run.load:.1f}", note))

    row("import, in one process (all)", imp, f"{n} resolutions, with interpreter start")
    rows.append(("import, command line (one file)", f"{r['import_cli_one_file_s']:.2f}", "", "", "", ""))
    row("generate, first run", gen1, f"{r['pages_generated']} files written")
    row("generate, second run (no change)", gen2, f"{r['files_written_second_run']} files written")
    row("generate, after one commentary edit", gen3, f"{r['files_written_after_one_commentary_edit']} files written")
    row("mkdocs build with the plugin", with_plugin, f"{r['site_files']} site files, {r['site_mb']} MB")
    row("mkdocs build without the plugin", plain, f"{plain_files} site files, {plain_bytes / 2**20:.1f} MB")
    w = max(len(x[0]) for x in rows)
    print()
    print(f"{'stage (N = ' + str(n) + ')':<{w}}  {'wall s':>7}  {'CPU s':>7}  {'peak MB':>7}  {'load':>4}  notes")
    print(f"{'-' * w}  {'-' * 7}  {'-' * 7}  {'-' * 7}  {'-' * 4}  {'-' * 30}")
    for name, wall, cpu, peak, load, note in rows:
        print(f"{name:<{w}}  {wall:>7}  {cpu:>7}  {peak:>7}  {load:>4}  {note}")
    print("(load: the machine's 1-minute load average as the stage ended; above the 2 cores, wall times suffer)")
    print()
    print(f"edited commentary: resolutions/{edited}")
    print(f"pages rewritten after the edit: {', '.join(r['pages_rewritten_after_edit']) or 'none'}")
    print(f"files the plugin build wrote into docs/: {r['files_written_by_plugin_build']}")
    print(
        f"mkdocs build with plugin / without plugin: {r['plugin_to_plain_ratio']:.3f} "
        f"(CPU time: {r['plugin_to_plain_ratio_cpu']:.3f})"
    )
    print(
        f"generation (first run) / plain mkdocs build: {100 * gen1.seconds / plain.seconds:.1f} % "
        f"(CPU time: {100 * gen1.cpu_seconds / plain.cpu_seconds:.1f} %)"
    )
    print(f"generation (later runs) / plain mkdocs build: {100 * r['generate_later_share_of_plain_build']:.1f} %")
    later = max(gen2.seconds, gen3.seconds)
    targets = [
        ("generation under 5 s, first run (empty cache)", gen1.seconds < 5),
        ("generation under 5 s, later runs (no change; one commentary edit)", later < 5),
        ("generation under 5 % of the MkDocs build, first run", gen1.seconds < 0.05 * plain.seconds),
        ("generation under 5 % of the MkDocs build, later runs", later < 0.05 * plain.seconds),
        ("generation peak memory under 500 MB", gen1.memory_mb < 500),
        ("second run writes no file", r["files_written_second_run"] == 0),
        ("one commentary edit rewrites one page", r["files_written_after_one_commentary_edit"] == 1),
    ]
    print("targets (set for N = 1000 on 2 cores):")
    for name, ok in targets:
        print(f"  {'yes' if ok else 'NO '}  {name}")


def profile_report(prof: Path, top: int = 25, what: str = "one generator run (unchanged output)") -> str:
    import io
    import pstats

    buf = io.StringIO()
    stats = pstats.Stats(str(prof), stream=buf)
    total = stats.total_tt  # type: ignore[attr-defined]
    buf.write(f"\nprofile of {what}, {total:.2f} s of CPU in Python\n")
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_import"]:
        import_child(Path(argv[1]), Path(argv[2]), Path(argv[3]))
        return 0
    ap = argparse.ArgumentParser(prog="python bench/bench.py", description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100, help="number of synthetic resolutions (default: %(default)s)")
    ap.add_argument("--seed", type=int, default=1, help="seed of the corpus (default: %(default)s)")
    ap.add_argument("--workdir", help="work in this folder and keep it (default: a temporary folder)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds allowed per stage (default: %(default)s)")
    ap.add_argument("--profile", action="store_true", help="also profile one generator run with cProfile")
    ap.add_argument("--no-mkdocs", action="store_true", help="stop after the generator runs (no MkDocs builds)")
    ap.add_argument("--weight", action="store_true", help="report the bytes a reader downloads for one page")
    ap.add_argument("--page", default="A/RES/73/266/", help="page for --weight (default: %(default)s)")
    ap.add_argument("--no-browser", action="store_true", help="--weight: static analysis only, no Chromium")
    ap.add_argument("--quiet", action="store_true", help="print only the table and the JSON line")
    ap.add_argument(
        "--corpus",
        nargs="+",
        metavar="PATH",
        help="import these Akoma Ntoso archives (.tar.xz) or folders into a copy of the site and measure it",
    )
    ap.add_argument(
        "--site-from",
        nargs="+",
        metavar="PATH",
        help="import these Akoma Ntoso archives or folders, generate and build the site, and measure the build",
    )
    ap.add_argument("--languages", default="", help="--corpus, --site-from: only these languages (en,fr,...)")
    ap.add_argument(
        "--source",
        help="take the generator, templates and site files from this folder instead of this checkout",
    )
    ap.add_argument("--commit", help="measure this commit of the repository (exported with git archive)")
    args = ap.parse_args(argv)
    if args.commit:
        args.source = export_commit(args.commit)
        argv = [*without_option(argv, "--commit"), "--source", args.source]
        os.environ["AR_BENCH_SOURCE_TEMP"] = "1"
    if args.source and Path(args.source).resolve() != SOURCE:
        # Start again with the generator of --source first on the path, for this process and its children.
        source = str(Path(args.source).resolve())
        os.environ["AR_BENCH_SOURCE"] = source
        os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (source, os.environ.get("PYTHONPATH")) if p)
        os.execv(sys.executable, [sys.executable, str(Path(__file__).resolve()), *argv])
    if args.site_from:
        result = site_benchmark(
            [Path(p).resolve() for p in args.site_from],
            args.languages,
            args.workdir,
            args.timeout,
            args.quiet,
            args.profile,
        )
    elif args.corpus:
        result = corpus_benchmark(
            [Path(p).resolve() for p in args.corpus], args.languages, args.workdir, args.timeout, args.quiet
        )
    elif args.weight:
        from bench.weight import weight_report

        result = weight_report(args.page, browser=not args.no_browser, timeout=args.timeout, root=SOURCE)
    else:
        if args.n < 1:
            ap.error("--n must be at least 1")
        result = run_benchmark(args)
    if os.environ.get("AR_BENCH_SOURCE_TEMP") and SOURCE != ROOT:
        shutil.rmtree(SOURCE, ignore_errors=True)
    print(json.dumps(result, separators=(",", ":")))
    return 0


def without_option(argv: list[str], name: str) -> list[str]:
    """``argv`` without ``name VALUE`` or ``name=VALUE``."""
    out: list[str] = []
    skip = False
    for a in argv:
        if skip:
            skip = False
        elif a == name:
            skip = True
        elif not a.startswith(name + "="):
            out.append(a)
    return out


def export_commit(rev: str) -> str:
    """``rev`` of this repository in a temporary folder, with a ``.commit`` file naming it."""
    short = subprocess.run(
        ["git", "rev-parse", "--short", rev], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    dest = Path(tempfile.mkdtemp(prefix=f"ar-bench-{short}-"))
    archive = subprocess.run(["git", "archive", short], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    (dest / ".commit").write_text(short + "\n", encoding="utf-8")
    return str(dest)


if __name__ == "__main__":
    sys.exit(main())
