"""Rendering: escaping, golden pages, determinism, writing only what changed."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.build import build, load_project, render_pages
from generator.naming import paragraph_name
from generator.project import project_from_config
from generator.render import Linker, relative_link
from tests.conftest import ROOT

EXTENSIONS = ["attr_list", "md_in_html", "footnotes", "admonition", "pymdownx.details", "tables", "toc"]

# Printable text on one line, as official wording is after normalisation.
one_line = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\u00a0"),
        min_size=1,
        max_size=80,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)


@settings(max_examples=300, deadline=None)
@given(one_line)
def test_official_wording_renders_literally(text: str) -> None:
    """Whatever characters it holds, wording reaches the page as text: escaped, and passed through
    untouched by the theme's Markdown processor (the page is HTML in a Markdown file)."""
    linker = Linker("A/RES/73/266/index.md", frozenset())
    fragment = f'<p class="x">{linker.inline(text.replace("[^", "[ ^"))}</p>'
    rendered = markdown.markdown(fragment, extensions=EXTENSIONS)
    parser = _Text()
    parser.feed(rendered)
    assert " ".join(parser.text.split()) == " ".join(text.replace("[^", "[ ^").split())
    assert parser.tags <= {"p", "a"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.text += data


def test_markup_in_wording_stays_text() -> None:
    linker = Linker("A/RES/73/266/index.md", frozenset())
    for text in ["*Calls upon*", "_x_", "<script>alert(1)</script>", "`code`", "[a](b)", "{: #x }", "&amp;"]:
        html = str(linker.inline(text))
        rendered = markdown.markdown(f"<p>{html}</p>", extensions=EXTENSIONS)
        assert rendered == f"<p>{html}</p>", text
        assert "<script" not in rendered


def test_linker_links_site_pages_relatively_and_others_to_undocs() -> None:
    linker = Linker("A/RES/73/266/index.md", frozenset({"A/RES/73/6"}))
    out = str(linker.inline("resolutions 73/6 of 26 October 2018 and 71/28 of 5 December 2016,[^1]"))
    assert '<a href="../6/">73/6</a>' in out
    assert '<a href="https://undocs.org/A/RES/71/28">71/28</a>' in out
    assert out.endswith(',<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>')


def test_relative_link() -> None:
    assert relative_link("index.md", "A/RES/73/266/index.md") == "A/RES/73/266/index.md"
    assert relative_link("A/RES/73/266/index.md", "index.md", "x") == "../../../../index.md#x"


def test_golden_pages(golden: Callable[[str, str], None]) -> None:
    project = project_from_config(ROOT / "mkdocs.yml")
    pages = render_pages(project, load_project(project))
    golden("A-RES-73-266.page.md", pages["A/RES/73/266/index.md"])
    golden("home.page.md", pages["index.md"])


def test_every_paragraph_cites_as_its_place_in_the_tree_gives() -> None:
    """The page passes each paragraph's chain of parents to the citation (finding it again for
    each paragraph was quadratic): on every page of the site, each paragraph's citation is what
    :func:`cite_paragraph` gives by searching the tree."""
    import html
    import re

    from generator.cite import cite_paragraph
    from generator.render import page_path

    project = project_from_config(ROOT / "mkdocs.yml")
    loaded = load_project(project, lint_commentary=False)
    pages = render_pages(project, loaded)
    button = re.compile(
        r'<button type="button" class="ar-cite"[^>]*data-oscola="([^"]*)" data-bluebook="([^"]*)"'
        r' data-plain="([^"]*)"'
    )
    checked = 0
    for res in loaded.resolutions:
        page = pages[page_path(res.symbol)]
        shown = {
            html.unescape(m.group(3)): (html.unescape(m.group(1)), html.unescape(m.group(2)))
            for m in button.finditer(page)
        }
        for p in res.paragraphs():
            cite = cite_paragraph(res, p.id)
            assert shown[cite.plain] == (cite.oscola, cite.bluebook), (res.symbol, p.id)
            checked += 1
    assert checked > 400  # every paragraph of the 23 texts


def test_paragraph_names() -> None:
    project = project_from_config(ROOT / "mkdocs.yml")
    res = next(r for r in load_project(project).resolutions if r.symbol == "A/RES/73/266")
    op1 = res.operative[0]
    assert paragraph_name(res.preamble[9]) == "preambular paragraph 10"
    assert paragraph_name(op1) == "operative paragraph 1"
    assert paragraph_name(op1.children[0], (op1,)) == "operative paragraph 1 (a)"


def test_build_is_deterministic_and_writes_only_changes(project_copy: Path) -> None:
    project = project_from_config(project_copy)
    first = build(project)
    assert {p.relative_to(project.docs_dir).as_posix() for p in first.written} >= {"index.md", "A/RES/73/266/index.md"}
    snapshot = {p: p.read_bytes() for p in project.docs_dir.rglob("*.md")}
    second = build(project)
    assert second.written == []
    assert {p: p.read_bytes() for p in project.docs_dir.rglob("*.md")} == snapshot
    # Editing one commentary file rewrites only the page that shows it.
    slot = project.resolutions_dir / "A-RES-73-266" / "commentary" / "op-3.md"
    slot.write_text(slot.read_text("utf-8") + "\nA further remark.\n", encoding="utf-8")
    third = build(project)
    assert [p.relative_to(project.docs_dir).as_posix() for p in third.written] == ["A/RES/73/266/index.md"]
    assert "A further remark." in (project.docs_dir / "A/RES/73/266/index.md").read_text("utf-8")


def test_pages_of_removed_resolutions_are_removed(project_copy: Path) -> None:
    project = project_from_config(project_copy)
    build(project)
    stale = project.docs_dir / "A/RES/1/1/index.md"
    stale.parent.mkdir(parents=True)
    stale.write_text("---\n---\n" + render_pages(project, load_project(project))["index.md"].split("---\n", 2)[2])
    handwritten = project.docs_dir / "about.md"
    handwritten.write_text("# About\n")
    report = build(project)
    assert report.removed == [stale]
    assert not (project.docs_dir / "A/RES/1").exists()
    assert handwritten.exists()


segment = st.text(alphabet="AERSTDC0123456789-()", min_size=1, max_size=6).filter(lambda s: s not in {".", ".."})
page_paths = st.lists(segment, min_size=0, max_size=5).map(lambda parts: "/".join([*parts, "index.md"]))


@settings(max_examples=500, deadline=None)
@given(page_paths, page_paths, st.sampled_from(["", "op-1-a"]))
def test_relative_link_is_relpath(from_page: str, to_page: str, anchor: str) -> None:
    import posixpath

    expected = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    assert relative_link(from_page, to_page, anchor) == expected + (f"#{anchor}" if anchor else "")


_META_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.from_regex(r"[a-z_]{1,12}", fullmatch=True).filter(lambda k: k not in ("title", "description")),
        st.recursive(
            st.none() | st.booleans() | st.integers() | _META_TEXT,
            lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_META_TEXT, inner, max_size=3),
            max_leaves=12,
        ),
        max_size=6,
    )
)
def test_front_matter_reads_back_as_the_values_given(meta: dict[str, object]) -> None:
    """Written by libyaml's emitter, the front matter is YAML for exactly the values given,
    whatever their characters (the page's other fields are escaped by the templates)."""
    import yaml

    from generator.frontmatter import front_matter

    text = str(front_matter(meta))
    assert text.startswith("---\n") and text.endswith("---")
    assert (yaml.safe_load(text[4:-3]) or {}) == meta
