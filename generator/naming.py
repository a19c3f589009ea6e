"""How readers name a paragraph: ``preambular paragraph 3``, ``operative paragraph 1 (a) (ii)``."""

from __future__ import annotations

from collections.abc import Iterator

from generator.model import Paragraph, Part, Resolution


def paragraph_name(p: Paragraph, parents: tuple[Paragraph, ...] = (), part: Part | None = None) -> str:
    """The name of ``p``, given the chain of paragraphs it sits under (outermost first) and the
    annex or embedded text it belongs to, if any."""
    chain = (*parents, p)
    top = chain[0]
    if top.kind == "preambular":
        base = f"preambular paragraph {top.id.removeprefix('pp-')}"
    elif top.kind == "operative":
        base = f"operative paragraph {top.label}" if top.label else f"unnumbered operative paragraph ({top.id})"
    else:
        where = part_name(part) if part else "text"
        number = top.label or top.id.rsplit("-", 1)[-1]
        base = f"{where}, {'section' if top.kind == 'heading' else 'paragraph'} {number}"
    return base + "".join(f" ({c.label})" for c in chain[1:])


def part_name(part: Part) -> str:
    """``annex II``, ``the text embedded in operative paragraph 2``."""
    if part.kind == "annex":
        return f"annex {part.label}" if part.label else "annex"
    owner = part.id.removesuffix("-text").removeprefix("op-")
    return f"the text embedded in operative paragraph {owner}"


def named_paragraphs_of(top: Paragraph) -> Iterator[tuple[Paragraph, tuple[Paragraph, ...], str]]:
    """A paragraph and its subparagraphs in document order, with parents and names."""

    def visit(p: Paragraph, parents: tuple[Paragraph, ...]) -> Iterator[tuple[Paragraph, tuple[Paragraph, ...], str]]:
        yield p, parents, paragraph_name(p, parents)
        for child in p.children:
            yield from visit(child, (*parents, p))

    yield from visit(top, ())


def named_paragraphs(res: Resolution) -> Iterator[tuple[Paragraph, tuple[Paragraph, ...], str]]:
    """Every paragraph of the resolution itself in document order with its parents and its name."""
    for top in (*res.preamble, *res.operative):
        yield from named_paragraphs_of(top)


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
