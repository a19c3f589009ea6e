"""Reader experience in a real browser: cite, permalinks, search, mobile, keyboard, accessibility,
print, palettes.  Screenshots go to test-artifacts/."""

from __future__ import annotations

import re
import urllib.parse
import urllib.request

import pytest

from tests.test_browser import PAGE, shot

pytestmark = pytest.mark.browser

MOBILE = {"viewport": {"width": 375, "height": 740}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}
CLIPBOARD = {"viewport": {"width": 1280, "height": 900}, "permissions": ["clipboard-read", "clipboard-write"]}


def clipboard(page: object) -> str:
    text: str = page.evaluate("navigator.clipboard.readText()")  # type: ignore[attr-defined]
    return text


@pytest.mark.parametrize("page", [CLIPBOARD], indirect=True)
def test_cite_dialog_shows_and_copies_three_styles(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE + "#op-1-a")  # type: ignore[attr-defined]
    page.locator("#op-1-a button.ar-cite").click()  # type: ignore[attr-defined]
    dialog = page.locator("dialog.ar-cite-dialog")  # type: ignore[attr-defined]
    dialog.wait_for(state="visible")
    assert dialog.locator("h2").inner_text() == "Cite operative paragraph 1 (a)"
    assert dialog.locator(".ar-citation--oscola").inner_text() == (
        "UNGA Res 73/266 (22 December 2018) UN Doc A/RES/73/266, para 1(a)"
    )
    assert dialog.locator(".ar-citation--bluebook").inner_text() == (
        "G.A. Res. 73/266, ¶ 1(a), U.N. Doc. A/RES/73/266 (Dec. 22, 2018)"
    )
    assert dialog.locator(".ar-citation--plain").inner_text() == "A/RES/73/266, operative paragraph 1 (a)"
    shot(page, "cite-dialog")
    dialog.get_by_role("button", name="Copy the Bluebook citation").click()
    page.wait_for_timeout(200)  # type: ignore[attr-defined]
    assert clipboard(page) == "G.A. Res. 73/266, ¶ 1(a), U.N. Doc. A/RES/73/266 (Dec. 22, 2018)"
    page.keyboard.press("Escape")  # type: ignore[attr-defined]
    assert not dialog.is_visible()
    # Preambular paragraphs are cited as such (Cite shows when the paragraph is hovered).
    page.locator("#pp-3").hover()  # type: ignore[attr-defined]
    page.locator("#pp-3 button.ar-cite").click()  # type: ignore[attr-defined]
    assert dialog.locator(".ar-citation--bluebook").inner_text().startswith("G.A. Res. 73/266, pmbl. ¶ 3,")


@pytest.mark.parametrize("page", [CLIPBOARD], indirect=True)
def test_permalink_copies_the_full_address(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE)  # type: ignore[attr-defined]
    page.locator("#op-3 a.ar-permalink").click()  # type: ignore[attr-defined]
    page.wait_for_timeout(200)  # type: ignore[attr-defined]
    assert clipboard(page) == site_url + PAGE + "#op-3"
    assert page.url.endswith("#op-3")  # type: ignore[attr-defined]
    assert "copied" in page.locator(".ar-toast").inner_text()  # type: ignore[attr-defined]


def test_reference_manager_files_and_metadata(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE)  # type: ignore[attr-defined]
    meta = {
        m.get_attribute("name"): m.get_attribute("content")
        for m in page.locator('meta[name^="citation_"]').all()  # type: ignore[attr-defined]
    }
    assert meta["citation_title"].startswith("Advancing responsible State behaviour")
    assert meta["citation_technical_report_number"] == "A/RES/73/266"
    assert meta["citation_date"] == "2018/12/22"
    assert page.locator('meta[property="og:image"]').get_attribute("content").endswith("/A/RES/73/266/card.png")  # type: ignore[attr-defined]
    bib = page.get_by_role("link", name="BibTeX").get_attribute("href")  # type: ignore[attr-defined]
    csl = page.get_by_role("link", name="CSL-JSON").get_attribute("href")  # type: ignore[attr-defined]
    with urllib.request.urlopen(site_url + PAGE + bib) as r:
        assert r.read().decode().startswith("@misc{A_RES_73_266,")
    with urllib.request.urlopen(site_url + PAGE + csl) as r:
        assert '"number": "A/RES/73/266"' in r.read().decode()
    with urllib.request.urlopen(site_url + PAGE + "card.png") as r:
        assert r.read(8) == b"\x89PNG\r\n\x1a\n"


def search(page: object, query: str, key: str = "/") -> object:
    """Open the site search with a keyboard shortcut, type ``query``; the result links."""
    page.keyboard.press(key)  # type: ignore[attr-defined]
    box = page.locator("dialog.ar-search input[type=search]")  # type: ignore[attr-defined]
    assert box.evaluate("e => e === document.activeElement")
    box.press_sequentially(query, delay=10)
    links = page.locator("dialog.ar-search .ar-search__link")  # type: ignore[attr-defined]
    links.first.wait_for(state="visible", timeout=10000)
    return links


@pytest.mark.parametrize(
    ("phrase", "anchor"),
    [
        ("dual-use technologies", "#pp-5"),  # before A/RES/73/6, whose title has "Uses"
        ("two two-day informal consultative meetings", "#op-5"),
        ("institutional centrepiece of the resolution", "#op-3"),  # commentary opens its paragraph
    ],
)
def test_search_puts_the_paragraph_with_the_phrase_first_and_opens_it(
    page: object, site_url: str, phrase: str, anchor: str
) -> None:
    page.goto(site_url + "/")  # type: ignore[attr-defined]
    links = search(page, phrase)
    first = links.first  # type: ignore[attr-defined]
    href = first.get_attribute("href") or ""
    assert re.search(re.escape(PAGE) + r"\?highlight=[^#]*" + re.escape(anchor) + "$", href), href
    assert first.locator("mark").count() >= 1
    shot(page, "search-" + anchor.lstrip("#"))
    first.click()
    page.wait_for_url(re.compile(re.escape(anchor) + "$"))  # type: ignore[attr-defined]
    target = page.locator(anchor)  # type: ignore[attr-defined]
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < 900
    assert target.locator("mark.ar-search-hit").count() >= 1


@pytest.mark.parametrize(
    ("symbol", "path"),
    [("73/266", PAGE), ("A/RES/73/7", "/A/RES/73/7/"), ("S/RES/1590", "/S/RES/1590(2005)/")],
)
def test_a_symbol_opens_its_resolution(page: object, site_url: str, symbol: str, path: str) -> None:
    page.goto(site_url + "/contributing/")  # type: ignore[attr-defined]
    first = search(page, symbol).first  # type: ignore[attr-defined]
    href = first.get_attribute("href") or ""
    assert href.split("?")[0] == path and "#" not in href, href
    first.click()
    page.wait_for_load_state()  # type: ignore[attr-defined]
    assert urllib.parse.unquote(page.url).split("?")[0] == site_url + path  # type: ignore[attr-defined]


def test_highlights_only_whole_words(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE + "?highlight=use#pp-5")  # type: ignore[attr-defined]
    marks = page.evaluate(  # type: ignore[attr-defined]
        """() => [...document.querySelectorAll('mark.ar-search-hit')].map(m => {
             const before = m.previousSibling ? m.previousSibling.textContent.slice(-1) : '';
             const after = m.nextSibling ? m.nextSibling.textContent.slice(0, 1) : '';
             return [before, m.textContent, after]; })"""
    )
    assert len(marks) > 5
    for before, word, after in marks:
        assert word.lower().startswith("use"), word
        assert not re.match(r"\w", before) and not re.match(r"\w", after), (before, word, after)
    text = page.locator(".ar-official").inner_text()  # type: ignore[attr-defined]
    assert "because" in text  # there, and not marked: "use" inside it is not a word
    assert page.locator("mark.ar-search-hit", has_text="because").count() == 0  # type: ignore[attr-defined]


@pytest.mark.parametrize("key", ["/", "s", "f"])
def test_search_downloads_nothing_until_opened_and_closes_with_escape(page: object, site_url: str, key: str) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))  # type: ignore[attr-defined]
    page.goto(site_url + PAGE, wait_until="networkidle")  # type: ignore[attr-defined]
    page.mouse.wheel(0, 5000)  # type: ignore[attr-defined]  # reading: no search
    page.wait_for_timeout(1000)  # type: ignore[attr-defined]
    assert not [u for u in requested if "/pagefind/" in u], "the search index is fetched on page load"
    links = search(page, "dual-use technologies", key)
    assert [u for u in requested if "/pagefind/" in u]
    assert (links.first.get_attribute("href") or "").endswith("#pp-5")  # type: ignore[attr-defined]
    # Arrow keys reach the results; Escape closes and gives focus back.
    page.keyboard.press("ArrowDown")  # type: ignore[attr-defined]
    assert page.evaluate("document.activeElement.classList.contains('ar-search__link')")  # type: ignore[attr-defined]
    page.keyboard.press("Escape")  # type: ignore[attr-defined]
    # The dialog closes, then gives focus back: waited for (a loaded machine may take a moment),
    # and it fails if focus stays in the dialog.
    page.locator("dialog.ar-search").wait_for(state="hidden", timeout=5000)  # type: ignore[attr-defined]
    page.wait_for_function("document.activeElement.closest('dialog') === null", timeout=5000)  # type: ignore[attr-defined]


def test_a_query_reads_three_pages_text_and_more_results_three_more(page: object, site_url: str) -> None:
    """What a first query downloads grows with the fragments (each page's whole text) it reads:
    three pages' at first, up to three more for each "More results"."""
    fragments: list[str] = []
    page.on("request", lambda r: fragments.append(r.url) if "/pagefind/fragment/" in r.url else None)  # type: ignore[attr-defined]
    page.goto(site_url + PAGE, wait_until="networkidle")  # type: ignore[attr-defined]
    search(page, "General Assembly")  # on every resolution of the site
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    assert len(set(fragments)) == 3
    status = page.locator("dialog.ar-search .ar-search__status")  # type: ignore[attr-defined]
    found = re.search(r" from 3 of (\d+) pages", status.inner_text())
    assert found and int(found.group(1)) > 3, status.inner_text()
    then = min(6, int(found.group(1)))
    page.locator("dialog.ar-search .ar-search__more").click()  # type: ignore[attr-defined]
    from playwright.sync_api import expect

    expect(status).to_contain_text(f" from {then} of ")  # type: ignore[arg-type]
    assert len(set(fragments)) == then


def test_search_filters_by_body(page: object, site_url: str) -> None:
    page.goto(site_url + "/")  # type: ignore[attr-defined]
    links = search(page, "United Nations")
    assert any("/A/RES/" in (a.get_attribute("href") or "") for a in links.all())  # type: ignore[attr-defined]
    page.get_by_role("button", name="Filters").click()  # type: ignore[attr-defined]
    page.locator("dialog.ar-search select[data-filter=body]").select_option("Security Council")  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => [...document.querySelectorAll('.ar-search__link')].every(a => a.getAttribute('href').startsWith('/S/'))"
    )
    assert links.count() >= 1  # type: ignore[attr-defined]
    shot(page, "search-filter")


@pytest.mark.parametrize("page", [MOBILE], indirect=True)
def test_search_on_a_phone(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE, wait_until="networkidle")  # type: ignore[attr-defined]
    page.locator("button.ar-search-open").tap()  # type: ignore[attr-defined]
    dialog = page.locator("dialog.ar-search")  # type: ignore[attr-defined]
    dialog.wait_for(state="visible")
    dialog.locator("input[type=search]").press_sequentially("dual-use technologies", delay=10)
    first = dialog.locator(".ar-search__link").first
    first.wait_for(state="visible", timeout=10000)
    assert (first.get_attribute("href") or "").endswith("#pp-5")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # type: ignore[attr-defined]
    shot(page, "mobile-search")


@pytest.mark.parametrize("page", [MOBILE], indirect=True)
@pytest.mark.parametrize(
    "path", ["/", PAGE, "/documents/", "/topics/", "/contributing/", "/browse/", "/browse/general-assembly/73/"]
)
def test_mobile_nothing_overflows(page: object, site_url: str, path: str) -> None:
    page.goto(site_url + path)  # type: ignore[attr-defined]
    width = page.evaluate("document.documentElement.scrollWidth")  # type: ignore[attr-defined]
    assert width <= 375
    if path == PAGE:
        shot(page, "mobile-resolution")


@pytest.mark.parametrize("page", [MOBILE], indirect=True)
def test_mobile_footnote_opens_by_tap_in_place(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE)  # type: ignore[attr-defined]
    marker = page.locator("#pp-10 sup a.footnote-ref").first  # type: ignore[attr-defined]
    marker.scroll_into_view_if_needed()
    marker.tap()
    tip = page.locator(".md-tooltip2--active").first  # type: ignore[attr-defined]
    tip.wait_for(state="visible", timeout=5000)
    assert tip.inner_text().startswith("A/65/201")
    assert not page.url.endswith("#fn:1")  # type: ignore[attr-defined]  # the reader keeps their place
    shot(page, "mobile-footnote-tap")


def test_wide_layout_nothing_overflows(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE)  # type: ignore[attr-defined]
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280  # type: ignore[attr-defined]


def test_keyboard_reaches_every_control_with_visible_focus(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE)  # type: ignore[attr-defined]
    seen: dict[str, int] = {}
    for _ in range(400):
        page.keyboard.press("Tab")  # type: ignore[attr-defined]
        info = page.evaluate(  # type: ignore[attr-defined]
            """() => { const e = document.activeElement; const s = getComputedStyle(e);
                       return {cls: e.className || e.tagName, outline: s.outlineStyle, width: s.outlineWidth,
                               shadow: s.boxShadow, name: e.getAttribute('aria-label') || e.textContent.trim()} }"""
        )
        for control in ("ar-permalink", "ar-cite", "ar-add", "ar-edit", "footnote-ref"):
            if control in str(info["cls"]).split():
                seen[control] = seen.get(control, 0) + 1
                visible = (info["outline"] != "none" and info["width"] != "0px") or info["shadow"] != "none"
                assert visible, f"no visible focus on {info}"
                assert info["name"], f"no accessible name on {info}"
        if seen.get("ar-permalink", 0) >= 12 and "ar-edit" in seen:
            break
    assert {"ar-permalink", "ar-cite", "ar-add", "ar-edit", "footnote-ref"} <= set(seen), seen
    # Keyboard focus alone opens a footnote's popover (checked in test_browser) and a Cite dialog opens with Enter.
    page.locator("#op-2 button.ar-cite").focus()  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    assert page.locator("dialog.ar-cite-dialog").is_visible()  # type: ignore[attr-defined]
    shot(page, "keyboard-cite")


@pytest.mark.parametrize("path", ["/", PAGE, "/documents/", "/browse/", "/browse/security-council/2005/"])
def test_no_serious_accessibility_violations(page: object, site_url: str, path: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.goto(site_url + path)  # type: ignore[attr-defined]
    page.wait_for_timeout(500)  # type: ignore[attr-defined]
    results = Axe().run(page)
    bad = [
        (v["id"], v["impact"], v["nodes"][0]["html"][:120])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert bad == []


def test_print_shows_text_and_commentary_without_navigation(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE + "#op-1-a")  # type: ignore[attr-defined]
    page.locator(".ar-unit:has(#op-1-a) + details.commentary summary").click()  # collapsed by the reader  # type: ignore[attr-defined]
    page.emulate_media(media="print")  # type: ignore[attr-defined]
    for hidden in (".md-header", ".md-sidebar--primary", "#op-1 .ar-permalink", "#op-1 .ar-cite", ".md-footer"):
        assert not page.locator(hidden).first.is_visible(), hidden  # type: ignore[attr-defined]
    block = page.locator(".ar-unit:has(#op-1-a) + details.commentary")  # type: ignore[attr-defined]
    assert block.locator("p").first.is_visible()  # collapsed commentary prints in full
    label = page.evaluate(  # type: ignore[attr-defined]
        "getComputedStyle(document.querySelector('details.commentary > summary'), '::before').content"
    )
    assert "not part of the official text" in label.lower()
    assert page.locator(".footnote li").count() == 3  # type: ignore[attr-defined]
    pdf = page.pdf()  # type: ignore[attr-defined]
    assert pdf.startswith(b"%PDF")
    shot(page, "print")


def test_dark_palette_toggle(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE)  # type: ignore[attr-defined]
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"  # type: ignore[attr-defined]
    page.locator('label[title="Switch to dark mode"]').click()  # type: ignore[attr-defined]
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"  # type: ignore[attr-defined]
    shot(page, "dark")
    assert page.locator("link[rel='icon']").get_attribute("href").endswith("assets/logo.svg")  # type: ignore[attr-defined]
    description = page.locator('meta[name="description"]').get_attribute("content")  # type: ignore[attr-defined]
    assert description.startswith("General Assembly resolution 73/266 of 22 December 2018")
