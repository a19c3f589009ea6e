"""What ``check`` refuses in commentary, so that contributors learn why, with file and line.

The page never depends on these checks: commentary is rendered and sanitised by
:mod:`generator.contributed` whatever it holds.  The checks read the *tokens* of one parser
(markdown-it-py), never the Markdown source with patterns of their own: each rule is a small
function over the tokens, in :data:`RULES`, in the order they run.

===============  ==========================================================================
rule             refuses
===============  ==========================================================================
raw_html         HTML tags or comments (the page shows them as text)
link_address     a link whose address is not https, http, mailto, a paragraph reference or
                 an anchor on the page (``javascript:``, ``data:``, a path ...)
image            an image (the page shows no image, only a link to it)
heading          a heading (the commentary sits inside the page's outline)
sanitiser        anything else the sanitiser had to remove from the rendered HTML
===============  ==========================================================================

The first four read the tokens of a parse that allows HTML and any address (what the author
may have meant, :func:`generator.contributed.parse_for_lint`); the last compares, block by
block, the HTML the page would show with what the renderer made of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote

from markdown_it.token import Token

from generator.contributed import Link, Profile, external, inline_lines, is_anchor, parse_for_lint, render_markdown
from generator.crossrefs import reference_of
from generator.errors import Problem


@dataclass(frozen=True, slots=True)
class Finding:
    line: int
    """0-based line in the body."""
    message: str
    snippet: str
    hint: str


Rule = Callable[[list[Token], str], Iterator[Finding]]


def _inline(tokens: list[Token]) -> Iterator[tuple[Token, int]]:
    for block in tokens:
        if block.type == "inline":
            yield from inline_lines(block)


def raw_html(tokens: list[Token], body: str) -> Iterator[Finding]:
    hint = "write Markdown instead (links: [text](https://...)); put code in `backticks`"
    for token in tokens:
        if token.type == "html_block" and token.map:
            yield Finding(token.map[0], "raw HTML is not allowed in commentary", token.content.strip()[:80], hint)
    for child, line in _inline(tokens):
        if child.type == "html_inline":
            yield Finding(line, "raw HTML is not allowed in commentary", child.content[:80], hint)


_ATTRIBUTES = re.compile(r"\{\s?[:#.]")
_ODD = re.compile(r"[\"'<>`\\\s]")


def link_address(tokens: list[Token], body: str) -> Iterator[Finding]:
    for child, line in _inline(tokens):
        if child.type != "link_open":
            continue
        href = str(child.attrGet("href") or "")
        odd = _ODD.search(unquote(href))
        if (external(href) and not odd) or reference_of(href, "A/RES/0/0") is not None or is_anchor(href):
            continue
        yield Finding(
            line,
            "link address not allowed: only https://, http://, mailto: or a paragraph reference",
            href[:80],
            "link to a web page with https://, or to a paragraph with #op-3 or A/RES/73/266#op-1-a",
        )


def image(tokens: list[Token], body: str) -> Iterator[Finding]:
    for child, line in _inline(tokens):
        if child.type == "image":
            yield Finding(
                line,
                "images are not shown in commentary",
                str(child.attrGet("src") or "")[:80],
                "link to the image instead: [description](https://...)",
            )


def heading(tokens: list[Token], body: str) -> Iterator[Finding]:
    for token in tokens:
        if token.type == "heading_open" and token.map:
            lines = body.split("\n")
            yield Finding(
                token.map[0],
                "headings are not allowed in commentary",
                lines[token.map[0]][:80] if token.map[0] < len(lines) else "",
                "use **bold text** for a sub-title",
            )


def attribute_list(tokens: list[Token], body: str) -> Iterator[Finding]:
    for child, line in _inline(tokens):
        if child.type == "text" and _ATTRIBUTES.search(child.content):
            yield Finding(
                line,
                "attribute lists ({: ...}) are not supported in commentary: they show as text",
                child.content[:80],
                "remove it; the site styles commentary itself",
            )


RULES: tuple[Rule, ...] = (raw_html, link_address, image, heading, attribute_list)
GUIDE_RULES: tuple[Rule, ...] = (raw_html, link_address, image, attribute_list)
"""The contributors' guide may have headings: they make its table of contents."""


def _as_written(href: str) -> Link | None:
    """References lead where they say (their targets are checked elsewhere), the rest is decided
    by the renderer as on the page."""
    return Link(href) if reference_of(href, "A/RES/0/0") is not None else None


def lint_markdown(body: str, shown: str, first_line: int, profile: Profile = "commentary") -> list[Problem]:
    """Everything in a commentary body (or the guide) that ``check`` refuses, with file and line."""
    tokens = parse_for_lint(body)
    rules = GUIDE_RULES if profile == "guide" else RULES
    findings = list({(f.line, f.message): f for rule in rules for f in rule(tokens, body)}.values())
    reported = {f.line for f in findings}
    # The safety net: what the sanitiser removed from the page's own rendering, where no rule
    # above already explains it.  References resolve to themselves here: their existence is
    # checked with the other resolutions (generator.crossrefs).
    rendered = render_markdown(body, _as_written, "c-x-", profile, compare=True)
    for line, removed in rendered.changes:
        if line not in reported:
            findings.append(
                Finding(line, "the sanitiser removes part of this commentary", removed, "write plain Markdown")
            )
    problems = [Problem(shown, first_line + f.line, f.message, f.snippet, f.hint) for f in findings]
    return sorted(problems, key=lambda p: p.line)
