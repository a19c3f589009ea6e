"""The passthrough of the generator's HTML blocks (generator/passthrough.py): the same HTML as
Python-Markdown's own reading, for every page of the site, while Python-Markdown's HTML parser
sees almost none of it; anything it cannot delimit for certain is left to Python-Markdown."""

from __future__ import annotations

import re
from typing import Any

import markdown
import pytest
import yaml
from markdown.preprocessors import Preprocessor

from generator.build import load_project, render_pages
from generator.passthrough import PassthroughExtension, anchor_ids
from generator.project import project_from_config
from generator.render import GENERATED_MARKER
from tests.conftest import ROOT


def _extensions() -> tuple[list[Any], dict[str, Any]]:
    """The Markdown extensions and their settings, as mkdocs.yml gives them to MkDocs."""
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    section = text.split("\nmarkdown_extensions:\n", 1)[1].split("\n\n", 1)[0]
    names: list[Any] = []
    configs: dict[str, Any] = {}
    for entry in yaml.safe_load(section):
        if isinstance(entry, dict):
            ((name, conf),) = entry.items()
            names.append(name)
            configs[name] = conf or {}
        else:
            names.append(entry)
    return names, configs


class _Seen(Preprocessor):
    """Records the text that reaches Python-Markdown's HTML block preprocessor."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.chars = 0

    def run(self, lines: list[str]) -> list[str]:
        self.chars = sum(len(line) for line in lines if "\x02" not in line)
        return lines


def convert(text: str, passthrough: bool) -> tuple[str, int]:
    """The HTML of a page, and how many characters Python-Markdown's HTML parser was given."""
    names, configs = _extensions()
    md = markdown.Markdown(
        extensions=[*names, *([PassthroughExtension()] if passthrough else [])], extension_configs=configs
    )
    seen = _Seen(md)
    md.preprocessors.register(seen, "seen", 20.5)
    body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    return md.convert(body), seen.chars


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    project = project_from_config(ROOT / "mkdocs.yml")
    return {rel: page for rel, page in render_pages(project, load_project(project)).items() if rel.endswith(".md")}


def test_every_page_renders_the_same_html(pages: dict[str, str]) -> None:
    assert len(pages) > 20
    for rel, page in sorted(pages.items()):
        slow, slow_seen = convert(page, passthrough=False)
        fast, fast_seen = convert(page, passthrough=True)
        assert fast == slow, rel
        assert fast_seen <= slow_seen, rel
        if rel.split("/")[0] in {"A", "S", "E"} and rel.endswith("/index.md"):
            # A resolution's HTML blocks were stashed before Python-Markdown's parser: it reads little.
            assert fast_seen < 0.1 * slow_seen, (rel, fast_seen, slow_seen)


def test_a_resolution_page_is_read_as_html_blocks(pages: dict[str, str]) -> None:
    page = pages["A/RES/73/266/index.md"]
    fast, seen = convert(page, passthrough=True)
    assert seen < 400  # the marker, the headings in Markdown
    assert 'id="official-text"' in fast  # a Markdown heading with its attribute list, still Markdown
    assert '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>' in fast


CASES = {
    "markdown between blocks": "<div>\n<p>a</p>\n</div>\n\n## Title { #t }\n\n*b* and [c](d)\n\n<p>e</p>\n",
    "nested elements of the same name": "<div>\n<div>\n<p>x</p>\n</div>\n\n<div>y</div>\n</div>\n\nafter\n",
    "a block not closed": "<div>\n<p>a</p>\n\n<p>b</p>\n\ntext *here*\n",
    "text after the end tag": "<div>a</div> tail *x*\n\n<p>b</p>\n",
    "two elements on one line": "<p>a</p><p>b</p>\n\n<p>c</p>\n",
    "no blank line after": "<div>a</div>\ntext *x*\n\n<p>c</p>\n",
    "a block inside a paragraph": "text\n<div>\n<p>a</p>\n\n<p>b</p>\n</div>\n\n<p>c</p>\n",
    "indented": "  <div>\n<p>a</p>\n</div>\n\n<p>c</p>\n",
    "void and raw elements": "<hr>\n\n<pre>\n<p>x</p>\n</pre>\n\n<p>c</p>\n",
    "upper case and spaces": "<DIV class='x'>\n<p>a</p>\n</DIV>   \n\n<p>c</p>\n",
    "a comment": "<!-- note -->\n\n<div>\n<p>a</p>\n</div>\n",
    "a footnote in Markdown": "<p>a</p>\n\ntext[^1]\n\n[^1]: note\n",
    "a code fence": "<p>a</p>\n\n```\n\n<div>\n<p>code</p>\n</div>\n\n```\n\n<p>b</p>\n",
    "a comment over lines": "<p>a</p>\n\n<!-- a\n\n<div>\n<p>x</p>\n</div>\n\n-->\n\n<p>b</p>\n",
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_same_html_whatever_the_input(case: str) -> None:
    page = GENERATED_MARKER + "\n\n" + CASES[case]
    assert convert(page, passthrough=True)[0] == convert(page, passthrough=False)[0]


def test_pages_without_the_marker_are_left_alone() -> None:
    page = "<div>\n<p>a</p>\n</div>\n"
    assert convert(page, passthrough=True)[1] == convert(page, passthrough=False)[1] > 0


def test_anchor_ids() -> None:
    html = '<p id="op-1">x</p><h2 class="a" id="official-text">y</h2><a data-id="no" href="#x">z</a><li id=\'fn:1\'>'
    assert anchor_ids(html) == {"op-1", "official-text", "fn:1"}


def test_the_plugin_holds_a_generated_page_compressed_until_its_turn() -> None:
    from types import SimpleNamespace

    from generator.plugin import ResolutionsPlugin

    plugin = ResolutionsPlugin()
    html = '<p id="op-1">Text – with “quotes”</p>' * 100
    page: Any = SimpleNamespace(
        markdown=GENERATED_MARKER + "\n\n<p>x</p>\n",
        meta={"title": "A/RES/1/1"},
        file=SimpleNamespace(src_uri="A/RES/1/1/index.md"),
        present_anchor_ids={"official-text"},
        content=None,
    )
    page.content = plugin.on_page_content(html, page=page, config=None, files=None)  # type: ignore[arg-type]
    assert page.content == "" and page.markdown == ""  # released until the page is rendered
    assert page.present_anchor_ids == {"official-text", "op-1"}
    plugin.on_page_context({}, page=page, config=None, nav=None)  # type: ignore[arg-type]
    assert page.content == html
    plugin.on_post_page("<html>", page=page, config=None)  # type: ignore[arg-type]
    assert page.content == "" and not plugin.held
    # A page the generator did not write is left as it is.
    other: Any = SimpleNamespace(
        markdown="# Hand-written\n",
        meta={},
        file=SimpleNamespace(src_uri="x.md"),
        present_anchor_ids=set(),
        content=None,
    )
    assert (
        plugin.on_page_content("<h1>Hand-written</h1>", page=other, config=None, files=None) == "<h1>Hand-written</h1>"
    )  # type: ignore[arg-type]
    assert other.markdown == "# Hand-written\n"
