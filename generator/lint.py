"""Commentary safety and Markdown lint: what ``check`` refuses, and what the build neutralises.

Commentary arrives through pull requests from people who are not programmers, and possibly from
people who mean harm.  Two layers:

- :func:`lint_markdown` finds, with its line, everything ``check`` refuses: raw HTML (any tag,
  any case), links or images whose address is not ``http``, ``https``, ``mailto`` or relative
  (``javascript:``, ``data:`` ..., also when hidden behind entities, escapes or mixed case),
  attribute lists (``{: onclick=...}``), headings, and Markdown that Python-Markdown (which
  builds the site) reads differently from the repository host's preview (markdown-it, CommonMark):
  a list without a blank line before it, a nested list indented by fewer than 4 spaces, an
  ordered list that does not start at 1.
- :func:`sanitise` is applied by the build to every commentary, whether or not ``check`` ran:
  raw HTML is escaped so it shows as text, unsafe links lose their address, attribute lists are
  escaped.  So none of the above can reach a reader's browser.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

from generator.errors import Problem

SAFE_SCHEMES = ("http", "https", "mailto")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)[^`](?:.*?[^`])?\1(?!`)|(`+)(?=[^`])(?:.|\n)*?[^`]\2(?!`)")
_INLINE_LINK = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\((?P<target>[^()\s]*(?:\([^()\s]*\))?[^()\s]*)(?P<title>\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
)
_REF_DEF = re.compile(r"^(?P<lead> {0,3}\[[^\]]+\]:[ \t]*)(?P<target><[^>]*>|\S+)(?P<rest>.*)$", re.M)
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^<>\s]+>")
_HTML_START = re.compile(r"<(?=[A-Za-z!/?])")
_ATTR_LIST = re.compile(r"\{[:\s]*[#.:\w-][^}]*\}")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]|$)|^ {0,3}(=+|-+)[ \t]*$")
_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")


@dataclass(frozen=True, slots=True)
class Region:
    start: int
    end: int


def code_regions(text: str) -> list[Region]:
    """Fenced code blocks and code spans: what neither lint nor sanitiser touch."""
    if "`" not in text and "~~~" not in text:
        return []  # most commentary has no code at all
    regions: list[Region] = []
    pos = 0
    fence: str | None = None
    start = 0
    for line in text.splitlines(keepends=True):
        m = _FENCE.match(line)
        if fence is None and m:
            fence, start = m.group(1), pos
        elif fence is not None and line.strip().startswith(fence[0] * len(fence)) and not line.strip().strip(fence[0]):
            regions.append(Region(start, pos + len(line)))
            fence = None
        pos += len(line)
    if fence is not None:
        regions.append(Region(start, len(text)))
    outside = _outside(text, regions)
    for seg_start, seg_end in outside:
        for m in _CODE_SPAN.finditer(text, seg_start, seg_end):
            regions.append(Region(m.start(), m.end()))
    return sorted(regions, key=lambda r: r.start)


def _outside(text: str, regions: list[Region]) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for r in sorted(regions, key=lambda r: r.start):
        if r.start > pos:
            out.append((pos, r.start))
        pos = max(pos, r.end)
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _in(regions: list[Region], index: int) -> bool:
    return any(r.start <= index < r.end for r in regions)


def is_safe_url(target: str) -> bool:
    """Relative addresses and http(s)/mailto are safe; any other scheme, however disguised, is not."""
    decoded = target.strip("<>")
    for _ in range(3):  # entities inside entities: &amp;#106; ...
        decoded = html.unescape(decoded)
    decoded = re.sub(r"\\(.)", r"\1", decoded)
    decoded = re.sub(r"%([0-9a-fA-F]{2})", lambda m: chr(int(m.group(1), 16)), decoded)
    decoded = _CONTROL.sub("", decoded).lower()
    scheme = re.match(r"^([a-z][a-z0-9+.\-]*):", decoded)
    if scheme:
        return scheme.group(1) in SAFE_SCHEMES
    # "javascript" hidden before a colon written some other way, or a protocol-relative URL.
    return not decoded.startswith("//") and ":" not in decoded.split("/")[0].split("?")[0].split("#")[0]


def _line_of(text: str, index: int, first_line: int) -> int:
    return first_line + text.count("\n", 0, index)


def lint_markdown(body: str, shown: str, first_line: int) -> list[Problem]:
    """Everything in a commentary body that ``check`` refuses, with file and line."""
    problems: list[Problem] = []
    code = code_regions(body)
    lines = body.split("\n")

    def add(index: int, message: str, snippet: str, hint: str) -> None:
        problems.append(Problem(shown, _line_of(body, index, first_line), message, snippet, hint))

    for m in _HTML_START.finditer(body):
        if _in(code, m.start()) or _AUTOLINK.match(body, m.start()):
            continue
        snippet = body[m.start() : body.find(">", m.start()) + 1 or m.start() + 40]
        add(
            m.start(),
            "raw HTML is not allowed in commentary",
            snippet,
            "write Markdown instead (links: [text](https://...)); put code in `backticks`",
        )
    for m in _INLINE_LINK.finditer(body):
        if _in(code, m.start()):
            continue
        if not is_safe_url(m.group("target")):
            kind = "image" if m.group("bang") else "link"
            add(
                m.start(),
                f"{kind} address not allowed: only https://, http://, mailto: or a paragraph reference",
                m.group(0),
                "link to a web page with https://",
            )
    for m in _REF_DEF.finditer(body):
        if _in(code, m.start()) or m.group(0).lstrip().startswith("[^"):
            continue
        if not is_safe_url(m.group("target")):
            add(
                m.start(),
                "link address not allowed: only https://, http://, mailto: or a paragraph reference",
                m.group(0),
                "link to a web page with https://",
            )
    for m in _ATTR_LIST.finditer(body):
        if _in(code, m.start()):
            continue
        add(
            m.start(),
            "attribute lists ({: ...}) are not allowed in commentary",
            m.group(0),
            "remove it; the site styles commentary itself",
        )
    offset = 0
    for i, line in enumerate(lines):
        heading = _HEADING.match(line)
        # "## Title", or a line of "===" / "---" right under text (a Setext heading).
        if heading and not _in(code, offset) and (heading.group(1) or (i > 0 and lines[i - 1].strip())):
            add(offset, "headings are not allowed in commentary", line, "use **bold text** for a sub-title")
        offset += len(line) + 1
    problems.extend(_lint_lists(body, shown, first_line, code))
    return sorted(problems, key=lambda p: p.line)


def _lint_lists(body: str, shown: str, first_line: int, code: list[Region]) -> list[Problem]:
    """Lists the way CommonMark sees them, checked against Python-Markdown's rules."""
    problems: list[Problem] = []
    lines = body.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    tokens = MarkdownIt("commonmark").parse(body)
    for tok in tokens:
        if tok.type not in ("bullet_list_open", "ordered_list_open") or tok.map is None:
            continue
        first = tok.map[0]
        if _in(code, starts[first]):
            continue
        line = lines[first]
        indent = len(line) - len(line.lstrip(" "))
        previous = lines[first - 1] if first > 0 else ""
        if tok.level == 0 and previous.strip() and first > 0:
            problems.append(
                Problem(
                    shown,
                    first_line + first,
                    "a list needs a blank line before it",
                    line.strip(),
                    "leave an empty line between the paragraph and the list",
                )
            )
        if tok.level > 0 and 0 < indent < 4:
            problems.append(
                Problem(
                    shown,
                    first_line + first,
                    "a nested list must be indented by 4 spaces",
                    line,
                    "indent the nested items by 4 spaces",
                )
            )
        start = tok.attrGet("start")
        if tok.type == "ordered_list_open" and start not in (None, 1, "1"):
            problems.append(
                Problem(
                    shown,
                    first_line + first,
                    f"a numbered list must start at 1 (it starts at {start})",
                    line.strip(),
                    "the site numbers lists from 1 whatever the first number",
                )
            )
    return problems


def sanitise(body: str) -> str:
    """Neutralise raw HTML, unsafe links and attribute lists; leave code untouched."""
    code = code_regions(body)
    pieces: list[str] = []
    pos = 0
    for r in sorted(code, key=lambda r: r.start):
        if r.start < pos:
            continue
        pieces.append(_sanitise_text(body[pos : r.start]))
        pieces.append(body[r.start : r.end])
        pos = r.end
    pieces.append(_sanitise_text(body[pos:]))
    return "".join(pieces)


def _sanitise_text(text: str) -> str:
    def link(m: re.Match[str]) -> str:
        if is_safe_url(m.group("target")):
            return m.group(0)
        return m.group("text")  # keep the words, drop the address

    text = _INLINE_LINK.sub(link, text)
    text = _REF_DEF.sub(
        lambda m: (
            m.group(0)
            if m.group(0).lstrip().startswith("[^") or is_safe_url(m.group("target"))
            else m.group(0).replace("[", "\\[", 1)
        ),  # shown as text, no longer a link definition
        text,
    )
    protected: list[str] = []

    def keep(m: re.Match[str]) -> str:
        protected.append(m.group(0))
        return f"\x00{len(protected) - 1}\x00"

    text = _AUTOLINK.sub(keep, text)
    text = _HTML_START.sub("&lt;", text)
    text = text.replace("{", "\\{")
    return re.sub(r"\x00([0-9]+)\x00", lambda m: protected[int(m.group(1))], text)
