"""Reader-side weight: the bytes a reader's browser downloads for one page of the real site.

Two measurements of the site built from this repository:

- static: the page's HTML, what it references (stylesheets, scripts, icon, images), what those
  stylesheets reference (fonts, images), and what opening the site search fetches (Pagefind's
  script, its WebAssembly and the index metadata; docs/javascripts/search.js);
- browser (when Debian's Chromium and Playwright are installed): every request Chromium makes
  while loading the page from 127.0.0.1 and letting it settle, then every further request when
  the reader opens search (the "/" shortcut) and runs a first query (:func:`first_query`).
  Requests to other hosts are blocked and listed: a reader's browser would make them.

Each resource says ``when`` it is downloaded: ``load`` (every page view), ``search`` (once the
reader opens search) or ``query`` (for the first query).  ``total_bytes`` is a page view;
``on_search_bytes`` what opening search and a first query add; ``with_search_bytes`` both.

Sizes are given as served (uncompressed, as by a plain static server) and gzip-compressed (what a
host such as GitHub Pages sends); nothing of the site is changed.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import tempfile
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from bench.corpus import copy_site_skeleton
from bench.procs import child_env, measure
from tests.site_server import free_port, serve  # the browser tests' server, on 127.0.0.1

CHROMIUM = Path("/usr/bin/chromium")
SEARCH_QUERY = "dual-use technologies"
"""The first query of the weight report (a phrase of A/RES/73/266)."""
_CSS_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)|@import\s+(['\"])([^'\"]+)\3")


@dataclass(frozen=True, slots=True)
class Resource:
    path: str
    """Path on the site, or the full URL of another host."""
    kind: str
    bytes: int
    gzip_bytes: int
    why: str
    when: str = "load"
    """``load``: on every page view; ``search``: once the reader opens search; ``query``: for the
    first query."""


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []
        """(url, kind, why)"""
        self.config = ""
        self.search_form = False
        self.previews = False
        self.repo = ""
        self._in_config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        rel = a.get("rel", "").split()
        if tag == "link" and "stylesheet" in rel:
            self.refs.append((a["href"], "css", "<link rel=stylesheet>"))
        elif tag == "link" and ({"icon", "apple-touch-icon"} & set(rel)):
            self.refs.append((a["href"], "image", "<link rel=icon>"))
        elif tag == "link" and ({"preload", "modulepreload"} & set(rel)):
            self.refs.append((a["href"], a.get("as", "other"), "<link rel=preload>"))
        elif tag == "script" and a.get("src"):
            self.refs.append((a["src"], "js", "<script src>"))
        elif tag == "script" and a.get("id") == "__config":
            self._in_config = True
        elif tag in ("img", "source") and (a.get("src") or a.get("srcset")):
            src = a.get("src") or a.get("srcset", "").split()[0]
            if not src.startswith("data:"):
                self.refs.append((src, "image", f"<{tag}>"))
        elif tag == "form" and a.get("name") == "search":
            self.search_form = True
        elif tag == "a" and "data-preview" in a:
            self.previews = True
        elif tag == "a" and a.get("class", "").split()[:1] == ["md-source"]:
            self.repo = a.get("href", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_config = False

    def handle_data(self, data: str) -> None:
        if self._in_config:
            self.config += data


def _kind(path: str) -> str:
    ext = path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
    return {
        "css": "css",
        "js": "js",
        "json": "search index",
        "xml": "sitemap",
        "woff": "font",
        "woff2": "font",
        "ttf": "font",
        "otf": "font",
        "png": "image",
        "pagefind": "search index",
        "pf_meta": "search index",
        "pf_index": "search index",
        "pf_filter": "search index",
        "pf_fragment": "search index",
        "svg": "image",
        "ico": "image",
        "jpg": "image",
        "webp": "image",
    }.get(ext, "html" if path.endswith("/") or ext == "html" else "other")


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def static_weight(site: Path, page: str) -> tuple[list[Resource], list[str]]:
    """What ``page`` references, followed through stylesheets; and external URLs it names."""
    base = "http://site.invalid/"
    page_url = urljoin(base, page)
    seen: dict[str, Resource] = {}
    external: list[str] = []

    def local(url: str) -> Path | None:
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}/" != base:
            return None
        path = site / parts.path.lstrip("/")
        return path / "index.html" if parts.path.endswith("/") or path.is_dir() else path

    def add(url: str, why: str, kind: str | None = None, when: str = "load") -> bytes | None:
        url = url.split("#")[0]
        if url.startswith("data:"):
            return None
        path = local(url)
        if path is None:
            external.append(f"{url} ({why})")
            return None
        rel = urlsplit(url).path
        if rel in seen:
            return None
        if not path.exists():
            external.append(f"{url} (missing on the site; {why})")
            return None
        data = path.read_bytes()
        seen[rel] = Resource(rel, kind or _kind(rel), len(data), _gz(data), why, when)
        return data

    html = add(page_url, "the page", "html")
    assert html is not None, f"no page {page}"
    refs = _Refs()
    refs.feed(html.decode("utf-8"))
    for url, kind, why in refs.refs:
        data = add(urljoin(page_url, url), why, kind)
        if data is not None and kind == "css":
            css_url = urljoin(page_url, url)
            for m in _CSS_URL.finditer(data.decode("utf-8", "replace")):
                target = m.group(2) or m.group(4)
                if not target.startswith("data:"):
                    add(urljoin(css_url, target), f"url() in {urlsplit(css_url).path}")
    config: dict[str, Any] = json.loads(refs.config) if refs.config.strip() else {}
    search_script = next((u for u, _, _ in refs.refs if u.split("?")[0].endswith("javascripts/search.js")), "")
    if search_script:
        bundle = urljoin(urljoin(page_url, search_script), "../pagefind/")
        add(urljoin(bundle, "pagefind.js"), "search script (Pagefind, when the reader opens search)", "js", "search")
        entry = local(urljoin(bundle, "pagefind-entry.json"))
        if entry is not None and entry.exists():
            add(urljoin(bundle, "pagefind-entry.json"), "search languages (Pagefind)", "search index", "search")
            languages = json.loads(entry.read_text("utf-8"))["languages"]
            lang = next(iter(languages.values()))
            add(urljoin(bundle, f"pagefind.{lang['hash']}.pf_meta"), "search index metadata", "search index", "search")
            add(urljoin(bundle, f"wasm.{lang['wasm']}.pagefind"), "search code (WebAssembly)", "search index", "search")
    if refs.previews:
        base_url = urljoin(page_url, (config.get("base") or ".") + "/")
        add(urljoin(base_url, "sitemap.xml"), "sitemap (Material's link previews, at page load)", "sitemap")
    if refs.repo.startswith("https://github.com/"):
        external.append(f"https://api.github.com/repos/{refs.repo[19:].strip('/')} (repository facts, Material)")
    return list(seen.values()), external


def run_query(pg: Any, query: str) -> tuple[float, int]:
    """Type ``query`` in the open search dialog; (milliseconds from the last keystroke until the
    results are shown, number of results shown).  The time includes the dialog's 150 ms wait
    for the reader to stop typing."""
    box = pg.locator("dialog.ar-search input[type=search]")
    box.wait_for(state="visible", timeout=30_000)
    pg.evaluate("document.querySelector('.ar-search__status').textContent = ''")  # not the last query's
    box.fill(query[:-1])
    pg.evaluate(
        """() => { const box = document.querySelector('dialog.ar-search input[type=search]');
                   box.addEventListener('input', () => { window.__typed = performance.now(); }, {once: true}); }"""
    )
    box.press_sequentially(query[-1:])
    pg.wait_for_function(
        """() => { const s = document.querySelector('.ar-search__status');
                   return s && /found|Nothing/.test(s.textContent) && !/Searching/.test(s.textContent); }""",
        timeout=60_000,
    )
    ms = pg.evaluate("performance.now() - window.__typed")
    return float(ms), int(pg.locator(".ar-search__link").count())


def first_query(site: Path, page: str, queries: list[str], port: int = 0) -> list[dict[str, Any]]:
    """What a reader downloads and waits for each query, in order, in one visit of ``page``: the
    first includes opening search (Pagefind's script, WebAssembly, index metadata, filters)."""
    from playwright.sync_api import Request, sync_playwright

    out: list[dict[str, Any]] = []
    with serve(site, port) as base, sync_playwright() as p:
        root = base + "/"
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            got: list[tuple[str, int, int]] = []

            def finished(req: Request) -> None:
                resp = req.response()
                if resp is None or not req.url.startswith(root):
                    return
                try:
                    body = resp.body()
                except Exception:
                    return
                got.append((req.url[len(root) :], len(body), _gz(body)))

            context.on("requestfinished", finished)
            pg = context.new_page()
            pg.goto(root + page, wait_until="networkidle")
            pg.keyboard.press("/")
            for query in queries:
                got.clear()
                ms, results = run_query(pg, query)
                pg.wait_for_load_state("networkidle")
                out.append(
                    {
                        "query": query,
                        "bytes": sum(g[1] for g in got),
                        "gzip_bytes": sum(g[2] for g in got),
                        "requests": len(got),
                        "latency_ms": round(ms),
                        "results": results,
                        "files": sorted(g[0] for g in got),
                    }
                )
            context.close()
        finally:
            browser.close()
    return out


def browser_weight(site: Path, page: str, port: int, query: str = SEARCH_QUERY) -> tuple[list[Resource], list[str]]:
    """Every request Chromium makes for ``page``, then for opening search and a first query;
    other hosts are blocked and listed."""
    from playwright.sync_api import Request, Route, sync_playwright

    got: dict[str, Resource] = {}
    external: list[str] = []
    phase = ["load"]
    with serve(site, port) as base, sync_playwright() as p:
        root = base + "/"
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})

            def route(r: Route) -> None:
                if r.request.url.startswith(root):
                    r.continue_()
                else:
                    external.append(f"{r.request.url} ({r.request.resource_type}, blocked here)")
                    r.abort()

            context.route("**/*", route)

            def finished(req: Request) -> None:
                resp = req.response()
                if resp is None or not req.url.startswith(root):
                    return
                try:
                    body = resp.body()
                except Exception:  # a response without a body (redirect)
                    return
                rel = "/" + req.url[len(root) :].split("#")[0]
                if rel not in got:
                    got[rel] = Resource(
                        rel, _kind(rel.split("?")[0]), len(body), _gz(body), req.resource_type, phase[0]
                    )

            context.on("requestfinished", finished)
            pg = context.new_page()
            pg.goto(root + page, wait_until="networkidle")
            pg.mouse.wheel(0, 100_000)  # anything loaded on scroll
            pg.wait_for_timeout(2000)
            phase[0] = "search"  # the reader opens search with its shortcut
            pg.keyboard.press("/")
            pg.wait_for_load_state("networkidle")
            pg.wait_for_timeout(1000)
            phase[0] = "query"
            run_query(pg, query)
            pg.wait_for_load_state("networkidle")
            context.close()
        finally:
            browser.close()
    return list(got.values()), external


def weight_report(page: str, browser: bool = True, timeout: float = 600, root: Path | None = None) -> dict[str, Any]:
    """Build the real site in a temporary folder and report what a reader downloads for ``page``."""
    page = page.strip("/") + "/"
    with tempfile.TemporaryDirectory(prefix="ar-weight-") as tmp:
        config = copy_site_skeleton(Path(tmp) / "project", with_resolutions=True, **({"root": root} if root else {}))
        port = free_port()
        site = Path(tmp) / "site"
        env_url = f"http://127.0.0.1:{port}/"  # link previews read the sitemap, written for site_url
        measure(
            [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
            config.parent,
            timeout,
            child_env({"SITE_URL": env_url}),
        ).check("mkdocs build of the site")
        resources, external = static_weight(site, page)
        method = "static analysis of the built page"
        if browser and CHROMIUM.exists():
            try:
                resources, external = browser_weight(site, page, port)
                method = "requests made by Chromium loading the page from 127.0.0.1"
            except ImportError:
                pass
        queries: list[dict[str, Any]] = []
        if method.startswith("requests made by Chromium"):
            queries = first_query(site, page, [SEARCH_QUERY, "73/266", "S/RES/1590"])
        index_bytes = sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file())
        resources.sort(key=lambda r: (r.when != "load", -r.bytes))
        static_only = {r.path for r in static_weight(site, page)[0]} - {r.path for r in resources}
        print(f"\nreader-side weight of /{page} ({method})\n")
        w = max([len(r.path) for r in resources] + [8])
        print(f"{'resource':<{w}}  {'kind':<12}  {'bytes':>10}  {'gzip':>10}  why")
        on_load = [r for r in resources if r.when == "load"]
        on_search = [r for r in resources if r.when != "load"]
        for r in on_load:
            print(f"{r.path:<{w}}  {r.kind:<12}  {r.bytes:>10,}  {r.gzip_bytes:>10,}  {r.why}")
        total = sum(r.bytes for r in on_load)
        total_gz = sum(r.gzip_bytes for r in on_load)
        print(f"{'total (page load)':<{w}}  {'':<12}  {total:>10,}  {total_gz:>10,}")
        for r in on_search:
            print(
                f"{r.path:<{w}}  {r.kind:<12}  {r.bytes:>10,}  {r.gzip_bytes:>10,}  {r.why}"
                + (
                    ""
                    if "search" in r.why
                    else (", for the first query" if r.when == "query" else ", on opening search")
                )
            )
        search_bytes = sum(r.bytes for r in on_search)
        search_gz = sum(r.gzip_bytes for r in on_search)
        print(f"{'+ search and a first query':<{w}}  {'':<12}  {search_bytes:>10,}  {search_gz:>10,}")
        print(f"{'total with search':<{w}}  {'':<12}  {total + search_bytes:>10,}  {total_gz + search_gz:>10,}")
        by_kind: dict[str, list[int]] = {}
        for r in on_load:
            entry = by_kind.setdefault(r.kind, [0, 0])
            entry[0] += r.bytes
            entry[1] += r.gzip_bytes
        print(
            "\nby kind (page load): " + ", ".join(f"{k} {v[0]:,} ({v[1]:,} gzip)" for k, v in sorted(by_kind.items()))
        )
        for q in queries:
            print(
                f"search {q['query']!r}: {q['bytes']:,} bytes ({q['gzip_bytes']:,} gzip) in {q['requests']} requests, "
                f"results after {q['latency_ms']} ms"
            )
        print(f"search index on the site: {index_bytes:,} bytes")
        if external:
            print("requests to other hosts:\n  " + "\n  ".join(external))
        if static_only:
            print("referenced but not requested during the visit: " + ", ".join(sorted(static_only)))
        return {
            "page": "/" + page,
            "method": method,
            "total_bytes": total,
            "total_gzip_bytes": total_gz,
            "by_kind": {k: {"bytes": v[0], "gzip_bytes": v[1]} for k, v in by_kind.items()},
            "on_search_bytes": search_bytes,
            "on_search_gzip_bytes": search_gz,
            "with_search_bytes": total + search_bytes,
            "with_search_gzip_bytes": total_gz + search_gz,
            "search_index_bytes": index_bytes,
            "search_queries": [{k: v for k, v in q.items() if k != "files"} for q in queries],
            "resources": [asdict(r) for r in resources],
            "external_requests": external,
        }
