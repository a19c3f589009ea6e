"""The vote line, panel, map and State pages: HTML through autoescaping templates."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import markdown
import pytest

from generator.cli import main
from generator.votes.model import Adoption, Fact, Sponsor
from generator.votes.render import Listed, render_state_pages, render_vote, series_of, state_page, vote_sentence
from generator.votes.states import state_table
from generator.votes.store import ADOPTION_FILE, load_adoption
from generator.votes.worldmap import map_view
from tests.conftest import ROOT
from tests.votes_site import add_resolution, fixture_files

TEMPLATES = ROOT / "templates"
TABLE = state_table()
PAGE = "A/RES/73/266/index.md"


@pytest.fixture(scope="module")
def adoptions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Adoption]:
    from tests.conftest import copy_project

    config = copy_project(tmp_path_factory.mktemp("votes"))
    for old in config.parent.glob(f"resolutions/*/{ADOPTION_FILE}"):
        old.unlink()
    add_resolution(
        config.parent / "resolutions", "A/RES/74/28", "Advancing responsible State behaviour", date(2019, 12, 12)
    )
    add_resolution(config.parent / "resolutions", "A/RES/76/19", "Developments", date(2021, 12, 6))
    assert main(["--config", str(config), "votes", "import", *map(str, fixture_files())]) == 0
    return {(a := load_adoption(p)).symbol: a for p in sorted(config.parent.glob(f"resolutions/*/{ADOPTION_FILE}"))}


def undocs(symbol: str) -> str:
    return "https://undocs.org/" + symbol


def vote_html(a: Adoption) -> str:
    vote = render_vote(TEMPLATES, a, PAGE, TABLE, undocs)
    return str(vote.line) + str(vote.panel)


def test_vote_line_of_a_recorded_vote(adoptions: dict[str, Adoption]) -> None:
    html = vote_html(adoptions["A/RES/73/266"])
    line = re.search(r'<p class="ar-vote[^>]*>.*?</p>', html)
    assert line is not None
    assert line.group(0) == (
        '<p class="ar-vote ar-vote--recorded" data-yes="138" data-no="12" data-abstain="16" data-non-voting="27">'
        "Adopted by a recorded vote of 138 to 12, with 16 abstentions "
        '(<a href="https://undocs.org/en/A/73/PV.65" title="Meeting record on undocs.org">A/73/PV.65</a>)'
        ' · <a class="ar-vote-more" href="#vote">how States voted</a></p>'
    )
    # States link to their pages, relative to the resolution's page.
    assert '<a href="../../../../states/cn/">China</a>' in html


def test_vote_line_without_a_vote_and_unknown(adoptions: dict[str, Adoption]) -> None:
    a = adoptions["A/RES/73/6"]
    assert vote_sentence(a) == "Adoption type unknown"
    assert 'data-adoption-unknown=""' in vote_html(a)
    without = replace(a, adoption=Fact("without a vote", ("un-data",)))
    html = vote_html(without)
    assert "Adopted without a vote (" in html and 'data-without-vote=""' in html and "data-yes" not in html


def test_grammar_of_abstentions(adoptions: dict[str, Adoption]) -> None:
    a = adoptions["A/RES/73/266"]
    assert a.vote is not None
    one = replace(a, vote=replace(a.vote, abstain=replace(a.vote.abstain, count=Fact(1, ("unvotes",)))))
    none = replace(a, vote=replace(a.vote, abstain=replace(a.vote.abstain, count=Fact(0, ("unvotes",)))))
    assert vote_sentence(one).endswith("with 1 abstention")
    assert vote_sentence(none).endswith("with no abstentions")


def test_data_text_is_escaped(adoptions: dict[str, Adoption]) -> None:
    a = adoptions["A/RES/ES-11/4"]
    hostile = replace(
        a,
        agenda_title=Fact('<script>alert("x")</script>', ("un-data",)),
        sponsors=Fact((Sponsor(text="<img src=x onerror=alert(1)>", note='" onmouseover="x'),), ("un-data",)),
        meeting_note="<b>resumed</b>",
    )
    html = vote_html(hostile)
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert '" onmouseover' not in html


def test_fragments_pass_through_python_markdown(adoptions: dict[str, Adoption]) -> None:
    vote = render_vote(TEMPLATES, adoptions["A/RES/74/28"], PAGE, TABLE, undocs)
    for html in (str(vote.line), str(vote.panel)):
        assert "\n\n" not in html
        page = f"Some text.\n\n{html}\n\n## Official text\n"
        rendered = markdown.markdown(page, extensions=["attr_list", "md_in_html", "footnotes", "tables"])
        assert html in rendered


def test_map_has_every_member_and_no_inline_colour(adoptions: dict[str, Adoption]) -> None:
    a = adoptions["A/RES/74/28"]
    assert a.vote is not None
    view = map_view(a.vote, TABLE)
    drawn = {s.code for s in (*view.shapes, *view.markers)}
    members = {s.alpha2 for s in TABLE.members_on(a.date.value)}  # type: ignore[union-attr]
    assert members <= drawn
    html = vote_html(a)
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert "style=" not in svg and not re.search(r'fill="#|stroke="#', svg)
    assert svg.count('class="ar-m-yes"') + svg.count('class="ar-m-yes ar-map-marker"') == 163
    assert "<title>China: No</title>" in svg


def test_draft_links_to_the_site_when_it_is_there(adoptions: dict[str, Adoption]) -> None:
    a = adoptions["A/RES/74/28"]

    def on_site(symbol: str) -> str:
        return "../../../../A/C.1/74/L.49/Rev.1/index.md" if symbol == "A/C.1/74/L.49/Rev.1" else undocs(symbol)

    html = str(render_vote(TEMPLATES, a, PAGE, TABLE, on_site).panel)
    assert '<a href="../../../../A/C.1/74/L.49/Rev.1/">A/C.1/74/L.49/Rev.1</a>' in html
    assert '<a href="https://undocs.org/A/74/363">A/74/363</a>, paragraph 9' in html


def listed(adoptions: dict[str, Adoption], titles: dict[str, str] | None = None) -> dict[str, Listed]:
    titles = titles or {}
    return {s: Listed(s, titles.get(s, f"Title of {s}"), f"{s}/index.md") for s in adoptions}


def test_state_page_lists_its_votes(adoptions: dict[str, Adoption]) -> None:
    pages = render_state_pages(TEMPLATES, adoptions, listed(adoptions), TABLE, "<!-- generated -->")
    cn = pages[state_page("CN")]
    assert cn.startswith("---\ntitle: China\n")
    row = re.search(r"<tr><td>2018</td><td><a href=\"../../A/RES/73/266/\">A/RES/73/266</a>.*?</tr>", cn)
    assert row is not None and "No</td>" in row.group(0)
    assert ">No</td>" in re.search(r"A/RES/74/28</a>.*?</tr>", cn).group(0)  # type: ignore[union-attr]
    fr = pages[state_page("FR")]
    assert ">Yes</td>" in re.search(r"A/RES/74/28</a>.*?</tr>", fr).group(0)  # type: ignore[union-attr]
    assert "Adopted without a vote" in re.search(r"A/RES/76/19</a>.*?</tr>", cn).group(0)  # type: ignore[union-attr]
    index = pages["states/index.md"]
    assert '<a href="cn/">China</a>' in index
    assert len(pages) == 1 + len({s for a in adoptions.values() for s in _states(a)})
    civ = pages[state_page("CI")]
    assert "title: Côte d'Ivoire" in civ and "<h1>Côte d&#39;Ivoire</h1>" in civ


def _states(a: Adoption) -> set[str]:
    from generator.votes.render import states_in

    return states_in(a)


def test_series_year_by_year(adoptions: dict[str, Adoption]) -> None:
    same = "Advancing responsible State behaviour in cyberspace"
    a73, a74 = adoptions["A/RES/73/266"], adoptions["A/RES/74/28"]
    a73 = replace(a73, agenda_item=Fact("93", ("text",)))
    entries = {"A/RES/73/266": a73, "A/RES/74/28": a74}
    titles = {"A/RES/73/266": same, "A/RES/74/28": same}
    groups = series_of([(listed(entries, titles)[s], a) for s, a in entries.items()])
    assert [[e[0].symbol for e in g] for g in groups] == [["A/RES/73/266", "A/RES/74/28"]]
    page = render_state_pages(TEMPLATES, entries, listed(entries, titles), TABLE, "")[state_page("CN")]
    section = page[page.index('<section class="ar-state-series">') :]
    assert section.index("2018") < section.index("2019")
    assert "agenda item 93, year by year" in section


def test_page_paths() -> None:
    assert state_page("CN") == "states/cn/index.md"
    assert Path(state_page("GB")).parent.name == "gb"
