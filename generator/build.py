"""Build the site's Markdown: load every resolution and its commentary, render, write changes.

Stages: discover -> fingerprint (file contents) -> load (from the cache, else read and validate)
-> resolve references -> render the units whose inputs changed -> write the files that changed.
Problems from every resolution and every commentary file are collected before the build fails,
so one run shows them all.  What is kept between runs is described in :mod:`generator.cache`.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator.cache import Manifest, cache_dir, code_version, digest, load_entry, store_entry, tree_digest
from generator.citations import Citation, cites, document_index_of
from generator.commentary import (
    COMMENTARY_DIR,
    TAGS_FILE,
    Slot,
    Tag,
    is_stale,
    load_slots,
    load_tags,
    stale_warning,
    with_versions,
)
from generator.crossrefs import Citing, CrossRefs, citing, resolve_names
from generator.errors import DataError, GeneratorError, Problem
from generator.history import pages as history_pages
from generator.history.notes import ParagraphHistory
from generator.lint import lint_markdown
from generator.model import Resolution, slug_of
from generator.naming import names
from generator.paths import inside, read_contributed, symlinks
from generator.project import Project
from generator.render import (
    DOCUMENTS_PAGE,
    GENERATED_MARKER,
    Linker,
    Listed,
    Tagged,
    environment,
    language_page,
    page_path,
    render_browse,
    render_citation_files,
    render_documents,
    render_guide,
    render_home,
    render_resolution,
    render_topics,
    site_card,
    tagged,
)
from generator.store import DATA_FILE, load_resolution, write_if_changed
from generator.votes import render as votes_render
from generator.votes.site import Adoptions, load_adoptions, state_units


@dataclass(frozen=True, slots=True)
class Summary:
    """What a run needs of a resolution folder whose pages it may not render: cheap to decode.

    The models themselves (many thousands of objects) are read from the load cache only when a
    page that shows them has to be rendered.
    """

    symbol: str
    names: dict[str, str]
    """Paragraph id -> name, in document order (for references and "cited by")."""
    citing: dict[str, Citing]
    """The references of each commentary slot that makes some, by paragraph id."""
    listed: Listed
    """What the home page and the topic pages show of the resolution."""
    cites: tuple[tuple[str, str, str], ...]
    """(cited symbol, paragraph id, where) of every document it cites, for the documents index."""
    topics: tuple[Tagged, ...]
    """The commentary slots with content and tags, in document order, for the topic pages."""
    slot_lint: tuple[Problem, ...]
    stale: tuple[Problem, ...]
    md_lint: tuple[Problem, ...] | None
    """Markdown lint of the commentary; ``None`` until a run asked for it."""


Model = tuple[Resolution, dict[str, Slot]]


MODELS_KEPT = 8
"""How many models :meth:`Loaded.model` keeps at hand (see there)."""


class Loaded:
    """The project's resolutions and commentary, validated; models are read when first needed."""

    def __init__(
        self,
        summaries: dict[str, Summary],
        data_files: dict[str, Path],
        crossrefs: CrossRefs,
        tags: dict[str, Tag],
        lint: tuple[Problem, ...],
        stale: tuple[Problem, ...],
        fingerprints: dict[str, tuple[str, str]],
        tags_key: str,
        models: Callable[[str], Model],
        adoptions: Adoptions | None = None,
    ) -> None:
        self.summaries = summaries
        self.data_files = data_files
        """Per symbol: its structured resolution file."""
        self.crossrefs = crossrefs
        self.tags = tags
        """The tag vocabulary (resolutions/tags.yaml)."""
        self.lint = lint
        """Problems in commentary that `check` refuses; the build neutralises them and warns."""
        self.stale = stale
        """Commentary written for an earlier wording of its paragraph: shown as such, `check` warns."""
        self.fingerprints = fingerprints
        """Per symbol: fingerprints of (its folder: data file and commentary; its data file alone)."""
        self.tags_key = tags_key
        """Fingerprint of the tag vocabulary."""
        self._models = models
        self._loaded: OrderedDict[str, Model] = OrderedDict()
        self.adoptions = adoptions or Adoptions({}, {}, ())
        """How each resolution was adopted (``adoption.yaml``), where the folder has that file."""

    def model(self, symbol: str) -> Model:
        """The resolution ``symbol`` and its commentary slots (by paragraph id).

        The last :data:`MODELS_KEPT` asked for are kept: the units of one resolution are rendered
        one after the other, while keeping every model would hold the whole corpus in memory, in
        every worker process."""
        found = self._loaded.get(symbol)
        if found is None:
            found = self._loaded[symbol] = self._models(symbol)
            if len(self._loaded) > MODELS_KEPT:
                self._loaded.popitem(last=False)
        else:
            self._loaded.move_to_end(symbol)
        return found

    @property
    def resolutions(self) -> tuple[Resolution, ...]:
        return tuple(self.model(symbol)[0] for symbol in self.summaries)

    @property
    def slots(self) -> dict[str, dict[str, Slot]]:
        """Slots by resolution symbol, then paragraph id."""
        return {symbol: self.model(symbol)[1] for symbol in self.summaries}


@dataclass
class BuildReport:
    rendered: list[str] = field(default_factory=list)
    """Units of output rendered in this run (see :class:`Unit`); the others were up to date."""
    written: list[Path] = field(default_factory=list)
    unchanged: int = 0
    removed: list[Path] = field(default_factory=list)


def _shown(path: Path, root: Path) -> str:
    """How messages name a file: relative to the project when it is inside it."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _folder_digest(folder: Path, salt: str) -> tuple[str, str]:
    """Fingerprints of a resolution folder, by content: (data file and commentary, data file alone)."""
    data = digest((folder / DATA_FILE).read_bytes())
    parts: list[bytes | str] = [salt, data]
    commentary = folder / COMMENTARY_DIR
    if commentary.is_dir():
        for entry in sorted(os.scandir(commentary), key=lambda e: e.name):
            if entry.is_file(follow_symlinks=False):
                with open(entry.path, "rb") as fh:  # noqa: PTH123 - no Path object per file: thousands
                    parts += [entry.name, fh.read()]
            else:
                parts += [entry.name, b"<folder>"]
    return digest(*parts), data


def _load_folder(
    data_file: Path, shown: str, root: Path, tags: dict[str, Tag], schema_valid: set[str], lint_commentary: bool
) -> tuple[Model | None, Summary | None, list[Problem]]:
    """Read one folder from its files: its model and summary, or ``None`` and its problems."""
    data_lint: list[Problem] = []
    try:
        res = load_resolution(data_file, shown, schema_valid, data_lint)
    except DataError as exc:
        return None, None, list(exc.problems)
    found, slot_errors, slot_lint = load_slots(data_file.parent / COMMENTARY_DIR, res, root, tags)
    slot_lint = data_lint + slot_lint
    stale = []
    for slot in with_versions(found):
        paragraph = res.find(slot.paragraph_id)
        if paragraph is not None and is_stale(slot, paragraph):
            stale.append(stale_warning(slot, _shown(slot.path, root)))
    summary = Summary(
        symbol=res.symbol,
        names=names(res),
        citing={pid: c for pid, slot in found.items() if (c := citing(slot, res.symbol, _shown(slot.path, root)))},
        listed=Listed.of(res),
        cites=cites(res),
        topics=tagged(res, found),
        slot_lint=tuple(slot_lint),
        stale=tuple(stale),
        md_lint=_md_lint(found, root) if lint_commentary else None,
    )
    return (res, found), summary, slot_errors


def _md_lint(slots: Mapping[str, Slot], root: Path) -> tuple[Problem, ...]:
    out: list[Problem] = []
    for slot in with_versions(slots):
        out.extend(lint_markdown(slot.body, _shown(slot.path, root), slot.body_line))
    return tuple(out)


PARALLEL_MIN = 48
"""Below this many folders to read or units to render, one process does it all."""

_WORK: dict[str, Any] = {}
"""What forked worker processes inherit (see :func:`_parallel`)."""


def default_jobs() -> int:
    """Worker processes for a large build: one per core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _parallel(fn: Callable[[int], Any], count: int, jobs: int) -> list[Any]:
    """``[fn(i) for i in range(count)]`` in ``jobs`` forked processes; ``fn`` reads ``_WORK``."""
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs) as pool:
        return pool.map(fn, range(count), chunksize=max(1, count // (jobs * 8)))


def _can_fork(jobs: int, count: int) -> bool:
    return jobs > 1 and count >= PARALLEL_MIN and "fork" in multiprocessing.get_all_start_methods()


_Miss = tuple[Path, str, str, str, Path, Path, "Summary | None"]
"""A folder to read: data file, its name in messages, fingerprints (folder, data file), cache
entries (summary, model), and the summary the cache has when only its lint is missing."""


def _read_miss(
    miss: _Miss, root: Path, tags: dict[str, Tag], schema_valid: set[str], lint_commentary: bool
) -> tuple[Summary | None, Model | None, list[Problem]]:
    """Read a folder the cache could not give, and store it; (summary, model, problems)."""
    data_file, shown, key, data_key, summary_path, model_path, partial = miss
    if partial is not None:  # only the lint is missing: lint the commentary of the cached model
        cached = load_entry(model_path, key, Model)
        if cached is not None:
            linted = replace(partial, md_lint=_md_lint(cached[1], root))
            store_entry(summary_path, key, linted)
            return linted, cached, []
    model, summary, problems = _load_folder(data_file, shown, root, tags, schema_valid, lint_commentary)
    if model is not None and summary is not None and not problems:  # errors fail the build: keep nothing
        store_entry(summary_path, key, summary)
        store_entry(model_path, key, model)
        # The history's record of the text (generator/history), made here while the model is at
        # hand, in the worker: the history would otherwise read every model back from the cache.
        history_pages.store_record(root, summary.symbol, data_key, model[0])
    return summary, model, problems


def _read_miss_in_worker(i: int) -> tuple[Summary | None, list[Problem]]:
    """:func:`_read_miss` of ``_WORK["misses"][i]`` in a worker (the model stays in the cache)."""
    summary, _, problems = _read_miss(
        _WORK["misses"][i], _WORK["root"], _WORK["tags"], _WORK["schema_valid"], _WORK["lint"]
    )
    return summary, problems


def load_project(project: Project, lint_commentary: bool = True, use_cache: bool = True, jobs: int = 1) -> Loaded:
    """Every structured resolution and commentary slot; raise :class:`DataError` with all problems.

    ``lint_commentary=False`` skips the Markdown lint (``check`` and the MkDocs plugin run it;
    the pages do not depend on it, since the build sanitises commentary in any case).  A folder
    whose files are byte for byte those of an earlier run is not read again: its summary comes
    from the load cache, and its model too when a page needs it (see :mod:`generator.cache`).
    Many folders to read are shared among ``jobs`` processes.
    """
    root = project.root
    # A link would make the build read (and publish) a file from outside the repository:
    # nothing is read while there is one.
    linked = symlinks(root, (project.resolutions_dir, project.templates_dir, root / "overrides", root / GUIDE))
    if linked:
        raise DataError(linked)
    problems: list[Problem] = []
    summaries: dict[str, Summary] = {}
    files: dict[str, Path] = {}
    fingerprints: dict[str, tuple[str, str]] = {}
    models: dict[str, tuple[Path, str, Model | None]] = {}
    lint: list[Problem] = []
    stale: list[Problem] = []
    cache_root = cache_dir(root)
    # Texts found valid, keyed by the code and schema that found them so (entries carry the code's
    # fingerprint): a tightened schema starts afresh.
    cache_file = cache_root / "schema-valid.json"
    schema_valid: set[str] = set(load_entry(cache_file, "schema-valid", list[str]) or ())
    known = len(schema_valid)
    tags, tag_problems = load_tags(project.resolutions_dir, lint)
    problems.extend(tag_problems)
    tags_key = digest(*(f"{t.id}\0{t.label}\0{t.description}" for t in tags.values()))
    salt = digest(code_version(), str(root), tags_key)
    # 1. Fingerprint every folder; take what the cache has.
    folders: list[tuple[Path, str, str, str, Path, Path]] = []
    found: list[tuple[Summary | None, Model | None, list[Problem]]] = []
    misses: dict[int, _Miss] = {}
    for data_file in sorted(project.resolutions_dir.glob(f"*/{DATA_FILE}")):
        key, data_key = _folder_digest(data_file.parent, salt)
        summary_path = cache_root / "summary" / f"{data_file.parent.name}.json"
        model_path = cache_root / "model" / f"{data_file.parent.name}.json"
        shown = _shown(data_file, root)
        folders.append((data_file, shown, key, data_key, summary_path, model_path))
        summary = load_entry(summary_path, key, Summary) if use_cache else None
        if not isinstance(summary, Summary):
            misses[len(found)] = (data_file, shown, key, data_key, summary_path, model_path, None)
            summary = None
        elif lint_commentary and summary.md_lint is None:
            misses[len(found)] = (data_file, shown, key, data_key, summary_path, model_path, summary)
            summary = None
        found.append((summary, None, []))
    # 2. Read the others from their files, in several processes when there are many.
    if use_cache and _can_fork(jobs, len(misses)):
        _WORK.update(
            misses=list(misses.values()), root=root, tags=tags, schema_valid=schema_valid, lint=lint_commentary
        )
        try:
            results = _parallel(_read_miss_in_worker, len(misses), jobs)
        finally:
            _WORK.clear()
        for i, (summary, folder_problems) in zip(misses, results, strict=True):
            found[i] = (summary, None, folder_problems)
    elif use_cache:
        for i, miss in misses.items():
            found[i] = _read_miss(miss, root, tags, schema_valid, lint_commentary)
    else:
        for i, (data_file, shown, *_) in misses.items():
            model, summary, folder_problems = _load_folder(data_file, shown, root, tags, schema_valid, lint_commentary)
            found[i] = (summary, model, folder_problems)
    # 3. Put them together.
    for (data_file, shown, key, data_key, _, model_path), (summary, model, folder_problems) in zip(
        folders, found, strict=True
    ):
        problems.extend(folder_problems)
        if summary is None:
            continue
        symbol = summary.symbol
        if symbol in files:
            problems.append(Problem(shown, 1, f"{symbol} is also defined in {files[symbol]}"))
            continue
        slug = slug_of(symbol)
        if data_file.parent.name != slug:
            problems.append(Problem(shown, 1, f"the folder of {symbol} must be named {slug}"))
        files[symbol] = data_file
        fingerprints[symbol] = (key, data_key)
        models[symbol] = (model_path, key, model)
        lint.extend(summary.slot_lint)
        if lint_commentary and summary.md_lint:
            lint.extend(summary.md_lint)
        stale.extend(summary.stale)
        summaries[symbol] = summary
    for folder_path in sorted(p for p in project.resolutions_dir.glob("*") if p.is_dir()):
        if not (folder_path / DATA_FILE).exists() and any(folder_path.iterdir()):
            problems.append(
                Problem(
                    _shown(folder_path, root),
                    0,
                    f"folder without a {DATA_FILE}: its files would be ignored",
                    hint="import the resolution with `python -m generator import FILE`",
                )
            )
    if len(schema_valid) != known:
        # A cache, not a source of truth: losing it only costs time.
        store_entry(cache_file, "schema-valid", sorted(schema_valid))
    adoptions, adoption_problems = load_adoptions(
        root, project.resolutions_dir, files, digest(code_version()), lambda p: _shown(p, root)
    )
    problems.extend(adoption_problems)
    crossrefs, ref_problems = resolve_names(
        {symbol: s.names for symbol, s in summaries.items()}, {symbol: s.citing for symbol, s in summaries.items()}
    )
    problems.extend(ref_problems)
    guide_text = ""
    if (root / GUIDE).exists():
        try:  # read here so that a guide too large or not UTF-8 is said with the other problems
            guide_text = read_contributed(root / GUIDE, GUIDE)
        except DataError as exc:
            problems.extend(exc.problems)
    problems.extend(history_pages.series_file_of(project, frozenset(summaries))[1])  # resolutions/series.yaml
    if problems:
        # Errors stop the build; what check would refuse besides is said at the same time.
        raise DataError([*problems, *lint])

    def read_model(symbol: str) -> Model:
        """The model read in this run, else the cached one, else read again (an unwritable cache)."""
        path, key, model = models[symbol]
        if model is not None:
            return model
        cached = load_entry(path, key, Model)
        if cached is not None:
            return cached
        found, _, errors = _load_folder(files[symbol], _shown(files[symbol], root), root, tags, set(), False)
        if found is None or errors:
            raise DataError(errors or [Problem(_shown(files[symbol], root), 0, "changed during the build")])
        return found

    if lint_commentary and guide_text:
        lint.extend(lint_markdown(guide_text, GUIDE, 1, "guide"))
    return Loaded(
        summaries, files, crossrefs, tags, tuple(lint), tuple(stale), fingerprints, tags_key, read_model, adoptions
    )


GUIDE = "CONTRIBUTING.md"
GUIDE_PAGE = "contributing.md"


def render_pages(project: Project, loaded: Loaded) -> dict[str, str | bytes]:
    """Every generated page, rendered afresh: path inside docs/ -> content."""
    return {rel: content for unit in units(project, loaded) for rel, content in unit.make().items()}


def write_pages(docs_dir: Path, pages: Mapping[str, str | bytes], remove: bool = True) -> BuildReport:
    """Write pages whose content changed; remove pages generated earlier that are gone now."""
    report = BuildReport()
    for rel, content in sorted(pages.items()):
        path = inside(docs_dir, rel, docs_dir.name)
        try:
            changed = write_if_changed(path, content)
        except OSError as exc:
            raise GeneratorError(
                [Problem(f"{docs_dir.name}/{rel}", 0, f"cannot be written: {exc.strerror}", hint=_WRITABLE)]
            ) from None
        if changed:
            report.written.append(path)
        else:
            report.unchanged += 1
    if remove:
        report.removed = remove_stale(docs_dir, set(pages))
    return report


_WRITABLE = "the pages are written into docs/: it must be a folder this user can write to"


def remove_stale(docs_dir: Path, pages: set[str]) -> list[Path]:
    """Remove the pages generated earlier that are not in ``pages`` (paths in docs/)."""
    removed: list[Path] = []
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
            removed.append(path)
            extras = [path.parent / name for name in ("citation.bib", "citation.json", "card.png")]
            extras += sorted(path.parent.glob("resolution.*.xml")) + sorted(path.parent.glob("resolution.*.json"))
            for extra in extras:
                if extra.exists() and extra not in wanted:
                    extra.unlink()
                    removed.append(extra)
            parent = path.parent
            while parent != docs_dir and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
    return removed


# -- incremental generation ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Unit:
    """Files rendered together from the same inputs, and the fingerprint of those inputs."""

    name: str
    key: str
    make: Callable[[], Mapping[str, str | bytes]]
    per_resolution: bool = False
    """Rendered from one resolution's data: may be rendered in a worker process."""


def _environment_key(project: Project) -> str:
    """What every page depends on: the generator's code, the templates, the project's settings."""
    settings = (project.root, project.docs_dir, project.resolutions_dir, project.repo_url, project.branch)
    return digest(code_version(), tree_digest(project.templates_dir), repr(settings), project.site_url)


def units(project: Project, loaded: Loaded, languages: frozenset[str] | None = None) -> list[Unit]:
    """Every unit of output, each with the fingerprint of what it is rendered from.

    A resolution page depends on its folder (data file and commentary), the set of resolutions
    on the site (links), the tag vocabulary, the commentary elsewhere that cites it, and for its
    lineage on the titles and dates of the resolutions of the site it cites and on the places
    where others of the site cite it; its citation files and card on its data file alone; the
    home page and the browse pages on the titles, bodies and dates, the documents index on what
    each resolution cites, the topic pages on the tagged commentary.  Every unit also depends on
    the generator's code, the templates and the project's settings.

    A resolution's page unit writes its page in each language it has (its main language at the
    symbol, the others under their code); ``languages`` limits the others to those given.
    """
    env_key = _environment_key(project)
    wanted_languages = repr(sorted(languages)) if languages is not None else ""
    env_cache: list[jinja2.Environment] = []

    def env() -> jinja2.Environment:
        if not env_cache:
            env_cache.append(environment(project.templates_dir))
        return env_cache[0]

    symbols = frozenset(loaded.summaries)
    symbols_key = digest(*sorted(symbols))
    cited: dict[str, list[str]] = {}
    for (symbol, pid), backlinks in sorted(loaded.crossrefs.cited_by.items()):
        cited.setdefault(symbol, []).append(repr((pid, backlinks)))
    summaries = list(loaded.summaries.values())
    listed = [s.listed for s in summaries]
    site = {s.symbol: s.listed for s in summaries}
    topics = [(s.listed, s.topics) for s in summaries if s.topics]
    # Lineage: where the resolutions of the site cite each other (a page shows both directions).
    later: dict[str, list[Citation]] = {}
    for s in summaries:
        for target, pid, where in s.cites:
            if target in site and target != s.symbol:
                later.setdefault(target, []).append(Citation(s.symbol, pid, where))
    # Series (home page, series page): which resolutions of the site each one cites.
    recalls = {s.symbol: frozenset(t for t, _, _ in s.cites if t in site and t != s.symbol) for s in summaries}
    recalls = {symbol: found for symbol, found in sorted(recalls.items()) if found}
    tags_file = project.resolutions_dir / TAGS_FILE
    out = [
        Unit(
            "home",
            digest(env_key, "home", repr(listed), repr([(k, sorted(v)) for k, v in recalls.items()])),
            lambda: render_home(env(), listed, recalls),
        ),
        Unit("browse", digest(env_key, "browse", repr(listed)), lambda: render_browse(env(), listed)),
        Unit(
            "documents",
            digest(env_key, "documents", symbols_key, repr([(s.symbol, s.cites) for s in summaries])),
            lambda: {
                DOCUMENTS_PAGE: render_documents(
                    env(), document_index_of({s.symbol: s.cites for s in summaries}), symbols
                )
            },
        ),
        Unit(
            "topics",
            digest(env_key, "topics", loaded.tags_key, repr(topics)),
            lambda: render_topics(env(), topics, loaded.tags, project.edit_url(tags_file)),
        ),
        Unit(
            "card",
            digest(env_key, "card"),
            lambda: {"assets/card.png": site_card(project.docs_dir / "assets" / "card.png")},
        ),
    ]
    voted = {s.symbol: votes_render.Listed(s.symbol, s.listed.title, page_path(s.symbol)) for s in summaries}
    out += [
        Unit(n, k, m)
        for n, k, m in state_units(project.templates_dir, loaded.adoptions, voted, env_key, GENERATED_MARKER)
    ]
    guide = project.root / GUIDE
    if guide.exists():
        # The contributors' guide has one source, CONTRIBUTING.md; the site shows a copy.
        text = read_contributed(guide, GUIDE)
        out.append(
            Unit(
                "guide",
                digest(env_key, "guide", text),
                lambda: {GUIDE_PAGE: render_guide(env(), text, project.edit_url(guide))},
            )
        )
    # History (generator/history/): series, changes pages, provenance of every paragraph.
    data_keys = {s: loaded.fingerprints[s][1] for s in loaded.summaries}
    history = history_pages.load_history(project, data_keys, lambda s: loaded.model(s)[0])
    out += [
        Unit(n, k, m, per_resolution=True)
        for n, k, m in history_pages.changes_units(
            history,
            env,
            env_key,
            data_keys,
            lambda page, symbol, anchor: Linker(page, symbols).href(symbol, anchor),
            Markup(GENERATED_MARKER),  # noqa: S704 - a constant
        )
    ]
    for symbol in loaded.summaries:
        folder_key, data_key = loaded.fingerprints[symbol]
        notes, changes = history_pages.page_history(history, symbol, lambda s: loaded.summaries[s].names)

        def page(
            symbol: str = symbol,
            notes: Mapping[str, ParagraphHistory] = notes,
            changes: tuple[tuple[str, str], ...] = changes,
        ) -> dict[str, str | bytes]:
            """The resolution's page in each of its languages (its main one at the symbol); the
            history of its paragraphs is computed in its main language and shown on that page."""
            res, slots = loaded.model(symbol)
            adoption = loaded.adoptions.by_symbol.get(symbol)
            return {
                language_page(res, lang): render_resolution(
                    env(),
                    res,
                    slots,
                    project,
                    site,
                    loaded.crossrefs,
                    loaded.tags,
                    later.get(symbol, ()),
                    adoption,
                    lang,
                    # Provenance is the paragraph's, whatever the language: every version shows it.
                    history=notes,
                    changes=changes,
                )
                for lang in res.languages or (res.language,)
                if languages is None or lang in languages or lang == res.language
            }

        def files(symbol: str = symbol) -> dict[str, str | bytes]:
            return render_citation_files(loaded.model(symbol)[0], project)

        summary = loaded.summaries[symbol]
        lineage_key = repr(
            (
                sorted({(t, site[t]) for t, _, _ in summary.cites if t in site}, key=repr),
                later.get(symbol, ()),
                [site[c.resolution] for c in later.get(symbol, ())],
            )
        )
        page_key = digest(
            env_key,
            "page",
            folder_key,
            symbols_key,
            loaded.tags_key,
            lineage_key,
            loaded.adoptions.keys.get(symbol, ""),
            wanted_languages,
            history_pages.page_history_key(notes, changes),
            *cited.get(symbol, ()),
        )
        out.append(Unit(f"page {symbol}", page_key, page, per_resolution=True))
        out.append(Unit(f"files {symbol}", digest(env_key, "files", data_key), files, per_resolution=True))
    return out


def _as_bytes(pages: Mapping[str, str | bytes]) -> dict[str, bytes]:
    return {rel: c.encode("utf-8") if isinstance(c, str) else c for rel, c in pages.items()}


def _make_unit(i: int) -> tuple[list[str], list[Path], int]:
    """Render and write unit ``i`` of ``_WORK["units"]`` in a worker: (its files, written, unchanged)."""
    unit: Unit = _WORK["units"][i]
    pages = unit.make()
    report = write_pages(_WORK["docs"], pages, remove=False)
    return sorted(pages), report.written, report.unchanged


def generate(
    project: Project, loaded: Loaded, write: bool = True, jobs: int = 1, languages: frozenset[str] | None = None
) -> tuple[BuildReport, dict[str, str | bytes]]:
    """Render what changed since the last run; write it unless ``write`` is false.

    Returns the report and the pages rendered in this run (path in docs/ -> content).  A unit
    whose inputs have the same fingerprint as when its files were written, and whose files are
    still as written, is skipped.  Without ``write`` (a ``mkdocs serve`` rebuild) nothing is
    written and the manifest keeps describing what docs/ holds.  Many resolution pages to render
    are shared among ``jobs`` forked processes.
    """
    docs = project.docs_dir
    manifest = Manifest.read(project.root, docs)
    report = BuildReport()
    rendered: dict[str, str | bytes] = {}
    wanted: set[str] = set()
    todo: list[Unit] = []
    for unit in units(project, loaded, languages):
        current = manifest.current(unit.name, unit.key, docs)
        if current is None:
            todo.append(unit)
            report.rendered.append(unit.name)
        else:
            wanted.update(current)
            report.unchanged += len(list(current))
    spread = [u for u in todo if u.per_resolution] if write and _can_fork(jobs, len(todo)) else []
    if spread:
        _WORK.update(units=spread, docs=docs)
        try:
            for unit, (files, written, unchanged) in zip(spread, _parallel(_make_unit, len(spread), jobs), strict=True):
                wanted.update(files)
                report.written += written
                report.unchanged += unchanged
                manifest.record(unit.name, unit.key, docs, files)
        finally:
            _WORK.clear()
    for unit in [u for u in todo if not (spread and u.per_resolution)]:  # the rest, here
        pages = unit.make()
        wanted.update(pages)
        if not write:
            for rel in pages:  # served from memory: the same check as a page written
                inside(docs, rel, docs.name)
            rendered.update(pages)
            continue
        unit_report = write_pages(docs, pages, remove=False)
        report.written += unit_report.written
        report.unchanged += unit_report.unchanged
        manifest.record(unit.name, unit.key, docs, pages, _as_bytes(pages))
    if write:
        report.written.sort()
        report.removed = remove_stale(docs, wanted)
        manifest.save()
    return report, rendered


def build(project: Project, jobs: int = 1, languages: frozenset[str] | None = None) -> BuildReport:
    loaded = load_project(project, lint_commentary=False, jobs=jobs)
    return generate(project, loaded, jobs=jobs, languages=languages)[0]
