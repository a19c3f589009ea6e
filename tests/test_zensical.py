"""Zensical, the successor of Material for MkDocs, builds the same generated docs/ into an
equivalent site: same pages, paragraph anchors, footnote popovers, reader controls, titles, and
the search bundle written by ``python -m generator search-index`` (Zensical runs no plugin).

Zensical is a test dependency (pyproject.toml, ``[test]``); should it be missing, the tests say
so and how to install it, rather than pass unseen.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import copy_project
from tests.site_server import build_site
from tests.test_hostile import Audit

TITLE = 'Peace & "security" in R&D'
"""A resolution title that the theme must show as written: escaped once, by either engine."""


def zensical() -> str:
    found = shutil.which("zensical", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip(
            "zensical is not installed, so the Zensical build is NOT tested: "
            "pip install -e '.[zensical]' (or '.[test]'); it comes from the package registry"
        )
    return found


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def ids(page: Path) -> set[str]:
    return set(re.findall(r' id="([^"]+)"', page.read_text("utf-8")))


def title_of(page: Path) -> str:
    found = re.search(r"<title>(.*?)</title>", page.read_text("utf-8"), re.S)
    assert found is not None
    return html.unescape(found.group(1).strip())


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the site built by Zensical, the site built by MkDocs) from one copy of the project."""
    exe = zensical()
    root = tmp_path_factory.mktemp("zensical")
    config = copy_project(root, core=True)
    data_file = root / "resolutions/A-RES-73-266/resolution.yaml"
    data = yaml.safe_load(data_file.read_text("utf-8"))
    data["title"]["en"] = TITLE
    data_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100_000), encoding="utf-8")
    run([sys.executable, "-m", "generator", "--config", str(config), "build"], root)
    built = run([exe, "build", "--config-file", str(config)], root)
    assert "Error" not in built.stderr, built.stderr
    indexed = run([sys.executable, "-m", "generator", "search-index", "site"], root)
    assert "indexed 12 pages" in indexed.stdout
    (root / "site").rename(root / "site-zensical")
    result = build_site(config)
    assert result.returncode == 0, result.stderr
    return root / "site-zensical", root / "site"


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("index.html") if p.parent.name != "pagefind"}


def test_same_pages(sites: tuple[Path, Path]) -> None:
    z, m = sites
    assert pages(z) == pages(m)
    assert "A/RES/73/266/index.html" in pages(z)


def test_same_paragraph_and_footnote_anchors(sites: tuple[Path, Path]) -> None:
    z, m = sites
    for page in sorted(pages(m)):
        engine_own = {"__skip", "__toc"}  # the themes' skip link and table of contents toggle
        assert ids(z / page) - engine_own == ids(m / page) - engine_own, page
    anchors = ids(z / "A/RES/73/266/index.html")
    assert {"pp-5", "op-1-a", "op-3", "fn:1", "fnref:1", "fnref2:1", "formula", "closing"} <= anchors


def test_footnote_popovers_and_reader_controls(sites: tuple[Path, Path]) -> None:
    z, _ = sites
    page = (z / "A/RES/73/266/index.html").read_text("utf-8")
    # The markup the theme's footnote tooltips read, and the feature switched on.
    assert '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>' in page
    assert re.search(r'<li id="fn:1" value="1">', page)
    assert '"content.footnote.tooltips"' in page
    # The reader controls and the site search, with the site's Content-Security-Policy.
    assert page.count('class="ar-cite"') > 10 and 'class="ar-permalink"' in page
    for script in ("javascripts/reader.js", "javascripts/search.js", "javascripts/md-base.js"):
        assert f'{script}"' in page, script
    assert "script-src 'self' 'wasm-unsafe-eval';" in page
    assert "md-search" not in page  # the theme's own search is off


def test_titles_with_ampersand_and_quotes_are_escaped_once(sites: tuple[Path, Path]) -> None:
    for site in sites:
        page = site / "A/RES/73/266/index.html"
        assert title_of(page) == f"A/RES/73/266: {TITLE} - Annotated Resolutions"
        text = page.read_text("utf-8")
        assert "&amp;amp;" not in text and "&amp;quot;" not in text and "&amp;#34;" not in text
        assert re.search(r'<meta property="og:title" content="A/RES/73/266: Peace &amp; (&quot;|&#34;)security', text)
        assert 'Peace & "security"' not in text  # never raw in the HTML


def test_search_bundle(sites: tuple[Path, Path]) -> None:
    z, m = sites
    for site in sites:
        assert (site / "pagefind/pagefind-entry.json").is_file()
        assert (site / "pagefind/pagefind.js").is_file()
    assert len(list((z / "pagefind/fragment").iterdir())) == len(list((m / "pagefind/fragment").iterdir())) == 12


def test_zensical_site_passes_the_security_audit(sites: tuple[Path, Path]) -> None:
    z, _ = sites
    problems: list[str] = []
    for path in sorted(z.rglob("*.html")):
        audit = Audit(path.relative_to(z).as_posix())
        audit.feed(path.read_text("utf-8"))
        audit.close()
        problems += audit.finish()
    assert problems == []


@pytest.mark.browser
def test_zensical_site_in_a_browser(sites: tuple[Path, Path], browser: object) -> None:
    """Footnote popover, search to the paragraph, no policy violation, no script error."""
    from playwright.sync_api import Browser

    from tests.site_server import serve

    assert isinstance(browser, Browser)
    with serve(sites[0]) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.add_init_script(
            "window.__violations=[];document.addEventListener('securitypolicyviolation',"
            "e=>window.__violations.push(e.violatedDirective+' '+e.blockedURI));"
        )
        page.goto(url + "/A/RES/73/266/", wait_until="networkidle")
        page.locator("#pp-10 a.footnote-ref").first.hover()
        tip = page.locator(".md-tooltip2--active").first
        tip.wait_for(state="visible", timeout=5000)
        assert tip.inner_text().startswith("A/65/201")
        page.keyboard.press("/")
        page.keyboard.type("dual-use technologies")
        first = page.locator("dialog.ar-search .ar-search__link").first
        first.wait_for(state="visible", timeout=10000)
        assert (first.get_attribute("href") or "").endswith("#pp-5")
        assert page.evaluate("window.__violations") == []
        context.close()
    assert errors == []
