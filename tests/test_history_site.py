"""History on the site: series of the real resolutions, their changes pages, the provenance of
every paragraph, series.yaml, the draft and adopted pair, incremental builds, and a look in Chromium."""

from __future__ import annotations

import itertools
import re
import shutil
from collections.abc import Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import Markup

from generator.build import build, load_project
from generator.history.align import align, counts
from generator.history.overrides import load_series_file
from generator.history.pages import render_changes
from generator.history.series import detect
from generator.history.site import Record, record_of, site_history
from generator.project import project_from_config
from generator.render import environment
from generator.store import load_resolution
from tests.conftest import ARTIFACTS, copy_project
from tests.site_server import build_site, serve

ROOT = Path(__file__).resolve().parent.parent
RESOLUTIONS = ROOT / "resolutions"


DRAFT = RESOLUTIONS / "A-C-1-80-L-20"
"""The First Committee draft of A/RES/80/16 as `python -m generator import A_C.1_80_L.20.pdf` gives
it (kind draft), on the site beside the resolution adopted on it."""


def real_records() -> dict[str, Record]:
    """The records of the site's resolutions and of the draft."""
    out = {}
    for data in sorted(RESOLUTIONS.glob("*/resolution.yaml")):
        res = load_resolution(data)
        out[res.symbol] = record_of(res)
    return out


@pytest.fixture(scope="module")
def records() -> dict[str, Record]:
    return real_records()


def short(symbols: tuple[str, ...] | list[str]) -> list[str]:
    return [s.removeprefix("A/RES/") for s in symbols]


# -- series from the real data ---------------------------------------------------------------------


def test_the_sites_series_are_the_ict_lines_and_the_cuba_line(records: dict[str, Record]) -> None:
    history = site_history({s: r.head() for s, r in records.items()}, records.__getitem__)
    lines = {tuple(short(s.members)) for s in history.series}
    assert lines == {
        ("73/266", "74/28", "75/32", "76/19"),
        ("74/29", "75/240", "76/19", "77/36", "78/237", "79/237", "80/16"),
        ("77/37", "78/16"),
        ("74/7", "75/289", "77/7", "78/7", "79/7", "80/4"),  # 76/7 is not on the site
    }
    # 76/19 merged the two lines; its title is neither's, so the Developments line reaches 77/36
    # through it (rule 3), not past it.
    assert short(history.links.predecessors["A/RES/76/19"]) == ["75/240", "75/32"]
    assert short(history.links.predecessors["A/RES/77/36"]) == ["76/19"]
    # The draft on the site (A/C.1/80/L.20, kind draft) is in no series: it is compared with the
    # text adopted on it, named by A/RES/80/16's procedure.draft.
    assert "A/C.1/80/L.20" in history.drafts
    assert [(c.earlier, c.kind) for c in history.comparisons["A/RES/80/16"]] == [
        ("A/RES/79/237", "series"),
        ("A/C.1/80/L.20", "draft"),
    ]
    assert "A/C.1/80/L.20" not in history.provenance


def test_records_take_title_agenda_item_and_recalled_resolutions_from_the_data(records: dict[str, Record]) -> None:
    r = records["A/RES/75/32"]
    assert r.title == "Advancing responsible State behaviour in cyberspace in the context of international security"
    assert r.agenda.startswith("Developments in the field of information and telecommunications")
    assert {"A/RES/74/28", "A/RES/73/266", "A/RES/74/29"} <= set(r.recalls)
    assert (r.session, r.draft, r.language) == (75, "A/C.1/75/L.4", "en")


def test_74_28_to_75_32_and_cuba_79_7_to_80_4(records: dict[str, Record]) -> None:
    pairs = align(records["A/RES/74/28"].compared("en"), records["A/RES/75/32"].compared("en"))
    c = counts(pairs)
    assert sum(1 for p in pairs if p.new) == 27
    # 20, not the 19 of the issue: operative paragraph 1 (a) lost its three footnote markers (the
    # reports of 2010, 2013 and 2015 are no longer footnoted) and kept every word; by the rule
    # (footnote markers set aside) it is unchanged, and its row says the markers differ.
    assert c == {"unchanged": 20, "changed": 4, "new": 3, "dropped": 0, "moved": 0}
    same_words = next(p for p in pairs if p.new and p.new.id == "op-1-a")
    assert same_words.status == "unchanged" and same_words.old is not None
    assert same_words.old.wording != same_words.new.wording and "[^1]" in same_words.old.wording

    cuba = counts(align(records["A/RES/79/7"].compared("en"), records["A/RES/80/4"].compared("en")))
    assert cuba == {"unchanged": 8, "changed": 5, "new": 0, "dropped": 0, "moved": 0}
    # No paragraph is new year to year anywhere in the Cuba line, in any language they share.
    line = ["A/RES/74/7", "A/RES/75/289", "A/RES/77/7", "A/RES/78/7", "A/RES/79/7", "A/RES/80/4"]
    for before, after in itertools.pairwise(line):
        for lang in ("en", "fr", "es", "ru", "ar", "zh"):
            found = counts(align(records[before].compared(lang), records[after].compared(lang)))
            assert found["new"] == 0 and found["dropped"] == 0, (before, after, lang, found)


def test_provenance_over_the_site(records: dict[str, Record]) -> None:
    history = site_history({s: r.head() for s, r in records.items()}, records.__getitem__)
    p = history.provenance["A/RES/80/4"]
    # Agreed language since the earliest resolution of the site that has the same words.
    assert p["pp-1"].since is not None and (p["pp-1"].since.symbol, p["pp-1"].since.paragraph_id) == (
        "A/RES/74/7",
        "pp-1",
    )
    # The list of recalled resolutions grows every year: changed from last year's.
    assert p["pp-6"].changed_from is not None and p["pp-6"].changed_from.symbol == "A/RES/79/7"
    # The first resolution of a line on the site: new, but for a formula other texts share ("Takes
    # note of the report of the Secretary-General on the implementation of resolution ..."), 62 %
    # alike operative paragraph 25 of the ICC's 73/7: near matches are found across series.
    first = history.provenance["A/RES/74/7"]
    assert {pid for pid, x in first.items() if x.status != "new"} == {"op-1"}
    assert first["op-1"].changed_from is not None and first["op-1"].changed_from.symbol == "A/RES/73/7"


# -- series.yaml -------------------------------------------------------------------------------------


def test_series_yaml_adds_splits_and_names(records: dict[str, Record], tmp_path: Path) -> None:
    (tmp_path / "series.yaml").write_text(
        "series:\n"
        "  - name: Cyber programme of action\n"
        "    resolutions: [A/RES/77/37, A/RES/78/16]\n"
        "split: [A/RES/80/4]\n",
        "utf-8",
    )
    series_file, problems = load_series_file(tmp_path, frozenset(records))
    assert problems == []
    links, series = detect([r.member() for r in records.values()], series_file.overrides)
    assert "A/RES/80/4" not in links.predecessors
    assert ("Cyber programme of action", ("A/RES/77/37", "A/RES/78/16")) in [(s.name, s.members) for s in series]


def test_check_reports_every_series_yaml_problem_with_its_line(tmp_path: Path) -> None:
    config = copy_project(tmp_path, core=True)
    (tmp_path / "resolutions" / "series.yaml").write_text(
        "series:\n"
        "  - name: One\n"
        "    resolutions: [A/RES/73/266, A/RES/99/1]\n"
        "  - resolutions: [A/RES/73/6]\n"
        "split: A/RES/73/7\n"
        "colour: blue\n",
        "utf-8",
    )
    from generator.errors import DataError

    with pytest.raises(DataError) as caught:
        load_project(project_from_config(config))
    messages = [p.format() for p in caught.value.problems]
    assert any(m.startswith("resolutions/series.yaml:3: resolutions: A/RES/99/1 is not a resolution") for m in messages)
    assert any(m.startswith("resolutions/series.yaml:4: a series needs at least two") for m in messages)
    assert any(m.startswith("resolutions/series.yaml:5: split: expected a list") for m in messages)
    assert any(m.startswith("resolutions/series.yaml:6: unknown field 'colour'") for m in messages)


# -- pages -------------------------------------------------------------------------------------------

SITE_FOLDERS = (
    "A-RES-74-28",
    "A-RES-75-32",
    "A-RES-79-7",
    "A-RES-80-4",
    "A-RES-79-237",
    "A-RES-80-16",
)


def history_copy(dest: Path) -> Path:
    config = copy_project(dest, core=True)
    for name in SITE_FOLDERS:
        shutil.copytree(RESOLUTIONS / name, dest / "resolutions" / name)
    shutil.copytree(DRAFT, dest / "resolutions" / DRAFT.name)
    return config


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.attrs_by_id: dict[str, dict[str, str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
            self.attrs_by_id[a["id"]] = a
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])


def parse(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text("utf-8"))
    return links


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("history-site")
    config = history_copy(tmp)
    result = build_site(config)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return tmp / "site"


def summary_of(html: str) -> dict[str, int]:
    m = re.search(r'<div class="ar-changes-summary"([^>]*)>', html)
    assert m, "no summary element"
    return {k: int(v) for k, v in re.findall(r'data-(\w+)="(\d+)"', m.group(1))}


def test_changes_page_summary_and_word_differences(site: Path) -> None:
    html = (site / "A/RES/80/4/changes/index.html").read_text("utf-8")
    assert summary_of(html) == {"unchanged": 8, "changed": 5, "new": 0, "dropped": 0, "moved": 0}
    # pp 6 adds "79/7 of 30 October 2024" to the resolutions recalled.
    row = re.search(r'<li class="ar-change ar-change--changed" id="pp-6".*?</li>', html, re.S)
    assert row is not None
    assert "<ins>" in row.group(0) and "<del>" in row.group(0)
    assert "79/7 of 30 October 2024" in re.sub(r"<[^>]+>", "", "".join(re.findall(r"<ins>(.*?)</ins>", row.group(0))))
    french = (site / "A/RES/80/4/changes/fr/index.html").read_text("utf-8")
    assert summary_of(french) == summary_of(html)
    assert 'lang="fr"' in french
    html = (site / "A/RES/75/32/changes/index.html").read_text("utf-8")
    assert summary_of(html) == {"unchanged": 20, "changed": 4, "new": 3, "dropped": 0, "moved": 0}
    assert "footnote markers differ" in html


def test_every_link_of_the_changes_pages_resolves(site: Path) -> None:
    pages = sorted(site.glob("A/RES/*/*/changes/**/index.html"))
    assert len(pages) >= 4
    checked = 0
    for page in pages:
        for href in parse(page).hrefs:
            if href.startswith(("http", "mailto:")) or (href.startswith("#") and not href[1:]):
                continue
            path, _, anchor = href.partition("#")
            target = (page.parent / path).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), (page, href)
            if anchor:
                assert anchor in parse(target).ids, (page, href)
            checked += 1
    assert checked > 100


def test_resolution_pages_carry_each_paragraphs_provenance(site: Path) -> None:
    page = site / "A/RES/80/4/index.html"
    html = page.read_text("utf-8")
    found = parse(page)
    assert found.attrs_by_id["pp-1"]["data-since"] == "A/RES/79/7#pp-1"  # the earliest on this site
    assert found.attrs_by_id["pp-6"]["data-changed-from"] == "A/RES/79/7#pp-6"
    assert "data-since" not in found.attrs_by_id["pp-6"]
    assert "Agreed language since <a" in html and "A/RES/79/7 (2024), pp 1</a>" in html
    show = re.search(
        r'Changed from <a href="([^"]+)"[^>]*>A/RES/79/7, pp 6</a>: <a class="ar-show-changes" href="([^"]+)"', html
    )
    assert show is not None and show.group(2) == "changes/#pp-6"
    assert '<a href="changes/">from A/RES/79/7</a>' in html
    # A resolution with nothing to compare it with on the site shows no history lines.
    assert "ar-provenance" not in (site / "A/RES/73/6/index.html").read_text("utf-8")
    new = parse(site / "A/RES/75/32/index.html").attrs_by_id["op-5"]
    assert "data-since" not in new and "data-changed-from" not in new
    assert "New in this resolution" in (site / "A/RES/75/32/index.html").read_text("utf-8")
    # Every language version carries the same provenance, its line in the page's language, and
    # its links resolve from where that page is.
    french = site / "fr/A/RES/80/4/index.html"
    found_fr = parse(french)
    assert found_fr.attrs_by_id["pp-1"]["data-since"] == "A/RES/79/7#pp-1"
    assert found_fr.attrs_by_id["pp-6"]["data-changed-from"] == "A/RES/79/7#pp-6"
    text_fr = french.read_text("utf-8")
    assert "Libellé agréé depuis <a" in text_fr and "Agreed language since" not in text_fr
    show_fr = re.search(r'<a class="ar-show-changes" href="([^"#]+)#pp-6">voir les modifications</a>', text_fr)
    assert show_fr is not None
    assert (french.parent / show_fr.group(1) / "index.html").resolve().is_file()


def test_the_adopted_text_is_compared_with_its_draft(records: dict[str, Record]) -> None:
    """A fixture: A/RES/80/16's record under the draft's symbol, with its last paragraph changed,
    in place of the draft as imported."""
    adopted = records["A/RES/80/16"]
    units = dict(adopted.units)
    *rest, (pid, name, wording) = units["en"]
    units["en"] = (*rest, (pid, name, wording.replace("eighty-first session", "next session")))
    draft = replace(adopted, symbol="A/C.1/80/L.20", adopted=None, draft="", recalls=(), units=units)
    site = {**records, draft.symbol: draft}  # in place of the draft as imported
    history = site_history({s: r.head() for s, r in site.items()}, site.__getitem__)
    assert history.drafts == frozenset({"A/C.1/80/L.20"})  # from A/RES/80/16's procedure.draft
    comparisons = history.comparisons["A/RES/80/16"]
    assert [(c.earlier, c.kind, c.page()) for c in comparisons] == [
        ("A/RES/79/237", "series", "A/RES/80/16/changes/index.md"),
        ("A/C.1/80/L.20", "draft", "A/RES/80/16/changes/A-C-1-80-L-20/index.md"),
    ]
    assert comparisons[1].languages == ("en", "ar", "zh", "fr", "ru", "es")
    assert all(s.members != ("A/C.1/80/L.20",) and "A/C.1/80/L.20" not in s.members for s in history.series)
    assert "A/C.1/80/L.20" not in history.provenance  # a draft is no earlier text of its resolution

    pages = render_changes(
        environment(ROOT / "templates"),
        comparisons[1],
        comparisons,
        history,
        lambda page, symbol, anchor: f"{symbol}#{anchor}",
        Markup(""),
    )
    english = pages["A/RES/80/16/changes/A-C-1-80-L-20/index.md"]
    assert summary_of(english) == {"unchanged": 6, "changed": 1, "new": 0, "dropped": 0, "moved": 0}
    assert "What changed in A/RES/80/16 from its draft A/C.1/80/L.20" in english
    assert "<del>next </del><ins>eighty-first </ins>" in english
    assert 'href="../">From A/RES/79/237</a>' in english
    french = pages["A/RES/80/16/changes/A-C-1-80-L-20/fr/index.md"]
    assert summary_of(french)["unchanged"] == 7


def test_the_real_draft_and_its_resolution(site: Path) -> None:
    html = (site / "A/RES/80/16/index.html").read_text("utf-8")
    assert '<a href="changes/A-C-1-80-L-20/">draft A/C.1/80/L.20</a>' in html
    draft = (site / "A/RES/80/16/changes/A-C-1-80-L-20/index.html").read_text("utf-8")
    # The draft was adopted as it stood: the same seven paragraphs (the PDF's spaces where the
    # adopted text has no-break spaces are no difference).
    assert summary_of(draft) == {"unchanged": 7, "changed": 0, "new": 0, "dropped": 0, "moved": 0}
    assert "<ins>" not in draft and "footnote markers differ" not in draft
    series = (site / "A/RES/80/16/changes/index.html").read_text("utf-8")
    assert 'href="A-C-1-80-L-20/">Draft A/C.1/80/L.20</a>' in series


def test_changes_pages_escape_what_the_data_says(tmp_path: Path) -> None:
    config = history_copy(tmp_path)
    data = tmp_path / "resolutions/A-RES-80-4/resolution.yaml"
    text = data.read_text("utf-8")
    text = text.replace("Reiterates its call upon", "Reiterates <script>alert(1)</script> its call upon", 1)
    data.write_text(text, "utf-8")
    project = project_from_config(config)
    build(project)
    page = (project.docs_dir / "A/RES/80/4/changes/index.md").read_text("utf-8")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# -- incremental --------------------------------------------------------------------------------------


def test_an_unchanged_corpus_costs_nothing_and_one_change_renders_few_pages(tmp_path: Path) -> None:
    config = history_copy(tmp_path)
    project = project_from_config(config)
    first = build(project)
    assert "changes A/RES/80/4 A/RES/79/7" in first.rendered
    assert build(project).rendered == []
    data = tmp_path / "resolutions/A-RES-79-7/resolution.yaml"
    text = data.read_text("utf-8")
    assert "Reiterates its call upon" in text
    data.write_text(text.replace("Reiterates its call upon", "Reiterates once more its call upon", 1), "utf-8")
    report = build(project)
    # 79/7's page and files; its comparison with 80/4; 80/4's page, whose op 2 is now "changed
    # from" 79/7 rather than agreed language since it.  Nothing else (78/7 is not in this copy).
    assert sorted(report.rendered) == [
        "changes A/RES/80/4 A/RES/79/7",
        "files A/RES/79/7",
        "page A/RES/79/7",
        "page A/RES/80/4",
    ]
    page = (project.docs_dir / "A/RES/80/4/index.md").read_text("utf-8")
    assert 'id="op-2" data-changed-from="A/RES/79/7#op-2"' in page
    assert build(project).rendered == []


# -- in the browser -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


def test_changes_page_in_chromium(served: str, page: object) -> None:
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    page.goto(f"{served}/A/RES/75/32/changes/#op-3")
    summary = page.locator(".ar-changes-summary")
    assert summary.is_visible()
    assert summary.get_attribute("data-unchanged") == "20"
    row = page.locator("li#op-3")
    assert row.is_visible()
    deleted = row.locator("del").first
    inserted = row.locator("ins").first
    assert deleted.inner_text().strip() == "commencement of the"
    assert inserted.inner_text().strip() == "productive and ongoing"
    # Told apart by more than colour: struck through, underlined.
    assert "line-through" in deleted.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "underline" in inserted.evaluate("e => getComputedStyle(e).textDecorationLine")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "changes-75-32.png"))
    # Each side opens its paragraph on the resolution's page.
    row.locator("a.ar-change-old").click()
    page.wait_for_url("**/A/RES/74/28/#op-3")
    assert page.locator("#op-3").is_visible()


def test_records_are_made_while_loading_and_the_history_cache_is_keyed_to_this_machine(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Loading makes each text's history record where it has the model at hand: the history
    then reads no model back.  Its cache is the generator's (a MAC of this machine's key): a
    record altered on disk is discarded with a warning and made again, with the same result."""
    from generator import cache
    from generator.cache import cache_dir
    from generator.history.pages import load_history

    monkeypatch.setattr(cache, "_warned", set())  # warned once a run: as if this were a new run
    project = project_from_config(history_copy(tmp_path))
    loaded = load_project(project, lint_commentary=False)
    records = cache_dir(project.root) / "history" / "records"
    assert sorted(p.stem for p in records.glob("*.json")) == sorted(
        loaded.data_files[s].parent.name for s in loaded.summaries
    )
    data_keys = {s: loaded.fingerprints[s][1] for s in loaded.summaries}

    def no_model(symbol: str) -> object:
        raise AssertionError(f"the history read the model of {symbol}")

    first = load_history(project, data_keys, no_model)  # type: ignore[arg-type]
    assert first.provenance["A/RES/80/4"]  # computed, from the records alone
    (cache_dir(project.root) / "history" / "site.json").unlink()
    altered = records / "A-RES-79-7.json"
    altered.write_bytes(altered.read_bytes().replace(b"Cuba", b"Cubx", 1))
    asked: list[str] = []

    def model(symbol: str) -> object:
        asked.append(symbol)
        return loaded.model(symbol)[0]

    with caplog.at_level("WARNING"):
        again = load_history(project, data_keys, model)  # type: ignore[arg-type]
    assert asked == ["A/RES/79/7"]
    assert "MAC does not match" in caplog.text
    assert again.provenance == first.provenance
