"""Contributed Markdown to safe HTML: commentary and the contributors' guide.

Commentary arrives through pull requests from strangers.  It is never given to the theme's
Markdown processor: the generator renders it itself, with one parser, and what the page shows is
the output of an allow-list HTML sanitiser.  The stages:

1. **parse** (:func:`parse`): markdown-it-py, CommonMark with tables, strikethrough and footnotes,
   raw HTML *off* (``<script>`` is text), at most :data:`MAX_NESTING` levels of nesting.
2. **links** (:func:`_resolve_links`): every link and image is decided once, from its token:
   a paragraph or resolution reference (``#op-3``, ``A/RES/73/266#op-1-a``) becomes the site's
   own link with a preview; an ``https``, ``http`` or ``mailto`` address stays, marked
   ``rel="nofollow ugc noopener noreferrer"``; an image becomes a link to it (the site shows no
   image from elsewhere); any other address (``javascript:``, ``data:``, a relative path) loses its
   link and keeps its words.
3. **render**: markdown-it's renderer, with footnotes numbered and listed inside the commentary,
   their ids under the slot's own prefix (``c-op-1-fn-1``), and headings set as bold paragraphs
   (commentary) or as ``h2``-``h4`` with ids under the page's prefix (the guide).
4. **sanitise** (:func:`sanitise`): nh3 (the binding of the Rust crate ammonia) with an allow-list
   of tags, attributes, classes and URL schemes; ``id`` attributes only under the slot's prefix.

Guarantees of :func:`render_markdown`, whatever the input: the HTML has no element, attribute,
URL scheme or class outside :data:`TAGS`, :data:`ATTRIBUTES`, :data:`CLASSES` and
:data:`URL_SCHEMES`; every ``id`` starts with the prefix given; no ``style``, no event handler,
no image, no external resource.  ``check`` reports, with its line, everything the pipeline changes
from what the author wrote (:func:`changes`), so contributors learn why.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any, Literal

import nh3
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from markupsafe import Markup
from mdit_py_plugins.footnote import footnote_plugin

MAX_NESTING = 20
"""Deepest nesting of blocks and inlines markdown-it builds (quotes in lists in quotes ...);
deeper input is rendered as text, so no input can make the renderer recurse without bound."""

URL_SCHEMES = frozenset({"http", "https", "mailto"})
REL = "nofollow ugc noopener noreferrer"
"""The ``rel`` of every link in contributed content: no ranking credit, no opener, no referrer."""

TAGS = frozenset(
    {
        "a", "blockquote", "br", "code", "del", "em", "h2", "h3", "h4", "hr", "li", "ol", "p", "pre",
        "s", "section", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "title", "id", "data-preview"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "li": {"id"},
    "ol": {"start"},
    "sup": {"id"},
}
CLASSES = {"a": {"footnote-ref", "footnote-backref", "ar-ref"}, "section": {"ar-notes"}}

Profile = Literal["commentary", "guide"]


@dataclass(frozen=True, slots=True)
class Link:
    """Where a reference in contributed text leads, as the page writes it."""

    href: str
    preview: bool = False
    """A paragraph of this site: the reader gets a preview on hover (``data-preview``)."""


Resolver = Callable[[str], Link | None]
"""Maps a link target as written (``#op-3``, ``A/RES/73/6``) to the site's link; ``None`` when it
is not a reference to this site (then only an external address may stay a link)."""


def _parser(html: bool) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": html, "maxNesting": MAX_NESTING})
    md.enable(["table", "strikethrough"])
    md.use(footnote_plugin)
    return md


_RENDER = _parser(html=False)
_LINT = _parser(html=True)
# For the lint parse every address is a link, so that a refused one can be named; the render
# parse keeps markdown-it's own refusal of javascript:, vbscript:, file: and data: addresses.
_LINT.validateLink = lambda url: True  # type: ignore[method-assign]


def parse(body: str) -> list[Token]:
    """The tokens the page is rendered from (raw HTML off)."""
    return _RENDER.parse(body, {})


def parse_for_lint(body: str) -> list[Token]:
    """Tokens as a renderer that allows HTML and any address would see them (what the author may
    have meant); only :mod:`generator.lint` reads them, never the page."""
    return _LINT.parse(body, {})


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


def external(href: str) -> bool:
    """Whether ``href`` is an absolute address the site may link to (https, http, mailto)."""
    m = _SCHEME.match(href)
    if not m or m.group(1).lower() not in URL_SCHEMES:
        return False
    return m.group(1).lower() == "mailto" or href.split(":", 1)[1].startswith("//")


_ANCHOR = re.compile(r"#[A-Za-z0-9_:.-]{1,100}")


def is_anchor(href: str) -> bool:
    """Whether ``href`` is a plain anchor on the same page (``#fn:1``, ``#lineage``)."""
    return bool(_ANCHOR.fullmatch(href))


def inline_lines(block: Token) -> Iterator[tuple[Token, int]]:
    """The children of an ``inline`` token with the line (0-based, in the parsed text) of each."""
    line = block.map[0] if block.map else 0
    for child in block.children or ():
        yield child, line
        if child.type in ("softbreak", "hardbreak"):
            line += 1


def _resolve_links(tokens: Sequence[Token], resolve: Resolver) -> None:
    """Decide every link and image (stage 2 above), rewriting the tokens in place."""
    for block in tokens:
        if block.type == "fence":
            block.info = ""  # no language class: the site highlights no code
        elif block.type in ("th_open", "td_open"):
            block.attrs = {}  # no style attribute (column alignment): the page allows no inline style
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        dropped: list[bool] = []
        for child in block.children:
            if child.type == "image":
                href = str(child.attrGet("src") or "")
                alt = child.content or "image"
                if external(href):
                    opening = Token("link_open", "a", 1, attrs={"href": href, "rel": REL})
                    children += [opening, Token("text", "", 0, content=alt), Token("link_close", "a", -1)]
                else:
                    children.append(Token("text", "", 0, content=alt))
                continue
            if child.type == "link_open":
                href = str(child.attrGet("href") or "")
                link = resolve(href)
                if link is not None:
                    child.attrs = {"href": link.href, "class": "ar-ref"}
                    if link.preview:
                        child.attrs["data-preview"] = ""
                elif external(href):
                    title = child.attrGet("title")
                    child.attrs = {"href": href, "rel": REL, **({"title": title} if title else {})}
                elif is_anchor(href):
                    child.attrs = {"href": href}
                else:
                    dropped.append(True)
                    continue
                dropped.append(False)
            elif child.type == "link_close" and dropped and dropped.pop():
                continue
            children.append(child)
        block.children = children


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "section"


def _footnote_rules(prefix: str) -> dict[str, Callable[..., str]]:
    def note_id(token: Token) -> str:
        return f"{prefix}fn-{token.meta['id'] + 1}"

    def ref_id(token: Token) -> str:
        sub = token.meta.get("subId", 0)
        return f"{prefix}fnref-{token.meta['id'] + 1}" + (f"-{sub + 1}" if sub > 0 else "")

    def footnote_ref(tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        t = tokens[idx]
        return f'<sup id="{ref_id(t)}"><a class="footnote-ref" href="#{note_id(t)}">{t.meta["id"] + 1}</a></sup>'

    def block_open(tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return '<section class="ar-notes"><ol>\n'

    def block_close(tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return "</ol></section>\n"

    def note_open(tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return f'<li id="{note_id(tokens[idx])}">'

    def note_close(tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return "</li>\n"

    def anchor(tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return f' <a class="footnote-backref" href="#{ref_id(tokens[idx])}">\u21a9\ufe0e</a>'

    return {
        "footnote_ref": footnote_ref,
        "footnote_block_open": block_open,
        "footnote_block_close": block_close,
        "footnote_open": note_open,
        "footnote_close": note_close,
        "footnote_anchor": anchor,
    }


class _Renderer:
    """markdown-it's HTML renderer with this module's rules for one page prefix and profile."""

    def __init__(self, prefix: str, profile: Profile) -> None:
        self.md = _RENDER
        self.base = RendererHTML(self.md)
        self.rules = _footnote_rules(prefix)
        self.prefix = prefix
        self.profile = profile
        self.heading_ids: set[str] = set()

    def render(self, tokens: Sequence[Token]) -> str:
        renderer = self.base
        out: list[str] = []
        options = self.md.options
        for i, token in enumerate(tokens):
            rule = self.rules.get(token.type)
            if rule is not None:
                out.append(rule(tokens, i, options, {}))
            elif token.type in ("heading_open", "heading_close"):
                out.append(self._heading(tokens, i))
            elif token.type == "inline":
                out.append(self._inline(token.children or []))
            elif token.type in renderer.rules:
                out.append(renderer.rules[token.type](tokens, i, options, {}))
            else:
                out.append(renderer.renderToken(tokens, i, options, {}))
        return "".join(out)

    def _inline(self, children: Sequence[Token]) -> str:
        out: list[str] = []
        renderer = self.base
        options = self.md.options
        for i, token in enumerate(children):
            rule = self.rules.get(token.type)
            if rule is not None:
                out.append(rule(children, i, options, {}))
            elif token.type in renderer.rules:
                out.append(renderer.rules[token.type](children, i, options, {}))
            else:
                out.append(renderer.renderToken(children, i, options, {}))
        return "".join(out)

    def _heading(self, tokens: Sequence[Token], idx: int) -> str:
        token = tokens[idx]
        if self.profile == "commentary":
            return "<p><strong>" if token.nesting == 1 else "</strong></p>\n"
        level = min(max(int(token.tag[1]), 2), 4)  # the page's own title is the only h1
        if token.nesting == -1:
            return f"</h{level}>\n"
        words = tokens[idx + 1].content if idx + 1 < len(tokens) else ""
        base = self.prefix + _slug(words)
        hid, n = base, 2
        while hid in self.heading_ids:
            hid, n = f"{base}-{n}", n + 1
        self.heading_ids.add(hid)
        return f'<h{level} id="{hid}">'


def sanitise(html: str, prefix: str) -> str:
    """Keep only what :data:`TAGS`, :data:`ATTRIBUTES`, :data:`CLASSES` and :data:`URL_SCHEMES`
    allow; an ``id`` only when it starts with ``prefix`` (so that contributed content can never
    take an id of the official text, such as ``op-1`` or ``fn:1``)."""

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if attribute == "id" and not (prefix and value.startswith(prefix)):
            return None
        return value

    cleaned: str = nh3.clean(
        html,
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=keep,
        allowed_classes={tag: set(names) for tag, names in CLASSES.items()},
        url_schemes=set(URL_SCHEMES),
        tag_attribute_values={"a": {"rel": {REL}}},
        link_rel=None,
        strip_comments=True,
        clean_content_tags={"script", "style"},
    )
    return cleaned


@dataclass(frozen=True, slots=True)
class Rendered:
    html: Markup
    """What the page shows: sanitised HTML."""
    changes: tuple[tuple[int, str], ...] = ()
    """(line in the body, 0-based; what the sanitiser removed) for each top-level block that the
    sanitiser changed: empty for any Markdown the renderer handles as intended."""


def _blocks(tokens: Sequence[Token]) -> Iterator[tuple[int, list[Token]]]:
    """The top-level blocks of ``tokens``, each with its first line."""
    start = 0
    depth = 0
    for i, token in enumerate(tokens):
        depth += token.nesting
        if depth == 0:
            chunk = list(tokens[start : i + 1])
            line = next((t.map[0] for t in chunk if t.map), 0)
            yield line, chunk
            start = i + 1


def render_markdown(
    body: str,
    resolve: Resolver,
    prefix: str,
    profile: Profile = "commentary",
    compare: bool = False,
) -> Rendered:
    """Contributed Markdown as sanitised HTML (see the module docstring for the guarantees).

    ``prefix`` starts every id the rendering makes (``c-op-1-`` for the commentary on op-1).
    ``compare``: also say, per top-level block, what the sanitiser removed (``check`` asks; the
    build does not need to).
    """
    tokens = parse(body)
    _resolve_links(tokens, resolve)
    renderer = _Renderer(prefix, profile)
    if not compare:
        return Rendered(Markup(sanitise(renderer.render(tokens), prefix)))  # noqa: S704 - sanitised
    pieces: list[str] = []
    changes: list[tuple[int, str]] = []
    for line, chunk in _blocks(tokens):
        raw = renderer.render(chunk)
        clean = sanitise(raw, prefix)
        pieces.append(clean)
        removed = _removed(raw, clean)
        if removed:
            changes.append((line, removed))
    return Rendered(Markup("".join(pieces)), tuple(changes))  # noqa: S704 - sanitised


class _Events(HTMLParser):
    """An HTML fragment as a list of events, for comparing two serialisations of it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[Any, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("<", tag, tuple(sorted((k, v or "") for k, v in attrs))))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.events.append((">", tag))

    def handle_data(self, data: str) -> None:
        if data.strip():
            if self.events and self.events[-1][0] == "t":
                self.events[-1] = ("t", self.events[-1][1] + data)
            else:
                self.events.append(("t", data))


def _events(html: str) -> list[tuple[Any, ...]]:
    parser = _Events()
    parser.feed(html)
    parser.close()
    return [("t", " ".join(e[1].split())) if e[0] == "t" else e for e in parser.events]


def _removed(raw: str, clean: str) -> str:
    """What the sanitiser took out of ``raw`` (a short description), or ``""``."""
    before, after = _events(raw), _events(clean)
    if before == after:
        return ""
    after_set = set(after)
    for event in before:
        if event not in after_set:
            if event[0] == "<":
                attrs = " ".join(f'{k}="{v}"' for k, v in event[2])
                return f"<{event[1]}{' ' + attrs if attrs else ''}>"
            if event[0] == "t":
                return str(event[1])[:80]
    return raw[:80]


def plain_text(body: str) -> str:
    """The words of contributed Markdown, without markup: what search indexes."""
    out: list[str] = []
    for token in parse(body):
        if token.type == "inline":
            for child in token.children or ():
                if child.type in ("text", "code_inline"):
                    out.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    out.append(" ")
            out.append(" ")
        elif token.type in ("fence", "code_block"):
            out.append(token.content)
    return " ".join("".join(out).split())
