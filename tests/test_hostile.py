"""Hostile contributions: every case in tests/fixtures/hostile/ checked three ways.

1. ``python -m generator check`` refuses it with a ``file:line`` message, and no traceback;
2. the built site (``mkdocs build`` with the check skipped and without ``--strict``), parsed,
   holds no script, event handler, inline style, dangerous address, resource from another host or
   duplicate id anywhere;
3. the search index holds it as text, and the search interface shows it as text.

Plus a browser test: pages with hostile content are loaded and searched, no script runs, and
the search results hold only the elements the search interface makes.

All the cases that the build can render go into one copy of the site (commentary in free slots
of the resolutions, front matter in whole commentary files, resolution.yaml fields in copies of
A/RES/73/266 under other symbols, tags added to the vocabulary, the contributors' guide); the
data cases that make a resolution unusable (``"expect": "error"``) are each checked on their own,
since the build refuses them.  The folders of tests/fixtures/hostile/ that other tests own
(files, caches, YAML limits) are not read here.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from generator.store import load_resolution
from tests.conftest import copy_project
from tests.site_server import build_site, serve

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
FRONT = "---\nauthors:\n  - name: A. Contributor\nupdated: 2026-11-27\n---\n\n"
KINDS = ("commentary", "commentary-as-text", "front-matter", "data", "tags", "guide")


def cases(kind: str) -> list[Path]:
    return sorted(p for p in (HOSTILE / kind).iterdir() if p.is_file())


def case_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


ALL = [p for kind in KINDS for p in cases(kind)]
REFUSED_DATA = [p for p in cases("data") if json.loads(p.read_text("utf-8")).get("expect") == "error"]
AS_TEXT = cases("commentary-as-text")
"""Inputs that walked around the old regular-expression checks because it read them otherwise than
the renderer did; one parser reads them now, and they show as code or text: check accepts them."""
REFUSED = [p for p in ALL if p not in REFUSED_DATA and p not in AS_TEXT]


def test_the_corpus_is_large() -> None:
    assert len(ALL) >= 100


def check(config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--config", str(config), "check"], capture_output=True, text=True
    )


def set_path(data: Any, path: str, value: Any) -> None:
    keys = [int(k) if k.isdigit() else k for k in path.split(".")]
    for key in keys[:-1]:
        data = data[key]
    data[keys[-1]] = value


def copy_resolution(root: Path, n: int, path: str, value: Any) -> tuple[str, str]:
    """A copy of A/RES/73/266 as A/RES/99/<n> with ``path`` set to ``value``: (slug, its data file)."""
    source = root / "resolutions/A-RES-73-266"
    slug = f"A-RES-99-{n}"
    folder = root / "resolutions" / slug
    folder.mkdir()
    shutil.copy(source / "source.txt", folder / "source.txt")
    data = yaml.safe_load((source / "resolution.yaml").read_text("utf-8"))
    data["symbol"], data["number"] = f"A/RES/99/{n}", f"99/{n}"
    set_path(data, path, value)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100_000)
    (folder / "resolution.yaml").write_text(text, encoding="utf-8")
    return slug, f"resolutions/{slug}/resolution.yaml"


@dataclass
class Site:
    config: Path
    where: dict[str, tuple[str, range]] = field(default_factory=dict)
    """Per case: the file it went into (as messages name it) and the lines it occupies."""
    check: subprocess.CompletedProcess[str] | None = None
    build: subprocess.CompletedProcess[str] | None = None


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("hostile")
    config = copy_project(root)
    result = Site(config)
    free: list[tuple[str, str]] = []
    for data_file in sorted((root / "resolutions").glob("*/resolution.yaml")):
        res = load_resolution(data_file)
        folder = data_file.parent / "commentary"
        free += [(data_file.parent.name, p.id) for p in res.paragraphs() if not (folder / f"{p.id}.md").exists()]
    slots = iter(free)

    def place(text: str, first_body_line: int, lines: int) -> str:
        slug, pid = next(slots)
        shown = f"resolutions/{slug}/commentary/{pid}.md"
        (root / shown).parent.mkdir(exist_ok=True)
        (root / shown).write_text(text, encoding="utf-8")
        return shown

    for case in [*cases("commentary"), *AS_TEXT]:
        body = case.read_text("utf-8")
        first = FRONT.count("\n") + 1
        shown = place(FRONT + body, first, body.count("\n"))
        result.where[case_id(case)] = (shown, range(first, first + max(1, body.count("\n"))))
    for case in cases("front-matter"):
        text = case.read_text("utf-8")
        result.where[case_id(case)] = (place(text, 1, text.count("\n")), range(1, text.count("\n") + 1))
    for n, case in enumerate(c for c in cases("data") if c not in REFUSED_DATA):
        spec = json.loads(case.read_text("utf-8"))
        _, shown = copy_resolution(root, n + 1, spec["path"], spec["value"])
        result.where[case_id(case)] = (shown, range(1, 10_000))
    tags_file = root / "resolutions/tags.yaml"
    vocabulary = yaml.safe_load(tags_file.read_text("utf-8"))
    for case in cases("tags"):
        tag = case.stem
        vocabulary[tag] = json.loads(case.read_text("utf-8"))
        # A commentary carrying the tag, so that its label reaches a page and the topic pages.
        front = f"---\nauthors:\n  - name: A. Contributor\nupdated: 2026-11-27\ntags: [{tag}]\n---\n\n"
        place(front + "Tagged commentary.\n", 7, 1)
        result.where[case_id(case)] = ("resolutions/tags.yaml", range(0, 10_000))
    tags_file.write_text(yaml.safe_dump(vocabulary, allow_unicode=True, width=100_000), encoding="utf-8")
    guide_lines = ["# Contributing", ""]
    for case in cases("guide"):
        body = case.read_text("utf-8").splitlines()
        first = len(guide_lines) + 1
        guide_lines += [*body, ""]
        result.where[case_id(case)] = ("CONTRIBUTING.md", range(first, first + len(body)))
    (root / "CONTRIBUTING.md").write_text("\n".join(guide_lines) + "\n", encoding="utf-8")
    result.check = check(config)
    result.build = build_site(config, strict=False)
    return result


# -- 1. check refuses every case ----------------------------------------------------------------


@pytest.mark.parametrize("case", REFUSED, ids=case_id)
def test_check_refuses_it(case: Path, site: Site) -> None:
    assert site.check is not None
    out = site.check.stderr + site.check.stdout
    assert site.check.returncode == 1, out
    assert "Traceback" not in out
    shown, lines = site.where[case_id(case)]
    found = [int(m.group(1)) for m in re.finditer(rf"^error: {re.escape(shown)}:([0-9]+): ", out, re.M)]
    assert any(line in lines for line in found), (shown, lines, out[-3000:])


@pytest.mark.parametrize("case", REFUSED_DATA, ids=case_id)
def test_unusable_data_is_refused_by_check_and_build(case: Path, tmp_path: Path) -> None:
    config = copy_project(tmp_path)
    spec = json.loads(case.read_text("utf-8"))
    _, shown = copy_resolution(tmp_path, 1, spec["path"], spec["value"])
    checked = check(config)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    assert re.search(rf"^error: {re.escape(shown)}:[0-9]+: ", checked.stderr, re.M), checked.stderr
    built = build_site(config, strict=False)
    assert built.returncode != 0 and "Traceback" not in built.stderr
    assert f"{shown}:" in built.stderr
    assert not (tmp_path / "site").exists() or not (tmp_path / "site/A/RES/99/1").exists()


# -- 2. the built HTML is safe -----------------------------------------------------------------

OWN_SCRIPTS = re.compile(
    r"^(\./|\.\./|/[a-z-]+/)*(javascripts/[a-z-]+\.js|assets/javascripts/bundle\.[0-9a-f]+\.min\.js)$"
)
"""The site's own script files, by relative address (``./`` on the home page as Zensical writes
it), or absolute path on the 404 page.  The search bundle's script (pagefind/pagefind.js) is no
page's script: the site's search script imports it when the reader opens search."""
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background"}
RESOURCE_TAGS = {"img", "script", "iframe", "embed", "object", "source", "audio", "video", "track", "image"}
FORBIDDEN_TAGS = {"iframe", "object", "embed", "frame", "frameset", "applet", "base", "style", "math"}


class Audit(HTMLParser):
    """Everything unsafe in one page."""

    def __init__(self, name: str) -> None:
        super().__init__(convert_charrefs=True)
        self.name = name
        self.problems: list[str] = []
        self.ids: dict[str, int] = {}
        self.in_script: str | None = None

    def fail(self, what: str) -> None:
        self.problems.append(f"{self.name}: {what}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag in FORBIDDEN_TAGS:
            self.fail(f"<{tag}>")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.fail("<meta http-equiv=refresh>")
        if tag == "script":
            kind = values.get("type", "")
            if kind == "application/json" and values.get("id") == "__config":
                self.in_script = "json"
            elif "src" in values and OWN_SCRIPTS.match(values["src"]):
                self.in_script = "src"
            else:
                self.fail(f"script {values}")
                self.in_script = "bad"
        for name, value in values.items():
            if name.startswith("on"):
                self.fail(f"event handler {name}={value!r} on <{tag}>")
            if name == "style":
                self.fail(f"inline style on <{tag}>: {value!r}")
            if name in URL_ATTRIBUTES:
                self.url(tag, name, value, values)
            if name == "id":
                self.ids[value] = self.ids.get(value, 0) + 1

    handle_startendtag = handle_starttag

    def url(self, tag: str, name: str, value: str, values: dict[str, str]) -> None:
        cleaned = re.sub(r"[\x00-\x20]", "", value).lower()
        scheme = urlsplit(cleaned).scheme
        if scheme not in ("", "http", "https", "mailto"):
            self.fail(f"{name}={value!r} on <{tag}>")
        # A canonical address and the language versions of a page (rel=alternate with hreflang)
        # name pages for search engines: a browser fetches neither.
        named = values.get("rel", "") == "canonical" or (values.get("rel") == "alternate" and "hreflang" in values)
        resource = tag in RESOURCE_TAGS or (tag == "link" and not named)
        if resource and name in ("src", "href", "srcset", "data") and (scheme or cleaned.startswith("//")):
            self.fail(f"resource from another host: <{tag} {name}={value!r}>")

    def handle_data(self, data: str) -> None:
        if self.in_script == "src" and data.strip():
            self.fail("inline code in a script with src")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = None

    def finish(self) -> list[str]:
        for ident, count in self.ids.items():
            if count > 1:
                self.fail(f"id {ident!r} used {count} times")
        return self.problems


def test_the_hostile_site_builds(site: Site) -> None:
    assert site.build is not None
    assert site.build.returncode == 0, site.build.stderr[-3000:]
    assert "Traceback" not in site.build.stderr
    # The build says what it neutralised.
    assert "raw HTML is not allowed in commentary" in site.build.stderr


def test_built_html_is_safe(site: Site) -> None:
    built = site.config.parent / "site"
    pages = sorted(built.rglob("*.html"))
    assert len(pages) > 20
    problems: list[str] = []
    for path in pages:
        audit = Audit(path.relative_to(built).as_posix())
        audit.feed(path.read_text("utf-8"))
        audit.close()
        problems += audit.finish()
    assert problems == []


def test_official_ids_belong_to_the_official_text(site: Site) -> None:
    page = (site.config.parent / "site/A/RES/73/266/index.html").read_text("utf-8")
    audit = Audit("A/RES/73/266")
    audit.feed(page)
    for ident in ("op-1", "pp-1", "fn:1", "fnref:1", "formula"):
        assert audit.ids.get(ident) == 1, ident
    # Inside commentary, every id is under the commentary's own prefix.
    for block in re.findall(r'<div class="ar-commentary-body">(.*?)</div>', page, re.S):
        inner = Audit("commentary")
        inner.feed(block)
        assert all(ident.startswith("c-") for ident in inner.ids), inner.ids


@pytest.mark.parametrize("case", AS_TEXT, ids=case_id)
def test_what_the_old_checks_misread_is_accepted_and_shown_as_text(case: Path, site: Site) -> None:
    assert site.check is not None
    shown, _ = site.where[case_id(case)]
    assert f"{shown}:" not in site.check.stderr
    page = (site.config.parent / "site" / shown.split("/")[1].replace("-", "/", 3) / "index.html").read_text("utf-8")
    assert "onerror=alert(1)" in page or "javascript:alert(1)" in page


def test_hostile_words_stay_as_text(site: Site) -> None:
    """Nothing is lost: the hostile text shows, as text, where it was written."""
    built = site.config.parent / "site"
    text = "".join(p.read_text("utf-8") for p in built.rglob("*.html"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "onerror=alert(1)" in text  # inside escaped text, not as an attribute (see the audit)


# -- 3. the search index holds no markup --------------------------------------------------------


def test_search_index_holds_hostile_text_as_text(site: Site) -> None:
    """Pagefind's fragments hold each page's text: hostile commentary is there, searchable, as the
    characters it was written with (which the search interface only ever inserts as text: see
    the browser test below and tests/test_search.py)."""
    from tests.test_search import fragments

    pages = fragments(site.config.parent / "site")
    text = "\n".join(f["content"] for f in pages.values())
    assert "onerror=alert(1)" in text
    for fragment in pages.values():
        # Metadata is what the page's own templates give: title, symbol, keys.
        assert set(fragment["meta"]) <= {"title", "symbol", "keys", "image", "image_alt"}, fragment["meta"]


# -- the browser: no script runs -----------------------------------------------------------------


@pytest.mark.browser
def test_no_script_runs_in_a_browser(site: Site, browser: object) -> None:
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    built = site.config.parent / "site"
    pages = ["/", "/contributing/", "/topics/", "/A/RES/73/266/", "/A/RES/73/6/", "/A/RES/99/1/", "/A/RES/99/5/"]
    pages += [f"/topics/{c.stem}/" for c in cases("tags")]
    with serve(built) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        ran: list[str] = []
        page.on("dialog", lambda d: (ran.append(f"dialog {d.message}"), d.dismiss()))
        page.on("pageerror", lambda e: ran.append(f"error {e}"))
        page.add_init_script(
            "window.__violations=[];document.addEventListener('securitypolicyviolation',"
            "e=>window.__violations.push(e.violatedDirective+' '+e.blockedURI));"
        )
        for path in pages:
            page.goto(url + path)
            page.wait_for_timeout(150)
            page.mouse.move(300, 300)
            for marker in page.locator("a.footnote-ref").all()[:3]:
                marker.hover()
            assert page.evaluate("window.__violations") == [], path
        for query in ("harmless", "hover", "pic", "seen", "alert script"):  # words of hostile commentary
            page.goto(url + "/A/RES/73/266/")
            page.keyboard.press("/")
            page.keyboard.type(query)
            results = page.locator("dialog.ar-search .ar-search__item")
            results.first.wait_for(state="visible", timeout=10000)
            for item in results.all()[:5]:
                item.hover()
            # Every element of the results is one the search interface makes: nothing of the
            # indexed text became markup.
            made = page.evaluate(
                """() => [...document.querySelectorAll('.ar-search__results *')].map(e =>
                     e.tagName.toLowerCase() + ' ' + [...e.attributes].map(a => a.name).sort().join(','))"""
            )
            assert made and set(made) <= {"li class", "a class,href", "span class", "mark "}, (query, set(made))
            assert page.evaluate("window.__violations") == [], query
        context.close()
    assert ran == []
