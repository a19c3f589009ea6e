"""What a reader sees, in Debian's Chromium driven by Playwright, on the site served from 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ARTIFACTS

pytestmark = pytest.mark.browser

PAGE = "/A/RES/73/266/"


def shot(page: object, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))  # type: ignore[attr-defined]
    return path


def test_home_lists_the_resolution(page: object, site_url: str) -> None:
    page.goto(site_url + "/")  # type: ignore[attr-defined]
    link = page.get_by_role("link", name="A/RES/73/266")  # type: ignore[attr-defined]
    assert link.count() >= 1
    shot(page, "home")
    link.first.click()
    page.wait_for_url("**/A/RES/73/266/")  # type: ignore[attr-defined]
    assert "Advancing responsible State behaviour" in page.locator("h1").inner_text()  # type: ignore[attr-defined]


def test_permalink_lands_on_the_paragraph(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE + "#op-3")  # type: ignore[attr-defined]
    para = page.locator("#op-3")  # type: ignore[attr-defined]
    assert para.inner_text().startswith("3.")
    assert "Requests" in para.inner_text()
    box = para.bounding_box()
    assert box is not None and 0 <= box["y"] < 900, "the targeted paragraph is in view"
    link = para.locator("a.ar-permalink")
    assert link.get_attribute("href") == "#op-3"
    assert link.get_attribute("aria-label") == "Permanent link to operative paragraph 3"
    shot(page, "permalink-op-3")


def test_footnote_popover_on_hover_and_focus(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE)  # type: ignore[attr-defined]
    marker = page.locator("#pp-10 sup a.footnote-ref").first  # type: ignore[attr-defined]
    marker.scroll_into_view_if_needed()
    marker.hover()
    tooltip = page.locator(".md-tooltip2--active, .md-tooltip--active").first  # type: ignore[attr-defined]
    tooltip.wait_for(state="visible", timeout=5000)
    assert "A/65/201" in tooltip.inner_text()
    shot(page, "footnote-hover")
    page.mouse.move(0, 0)  # type: ignore[attr-defined]
    page.keyboard.press("Escape")  # type: ignore[attr-defined]
    marker2 = page.locator("#op-1-a sup a.footnote-ref").nth(2)  # type: ignore[attr-defined]
    marker2.focus()
    # Keyboard focus alone opens the footnote's popover.
    page.wait_for_function(  # type: ignore[attr-defined]
        """() => [...document.querySelectorAll('.md-tooltip2--active')]
                 .some(t => t.innerText.includes('A/70/174'))""",
        timeout=5000,
    )


def test_commentary_open_under_its_paragraph_and_collapsible(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE + "#op-1-a")  # type: ignore[attr-defined]
    block = page.locator(".ar-unit:has(#op-1-a) + details.commentary")  # type: ignore[attr-defined]
    assert block.count() == 1
    assert block.get_attribute("open") is not None
    assert "Commentary on operative paragraph 1 (a)" in block.locator("summary").inner_text()
    edit = block.locator("a.ar-edit")
    assert edit.get_attribute("href").endswith("/edit/main/resolutions/A-RES-73-266/commentary/op-1-a.md")
    shot(page, "commentary-op-1-a")
    block.locator("summary").click()
    assert block.get_attribute("open") is None


def test_empty_slot_offers_add_commentary(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE)  # type: ignore[attr-defined]
    add = page.locator("#op-4 a.ar-add")  # type: ignore[attr-defined]
    href = add.get_attribute("href")
    assert href is not None and "/new/main/resolutions/A-RES-73-266/commentary?filename=op-4.md" in href
    assert page.locator("#pp-10 a.ar-add").count() == 0  # type: ignore[attr-defined]


def test_paragraph_reference_shows_the_paragraph_in_a_preview(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE + "#op-1-a")  # type: ignore[attr-defined]
    link = page.locator('details.commentary a[href="#op-3"]').first  # type: ignore[attr-defined]
    link.scroll_into_view_if_needed()
    link.hover()
    tip = page.locator(".ar-preview")  # type: ignore[attr-defined]
    tip.wait_for(state="visible", timeout=5000)
    text = tip.inner_text()
    assert text.startswith("3.")
    assert "Requests the Secretary-General, with the assistance of a group of governmental experts" in text
    # The paragraph alone: neither its commentary nor the next paragraph.
    assert "Commentary on" not in text
    assert "Office for Disarmament Affairs" not in text
    shot(page, "preview-op-3")


def test_footnote_marker_shows_only_the_footnote(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE)  # type: ignore[attr-defined]
    marker = page.locator("#op-1-a sup a.footnote-ref").first  # type: ignore[attr-defined]
    marker.scroll_into_view_if_needed()
    marker.hover()
    page.wait_for_timeout(1200)  # type: ignore[attr-defined]
    active = [t.inner_text() for t in page.locator(".md-tooltip2--active").all()]  # type: ignore[attr-defined]
    assert len(active) == 1
    assert active[0].startswith("A/65/201.")
    assert "Welcoming" not in active[0] and "To be guided" not in active[0]


def test_lineage_is_one_timeline_with_titles(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE + "#lineage")  # type: ignore[attr-defined]
    items = page.locator(".ar-lineage ol.ar-timeline > li")  # type: ignore[attr-defined]
    assert items.count() == 21  # the 20 resolutions and decisions it cites, then the resolution itself
    assert items.first.inner_text().startswith("53/70 4 December 1998")
    assert items.nth(19).inner_text().startswith("decision 72/512 4 December 2017")
    current = page.locator(".ar-timeline-current")  # type: ignore[attr-defined]
    assert current.get_attribute("aria-current") == "page"
    assert current.inner_text().startswith("73/266 22 December 2018")
    assert items.first.locator("a").get_attribute("href") == "https://undocs.org/A/RES/53/70"
    # Shown once: no diagram repeating the list, no diagram script.
    assert page.locator(".ar-lineage svg").count() == 0  # type: ignore[attr-defined]
    assert page.locator("script[src*='mermaid']").count() == 0  # type: ignore[attr-defined]
    symbols = page.locator(".ar-lineage").inner_text()  # type: ignore[attr-defined]
    assert symbols.count("53/70") == 1
    # Each dot is drawn by CSS on the list's own line.
    dot = page.evaluate(  # type: ignore[attr-defined]
        "getComputedStyle(document.querySelector('.ar-timeline-current'), '::before').backgroundColor"
    )
    assert dot not in ("rgba(0, 0, 0, 0)", "transparent")
    page.locator(".ar-lineage").scroll_into_view_if_needed()  # type: ignore[attr-defined]
    shot(page, "lineage")
    page.locator('label[title="Switch to dark mode"]').click()  # type: ignore[attr-defined]
    page.locator(".ar-lineage").scroll_into_view_if_needed()  # type: ignore[attr-defined]
    shot(page, "lineage-dark")
