"""Where one generator run spends its time, by stage, without a profiler's overhead.

    python bench/stages.py PROJECT/mkdocs.yml

Wraps the generator's stages (and the libraries they call) with CPU-time counters and runs one
``build``; time is charged to the innermost active stage, so the shares add up to the total.
Run it on a project that ``bench.py --workdir DIR`` left behind (``DIR/project/mkdocs.yml``).
The run is a single process and uses the generator's cache as it stands: delete
``PROJECT/.cache`` first to see where a first run spends its time.
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))


@dataclass
class _Frame:
    name: str
    started: float
    children: float = 0.0


_stack: list[_Frame] = []
"""The active stages, innermost last."""
exclusive: dict[str, float] = {}
calls: dict[str, int] = {}


def timed(name: str, fn: Callable[..., Any], by_caller: bool = False) -> Callable[..., Any]:
    """``fn`` counting its time; with ``by_caller``, counted separately for each calling stage."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        label = f"{name} in {_stack[-1].name}" if by_caller and _stack else name
        frame = _Frame(label, time.process_time())
        _stack.append(frame)
        try:
            return fn(*args, **kwargs)
        finally:
            _stack.pop()
            spent = time.process_time() - frame.started
            exclusive[label] = exclusive.get(label, 0.0) + spent - frame.children
            calls[label] = calls.get(label, 0) + 1
            if _stack:
                _stack[-1].children += spent

    return wrapper


def patch(owner: Any, attr: str, name: str, by_caller: bool = False) -> None:
    if hasattr(owner, attr):
        setattr(owner, attr, timed(name, getattr(owner, attr), by_caller))


def instrument() -> None:
    import jinja2
    import jsonschema
    import yaml

    from generator import build, commentary, crossrefs, project, render, store
    from generator.history import pages as history_pages

    patch(yaml, "compose", "yaml.compose (line numbers)")
    patch(yaml, "safe_load", "yaml.safe_load", by_caller=True)
    lazy = jsonschema.Draft202012Validator.iter_errors
    jsonschema.Draft202012Validator.iter_errors = timed(  # type: ignore[method-assign]
        "jsonschema validation", lambda *a, **k: iter(list(lazy(*a, **k)))
    )
    patch(project.Project, "edit_url", "Project.edit_url")
    patch(project.Project, "create_url", "Project.create_url")
    patch(render.Linker, "inline", "Linker.inline (references in wording)")
    patch(jinja2.Template, "render", "jinja2 template render")
    patch(jinja2.Environment, "get_template", "jinja2 get_template")
    for mod, names in (
        (store, ("_line_map", "from_data", "validate_resolution", "_plain")),
        (commentary, ("read_slot", "is_stale", "load_tags")),
        (crossrefs, ("find_refs",)),
        (render, ("paragraph_views", "render_home", "render_documents", "render_topics", "document_index")),
        (render, ("lineage", "front_matter", "data_files", "render_vote")),
        (history_pages, ("load_history", "align", "store_record")),
    ):
        for attr in names:
            patch(mod, attr, f"{mod.__name__.removeprefix('generator.')}.{attr}")
    for attr in (
        "load_resolution",
        "load_slots",
        "lint_markdown",
        "resolve_names",
        "_folder_digest",
        "load_entry",
        "store_entry",
        "render_resolution",
        "render_home",
        "render_documents",
        "render_topics",
        "write_pages",
        "environment",
    ):
        patch(build, attr, f"build: {attr}")


def main() -> int:
    config = Path(sys.argv[1]).resolve()
    start = time.process_time()
    instrument()
    from generator.build import build
    from generator.project import project_from_config

    imported = time.process_time() - start
    project = project_from_config(config)
    t0, w0 = time.process_time(), time.perf_counter()
    report = build(project)
    total, wall = time.process_time() - t0, time.perf_counter() - w0
    print(f"one build of {config}: {len(report.written)} written, {report.unchanged} unchanged")
    print(f"CPU {total:.2f} s (wall {wall:.2f} s); importing the generator's modules: {imported:.2f} s\n")
    rest = total - sum(exclusive.values())
    rows = sorted(exclusive.items(), key=lambda kv: -kv[1])
    for name, secs in [*rows, ("(everything else)", rest)]:
        print(f"{name:<44} {secs:8.2f} s  {100 * secs / total:5.1f} %  {calls.get(name, '')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
