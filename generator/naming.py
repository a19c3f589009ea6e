"""How readers name a paragraph: ``preambular paragraph 3``, ``operative paragraph 1 (a) (ii)``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.model import Component, Paragraph, Part, Resolution

_PREAMBULAR = re.compile(r"pp-([0-9]+)")


def paragraph_name(
    p: Paragraph, parents: tuple[Paragraph, ...] = (), part: Part | None = None, component: Component | None = None
) -> str:
    """The name of ``p``, given the chain of paragraphs it sits under (outermost first), the
    annex or embedded text it belongs to, if any, and the resolution (A, B ...) of a publication
    of several it belongs to, if any."""
    chain = (*parents, p)
    top = chain[0]
    if top.kind == "preambular":
        m = _PREAMBULAR.search(top.id)
        base = f"preambular paragraph {m.group(1) if m else top.id}"
    elif top.kind == "operative":
        base = f"operative paragraph {top.label}" if top.label else f"unnumbered operative paragraph ({top.id})"
    else:
        where = part_name(part) if part else "text"
        number = top.label or top.id.rsplit("-", 1)[-1]
        base = f"{where}, {'section' if top.kind == 'heading' else 'paragraph'} {number}"
    if component is not None and part is None:
        base = f"resolution {component.label}, {base}"
    return base + "".join(_step(c) for c in chain[1:])


def _step(p: Paragraph) -> str:
    """`` (a)`` for a subparagraph; ``, block t1`` for an unnumbered block under a paragraph."""
    return f" ({p.label})" if p.label else f", block {p.id.rsplit('-', 1)[-1]}"


def part_name(part: Part) -> str:
    """``annex II``, ``the text embedded in operative paragraph 2``."""
    if part.kind == "annex":
        return f"annex {part.label}" if part.label else "annex"
    owner = part.id.removesuffix("-text").removeprefix("op-")
    return f"the text embedded in operative paragraph {owner}"


def named_paragraphs_of(
    top: Paragraph, component: Component | None = None
) -> Iterator[tuple[Paragraph, tuple[Paragraph, ...], str]]:
    """A paragraph and its subparagraphs in document order, with parents and names."""

    def visit(p: Paragraph, parents: tuple[Paragraph, ...]) -> Iterator[tuple[Paragraph, tuple[Paragraph, ...], str]]:
        yield p, parents, paragraph_name(p, parents, component=component)
        for child in p.children:
            yield from visit(child, (*parents, p))

    yield from visit(top, ())


def named_paragraphs(res: Resolution) -> Iterator[tuple[Paragraph, tuple[Paragraph, ...], str]]:
    """Every paragraph of the resolution itself (of each of its components) in document order
    with its parents and its name."""
    for top in (*res.preamble, *res.operative):
        yield from named_paragraphs_of(top)
    for component in res.components:
        for top in component.top_paragraphs():
            yield from named_paragraphs_of(top, component)


def names(res: Resolution) -> dict[str, str]:
    """Paragraph id -> name."""
    return {p.id: name for p, _, name in named_paragraphs(res)}


def part_paragraphs(part: Part) -> Iterator[tuple[Paragraph, tuple[Paragraph, ...], str]]:
    """Every paragraph of an annex or embedded text, with its parents and its name."""

    def visit(p: Paragraph, parents: tuple[Paragraph, ...]) -> Iterator[tuple[Paragraph, tuple[Paragraph, ...], str]]:
        yield p, parents, paragraph_name(p, parents, part)
        for child in p.children:
            yield from visit(child, (*parents, p))

    for top in part.paragraphs:
        yield from visit(top, ())
