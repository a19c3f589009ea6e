"""Shared fixtures: paths, a throw-away copy of the project, golden-file comparison."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED_SOURCE = ROOT / "resolutions" / "A-RES-73-266" / "source.txt"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite the golden files in tests/golden from the current output"
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """``golden(name, actual)``: compare with ``tests/golden/<name>``, or rewrite it with --update-golden."""
    update = request.config.getoption("--update-golden")

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        assert path.exists(), f"no golden file {path.name}; run pytest --update-golden and review the diff"
        expected = path.read_text(encoding="utf-8")
        assert actual == expected, f"output differs from tests/golden/{name}; if intended, run pytest --update-golden"

    return check


def copy_project(dest: Path) -> Path:
    """A copy of the site's sources (not its generated pages) in ``dest``; returns its mkdocs.yml."""
    for name in ("mkdocs.yml", "CONTRIBUTING.md"):
        shutil.copy(ROOT / name, dest / name)
    for name in ("templates", "resolutions"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copytree(
        ROOT / "docs",
        dest / "docs",
        ignore=shutil.ignore_patterns("index.md", "contributing.md", "A", "S", "E", "documents", "topics"),
    )
    return dest / "mkdocs.yml"


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path)
