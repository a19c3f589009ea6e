"""Benchmark: the site with every language version of its resolutions next to the English site.

    python bench/languages.py [--repeat 3] [--jobs 1]

Both sites are made from a copy of this project's resolutions (the ICT and Cuba series in six
languages, the others in English), in fresh folders (no cache), by the same commands:
``python -m generator build`` (``--languages en`` for the English site: each resolution's main
page only), then ``mkdocs build`` without the plugin (the generated pages as they are, plus the
site search's index by ``python -m generator search-index``).  Each stage runs in a child
process; each figure's fastest of ``--repeat`` runs is kept.  The last line of output is one JSON object
(see README, "Language versions").  Speed is reported here, never asserted by a test.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench import plain_config  # noqa: E402
from bench.procs import Run, child_env, measure  # noqa: E402

PY = sys.executable
GENERATED = ("index.md", "contributing.md", "A", "S", "E", "documents", "topics", "states", "browse")


def project_copy(dest: Path) -> Path:
    """The project's sources (not its generated pages) in ``dest``; returns its plain mkdocs.yml."""
    dest.mkdir(parents=True)
    for name in ("mkdocs.yml", "CONTRIBUTING.md"):
        shutil.copy(ROOT / name, dest / name)
    for name in ("templates", "overrides", "resolutions"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copytree(
        ROOT / "docs",
        dest / "docs",
        ignore=shutil.ignore_patterns(*GENERATED, "ar", "zh", "fr", "ru", "es", "de"),
    )
    return plain_config(dest / "mkdocs.yml")


def run(args: list[str], cwd: Path, timeout: float) -> Run:
    result = measure(args, cwd, timeout, child_env({"NO_MKDOCS_2_WARNING": "1"}))
    if result.returncode != 0 or result.timed_out:
        raise SystemExit(f"failed: {' '.join(args)}\n{result.stderr[-2000:]}")
    return result


def one_site(work: Path, english_only: bool, jobs: int, timeout: float) -> dict[str, Any]:
    """Generate and build one site from scratch: seconds per stage, pages written."""
    plain = project_copy(work)
    build = [PY, "-m", "generator", "--config", str(work / "mkdocs.yml"), "build", "--jobs", str(jobs)]
    if english_only:
        build += ["--languages", "en"]
    generated = run(build, work, timeout)
    site = run(
        [PY, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(plain), "-d", str(work / "site")], work, timeout
    )
    index = run([PY, "-m", "generator", "search-index", str(work / "site")], work, timeout)
    pages = sum(1 for _ in (work / "docs").rglob("index.md"))
    resolution_pages = sum(1 for p in (work / "docs").rglob("index.md") if "/RES/" in p.as_posix())
    return {
        "generate_s": generated.seconds,
        "generate_cpu_s": generated.cpu_seconds,
        "mkdocs_s": site.seconds,
        "search_index_s": index.seconds,
        "total_s": generated.seconds + site.seconds + index.seconds,
        "pages": pages,
        "resolution_pages": resolution_pages,
    }


def render_times(repeat: int) -> dict[str, float]:
    """Seconds to render the resolution pages of this project alone (in this process, models
    loaded beforehand): each resolution's main page, then every language version."""
    import time

    from generator.build import load_project, units
    from generator.project import project_from_config

    project = project_from_config(ROOT / "mkdocs.yml")
    loaded = load_project(project, lint_commentary=False)
    modes = {"english": frozenset({"en"}), "all_languages": None}
    pages = {
        name: [u for u in units(project, loaded, langs) if u.name.startswith("page ")] for name, langs in modes.items()
    }
    for unit in pages["all_languages"]:
        unit.make()  # models loaded, templates compiled
    out: dict[str, float] = {f"{name}_render_s": float("inf") for name in modes}
    for _ in range(repeat):  # the two in turn, so that a disturbance of the machine hits both alike
        for name in modes:
            start = time.perf_counter()
            out[f"{name}_render_pages"] = sum(len(unit.make()) for unit in pages[name])
            out[f"{name}_render_s"] = min(out[f"{name}_render_s"], time.perf_counter() - start)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python bench/languages.py", description=__doc__.splitlines()[0])
    ap.add_argument(
        "--repeat", type=int, default=3, help="runs of each site; the fastest is kept (default: %(default)s)"
    )
    ap.add_argument("--jobs", type=int, default=1, help="generator processes (default: %(default)s)")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds allowed per stage (default: %(default)s)")
    args = ap.parse_args(argv)
    results: dict[str, list[dict[str, Any]]] = {"english": [], "all_languages": []}
    with tempfile.TemporaryDirectory(prefix="ar-bench-languages-") as tmp:
        for i in range(args.repeat):
            for name in results:
                work = Path(tmp) / f"{name}-{i}"
                results[name].append(one_site(work, name == "english", args.jobs, args.timeout))
                shutil.rmtree(work)
    # Each figure's fastest run (runs on a shared machine are disturbed now and then).
    best = {name: {key: min(r[key] for r in runs) for key in runs[0]} for name, runs in results.items()}
    en, all_ = best["english"], best["all_languages"]
    ratio = {key: round(all_[key] / en[key], 2) for key in ("generate_s", "generate_cpu_s", "mkdocs_s", "total_s")}
    print(f"{'':16} {'res.':>6} {'pages':>6} {'generate':>9} {'(cpu)':>7} {'mkdocs':>7} {'search':>7} {'total':>7}")
    for name, r in best.items():
        print(
            f"{name:16} {r['resolution_pages']:>6} {r['pages']:>6} {r['generate_s']:>8.2f}s {r['generate_cpu_s']:>6.2f}s"
            f" {r['mkdocs_s']:>6.2f}s {r['search_index_s']:>6.2f}s {r['total_s']:>6.2f}s"
        )
    print(f"{'ratio':16} {all_['resolution_pages'] / en['resolution_pages']:>6.2f} {all_['pages'] / en['pages']:>6.2f} {ratio['generate_s']:>8.2f}x {ratio['generate_cpu_s']:>6.2f}x"
          f" {ratio['mkdocs_s']:>6.2f}x {'':>7} {ratio['total_s']:>6.2f}x")  # fmt: skip
    render = render_times(args.repeat)
    print(
        f"rendering the resolution pages alone: {render['english_render_pages']} English pages"
        f" {render['english_render_s']:.2f}s, {render['all_languages_render_pages']} pages in every language"
        f" {render['all_languages_render_s']:.2f}s"
        f" ({render['all_languages_render_s'] / render['english_render_s']:.2f}x;"
        f" {1000 * render['english_render_s'] / render['english_render_pages']:.0f} ms and"
        f" {1000 * render['all_languages_render_s'] / render['all_languages_render_pages']:.0f} ms a page)"
    )
    print(json.dumps({"english": en, "all_languages": all_, "ratio": ratio, "render": render, "jobs": args.jobs}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
