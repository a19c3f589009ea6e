"""The site search: a Pagefind index of the built site, split in fragments a browser fetches per query.

Pagefind reads the built HTML, whatever engine built it (MkDocs with this project's plugin, or
Zensical, which runs no plugin: ``python -m generator search-index SITE_DIR``), and writes the
search bundle into ``SITE_DIR/pagefind/``: the search script, its WebAssembly, an index split by
word, and a compressed fragment per page.  A reader's first query fetches the script, the
WebAssembly, the index chunks of its words and the fragments of the pages shown: a few hundred
kilobytes whatever the size of the site, where the theme's own search downloaded the whole site's
text.

What is indexed is decided by the pages themselves (``templates/``): only elements marked
``data-pagefind-body`` (a resolution's official text and footnotes, commentary, the contributors'
guide, the topic pages), so navigation, headers and listings are not; a hidden field weighted 10
holds the symbol and number (``A/RES/73/266 73/266``) so that a query for a symbol opens its
resolution; ``data-pagefind-filter`` gives body, session, year and language.  Pagefind builds one
index per language, from each page's ``<html lang>``.  The reader controls inside the text are
left out here (:data:`EXCLUDE`), so that "Cite" or "Add commentary" is not a word of every
paragraph.

Guarantees of :func:`index_site`: the bundle in ``SITE_DIR/pagefind/`` is the index of exactly the
pages in ``SITE_DIR`` (a bundle left by an earlier run is replaced, never merged); the same pages
give the same files; nothing is fetched from the network (the indexer is the binary shipped in
the ``pagefind-bin-extended`` package, which also segments Chinese and Japanese text).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import GeneratorError, Problem

BUNDLE_DIR = "pagefind"
"""The search bundle's folder inside the site (the search script loads it from there)."""

EXCLUDE = (
    ".ar-permalink",
    ".ar-cite",
    ".ar-add",
    "details.commentary > summary",
    ".ar-slot-meta",
    ".ar-stale",
    ".ar-sources-title",
    ".ar-cited-by",
    ".footnote-backref",
)
"""Reader controls and commentary meta lines inside the indexed content: not searchable text."""


UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-highlight.js",
)
"""Pagefind's ready-made interfaces and highlighter: the site has its own
(``docs/javascripts/search.js``), so these are not published."""


@dataclass(frozen=True, slots=True)
class IndexReport:
    pages: int
    languages: int
    words: int
    bundle: Path
    bytes: int
    """Size of the whole bundle on disk (what the site publishes, not what a reader downloads)."""


def indexer() -> Path:
    """The Pagefind binary shipped in the Python packages (the extended build when installed)."""
    from pagefind.service import get_executable

    found = get_executable()
    if found is None or not found.exists():
        raise GeneratorError(
            [
                Problem(
                    "pagefind",
                    0,
                    "the Pagefind indexer is not installed",
                    hint="install the project's dependencies: pip install -e . (it brings pagefind[extended])",
                )
            ]
        )
    return found


def index_site(site_dir: Path) -> IndexReport:
    """Write the search bundle of the built site in ``site_dir`` into ``site_dir/pagefind/``.

    One run of the indexer per language (:func:`pages_by_language`), each on a mirror of that
    language's pages made of hard links (copies where links cannot be made), and the bundles
    merged (:func:`merge_bundles`): Pagefind keeps every page of a run in memory, and the whole
    corpus in six languages in one run took 12 GB; per language it is a sixth of that.  Pagefind
    writes an index per language in any case, so the merged bundle is what one run would give.
    """
    if not (site_dir / "index.html").is_file():
        raise GeneratorError(
            [Problem(str(site_dir), 0, "no built site here (no index.html)", hint="build the site first")]
        )
    bundle = site_dir / BUNDLE_DIR
    if bundle.exists():
        if not (bundle / "pagefind-entry.json").exists():
            raise GeneratorError(
                [
                    Problem(
                        str(bundle),
                        0,
                        "this folder is in the way of the search bundle and is not one",
                        hint="rename it: the search bundle is written to pagefind/ in the site",
                    )
                ]
            )
        shutil.rmtree(bundle)
    groups = pages_by_language(site_dir)
    # Beside the site, so that hard links can be made (the same file system), and never inside it.
    try:
        work = Path(tempfile.mkdtemp(prefix=".ar-pagefind-", dir=site_dir.resolve().parent))
    except OSError:
        work = Path(tempfile.mkdtemp(prefix="ar-pagefind-"))
    try:
        outputs: list[str] = []
        bundles: list[Path] = []
        for n, (_, pages) in enumerate(sorted(groups.items())):
            mirror = work / f"site-{n}"
            _mirror(site_dir, mirror, pages)
            out = work / f"bundle-{n}"
            outputs.append(_run_indexer(mirror, out, site_dir))
            shutil.rmtree(mirror)
            bundles.append(out)
        merge_bundles(bundles, bundle)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)

    def count(label: str) -> int:
        return sum(int(m.group(1)) for out in outputs for m in re.finditer(rf"Indexed (\d+) {label}", out))

    size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
    return IndexReport(count("pages?"), count("languages?"), count("words?"), bundle, size)


_HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z0-9-]*)", re.IGNORECASE)


def pages_by_language(site_dir: Path) -> dict[str, list[str]]:
    """The HTML files of the site that Pagefind would index (paths inside it), grouped by the
    primary subtag of their ``<html lang>`` (``""`` for none).

    As Pagefind does over a whole site: once a page marks its indexed content with
    ``data-pagefind-body``, pages without the mark are left out (here, before the runs per
    language, so that a language whose pages have none is not indexed whole).  The old bundle is
    not a page."""
    marked: dict[str, list[str]] = {}
    unmarked: dict[str, list[str]] = {}
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir)
        if rel.parts[0] == BUNDLE_DIR or not path.is_file():
            continue
        data = path.read_bytes()
        found = _HTML_LANG.search(data, 0, 4096)
        lang = found.group(1).decode("ascii").split("-")[0].lower() if found else ""
        group = marked if BODY_MARK in data else unmarked
        group.setdefault(lang, []).append(rel.as_posix())
    return marked or unmarked


BODY_MARK = b"data-pagefind-body"


def _mirror(site_dir: Path, mirror: Path, pages: list[str]) -> None:
    """``pages`` of ``site_dir`` at the same paths under ``mirror`` (so their URLs are the same)."""
    for rel in pages:
        target = mirror / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site_dir / rel, target)
        except OSError:
            shutil.copyfile(site_dir / rel, target)


def _run_indexer(mirror: Path, out: Path, site_dir: Path) -> str:
    """Run Pagefind on ``mirror``, writing its bundle to ``out``; its messages."""
    args = [str(indexer()), "--site", str(mirror.resolve()), "--output-path", str(out.resolve())]
    for selector in EXCLUDE:
        args += ["--exclude-selectors", selector]
    # Pagefind also reads a pagefind.yml from its working directory: run it in an empty one, so
    # that the options above are the whole configuration.
    with tempfile.TemporaryDirectory(prefix="ar-pagefind-") as empty:
        result = subprocess.run(args, capture_output=True, text=True, check=False, cwd=empty)
    output = result.stdout + result.stderr
    if result.returncode != 0 or not (out / "pagefind-entry.json").exists():
        raise GeneratorError(
            [Problem(str(site_dir), 0, "the Pagefind indexer failed:\n" + output.strip(), hint="see its messages")]
        )
    return output


def merge_bundles(bundles: list[Path], target: Path) -> None:
    """One bundle at ``target`` from bundles of the same Pagefind with different languages.

    Every file of a bundle is named after its language or its content (``index/en_4f1c….pf_index``,
    ``wasm.en.pagefind``), except the script and the entry, which lists the languages: the files
    are moved together and the entries' language lists joined.  A file of the same name must have
    the same content; two bundles may not index the same language."""
    entry: dict[str, Any] = {}
    target.mkdir(parents=True)
    for bundle in bundles:
        part = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
        if not entry:
            entry = part
        else:
            if part.get("version") != entry.get("version"):
                raise GeneratorError([Problem(str(target), 0, "search bundles of two Pagefind versions")])
            clash = sorted(set(part["languages"]) & set(entry["languages"]))
            if clash:
                raise GeneratorError([Problem(str(target), 0, f"language indexed twice: {', '.join(clash)}")])
            entry["languages"].update(part["languages"])
        for path in sorted(bundle.rglob("*")):
            rel = path.relative_to(bundle)
            if path.is_dir() or rel.as_posix() == "pagefind-entry.json":
                continue
            into = target / rel
            if into.exists():
                if into.read_bytes() != path.read_bytes():
                    raise GeneratorError([Problem(str(into), 0, "two search bundles differ in this file")])
                continue
            into.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(path, into)  # a rename, or a copy when the bundle was made on another file system
    entry["languages"] = dict(sorted(entry["languages"].items()))
    (target / "pagefind-entry.json").write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")
