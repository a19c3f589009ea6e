"""Navigation for thousands of resolutions: pages by agenda item, by subject and by series, each
linking every resolution it concerns once; index pages that grow with the agenda items and
subjects, not with the resolutions; the home page's series."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

import pytest

from generator.browse import AGENDA_PAGE, SERIES_PAGE, SUBJECTS_PAGE, agenda_slugs, subject_of
from generator.build import load_project, render_pages
from generator.project import project_from_config
from generator.render import Listed, environment, render_browse, render_home, series_of
from tests.conftest import ROOT


def links(page: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', page)


def resolution_links(page: str) -> list[str]:
    return [h for h in links(page) if "/RES/" in h]


def test_subjects_read_as_words() -> None:
    unbis = subject_of("UNBIS", "sustainable_development")
    assert unbis is not None
    assert (unbis.label, unbis.page) == (
        "Sustainable development",
        "browse/subjects/unbis/sustainable-development/index.md",
    )
    goal = subject_of("SDGO", "16")
    assert goal is not None
    assert (goal.label, goal.page) == (
        "Goal 16: Peace, justice and strong institutions",
        "browse/subjects/sdg/16/index.md",
    )
    eurovoc = subject_of("EuroVoc", "public_institution")
    assert eurovoc is not None and eurovoc.thesaurus == "eurovoc"
    assert subject_of("DHLAUTH", "Pact for the Future (2024)") is None  # no pages for the library's authorities
    assert subject_of("UNBIS", " _ ") is None
    assert sorted([goal, unbis, eurovoc]) == [goal, unbis, eurovoc]  # goals, then UNBIS, then EuroVoc


def test_agenda_item_slugs_are_unique_and_short() -> None:
    prefix = "Cooperation between the United Nations and regional and other organizations: cooperation between the United Nations and "
    titles = [
        prefix + name for name in ("the African Union", "the Council of Europe", "the Organization of American States")
    ]
    titles.append("Advancement of women")
    slugs = agenda_slugs(titles)
    assert slugs["Advancement of women"] == "advancement-of-women"
    assert len(set(slugs.values())) == 4
    assert all(len(s) <= 64 for s in slugs.values())
    assert agenda_slugs(list(reversed(titles))) == slugs


# -- a synthetic site of thousands of resolutions -------------------------------------------------

TITLES = [f"Agenda item title {i}" for i in range(25)]
SUBJECTS = [("UNBIS", f"keyword_{i}") for i in range(12)] + [("SDGO", str(g)) for g in range(1, 18)]


def synthetic(sessions: int, per_session: int) -> list[Listed]:
    out = []
    for s in range(80 - sessions, 80):
        for n in range(1, per_session + 1):
            i = s * 1000 + n
            out.append(
                Listed(
                    f"A/RES/{s}/{n}",
                    f"Resolution {n % 40} title",
                    date(1945 + s, 12, 1 + n % 28),
                    "General Assembly",
                    f"{s}/{n}",
                    agenda=str(n % 25 + 10),
                    agenda_title="" if n % 50 == 0 else TITLES[n % 25],
                    subjects=tuple(sorted({SUBJECTS[i % len(SUBJECTS)], SUBJECTS[(i * 7) % len(SUBJECTS)]})),
                )
            )
    return out


@pytest.fixture(scope="module")
def big() -> tuple[list[Listed], dict[str, str]]:
    listed = synthetic(sessions=6, per_session=400)
    return listed, render_browse(environment(ROOT / "templates"), listed)


def test_every_resolution_is_on_one_agenda_item_page(big: tuple[list[Listed], dict[str, str]]) -> None:
    listed, pages = big
    item_pages = {rel: p for rel, p in pages.items() if rel.startswith("browse/agenda-items/") and rel != AGENDA_PAGE}
    assert len(item_pages) == len(TITLES)
    listed_on = Counter(h.split("RES/")[1].rstrip("/") for p in item_pages.values() for h in resolution_links(p))
    with_item = {r.symbol.split("RES/")[1] for r in listed if r.agenda_title}
    assert set(listed_on) == with_item and set(listed_on.values()) == {1}
    # The index links each item's page once, and no resolution.
    index = pages[AGENDA_PAGE]
    assert not resolution_links(index)
    assert len(links(index)) == len(TITLES) + 1  # and Browse
    page = item_pages[f"browse/agenda-items/{agenda_slugs(TITLES)[TITLES[3]]}/index.md"]
    assert f"<h1>{TITLES[3]}</h1>" in page and "<th>Item</th>" in page


def test_every_subject_page_lists_its_resolutions_once(big: tuple[list[Listed], dict[str, str]]) -> None:
    listed, pages = big
    subject_pages = {rel: p for rel, p in pages.items() if rel.startswith("browse/subjects/") and rel != SUBJECTS_PAGE}
    assert len(subject_pages) == len(SUBJECTS)
    for dictionary, value in SUBJECTS:
        subject = subject_of(dictionary, value)
        assert subject is not None
        expected = sorted(r.symbol.split("RES/")[1] for r in listed if (dictionary, value) in r.subjects)
        found = [h.split("RES/")[1].rstrip("/") for h in resolution_links(subject_pages[subject.page])]
        assert sorted(found) == expected, subject.label
    index = pages[SUBJECTS_PAGE]
    assert not resolution_links(index)
    assert len(links(index)) == len(SUBJECTS) + 1
    assert index.index("Sustainable Development Goals") < index.index("UNBIS Thesaurus")


def test_the_index_pages_grow_with_items_and_subjects_not_with_resolutions() -> None:
    env = environment(ROOT / "templates")
    small = render_browse(env, synthetic(sessions=6, per_session=100))
    large = render_browse(env, synthetic(sessions=6, per_session=400))
    for page in ("browse/index.md", AGENDA_PAGE, SUBJECTS_PAGE, "browse/general-assembly/index.md"):
        assert len(links(small[page])) == len(links(large[page])), page
        assert len(large[page]) < 20_000, page
    # The shelves of a session list its resolutions: one page per session, 400 rows.
    assert len(resolution_links(large["browse/general-assembly/79/index.md"])) == 400


def test_series_home_page_and_series_page() -> None:
    listed = [
        Listed(
            "A/RES/77/5", "Oceans", date(2022, 12, 9), "General Assembly", "77/5", "70", "Oceans and the law of the sea"
        ),
        Listed(
            "A/RES/78/5", "Oceans", date(2023, 12, 5), "General Assembly", "78/5", "72", "Oceans and the law of the sea"
        ),
        Listed(
            "A/RES/79/5", "Oceans", date(2024, 12, 4), "General Assembly", "79/5", "75", "Oceans and the law of the sea"
        ),
        Listed("A/RES/79/9", "Alone", date(2024, 12, 4), "General Assembly", "79/9", "75", "Something else"),
    ]
    found = series_of(listed, {})
    assert [(s.name, [m.symbol for m in s.members]) for s in found] == [
        ("Oceans", ["A/RES/77/5", "A/RES/78/5", "A/RES/79/5"])
    ]
    pages = render_home(environment(ROOT / "templates"), listed, {})
    home = pages["index.md"]
    series = home[home.index("## Series") : home.index("## Browse")]
    assert "<td>Oceans</td><td>3, 2022–2024</td>" in series
    assert resolution_links(series) == ["A/RES/79/5/"]
    page = pages[SERIES_PAGE]
    assert resolution_links(page) == ["../../A/RES/77/5/", "../../A/RES/78/5/", "../../A/RES/79/5/"]


def test_the_site_has_its_series_agenda_items_and_subjects() -> None:
    project = project_from_config(ROOT / "mkdocs.yml")
    pages = {k: v for k, v in render_pages(project, load_project(project)).items() if isinstance(v, str)}
    home = pages["index.md"]
    assert "## Series" in home
    series = pages[SERIES_PAGE]
    # The line on information and telecommunications, and the one on the embargo against Cuba.
    rows = series.split("<tr>")
    assert any("73/266" in row and "76/19" in row for row in rows)
    assert any("74/7" in row and "80/4" in row for row in rows)
    # Every resolution with an agenda item is on one agenda item page; the AKN imports have subjects.
    item_links = [h for rel, p in pages.items() if rel.startswith("browse/agenda-items/") for h in resolution_links(p)]
    assert len(item_links) == len(set(item_links)) > 10
    assert any(rel.startswith("browse/subjects/sdg/") for rel in pages)
    assert 'href="agenda-items/"' in pages["browse/index.md"] and 'href="subjects/"' in pages["browse/index.md"]
