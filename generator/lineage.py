"""The lineage diagram: the documents a resolution cites, oldest first, then the resolution itself.

Drawn at build time as an inline SVG, so the page needs no diagram script.  A vertical timeline:
one dot and one label per document, the resolution last and emphasised.  Colours come from
``currentColor`` and the classes styled in ``docs/stylesheets/resolutions.css`` (Material's
palette variables), so the diagram follows the light and dark palettes.

The SVG is ``aria-hidden``: the ordered list printed beside it carries the same documents, in the
same order, with the same links, for screen readers and keyboards.  Its links therefore take no
keyboard focus (``tabindex="-1"``); they are there for a pointer.

Pure and deterministic: the same items give the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import markupsafe

from generator.citations import LineageItem

ROW = 26
"""Vertical distance between two nodes (SVG user units, CSS pixels at natural size)."""
FONT_SIZE = 13
AXIS_X = 9
TEXT_X = 24
DOT_R = 4.5
CURRENT_DOT_R = 7
CHAR_WIDTH = 0.62 * FONT_SIZE
"""A generous average advance of one character in the sans-serif text fonts the site uses."""


@dataclass(frozen=True, slots=True)
class Node:
    label: str
    """What the node reads, e.g. ``decision 72/512 · 4 December 2017``."""
    href: str = ""
    """Where a click on the node goes (``""``: no link)."""
    title: str = ""
    """Tooltip: the full symbol."""
    current: bool = False
    """The resolution whose page this is: last, emphasised."""


def long_date(d: date | None) -> str:
    """``4 December 2017``: the same form as the rest of the page."""
    return f"{d.day} {d:%B %Y}" if d else ""


def label(printed: str, kind: str = "resolution", when: date | None = None) -> str:
    """A node's label: ``decision `` for decisions, the printed symbol, `` · `` and the long date."""
    text = ("decision " if kind == "decision" else "") + printed
    return f"{text} · {long_date(when)}" if when else text


def nodes(items: Sequence[LineageItem], printed: str, adopted: date | None, href: Callable[[str], str]) -> list[Node]:
    """One node per cited document, in the order given (oldest first), then the resolution."""
    out = [Node(label(i.printed, i.kind, i.date), href(i.symbol), i.symbol) for i in items]
    out.append(Node(label(printed, "resolution", adopted), current=True))
    return out


def escape(text: str) -> str:
    """Text for XML character data or a quoted attribute (markupsafe: the templates' escaping)."""
    return str(markupsafe.escape(text))


def _y(index: int) -> int:
    return ROW // 2 + 2 + index * ROW


def svg(chain: Sequence[Node]) -> str:
    """The timeline of ``chain`` as one inline ``<svg>`` element, on lines without indentation.

    No blank line and no line starting with spaces: the element sits inside Markdown as raw HTML.
    """
    if not chain:
        return ""
    longest = max(len(n.label) for n in chain)
    width = TEXT_X + int(longest * CHAR_WIDTH + 0.999) + 4
    height = _y(len(chain) - 1) + ROW // 2 + 2
    lines = [
        f'<svg class="ar-lineage-svg" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}" aria-hidden="true" focusable="false" font-size="{FONT_SIZE}"'
        ' fill="currentColor">',
    ]
    if len(chain) > 1:
        lines.append(
            f'<line class="ar-lineage-axis" x1="{AXIS_X}" y1="{_y(0)}" x2="{AXIS_X}" y2="{_y(len(chain) - 1)}"'
            ' stroke="currentColor" stroke-width="2"/>'
        )
    for i, node in enumerate(chain):
        y = _y(i)
        cls = "ar-lineage-node ar-lineage-current" if node.current else "ar-lineage-node"
        r = CURRENT_DOT_R if node.current else DOT_R
        weight = ' font-weight="bold"' if node.current else ""
        parts = [
            f"<title>{escape(node.title)}</title>" if node.title else "",
            f'<circle cx="{AXIS_X}" cy="{y}" r="{r}"/>',
            f'<text x="{TEXT_X}" y="{y}" dy="0.35em"{weight}>{escape(node.label)}</text>',
        ]
        inner = "".join(parts)
        if node.href:
            lines.append(f'<a class="{cls}" href="{escape(node.href)}" tabindex="-1">{inner}</a>')
        else:
            lines.append(f'<g class="{cls}">{inner}</g>')
    lines.append("</svg>")
    return "\n".join(lines)


def lineage_svg(items: Sequence[LineageItem], printed: str, adopted: date | None, href: Callable[[str], str]) -> str:
    """The lineage diagram of a resolution printed ``printed``, adopted on ``adopted``."""
    return svg(nodes(items, printed, adopted, href))
