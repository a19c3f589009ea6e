"""The site with resolutions imported from Akoma Ntoso: it builds strictly, and publishes each
resolution's Akoma Ntoso XML and JSON per language, linked from the page's header."""

from __future__ import annotations

import html
import json
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from generator import store
from generator.akn.export import validate
from generator.cli import main
from generator.render import language_page
from tests.akn_helpers import missing_in_order, structure_words, usable_files, words
from tests.conftest import ROOT, copy_project
from tests.site_server import build_site


def test_a_site_with_resolutions_a_and_b_sections_annexes_and_tables_builds(tmp_path: Path) -> None:
    config = copy_project(tmp_path)
    for name in ("A-RES-79-252", "A-RES-76-241", "A-RES-77-5", "A-RES-75-257B"):
        assert main(["--config", str(config), "import", *map(str, usable_files(name))]) == 0
    result = build_site(config)
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "site" / "A" / "RES" / "79" / "252A-B"
    for language in ("en", "fr"):
        assert validate((folder / f"resolution.{language}.xml").read_bytes()) == []
        jsonschema.validate(json.loads((folder / f"resolution.{language}.json").read_text("utf-8")), store.schema())
    page = (folder / "index.html").read_text("utf-8")
    assert 'href="resolution.en.xml"' in page and 'href="resolution.en.json"' in page
    assert 'id="a-op-1"' in page and 'id="b-op-1"' in page, "the page shows the paragraphs of A and of B"


@pytest.mark.parametrize("path", sorted((ROOT / "resolutions").glob("*/resolution.yaml")), ids=lambda p: p.parent.name)
def test_the_sites_data_files_are_listed_for_every_language(path: Path) -> None:
    from generator.akn.export import data_file_names

    res = store.load_resolution(path)
    names = data_file_names(res)
    assert sorted(names) == sorted(res.languages)
    assert names[res.language] == (f"resolution.{res.language}.xml", f"resolution.{res.language}.json")


def test_the_footer_credits_the_united_nations() -> None:
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    line = next(line for line in text.splitlines() if line.startswith("copyright:"))
    assert "United Nations" in line and "unofficial copies" in line and "without warranty" in line


class _Official(HTMLParser):
    """The words of a page's official text (``.ar-official``), without the controls, commentary
    and notes the page adds around the paragraphs."""

    SKIP = ("ar-controls", "ar-commentary", "ar-provenance", "ar-missing-note", "headerlink", "ar-notes", "ar-cited")

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.skip = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "img", "input", "hr", "meta", "link"):
            self.text.append(" ")
            return
        classes = (dict(attrs).get("class") or "").split()
        if self.depth:
            self.depth += 1
            if self.skip:
                self.skip += 1
            elif any(c.startswith(self.SKIP) for c in classes) or tag in ("button", "script", "template"):
                self.skip = 1
        elif "ar-official" in classes:
            self.depth = 1
        self.text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("br", "img", "input", "hr", "meta", "link") or not self.depth:
            return
        self.depth -= 1
        if self.skip:
            self.skip -= 1
        self.text.append(" ")

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.text.append(data)


def test_every_word_of_headings_tables_and_resolutions_a_and_b_reaches_the_page(tmp_path: Path) -> None:
    """Nothing is lost on the page: a publication of resolutions A and B (each with its title,
    formula, closing formula), headings between paragraphs and tables after a paragraph show every
    word of the structured resolution, in order, in every language page."""
    config = copy_project(tmp_path, core=True)
    names = ("A-RES-79-252", "A-RES-77-5", "A-RES-75-257B")
    for name in names:
        assert main(["--config", str(config), "import", *map(str, usable_files(name))]) == 0
    assert main(["--config", str(config), "build"]) == 0
    docs = tmp_path / "docs"
    for path in sorted((tmp_path / "resolutions").glob("*/resolution.yaml")):
        res = store.load_resolution(path)
        if res.slug not in names:
            continue
        # The masthead is the page's header, and the closing date is written in the page's form.
        shown = replace(
            res,
            masthead=None,
            closing=replace(res.closing, date_text=type(res.closing.date_text)()) if res.closing else None,
            components=tuple(
                replace(c, closing=replace(c.closing, date_text=type(c.closing.date_text)()) if c.closing else None)
                for c in res.components
            ),
        )
        for lang in res.languages:
            page = docs / language_page(res, lang)
            parser = _Official()
            parser.feed(page.read_text("utf-8"))
            found = words(html.unescape("".join(parser.text)))
            wanted, _ = structure_words(shown, lang)
            assert missing_in_order(wanted, found) is None, (res.symbol, lang, missing_in_order(wanted, found))
