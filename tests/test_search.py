"""The site search's index (Pagefind, generator/search.py), read back from the files it writes.

Pagefind's fragments are gzip-compressed JSON behind a 12-byte signature: one per indexed page,
with its text (``content``), metadata, filters and the elements with ids (``anchors``) that let
a result open a paragraph.  What a reader's browser does with them is tested in test_reader.py.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.search import UNUSED
from tests.conftest import copy_project
from tests.site_server import build_site


def fragments(site: Path) -> dict[str, dict[str, Any]]:
    """Every indexed page's fragment, by URL."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data[:12] == b"pagefind_dcd"
        fragment = json.loads(data[12:])
        out[fragment["url"]] = fragment
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("search")
    result = build_site(copy_project(tmp, core=True))
    assert result.returncode == 0, result.stderr
    assert "search index: " in result.stderr  # the plugin indexed the site it built
    return tmp / "site"


def test_the_build_writes_one_index_per_language(site: Path) -> None:
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text("utf-8"))
    assert set(entry["languages"]) == {"en"}
    assert not (site / "search").exists()  # the theme's own index is gone
    for name in UNUSED:
        assert not (site / "pagefind" / name).exists(), name


def test_only_content_pages_are_indexed(site: Path) -> None:
    urls = set(fragments(site))
    assert {"/A/RES/73/266/", "/A/RES/73/6/", "/S/RES/1590(2005)/", "/contributing/"} <= urls
    assert "/topics/norms/" in urls
    # Listings are not: the home page, the documents index, the topics table.
    assert not urls & {"/", "/documents/", "/topics/"}


def test_controls_and_commentary_meta_lines_are_not_text(site: Path) -> None:
    page = fragments(site)["/A/RES/73/266/"]
    text = page["content"]
    assert "dual-use technologies" in text
    assert "institutional centrepiece of the resolution" in text  # commentary is searchable
    for noise in ("Add commentary", "Edit this commentary", "Not part of the official text", "Commentary on", "Cite"):
        assert noise not in text, noise
    assert "Annotated Resolutions" not in text  # no navigation, no header
    assert "Table of contents" not in text


def test_symbol_field_filters_and_metadata(site: Path) -> None:
    found = fragments(site)
    page = found["/A/RES/73/266/"]
    assert page["content"].startswith("A/RES/73/266 73/266. ")  # the weighted symbol field, first
    assert page["meta"]["symbol"] == "A/RES/73/266"
    assert page["meta"]["keys"] == "A/RES/73/266 73/266"
    assert page["meta"]["title"].startswith("Advancing responsible State behaviour")
    assert page["filters"] == {"body": ["General Assembly"], "session": ["73"], "year": ["2018"], "language": ["en"]}
    council = found["/S/RES/1590(2005)/"]
    assert council["filters"]["body"] == ["Security Council"]
    assert "session" not in council["filters"]
    assert found["/A/RES/ES-11/4/"]["filters"]["session"] == ["ES-11"]


def test_paragraphs_are_anchors_in_document_order(site: Path) -> None:
    anchors = fragments(site)["/A/RES/73/266/"]["anchors"]
    ids = [a["id"] for a in anchors if a["element"] == "p"]
    assert ids[:3] == ["formula", "pp-1", "pp-2"]
    assert ids.index("pp-5") < ids.index("op-1") < ids.index("op-1-a") < ids.index("op-3")
    locations = [a["location"] for a in anchors]
    assert locations == sorted(locations)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, check=False)


def test_the_command_indexes_a_site_again_identically(site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    before = {p.relative_to(copy): p.read_bytes() for p in (copy / "pagefind").rglob("*") if p.is_file()}
    (copy / "pagefind" / "fragment" / "en_stale.pf_fragment").write_bytes(b"left by an earlier run")
    result = run_cli("search-index", str(copy))
    assert result.returncode == 0, result.stderr
    assert "indexed 12 pages in 1 language(s)" in result.stdout
    after = {p.relative_to(copy): p.read_bytes() for p in (copy / "pagefind").rglob("*") if p.is_file()}
    # Nothing of the earlier bundle is kept, and the pages' fragments and the word index come out
    # byte for byte the same.  Pagefind writes its filter and metadata indexes in an order of its
    # own, which varies between runs (a known limitation of Pagefind): those are only counted.
    stable = ("fragment", "index")
    assert sum(k.parts[1] == "fragment" for k in before) == 12
    assert {k: v for k, v in after.items() if k.parts[1] in stable} == {
        k: v for k, v in before.items() if k.parts[1] in stable
    }
    assert len(after) == len(before)
    assert not any("stale" in k.name for k in after)


def test_the_command_refuses_what_is_not_a_built_site(tmp_path: Path) -> None:
    result = run_cli("search-index", str(tmp_path))
    assert result.returncode == 2
    assert "no built site here" in result.stderr and "Traceback" not in result.stderr
    (tmp_path / "index.html").write_text("<html lang='en'><body><p>x</p></body></html>", encoding="utf-8")
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "mine.txt").write_text("a file of the site", encoding="utf-8")
    result = run_cli("search-index", str(tmp_path))
    assert result.returncode == 2 and "is in the way of the search bundle" in result.stderr
    assert (tmp_path / "pagefind" / "mine.txt").exists()  # never deleted


def test_the_search_interface_never_inserts_markup() -> None:
    """Results are built from text nodes and elements the script makes (see test_hostile for the
    browser side): no HTML parsing of indexed text anywhere in it."""
    script = (Path(__file__).parent.parent / "docs/javascripts/search.js").read_text("utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "DOMParser", "eval("):
        assert sink not in script, sink


FRENCH = "Confirmant que les technologies numériques sont des technologies à double usage"


@pytest.fixture(scope="module")
def bilingual(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site with one page in French beside its English one, indexed again: until the
    languages issue makes such pages, one is derived from the English page."""
    copy = tmp_path_factory.mktemp("bilingual") / "site"
    shutil.copytree(site, copy)
    english = (copy / "A/RES/73/266/index.html").read_text("utf-8")
    french = english.replace('<html lang="en"', '<html lang="fr"', 1)
    french = french.replace('class="ar-official" lang="en"', 'class="ar-official" lang="fr"')
    french = french.replace('data-pagefind-filter="language:en"', 'data-pagefind-filter="language:fr"')
    french = re.sub(r'(<p class="ar-para[^"]*" id="pp-5">).*?(</p>)', rf"\g<1>{FRENCH}\g<2>", french, flags=re.S)
    assert FRENCH in french and french.count('lang="fr"') == 2
    target = copy / "fr/A/RES/73/266/index.html"
    target.parent.mkdir(parents=True)
    french = re.sub(r'(href|src)="\.\./\.\./\.\./\.\./', r'\1="../../../../../', french)  # one folder deeper
    target.write_text(french, encoding="utf-8")
    result = run_cli("search-index", str(copy))
    assert result.returncode == 0, result.stderr
    assert "in 2 language(s)" in result.stdout
    return copy


def test_one_index_per_language(bilingual: Path) -> None:
    entry = json.loads((bilingual / "pagefind/pagefind-entry.json").read_text("utf-8"))
    assert set(entry["languages"]) == {"en", "fr"}
    assert entry["languages"]["en"]["page_count"] == 12 and entry["languages"]["fr"]["page_count"] == 1


@pytest.mark.browser
def test_a_page_searches_its_language_and_the_reader_may_add_others(bilingual: Path, browser: object) -> None:
    from playwright.sync_api import Browser

    from tests.site_server import serve

    assert isinstance(browser, Browser)
    with serve(bilingual) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url + "/A/RES/73/266/")
        page.keyboard.press("/")
        page.keyboard.type("numériques")
        status = page.locator(".ar-search__status")
        status.filter(has_text="Nothing found").wait_for(timeout=10000)  # English index only
        page.get_by_role("button", name="Filters").click()
        language = page.locator("dialog.ar-search select[data-language]")
        language.locator("option").nth(2).wait_for(state="attached", timeout=10000)  # filled once the indexes are read
        assert language.locator("option").all_inner_texts() == ["English", "French", "all languages"]
        language.select_option("*")
        first = page.locator(".ar-search__link").first
        first.wait_for(timeout=10000)
        assert (first.get_attribute("href") or "").startswith("/fr/A/RES/73/266/?highlight=num%C3%A9riques#pp-5")
        language.select_option("en")  # back to English: the French page is filtered out
        status.filter(has_text="Nothing found").wait_for(timeout=10000)
        # Every page has a language, so English still finds the guide and the topic pages.
        page.locator("dialog.ar-search input[type=search]").fill("referring")
        page.locator(".ar-search__link[href^='/contributing/']").first.wait_for(timeout=10000)
        # A French page searches the French index from the start.
        page.goto(url + "/fr/A/RES/73/266/")
        page.keyboard.press("/")
        page.keyboard.type("numériques")
        first = page.locator(".ar-search__link").first
        first.wait_for(timeout=10000)
        assert (first.get_attribute("href") or "").endswith("#pp-5")
        context.close()
    assert errors == []


def test_each_language_is_indexed_in_a_run_of_its_own_and_merged(
    bilingual: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The indexer runs once per language on that language's pages (its memory is a language's,
    not the site's), and the merged bundle is what one run over the whole site gives."""
    from generator import search

    copy = tmp_path / "site"
    shutil.copytree(bilingual, copy)
    seen: list[set[str]] = []
    real_run = subprocess.run

    def run(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        mirror = Path(args[args.index("--site") + 1])
        langs = set()
        for page in mirror.rglob("*.html"):
            found = re.search(r'<html[^>]*\blang="([a-z]+)', page.read_text("utf-8"))
            langs.add(found.group(1) if found else "")
        seen.append(langs)
        return real_run(args, **kwargs)

    monkeypatch.setattr(search.subprocess, "run", run)
    report = search.index_site(copy)
    assert sorted(map(sorted, seen)) == [["en"], ["fr"]]
    assert (report.pages, report.languages) == (13, 2)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".ar-pagefind-")]  # nothing left beside it
    merged = copy / "pagefind"
    # One run of Pagefind over the whole site, as the build did before.
    whole = tmp_path / "whole"
    args = [str(search.indexer()), "--site", str(copy), "--output-path", str(whole)]
    for selector in search.EXCLUDE:
        args += ["--exclude-selectors", selector]
    real_run(args, capture_output=True, check=True, cwd=tmp_path)
    entry = json.loads((merged / "pagefind-entry.json").read_text("utf-8"))
    single = json.loads((whole / "pagefind-entry.json").read_text("utf-8"))
    assert entry["version"] == single["version"]
    assert {k: (v["page_count"], v["wasm"]) for k, v in entry["languages"].items()} == {
        k: (v["page_count"], v["wasm"]) for k, v in single["languages"].items()
    }

    def stable(bundle: Path) -> dict[str, bytes]:  # what Pagefind writes the same from run to run
        return {
            p.relative_to(bundle).as_posix(): p.read_bytes()
            for p in bundle.rglob("*")
            if p.is_file() and p.relative_to(bundle).parts[0] in ("fragment", "index")
        }

    assert stable(merged) == stable(whole)
    names = {p.relative_to(merged).as_posix() for p in merged.rglob("*") if p.is_file()}
    wanted = {p.relative_to(whole).as_posix() for p in whole.rglob("*") if p.is_file()}
    assert {n.split("_")[0] for n in names} == {n.split("_")[0] for n in wanted - set(search.UNUSED)}


def test_pages_are_grouped_by_language_as_pagefind_reads_them(tmp_path: Path) -> None:
    from generator.search import pages_by_language

    def page(rel: str, head: str, body: str) -> None:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(f"<!doctype html>{head}<body>{body}</body></html>", encoding="utf-8")

    page("index.html", '<html lang="en">', "<p>home</p>")
    page("a/index.html", '<html lang="en-GB" class="x">', '<main data-pagefind-body="">text</main>')
    page("fr/a/index.html", "<html dir='ltr' lang='fr'>", '<main data-pagefind-body="">texte</main>')
    page("zh/a/index.html", '<html lang="zh-Hans">', '<main data-pagefind-body="">文</main>')
    page("b/index.html", "<html>", '<main data-pagefind-body="">no language</main>')
    page("pagefind/old.html", '<html lang="en">', '<main data-pagefind-body="">old bundle</main>')
    assert pages_by_language(tmp_path) == {
        "en": ["a/index.html"],
        "fr": ["fr/a/index.html"],
        "zh": ["zh/a/index.html"],
        "": ["b/index.html"],
    }
    # A site that marks no content: every page is indexed, as Pagefind would.
    for rel in ("a", "fr/a", "zh/a", "b"):
        (tmp_path / rel / "index.html").unlink()
    assert pages_by_language(tmp_path) == {"en": ["index.html"]}


def test_the_index_is_built_where_nothing_can_be_made_beside_the_site(
    bilingual: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The mirrors go beside the site, for hard links; where that folder cannot be written, they
    are made in the system's temporary folder (copies, possibly another file system) and the
    bundle moved from there."""
    import tempfile

    from generator import search

    copy = tmp_path / "site"
    shutil.copytree(bilingual, copy)
    real = tempfile.mkdtemp
    refused: list[str] = []

    def mkdtemp(suffix: str | None = None, prefix: str | None = None, dir: str | Path | None = None) -> str:
        if dir is not None:
            refused.append(str(dir))
            raise PermissionError(13, "Permission denied", str(dir))
        return real(suffix, prefix)

    monkeypatch.setattr(search.tempfile, "mkdtemp", mkdtemp)
    report = search.index_site(copy)
    assert refused == [str(copy.resolve().parent)]
    assert (report.pages, report.languages) == (13, 2)
    entry = json.loads((copy / "pagefind/pagefind-entry.json").read_text("utf-8"))
    assert set(entry["languages"]) == {"en", "fr"}
