"""The vote line, the vote panel and the State pages, in Debian's Chromium on the built site."""

from __future__ import annotations

import pytest

from tests.conftest import CHROMIUM_ARGS
from tests.test_browser import shot

pytestmark = pytest.mark.browser

PAGE = "/A/RES/73/266/"


def visible_states(page: object) -> list[str]:
    return page.evaluate(  # type: ignore[attr-defined, no-any-return]
        """() => [...document.querySelectorAll('.ar-vote-lists:not(.ar-vote-lists--separate) .ar-vote-states li')]
                 .filter(li => !li.hidden && li.offsetParent !== null).map(li => li.textContent.trim())"""
    )


def test_vote_line_and_its_data(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE)  # type: ignore[attr-defined]
    line = page.locator("p.ar-vote")  # type: ignore[attr-defined]
    assert line.count() == 1
    assert line.inner_text() == (
        "Adopted by a recorded vote of 138 to 12, with 16 abstentions (A/73/PV.65) · how States voted"
    )
    assert [line.get_attribute(f"data-{k}") for k in ("yes", "no", "abstain", "non-voting")] == [
        "138",
        "12",
        "16",
        "27",
    ]
    assert line.get_attribute("data-without-vote") is None
    assert line.locator("a").first.get_attribute("href") == "https://undocs.org/en/A/73/PV.65"
    assert line.locator("a.ar-vote-more").get_attribute("href") == "#vote"  # the panel, after the text
    line.scroll_into_view_if_needed()
    shot(page, "vote-line")


def test_filter_narrows_the_lists_as_you_type(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE)  # type: ignore[attr-defined]
    panel = page.locator("details.ar-vote-panel")  # type: ignore[attr-defined]
    panel.locator("summary").click()
    assert len(visible_states(page)) == 193
    box = page.get_by_label("Find a State")  # type: ignore[attr-defined]
    assert box.is_visible()
    box.fill("ira")  # anywhere in the name, in every column
    assert visible_states(page) == ["Iraq", "United Arab Emirates", "Iran (Islamic Republic of)"]
    assert page.locator(".ar-vote-filter-status").inner_text() == "3 States shown"  # type: ignore[attr-defined]
    box.fill("cote")  # accents ignored
    assert visible_states(page) == ["Côte d'Ivoire"]
    box.fill("zzz")
    assert visible_states(page) == []
    assert page.locator(".ar-vote-filter-status").inner_text() == "No State matches"  # type: ignore[attr-defined]
    box.fill("")
    assert len(visible_states(page)) == 193
    box.fill("russ")
    panel.scroll_into_view_if_needed()
    shot(page, "vote-panel-filtered")
    box.fill("")
    page.locator(".ar-map").scroll_into_view_if_needed()  # type: ignore[attr-defined]
    shot(page, "vote-map")
    page.locator('label[title="Switch to dark mode"]').click()  # type: ignore[attr-defined]
    page.locator(".ar-map").scroll_into_view_if_needed()  # type: ignore[attr-defined]
    shot(page, "vote-map-dark")


def test_map_colours_come_from_the_palette(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE)  # type: ignore[attr-defined]
    page.locator("details.ar-vote-panel summary").click()  # type: ignore[attr-defined]
    fills = page.evaluate(  # type: ignore[attr-defined]
        """() => Object.fromEntries(['yes', 'abstain', 'non-voting'].map(v =>
             [v, getComputedStyle(document.querySelector('.ar-map .ar-m-' + v)).fill]))"""
    )
    assert fills == {"yes": "rgb(0, 114, 178)", "abstain": "rgb(240, 228, 66)", "non-voting": "rgb(140, 140, 140)"}
    no = page.evaluate("getComputedStyle(document.querySelector('.ar-map .ar-m-no')).fill")  # type: ignore[attr-defined]
    assert "ar-map-hatch" in no  # hatched, not a colour alone


def test_without_javascript_every_list_shows(browser: object, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(site_url + PAGE)
    page.locator("details.ar-vote-panel summary").click()
    assert page.locator(".ar-vote-lists .ar-vote-states li").count() == 193
    assert not page.locator("input.ar-vote-filter").is_visible()
    context.close()


def test_state_page_lists_its_votes(page: object, site_url: str) -> None:
    page.goto(site_url + "/states/")  # type: ignore[attr-defined]
    page.get_by_role("link", name="China", exact=True).click()  # type: ignore[attr-defined]
    page.wait_for_url("**/states/cn/")  # type: ignore[attr-defined]
    assert page.locator("h1").inner_text() == "China"  # type: ignore[attr-defined]
    row = page.locator("tr", has_text="A/RES/73/266")  # type: ignore[attr-defined]
    assert row.locator("td.ar-state-vote").inner_text().strip() == "No"
    es11 = page.locator("tr", has_text="A/RES/ES-11/4")  # type: ignore[attr-defined]
    assert es11.locator("td.ar-state-vote").inner_text().strip() == "Abstain"
    shot(page, "state-cn")
    row.get_by_role("link", name="A/RES/73/266").click()
    page.wait_for_url("**/A/RES/73/266/")  # type: ignore[attr-defined]


def test_no_serious_accessibility_violations(page: object, site_url: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    for path, open_panel in (("/states/cn/", False), ("/states/", False), (PAGE, True)):
        page.goto(site_url + path)  # type: ignore[attr-defined]
        if open_panel:
            page.locator("details.ar-vote-panel summary").click()  # type: ignore[attr-defined]
        page.wait_for_timeout(300)  # type: ignore[attr-defined]
        results = Axe().run(page)
        bad = [
            (v["id"], v["impact"], v["nodes"][0]["html"][:120])
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert bad == [], path


assert CHROMIUM_ARGS  # the browser fixture's arguments, shared with tests/test_browser.py
