"""The render-then-sanitise path of contributed Markdown, fuzzed: whatever the input, the output
keeps to the allow-list (generator/contributed.py states the guarantees)."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.contributed import ATTRIBUTES, CLASSES, TAGS, Link, render_markdown
from generator.lint import lint_markdown

FRAGMENTS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">", "</a>",
    "javascript:alert(1)", "JaVaScRiPt:", "java&#115;cript:", "&#x6A;", "data:text/html,x", "vbscript:",
    "[", "]", "(", ")", "![", "](", "[^1]", "[^1]: ", "<", ">", "\"", "'", "`", "```", "~~~", "*", "_",
    "#", "## ", "{: #op-1 }", "{#fn:1}", "\n", "\n\n", "    ", "> ", "- ", "1. ", "|", "|---|", "\\",
    "https://e.org/", "mailto:a@e.org", "#op-3", "A/RES/73/266#op-1-a", "<https://e.org/\"x>",
    "<!--", "-->", "<![CDATA[", "&amp;", "&lt;", "onmouseover=", "style=", "id=\"op-1\"", "<svg onload=x>",
]  # fmt: skip

markdownish = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(alphabet="abc xyz\n<>[]()!*_`:#/\"'=&;", max_size=12)),
    max_size=40,
).map("".join)


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    handle_startendtag = handle_starttag


def resolve(href: str) -> Link | None:
    return Link("../site/", preview=True) if href.startswith("A/RES/") else None


@settings(max_examples=400, deadline=None)
@given(markdownish)
def test_output_keeps_to_the_allow_list(body: str) -> None:
    html = str(render_markdown(body, resolve, "c-op-2-").html)
    parser = _Collect()
    parser.feed(html)
    for tag, attrs in parser.elements:
        assert tag in TAGS, (tag, html)
        for name, value in attrs.items():
            allowed = ATTRIBUTES.get(tag, set()) | ({"class"} if tag in CLASSES else set()) | {"rel"}
            assert name in allowed, (tag, name, html)
            if name == "id":
                assert value.startswith("c-op-2-"), (value, html)
            if name == "class":
                assert set(value.split()) <= CLASSES[tag], (value, html)
            if name == "href":
                scheme = urlsplit(value).scheme.lower()
                assert scheme in ("", "http", "https", "mailto"), (value, html)
                if not scheme:
                    assert value.startswith("#") or value == "../site/", (value, html)


@settings(max_examples=150, deadline=None)
@given(markdownish)
def test_check_never_fails_with_a_traceback(body: str) -> None:
    for problem in lint_markdown(body, "c.md", 5):
        assert problem.line >= 5
        assert problem.path == "c.md"


@given(st.text(alphabet="abcdefghij ", min_size=1, max_size=200))
def test_plain_words_reach_the_page(words: str) -> None:
    html = str(render_markdown(words, resolve, "c-x-").html)
    assert " ".join(words.split()) in " ".join(html.replace("<p>", " ").replace("</p>", " ").split())
