"""Ways around the site and a page: the browse pages, the outline, titles, "Edit this page"."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.browse import ordinal, roman, shelf_of
from generator.build import load_project, render_pages
from generator.commentary import Slot
from generator.model import Localised, Paragraph, Resolution
from generator.project import project_from_config
from generator.render import OUTLINE_CHUNK, OUTLINE_MAX, first_words, outline
from generator.store import load_resolution
from tests.conftest import ROOT


@pytest.mark.parametrize(
    ("symbol", "body", "slug", "label"),
    [
        ("A/RES/73/266", "General Assembly", "73", "73rd session (2018–2019)"),
        ("A/RES/1/1", "General Assembly", "1", "1st session (1946–1947)"),
        ("A/RES/ES-11/4", "General Assembly", "es-11", "11th emergency special session"),
        ("A/RES/S-27/2", "General Assembly", "s-27", "27th special session"),
        ("A/RES/2625(XXV)", "General Assembly", "25", "25th session (1970–1971)"),
        ("S/RES/1590(2005)", "Security Council", "2005", "2005"),
        ("E/RES/2019/1", "Economic and Social Council", "2019", "2019"),
        ("A/C.1/80/L.20", "General Assembly", "80", "80th session (2025–2026)"),
        ("A/80/L.5", "General Assembly", "80", "80th session (2025–2026)"),
        ("A/DEC/73/546", "General Assembly", "73", "73rd session (2018–2019)"),
        ("A/HRC/RES/54/1", "Human Rights Council", "2019", "2019"),
    ],
)
def test_shelves_come_from_the_symbol(symbol: str, body: str, slug: str, label: str) -> None:
    shelf = shelf_of(symbol, body, date(2019, 7, 1))
    assert (shelf.slug, shelf.label) == (slug, label)
    assert shelf.page == f"browse/{shelf.body_slug}/{slug}/index.md"


def test_ordinals_and_roman_numerals() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 73, 112)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "73rd", "112th",
    ]  # fmt: skip
    assert [roman(r) for r in ("I", "IV", "IX", "XXV", "XLIV", "MCMXC")] == [1, 4, 9, 25, 44, 1990]


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    project = project_from_config(ROOT / "mkdocs.yml")
    return {
        k: v for k, v in render_pages(project, load_project(project, use_cache=False)).items() if isinstance(v, str)
    }


def links(page: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', page)


def test_browse_pages_lead_from_the_bodies_to_every_resolution(pages: dict[str, str]) -> None:
    index = pages["browse/index.md"]
    assert 'href="general-assembly/"' in index and 'href="security-council/"' in index
    assert 'href="general-assembly/73/">73rd session (2018–2019)</a></td><td>3</td>' in index
    body = pages["browse/general-assembly/index.md"]
    assert 'href="73/"' in body and 'href="es-11/"' in body
    shelf = pages["browse/general-assembly/73/index.md"]
    assert [h for h in links(shelf) if "/RES/" in h] == [
        "../../../A/RES/73/6/",
        "../../../A/RES/73/7/",
        "../../../A/RES/73/266/",
    ]
    sc = pages["browse/security-council/2005/index.md"]
    assert "../../../S/RES/1590(2005)/" in links(sc)
    # Every resolution is on exactly one shelf page.
    shelved = [
        h
        for rel, page in pages.items()
        if rel.startswith("browse/") and rel.split("/")[1] not in {"agenda-items", "subjects", "series"}
        for h in links(page)
        if "/RES/" in h
    ]
    # (drafts, such as A/C.1/80/L.20, are on the site too, but are not resolutions)
    on_site = len([p for p in (ROOT / "resolutions").glob("*/resolution.yaml") if "-RES-" in p.parent.name])
    assert len(shelved) == len({h.split("RES/")[1] for h in shelved}) == on_site


def test_the_navigation_stays_small_and_the_home_page_keeps_its_sidebar(pages: dict[str, str]) -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    assert [next(iter(e.values())) for e in config["nav"]] == [
        "index.md", "browse/index.md", "documents/index.md", "topics/index.md", "states/index.md", "contributing.md",
    ]  # fmt: skip
    assert "hide:" not in pages["index.md"].split("---", 2)[1]


def test_a_resolution_header_links_its_body_and_session(pages: dict[str, str]) -> None:
    page = pages["A/RES/73/266/index.md"]
    header = page[page.index('<div class="ar-header">') : page.index("</div>", page.index('<div class="ar-header">'))]
    assert '<a href="../../../../browse/general-assembly/">General Assembly</a>' in header
    assert 'href="../../../../browse/general-assembly/73/"' in header and ">Seventy-third session</a>" in header
    assert "Distr.: General, 2 January 2019" in header
    # The header stands for the masthead: the official text starts with the adoption line.
    official = page[page.index('<div class="ar-official"') :]
    assert "ar-masthead-line" not in page
    assert official.index("ar-adoption") < official.index("ar-title") < official.index('id="formula"')
    assert page.count("Seventy-third session") == 1


def test_a_title_given_by_a_maintainer_is_the_page_title_but_not_official_text(pages: dict[str, str]) -> None:
    page = pages["S/RES/1590(2005)/index.md"]
    title = "Reports of the Secretary-General on the Sudan: establishment of the United Nations Mission in Sudan"
    assert f'<h1 class="ar-page-title">{title}' in page
    assert 'class="ar-title"' not in page  # the Council prints no title: none in the official text
    assert "citation_title: S/RES/1590(2005)" in page  # nor in what reference managers record
    assert f"S/RES/1590(2005)</a></td><td>{title}" in pages["browse/security-council/2005/index.md"]


def test_a_given_title_outlives_the_data_round_trip(tmp_path: Path) -> None:
    from generator.store import dump_yaml

    res = load_resolution(ROOT / "resolutions/S-RES-1590-2005/resolution.yaml")
    assert res.title == Localised() and res.display_title("en").startswith("Reports of the Secretary-General")
    (tmp_path / "resolution.yaml").write_text(dump_yaml(res), encoding="utf-8")
    assert load_resolution(tmp_path / "resolution.yaml") == res


def test_edit_this_page_leads_to_what_a_contributor_edits(pages: dict[str, str]) -> None:
    def edit_url(rel: str) -> object:
        return yaml.safe_load(pages[rel].split("---\n", 2)[1]).get("edit_url", "absent")

    repo = "https://github.com/annotated-resolutions/annotated-resolutions/edit/main/"
    assert edit_url("A/RES/73/266/index.md") == repo + "resolutions/A-RES-73-266/resolution.yaml"
    assert edit_url("S/RES/1590(2005)/index.md") == repo + "resolutions/S-RES-1590-2005/resolution.yaml"
    assert edit_url("contributing.md") == repo + "CONTRIBUTING.md"
    assert edit_url("topics/index.md") == repo + "resolutions/tags.yaml"
    for hidden in ("index.md", "documents/index.md", "browse/index.md", "browse/general-assembly/73/index.md"):
        assert edit_url(hidden) == "", hidden
    assert all(edit_url(rel) != "absent" for rel in pages if rel.endswith(".md")), "every generated page says"


def test_add_commentary_links_share_one_template(pages: dict[str, str]) -> None:
    page = pages["A/RES/73/266/index.md"]
    adds = re.findall(r'<a class="ar-add" href="([^"]+)"', page)
    assert len(adds) > 10
    assert all(a.endswith(".md") and "value=" not in a for a in adds)  # without JavaScript: the named file
    assert page.count("data-add-value=") == 1
    assert page.count("Your+name") == 1


# -- the outline ------------------------------------------------------------------------------


def test_first_words() -> None:
    assert first_words("Calls upon Member States:") == "Calls upon Member States:"
    assert (
        first_words("one two three four five six seven eight nine", 8)
        == "one two three four five six seven eight\u00a0…"
    )
    assert first_words("the 2010,[^1] 2013[^2] reports", 8) == "the 2010, 2013 reports"


def test_outline_of_a_resolution_groups_parts_and_folds_subparagraphs() -> None:
    res = load_resolution(ROOT / "resolutions/A-RES-73-266/resolution.yaml")
    slots = {"op-3": Slot("op-3", Path("op-3.md"), "Text.", 1)}
    groups = outline(res, slots, "en")
    assert [(g.title, g.count) for g in groups] == [("Preamble", 15), ("Operative part", 6)]
    ops = groups[1].chunks[0][1]
    assert (ops[0].number, ops[0].words) == ("1.", "Calls upon Member States:")
    assert [c.number for c in ops[0].children] == ["(a)", "(b)"]
    assert [e.id for e in ops if e.commented] == ["op-3"]
    assert groups[0].chunks[0][1][0].number == ""


def test_a_long_text_opens_as_a_few_lines() -> None:
    res = load_resolution(ROOT / "resolutions/A-RES-73-266/resolution.yaml")
    op = res.operative[2]
    many: tuple[Paragraph, ...] = tuple(
        replace(op, id=f"op-{n}", label=str(n), children=()) for n in range(1, 2 * OUTLINE_MAX + 3)
    )
    big: Resolution = replace(res, operative=many)
    ops = outline(big, {}, "en")[1]
    assert ops.count == len(many)
    assert [label for label, _ in ops.chunks] == ["1–25", "26–50", "51–75", "76–82"]
    assert all(len(entries) <= OUTLINE_CHUNK for _, entries in ops.chunks)
