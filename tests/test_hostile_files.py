"""Hostile files, YAML, symbols and caches: refused with ``path:line``, no traceback, nothing
written outside docs/.

The cases of tests/fixtures/hostile/yaml/ and files/ are files; links, oversize files and cache
entries are made here at run time (git would store a link as a link, and large files have no
place in the repository).  Each project is a copy of the site with the core resolutions; every
command runs as a user would run it, in a child process with a generous time limit (a limit on
a hang, not a speed assertion).
"""

from __future__ import annotations

import os
import pickle
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator import cache, yamlsafe
from generator.errors import DataError
from tests.conftest import ROOT, SEED_SOURCE, copy_project
from tests.site_server import build_site

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
YAML_CASES = sorted((HOSTILE / "yaml").glob("*.yaml"))
FRONT = "---\nauthors:\n  - name: A. Contributor\nupdated: 2026-11-27\n---\n\n"
SECRET = "SECRET-7f3a91"
"""Written in files outside the project: must never reach docs/ or the site."""
FREE_SLOTS = ("pp-1", "pp-2", "pp-3", "pp-4", "pp-5", "pp-6", "pp-7", "pp-8", "pp-9", "pp-11", "pp-13")
"""Paragraphs of A/RES/73/266 without commentary in the repository."""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the site (core resolutions) in tmp_path/site; returns its mkdocs.yml."""
    root = tmp_path / "site"
    root.mkdir()
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text(f"{SECRET}\n", "utf-8")
    return copy_project(root, core=True)


def run(config: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    """``python -m generator --config CONFIG ARGS`` with its own cache key and a secret in its
    environment (which must never reach a page)."""
    env = dict(os.environ, XDG_CONFIG_HOME=str(config.parent.parent / "config"), AR_TEST_ENV=SECRET)
    return subprocess.run(
        [sys.executable, "-m", "generator", "--config", str(config), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def snapshot(tmp_path: Path) -> dict[str, bytes]:
    """Every file under tmp_path except what the generator may write (docs/, its cache)."""
    out = {}
    for path in sorted(tmp_path.rglob("*")):
        rel = path.relative_to(tmp_path).as_posix()
        if rel.startswith(("site/docs/", "site/.cache/", "config/")) or path.is_symlink() or not path.is_file():
            continue
        out[rel] = path.read_bytes()
    return out


def published(config: Path) -> str:
    """Everything under docs/ (and site/ if built), as text."""
    parts = []
    for folder in (config.parent / "docs", config.parent / "site"):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if path.is_file() and not path.is_symlink():
                parts.append(path.read_bytes().decode("utf-8", "replace"))
    return "\n".join(parts)


def refused(result: subprocess.CompletedProcess[str], code: int) -> str:
    out = result.stdout + result.stderr
    assert result.returncode == code, out[-4000:]
    assert "Traceback" not in out, out[-4000:]
    return out


def assert_named(out: str, shown: str, message: str, line: bool = True) -> None:
    """``shown:LINE: ...message`` (or ``shown: ...message`` for a whole file) is in ``out``."""
    where = rf"{re.escape(shown)}:[1-9][0-9]*" if line else re.escape(shown)
    assert re.search(rf"^(error: )?{where}: .*{re.escape(message)}", out, re.M), (shown, message, out[-4000:])


# -- YAML: bombs, depth, duplicate keys, tags, dates -------------------------------------------


def test_the_yaml_cases_cover_every_class() -> None:
    names = {p.stem for p in YAML_CASES}
    assert {"alias-bomb", "deep-block", "deep-flow", "duplicate-key", "python-tag", "impossible-date"} <= names


@pytest.mark.parametrize("case", YAML_CASES, ids=lambda p: p.stem)
def test_yaml_loader_refuses_with_a_line(case: Path) -> None:
    with pytest.raises(DataError) as info:
        yamlsafe.load(case.read_text("utf-8"), case.name)
    (problem,) = info.value.problems
    assert problem.path == case.name and problem.line > 0, problem.format()


def test_yaml_within_limits_is_read() -> None:
    data = yamlsafe.load("a: &x [1, 2]\nb: *x\nc: 2018-12-22\nd: {e: [f]}\n", "ok.yaml")
    assert data["a"] == data["b"] == [1, 2] and str(data["c"]) == "2018-12-22"


def test_hostile_yaml_in_every_contributed_place_is_refused(project: Path, tmp_path: Path) -> None:
    root = project.parent
    expected = []
    for i, case in enumerate(YAML_CASES):
        text = case.read_text("utf-8")
        folder = root / "resolutions" / f"Y-{i}"
        folder.mkdir()
        (folder / "resolution.yaml").write_text(text, "utf-8")
        expected.append(f"resolutions/Y-{i}/resolution.yaml")
        slot = root / "resolutions/A-RES-73-266/commentary" / f"{FREE_SLOTS[i]}.md"
        slot.write_text(f"---\n{text}---\n\nText.\n", "utf-8")
        expected.append(f"resolutions/A-RES-73-266/commentary/{FREE_SLOTS[i]}.md")
    before = snapshot(tmp_path)
    out = refused(run(project, "check", timeout=120), 1)
    for shown in expected:
        assert_named(out, shown, "")
    out = refused(run(project, "build", timeout=120), 2)
    assert "resolutions/Y-0/resolution.yaml:" in out
    assert snapshot(tmp_path) == before
    assert not (root / "pwned").exists()


def test_alias_bombs_in_tags_and_adoption_data_are_refused(project: Path) -> None:
    root = project.parent
    bomb = (HOSTILE / "yaml" / "alias-bomb.yaml").read_text("utf-8")
    (root / "resolutions/tags.yaml").write_text(bomb, "utf-8")
    (root / "resolutions/A-RES-73-6/adoption.yaml").write_text(bomb, "utf-8")
    out = refused(run(project, "check", timeout=120), 1)
    assert_named(out, "resolutions/tags.yaml", "alias bomb")
    assert_named(out, "resolutions/A-RES-73-6/adoption.yaml", "alias bomb")


# -- symbols: the UN grammar before any path ----------------------------------------------------


@pytest.mark.parametrize(
    "symbol",
    ["A/../../../x", "/tmp/A/RES/1/1", "A/RES/1/1/../../../../x", "A\\RES\\1\\1", "A/RES/1/1\n", "a/res/1/1"],
)
def test_symbols_are_checked_before_any_path(project: Path, tmp_path: Path, symbol: str) -> None:
    root = project.parent
    data_file = root / "resolutions/A-RES-73-7/resolution.yaml"
    text = data_file.read_text("utf-8")
    quoted = '"' + symbol.replace("\\", "\\\\").replace("\n", "\\n") + '"'
    data_file.write_text(re.sub(r"^symbol: .*$", lambda _: f"symbol: {quoted}", text, count=1, flags=re.M), "utf-8")
    line = text[: text.index("\nsymbol: ")].count("\n") + 2
    before = snapshot(tmp_path)
    out = refused(run(project, "check", timeout=120), 1)
    assert f"resolutions/A-RES-73-7/resolution.yaml:{line}: symbol:" in out, out
    out = refused(run(project, "build", timeout=120), 2)
    assert f"resolutions/A-RES-73-7/resolution.yaml:{line}: symbol:" in out, out
    assert snapshot(tmp_path) == before
    assert not list(tmp_path.rglob("x")) and not (tmp_path.parent / "x").exists()


def test_a_symbol_given_on_the_command_line_is_checked(project: Path, tmp_path: Path) -> None:
    before = snapshot(tmp_path)
    out = refused(run(project, "import", str(SEED_SOURCE), "--symbol", "A/../../../x"), 2)
    assert "--symbol: 'A/../../../x' is not the symbol of a resolution" in out
    out = refused(run(project, "export", "A/../../x", "--format", "json"), 2)
    assert "is not the symbol of a resolution" in out
    assert snapshot(tmp_path) == before


def test_every_output_path_stays_inside_its_folder(tmp_path: Path) -> None:
    from generator.build import write_pages
    from generator.paths import UnsafePathError, inside

    docs = tmp_path / "docs"
    docs.mkdir()
    for rel in ("../x.md", "A/../../x.md", "/etc/x.md", "A\\..\\x.md", "A//x.md", "./x.md", "A/\x00.md", ""):
        with pytest.raises(UnsafePathError):
            write_pages(docs, {rel: "x"}, remove=False)
    (tmp_path / "elsewhere").mkdir()
    (docs / "A").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(UnsafePathError):
        inside(docs, "A/RES/1/1/index.md")
    assert list(tmp_path.rglob("*.md")) == []
    assert inside(docs, "B/RES/1/1/index.md") == docs / "B" / "RES" / "1" / "1" / "index.md"


# -- files: links, sizes, encodings ------------------------------------------------------------


def test_symlinks_are_never_followed(project: Path, tmp_path: Path) -> None:
    root = project.parent
    outside = tmp_path / "outside"
    (outside / "op-1.md").write_text(FRONT + SECRET + "\n", "utf-8")
    (outside / "commentary").mkdir()
    (outside / "commentary" / "op-1.md").write_text(FRONT + SECRET + "\n", "utf-8")
    shutil.copytree(root / "resolutions/A-RES-73-7", outside / "resolution")
    links = {
        "resolutions/A-RES-73-266/commentary/op-2.md": outside / "op-1.md",
        "resolutions/A-RES-73-266/commentary/op-4.md": Path("/proc/self/environ"),
        "resolutions/A-RES-73-6/commentary": outside / "commentary",
        "resolutions/A-RES-99-9": outside / "resolution",
        "resolutions/S-RES-1590-2005/resolution.yaml": Path("/dev/zero"),
        "resolutions/tags.yaml": outside / "secret.txt",
        "CONTRIBUTING.md": outside / "secret.txt",
        "templates/evil.j2": Path("/proc/self/environ"),
        "overrides/partials/evil.html": outside / "secret.txt",
    }
    for rel, target in links.items():
        path = root / rel
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
        path.symlink_to(target)
    before = snapshot(tmp_path)
    out = refused(run(project, "check", timeout=120), 1)
    for rel in links:
        assert_named(out, rel, "symlink, not followed", line=False)
    out = refused(run(project, "build", timeout=120), 2)
    assert "symlink, not followed" in out
    built = build_site(project, strict=False)
    assert built.returncode != 0 and "symlink, not followed" in built.stderr
    assert snapshot(tmp_path) == before
    assert SECRET not in published(project)


def test_oversize_files_are_refused(project: Path) -> None:
    root = project.parent
    sizes = {
        "resolutions/A-RES-73-266/commentary/pp-1.md": 300 * 1024,
        "resolutions/A-RES-73-7/resolution.yaml": 9 * 1024 * 1024,
        "resolutions/A-RES-73-6/adoption.yaml": 2 * 1024 * 1024,
        "resolutions/tags.yaml": 300 * 1024,
        "CONTRIBUTING.md": 600 * 1024,
    }
    for rel, size in sizes.items():
        path = root / rel
        base = path.read_text("utf-8") if path.exists() else FRONT
        padding = "\n# " + "x" * 78 if rel.endswith(".yaml") else "\nwords " + "words " * 13
        path.write_text(base + padding * (size // len(padding) + 1) + "\n", "utf-8")
    out = refused(run(project, "check", timeout=180), 1)
    for rel in sizes:
        assert_named(out, rel, "too large", line=False)
    refused(run(project, "build", timeout=180), 2)


def test_invalid_utf8_is_refused_at_its_line(project: Path) -> None:
    root = project.parent
    bad = (HOSTILE / "files" / "bad-utf8-commentary.md.bin").read_bytes()
    (root / "resolutions/A-RES-73-266/commentary/pp-2.md").write_bytes(bad)
    expected = {"resolutions/A-RES-73-266/commentary/pp-2.md": bad[: bad.index(b"\xff")].count(b"\n") + 1}
    for rel, line in (
        ("resolutions/A-RES-73-7/resolution.yaml", 5),
        ("resolutions/tags.yaml", 3),
        ("CONTRIBUTING.md", 2),
        ("resolutions/A-RES-73-6/adoption.yaml", 4),
    ):
        path = root / rel
        lines = path.read_bytes().split(b"\n")
        lines[line - 1] += b" \xc3\x28"
        path.write_bytes(b"\n".join(lines))
        expected[rel] = line
    out = refused(run(project, "check", timeout=120), 1)
    for rel, line in expected.items():
        assert re.search(rf"^(error: )?{re.escape(rel)}:{line}: not valid UTF-8", out, re.M), (rel, out[-3000:])
    refused(run(project, "build", timeout=120), 2)


def test_impossible_dates_are_refused_at_their_line(project: Path) -> None:
    root = project.parent
    (root / "resolutions/A-RES-73-266/commentary/pp-3.md").write_text(
        "---\nauthors:\n  - name: A. Contributor\nupdated: 2026-02-30\n---\n\nText.\n", "utf-8"
    )
    data_file = root / "resolutions/A-RES-73-7/resolution.yaml"
    text = data_file.read_text("utf-8")
    unquoted = re.sub(r"^(  date: )'?[0-9]{4}-[0-9]{2}-[0-9]{2}'?$", r"\g<1>2018-02-30", text, count=1, flags=re.M)
    assert unquoted != text
    data_file.write_text(unquoted, "utf-8")
    line = unquoted[: unquoted.index("2018-02-30")].count("\n") + 1
    out = refused(run(project, "check", timeout=120), 1)
    assert_named(out, "resolutions/A-RES-73-266/commentary/pp-3.md", "impossible date '2026-02-30'")
    assert f"resolutions/A-RES-73-7/resolution.yaml:{line}: not valid YAML: impossible date" in out, out


# -- the cache: data, not code ------------------------------------------------------------------


class _Payload:
    """A pickle that, if ever loaded, creates the file it names."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


def test_a_hostile_cache_is_never_trusted(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project.parent
    refused(run(project, "build", timeout=300), 0)
    entries = root / ".cache/annotated-resolutions"
    assert not list(entries.rglob("*.pickle"))
    summary = entries / "summary"
    assert (summary / "A-RES-73-266.json").read_bytes().startswith(cache.HEADER)
    marker = tmp_path / "pickle-was-loaded"
    payload = pickle.dumps(_Payload(marker))
    # A pickle where an entry belongs, and one under the old cache's name.
    (summary / "A-RES-73-266.json").write_bytes(payload)
    (summary / "A-RES-73-6.pickle").write_bytes(payload)
    # A damaged entry, and one altered after it was written (its MAC no longer matches).
    (entries / "model" / "A-RES-73-7.json").write_bytes(cache.HEADER + b"0" * 64 + b"\n{not json")
    tampered = summary / "S-RES-1590-2005.json"
    data = tampered.read_bytes()
    assert b"Sudan" in data
    tampered.write_bytes(data.replace(b"Sudan", b"Hacked"))
    # A well-formed entry made on another machine (another secret), of the right shape.
    foreign = summary / "A-RES-ES-11-4.json"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "other-config"))
    cache._secret.cache_clear()
    cache.store_entry(foreign, "any key", ["not", "a", "summary"])
    cache._secret.cache_clear()
    checked = run(project, "check", timeout=300)
    out = refused(checked, 0)
    assert "pickle, never loaded; discarded" in out, out
    assert "made elsewhere or altered (its MAC does not match this machine's key); discarded" in out, out
    assert not marker.exists()
    shutil.rmtree(root / "docs" / "S")
    refused(run(project, "build", timeout=300), 0)
    page = (root / "docs/S/RES/1590(2005)/index.md").read_text("utf-8")
    assert "Sudan" in page and "Hacked" not in page
    assert not marker.exists()


def test_cache_entries_are_keyed_by_content_and_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    cache._secret.cache_clear()
    entry = tmp_path / "entry.json"
    cache.store_entry(entry, "key-1", ["a", "b"])
    assert cache.load_entry(entry, "key-1", list[str]) == ["a", "b"]
    assert cache.load_entry(entry, "key-2", list[str]) is None
    assert cache.load_entry(entry, "key-1", list[int]) is None  # another shape: discarded
    cache.store_entry(entry, "key-1", ["a", "b"])
    monkeypatch.setattr(cache, "code_version", lambda: "a tightened schema")
    assert cache.load_entry(entry, "key-1", list[str]) is None
    cache._secret.cache_clear()


def test_an_interrupted_build_is_repaired(project: Path) -> None:
    root = project.parent
    refused(run(project, "build", timeout=300), 0)
    docs = root / "docs"
    pages = {p: p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}
    (docs / "A/RES/73/6/index.md").unlink()
    (docs / "A/RES/73/6/citation.bib").unlink()
    half = docs / "A/RES/73/7/index.md"
    half.write_bytes(pages[half][: len(pages[half]) // 2])
    shutil.rmtree(docs / "topics")
    refused(run(project, "build", timeout=300), 0)
    assert {p: p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()} == pages


def test_docs_that_cannot_be_written_get_a_message(project: Path) -> None:
    root = project.parent
    shutil.rmtree(root / "docs", ignore_errors=True)
    (root / "docs").mkdir()
    (root / "docs" / "A").write_text("a file where a folder must be\n", "utf-8")
    out = refused(run(project, "build", timeout=300), 2)
    assert re.search(r"docs/A/RES/[^:]+: cannot be written", out), out
    shutil.rmtree(root / "docs")  # missing altogether: made again
    refused(run(project, "build", timeout=300), 0)
    assert (root / "docs/A/RES/73/266/index.md").exists()


# -- long adversarial input: bounded work -------------------------------------------------------

ADVERSARIAL = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from generator.commentary import is_web_address, read_slot
    from generator.contributed import plain_text, render_markdown
    from generator.lint import lint_markdown
    from generator.plaintext import text_problem
    from generator.references import find_references

    n = 20_000
    inputs = {
        "backticks": "`" * n,
        "backtick runs": "`a``b```c" * (n // 8),
        "brackets": "[" * n + "x" + "]" * n,
        "open brackets": "[" * n,
        "link openers": "[a](" * n,
        "nested links": "[" * 500 + "a" + "](b)" * 500,
        "emphasis": "*_" * n,
        "underscores": "_a" * n,
        "blockquotes": ">" * n + " x",
        "nested lists": "".join("  " * i + "- x\\n" for i in range(300)),
        "footnotes": "[^" * n,
        "angle brackets": "<" * n,
        "autolinks": "<https://a" * (n // 10),
        "entities": "&#" * n,
        "html comments": "<!--" * n,
        "tables": "|" * n + "\\n" + "|-" * n,
        "headings": "#" * n,
        "spaces": " " * n + "x",
        "symbols": "A/" * n,
        "resolution words": "resolution " * n,
        "control": "\\x00" * n,
        "newlines": "\\n" * n,
    }
    for name, text in inputs.items():
        lint_markdown(text, "c.md", 1)
        render_markdown(text, lambda href: None, "c-x-")
        plain_text(text)
        find_references(text)
        text_problem(text)
        is_web_address("https://a" + text)
        path = Path(sys.argv[1]) / "op-1.md"
        path.write_text("---\\n" + "authors: " + text[:2000] + "\\n---\\n" + text[:120_000], "utf-8")
        read_slot(path, "op-1", "op-1.md")
        print(name, flush=True)
    print("ok")
    """
)


def test_long_adversarial_input_is_handled_in_bounded_time(tmp_path: Path) -> None:
    """Every stage that reads contributed text, on long inputs built to make regular
    expressions backtrack and parsers recurse: no RecursionError, no hang (the limit is a
    generous guard against a hang, not a measure of speed)."""
    done = subprocess.run(
        [sys.executable, "-c", ADVERSARIAL, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    assert done.stdout.strip().endswith("ok")


def test_an_imported_text_printing_a_hostile_symbol_writes_nothing(project: Path, tmp_path: Path) -> None:
    text = SEED_SOURCE.read_text("utf-8").replace("General Assembly\n", "General Assembly\nA/RES/../../../x\n", 1)
    hostile = tmp_path / "outside" / "hostile.txt"
    hostile.write_text(text, "utf-8")
    before = snapshot(tmp_path)
    out = refused(run(project, "import", str(hostile)), 2)
    assert "is not the symbol of a resolution" in out, out
    assert snapshot(tmp_path) == before
    assert not list(tmp_path.rglob("x")) and not (tmp_path.parent / "x").exists()
