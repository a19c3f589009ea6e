"""Language versions in Chromium: the switcher keeps the reader's paragraph, Arabic reads right to
left, the parallel view puts each pair of paragraphs side by side (stacked on a phone), search
per language, no request to another host, no serious accessibility violation."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ARTIFACTS, ROOT, copy_project
from tests.site_server import build_site, serve

pytestmark = pytest.mark.browser

PAGE = "/A/RES/75/240/"


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The core resolutions and A/RES/75/240 (six languages), built and served."""
    tmp = tmp_path_factory.mktemp("languages-site")
    config = copy_project(tmp, core=True)
    shutil.copytree(ROOT / "resolutions/A-RES-75-240", tmp / "resolutions/A-RES-75-240")
    result = build_site(config)
    assert result.returncode == 0, result.stderr
    with serve(tmp / "site") as base:
        yield base


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    yield ctx
    ctx.close()


def open_page(context: Any, address: str) -> tuple[Any, list[str], list[str]]:
    """A new page at ``address``: (the page, JavaScript errors, requests to another host)."""
    page = context.new_page()
    errors: list[str] = []
    foreign: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:")) else None)
    page.goto(address)
    page.wait_for_load_state("networkidle")
    return page, errors, foreign


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"languages-{name}.png"))


def box(page: Any, selector: str) -> dict[str, float]:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, selector
    return dict(found)


def test_the_switcher_keeps_the_readers_paragraph(context: Any, url: str) -> None:
    page, errors, foreign = open_page(context, url + PAGE + "#op-3")
    page.locator("a.ar-language[lang=fr]").click()
    page.wait_for_url("**/fr/A/RES/75/240/#op-3")
    assert page.evaluate("document.documentElement.lang") == "fr"
    top = box(page, "#op-3")["y"]
    assert 0 <= top < 300  # the paragraph is where the reader lands
    # Without a paragraph in the address, the first paragraph on screen is kept.
    # (op-4 just under the header; the link clicked without scrolling back to it.)
    page.evaluate(
        "history.replaceState(null, '', location.pathname);"
        "window.scrollBy(0, document.getElementById('op-4').getBoundingClientRect().top - 80)"
    )
    page.locator("a.ar-language[lang=es]").evaluate("link => link.click()")
    page.wait_for_url("**/es/A/RES/75/240/#op-4")
    assert errors == [] and foreign == []


def test_arabic_reads_right_to_left(context: Any, url: str) -> None:
    page, errors, foreign = open_page(context, url + "/ar" + PAGE + "#op-3")
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.evaluate("document.body.dir") == "rtl"
    para, number = box(page, "#op-3"), box(page, "#op-3 .ar-num")
    # The number starts the line at the right, after the paragraph's indent.
    assert number["x"] > para["x"] + para["width"] / 2
    assert para["x"] + para["width"] - (number["x"] + number["width"]) < 60
    assert page.locator("#op-3 .ar-num").inner_text().strip() == "3 -"
    # The reader's tools sit over the paragraph's left end (its inline end), the margin "+" to its left.
    page.hover("#op-3")
    tools = box(page, "#op-3 .ar-tools")
    assert tools["x"] < para["x"] + para["width"] / 2
    shot(page, "arabic")
    # The Cite dialog reads right to left too, its heading in Arabic; the citations left to right.
    page.locator("#op-3 .ar-cite").click()
    dialog = page.locator("dialog.ar-cite-dialog")
    assert dialog.get_attribute("dir") == "rtl"
    assert dialog.locator("h2").inner_text().startswith("استشهاد")
    assert dialog.locator(".ar-citation").first.get_attribute("dir") == "ltr"
    shot(page, "arabic-cite")
    # An English page for comparison: the number at the left.
    english, _, _ = open_page(context, url + PAGE + "#op-3")
    para, number = box(english, "#op-3"), box(english, "#op-3 .ar-num")
    assert number["x"] < para["x"] + para["width"] / 2
    assert errors == [] and foreign == []


def test_chinese_page_uses_system_fonts_and_asks_no_other_host(context: Any, url: str) -> None:
    page, errors, foreign = open_page(context, url + "/zh" + PAGE)
    assert page.evaluate("document.documentElement.lang") == "zh"
    family = page.evaluate("getComputedStyle(document.querySelector('#op-3')).fontFamily")
    assert "PingFang SC" in family  # a system font list, no web font
    assert page.evaluate("[...document.fonts].length") == 0
    shot(page, "chinese")
    assert errors == [] and foreign == []


def pairs(page: Any) -> list[tuple[dict[str, float], dict[str, float]]]:
    page.locator(".ar-official.ar-parallel").wait_for(timeout=10000)
    out = []
    for pid in ("pp-1", "pp-2", "op-1", "op-3", "op-5"):
        own = box(page, f"#{pid}")
        other = box(page, f".ar-parallel-text[data-parallel-of='{pid}']")
        out.append((own, other))
    return out


def test_parallel_view_aligns_each_pair_and_is_remembered_and_linkable(context: Any, url: str) -> None:
    page, errors, foreign = open_page(context, url + PAGE)
    control = page.locator("select.ar-parallel-select")
    assert control.is_visible()
    control.select_option("fr")
    for own, other in pairs(page):
        assert abs(own["y"] - other["y"]) <= 2  # top-aligned
        assert other["x"] >= own["x"] + own["width"]  # beside it
    assert page.locator(".ar-parallel-text[data-parallel-of='op-3']").get_attribute("lang") == "fr"
    assert "?parallel=fr" in page.url
    assert page.locator(".ar-parallel-text[id], .ar-parallel-text [id]").count() == 0  # ids stay unique
    # A copied paragraph's links lead where they lead on its own page (here, the French footnote).
    note = page.locator(".ar-parallel-text a.footnote-ref").first.get_attribute("href") or ""
    assert note.startswith(url + "/fr/A/RES/75/240/#fn:")
    shot(page, "parallel")
    # Remembered: another page of the site opens with French beside it.
    again, _, _ = open_page(context, url + "/es" + PAGE)
    pairs(again)
    assert again.locator(".ar-parallel-text[data-parallel-of='op-1']").get_attribute("lang") == "fr"
    # Linkable: ?parallel=ar puts Arabic beside English, right to left in its column.
    linked, _, _ = open_page(context, url + PAGE + "?parallel=ar#op-3")
    for own, other in pairs(linked):
        assert abs(own["y"] - other["y"]) <= 2
    assert linked.locator(".ar-parallel-text[data-parallel-of='op-3']").get_attribute("dir") == "rtl"
    # Off again: the text alone.
    linked.locator("select.ar-parallel-select").select_option("")
    assert linked.locator(".ar-parallel-text").count() == 0
    assert "parallel" not in linked.url
    assert errors == [] and foreign == []


def test_parallel_view_is_stacked_on_a_phone(browser: Any, url: str) -> None:
    ctx = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True)
    try:
        page, errors, _ = open_page(ctx, url + PAGE + "?parallel=ru")
        for own, other in pairs(page):
            assert other["y"] >= own["y"] + own["height"] - 12  # under it
            assert abs(other["x"] - own["x"]) < 20
        shot(page, "parallel-phone")
        assert errors == []
    finally:
        ctx.close()


def test_a_french_query_opens_the_french_page_at_the_paragraph(context: Any, url: str) -> None:
    page, errors, _ = open_page(context, url + "/fr" + PAGE)
    page.keyboard.press("/")
    page.keyboard.type("composition non limitée")
    first = page.locator(".ar-search__link").first
    first.wait_for(timeout=10000)
    href = first.get_attribute("href") or ""
    assert href.startswith("/fr/A/RES/75/240/") and "#" in href
    assert errors == []


def test_chinese_is_searchable(context: Any, url: str) -> None:
    page, errors, _ = open_page(context, url + "/zh" + PAGE)
    page.keyboard.press("/")
    page.keyboard.type("工作组")
    first = page.locator(".ar-search__link").first
    first.wait_for(timeout=10000)
    assert (first.get_attribute("href") or "").startswith("/zh/A/RES/75/240/")
    assert errors == []


@pytest.mark.parametrize("lang", ["ar", "zh"])
def test_no_serious_accessibility_violations(context: Any, url: str, lang: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page, _, _ = open_page(context, url + f"/{lang}" + PAGE)
    results = Axe().run(page)
    bad = [
        (v["id"], v["impact"], v["nodes"][0]["html"][:120])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert bad == []


def test_the_pages_language_versions_are_in_the_head(context: Any, url: str) -> None:
    page, _, _ = open_page(context, url + "/ru" + PAGE)
    alternates = page.evaluate(
        "[...document.querySelectorAll('link[hreflang]')].map(l => [l.hreflang, new URL(l.href).pathname])"
    )
    assert [a for a, _ in alternates] == ["en", "ar", "zh", "fr", "ru", "es", "x-default"]
    assert all(path.endswith("A/RES/75/240/") for _, path in alternates)
    assert Path(alternates[0][1]).name == "240"
