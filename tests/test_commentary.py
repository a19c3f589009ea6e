"""Contributing commentary: front matter, stale commentary, checks against hostile input, topics."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.commentary import new_slot_text, read_slot, stamp_file, text_hash
from generator.contributed import render_markdown
from generator.lint import lint_markdown
from generator.store import load_resolution
from tests.conftest import ROOT, copy_project
from tests.site_server import build_site

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


def test_the_template_as_it_comes_is_refused_line_by_line(tmp_path: Path) -> None:
    """A new file filled from the "Add commentary" link: every placeholder is refused at its line,
    the author's name and institution, the date and the body, even with a real text written."""
    template = new_slot_text()
    lines = template.splitlines()
    wanted = {
        "Your name": lines.index("  - name: Your name") + 1,
        "Your institution": next(i for i, t in enumerate(lines) if "Your institution" in t) + 1,
        "YYYY-MM-DD": next(i for i, t in enumerate(lines) if t.startswith("updated:")) + 1,
    }
    for text in (template, template.replace("Write your commentary on this paragraph here, in Markdown.", "Text.")):
        _, problems = read_slot(write(tmp_path, text), "op-1", "op-1.md", {})
        found = {p.snippet: p.line for p in problems if "placeholder" in p.message}
        assert {k: found.get(k) for k in wanted} == wanted, [p.format() for p in problems]
    # Once each placeholder is replaced, nothing is left to refuse.
    done = (
        template.replace("Your name", "Ada Lovelace")
        .replace("    affiliation: Your institution (or delete this line)\n", "")
        .replace("YYYY-MM-DD", "2026-11-27")
        .replace("Write your commentary on this paragraph here, in Markdown.", "Text.")
    )
    assert read_slot(write(tmp_path, done), "op-1", "op-1.md", {})[1] == []


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


# -- Markdown checks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("## A heading\n\nText", 1, "headings are not allowed"),
        ("Title\n-----\n\nText", 1, "headings are not allowed"),
        ("Text <b>bold</b> text", 1, "raw HTML is not allowed"),
        ("Intro.\n\n<div>\nblock\n</div>", 3, "raw HTML is not allowed"),
        ("A\n[x](javascript:alert(1))", 2, "link address not allowed"),
        ("[x](../../etc/passwd)", 1, "link address not allowed"),
        ("[x](//evil.example/)", 1, "link address not allowed"),
        ('<https://e.org/"onmouseover="x>', 1, "link address not allowed"),
        ("![pixel](https://tracker.example/p.gif)", 1, "images are not shown"),
        ("Text.\n{: .class onclick=x }", 2, "attribute lists"),
    ],
)
def test_what_check_refuses(body: str, line: int, message: str) -> None:
    problems = lint_markdown(body, "c.md", 1)
    assert [(p.line, p.message[: len(message)]) for p in problems] == [(line, message)]


@pytest.mark.parametrize(
    "body",
    [
        "Intro:\n- item\n- item\n\nMore.",
        "Intro.\n\n- outer\n  - nested",
        "Intro.\n\n3. three\n4. four",
        "Code: `<script>` and\n\n```html\n<b>html</b>\n```",
        "A [link](https://example.org) and <https://example.org/auto> and [op](#op-3) and [x](A/RES/73/6#op-1).",
        "Text\n\n---\n\nAfter a rule.",
        "A footnote[^1].\n\n[^1]: The note.",
        "| a | b |\n|---|--:|\n| 1 | 2 |",
        "Mail [me](mailto:a@example.org); ~~struck~~; a < b and c > d.",
    ],
)
def test_good_markdown_passes(body: str) -> None:
    assert lint_markdown(body, "c.md", 1) == []


@pytest.mark.parametrize(
    "target",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:x",
        "java&#115;cript:x",
        "jav&#x09;ascript:x",
        "data:text/html,x",
        "vbscript:x",
    ],
)
def test_disguised_scripts_lose_their_link(target: str) -> None:
    html = str(render_markdown(f"[words]({target})", lambda href: None, "c-x-").html)
    assert "href" not in html and "words" in html


def test_rendering_keeps_safe_markdown_and_shows_html_as_text() -> None:
    body = "Keep `<b>` and [x](https://e.org) and <https://e.org/a>; show <i>x</i> as text; ![i](https://e.org/i.png)"
    html = str(render_markdown(body, lambda href: None, "c-x-").html)
    assert "<code>&lt;b&gt;</code>" in html
    assert '<a href="https://e.org" rel="nofollow ugc noopener noreferrer">x</a>' in html
    assert '<a href="https://e.org/a" rel="nofollow ugc noopener noreferrer">https://e.org/a</a>' in html
    assert "&lt;i&gt;x&lt;/i&gt;" in html
    assert "<img" not in html and '<a href="https://e.org/i.png" rel="nofollow ugc noopener noreferrer">i</a>' in html


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
    # Each commentary numbers and lists its own notes, under ids of its own.
    assert 'id="c-op-4-fn-1"' in page and 'id="c-op-5-fn-1"' in page
    assert '<a class="footnote-ref" href="#c-op-4-fn-1">1</a>' in page
    assert "First slot's note." in page.split('id="c-op-4-fn-1"')[1].split("</li>")[0]
    # The official footnotes keep their numbers 1 to 3, and are the only notes listed with them.
    assert re.search(r'<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>', page)
    official = re.split(r'<div class="footnote"[^>]*>', page)[1].split("</div>")[0]
    assert official.count("<li ") == 3 and "slot's note" not in official


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
    assert '<h2 id="g-add-or-edit-commentary-step-by-step">' in guide


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
    assert publish["jobs"]["deploy"]["permissions"]["pages"] == "write"  # the deploy job alone (test_workflows.py)
