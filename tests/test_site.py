"""The whole site, built by MkDocs from a copy of the project."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.model import strip_notes
from generator.project import project_from_config
from generator.store import load_resolution
from tests.conftest import ROOT, copy_project
from tests.site_server import build_site


class _Text(HTMLParser):
    """Visible text of the article, without scripts and styles."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def page_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("built")
    result = build_site(copy_project(tmp))
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return tmp / "site"


def test_resolution_page_is_at_its_symbol(built: Path) -> None:
    assert (built / "A/RES/73/266/index.html").exists()
    assert (built / "index.html").exists()


def test_every_word_reaches_the_page(built: Path) -> None:
    res = load_resolution(ROOT / "resolutions/A-RES-73-266/resolution.yaml")
    text = page_text((built / "A/RES/73/266/index.html").read_text("utf-8"))
    position = 0
    for p in res.paragraphs():
        wording = " ".join(strip_notes(p.wording("en")).split())
        # Footnote markers render as superscript numbers right after the word they follow.
        pattern = r"(?:\s*[0-9]+)?\s*".join(re.escape(w) for w in wording.split())
        m = re.compile(pattern).search(text, position)
        assert m, f"{p.id} is not on the page, in order"
        position = m.end()
    squeezed = text.replace(" ", "")
    for f in res.footnotes:
        assert f.text.pick("en").replace(" ", "") in squeezed


def test_references_link_to_their_documents(built: Path) -> None:
    html = (built / "A/RES/73/266/index.html").read_text("utf-8")
    pp1 = re.search(r'<p[^>]*id="pp-1".*?</p>', html, re.S)
    assert pp1
    links = re.findall(r'href="https://undocs.org/([^"]+)"', pp1.group(0))
    assert len(links) == 20
    assert links[0] == "A/RES/53/70" and links[-1] == "A/DEC/72/512"
    for symbol in ("A/65/201", "A/68/98", "A/70/174", "A/73/505"):
        assert f'href="https://undocs.org/{symbol}"' in html
    assert 'href="#"' not in html


def test_vote_panel_reaches_the_page_as_written(built: Path) -> None:
    html = (built / "A/RES/73/266/index.html").read_text("utf-8")
    assert (
        '<p class="ar-vote ar-vote--recorded" data-yes="138" data-no="12" data-abstain="16" data-non-voting="27">'
        "Adopted by a recorded vote of 138 to 12, with 16 abstentions" in html
    )
    assert html.count('<svg class="ar-map"') == 1
    assert '<a href="../../../../states/cn/">China</a>' in html
    assert (built / "states/index.html").exists() and (built / "states/cn/index.html").exists()
    assert "Adoption type unknown" in (built / "A/RES/73/6/index.html").read_text("utf-8")


def test_home_lists_resolutions(built: Path) -> None:
    """The home page lists the latest resolutions; the browse pages every one."""
    html = (built / "index.html").read_text("utf-8")
    latest = max(
        (load_resolution(p) for p in (ROOT / "resolutions").glob("*/resolution.yaml")),
        key=lambda r: (r.adoption_date or date.min, r.symbol),
    )
    assert f'href="{latest.symbol}/"' in html
    assert f"{latest.adoption_date.day} {latest.adoption_date:%B %Y}" in html  # type: ignore[union-attr]
    assert 'href="browse/"' in html


def test_generated_markdown_builds_without_the_plugin(tmp_path: Path) -> None:
    config = copy_project(tmp_path)
    subprocess.run(
        [sys.executable, "-m", "generator", "--config", str(config), "build"], check=True, capture_output=True
    )
    text = config.read_text("utf-8")
    plain = re.sub(r"  - annotated-resolutions:\n(?:      .*\n)+", "", text)
    assert plain != text
    config.write_text(plain, encoding="utf-8")
    result = build_site(config)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site/A/RES/73/266/index.html").exists()
    # The vote panel and the State pages are plain files too.
    assert 'data-yes="138"' in (tmp_path / "site/A/RES/73/266/index.html").read_text("utf-8")
    assert "<h1>China</h1>" in (tmp_path / "site/states/cn/index.html").read_text("utf-8")


def test_commentary_for_a_missing_paragraph_fails_build_and_check(tmp_path: Path) -> None:
    config = copy_project(tmp_path)
    stray = tmp_path / "resolutions/A-RES-73-266/commentary/op-9.md"
    stray.write_text("Commentary on a paragraph the resolution does not have.\n", encoding="utf-8")
    result = build_site(config)
    assert result.returncode != 0
    assert "resolutions/A-RES-73-266/commentary/op-9.md:1: commentary for paragraph 'op-9'" in result.stderr
    assert "Traceback" not in result.stderr
    check = subprocess.run(
        [sys.executable, "-m", "generator", "--config", str(config), "check"], capture_output=True, text=True
    )
    assert check.returncode == 1
    assert "resolutions/A-RES-73-266/commentary/op-9.md:1" in check.stderr


def test_plugin_and_cli_write_the_same_pages(tmp_path: Path) -> None:
    """The plugin rewrites nothing after `python -m generator build`: no rebuild loop in serve."""
    config = copy_project(tmp_path)
    subprocess.run(
        [sys.executable, "-m", "generator", "--config", str(config), "build"], check=True, capture_output=True
    )
    docs = tmp_path / "docs"
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in docs.rglob("*") if p.is_file()}
    assert build_site(config).returncode == 0
    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in docs.rglob("*") if p.is_file()}
    assert after == before


def test_broken_resolution_data_is_reported_with_its_line(tmp_path: Path) -> None:
    config = copy_project(tmp_path)
    data = tmp_path / "resolutions/A-RES-73-266/resolution.yaml"
    lines = data.read_text("utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line == "- id: pp-2")
    lines[index] = "- id: pp-7"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    project = project_from_config(config)
    check = subprocess.run(
        [sys.executable, "-m", "generator", "--config", str(config), "check"], capture_output=True, text=True
    )
    assert check.returncode == 1
    assert f"resolutions/A-RES-73-266/resolution.yaml:{index + 1}: paragraph id 'pp-7' should be 'pp-2'" in check.stderr
    assert project.docs_dir.exists()
