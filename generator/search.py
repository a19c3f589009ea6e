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

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

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
    """Write the search bundle of the built site in ``site_dir`` into ``site_dir/pagefind/``."""
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
    args = [str(indexer()), "--site", str(site_dir.resolve()), "--output-subdir", BUNDLE_DIR]
    for selector in EXCLUDE:
        args += ["--exclude-selectors", selector]
    # Pagefind also reads a pagefind.yml from its working directory: run it in an empty one, so
    # that the options above are the whole configuration.
    with tempfile.TemporaryDirectory(prefix="ar-pagefind-") as empty:
        result = subprocess.run(args, capture_output=True, text=True, check=False, cwd=empty)
    output = result.stdout + result.stderr
    if result.returncode != 0 or not (bundle / "pagefind-entry.json").exists():
        raise GeneratorError(
            [Problem(str(site_dir), 0, "the Pagefind indexer failed:\n" + output.strip(), hint="see its messages")]
        )

    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)

    def count(label: str) -> int:
        found = re.search(rf"Indexed (\d+) {label}", output)
        return int(found.group(1)) if found else 0

    size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
    return IndexReport(count("pages?"), count("languages?"), count("words?"), bundle, size)
