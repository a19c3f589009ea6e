"""Python-Markdown extension: the generator's HTML blocks go to the output without being parsed.

The pages the generator writes are HTML blocks (jinja2, autoescaped) with a few Markdown
headings between them.  Python-Markdown passes raw HTML through, but only after reading every
tag of it with its pure-Python HTML parser (twice under MkDocs, which reads it again for the ids
of anchors): most of the time of a build of large pages.  This extension finds the same blocks
with a few regular expressions and stashes them as Python-Markdown's own HTML block
preprocessor would, byte for byte, so the output is the same and the parser never sees them.

It acts only on pages that carry the generator's marker (``GENERATED_MARKER``), whose HTML is
the generator's own, well formed; and only on blocks it can delimit for certain:

- a block starts at the beginning of a line that follows a blank line (or starts the page), with
  the start tag of a block-level element (``<div class="ar-header">``);
- it ends with the line that closes that element (the start tags and end tags of the same name,
  counted, balance there), when the end tag ends the line and a blank line (or the end of the
  page) follows.

Anything else (Markdown, an unclosed element, text after an end tag) is left as it is, for
Python-Markdown to read as always.  The MkDocs plugin registers the extension; an engine without
it builds the same pages the slow way.  The plugin also gives MkDocs the ids of the stashed HTML
(``anchor_ids``), which MkDocs would otherwise have read with its own parser to check links.
"""

from __future__ import annotations

import html
import re
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from generator.render import GENERATED_MARKER

_START = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)(?=[\s>])")
_ID = re.compile(r"""<[a-zA-Z][^>]*?\sid=(?:"([^"]*)"|'([^']*)')""")
_VOID = frozenset({"hr", "br", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"})
_RAW_TEXT = frozenset({"script", "style", "textarea", "pre", "title"})


def _block_end(lines: list[str], start: int, tag: str) -> int | None:
    """The index of the line whose end closes the element ``tag`` opened at the start of line
    ``start`` (start and end tags of that name counted); None if the element closes elsewhere
    than at the end of a line, or not at all."""
    tags = re.compile(rf"<(/?){tag}(?=[\s>/])[^>]*>", re.I)
    depth = 0
    for i in range(start, len(lines)):
        line = lines[i]
        if "<" not in line:
            continue
        for m in tags.finditer(line):
            depth += -1 if m.group(1) else 1
            if depth == 0:
                return i if not line[m.end() :].strip(" ") else None
    return None


class PassthroughPreprocessor(Preprocessor):
    """Stashes the generator's top-level HTML blocks (see the module's docstring)."""

    def run(self, lines: list[str]) -> list[str]:
        if not any(line == GENERATED_MARKER for line in lines[:3]):
            return lines
        out: list[str] = []
        i, n = 0, len(lines)
        while i < n:
            line = lines[i]
            head = line[:4].lstrip(" ")
            if head.startswith(("```", "~~~")) or (head.startswith("<!--") and "-->" not in line):
                # A code fence, or a comment over several lines: what they hold is not HTML
                # blocks; Python-Markdown reads the rest.
                out.extend(lines[i:])
                break
            m = _START.match(line.lstrip(" ")) if head.startswith("<") else None
            tag = m.group(1).lower() if m else ""
            if not tag or not self.md.is_block_level(tag):
                out.append(line)  # Markdown, a comment, inline HTML: Python-Markdown's
                i += 1
                continue
            end = None
            if line.startswith("<") and (i == 0 or not lines[i - 1].strip()) and tag not in _VOID | _RAW_TEXT:
                end = _block_end(lines, i, tag)
            if end is None or (end + 1 < n and lines[end + 1].strip()):
                # A block this reader cannot delimit for certain: Python-Markdown reads the rest.
                out.extend(lines[i:])
                break
            # What Python-Markdown's HTML block preprocessor stashes: the block's source and the
            # line break after it; a blank line before and after its placeholder.
            block = "\n".join(lines[i : end + 1]).rstrip(" ")
            placeholder = self.md.htmlStash.store(block + "\n")
            out.extend(["", placeholder, ""])
            i = end + 1
        return out


class PassthroughExtension(Extension):
    """Registers :class:`PassthroughPreprocessor` after whitespace normalisation, before MkDocs'
    and Python-Markdown's own readers of raw HTML."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.preprocessors.register(PassthroughPreprocessor(md), "ar_passthrough", 29)


def makeExtension(**kwargs: Any) -> PassthroughExtension:  # noqa: N802 - Python-Markdown's name
    return PassthroughExtension(**kwargs)


def anchor_ids(page_html: str) -> set[str]:
    """Every ``id`` attribute of an HTML page (what MkDocs reads from raw HTML to check links)."""
    return {html.unescape(a or b) for a, b in _ID.findall(page_html)}
