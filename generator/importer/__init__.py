"""Import an official text into a structured resolution: read -> normalise -> parse -> validate."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import Problem, UnstructurableTextError
from generator.importer.normalise import normalise_text
from generator.importer.parse import parse
from generator.importer.read import FORMATS, Format, SourceFile, read_source
from generator.model import Resolution, Source
from generator.validate import validate_resolution

__all__ = ["FORMATS", "Format", "ImportResult", "SourceFile", "import_file", "import_source"]


@dataclass(frozen=True, slots=True)
class ImportResult:
    resolution: Resolution
    source: SourceFile
    warnings: tuple[Problem, ...]


def import_source(source: SourceFile, symbol: str | None = None, source_name: str = "source.txt") -> ImportResult:
    shown = str(source.path)
    if source.format != "text":
        raise UnstructurableTextError(
            [
                Problem(
                    shown,
                    0,
                    f"the {source.format} form is not supported yet",
                    hint="give the text form (Markdown or one paragraph per line)",
                )
            ]
        )
    normalised = normalise_text(source.text)
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
