"""The lineage diagram drawn at build time (generator/lineage.py)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date

from generator.citations import LineageItem
from generator.lineage import Node, escape, label, lineage_svg, nodes, svg
from generator.render import long_date, raw_html_href

SVG = "{http://www.w3.org/2000/svg}"
ITEMS = [
    LineageItem("A/RES/53/70", "53/70", "resolution", date(1998, 12, 4)),
    LineageItem("A/RES/71/28", "71/28", "resolution", date(2016, 12, 5)),
    LineageItem("A/DEC/72/512", "72/512", "decision", date(2017, 12, 4)),
    LineageItem("A/RES/1(I)", "1 (I)", "resolution", None),
]


def href(symbol: str) -> str:
    return "https://undocs.org/" + symbol


def parse(text: str) -> ET.Element:
    return ET.fromstring(text)


def labels(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(SVG + "text")]


def test_one_node_per_item_then_the_resolution_in_order() -> None:
    root = parse(lineage_svg(ITEMS, "73/266", date(2018, 12, 22), href))
    assert labels(root) == [
        "53/70 · 4 December 1998",
        "71/28 · 5 December 2016",
        "decision 72/512 · 4 December 2017",
        "1 (I)",
        "73/266 · 22 December 2018",
    ]
    assert len(list(root.iter(SVG + "circle"))) == len(ITEMS) + 1
    # Top to bottom, oldest first: the nodes' y coordinates rise.
    ys = [float(c.get("cy", "")) for c in root.iter(SVG + "circle")]
    assert ys == sorted(ys) and len(set(ys)) == len(ys)
    # The axis joins the first node to the last.
    (axis,) = root.iter(SVG + "line")
    assert (float(axis.get("y1", "")), float(axis.get("y2", ""))) == (ys[0], ys[-1])
    # Every node fits inside the drawing.
    assert ys[-1] < float(root.get("height", ""))


def test_a_dropped_node_is_seen() -> None:
    full = labels(parse(lineage_svg(ITEMS, "73/266", None, href)))
    fewer = labels(parse(lineage_svg(ITEMS[:-1], "73/266", None, href)))
    assert len(full) == len(ITEMS) + 1
    assert len(fewer) == len(full) - 1
    assert "1 (I)" in full and "1 (I)" not in fewer


def test_the_resolution_is_last_emphasised_and_not_a_link() -> None:
    root = parse(lineage_svg(ITEMS, "73/266", date(2018, 12, 22), href))
    groups = [el for el in root if el.tag in (SVG + "a", SVG + "g")]
    assert len(groups) == len(ITEMS) + 1
    *cited, current = groups
    assert current.tag == SVG + "g" and "ar-lineage-current" in current.get("class", "")
    assert current.find(SVG + "text") is not None and current.find(SVG + "text").get("font-weight") == "bold"  # type: ignore[union-attr]
    for el, item in zip(cited, ITEMS, strict=True):
        assert el.tag == SVG + "a"
        assert el.get("href") == href(item.symbol)
        assert el.get("tabindex") == "-1"  # the list beside carries the links for keyboards
        assert el.findtext(SVG + "title") == item.symbol
        assert "ar-lineage-current" not in el.get("class", "")


def test_hidden_from_assistive_technology_and_palette_colours() -> None:
    text = lineage_svg(ITEMS, "73/266", None, href)
    root = parse(text)
    assert root.get("aria-hidden") == "true"
    assert root.get("focusable") == "false"
    assert "currentColor" in text
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b", text), "no fixed colour: the stylesheet's palette variables apply"


def test_text_is_escaped() -> None:
    tricky = [LineageItem('A/RES/<1>&"2"', "<b>1</b> & 'x'", "resolution", None)]
    text = lineage_svg(tricky, "R&D <2>", None, lambda s: "https://example.org/?a=1&b=" + s)
    root = parse(text)  # well-formed XML
    assert labels(root) == ["<b>1</b> & 'x'", "R&D <2>"]
    assert "<b>" not in text
    (link,) = root.iter(SVG + "a")
    assert link.get("href") == 'https://example.org/?a=1&b=A/RES/<1>&"2"'
    assert link.findtext(SVG + "title") == 'A/RES/<1>&"2"'
    assert escape("<&>\"'") == "&lt;&amp;&gt;&#34;&#39;"  # markupsafe's escaping, as the templates


def test_deterministic() -> None:
    first = lineage_svg(ITEMS, "73/266", date(2018, 12, 22), href)
    assert first == lineage_svg(list(ITEMS), "73/266", date(2018, 12, 22), href)
    assert first == svg(nodes(ITEMS, "73/266", date(2018, 12, 22), href))


def test_raw_html_safe_lines() -> None:
    """It sits inside Markdown as raw HTML: no blank line, no indented line."""
    text = lineage_svg(ITEMS, "73/266", None, href)
    assert all(line and not line[0].isspace() for line in text.splitlines())


def test_width_follows_the_longest_label() -> None:
    short = parse(svg([Node("1/1"), Node("2/2", current=True)]))
    long = parse(svg([Node("decision 72/512 · 27 September 2017"), Node("2/2", current=True)]))
    assert float(long.get("width", "")) > float(short.get("width", ""))
    assert svg([]) == ""


def test_labels_and_dates_match_the_page() -> None:
    when = date(2017, 12, 4)
    assert label("72/512", "decision", when) == "decision 72/512 · 4 December 2017"
    assert label("71/28", "resolution", None) == "71/28"
    from generator.lineage import long_date as lineage_date

    assert lineage_date(when) == long_date(when)


def test_raw_html_href() -> None:
    assert raw_html_href("../../72/19/index.md") == "../../72/19/"
    assert raw_html_href("../../72/19/index.md#op-1") == "../../72/19/#op-1"
    assert raw_html_href("https://undocs.org/A/RES/53/70") == "https://undocs.org/A/RES/53/70"
    assert raw_html_href("#op-2") == "#op-2"
