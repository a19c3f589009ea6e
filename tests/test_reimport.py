"""Re-importing never orphans or overwrites commentary."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.model import Resolution
from generator.reimport import apply_moves, parse_renames, plan_moves
from generator.store import load_resolution
from tests.conftest import ROOT

FRONT = "---\nauthors: [{name: A}]\nupdated: 2026-11-27\n---\n\n"


def seed() -> Resolution:
    return load_resolution(ROOT / "resolutions/A-RES-73-266/resolution.yaml")


def shifted(res: Resolution) -> Resolution:
    """The resolution with its last preambular paragraph gone: pp-15 no longer exists."""
    return replace(res, preamble=res.preamble[:-1])


def test_orphaned_commentary_refuses_the_import(tmp_path: Path) -> None:
    (tmp_path / "pp-15.md").write_text(FRONT + "On the private sector.\n")
    (tmp_path / "pp-14.md").write_text(FRONT + "On capacity.\n")
    (tmp_path / "op-1.md").write_text("")  # an empty slot may go
    moves, problems = plan_moves(tmp_path, shifted(seed()), {}, "c")
    assert [(p.path, p.message) for p in problems] == [
        ("c/pp-15.md", "commentary on pp-15, which A/RES/73/266 as imported now does not have")
    ]
    assert "--rename pp-15=<new id>" in problems[0].hint
    assert moves == []


def test_rename_moves_and_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "pp-15.md").write_text(FRONT + "On the private sector.\n")
    (tmp_path / "pp-14.md").write_text(FRONT + "On capacity.\n")
    renames, bad = parse_renames(["pp-15=pp-14"])
    assert bad == []
    _, problems = plan_moves(tmp_path, shifted(seed()), renames, "c")
    assert [p.message for p in problems] == ["moving pp-15.md here would overwrite the commentary on pp-14"]
    # A chain: pp-14 moves on to pp-13 (empty there), pp-15 takes its place.
    (tmp_path / "pp-13.md").write_text("")
    renames, _ = parse_renames(["pp-15=pp-14", "pp-14=pp-13"])
    moves, problems = plan_moves(tmp_path, shifted(seed()), renames, "c")
    assert problems == []
    apply_moves(moves)
    assert (tmp_path / "pp-14.md").read_text().endswith("On the private sector.\n")
    assert (tmp_path / "pp-13.md").read_text().endswith("On capacity.\n")
    assert not (tmp_path / "pp-15.md").exists()


def test_bad_renames_are_reported() -> None:
    renames, problems = parse_renames(["pp-3:pp-4", "pp-1=pp-2"])
    assert renames == {"pp-1": "pp-2"}
    assert problems[0].message == "expected OLD=NEW paragraph ids, got 'pp-3:pp-4'"


def test_rename_to_a_paragraph_that_does_not_exist(tmp_path: Path) -> None:
    (tmp_path / "pp-15.md").write_text(FRONT + "Text.\n")
    _, problems = plan_moves(tmp_path, shifted(seed()), {"pp-15": "pp-99"}, "c")
    assert [p.message for p in problems] == ["A/RES/73/266 as imported now has no paragraph pp-99"]


def test_cli_refuses_then_moves(tmp_path: Path) -> None:
    """The import command refuses to orphan commentary and writes nothing, then moves it as told."""
    import subprocess
    import sys

    from tests.conftest import copy_project

    config = copy_project(tmp_path)
    folder = tmp_path / "resolutions/A-RES-73-266"
    source = folder / "source.txt"
    lines = source.read_text("utf-8").splitlines(keepends=True)
    # The corrected text lacks the third preambular paragraph: pp-4 becomes pp-3, and so on.
    affirming = next(i for i, line in enumerate(lines) if line.startswith("Affirming that"))
    corrected = tmp_path / "corrected.txt"
    corrected.write_text("".join(lines[:affirming] + lines[affirming + 2 :]), encoding="utf-8")
    (folder / "commentary/pp-15.md").write_text(FRONT + "On the private sector.\n")
    before = (folder / "resolution.yaml").read_bytes()

    def run(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "generator", "--config", str(config), "import", str(corrected), *extra],
            capture_output=True,
            text=True,
        )

    refused = run()
    assert refused.returncode == 2
    assert "commentary on pp-15, which A/RES/73/266 as imported now does not have" in refused.stderr
    # pp-10 and pp-12 still exist, but their paragraphs are now pp-9 and pp-11: caught too.
    assert (
        "commentary on pp-10, which A/RES/73/266 as imported now has under pp-9: the paragraph moved" in refused.stderr
    )
    assert "--rename pp-12=pp-11" in refused.stderr
    assert (folder / "resolution.yaml").read_bytes() == before
    moved = run("--rename", "pp-10=pp-9", "--rename", "pp-12=pp-11", "--rename", "pp-15=pp-14")
    assert moved.returncode == 0, moved.stderr
    assert (folder / "commentary/pp-14.md").read_text().endswith("On the private sector.\n")
    assert (folder / "commentary/pp-9.md").exists() and not (folder / "commentary/pp-10.md").exists()
    assert (folder / "resolution.yaml").read_bytes() != before
