"""Re-importing a resolution never loses commentary.

When a resolution is imported again (a corrected official text, a better importer), paragraph
ids can change: a preambular paragraph found in addition shifts every ``pp-N`` after it.  A
commentary slot whose id the new import does not have would be orphaned.  :func:`plan_moves`
refuses such an import, naming every orphaned slot, unless the maintainer says where each goes
(``--rename pp-3=pp-4``); :func:`apply_moves` then moves the files, never over an existing
commentary.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from generator import store
from generator.commentary import COMMENTARY_DIR
from generator.errors import GeneratorError, Problem
from generator.model import Resolution
from generator.project import Project

_RENAME = re.compile(r"^(?P<old>[a-z0-9-]+)=(?P<new>[a-z0-9-]+)$")


@dataclass(frozen=True, slots=True)
class Move:
    source: Path
    target: Path


def parse_renames(values: Sequence[str]) -> tuple[dict[str, str], list[Problem]]:
    """``["pp-3=pp-4"]`` -> ``{"pp-3": "pp-4"}``, with a problem for each malformed value."""
    renames: dict[str, str] = {}
    problems = []
    for value in values:
        m = _RENAME.match(value.strip())
        if not m:
            problems.append(
                Problem("--rename", 0, f"expected OLD=NEW paragraph ids, got {value!r}", hint="--rename pp-3=pp-4")
            )
            continue
        renames[m.group("old")] = m.group("new")
    return renames, problems


def _wording(res: Resolution, paragraph_id: str) -> str | None:
    p = res.find(paragraph_id)
    return " ".join(p.wording(res.language).split()) if p else None


def plan_moves(
    commentary_dir: Path,
    new: Resolution,
    renames: Mapping[str, str],
    shown: str,
    previous: Resolution | None = None,
) -> tuple[list[Move], list[Problem]]:
    """The moves that keep every non-empty slot attached to its paragraph in ``new``, or problems.

    A slot is in trouble when its id no longer exists (orphaned) or when, ``previous`` being the
    resolution as imported before, its paragraph's wording now stands under another id (moved);
    a paragraph whose wording was corrected in place keeps its slot (the page marks the
    commentary as written for an earlier version).
    """
    problems: list[Problem] = []
    moves: list[Move] = []
    if not commentary_dir.is_dir():
        return moves, [Problem("--rename", 0, f"there is no commentary {old}.md to move") for old in renames]
    new_ids = set(new.paragraph_ids())
    existing = {p.stem: p for p in commentary_dir.glob("*.md")}
    for old, target in renames.items():
        if old not in existing:
            problems.append(Problem("--rename", 0, f"there is no commentary {old}.md to move"))
        if target not in new_ids:
            problems.append(Problem("--rename", 0, f"{new.symbol} as imported now has no paragraph {target}"))
    targets = list(renames.values())
    for dup in sorted({t for t in targets if targets.count(t) > 1}):
        problems.append(Problem("--rename", 0, f"two commentaries would be moved to {dup}"))
    moving_away = set(renames)
    old_res = previous
    for old, path in sorted(existing.items()):
        has_content = bool(_body(path).strip())
        if old in renames:
            target = renames[old]
            dest = commentary_dir / f"{target}.md"
            if dest.exists() and target not in moving_away and _body(dest).strip():
                problems.append(
                    Problem(
                        f"{shown}/{target}.md", 1, f"moving {old}.md here would overwrite the commentary on {target}"
                    )
                )
            moves.append(Move(path, dest))
        elif has_content:
            before = _wording(old_res, old) if old_res else None
            moved_to = [pid for pid in new.paragraph_ids() if before and _wording(new, pid) == before]
            if old not in new_ids or (moved_to and old not in moved_to):
                where = f"--rename {old}={moved_to[0]}" if moved_to else f"--rename {old}=<new id>"
                now = "does not have" if old not in new_ids else f"has under {moved_to[0]}: the paragraph moved"
                problems.append(
                    Problem(
                        f"{shown}/{old}.md",
                        1,
                        f"commentary on {old}, which {new.symbol} as imported now {now}",
                        hint=f"say where it goes: {where}; or delete the file if it no longer applies",
                    )
                )
    return moves, problems


def _body(path: Path) -> str:
    text = path.read_text("utf-8")
    if text.startswith("---"):
        parts = text.split("\n---", 1)
        return parts[1].split("\n", 1)[1] if len(parts) == 2 and "\n" in parts[1] else ""
    return text


def apply_moves(moves: Sequence[Move]) -> None:
    """Move the files; chains and swaps (pp-3 -> pp-4 -> pp-5) go through temporary names."""
    staged = []
    for i, move in enumerate(moves):
        temporary = move.source.with_name(f".moving-{i}-{move.source.name}")
        move.source.rename(temporary)
        staged.append((temporary, move.target))
    for temporary, target in staged:
        temporary.rename(target)


@dataclass(frozen=True, slots=True)
class Saved:
    folder: Path
    moves: tuple[Move, ...]


_SOURCE_COPY = re.compile(r"^source(\.[a-z]{2})?\.(txt|pdf|xml)$")


def save_import(
    project: Project,
    res: Resolution,
    files: Mapping[str, bytes],
    renames: Sequence[str] = (),
    imported_on: date | None = None,
) -> Saved:
    """Write an imported resolution and its source copies into the project, keeping every
    commentary attached to its paragraph (:func:`plan_moves`); raise :class:`GeneratorError`
    with every orphaned slot, writing nothing, when the maintainer must say where they go.

    Source copies of an earlier import that the new one no longer has (``source.txt`` after an
    import from the XML) are removed."""
    folder = store.resolution_dir(project.resolutions_dir, res)  # its symbol checked, before any path
    commentary = folder / COMMENTARY_DIR
    wanted, problems = parse_renames(renames)
    data_file = folder / store.DATA_FILE
    previous = None
    if data_file.exists():
        # The structured file as it stands tells where each commentary's paragraph was; if a
        # hand edit broke it, only vanished ids can be checked.
        with contextlib.suppress(GeneratorError):
            previous = store.load_resolution(data_file)
    moves, orphaned = (
        plan_moves(commentary, res, wanted, project.rel(commentary), previous)
        if commentary.exists() or wanted
        else ([], [])
    )
    if problems or orphaned:
        raise GeneratorError([*problems, *orphaned])
    if previous is not None and previous.descriptive_title and not res.descriptive_title:
        # A title the maintainer gave a text that prints none is not in the text: keep it.
        res = replace(res, descriptive_title=previous.descriptive_title)
    res = replace(res, sources=tuple(replace(s, imported=imported_on or date.today()) for s in res.sources))
    folder = store.save(project.resolutions_dir, res, dict(files))
    keep = {s.file for s in res.sources}
    for old in folder.iterdir():
        if _SOURCE_COPY.match(old.name) and old.name not in keep and old.is_file():
            old.unlink()
    apply_moves(moves)
    return Saved(folder, tuple(moves))
