"""Import an official text into a structured resolution: read -> normalise -> prepare -> parse -> validate.

``read`` tells the form (:mod:`.read`); each form has its normaliser, and all of them hand the
same blocks and footnotes to the shared clean-up stages of :mod:`.prepare` (a press release's
quotation marks, Word's list labels and end notes, paragraph numbers printed late), then to
:mod:`.parse`, whose line forms are all in :mod:`.lexicon`:

========== =================================================== ===========================
form        what it is                                           normaliser
========== =================================================== ===========================
``text``    Markdown, or plain text with a paragraph per line    :mod:`.normalise`
``pdf-text`` the text layer of a PDF (``pdf2txt`` output)         :mod:`.pdftext`
``pdf``     the official PDF itself                              :mod:`.pdf` (then :mod:`.pdftext`)
========== =================================================== ===========================
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import Problem, UnstructurableTextError
from generator.importer.normalise import Normalised, normalise_text
from generator.importer.parse import parse
from generator.importer.prepare import prepare
from generator.importer.read import FORMATS, Format, SourceFile, read_source
from generator.model import Resolution, Source
from generator.validate import validate_resolution

__all__ = ["FORMATS", "Format", "ImportResult", "SourceFile", "import_file", "import_source", "normalise_source"]


@dataclass(frozen=True, slots=True)
class ImportResult:
    resolution: Resolution
    source: SourceFile
    warnings: tuple[Problem, ...]


def normalise_source(source: SourceFile) -> Normalised:
    """The blocks and footnotes of ``source``, by its form."""
    if source.format == "pdf":
        from generator.importer.pdf import normalise_pdf

        return normalise_pdf(source.data, str(source.path))
    if source.format == "pdf-text":
        from generator.importer.pdftext import normalise_pdf_text

        return normalise_pdf_text(source.text)
    return normalise_text(source.text)


def import_source(source: SourceFile, symbol: str | None = None, source_name: str = "source.txt") -> ImportResult:
    shown = str(source.path)
    normalised = prepare(normalise_source(source))
    meta = Source(source_name, source.format, source.sha256)
    result, problems = parse(normalised, shown, meta, symbol)
    if result is None:
        raise UnstructurableTextError(problems)
    invalid = validate_resolution(result.resolution, shown)
    if invalid:
        raise UnstructurableTextError(invalid)
    return ImportResult(result.resolution, source, tuple(result.warnings))


def import_file(path: Path, fmt: Format | None = None, symbol: str | None = None) -> ImportResult:
    source = read_source(path, fmt)
    suffix = ".pdf" if source.format == "pdf" else ".txt"
    return import_source(source, symbol, "source" + suffix)
