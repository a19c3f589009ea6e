"""What a resolution page shows of each paragraph's history: one short line and two attributes.

- ``Agreed language since A/RES/74/28 (2019), op 3``: the earliest earlier resolution on the site
  with the same words (``data-since="A/RES/74/28#op-3"``);
- ``Changed from A/RES/77/36, op 5: show changes``: the closest earlier near match
  (``data-changed-from="A/RES/77/36#op-5"``), "show changes" linking to the changes page of this
  resolution against that one, when there is such a page;
- ``New in this resolution``: no earlier resolution on the site has these words or words alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.history.provenance import Earlier, Provenance


def short_name(name: str) -> str:
    """``op 1 (a)`` for ``operative paragraph 1 (a)``, ``pp 3`` for ``preambular paragraph 3``."""
    name = re.sub(r"\bpreambular paragraph\b", "pp", name)
    return re.sub(r"\boperative paragraph\b", "op", name)


@dataclass(frozen=True, slots=True)
class ParagraphHistory:
    """A paragraph's provenance with what the page needs to name it (pure data: cacheable, comparable)."""

    provenance: Provenance
    earlier_name: str = ""
    """The short name of the earlier paragraph (``op 3``)."""
    changes_page: str = ""
    """The changes page (path in docs/) of this resolution against the earlier one, if any."""


@dataclass(frozen=True, slots=True)
class HistoryView:
    status: str
    """``agreed``, ``changed`` or ``new``."""
    label: str
    reference: str
    """``A/RES/74/28 (2019), op 3``; ``""`` for a new paragraph."""
    href: str
    changes_href: str
    data_since: str
    data_changed_from: str


def _key(e: Earlier) -> str:
    return f"{e.symbol}#{e.paragraph_id}"


def history_view(
    pid: str, h: ParagraphHistory, href: Callable[[str, str], str], page_link: Callable[[str, str], str]
) -> HistoryView:
    """The view of ``h`` for paragraph ``pid``: ``href(symbol, anchor)`` links to a resolution's
    paragraph, ``page_link(page, anchor)`` to a page of the site."""
    p = h.provenance
    if p.since is not None:
        year = f" ({p.since.adopted.year})" if p.since.adopted else ""
        return HistoryView(
            "agreed",
            "Agreed language since",
            f"{p.since.symbol}{year}, {h.earlier_name}",
            href(p.since.symbol, p.since.paragraph_id),
            "",
            _key(p.since),
            "",
        )
    if p.changed_from is not None:
        e = p.changed_from
        return HistoryView(
            "changed",
            "Changed from",
            f"{e.symbol}, {h.earlier_name}",
            href(e.symbol, e.paragraph_id),
            page_link(h.changes_page, pid) if h.changes_page else "",
            "",
            _key(e),
        )
    return HistoryView("new", "New in this resolution", "", "", "", "", "")
