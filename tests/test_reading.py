"""Reader v2 in Debian's Chromium: the official text first, an outline, readable commentary,
previews wherever the site is served, compact print.  Screenshots go to test-artifacts/, at
1280 and 375 pixels, light and dark."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.site_server import serve
from tests.test_browser import PAGE, shot

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 740}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}
WIDE = {"viewport": {"width": 1680, "height": 1000}}
DARK = {"viewport": {"width": 1280, "height": 900}, "color_scheme": "dark"}
PHONE_DARK = {**PHONE, "color_scheme": "dark"}
COURT = "/A/RES/73/7/"


def dark(page: object) -> None:
    """Switch to the dark palette as a reader does (the theme remembers the choice per context)."""
    toggle = page.locator('label[title="Switch to dark mode"]:visible')  # type: ignore[attr-defined]
    if toggle.count():
        toggle.first.click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"  # type: ignore[attr-defined]


def box(page: object, selector: str) -> dict[str, float]:
    found = page.locator(selector).first.bounding_box()  # type: ignore[attr-defined]
    assert found is not None, selector
    return found  # type: ignore[no-any-return]


def style(page: object, selector: str, prop: str, pseudo: str = "") -> str:
    value: str = page.evaluate(  # type: ignore[attr-defined]
        "([s, p, x]) => getComputedStyle(document.querySelector(s), x || null).getPropertyValue(p)",
        [selector, prop, pseudo],
    )
    return value


# -- 1. commentary notes belong to their commentary -----------------------------------------------


def test_a_commentary_note_stays_in_its_commentary_and_opens_in_place(page: object, site_url: str) -> None:
    data = yaml.safe_load((ROOT / "resolutions/A-RES-73-7/resolution.yaml").read_text("utf-8"))
    official = [str(f["number"]) for f in data["footnotes"]]
    page.goto(site_url + COURT)  # type: ignore[attr-defined]
    notes = page.locator("div.footnote > ol > li")  # type: ignore[attr-defined]
    assert [n.get_attribute("id") for n in notes.all()] == [f"fn:{n}" for n in official]
    assert "commentary's own note" not in page.locator("div.footnote").inner_text()  # type: ignore[attr-defined]
    own = page.locator(".ar-block:has(#op-1) details.commentary section.ar-notes li")  # type: ignore[attr-defined]
    assert own.count() == 1 and own.first.get_attribute("id") == "c-op-1-fn-1"
    marker = page.locator('.ar-block:has(#op-1) details.commentary a.footnote-ref[href="#c-op-1-fn-1"]')  # type: ignore[attr-defined]
    assert marker.inner_text() == "1"
    marker.scroll_into_view_if_needed()
    before = page.evaluate("scrollY")  # type: ignore[attr-defined]
    marker.hover()
    tip = page.locator(".md-tooltip2--active").first  # type: ignore[attr-defined]
    tip.wait_for(state="visible", timeout=5000)
    assert "A commentary's own note" in tip.inner_text()
    assert page.evaluate("scrollY") == before  # type: ignore[attr-defined]  # opened in place
    page.wait_for_timeout(400)  # type: ignore[attr-defined]  # the popover's fade-in
    shot(page, "commentary-note-in-place")


# -- 3. previews wherever the site is served ------------------------------------------------------


def hover_preview(page: object, link: object) -> str:
    link.scroll_into_view_if_needed()  # type: ignore[attr-defined]
    link.hover()  # type: ignore[attr-defined]
    tip = page.locator(".ar-preview")  # type: ignore[attr-defined]
    tip.wait_for(state="visible", timeout=5000)
    return tip.inner_text()  # type: ignore[no-any-return]


def test_previews_work_served_elsewhere_than_site_url(
    page: object, site_url: str, built_site: tuple[Path, int]
) -> None:
    assert f":{built_site[1]}" not in site_url  # the address the sitemap names is not this one
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))  # type: ignore[attr-defined]
    page.goto(site_url + "/documents/")  # type: ignore[attr-defined]
    link = page.locator('a[href="../A/RES/73/6/#pp-1"]').first  # type: ignore[attr-defined]
    text = hover_preview(page, link)
    assert text.startswith("A/RES/73/6")
    assert "Recalling its resolutions 2453 A (XXIII)" in text
    assert page.locator(".md-tooltip2--active").count() == 0  # type: ignore[attr-defined]
    tip = page.locator(".ar-preview")  # type: ignore[attr-defined]
    assert tip.get_attribute("role") == "tooltip"
    assert link.get_attribute("aria-describedby") == "ar-preview"
    assert tip.locator("[id]").count() == 0  # no id of the other page comes into this one
    shot(page, "preview-other-page")
    # The page is fetched once, by its relative address, and kept.
    page.mouse.move(5, 5)  # type: ignore[attr-defined]
    page.locator(".ar-preview").wait_for(state="hidden")  # type: ignore[attr-defined]
    hover_preview(page, page.locator('a[href="../A/RES/73/6/#pp-1"]').nth(1))  # type: ignore[attr-defined]
    assert len([u for u in requests if u.endswith("/A/RES/73/6/")]) == 1
    assert not [u for u in requests if "sitemap" in u]


def test_preview_opens_on_keyboard_focus_and_closes_with_escape(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE + "#op-1-a")  # type: ignore[attr-defined]
    link = page.locator('details.commentary a[href="#op-3"]').first  # type: ignore[attr-defined]
    link.focus()
    tip = page.locator(".ar-preview")  # type: ignore[attr-defined]
    tip.wait_for(state="visible", timeout=5000)
    assert tip.inner_text().startswith("3.")
    page.keyboard.press("Escape")  # type: ignore[attr-defined]
    tip.wait_for(state="hidden", timeout=2000)
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#op-3"  # type: ignore[attr-defined]
    assert link.get_attribute("aria-describedby") is None


@pytest.mark.parametrize("page", [PHONE], indirect=True)
def test_a_tap_on_a_paragraph_link_follows_it(page: object, site_url: str) -> None:
    page.goto(site_url + "/documents/")  # type: ignore[attr-defined]
    link = page.locator('a[href="../A/RES/73/6/#pp-1"]').first  # type: ignore[attr-defined]
    link.scroll_into_view_if_needed()
    link.tap()
    page.wait_for_url("**/A/RES/73/6/#pp-1")  # type: ignore[attr-defined]
    assert page.locator(".ar-preview:visible").count() == 0  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def sub_path_url(built_site: tuple[Path, int], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The same site served under /some/path/ (as on a project page of a repository host)."""
    root = tmp_path_factory.mktemp("subpath")
    (root / "some").mkdir()
    (root / "some" / "path").symlink_to(built_site[0], target_is_directory=True)
    with serve(root) as url:
        yield url + "/some/path"


def test_previews_work_under_a_sub_path(page: object, sub_path_url: str) -> None:
    page.goto(sub_path_url + PAGE + "#op-1-a")  # type: ignore[attr-defined]
    assert "Requests the Secretary-General" in hover_preview(
        page,
        page.locator('details.commentary a[href="#op-3"]').first,  # type: ignore[attr-defined]
    )
    page.goto(sub_path_url + "/documents/")  # type: ignore[attr-defined]
    text = hover_preview(page, page.locator('a[href="../A/RES/73/6/#pp-1"]').first)  # type: ignore[attr-defined]
    assert "Recalling its resolutions 2453 A (XXIII)" in text


def test_served_at_site_url_there_is_one_preview_not_two(page: object, built_site: tuple[Path, int]) -> None:
    """At its site_url the theme's own previews could work too: they are handed to ours."""
    with serve(built_site[0], built_site[1]) as url:
        page.goto(url + "/documents/")  # type: ignore[attr-defined]
        hover_preview(page, page.locator('a[href="../A/RES/73/6/#pp-1"]').first)  # type: ignore[attr-defined]
        page.wait_for_timeout(1000)  # type: ignore[attr-defined]
        assert page.locator(".md-tooltip2--active").count() == 0  # type: ignore[attr-defined]
        assert page.locator(".ar-preview:visible").count() == 1  # type: ignore[attr-defined]


@pytest.mark.parametrize("page", [DARK], indirect=True)
def test_preview_in_the_dark_palette(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE + "#op-1-a")  # type: ignore[attr-defined]
    dark(page)
    hover_preview(page, page.locator('details.commentary a[href="#op-3"]').first)  # type: ignore[attr-defined]
    assert style(page, ".ar-preview", "background-color") != "rgb(255, 255, 255)"
    shot(page, "preview-dark")


# -- 4. an outline of the page, a navigation of the site -----------------------------------------


def test_outline_beside_the_text_on_a_wide_screen(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE)  # type: ignore[attr-defined]
    outline = page.locator(".md-sidebar--secondary nav.ar-outline")  # type: ignore[attr-defined]
    assert outline.is_visible()
    groups = outline.locator(".ar-outline-group > summary")
    assert [g.inner_text() for g in groups.all()] == ["Preamble (15)", "Operative part (6)"]
    top = outline.locator(".ar-outline-group > .ar-outline-list > li > a")
    assert top.count() == 21
    first_op = outline.locator('a[href="#op-1"]')
    assert first_op.inner_text() == "1. Calls upon Member States:"
    # Subparagraphs are folded under their paragraph.
    sub = outline.locator('a[href="#op-1-a"]')
    assert not sub.is_visible()
    outline.locator("summary", has_text="2 subparagraphs").first.click()
    assert sub.is_visible()
    # One line per paragraph.
    heights = {round(a.bounding_box()["height"]) for a in top.all() if a.is_visible()}
    assert max(heights) < 20, heights
    shot(page, "outline-wide")
    outline.locator('a[href="#op-3"]').click()
    page.wait_for_url("**#op-3")  # type: ignore[attr-defined]
    assert 0 <= box(page, "#op-3")["y"] < 900


@pytest.mark.parametrize("page", [PHONE], indirect=True)
def test_outline_folded_above_the_text_on_a_phone(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE)  # type: ignore[attr-defined]
    outline = page.locator(".md-content nav.ar-outline")  # type: ignore[attr-defined]
    assert outline.is_visible()
    assert outline.bounding_box()["height"] < 60  # one line until opened
    outline.locator(".ar-outline-box > summary").tap()
    outline.locator(".ar-outline-group > summary", has_text="Operative part").wait_for(state="visible")
    shot(page, "outline-phone")
    outline.locator('a[href="#op-2"]').tap()
    page.wait_for_url("**#op-2")  # type: ignore[attr-defined]


def test_site_navigation_by_body_and_session(page: object, site_url: str) -> None:
    page.goto(site_url + "/")  # type: ignore[attr-defined]
    sidebar = page.locator(".md-sidebar--primary")  # type: ignore[attr-defined]
    assert sidebar.is_visible()  # the home page keeps the navigation
    links = sidebar.locator(".md-nav--primary > .md-nav__list > .md-nav__item .md-nav__link:visible").all()
    entries = list(dict.fromkeys(e.inner_text().strip() for e in links))
    assert entries == ["Home", "Browse", "Documents cited", "Topics", "States", "Contributing"]
    sidebar.get_by_role("link", name="Browse").click()
    page.wait_for_url("**/browse/")  # type: ignore[attr-defined]
    shot(page, "browse")
    page.locator(".md-content").get_by_role("link", name="73rd session (2018–2019)").click()  # type: ignore[attr-defined]
    page.wait_for_url("**/browse/general-assembly/73/")  # type: ignore[attr-defined]
    assert page.locator(".md-content a.ar-symbol").all_inner_texts() == [  # type: ignore[attr-defined]
        "A/RES/73/6",
        "A/RES/73/7",
        "A/RES/73/266",
    ]
    page.get_by_role("link", name="A/RES/73/266").click()  # type: ignore[attr-defined]
    page.wait_for_url("**" + PAGE)  # type: ignore[attr-defined]
    # And back up from the resolution's header.
    page.locator(".ar-facts").get_by_role("link", name="Seventy-third session").click()  # type: ignore[attr-defined]
    page.wait_for_url("**/browse/general-assembly/73/")  # type: ignore[attr-defined]


# -- 5. the text on the first screen -------------------------------------------------------------


@pytest.mark.parametrize("page", [PHONE], indirect=True)
def test_on_a_phone_the_first_preambular_paragraph_starts_on_the_first_screen(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE)  # type: ignore[attr-defined]
    first = box(page, "#pp-1")
    assert first["y"] + 26 <= 740, first  # its first line is on the first screen
    shot(page, "phone-first-screen")
    text = page.locator(".md-content").inner_text()  # type: ignore[attr-defined]
    # One compact header: the masthead's facts once.
    assert text.count("Seventy-third session") == 1
    assert text.count("Distr.") == 1


@pytest.mark.parametrize("page", [PHONE_DARK], indirect=True)
def test_phone_first_screen_dark(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE)  # type: ignore[attr-defined]
    dark(page)
    assert box(page, "#pp-1")["y"] + 26 <= 740
    shot(page, "phone-first-screen-dark")


# -- 6. commentary: readable, hidden all at once, in the margin on wide screens -----------------


def px(value: str) -> float:
    return float(value.removesuffix("px"))


def test_commentary_is_readable_and_cited_in_sits_in_its_block(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE + "#pp-10")  # type: ignore[attr-defined]
    for selector in (".ar-commentary-body p", ".ar-slot-meta", "details.commentary > summary", ".ar-cited-by"):
        assert px(style(page, selector, "font-size")) >= 15, selector
    # "Cited in the commentary on ..." is inside the paragraph's block, right under its text.
    cited = page.locator(".ar-block:has(#op-3) .ar-unit > p.ar-cited-by")  # type: ignore[attr-defined]
    assert cited.count() == 1 and "Cited in the commentary on" in cited.inner_text()
    para, line = box(page, "#op-3"), cited.bounding_box()
    assert 0 <= line["y"] - (para["y"] + para["height"]) < 8
    cited.scroll_into_view_if_needed()
    shot(page, "cited-in-its-block")


def test_all_commentary_hides_with_one_control_and_the_choice_is_remembered(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE)  # type: ignore[attr-defined]
    blocks = page.locator("details.commentary")  # type: ignore[attr-defined]
    assert blocks.count() == 4
    toggle = page.locator("button.ar-toggle-commentary")  # type: ignore[attr-defined]
    assert toggle.inner_text() == "Hide commentary"
    toggle.click()
    assert [b.get_attribute("open") for b in blocks.all()] == [None] * 4
    assert toggle.inner_text() == "Show commentary"
    shot(page, "commentary-hidden")
    page.reload()  # type: ignore[attr-defined]
    assert [b.get_attribute("open") for b in blocks.all()] == [None] * 4
    assert toggle.inner_text() == "Show commentary"
    page.goto(site_url + COURT)  # type: ignore[attr-defined]  # the choice holds on every page
    assert page.locator("details.commentary").first.get_attribute("open") is None  # type: ignore[attr-defined]
    page.locator("button.ar-toggle-commentary").click()  # type: ignore[attr-defined]
    page.goto(site_url + PAGE)  # type: ignore[attr-defined]
    assert [b.get_attribute("open") for b in blocks.all()] == [""] * 4
    # No script, no control: the commentary is shown.
    assert page.locator("button.ar-toggle-commentary[hidden]").count() == 0  # type: ignore[attr-defined]


@pytest.mark.parametrize("page", [WIDE], indirect=True)
def test_on_a_wide_screen_commentary_sits_in_the_margin_beside_its_paragraph(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE + "#pp-10")  # type: ignore[attr-defined]
    page.wait_for_timeout(300)  # type: ignore[attr-defined]
    para = box(page, "#pp-10")
    note = box(page, ".ar-block:has(#pp-10) > details.commentary")
    assert note["x"] > para["x"] + para["width"]  # beside, not under
    assert abs(note["y"] - para["y"]) < 4  # level with its paragraph
    # The official text reads on: the next paragraph follows right after.
    assert box(page, "#pp-11")["y"] - (para["y"] + para["height"]) < 40
    # Commentary never overlaps the commentary before it.
    tops = page.evaluate(  # type: ignore[attr-defined]
        "[...document.querySelectorAll('details.commentary')].map(d => [d.getBoundingClientRect().top, d.getBoundingClientRect().bottom])"
    )
    assert all(later[0] >= earlier[1] for earlier, later in itertools.pairwise(tops)), tops
    shot(page, "commentary-margin-wide")


# -- 7. controls: visible on hover and focus, taking no room --------------------------------------


def test_controls_take_no_room_and_show_on_hover_and_focus(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE)  # type: ignore[attr-defined]
    tools = "#pp-4 .ar-tools"
    assert style(page, tools, "position") == "absolute"
    assert style(page, tools, "opacity") == "0"
    height = box(page, "#pp-4")["height"]
    page.evaluate("document.querySelector('#pp-4 .ar-tools').style.display = 'none'")  # type: ignore[attr-defined]
    assert box(page, "#pp-4")["height"] == height  # the controls take no line of their own
    page.evaluate("document.querySelector('#pp-4 .ar-tools').style.display = ''")  # type: ignore[attr-defined]
    # Every paragraph that takes commentary says so in the margin.
    assert style(page, "#pp-4", "content", "::after") == '"+"'
    page.locator("#pp-4").hover()  # type: ignore[attr-defined]
    page.wait_for_timeout(200)  # type: ignore[attr-defined]
    add = page.locator("#pp-4 a.ar-add")  # type: ignore[attr-defined]
    assert add.is_visible() and style(page, tools, "opacity") == "1"
    # The full template is added to the address once the link is approached.
    add.hover()
    assert "value=---" in (add.get_attribute("href") or "")
    shot(page, "controls-hover")
    page.mouse.move(5, 5)  # type: ignore[attr-defined]
    page.wait_for_timeout(200)  # type: ignore[attr-defined]
    assert style(page, tools, "opacity") == "0"
    # Keyboard: the focus shows them.
    page.locator("#pp-4 a.ar-permalink").focus()  # type: ignore[attr-defined]
    page.keyboard.press("Tab")  # type: ignore[attr-defined]
    page.keyboard.press("Tab")  # type: ignore[attr-defined]
    assert page.evaluate("document.activeElement.classList.contains('ar-add')")  # type: ignore[attr-defined]
    page.wait_for_timeout(200)  # type: ignore[attr-defined]
    assert style(page, tools, "opacity") == "1"
    shot(page, "controls-focus")


def test_without_javascript_add_commentary_opens_the_named_file(browser: object, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(site_url + PAGE)
    href = page.locator("#op-4 a.ar-add").get_attribute("href")
    assert href.endswith("/new/main/resolutions/A-RES-73-266/commentary?filename=op-4.md")
    assert page.locator("details.commentary[open]").count() == 4
    context.close()


@pytest.mark.parametrize("page", [PHONE], indirect=True)
def test_on_a_phone_the_controls_stay_in_the_text(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE + "#pp-4")  # type: ignore[attr-defined]
    assert style(page, "#pp-4 .ar-tools", "position") == "static"
    assert page.locator("#pp-4 a.ar-add").is_visible()  # type: ignore[attr-defined]
    assert page.locator("#pp-4 button.ar-cite").is_visible()  # type: ignore[attr-defined]
    shot(page, "controls-phone")


# -- 8. Security Council: a title, a symbol in one piece -------------------------------------------


@pytest.mark.parametrize("page", [PHONE], indirect=True)
def test_security_council_resolution_has_a_title_and_an_unbroken_symbol(page: object, site_url: str) -> None:
    page.goto(site_url + "/")  # type: ignore[attr-defined]
    row = page.locator("tr", has=page.locator('a.ar-symbol:text-is("S/RES/1590(2005)")'))  # type: ignore[attr-defined]
    assert "Reports of the Secretary-General on the Sudan" in row.inner_text()
    symbol = row.locator("a.ar-symbol")
    assert symbol.evaluate("a => a.getClientRects().length") == 1  # on one line
    assert style(page, "a.ar-symbol", "white-space") == "nowrap"
    shot(page, "home-phone")
    page.goto(site_url + "/S/RES/1590(2005)/")  # type: ignore[attr-defined]
    assert page.locator("h1").inner_text().startswith("Reports of the Secretary-General on the Sudan")  # type: ignore[attr-defined]
    assert page.locator(".ar-facts a.ar-symbol").evaluate("a => a.getClientRects().length") == 1  # type: ignore[attr-defined]
    shot(page, "security-council-phone")


# -- 10. compact print ----------------------------------------------------------------------------

PRINT_PAGES_BEFORE = 12
"""A4 pages of A/RES/73/266 with its commentary, printed before this layout (commit d8d0dc2)."""


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_print_is_compact_with_ids_in_the_margin(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE)  # type: ignore[attr-defined]
    page.emulate_media(media="print")  # type: ignore[attr-defined]
    assert style(page, "#op-1-a", "content", "::before") == '"op-1-a"'
    left = page.evaluate("parseFloat(getComputedStyle(document.getElementById('pp-1'), '::before').left)")  # type: ignore[attr-defined]
    assert left < 0  # left of the paragraph: in the margin
    assert style(page, "details.commentary", "break-inside") == "auto"  # flows across pages
    assert style(page, ".ar-outline", "display") == "none"
    pdf = page.pdf(format="A4")  # type: ignore[attr-defined]
    pages = pdf_pages(pdf)
    (ROOT / "test-artifacts").mkdir(exist_ok=True)
    (ROOT / "test-artifacts" / "print-A-RES-73-266.pdf").write_bytes(pdf)
    assert pages <= PRINT_PAGES_BEFORE * 3 // 4, pages
    shot(page, "print-compact")


# -- 11. "Edit this page" leads to a file of the repository ------------------------------------


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/", None),
        ("/documents/", None),
        ("/browse/", None),
        ("/topics/", "resolutions/tags.yaml"),
        ("/contributing/", "CONTRIBUTING.md"),
        (PAGE, "resolutions/A-RES-73-266/resolution.yaml"),
    ],
)
def test_edit_this_page_opens_a_real_file_or_is_not_there(
    page: object, site_url: str, path: str, target: str | None
) -> None:
    page.goto(site_url + path)  # type: ignore[attr-defined]
    button = page.locator('a.md-content__button[rel="edit"]')  # type: ignore[attr-defined]
    if target is None:
        assert button.count() == 0
    else:
        assert button.get_attribute("href").endswith("/edit/main/" + target)


# -- screenshots of the whole at both widths and palettes ---------------------------------------


@pytest.mark.parametrize("page", [{"viewport": {"width": 1280, "height": 900}}, DARK, PHONE, PHONE_DARK], indirect=True)
def test_screens(page: object, site_url: str) -> None:
    page.goto(site_url + PAGE + "#op-1")  # type: ignore[attr-defined]
    if page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches"):  # type: ignore[attr-defined]
        dark(page)
    width = page.viewport_size["width"]  # type: ignore[attr-defined]
    scheme = page.locator("body").get_attribute("data-md-color-scheme")  # type: ignore[attr-defined]
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # type: ignore[attr-defined]
    shot(page, f"resolution-{width}-{scheme}")
