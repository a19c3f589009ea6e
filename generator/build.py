"""Build the site's Markdown: load every resolution and its commentary, render, write changes.

Stages: discover -> load (validate) -> render -> write.  Problems from every resolution and every
commentary file are collected before the build fails, so one run shows them all.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from generator.commentary import COMMENTARY_DIR, Slot, Tag, is_stale, load_slots, load_tags, stale_warning
from generator.crossrefs import CrossRefs, resolve
from generator.errors import DataError, Problem
from generator.lint import lint_markdown
from generator.model import Resolution
from generator.project import Project
from generator.render import (
    DOCUMENTS_PAGE,
    GENERATED_MARKER,
    environment,
    page_path,
    render_citation_files,
    render_documents,
    render_home,
    render_resolution,
    render_topics,
    site_card,
)
from generator.store import DATA_FILE, load_resolution, write_if_changed


@dataclass(frozen=True, slots=True)
class Loaded:
    resolutions: tuple[Resolution, ...]
    slots: dict[str, dict[str, Slot]]
    """Slots by resolution symbol, then paragraph id."""
    data_files: dict[str, Path]
    crossrefs: CrossRefs
    tags: dict[str, Tag]
    """The tag vocabulary (resolutions/tags.yaml)."""
    lint: tuple[Problem, ...]
    """Problems in commentary that `check` refuses; the build neutralises them and warns."""
    stale: tuple[Problem, ...]
    """Commentary written for an earlier wording of its paragraph: shown as such, `check` warns."""


@dataclass
class BuildReport:
    written: list[Path] = field(default_factory=list)
    unchanged: int = 0
    removed: list[Path] = field(default_factory=list)


def _shown(path: Path, root: Path) -> str:
    """How messages name a file: relative to the project when it is inside it."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def load_project(project: Project, lint_commentary: bool = True) -> Loaded:
    """Every structured resolution and commentary slot; raise :class:`DataError` with all problems.

    ``lint_commentary=False`` skips the Markdown lint (``check`` and the MkDocs plugin run it;
    the pages do not depend on it, since the build sanitises commentary in any case).
    """
    problems: list[Problem] = []
    resolutions: list[Resolution] = []
    slots: dict[str, dict[str, Slot]] = {}
    files: dict[str, Path] = {}
    lint: list[Problem] = []
    stale: list[Problem] = []
    root = project.root
    cache_file = project.root / ".cache" / "annotated-resolutions" / "schema-valid.txt"
    try:
        schema_valid = set(cache_file.read_text("utf-8").split())
    except OSError:
        schema_valid = set()
    known = len(schema_valid)
    tags, tag_problems = load_tags(project.resolutions_dir)
    problems.extend(tag_problems)
    for data_file in sorted(project.resolutions_dir.glob(f"*/{DATA_FILE}")):
        shown = _shown(data_file, root)
        try:
            res = load_resolution(data_file, shown, schema_valid)
        except DataError as exc:
            problems.extend(exc.problems)
            continue
        if res.symbol in files:
            problems.append(Problem(shown, 1, f"{res.symbol} is also defined in {files[res.symbol]}"))
            continue
        if data_file.parent.name != res.slug:
            problems.append(Problem(shown, 1, f"the folder of {res.symbol} must be named {res.slug}"))
        files[res.symbol] = data_file
        found, slot_errors, slot_lint = load_slots(data_file.parent / COMMENTARY_DIR, res, root, tags)
        problems.extend(slot_errors)
        lint.extend(slot_lint)
        for slot in found.values():
            if lint_commentary:
                lint.extend(lint_markdown(slot.body, _shown(slot.path, root), slot.body_line))
            paragraph = res.find(slot.paragraph_id)
            if paragraph is not None and is_stale(slot, paragraph):
                stale.append(stale_warning(slot, _shown(slot.path, root)))
        resolutions.append(res)
        slots[res.symbol] = found
    for folder in sorted(p for p in project.resolutions_dir.glob("*") if p.is_dir()):
        if not (folder / DATA_FILE).exists() and any(folder.iterdir()):
            problems.append(
                Problem(
                    _shown(folder, root),
                    0,
                    f"folder without a {DATA_FILE}: its files would be ignored",
                    hint="import the resolution with `python -m generator import FILE`",
                )
            )
    if len(schema_valid) != known:
        # A cache, not a source of truth: losing it only costs time.
        with contextlib.suppress(OSError):
            write_if_changed(cache_file, "\n".join(sorted(schema_valid)) + "\n")
    slot_names = {str(slot.path): _shown(slot.path, root) for by_id in slots.values() for slot in by_id.values()}
    crossrefs, ref_problems = resolve({r.symbol: r for r in resolutions}, slots, slot_names)
    problems.extend(ref_problems)
    if problems:
        raise DataError(problems)
    return Loaded(tuple(resolutions), slots, files, crossrefs, tags, tuple(lint), tuple(stale))


GUIDE = "CONTRIBUTING.md"
GUIDE_PAGE = "contributing.md"


def guide_page(text: str) -> str:
    title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), "Contributing")
    return f"---\ntitle: {title}\n---\n{GENERATED_MARKER}\n\n{text}"


def render_pages(project: Project, loaded: Loaded) -> dict[str, str | bytes]:
    """Every generated page: path inside docs/ -> Markdown."""
    env = environment(project.templates_dir)
    symbols = frozenset(r.symbol for r in loaded.resolutions)
    resolutions = list(loaded.resolutions)
    pages: dict[str, str | bytes] = {
        "index.md": render_home(env, resolutions),
        DOCUMENTS_PAGE: render_documents(env, resolutions),
        "assets/card.png": site_card(project.docs_dir / "assets" / "card.png"),
    }
    pages.update(render_topics(env, resolutions, loaded.slots, loaded.tags))
    guide = project.root / GUIDE
    if guide.exists():
        # The contributors' guide has one source, CONTRIBUTING.md; the site shows a copy.
        pages[GUIDE_PAGE] = guide_page(guide.read_text("utf-8"))
    for res in resolutions:
        pages[page_path(res.symbol)] = render_resolution(
            env, res, loaded.slots[res.symbol], project, symbols, loaded.crossrefs, loaded.tags
        )
        pages.update(render_citation_files(res, project))
    return pages


def write_pages(docs_dir: Path, pages: dict[str, str | bytes]) -> BuildReport:
    """Write pages whose content changed; remove pages generated earlier that are gone now."""
    report = BuildReport()
    for rel, content in sorted(pages.items()):
        path = docs_dir / rel
        if write_if_changed(path, content):
            report.written.append(path)
        else:
            report.unchanged += 1
    wanted = {docs_dir / rel for rel in pages}
    for path in sorted(docs_dir.rglob("*.md")):
        if path in wanted:
            continue
        try:
            head = path.read_text("utf-8")[:4096]
        except (OSError, UnicodeDecodeError):
            continue
        if GENERATED_MARKER in head:
            path.unlink()
            report.removed.append(path)
            for extra in ("citation.bib", "citation.json", "card.png"):
                if (path.parent / extra).exists() and path.parent / extra not in wanted:
                    (path.parent / extra).unlink()
                    report.removed.append(path.parent / extra)
            parent = path.parent
            while parent != docs_dir and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
    return report


def build(project: Project) -> BuildReport:
    loaded = load_project(project, lint_commentary=False)
    return write_pages(project.docs_dir, render_pages(project, loaded))
