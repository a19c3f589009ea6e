"""Self-check of the PDF importer on hundreds of structures: typeset, import, compare.

Each English Akoma Ntoso text of the archives given is imported (:mod:`generator.akn`), typeset
as a PDF in the UN's 2023 layout (``tests/fixtures/unlayout.py``: masthead, agenda-item title,
two-line adoption line, running headers, footnotes at page bottoms, page breaks inside
paragraphs), imported back with the PDF importer, and compared paragraph by paragraph with the
XML import (:mod:`generator.importer.selfcheck`), as the typesetter can print it (its fonts have
the WinAnsi characters only: ``−`` prints as ``?`` on both sides).

    python bench/selfcheck.py GA-78.tar.xz GA-79.tar.xz [--limit 300] [--show 5]

Prints one JSON object: resolutions tried, exact, same structure, paragraphs and paragraphs with
the same words, refused imports, those skipped (several resolutions under one number, which the
typesetter does not lay out), and the commonest first differences.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tarfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.akn import import_akn  # noqa: E402
from generator.errors import GeneratorError  # noqa: E402
from generator.importer import SourceFile, import_source  # noqa: E402
from generator.importer.selfcheck import compare  # noqa: E402
from tests.fixtures.unlayout import as_printed, typeset_resolution  # noqa: E402


def english_members(archives: list[Path]) -> Iterator[tuple[str, bytes]]:
    for path in archives:
        with tarfile.open(path, mode="r:*") as archive:
            for member in archive:
                if member.isfile() and "/English/" in member.name and member.name.endswith(".xml"):
                    f = archive.extractfile(member)
                    if f is not None:
                        yield f"{path.name}:{member.name}", f.read()


def _kind(difference: str) -> str:
    """A difference reduced to its kind, for counting: ``op-3 (a): words differ`` -> ``words differ``."""
    text = re.sub(r"^[^:]*: ", "", difference)
    return re.sub(r"[0-9]+|'.*|….*", "", text).strip()[:60]


def run(archives: list[Path], limit: int, show: int) -> dict[str, Any]:
    tried = exact = same_structure = paragraphs = same_words = refused = skipped = 0
    kinds: Counter[str] = Counter()
    examples: list[str] = []
    for name, data in english_members(archives):
        if tried >= limit:
            break
        try:
            xml = import_akn([(name, data)]).resolution
        except GeneratorError:
            continue
        if xml.components or not xml.operative:
            skipped += 1
            continue
        tried += 1
        pdf = typeset_resolution(xml)
        try:
            got = import_source(SourceFile(Path(name), pdf, "pdf", hashlib.sha256(pdf).hexdigest())).resolution
        except GeneratorError as exc:
            refused += 1
            kinds["refused: " + _kind(exc.problems[0].message)] += 1
            continue
        c = compare(as_printed(xml), got)
        exact += c.exact
        same_structure += c.same_structure
        paragraphs += c.paragraphs
        same_words += c.same_words
        for d in [d for d in c.differences if not d.startswith("structure:")][:1] or c.differences[:1]:
            kinds[_kind(d)] += 1
            if len(examples) < show:
                examples.append(f"{xml.symbol}: {d}")
    return {
        "tried": tried,
        "exact": exact,
        "same_structure": same_structure,
        "paragraphs": paragraphs,
        "same_words": same_words,
        "refused": refused,
        "skipped": skipped,
        "first_differences": dict(kinds.most_common(12)),
        "examples": examples,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archives", nargs="+", type=Path)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--show", type=int, default=5)
    args = parser.parse_args(argv)
    print(json.dumps(run(args.archives, args.limit, args.show), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
