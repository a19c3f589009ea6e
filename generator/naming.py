"""How readers name a paragraph: ``preambular paragraph 3``, ``operative paragraph 1 (a) (ii)``."""

from __future__ import annotations

from collections.abc import Iterator

from generator.model import Paragraph, Resolution


def paragraph_name(p: Paragraph, parents: tuple[Paragraph, ...] = ()) -> str:
    """The name of ``p``, given the chain of paragraphs it sits under (outermost first)."""
    chain = (*parents, p)
    top = chain[0]
    if top.kind == "preambular":
        base = f"preambular paragraph {top.id.removeprefix('pp-')}"
    else:
        base = f"operative paragraph {top.label}"
    return base + "".join(f" ({c.label})" for c in chain[1:])


def named_paragraphs(res: Resolution) -> Iterator[tuple[Paragraph, tuple[Paragraph, ...], str]]:
    """Every paragraph in document order with its parents and its name."""

    def visit(p: Paragraph, parents: tuple[Paragraph, ...]) -> Iterator[tuple[Paragraph, tuple[Paragraph, ...], str]]:
        yield p, parents, paragraph_name(p, parents)
        for child in p.children:
            yield from visit(child, (*parents, p))

    for top in (*res.preamble, *res.operative):
        yield from visit(top, ())


def names(res: Resolution) -> dict[str, str]:
    """Paragraph id -> name."""
    return {p.id: name for p, _, name in named_paragraphs(res)}
