"""The General Assembly's own files: Akoma Ntoso 3.0 in the AKN4UN profile, six languages.

Stages, each in its module:

============== ======================================================= ===========================
stage           what it does                                            module
============== ======================================================= ===========================
read            files, folders, ``.tar.xz`` archives (members only read) :mod:`.sources`
parse XML       safely: no DTD, no entities, no network                  :mod:`.xml`
inline          text, footnote markers, italics, links                   :mod:`.inline`
structure       one language file -> a structured resolution             :mod:`.parse`
merge           the language versions -> one resolution                  :mod:`.merge`
export          a structured resolution -> AKN4UN XML of one language    :mod:`.export`
batch           whole archives, in a process pool                        :mod:`.batch`
============== ======================================================= ===========================

What other code calls: :func:`import_akn` (the language versions of one resolution),
:func:`generator.akn.batch.import_corpus` (archives and folders), :func:`generator.akn.export.to_akn`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator import store
from generator.akn.merge import merge
from generator.akn.parse import Version, parse_version
from generator.errors import GeneratorError, Problem, UnstructurableTextError
from generator.model import Resolution
from generator.validate import validate_resolution


@dataclass(frozen=True, slots=True)
class AknImport:
    """One resolution imported from its language files."""

    resolution: Resolution
    files: dict[str, bytes]
    """The source copies to keep beside the structured resolution, by file name (``source.en.xml``)."""
    warnings: tuple[Problem, ...]
    refused: tuple[Problem, ...]
    """Files given that could not be used (empty, malformed), each with why: the others were imported."""


def parse_all(files: Sequence[tuple[str, bytes]]) -> tuple[list[Version], list[Problem]]:
    """Each file structured on its own; the problems of those that cannot be."""
    versions: list[Version] = []
    refused: list[Problem] = []
    for shown, data in files:
        try:
            versions.append(parse_version(data, shown))
        except GeneratorError as exc:
            refused.extend(exc.problems)
    return versions, refused


def import_versions(versions: list[Version], refused: Sequence[Problem] = ()) -> AknImport:
    """The language versions of one resolution merged, validated, with their source copies."""
    resolution, warnings = merge(versions)
    invalid = validate_resolution(resolution, versions[0].file)
    invalid += [
        Problem(versions[0].file, 0, f"{'/'.join(map(str, e.absolute_path))}: {e.message}")
        for e in store.schema_errors(store.to_data(resolution))
    ]
    if invalid:  # the importer's own mistake: never write a file `check` would refuse
        raise UnstructurableTextError(invalid)
    kept = {s.language for s in resolution.sources}
    files = {f"source.{v.language}.xml": v.data for v in versions if v.language in kept and _is_kept(v, resolution)}
    return AknImport(resolution, files, tuple(warnings), tuple(refused))


def _is_kept(version: Version, resolution: Resolution) -> bool:
    source = next(s for s in resolution.sources if s.language == version.language)
    return source.sha256 == version.resolution.sources[0].sha256


def import_akn(files: Sequence[tuple[str, bytes]]) -> AknImport:
    """The language versions of one resolution (``(name shown in messages, bytes)`` each) as one
    structured resolution.

    Raises :class:`UnstructurableTextError` (nothing to write) when no file can be used, or when
    the files are versions of different resolutions; a file that cannot be used among others
    that can is reported in :attr:`AknImport.refused`.
    """
    versions, refused = parse_all(files)
    if not versions:
        raise UnstructurableTextError(refused)
    groups: dict[str, list[Version]] = {}
    for v in versions:
        groups.setdefault(v.key, []).append(v)
    if len(groups) > 1:
        listed = "; ".join(
            f"{group[0].resolution.symbol} ({', '.join(v.file for v in group)})" for group in groups.values()
        )
        raise UnstructurableTextError(
            [
                Problem(
                    versions[1].file,
                    0,
                    f"these files are versions of {len(groups)} different resolutions: {listed}",
                    hint="give the language versions of one resolution, or a folder or archive to import them all",
                )
            ]
        )
    return import_versions(versions, refused)


__all__ = ["AknImport", "import_akn", "import_versions", "parse_all"]
