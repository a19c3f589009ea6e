"""Contributing commentary: front matter, stale commentary, checks against hostile input, topics."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from generator.commentary import read_slot, stamp_file, text_hash
from generator.lint import is_safe_url, lint_markdown, sanitise
from generator.store import load_resolution
from tests.conftest import ROOT, copy_project
from tests.site_server import build_site

HOSTILE = sorted(p for p in (Path(__file__).parent / "fixtures" / "hostile").glob("*.md") if p.name != "README.md")
FRONT = "---\nauthors:\n  - name: A. Contributor\nupdated: 2026-11-27\n---\n\n"
SLOT = "resolutions/A-RES-73-266/commentary/op-2.md"


def check(config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--config", str(config), "check"], capture_output=True, text=True
    )


# -- front matter ----------------------------------------------------------------------------


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "op-1.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_front_matter_fields(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "---\nauthors:\n  - name: Ada\n    affiliation: Uni\n    link: https://example.org/ada\n  - Bob\n"
        "updated: 2026-11-27\ntags: [norms]\nsources:\n  - UN Doc A/70/174\n---\n\nText.\n",
    )
    slot, problems = read_slot(path, "op-1", "op-1.md", {"norms": None})  # type: ignore[dict-item]
    assert problems == []
    assert [(a.name, a.affiliation, a.link) for a in slot.authors] == [
        ("Ada", "Uni", "https://example.org/ada"),
        ("Bob", "", ""),
    ]
    assert str(slot.updated) == "2026-11-27"
    assert slot.tags == ("norms",)
    assert slot.sources == ("UN Doc A/70/174",)
    assert (slot.body, slot.body_line) == ("Text.", 13)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("---\nauthor:\n  - name: A\nupdated: 2026-11-27\n---\nText.\n", 2, "unknown front matter field 'author'"),
        ("---\nauthors: [{name: A}]\nupdated: 27/11/2026\n---\nText.\n", 3, "'updated' is not a date"),
        ("---\nauthors: [{name: A}]\nupdated: 2026-11-27\ntags: [norm]\n---\nText.\n", 4, "unknown tag 'norm'"),
        ("---\nauthors: [{name: A}]\nupdated: 2026-11-27\n---\nText.\n", None, None),
        ("---\nupdated: 2026-11-27\n---\nText.\n", 1, "commentary needs its authors"),
        ("---\nauthors: [{affiliation: X}]\nupdated: 2026-11-27\n---\nText.\n", 2, "an author needs a name"),
        ("---\nauthors: [{name: A, link: 'javascript:x'}]\nupdated: 2026-11-27\n---\nT.\n", 2, "author link must be"),
        ("---\nauthors: [{name: A}\nupdated: 2026-11-27\n---\nText.\n", 3, "front matter is not valid YAML"),
        (
            "---\nauthors: [{name: A}]\nupdated: 2026-11-27\n---\nWrite your commentary on this paragraph here.\n",
            5,
            "placeholder text",
        ),
    ],
)
def test_front_matter_problems(tmp_path: Path, text: str, line: int | None, message: str | None) -> None:
    _, problems = read_slot(write(tmp_path, text), "op-1", "op-1.md", {"norms": None})  # type: ignore[dict-item]
    if message is None:
        assert problems == []
        return
    assert any(p.line == line and message in p.message for p in problems), [p.format() for p in problems]


# -- Markdown lint -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("Intro:\n- item\n- item", 2, "a list needs a blank line before it"),
        ("Intro:\n1. item", 2, "a list needs a blank line before it"),
        ("Intro.\n\n- outer\n  - nested", 4, "a nested list must be indented by 4 spaces"),
        ("Intro.\n\n3. three\n4. four", 3, "a numbered list must start at 1"),
        ("## A heading\n\nText", 1, "headings are not allowed"),
        ("Title\n-----\n\nText", 2, "headings are not allowed"),
    ],
)
def test_markdown_that_python_markdown_reads_differently(body: str, line: int, message: str) -> None:
    problems = lint_markdown(body, "c.md", 1)
    assert [(p.line, p.message[: len(message)]) for p in problems] == [(line, message)]


@pytest.mark.parametrize(
    "body",
    [
        "Intro.\n\n- item\n- item\n\nMore.",
        "Intro.\n\n- outer\n    - nested",
        "Intro.\n\n1. one\n2. two",
        "Code: `<script>` and\n\n```\n<b>html</b>\n```",
        "A [link](https://example.org) and <https://example.org/auto> and [op](#op-3).",
        "Text\n\n---\n\nAfter a rule.",
        "A footnote[^1].\n\n[^1]: The note.",
    ],
)
def test_good_markdown_passes(body: str) -> None:
    assert lint_markdown(body, "c.md", 1) == []


def test_unsafe_urls() -> None:
    for url in ["javascript:alert(1)", "JAVASCRIPT:x", "java&#115;cript:x", "jav&#x09;ascript:x", "data:,x", "//x.org"]:
        assert not is_safe_url(url), url
    for url in ["https://example.org/a?b#c", "http://x.org", "mailto:a@b.org", "#op-3", "A/RES/73/266#op-1"]:
        assert is_safe_url(url), url


def test_sanitise_keeps_code_and_safe_markdown() -> None:
    body = "Keep `<b>` and [x](https://e.org) and <https://e.org/a>; drop <i>x</i> and [y](javascript:z) {: .c }"
    out = sanitise(body)
    assert "`<b>`" in out and "[x](https://e.org)" in out and "<https://e.org/a>" in out
    assert "&lt;i>x&lt;/i>" in out and "javascript" not in out and "\\{: .c }" in out


# -- hostile commentary ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[str]]]:
    """One site for all cases: each case goes into an empty slot (two to a slot when slots run out).

    Returns the config and, per case, the ``file:line`` of each of its lines.
    """
    tmp = tmp_path_factory.mktemp("hostile")
    config = copy_project(tmp)
    folder = tmp / "resolutions/A-RES-73-266/commentary"
    res = load_resolution(tmp / "resolutions/A-RES-73-266/resolution.yaml")
    free = [p.id for p in res.paragraphs() if not (folder / f"{p.id}.md").exists()]
    bodies: dict[str, str] = {}
    placed = {}
    for i, case in enumerate(HOSTILE):
        pid = free[i % len(free)]
        text = bodies.get(pid, FRONT)
        if pid in bodies:
            text += "\n"
        first = text.count("\n") + 1
        lines = case.read_text("utf-8").count("\n")
        placed[case.stem] = [f"resolutions/A-RES-73-266/commentary/{pid}.md:{n}" for n in range(first, first + lines)]
        bodies[pid] = text + case.read_text("utf-8")
    for pid, text in bodies.items():
        (folder / f"{pid}.md").write_text(text, encoding="utf-8")
    return config, placed


@pytest.mark.parametrize("case", [p.stem for p in HOSTILE])
def test_check_refuses_hostile_commentary(case: str, hostile_site: tuple[Path, dict[str, list[str]]]) -> None:
    config, placed = hostile_site
    result = getattr(test_check_refuses_hostile_commentary, "result", None)
    if result is None:
        result = check(config)
        test_check_refuses_hostile_commentary.result = result  # type: ignore[attr-defined]
    assert result.returncode == 1
    assert any(f"{where}: " in result.stderr for where in placed[case]), result.stderr


class _Elements(HTMLParser):
    """Every element and attribute actually present in a piece of HTML (text is not markup)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_comment(self, data: str) -> None:
        self.tags.append(("!--", []))


ALLOWED = {"details", "summary", "p", "a", "em", "strong", "code", "pre", "ul", "ol", "li", "sup", "br", "span", "div"}


def test_hostile_commentary_never_reaches_the_html(hostile_site: tuple[Path, dict[str, list[str]]]) -> None:
    """Even when `check` is skipped and the build is not strict, the site shows it as text."""
    config, _ = hostile_site
    result = build_site(config, strict=False)
    assert result.returncode == 0, result.stderr
    assert "raw HTML is not allowed in commentary" in result.stderr  # the build warns
    page = (config.parent / "site/A/RES/73/266/index.html").read_text("utf-8")
    blocks = re.findall(r'<details class="commentary".*?</details>', page, re.S)
    assert len(blocks) >= 21
    for block in blocks:
        parser = _Elements()
        parser.feed(block)
        for tag, attrs in parser.tags:
            assert tag in ALLOWED, (tag, block)
            for name, value in attrs:
                assert not name.startswith("on") and name != "style", (name, block)
                if name in ("href", "src"):
                    assert value is not None and is_safe_url(value), (value, block)
    assert "alert(1)" in page  # the words are still there, as text


# -- stale commentary and stamping ------------------------------------------------------------


def test_stamp_then_changed_text_marks_commentary_stale(tmp_path: Path) -> None:
    config = copy_project(tmp_path)
    slot = tmp_path / "resolutions/A-RES-73-266/commentary/op-3.md"
    before = slot.read_text("utf-8")
    res = load_resolution(tmp_path / "resolutions/A-RES-73-266/resolution.yaml")
    op3 = res.find("op-3")
    assert op3 is not None
    assert f"text_hash: {text_hash(op3)}" in before  # committed commentary is stamped
    assert not stamp_file(slot, op3)  # stamping again changes nothing
    data = tmp_path / "resolutions/A-RES-73-266/resolution.yaml"
    data.write_text(data.read_text("utf-8").replace("to continue to study", "to study"), encoding="utf-8")
    result = check(config)
    assert result.returncode == 0
    assert "warning: resolutions/A-RES-73-266/commentary/op-3.md:1: the text of op-3 has changed" in result.stderr
    assert build_site(config).returncode == 0
    page = (tmp_path / "site/A/RES/73/266/index.html").read_text("utf-8")
    stale = re.findall(r'<details class="commentary".*?</details>', page, re.S)
    assert ["earlier version of this paragraph" in b for b in stale] == [False, False, False, True]
    # After review, stamping the file records the new text; the body is untouched.
    subprocess.run(
        [sys.executable, "-m", "generator", "--config", str(config), "stamp", str(slot)],
        check=True,
        capture_output=True,
    )
    after = slot.read_text("utf-8")
    assert after.split("---\n", 2)[2] == before.split("---\n", 2)[2]
    assert "warning" not in check(config).stderr


# -- footnotes in commentary -------------------------------------------------------------------


def test_footnotes_of_different_slots_never_collide(tmp_path: Path) -> None:
    config = copy_project(tmp_path)
    for pid, note in (("op-4", "First slot's note."), ("op-5", "Second slot's note.")):
        (tmp_path / f"resolutions/A-RES-73-266/commentary/{pid}.md").write_text(
            FRONT + f"Commentary with a note.[^1]\n\n[^1]: {note}\n", encoding="utf-8"
        )
    assert check(config).returncode == 0
    assert build_site(config).returncode == 0
    page = (tmp_path / "site/A/RES/73/266/index.html").read_text("utf-8")
    assert 'id="fn:op-4-1"' in page and 'id="fn:op-5-1"' in page
    # The official footnotes keep their numbers 1 to 3.
    assert re.search(r'<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>', page)
    assert re.search(r'href="#fn:op-4-1">4</a>', page)


# -- topics, guide, trust signals --------------------------------------------------------------


def test_topic_pages(tmp_path: Path) -> None:
    config = copy_project(tmp_path)
    assert build_site(config).returncode == 0
    index = (tmp_path / "site/topics/index.html").read_text("utf-8")
    assert "Norms of responsible State behaviour" in index
    norms = (tmp_path / "site/topics/norms/index.html").read_text("utf-8")
    tagged = [
        p.stem
        for p in sorted((ROOT / "resolutions/A-RES-73-266/commentary").glob("*.md"))
        if "norms" in (yaml.safe_load(p.read_text("utf-8").split("---")[1]).get("tags") or [])
    ]
    assert tagged
    for pid in tagged:
        assert f'href="../../A/RES/73/266/#{pid}"' in norms


def test_contributors_guide_is_in_the_site(tmp_path: Path) -> None:
    config = copy_project(tmp_path)
    (tmp_path / "CONTRIBUTING.md").write_text((ROOT / "CONTRIBUTING.md").read_text("utf-8"))
    assert build_site(config).returncode == 0
    guide = (tmp_path / "site/contributing/index.html").read_text("utf-8")
    assert "Add or edit commentary, step by step" in guide
    assert "a list needs a blank line before it" in guide


def test_workflows_run_the_tests_and_publish() -> None:
    pr = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text("utf-8"))
    assert "pull_request" in pr[True]  # YAML reads the key `on` as True
    steps = [s.get("run", "") for job in pr["jobs"].values() for s in job["steps"]]
    assert "make test" in steps
    assert any("python -m generator check" in s for s in steps)
    publish = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text("utf-8"))
    assert publish[True]["push"]["branches"] == ["main"]
    build_steps = publish["jobs"]["build"]["steps"]
    assert any(s.get("run") == "make site" for s in build_steps)
    assert "--strict" in (ROOT / "Makefile").read_text("utf-8").split("site: install")[1].split("\n")[1]
    uses = [s.get("uses", "") for job in publish["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)
    assert publish["permissions"]["pages"] == "write"
