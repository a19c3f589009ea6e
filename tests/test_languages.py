"""Language versions of a resolution's page: one page per language it has, the same paragraph ids,
the page's language and direction, labels in that language, commentary per language."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.build import build
from generator.commentary import load_slots
from generator.i18n import LABELS, LANGUAGE_NAMES, label, long_date, paragraph_name
from generator.model import LANGUAGES
from generator.project import project_from_config
from generator.store import load_resolution
from tests.conftest import ROOT, copy_project

SYMBOL = "A/RES/75/240"
SLUG = "A-RES-75-240"
COMMENTARY = """---
authors:
  - name: Ada Lovelace
updated: 2026-11-27
{extra}---

{body}
"""


def front(text: str) -> dict[str, object]:
    match = re.match(r"---\n(.*?)\n---\n", text, flags=re.S)
    assert match, text[:200]
    data = yaml.safe_load(match.group(1))
    assert isinstance(data, dict)
    return data


def ids(text: str) -> list[str]:
    return re.findall(r'<p class="ar-para[^"]*" id="([^"]+)"', text)


def drop_language(data_file: Path, paragraph_id: str, lang: str) -> None:
    """Remove one language's text of one paragraph from a structured resolution."""
    data = yaml.safe_load(data_file.read_text("utf-8"))
    for p in data["operative"]:
        if p["id"] == paragraph_id:
            del p["text"][lang]
            p["phrase"].pop(lang, None)
    data_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The core resolutions and A/RES/75/240 (six languages), op-2 missing in French, commentary
    on op-3 in English with a French version, on op-4 written in French; built into docs/."""
    tmp = tmp_path_factory.mktemp("languages")
    config = copy_project(tmp, core=True)
    folder = tmp / "resolutions" / SLUG
    shutil.copytree(ROOT / "resolutions" / SLUG, folder)
    drop_language(folder / "resolution.yaml", "op-2", "fr")
    notes = folder / "commentary"
    notes.mkdir(exist_ok=True)
    (notes / "op-3.md").write_text(COMMENTARY.format(extra="", body="English commentary on op 3."), "utf-8")
    (notes / "op-3.fr.md").write_text(COMMENTARY.format(extra="", body="Commentaire en français."), "utf-8")
    (notes / "op-4.md").write_text(COMMENTARY.format(extra="language: fr\n", body="Écrit en français."), "utf-8")
    build(project_from_config(config))
    return tmp / "docs"


def page(docs: Path, lang: str = "") -> str:
    path = docs / (f"{lang}/{SYMBOL}" if lang else SYMBOL) / "index.md"
    return path.read_text("utf-8")


def test_a_page_per_language_the_resolution_has_and_none_for_others(site: Path) -> None:
    for lang in ("ar", "zh", "fr", "ru", "es"):
        assert (site / lang / SYMBOL / "index.md").is_file()
    assert not (site / "en" / SYMBOL).exists()  # English stays at the symbol
    # A resolution in English only has no other page, and no switcher.
    assert not any((site / lang / "S/RES/1590(2005)").exists() for lang in LANGUAGES)
    assert "ar-languages" not in (site / "S/RES/1590(2005)/index.md").read_text("utf-8")


def test_every_version_has_the_same_paragraph_ids(site: Path) -> None:
    english = ids(page(site))
    assert len(english) > 20 and "op-3" in english
    for lang in ("ar", "zh", "fr", "ru", "es"):
        assert ids(page(site, lang)) == english, lang


def test_language_direction_and_alternates_in_the_front_matter(site: Path) -> None:
    expected = [
        {"hreflang": code, "path": (f"{code}/" if code != "en" else "") + SYMBOL + "/"}
        for code in ("en", "ar", "zh", "fr", "ru", "es")
    ]
    for lang, direction in (("", "ltr"), ("fr", "ltr"), ("ar", "rtl"), ("zh", "ltr")):
        meta = front(page(site, lang))
        assert meta["lang"] == (lang or "en")
        assert meta["dir"] == direction
        assert meta["alternates"] == expected  # the main version first (x-default)
        citation = meta["citation"]
        assert isinstance(citation, dict) and citation["citation_language"] == (lang or "en")
    arabic = page(site, "ar")
    assert '<div class="ar-official" lang="ar" dir="rtl"' in arabic
    assert front(page(site, "fr"))["title"] == (
        "A/RES/75/240: Progrès de l’informatique et des télécommunications et sécurité internationale"
    )
    # Arabic prints a dash between number and title: kept in the text, not in the page's title.
    assert not str(front(arabic)["title"]).startswith("A/RES/75/240: -")


def test_the_switcher_offers_the_languages_of_the_resolution(site: Path) -> None:
    french = page(site, "fr")
    links = re.findall(r'<a class="ar-language[^"]*" href="([^"]+)" lang="([a-z]+)"', french)
    assert links == [
        ("../../../../../ar/A/RES/75/240/", "ar"),
        ("../../../../../zh/A/RES/75/240/", "zh"),
        ("../../../../../A/RES/75/240/", "en"),
        ("./", "fr"),
        ("../../../../../ru/A/RES/75/240/", "ru"),
        ("../../../../../es/A/RES/75/240/", "es"),
    ]
    assert 'aria-current="page" data-language="fr"' in french
    assert '<select class="ar-parallel-select" data-current="fr">' in french


def test_a_paragraph_missing_in_a_language_says_so_and_links_the_english(site: Path) -> None:
    french = page(site, "fr")
    missing = re.search(r'<p class="ar-para[^"]*ar-missing" id="op-2">(.*?)</p>', french, flags=re.S)
    assert missing, "op-2 has no French text: its place says so"
    assert (
        '<a class="ar-missing-note" href="../../../../../A/RES/75/240/#op-2">'
        + label("missing_in_language", "fr")
        + "</a>"
    ) in missing.group(1)
    assert "ar-missing" not in page(site, "es")  # the Spanish text has it
    assert re.search(
        r'id="op-2"><span class="ar-num">2 -</span> <strong>|id="op-2"><span class="ar-num">2 -', page(site, "ar")
    )


def test_labels_dates_and_paragraph_names_in_the_pages_language(site: Path) -> None:
    french, arabic, chinese = page(site, "fr"), page(site, "ar"), page(site, "zh")
    assert "## Texte officiel { #official-text }" in french
    assert "## النص الرسمي { #official-text }" in arabic
    assert "## 正式文本 { #official-text }" in chinese
    assert 'title="Lien permanent vers paragraphe 3 du dispositif"' in french
    assert 'aria-label="Citer alinéa 1 du préambule"' in french
    assert "31 décembre 2020" in french and "2020年12月31日" in chinese
    assert "31 كانون الأول/ديسمبر 2020" in arabic
    assert ">Ajouter un commentaire</a>" in french
    assert "Official text" not in french and "Permanent link" not in french


def test_footnotes_in_the_pages_language(site: Path) -> None:
    res = load_resolution(ROOT / "resolutions" / SLUG / "resolution.yaml", "resolution.yaml", set(), [])
    note = res.footnotes[0]
    for lang in ("fr", "zh", "ru"):
        text = page(site, lang)
        footnotes = text[text.index('<div class="footnote" lang="' + lang) :]
        assert note.text[lang].rstrip(".。") in footnotes, lang


def test_commentary_per_language(site: Path) -> None:
    english, french, spanish = page(site), page(site, "fr"), page(site, "es")
    assert "English commentary on op 3." in english and "Commentaire en français." not in english
    assert "Commentaire en français." in french and "English commentary on op 3." not in french
    # The Spanish page shows the slot itself, marked with its language.
    assert "English commentary on op 3." in spanish
    assert '<span class="ar-written-in" data-language="en">Escrito en inglés</span>' in spanish
    # Commentary written in French is shown everywhere, marked where the page is in another language.
    assert "Écrit en français." in english and "Écrit en français." in spanish
    assert '<span class="ar-written-in" data-language="fr">Written in French</span>' in english
    op4 = french[french.index('id="op-4"') : french.index('id="op-5"')]
    assert "ar-written-in" not in op4 and '<div class="ar-commentary-body" lang="fr" dir="ltr">' in op4
    # The French version's "Edit" opens its own file.
    assert "commentary/op-3.fr.md" in french and "commentary/op-3.fr.md" not in english


def test_commentary_file_names_and_language_are_checked(tmp_path: Path) -> None:
    res = load_resolution(ROOT / "resolutions" / SLUG / "resolution.yaml", "resolution.yaml", set(), [])
    folder = tmp_path / "commentary"
    folder.mkdir()
    (folder / "op-1.md").write_text(COMMENTARY.format(extra="language: klingon\n", body="Text."), "utf-8")
    (folder / "op-1.xx.md").write_text(COMMENTARY.format(extra="", body="Text."), "utf-8")
    (folder / "op-2.fr.md").write_text(COMMENTARY.format(extra="", body="Texte."), "utf-8")
    (folder / "op-3.md").write_text(COMMENTARY.format(extra="", body="Text."), "utf-8")
    (folder / "op-3.es.md").write_text(COMMENTARY.format(extra="language: fr\n", body="Texto."), "utf-8")
    (folder / "op-3.en.md").write_text(COMMENTARY.format(extra="", body="Again."), "utf-8")
    slots, errors, lint = load_slots(folder, res, tmp_path)
    messages = [f"{p.path}:{p.line}: {p.message}" for p in errors + lint]
    assert any(m.startswith("commentary/op-1.xx.md:0: 'xx' in the name") for m in messages), messages
    assert any(m.startswith("commentary/op-2.fr.md:0: a version in one language") for m in messages), messages
    assert any("op-3.en.md" in m and "written in 'en' already" in m for m in messages), messages
    assert any(m.startswith("commentary/op-1.md:5: 'language' must be one of ar, zh") for m in messages), messages
    assert any(m.startswith("commentary/op-3.es.md:5: 'language' must be es") for m in messages), messages
    assert [code for code, _ in slots["op-3"].versions] == ["en", "es"]


def test_every_label_exists_in_the_six_languages() -> None:
    for key, forms in LABELS.items():
        assert set(forms) == set(LANGUAGES), key
    for names in LANGUAGE_NAMES.values():
        assert set(names) == set(LANGUAGES)
    from datetime import date

    assert long_date(date(2018, 12, 1), "fr") == "1er décembre 2018"
    assert paragraph_name("operative", "1", ("a",), "zh") == "执行部分第1段(a)"


def test_language_pages_are_built_incrementally(tmp_path: Path) -> None:
    config = copy_project(tmp_path, core=True)
    folder = tmp_path / "resolutions" / SLUG
    shutil.copytree(ROOT / "resolutions" / SLUG, folder)
    project = project_from_config(config)
    first = build(project)
    french = tmp_path / "docs" / "fr" / SYMBOL / "index.md"
    assert french in first.written
    assert build(project).rendered == []  # nothing changed: nothing rendered
    (folder / "commentary").mkdir(exist_ok=True)
    (folder / "commentary" / "op-1.md").write_text(COMMENTARY.format(extra="", body="Note."), "utf-8")
    (folder / "commentary" / "op-1.fr.md").write_text(COMMENTARY.format(extra="", body="Remarque."), "utf-8")
    third = build(project)
    assert third.rendered == [f"page {SYMBOL}"]
    assert french in third.written and "Remarque." in french.read_text("utf-8")
    # Removing a language version's commentary file renders the page again; the French page drops it.
    (folder / "commentary" / "op-1.fr.md").unlink()
    build(project)
    assert "Remarque." not in french.read_text("utf-8") and "Note." in french.read_text("utf-8")


def test_a_language_version_links_the_files_beside_the_main_page_in_its_language(site: Path) -> None:
    french = page(site, "fr")
    main = "../../../../../A/RES/75/240/"
    assert f'<a href="{main}citation.bib">BibTeX</a>' in french
    assert f'<a href="{main}resolution.fr.xml">Akoma Ntoso XML</a>' in french
    assert f'<a href="{main}resolution.fr.json">JSON</a>' in french
    assert (site / SYMBOL / "resolution.fr.xml").is_file() and (site / SYMBOL / "citation.bib").is_file()
    assert "source.fr.xml</a>" in french
    assert '<a href="resolution.en.xml">Akoma Ntoso XML</a>' in page(site)
