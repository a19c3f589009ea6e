"""Benchmark of the history at corpus scale: the provenance of every paragraph of every resolution
of the UN's Akoma Ntoso archives (English), and what an unchanged corpus costs on the next build.

    python -m bench.history --archives DIR_OF_GA_ARCHIVES [--work DIR] [--jobs N]

1. **import** (once; skipped when ``--work`` already holds the resolutions): every resolution of
   the archives, English only, with ``generator.akn.batch`` into ``WORK/resolutions/``;
2. **records**: read every ``resolution.yaml`` (validated) and make its record;
3. **provenance**: series detection and provenance over every record (what the build computes);
4. **cold / warm**: :func:`generator.history.pages.load_history` as the build calls it, first with
   an empty history cache (records made from the models, provenance computed, cache written),
   then again (nothing changed: one cache file read).

Each measured stage runs in a fresh forked process, which reports its wall time and its peak
resident memory (``ru_maxrss``).  Prints a JSON object and a Markdown table for the README.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.akn.batch import Options, import_corpus
from generator.cache import digest
from generator.history.pages import load_history
from generator.history.site import record_of, site_history
from generator.project import project_from_config
from generator.store import load_resolution

ROOT = Path(__file__).resolve().parent.parent


def _child(fn: Callable[[], dict[str, Any]], queue: Any) -> None:
    started = time.perf_counter()
    result = fn()
    result["seconds"] = round(time.perf_counter() - started, 2)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result["cpu_seconds"] = round(usage.ru_utime + usage.ru_stime, 2)
    result["peak_mb"] = round(usage.ru_maxrss / 1024, 1)
    result["load"] = round(os.getloadavg()[0], 1)
    queue.put(result)


def measured(fn: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run ``fn`` in a forked process: its result, wall time and peak memory."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    process = context.Process(target=_child, args=(fn, queue))
    process.start()
    result: dict[str, Any] = queue.get()
    process.join()
    return result


def data_files(work: Path) -> dict[str, Path]:
    return {p.parent.name: p for p in sorted((work / "resolutions").glob("*/resolution.yaml"))}


def records_stage(work: Path) -> dict[str, Any]:
    records = {}
    for path in data_files(work).values():
        res = load_resolution(path)
        records[res.symbol] = record_of(res)
    return {
        "resolutions": len(records),
        "paragraphs": sum(len(r.units.get(r.language, ())) for r in records.values()),
    }


def provenance_stage(work: Path) -> dict[str, Any]:
    records = {}
    for path in data_files(work).values():
        res = load_resolution(path)
        records[res.symbol] = record_of(res)
    loaded, cpu = time.perf_counter(), time.process_time()
    history = site_history({s: r.head() for s, r in records.items()}, records.__getitem__)
    found = [p for by_pid in history.provenance.values() for p in by_pid.values()]
    return {
        "history_seconds": round(time.perf_counter() - loaded, 2),
        "history_cpu_seconds": round(time.process_time() - cpu, 2),
        "paragraphs": len(found),
        "agreed": sum(1 for p in found if p.status == "agreed"),
        "changed": sum(1 for p in found if p.status == "changed"),
        "new": sum(1 for p in found if p.status == "new"),
        "series": len(history.series),
        "comparisons": sum(len(c) for c in history.comparisons.values()),
    }


def build_stage(work: Path) -> dict[str, Any]:
    """What the build does: load_history with the data files' fingerprints and models."""
    project = project_from_config(work / "mkdocs.yml")
    files = {}
    keys = {}
    for path in data_files(work).values():
        text = path.read_bytes()
        symbol = next(
            line.split(":", 1)[1].strip() for line in text.decode("utf-8").splitlines() if line.startswith("symbol:")
        )
        files[symbol] = path
        keys[symbol] = digest(text)
    history = load_history(project, keys, lambda s: load_resolution(files[s]))
    return {"resolutions": len(keys), "paragraphs": sum(len(p) for p in history.provenance.values())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--archives", type=Path, required=True, help="folder of the GA-*.tar.xz archives")
    parser.add_argument("--work", type=Path, default=ROOT / ".cache" / "bench-history")
    parser.add_argument("--jobs", type=int, default=0)
    args = parser.parse_args(argv)
    work: Path = args.work
    out: dict[str, Any] = {}
    if not data_files(work):
        (work / "resolutions").mkdir(parents=True, exist_ok=True)
        (work / "mkdocs.yml").write_text("site_name: bench\n", "utf-8")
        started = time.perf_counter()
        archives = sorted(args.archives.glob("*.tar.xz"))
        report = import_corpus(
            archives, Options(project_from_config(work / "mkdocs.yml"), frozenset({"en"})), args.jobs
        )
        out["import"] = {"resolutions": report.resolutions, "seconds": round(time.perf_counter() - started, 1)}
    out["records"] = measured(lambda: records_stage(work))
    out["provenance"] = measured(lambda: provenance_stage(work))
    shutil.rmtree(work / ".cache" / "annotated-resolutions" / "history", ignore_errors=True)
    out["cold"] = measured(lambda: build_stage(work))
    out["warm"] = measured(lambda: build_stage(work))
    print(json.dumps(out, indent=2))
    p, r, c, w = out["provenance"], out["records"], out["cold"], out["warm"]
    rows = [
        ("read and validate every resolution.yaml, make records", f"{r['resolutions']} / {r['paragraphs']}", r),
        ("series and provenance over the records", f"{p['paragraphs']} paragraphs", p),
        ("build, empty history cache", f"{c['resolutions']} / {c['paragraphs']}", c),
        ("build, nothing changed", "", w),
    ]
    print()
    print("| stage | resolutions / paragraphs | wall | CPU | peak memory | load |")
    print("|---|---|---:|---:|---:|---:|")
    for name, size, m in rows:
        wall = m.get("history_seconds", m["seconds"])
        cpu = m.get("history_cpu_seconds", m["cpu_seconds"])
        print(f"| {name} | {size} | {wall} s | {cpu} s | {m['peak_mb']} MB | {m['load']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
