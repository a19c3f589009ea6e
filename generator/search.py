"""Search entries per paragraph, so that a phrase found in the site search opens its paragraph.

The theme's search interface inserts an entry's ``title`` and ``text`` as HTML: both are plain
text here, HTML-escaped (:func:`html.escape`), so no wording and no commentary can become markup
in a search result.

MkDocs' search index has one entry per page section (heading).  A resolution's official text is
one section, so a hit would open the top of the text.  :func:`paragraph_entries` makes an entry
per paragraph (location ``A/RES/73/266/#op-1-a``) and per commentary; :func:`merge` puts them in
``search/search_index.json`` in place of the resolution page's "Official text" section, so the
index does not carry the text twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

from generator.commentary import Slot
from generator.contributed import plain_text
from generator.model import Resolution, strip_notes
from generator.naming import named_paragraphs


def paragraph_entries(
    resolutions: Iterable[Resolution], slots: Mapping[str, Mapping[str, Slot]]
) -> dict[str, list[dict[str, str]]]:
    """Per resolution page location (``A/RES/73/266/``): its paragraph and commentary entries."""
    out: dict[str, list[dict[str, str]]] = {}
    for res in resolutions:
        location = f"{res.symbol}/"
        entries = out.setdefault(location, [])
        for p, _, name in named_paragraphs(res):
            label = f"{p.label}. " if p.kind == "operative" else (f"({p.label}) " if p.kind == "subparagraph" else "")
            entries.append(
                {
                    "location": f"{location}#{p.id}",
                    "title": escape(f"{res.symbol}, {name}"),
                    "text": escape(label + strip_notes(p.wording(res.language))),
                }
            )
            slot = slots.get(res.symbol, {}).get(p.id)
            if slot and slot.has_content:
                entries.append(
                    {
                        "location": f"{location}#{p.id}",
                        "title": escape(f"Commentary on {res.symbol}, {name}"),
                        "text": escape(plain_text(slot.body)),
                    }
                )
    return out


def merge(index: dict[str, Any], entries: Mapping[str, list[dict[str, str]]]) -> dict[str, Any]:
    """The index with each resolution page's official-text section replaced by its paragraphs."""
    docs: list[dict[str, str]] = []
    for doc in index.get("docs", []):
        page, _, anchor = doc.get("location", "").partition("#")
        if page in entries and anchor == "official-text":
            docs.append({**doc, "text": ""})
            docs.extend(entries[page])
        elif page in entries and anchor and anchor != "lineage" and not anchor.startswith(("fn:", "fnref")):
            continue  # an older copy of a paragraph entry
        else:
            docs.append(doc)
    return {**index, "docs": docs}
