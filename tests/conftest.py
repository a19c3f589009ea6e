"""Shared fixtures: paths, a throw-away copy of the project, golden-file comparison."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.site_server import build_site, free_port, serve

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


CORE = ("A-RES-73-266", "A-RES-73-6", "A-RES-73-7", "A-RES-ES-11-4", "S-RES-1590-2005")
"""The five resolutions the site started with (text, Markdown and PDF imports): tests that count
pages or units, or add resolutions of their own, work on these alone."""


LANGUAGE_DIRS = ("ar", "zh", "fr", "ru", "es", "de")
"""Folders of docs/ that hold generated language versions of the resolutions' pages."""


def copy_project(dest: Path, core: bool = False) -> Path:
    """A copy of the site's sources (not its generated pages) in ``dest``; returns its mkdocs.yml.

    ``core``: with the :data:`CORE` resolutions only."""
    for name in ("mkdocs.yml", "CONTRIBUTING.md"):
        shutil.copy(ROOT / name, dest / name)
    for name in ("templates", "overrides"):
        shutil.copytree(ROOT / name, dest / name)
    if core:
        (dest / "resolutions").mkdir()
        for entry in (ROOT / "resolutions").iterdir():
            if entry.is_file():
                shutil.copy(entry, dest / "resolutions" / entry.name)
            elif entry.name in CORE:
                shutil.copytree(entry, dest / "resolutions" / entry.name)
    else:
        shutil.copytree(ROOT / "resolutions", dest / "resolutions")
    shutil.copytree(
        ROOT / "docs",
        dest / "docs",
        ignore=shutil.ignore_patterns(
            "index.md",
            "contributing.md",
            "A",
            "S",
            "E",
            "documents",
            "topics",
            "states",
            "browse",
            *LANGUAGE_DIRS,
        ),
    )
    return dest / "mkdocs.yml"


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


@pytest.fixture
def core_copy(tmp_path: Path) -> Path:
    """A copy of the project with the :data:`CORE` resolutions only."""
    return copy_project(tmp_path, core=True)


# -- browser tests: the site built once per session, served on 127.0.0.1, Debian's Chromium -----

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


READER_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "reader"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The site built from a copy of the project (plus a commentary with a note of its own, on
    A/RES/73/7 operative paragraph 1) for ``http://127.0.0.1:<port>/``: (its folder, port)."""
    tmp = tmp_path_factory.mktemp("site")
    config = copy_project(tmp, core=True)
    notes = tmp / "resolutions/A-RES-73-7/commentary"
    notes.mkdir(exist_ok=True)
    shutil.copy(READER_FIXTURES / "A-RES-73-7-op-1.md", notes / "op-1.md")
    port = free_port()
    result = build_site(config, site_url=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.stderr
    return tmp / "site", port


@pytest.fixture(scope="session")
def site_url(built_site: tuple[Path, int]) -> Iterator[str]:
    """The built site served on 127.0.0.1 at another port than its site_url: nothing a reader
    uses may depend on being served at site_url."""
    with serve(built_site[0]) as url:
        assert not url.endswith(f":{built_site[1]}")
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed: run `make chromium` (make test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: object, request: pytest.FixtureRequest) -> Iterator[object]:
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    options = getattr(request, "param", None) or {"viewport": {"width": 1280, "height": 900}}
    context = browser.new_context(**options)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    context.close()
    assert not errors, f"JavaScript errors: {errors}"
